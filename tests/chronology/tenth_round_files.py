"""The tenth round's files: Word chronologies written as prose ("On 14 March 2016 the school
nurse ..."), a table with further entries typed as paragraphs under it, the whole chronology
typed into a one-cell box, tables without a heading row, typed entry numbers before the dates,
whole rows deleted and inserted with changes tracked; workbooks an export library wrote with
formulas never calculated (HYPERLINK to the case record, DATE), Excel's Data > Subtotal rows,
formula errors in the date column; a CSV saved from Excel whose narrow date column came out as
"########"; a plain-text e-mail wrapped at 72 characters; an old system's text ending with the
DOS end-of-file mark. Written after the first rules: prose starting with dates known only to
the month or week, a Word text box, sqlcmd's and psql's outputs, UTF-16 without a byte order
mark, an .xlsb with rows struck through, a day's contacts as bullets starting with their time
under a date heading, details typed into cell comments, a Windows-1250 CSV with Polish names.
Each builder writes a file into a folder and returns (path, truth). All names are
fictional."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_more import _fill, _word_table
from tests.chronology.seventh_round_sheets import _t

# What the importer is expected to say or keep beyond the entries (file name: texts that must
# appear in the import's output).
SAID: dict[str, list[str]] = {}


def _long(i: int) -> str:
    return f"{DAYS[i].day} {DAYS[i]:%B %Y}"


def _docx(document, folder: Path, name: str) -> Path:
    path = folder / name
    document.save(path)
    return path


# --- 1. Word chronologies written as prose -------------------------------------------------------

_OPENINGS = [
    "On {d} ",
    "On {d}, ",
    "On the {o} ",
    "On {w} {d} ",
    "On {d} ",
    "On {d} at {t} ",
    "On {d}, ",
    "On {d} ",
]
_WHO = [
    "the health visitor recorded: ",
    "the nursery reported: ",
    "the clinic noted: ",
    "the hospital recorded: ",
]
_ORD = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _ordinal(i: int) -> str:
    d = DAYS[i].day
    return f"{d}{_ORD.get(d, 'th')} {DAYS[i]:%B %Y}"


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def _on_sentence(i: int) -> str:
    opening = _OPENINGS[i].format(
        d=_long(i), o=_ordinal(i), w=f"{DAYS[i]:%A}", t=f"{TIMES[i]:%H:%M}"
    )
    return opening + _WHO[i % 4] + TEXTS[i]


def word_on_date_sentences(folder: Path):
    """An IMR author's chronology written as prose: a heading, an introduction, then each entry a
    paragraph beginning "On 14 March 2016", "On the 3rd April 2016", "On Tuesday 21 June 2016",
    "On 12 September 2016 at 08:15"; a paragraph of analysis at the end that names no day."""
    import docx

    document = docx.Document()
    document.add_heading("Section 3: Chronology of involvement", level=1)
    document.add_paragraph(
        "This section sets out the agency's contact with the family between March and November "
        "2016, taken from the electronic record."
    )
    for i in range(8):
        document.add_paragraph(_on_sentence(i))
    path = _docx(document, folder, "word_on_date_sentences.docx")
    truth = [_t(i, time=f"{TIMES[i]:%H:%M}" if i == 5 else "") for i in range(8)]
    return path, truth


def word_table_then_paragraphs(folder: Path):
    """The IMR template's chronology table with five entries, then a heading "Entries added
    after the police records were received" and three more entries typed as paragraphs that
    start with their date ("02/08/2016 – ...")."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology", level=1)
    table = _word_table(document, ["Date", "Practitioner", "Event"])
    for i in range(5):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]])
    document.add_paragraph("")
    document.add_heading("Entries added after the police records were received", level=2)
    for i in range(5, 8):
        document.add_paragraph(f"{DAYS[i]:%d/%m/%Y} \u2013 {TEXTS[i]}")
    path = _docx(document, folder, "word_table_then_paragraphs.docx")
    return path, [_t(i, practitioner=WORKERS[i % 4] if i < 5 else "") for i in range(8)]


