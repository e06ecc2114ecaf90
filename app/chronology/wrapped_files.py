"""Chronologies wrapped in another container: a .zip holding a system's export, LibreOffice's
flat XML documents (.fodt, .fods: the package's content in one XML file), Word's "Word XML
Document" (the whole .docx package in one XML file) and a PowerPoint deck's tables.

The first three are unwrapped into a file of their own in a temporary folder, under the name
of the file inside (or the file's own name), and read as that file is; the deck's tables are
read as a Word document's."""

from __future__ import annotations

import base64
import binascii
import re
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from app.chronology.file_guard import ImportRefused

# LibreOffice's flat XML: the root office:document names what the document is.
_FLAT_ODF = re.compile(
    rb"<office:document\b[^>]*?office:mimetype=\"(application/vnd\.oasis\.opendocument\."
    rb"(?:text|spreadsheet))\"",
    re.S,
)
_FLAT_OPC = b"schemas.microsoft.com/office/2006/xmlPackage"
_OPC_PART = re.compile(
    r"<pkg:part\b([^>]*)>\s*<pkg:(xmlData|binaryData)>(.*?)</pkg:\2>\s*</pkg:part>", re.S
)
_ATTRIBUTE = re.compile(r'pkg:(name|contentType)="([^"]*)"')
# What a file inside a zip may be to be read (the reader still looks at its content).
_READABLE = {".csv", ".txt", ".tsv", ".tab", ".xlsx", ".xlsm", ".xlsb", ".xls", ".ods",
             ".fods", ".fodt", ".docx", ".docm", ".odt", ".rtf", ".pdf", ".htm", ".html",
             ".mht", ".mhtml", ".json", ".jsonl", ".xml", ".md", ".eml", ".doc"}  # fmt: skip
_RANKS = (
    {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".fods", ".csv", ".tsv", ".tab", ".json",
     ".jsonl", ".xml"},
    {".docx", ".docm", ".doc", ".odt", ".fodt", ".rtf", ".htm", ".html", ".mht", ".mhtml",
     ".eml", ".md", ".pdf"},
)  # fmt: skip
_READ_ME = re.compile(r"(?i)^(?:read[ _-]?me|manifest|licen[cs]e|index|about)\b")


def flat_kind(body: bytes) -> bool:
    """Whether the start of a file is a flat XML document: LibreOffice's .fodt / .fods or an
    Office package written as one XML file."""
    start = body.lstrip()
    if not start.startswith(b"<"):
        return False
    return _FLAT_ODF.search(body) is not None or (_FLAT_OPC in body and b"package" in body)


