"""Binary workbooks (.xlsb) written record by record, as Excel lays them out: enough of the
format for a parser to read a sheet of text cells, and to place a cell anywhere."""

import zipfile
from pathlib import Path

_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org'
    '/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/>'
    "</Relationships>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org'
    '/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'
)
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package'
    '/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="bin" ContentType="application/vnd.ms-excel.'
    'sheet.binary.macroEnabled.main"/></Types>'
)


def record(kind: int, data: bytes = b"") -> bytes:
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size, length = len(data), bytearray()
    while True:
        byte, size = size & 0x7F, size >> 7
        length.append(byte | (0x80 if size else 0))
        if not size:
            break
    return head + bytes(length) + data


def u32(value: int) -> bytes:
    return value.to_bytes(4, "little")


def wide(text: str) -> bytes:
    return u32(len(text)) + text.encode("utf-16-le")


def sheet_records(rows: list[list[str]], extra: list[tuple[int, int, str]] = ()) -> bytes:
    """A sheet of text cells; ``extra``: (row, column, text) cells placed after them."""
    width = max(len(r) for r in rows)
    data = record(0x0081) + record(0x0094, u32(0) + u32(len(rows) - 1) + u32(0) + u32(width - 1))
    data += record(0x0091)
    for number, cells in enumerate(rows):
        data += record(0x0000, u32(number) + bytes(13))
        for column, text in enumerate(cells):
            data += record(0x0006, u32(column) + bytes(4) + wide(text))
    for number, column, text in extra:
        data += record(0x0000, u32(number) + bytes(13))
        data += record(0x0006, u32(column) + bytes(4) + wide(text))
    return data + record(0x0092) + record(0x0082)


def write_xlsb(path: Path, rows: list[list[str]], *, sheet: bytes | None = None) -> Path:
    workbook = record(0x0083) + record(0x009C, u32(0) + u32(1) + wide("rId1") + wide("Chronology"))
    workbook += record(0x0090) + record(0x009D, bytes(8)) + record(0x0084)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.bin", workbook)
        archive.writestr("xl/_rels/workbook.bin.rels", _RELS)
        archive.writestr("xl/worksheets/sheet1.bin", sheet or sheet_records(rows))
    return path