def word_paragraphs_then_table(folder: Path):
    """An author's summary: the first entries typed as paragraphs with the date in bold and a
    tab before the text, then "Contacts from the case system" as a table (Date, Time, Worker,
    Details)."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology of significant events", level=1)
    for i in range(3):
        p = document.add_paragraph()
        p.add_run(f"{DAYS[i]:%d.%m.%Y}").bold = True
        p.add_run("\t" + TEXTS[i])
    document.add_heading("Contacts from the case system", level=2)
    table = _word_table(document, ["Date", "Time", "Worker", "Details"])
    for i in range(3, 8):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4],
                                TEXTS[i]])  # fmt: skip
    path = _docx(document, folder, "word_paragraphs_then_table.docx")
    truth = [_t(i) for i in range(3)]
    truth += [_t(i, time=f"{TIMES[i]:%H:%M}", practitioner=WORKERS[i % 4]) for i in range(3, 8)]
    return path, truth


def word_one_cell_box(folder: Path):
    """The whole chronology typed into a one-cell table used as a bordered box (the template's
    "Chronology" box): a title paragraph above it, and inside the box an opening line and the
    entries, each a paragraph starting with its date."""
    import docx

    document = docx.Document()
    document.add_paragraph("Agency: Community Health Services")
    document.add_paragraph("Chronology (please type in the box below)")
    box = document.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    cell = box.rows[0].cells[0]
    cell.paragraphs[0].text = "Key contacts with Child Z and family:"
    for i in range(8):
        cell.add_paragraph(f"{DAYS[i]:%d/%m/%Y} - {TEXTS[i]}")
    path = _docx(document, folder, "word_one_cell_box.docx")
    return path, [_t(i) for i in range(8)]


def word_table_without_headings(folder: Path):
    """A Word chronology table with no heading row: the date, the practitioner and the entry in
    three columns from the first row on."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology - Child Z", level=1)
    table = document.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]])
    path = _docx(document, folder, "word_table_without_headings.docx")
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def word_typed_entry_numbers(folder: Path):
    """Paragraphs numbered by hand before the date, as authors number entries to refer to them
    in the analysis: "1. 14/03/2016 – ...", "2) 03/04/2016: ...", "3.\t06/05/2016 ...". The
    analysis refers back to them ("see entries 2 and 5")."""
    import docx

    document = docx.Document()
    document.add_heading("3. Chronology", level=1)
    marks = ["{n}. ", "{n}) ", "{n}.\t", "({n}) ", "{n}. ", "{n} ", "{n}.\t", "{n}. "]
    seps = [" \u2013 ", ": ", " ", " - ", " \u2013 ", " \u2013 ", " ", " \u2013 "]
    for i in range(8):
        document.add_paragraph(
            marks[i].format(n=i + 1) + f"{DAYS[i]:%d/%m/%Y}" + seps[i] + TEXTS[i]
        )
    document.add_heading("4. Analysis", level=1)
    document.add_paragraph("See entries 2 and 5: the missed appointments were not followed up.")
    path = _docx(document, folder, "word_typed_entry_numbers.docx")
    return path, [_t(i) for i in range(8)]


def _track_row(row, kind: str, rid: int) -> None:
    """Marks a table row as inserted or deleted with changes tracked (its text too)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    stamp = f'w:id="{rid}" w:author="Panel" w:date="2016-12-01T00:00:00Z"'
    properties = row._tr.get_or_add_trPr()
    properties.append(parse_xml(f"<w:{kind} {nsdecls('w')} {stamp}/>"))
    if kind != "del":
        return
    for run in row._tr.iter(qn("w:r")):
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
        wrapper = parse_xml(f"<w:del {nsdecls('w')} {stamp}/>")
        run.addprevious(wrapper)
        wrapper.append(run)


def word_tracked_rows(folder: Path):
    """An IMR chronology returned by the panel with its changes tracked: one whole row deleted
    (an entry about another child, added in error) and one whole row inserted (an entry the
    author had missed). The inserted row is an entry; the deleted row is not, and the import
    says what it held."""
    import docx

    document = docx.Document()
    table = _word_table(document, ["Date", "Practitioner", "Event"])
    for i in range(8):
        row = table.add_row()
        _fill(row, [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]])
        if i == 6:
            _track_row(row, "ins", 10)
        if i == 2:
            wrong = table.add_row()
            _fill(
                wrong, ["07/05/2016", "Sam Ellery", "Visit to Child Y at the refuge (wrong case)."]
            )
            _track_row(wrong, "del", 11)
    path = _docx(document, folder, "word_tracked_rows.docx")
    SAID["word_tracked_rows"] = ["Visit to Child Y at the refuge (wrong case)."]
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 2. workbooks written by export libraries: formulas never calculated ------------------------


def hyperlink_formulas(folder: Path):
    """A case system's export written by a library that puts formulas in and never calculates
    them (no value stored beside the formula): the record reference a HYPERLINK to the case
    system, the date written as =DATE(2016,3,14), the worker as a string formula ="Sam Ellery"."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Case Notes"
    ws.append(["Record", "Date", "Worker", "Type", "Note"])
    for i in range(8):
        d = DAYS[i]
        ws.append([
            f'=HYPERLINK("https://casesystem.example/notes/{7001 + i}","CN{7001 + i}")',
            f"=DATE({d.year},{d.month},{d.day})",
            f'="{WORKERS[i % 4]}"',
            TYPES[i % 4],
            TEXTS[i],
        ])  # fmt: skip
        ws.cell(i + 2, 2).number_format = "dd/mm/yyyy"
    path = folder / "hyperlink_formulas.xlsx"
    wb.save(path)
    return path, [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]