@contextmanager
def unwrapped(path: Path, kind: str) -> Iterator[tuple[Path, str]]:
    """(the file inside, a note saying so) for a zip archive ("zip") or a flat XML document
    ("flat"); the temporary copy is removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="reviewdesk-"))
    try:
        if kind == "zip":
            inner, note = _from_zip(path, folder)
        elif kind == "msg":
            inner, note = _from_message(path, folder)
        else:
            inner, note = _from_flat(path, folder)
        yield inner, note
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _from_zip(path: Path, folder: Path) -> tuple[Path, str]:
    """The one chronology file in a zip archive (the archive's size and parts were checked in
    file_guard.check_archive before this)."""
    shown = path.name
    with zipfile.ZipFile(path) as archive:
        files = [m for m in archive.infolist() if not m.is_dir()]
        readable = [
            m for m in files
            if PurePosixPath(m.filename).suffix.lower() in _READABLE
            and not PurePosixPath(m.filename).name.startswith((".", "~$"))
            and not m.filename.startswith("__MACOSX/")
        ]  # fmt: skip
        chosen = [m for m in readable if not _READ_ME.match(PurePosixPath(m.filename).name)]
        # A printed copy (PDF), a covering letter or notes beside one spreadsheet: the
        # spreadsheet; a document beside text notes: the document.
        for rank in _RANKS:
            first = [m for m in chosen if PurePosixPath(m.filename).suffix.lower() in rank]
            if first:
                chosen = first if len(first) == 1 else chosen
                break
        days = _day_files(chosen) if len(chosen) > 2 else None
        if days is not None:
            return _joined_days(archive, days, files, folder, shown)
        if len(chosen) != 1:
            names = ", ".join(PurePosixPath(m.filename).name for m in (chosen or files)[:10])
            what = (f"holds {len(chosen)} files that could be the chronology ({names})"
                    if chosen else "holds no file ReviewDesk can read")  # fmt: skip
            raise ImportRefused(
                f"{shown} is a zip archive that {what}. Extract the chronology from it and "
                "import that file."
            )
        member = chosen[0]
        name = PurePosixPath(member.filename).name
        target = folder / name
        with archive.open(member) as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out)
    others = [PurePosixPath(m.filename).name for m in files if m is not member]
    note = f"{shown} is a zip archive: {name} inside it was read."
    if others:
        note += " Not read: " + ", ".join(others[:10]) + "."
    return target, note


# A file named by its day ("2016-03-14.json"), as a chat service's export keeps each day of a
# channel, or a log its days.
_DAY_NAME = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day_files(members: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo] | None:
    """The JSON files of one folder each named by a day, when they are two or more and no
    other folder holds such files; None otherwise."""
    days = [
        m
        for m in members
        if PurePosixPath(m.filename).suffix.lower() == ".json"
        and _DAY_NAME.fullmatch(PurePosixPath(m.filename).stem)
    ]
    if len(days) < 2 or len({PurePosixPath(m.filename).parent for m in days}) != 1:
        return None
    return sorted(days, key=lambda m: m.filename)


def _joined_days(
    archive: zipfile.ZipFile,
    days: list[zipfile.ZipInfo],
    files: list[zipfile.ZipInfo],
    folder: Path,
    shown: str,
) -> tuple[Path, str]:
    """The day files' records as one JSON list, written to a file of its own; and a note."""
    import json

    records: list[Any] = []
    for member in days:
        try:
            data = json.loads(archive.read(member).decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise ImportRefused(
                f"{shown} holds {member.filename}, which is not a JSON file that can be read. "
                "Ask the agency to send the export again."
            ) from None
        records.extend(data if isinstance(data, list) else [data])
    where = PurePosixPath(days[0].filename).parent
    label = where.name or PurePosixPath(shown).stem
    target = folder / f"{label}.json"
    target.write_text(json.dumps(records), encoding="utf-8")
    others = [PurePosixPath(m.filename).name for m in files if m not in days]
    note = (
        f"{shown} is a zip archive keeping a file for each day ({len(days)} files in "
        f"{where}/, {PurePosixPath(days[0].filename).name} to "
        f"{PurePosixPath(days[-1].filename).name}): read together, day after day."
    )
    if others:
        note += " Not read: " + ", ".join(others[:10]) + "."
    return target, note


# An Outlook message's streams (MAPI properties): the body as text (Unicode, or 8-bit in the
# message's code page), as HTML, and each attachment's file name and bytes.
_BODY_TEXT = ("__substg1.0_1000001F", "__substg1.0_1000001E")
_BODY_HTML = ("__substg1.0_10130102", "__substg1.0_1013001F", "__substg1.0_1013001E")
_ATTACHED_NAME = ("__substg1.0_3707001F", "__substg1.0_3704001F", "__substg1.0_3707001E",
                  "__substg1.0_3704001E")  # fmt: skip
_ATTACHED_DATA = "__substg1.0_37010102"


def _from_message(path: Path, folder: Path) -> tuple[Path, str]:
    """The chronology in an Outlook message (.msg): the one file attached to it ReviewDesk can
    read (as in a zip archive), else the message's own text, HTML when it has it (a table in
    the message stays a table) or plain text."""
    import olefile

    from app.chronology.file_guard import outlook_refused

    shown = path.name
    try:
        with olefile.OleFileIO(str(path)) as message:
            streams = {"/".join(parts) for parts in message.listdir(streams=True)}

            def read(name: str) -> bytes:
                return message.openstream(name).read() if name in streams else b""

            attached = []
            for storage in sorted({n.split("/", 1)[0] for n in streams if "/" in n}):
                if not storage.startswith("__attach_version1.0_"):
                    continue
                data_name = f"{storage}/{_ATTACHED_DATA}"
                named = next((n for n in _ATTACHED_NAME if f"{storage}/{n}" in streams), "")
                if data_name in streams and named:  # (a message attached has no bytes)
                    codec = "utf-16-le" if named.endswith("1F") else "cp1252"
                    name = read(f"{storage}/{named}").decode(codec, "replace").strip("\0 ")
                    attached.append((PurePosixPath(name.replace("\\", "/")).name, data_name))
            readable = [
                (name, stream) for name, stream in attached
                if PurePosixPath(name).suffix.lower() in _READABLE and not name.startswith(".")
            ]  # fmt: skip
            for rank in _RANKS:
                first = [a for a in readable if PurePosixPath(a[0]).suffix.lower() in rank]
                if first:
                    readable = first if len(first) == 1 else readable
                    break
            if len(readable) > 1:
                names = ", ".join(name for name, _s in readable[:10])
                raise outlook_refused(
                    shown,
                    f"with {len(readable)} files attached that could be the chronology "
                    f"({names}); ReviewDesk reads one",
                )
            if readable:
                name, stream = readable[0]
                target = folder / (name or "attachment")
                target.write_bytes(read(stream))
                others = [n for n, _s in attached if n != name]
                note = f"{shown} is an Outlook message: {name} attached to it was read."
                if others:
                    note += " Not read: " + ", ".join(others[:10]) + "."
                return target, note
            html = next((read(n) for n in _BODY_HTML if n in streams), b"")
            if html.strip() and b"<table" in html.lower():
                target = folder / f"{path.stem}.html"
                target.write_bytes(html)
                return target, f"{shown} is an Outlook message: the text of the message was read."
            text = read(_BODY_TEXT[0]).decode("utf-16-le", "replace") or read(_BODY_TEXT[1]).decode(
                "cp1252", "replace"
            )
    except (OSError, ValueError, IndexError, struct.error) as error:  # a damaged container
        raise outlook_refused(shown, f"that could not be read ({error})") from None
    text = text.replace("\0", "").strip()
    if not text:
        raise outlook_refused(shown, "with no text and no file attached that ReviewDesk reads")
    target = folder / f"{path.stem}.txt"
    target.write_text(text + "\n", encoding="utf-8")
    return target, f"{shown} is an Outlook message: the text of the message was read."


def _from_flat(path: Path, folder: Path) -> tuple[Path, str]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    shown = path.name
    data = path.read_bytes()
    try:
        fromstring(data)  # refuses entity tricks before any part is taken out
    except (DefusedXmlException, SyntaxError, ValueError):
        raise ImportRefused(
            f"{shown} cannot be read as an XML document: it is damaged. Ask the agency to send "
            "it again."
        ) from None
    target = folder / path.name
    found = _FLAT_ODF.search(data[:65536])
    if found is not None:
        mimetype = found.group(1).decode("ascii")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr(zipfile.ZipInfo("mimetype"), mimetype)
            package.writestr("content.xml", data)
            package.writestr(
                "META-INF/manifest.xml",
                '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                f'manifest:full-path="/" manifest:media-type="{mimetype}"/></manifest:manifest>',
            )
        what = "text" if mimetype.endswith("text") else "spreadsheet"
        return target, f"{shown} is a LibreOffice flat XML {what}: read as its content."
    text = data.decode("utf-8-sig", errors="replace")
    types = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for attributes, how, inner in _OPC_PART.findall(text):
            fields = dict(_ATTRIBUTE.findall(attributes))
            name = fields.get("name", "").lstrip("/")
            if not name or name.startswith("["):
                continue
            if how == "xmlData":
                body = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        + inner.strip()).encode("utf-8")  # fmt: skip
            else:
                try:
                    body = base64.b64decode("".join(inner.split()), validate=True)
                except (binascii.Error, ValueError):
                    continue
            package.writestr(name, body)
            if fields.get("contentType"):
                types.append((name, fields["contentType"]))
        overrides = "".join(f'<Override PartName="/{n}" ContentType="{t}"/>' for n, t in types)
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
            f'Extension="xml" ContentType="application/xml"/>{overrides}</Types>',
        )
    if not types:
        raise ImportRefused(f"{shown} is an XML file with no document in it. " + _SEND_AS)
    return target, f"{shown} is an Office document saved as one XML file: read as the document."