def hyperlinked_dates(folder: Path):
    """An export whose date cells link to the record: =HYPERLINK("...", "14/03/2016") written by
    a library without the calculated value; the notes are plain text."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Contact date", "Staff member", "Contact notes"])
    for i in range(8):
        ws.append([
            f'=HYPERLINK("https://records.example/c/{i + 311}","{DAYS[i]:%d/%m/%Y}")',
            WORKERS[i % 4],
            TEXTS[i],
        ])  # fmt: skip
    path = folder / "hyperlinked_dates.xlsx"
    wb.save(path)
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def subtotal_rows(folder: Path):
    """A long sheet run through Excel's Data > Subtotal "at each change in Agency, use Count, add
    subtotal to Event": after each agency's rows a row "Police Count" whose event cell is
    =SUBTOTAL(3,D2:D4), the outline grouping them, and "Grand Count" at the foot. 120 entries."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Agency", "Date", "Practitioner", "Event"])
    agencies = ["Children's Social Care", "Health Visiting", "Police", "School"]
    truth = []
    row = 2
    for a, agency in enumerate(agencies):
        top = row
        for k in range(30):
            i = (a * 30 + k) % 8
            text = f"{TEXTS[i]} (record {a * 30 + k + 1})"
            ws.append([agency, DAYS[i], WORKERS[i % 4], text])
            ws.cell(row, 2).number_format = "dd/mm/yyyy"
            ws.row_dimensions[row].outline_level = 2
            truth.append(Expected(DAYS[i], event=text, practitioner=WORKERS[i % 4]))
            row += 1
        ws.append([f"{agency} Count", None, None, f"=SUBTOTAL(3,D{top}:D{row - 1})"])
        ws.row_dimensions[row].outline_level = 1
        row += 1
    ws.append(["Grand Count", None, None, f"=SUBTOTAL(3,D2:D{row - 1})"])
    path = folder / "subtotal_rows.xlsx"
    wb.save(path)
    return path, truth


def error_cells(folder: Path):
    """A council's chronology built with lookups: the date and the worker looked up from another
    sheet, two lookups failed and left "#N/A" in the date cell, one "#REF!" in the worker's. Those
    rows are kept, flagged; nothing is dated by a guess."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Ref", "Date", "Worker", "Contact type", "Summary"])
    truth = []
    for i in range(8):
        when = "#N/A" if i in (2, 6) else DAYS[i]
        who = "#REF!" if i == 4 else WORKERS[i % 4]
        ws.append([f"E{i + 1:03d}", when, who, TYPES[i % 4], TEXTS[i]])
        ws.cell(i + 2, 2).number_format = "dd/mm/yyyy"
        if i in (2, 6):
            truth.append(_t(i, flagged=True))
        else:
            truth.append(_t(i, practitioner=WORKERS[i % 4] if i != 4 else "",
                            event_type=TYPES[i % 4]))  # fmt: skip
    path = folder / "error_cells.xlsx"
    wb.save(path)
    return path, truth


# --- 3. text files --------------------------------------------------------------------------


def hashes_for_dates_csv(folder: Path):
    """A CSV saved from Excel whose date column, formatted as long dates, was too narrow: Excel
    wrote "########" for the longest dates, as it showed them. Those rows are kept, flagged."""
    rows = [["Date", "Worker", "Type", "Notes"]]
    truth = []
    for i in range(8):
        shown = f"{DAYS[i]:%A, %d %B %Y}"
        wide = len(shown) > 24
        rows.append(["#" * 10 if wide else shown, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
        truth.append(_t(i, flagged=True) if wide else
                     _t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]))  # fmt: skip
    path = _write(folder / "hashes_for_dates_csv.csv", rows, encoding="cp1252")
    return path, truth


def wrapped_email_text(folder: Path):
    """A chronology sent in the body of an e-mail and saved as .txt: a greeting, then each entry
    a paragraph starting with its date, hard-wrapped at 72 characters, a blank line between
    entries, and the sender's signature."""
    lines = ["Dear panel,", "", "Please find our agency's contacts with the family below.", ""]
    for i in range(8):
        para = f"{DAYS[i]:%d/%m/%Y} - {TEXTS[i]}"
        lines += textwrap.wrap(para, 72) + [""]
    lines += ["Kind regards,", "", "Grace Adeyemi", "Safeguarding Lead"]
    path = folder / "wrapped_email_text.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path, [_t(i) for i in range(8)]


def dos_end_of_file(folder: Path):
    """An old DOS-era system's comma export: Windows-1252, CR LF, and the end-of-file mark
    (Ctrl+Z, 0x1A) after the last line, as such programs wrote it."""
    rows = [["DATE", "TIME", "OFFICER", "DETAILS"]]
    rows += [[f"{DAYS[i]:%d/%m/%y}", f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TEXTS[i]]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "dos_end_of_file.csv", rows, encoding="cp1252")
    with open(path, "ab") as handle:
        handle.write(b"\x1a")
    return path, [_t(i, time=f"{TIMES[i]:%H:%M}", practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 4. written after the first rules (measured on the original code as well) ------------------


def word_prose_vague_dates(folder: Path):
    """A prose chronology whose paragraphs start with dates known only so far: most to the day,
    others "March 2016 – ...", "w/c 04/04/2016 – ...", "Early May 2016: ...", "Summer term 2016
    – ...". Each is an entry of its own (never run into the entry above), at its precision."""
    import docx

    from tests.chronology.robust_files import Expected as E

    document = docx.Document()
    document.add_heading("Chronology", level=1)
    document.add_paragraph("Summary of the school's involvement, from the pupil's file.")
    vague = [
        ("March 2016 \u2013 ", E(DAYS[0].replace(day=1), DAYS[0].replace(day=31), event=TEXTS[0])),
        (
            "w/c 04/04/2016 \u2013 ",
            E(DAYS[1].replace(day=4), DAYS[1].replace(day=10), event=TEXTS[1]),
        ),
        ("Early May 2016: ", E(DAYS[2].replace(day=1), DAYS[2].replace(day=10), event=TEXTS[2])),
    ]
    truth = []
    for prefix, want in vague:
        document.add_paragraph(prefix + want.event)
        truth.append(want)
    for i in range(3, 8):
        document.add_paragraph(f"{DAYS[i]:%d/%m/%Y} \u2013 {TEXTS[i]}")
        truth.append(_t(i))
    path = _docx(document, folder, "word_prose_vague_dates.docx")
    return path, truth


def _text_box(paragraphs: list[str]) -> str:
    """A floating text box as Word writes it: the shape (wps) and, for older readers, the same
    text again in a VML fallback."""
    from xml.sax.saxutils import escape

    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(t)}</w:t></w:r></w:p>"
                   for t in paragraphs)  # fmt: skip
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    return (
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor '
        'distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5400000" cy="6000000"/><wp:wrapTopAndBottom/><wp:docPr id="1" '
        'name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/'
        'word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>'
        f"<w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        '<v:shape style="width:425pt;height:472pt"><v:textbox>'
        f"<w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def word_text_box(folder: Path):
    """A template whose chronology is typed into a floating text box (Insert > Text Box) under
    the agency's details: Word stores the box's paragraphs inside the paragraph it is anchored
    to, twice (the shape, and a copy for older readers)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Agency: Housing Services")
    anchor = document.add_paragraph("Chronology:")
    lines = ["Contacts with the household, from the housing management system:"]
    lines += [f"{DAYS[i]:%d/%m/%Y} - {TEXTS[i]}" for i in range(8)]
    anchor._p.append(parse_xml(_text_box(lines)))
    path = _docx(document, folder, "word_text_box.docx")
    return path, [_t(i) for i in range(8)]


def sqlcmd_output(folder: Path):
    """A data warehouse query run with sqlcmd and its output saved to a .txt: the column names,
    a line of dashes under each, the values padded to the columns' widths, and "(8 rows
    affected)" at the end."""
    heads = ["EventDate", "EventTime", "StaffName", "ContactType", "Notes"]
    rows = [[f"{DAYS[i]:%Y-%m-%d}", f"{TIMES[i]:%H:%M:%S}", WORKERS[i % 4], TYPES[i % 4],
             TEXTS[i]] for i in range(8)]  # fmt: skip
    widths = [max(len(r[c]) for r in [heads, *rows]) for c in range(len(heads))]
    widths[-1] = 200

    def line(cells):
        return " ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))

    lines = [line(heads), " ".join("-" * w for w in widths), *map(line, rows), "",
             "(8 rows affected)"]  # fmt: skip
    path = folder / "sqlcmd_output.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    truth = [_t(i, time=f"{TIMES[i]:%H:%M}", practitioner=WORKERS[i % 4],
                event_type=TYPES[i % 4]) for i in range(8)]  # fmt: skip
    return path, truth