_SEND_AS = "Ask the agency for the chronology as an Excel workbook (.xlsx) or a Word document."
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def pptx_grids(path: Path) -> list[list[list[Any]]]:
    """The tables on a PowerPoint deck's slides, in the deck's order (each a list of rows of
    cell texts, a cell's paragraphs on lines of their own)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        with zipfile.ZipFile(path) as archive:
            names = {m.filename.lower(): m.filename for m in archive.infolist()}

            def xml(name: str):
                return fromstring(archive.read(names[name.lower()]))

            deck = xml("ppt/presentation.xml")
            rels = xml("ppt/_rels/presentation.xml.rels")
            targets = {r.get("Id"): r.get("Target", "") for r in rels}
            order = []
            for slide in deck.iter():
                if slide.tag.endswith("}sldId"):
                    target = targets.get(slide.get(f"{_REL}id"), "")
                    target = target.lstrip("/") if target.startswith("/") else f"ppt/{target}"
                    order.append(str(PurePosixPath(target)))
            if not order:  # no list of slides: the slides' files in their numbers' order
                order = sorted((n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                               key=lambda n: int(re.sub(r"\D", "", n)))  # fmt: skip
            grids = []
            for name in order:
                if name.lower() not in names:
                    continue
                for table in xml(name).iter(f"{_DRAWING}tbl"):
                    grid = []
                    for row in table.iter(f"{_DRAWING}tr"):
                        grid.append([
                            "\n".join("".join(t.text or "" for t in p.iter(f"{_DRAWING}t"))
                                      for p in cell.iter(f"{_DRAWING}p")).strip()
                            for cell in row.iter(f"{_DRAWING}tc")
                        ])  # fmt: skip
                    if grid:
                        grids.append(grid)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, DefusedXmlException):
        raise ImportRefused(
            f"{path.name} cannot be read as a PowerPoint presentation: it is damaged. Ask the "
            "agency to send it again."
        ) from None
    if not grids:
        raise ImportRefused(
            f"{path.name} is a PowerPoint presentation with no table on its slides. " + _SEND_AS
        )
    return grids