def psql_output(folder: Path):
    """A database query's output as psql prints it, saved to a .txt: the names centred over
    the columns between " | ", a line of dashes and "+" under them, the values padded, and
    "(8 rows)" at the end."""
    heads = ["event_date", "worker", "contact_type", "note"]
    rows = [[f"{DAYS[i]:%Y-%m-%d}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    widths = [max(len(r[c]) for r in [heads, *rows]) for c in range(len(heads))]
    lines = [" " + " | ".join(h.center(w) for h, w in zip(heads, widths, strict=True))]
    lines.append("+".join("-" * (w + 2) for w in widths))
    lines += [" " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines += ["(8 rows)", ""]
    path = folder / "psql_output.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


def utf16_without_bom(folder: Path):
    """A script's export in UTF-16 little endian with no byte order mark, commas between the
    values and a Welsh name among the workers."""
    workers = [*WORKERS[:3], "Siân Llywelyn"]
    rows = [["Date", "Worker", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], TEXTS[i]] for i in range(8)]
    text = "\r\n".join(",".join(f'"{c}"' for c in r) for r in rows) + "\r\n"
    path = folder / "utf16_without_bom.csv"
    path.write_bytes(text.encode("utf-16-le"))
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


def _xlsb_font(struck: bool) -> bytes:
    """A BrtFont record: 11 point Calibri, struck out or not."""
    from tests.chronology.xlsb_files import record, wide

    grbit = 0x0008 if struck else 0
    data = (220).to_bytes(2, "little") + grbit.to_bytes(2, "little") + (400).to_bytes(2, "little")
    data += bytes(2) + bytes([0, 2, 0, 0]) + bytes([0x07, 0x01, 0, 0, 0, 0, 0, 0xFF]) + bytes([2])
    return record(0x002B, data + wide("Calibri"))


def _xlsb_xf(font: int, number_format: int = 0) -> bytes:
    """A BrtXF record (16 bytes) using ``font``."""
    from tests.chronology.xlsb_files import record

    data = (0xFFFF).to_bytes(2, "little") + number_format.to_bytes(2, "little")
    data += font.to_bytes(2, "little") + bytes(10)
    return record(0x002F, data)


def xlsb_struck_rows(folder: Path):
    """A binary workbook (.xlsb) from a council's Excel: two entries struck through by the
    author (meaning "made in error"), a cell style whose font strikes its text. The struck text
    is the author's record: imported as written and flagged, as in an .xlsx."""
    import zipfile

    from tests.chronology import xlsb_files as xb

    rows = [["Date", "Worker", "Event"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    struck = {3, 6}  # entries 2 and 5 (sheet rows 4 and 7)
    sheet = xb.record(0x0081) + xb.record(0x0094, xb.u32(0) + xb.u32(8) + xb.u32(0) + xb.u32(2))
    sheet += xb.record(0x0091)
    for number, cells in enumerate(rows):
        sheet += xb.record(0x0000, xb.u32(number) + bytes(13))
        style = 1 if number in struck else 0
        for column, text in enumerate(cells):
            head = xb.u32(column) + style.to_bytes(3, "little") + bytes(1)
            sheet += xb.record(0x0006, head + xb.wide(text))
    sheet += xb.record(0x0092) + xb.record(0x0082)
    styles = xb.record(0x0296)
    styles += xb.record(0x0263, xb.u32(2)) + _xlsb_font(False) + _xlsb_font(True)
    styles += xb.record(0x0264)
    styles += xb.record(0x0272, xb.u32(1)) + _xlsb_xf(0) + xb.record(0x0273)
    styles += xb.record(0x0269, xb.u32(2)) + _xlsb_xf(0) + _xlsb_xf(1) + xb.record(0x026A)
    styles += xb.record(0x0297)
    rels = xb._RELS.replace(
        "</Relationships>",
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.bin"/></Relationships>',
    )
    workbook = xb.record(0x0083) + xb.record(
        0x009C, xb.u32(0) + xb.u32(1) + xb.wide("rId1") + xb.wide("Chronology")
    )
    workbook += xb.record(0x0090) + xb.record(0x009D, bytes(8)) + xb.record(0x0084)
    path = folder / "xlsb_struck_rows.xlsb"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", xb._TYPES)
        archive.writestr("_rels/.rels", xb._ROOT_RELS)
        archive.writestr("xl/workbook.bin", workbook)
        archive.writestr("xl/_rels/workbook.bin.rels", rels)
        archive.writestr("xl/worksheets/sheet1.bin", sheet)
        archive.writestr("xl/styles.bin", styles)
    truth = [_t(i, practitioner=WORKERS[i % 4], flagged=i + 1 in struck) for i in range(8)]
    return path, truth


def word_date_headings_time_bullets(folder: Path):
    """A report-style chronology: each day a heading ("Monday 14 March 2016") and under it the
    day's contacts as bullet points, each starting with its time ("10:32 – ..."): every bullet
    is an entry of its own on the heading's day, at its time."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology of contacts", level=1)
    truth = []
    for d in range(4):
        i, j = 2 * d, 2 * d + 1
        document.add_heading(f"{DAYS[i]:%A} {DAYS[i].day} {DAYS[i]:%B %Y}", level=2)
        for k, when in ((i, TIMES[i]), (j, TIMES[j])):
            document.add_paragraph(f"{when:%H:%M} \u2013 {TEXTS[k]}", style="List Bullet")
            truth.append(Expected(DAYS[i], event=TEXTS[k], time=f"{when:%H:%M}"))
    path = _docx(document, folder, "word_date_headings_time_bullets.docx")
    return path, truth


def comment_details(folder: Path):
    """A worker's sheet where the summary cell says "See comment" and the details were typed
    into the cell's comment (a note); on other rows the summary is whole and a manager's comment
    is attached ("Checked against the case file"). Nothing in a comment is lost."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Worker", "Summary"])
    said = []
    for i in range(8):
        see = i % 2 == 0
        ws.append([DAYS[i], WORKERS[i % 4], "See comment" if see else TEXTS[i]])
        ws.cell(i + 2, 1).number_format = "dd/mm/yyyy"
        if see:
            ws.cell(i + 2, 3).comment = Comment(TEXTS[i], WORKERS[i % 4])
        else:
            remark = f"Checked against the case file {i}"
            ws.cell(i + 2, 3).comment = Comment(remark, "Team manager")
            said.append(remark)
    path = folder / "comment_details.xlsx"
    wb.save(path)
    SAID["comment_details"] = said
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def central_european_csv(folder: Path):
    """A CSV saved by Excel on a PC set up for Polish (a provider's interpreting service): the
    text in Windows-1250, the Central European code page, with Polish names ("Łukasz
    Wiśniewski", "Małgorzata Żółkowska") and words in the notes."""
    workers = ["Łukasz Wiśniewski", "Zofia Kowalczyk", "Małgorzata Żółkowska", "Paweł Dąbrowski"]
    rows = [["Date", "Interpreter", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], f"{TEXTS[i]} Mother said: „dziękuję”."]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "central_european_csv.csv", rows, encoding="cp1250")
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


FILES = {
    fn.__name__: fn
    for fn in (
        word_on_date_sentences,
        word_table_then_paragraphs,
        word_paragraphs_then_table,
        word_one_cell_box,
        word_table_without_headings,
        word_typed_entry_numbers,
        word_tracked_rows,
        hyperlink_formulas,
        hyperlinked_dates,
        subtotal_rows,
        error_cells,
        hashes_for_dates_csv,
        wrapped_email_text,
        dos_end_of_file,
        word_prose_vague_dates,
        word_text_box,
        sqlcmd_output,
        psql_output,
        utf16_without_bom,
        xlsb_struck_rows,
        word_date_headings_time_bullets,
        comment_details,
        central_european_csv,
    )
}
