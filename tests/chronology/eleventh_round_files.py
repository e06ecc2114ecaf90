"""The eleventh round's files: CSVs in the Cyrillic code page (Windows-1251, Ukrainian names) and
in ISO-8859-2 (Czech names, written by a Unix tool); a combined chronology laid out in swim
lanes (a column for each agency, each row's entry in its agency's column); a LibreOffice sheet
whose details were typed into cell annotations ("See comment"); a Word table with entries
known only to the month typed as paragraphs under it; a Word table with an introduction and an
analysis around it (neither an entry, both listed as left out); a Word chronology saved as
RTF under a .doc name. Each builder writes a file into a folder and returns (path, truth). All
names are fictional."""

from __future__ import annotations

from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, WORKERS, Expected
from tests.chronology.seventh_round_more import _fill, _word_table
from tests.chronology.seventh_round_sheets import _t

# What the importer is expected to say or keep beyond the entries (file name: texts that must
# appear in the import's output).
SAID: dict[str, list[str]] = {}


# --- 1. other code pages ---------------------------------------------------------------------


def cyrillic_csv(folder: Path):
    """A CSV saved by Excel on a PC set up for Ukrainian (an interpreting service): Windows-1251,
    the Cyrillic code page, the interpreters' names in Cyrillic ("Олена Коваленко") and the
    mother's words quoted in Ukrainian in the notes."""
    workers = ["Олена Коваленко", "Тарас Мельник", "Ірина Бондаренко", "Дмитро Шевчук"]
    rows = [["Date", "Interpreter", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], f"{TEXTS[i]} Mother said: «дякую»."]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "cyrillic_csv.csv", rows, encoding="cp1251")
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


def iso_latin2_csv(folder: Path):
    """A Unix reporting tool's CSV in ISO-8859-2 (Latin-2, not Windows-1250: "š" and "ś" sit
    elsewhere), Czech and Polish names among the workers ("Jiří Dvořák", "Zuzana Nováková")."""
    workers = ["Jiří Dvořák", "Zuzana Nováková", "Šárka Procházková", "Paweł Ślusarczyk"]
    rows = [["Date", "Worker", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "iso_latin2_csv.csv", rows, encoding="iso8859_2")
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


# --- 2. swim lanes ---------------------------------------------------------------------------

LANES = ["Police", "Health", "Children's Social Care", "Education"]


def swim_lanes_xlsx(folder: Path):
    """A combined chronology in swim lanes: the date, then a column for each agency (Police,
    Health, Children's Social Care, Education), each row's entry typed in its agency's column
    and the others left empty. Every entry comes in, whichever lane it is in."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", *LANES])
    for i in range(8):
        row = [DAYS[i], None, None, None, None]
        row[1 + (i * 3) % 4] = TEXTS[i]
        ws.append(row)
        ws.cell(i + 2, 1).number_format = "dd/mm/yyyy"
    path = folder / "swim_lanes.xlsx"
    wb.save(path)
    return path, [_t(i) for i in range(8)]


# --- 3. LibreOffice annotations ----------------------------------------------------------------


def ods_annotation_details(folder: Path):
    """A LibreOffice sheet where the summary cell says "See comment" and the details were typed
    into the cell's comment (an annotation); on the other rows the summary is whole and a
    manager's comment is attached. Nothing in a comment is lost."""
    from odf.dc import Creator
    from odf.office import Annotation
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Chronology")
    said = []

    def cell(text, note=None, author=""):
        c = TableCell(valuetype="string")
        if note is not None:
            a = Annotation()
            a.addElement(Creator(text=author))
            a.addElement(P(text=note))
            c.addElement(a)
        c.addElement(P(text=text))
        return c

    head = TableRow()
    for h in ["Date", "Worker", "Summary"]:
        head.addElement(cell(h))
    table.addElement(head)
    for i in range(8):
        row = TableRow()
        d = TableCell(valuetype="date", datevalue=f"{DAYS[i]:%Y-%m-%d}")
        d.addElement(P(text=f"{DAYS[i]:%d/%m/%Y}"))
        row.addElement(d)
        row.addElement(cell(WORKERS[i % 4]))
        if i % 2 == 0:
            row.addElement(cell("See comment", TEXTS[i], WORKERS[i % 4]))
        else:
            remark = f"Checked against the case file {i}"
            said.append(remark)
            row.addElement(cell(TEXTS[i], remark, "Team manager"))
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = folder / "ods_annotation_details.ods"
    doc.save(str(path))
    SAID["ods_annotation_details"] = said
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 4. Word ---------------------------------------------------------------------------------


def word_table_then_month_paragraphs(folder: Path):
    """The IMR table with six entries, then a heading "Information known only to the month" and
    two entries typed as paragraphs starting with just their month ("October 2016 – ...",
    "November 2016: ...")."""
    import docx

    document = docx.Document()
    document.add_heading("Chronology", level=1)
    table = _word_table(document, ["Date", "Practitioner", "Event"])
    for i in range(6):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]])
    document.add_paragraph("")
    document.add_heading("Information known only to the month", level=2)
    document.add_paragraph(f"October 2016 \u2013 {TEXTS[6]}")
    document.add_paragraph(f"November 2016: {TEXTS[7]}")
    path = folder / "word_table_then_month_paragraphs.docx"
    document.save(path)
    truth = [_t(i, practitioner=WORKERS[i % 4]) for i in range(6)]
    truth.append(Expected(DAYS[6].replace(day=1), DAYS[6].replace(day=31), event=TEXTS[6]))
    truth.append(Expected(DAYS[7].replace(day=1), DAYS[7].replace(day=30), event=TEXTS[7]))
    return path, truth


INTRO = (
    "This chronology was prepared by the designated nurse from the health visiting record and "
    "the GP summary for the period under review."
)
ANALYSIS = (
    "Analysis: the missed appointments were not linked together by any single agency, and the "
    "burn was not discussed with the health visitor until the strategy meeting."
)


def word_table_with_analysis(folder: Path):
    """An IMR section: an introduction paragraph, the chronology table, then an analysis
    paragraph and a learning paragraph. Neither is an entry; both are listed as left out so
    that nothing the author wrote goes unseen."""
    import docx

    document = docx.Document()
    document.add_heading("Section 2: Chronology", level=1)
    document.add_paragraph(INTRO)
    table = _word_table(document, ["Date", "Practitioner", "Event"])
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]])
    document.add_paragraph(ANALYSIS)
    learning = "Learning: contacts about the same child should be read together by one worker."
    document.add_paragraph(learning)
    path = folder / "word_table_with_analysis.docx"
    document.save(path)
    SAID["word_table_with_analysis"] = [INTRO[:50], ANALYSIS[:50], learning[:50]]
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def _rtf_text(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            try:
                out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch)}?")
        else:
            out.append(ch)
    return "".join(out)


def rtf_saved_as_doc(folder: Path):
    """A case system's "Print to Word" that writes RTF, saved by the agency under a .doc name:
    a title, then the chronology as an RTF table (\\trowd ... \\cell ... \\row), the text with
    Word's groups and hex escapes (\\'e9, a dash as \\u8211?)."""
    parts = [
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}",
        r"{\*\generator Case System Print;}\viewkind4\uc1",
        r"\pard\plain\f0\fs28\b Chronology \u8211? Child Z\b0\par",
        r"\pard\plain\f0\fs20 Printed 12/01/2017\par",
    ]
    rows = [["Date", "Worker", "Event"]] + [
        [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i].replace(";", " \u2013")] for i in range(8)
    ]
    for row in rows:
        parts.append(r"\trowd\trgaph108\trleft0\cellx1800\cellx3800\cellx9000")
        cells = "".join(r"\pard\intbl{\f0\fs20 " + _rtf_text(v) + r"}\cell " for v in row)
        parts.append(cells + r"\row")
    parts.append(r"\pard\par}")
    path = folder / "rtf_saved_as_doc.doc"
    path.write_text("\r\n".join(parts), encoding="ascii")
    truth = [
        Expected(DAYS[i], event=TEXTS[i].replace(";", " \u2013"), practitioner=WORKERS[i % 4])
        for i in range(8)
    ]
    return path, truth


# --- written after the first rules (measured on the original code as well) ----------------------


def koi8_tab_text(folder: Path):
    """A Linux reporting tool's tab-separated .txt in KOI8-R (the Russian code page of Unix
    systems), a Russian-speaking advocacy service's workers named in Cyrillic."""
    workers = ["Наталья Смирнова", "Сергей Волков", "Анна Козлова", "Михаил Орлов"]
    rows = [["Date", "Advocate", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "koi8_tab_text.txt", rows, encoding="koi8_r", delimiter="\t")
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


def greek_csv(folder: Path):
    """A CSV saved by Excel on a PC set up for Greek (a Cypriot community project):
    Windows-1253, the workers' names in Greek ("Ελένη Παπαδοπούλου"). Greek is not Cyrillic,
    though both put their capitals and small letters in the same bytes' ranges."""
    workers = ["Ελένη Παπαδοπούλου", "Ανδρέας Γεωργίου", "Μαρία Χριστοδούλου", "Νίκος Ιωάννου"]
    rows = [["Date", "Worker", "Notes"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", workers[i % 4], TEXTS[i]] for i in range(8)]
    path = _write(folder / "greek_csv.csv", rows, encoding="cp1253")
    return path, [_t(i, practitioner=workers[i % 4]) for i in range(8)]


def rtf_dated_paragraphs(folder: Path):
    """A chronology typed in WordPad and saved as .rtf: a title, then each entry a paragraph
    starting with its date and a dash ("14/03/2016 \\endash ..."), a Welsh name written with a
    Unicode escape (\\u375? for "ŷ"), a closing line that is not an entry."""
    parts = [
        r"{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fnil\fcharset0 Calibri;}}",
        r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1",
        r"\pard\sa200\sl276\slmult1\b\f0\fs28\lang2057 Chronology\b0\fs22\par",
    ]
    for i in range(8):
        text = _rtf_text(f"{DAYS[i]:%d/%m/%Y}") + r" \endash  " + _rtf_text(TEXTS[i])
        parts.append(text + r"\par")
    parts.append(r"Prepared by Gwenllian Ll\u375?d, Family Support Worker.\par")
    parts.append("}")
    path = folder / "rtf_dated_paragraphs.rtf"
    path.write_text("\r\n".join(parts), encoding="ascii")
    SAID["rtf_dated_paragraphs"] = ["Prepared by Gwenllian Llŷd, Family Support Worker."]
    return path, [_t(i) for i in range(8)]


def numbers_export(folder: Path):
    """A chronology kept in Apple Numbers and exported to Excel with "Include a summary
    worksheet": an "Export Summary" sheet first (the sheets and tables listed), then the table
    on a sheet named "Sheet 1 - Table 1" with the table's name in a row above its headings."""
    from openpyxl import Workbook

    wb = Workbook()
    summary = wb.active
    summary.title = "Export Summary"
    summary.append([None, "Table Name", "Sheet Name", "Table Name"])
    summary.append(["Sheet 1 - Table 1", "Sheet 1", "Table 1"])
    summary.append(["This document was exported from Numbers. Each table was converted to an "
                    "Excel worksheet. All other objects on each Numbers sheet were placed on "
                    "separate worksheets. Please be aware that formula calculations may differ "
                    "in Excel."])  # fmt: skip
    ws = wb.create_sheet("Sheet 1 - Table 1")
    ws.append(["Table 1"])
    ws.append(["Date", "Time", "Worker", "Event"])
    for i in range(8):
        ws.append([DAYS[i], f"{TIMES[i]:%H:%M}", WORKERS[i % 4], TEXTS[i]])
        ws.cell(i + 3, 1).number_format = "d/m/yyyy"
    path = folder / "numbers_export.xlsx"
    wb.save(path)
    truth = [_t(i, time=f"{TIMES[i]:%H:%M}", practitioner=WORKERS[i % 4]) for i in range(8)]
    return path, truth


def word_swim_lanes(folder: Path):
    """A multi-agency chronology in Word laid out in swim lanes: Date, then a column for each
    agency (Police, Health, Children's Social Care, Education), each row's entry in its
    agency's column."""
    import docx

    document = docx.Document()
    document.add_heading("Multi-agency chronology", level=1)
    table = _word_table(document, ["Date", *LANES])
    for i in range(8):
        row = [f"{DAYS[i]:%d/%m/%Y}", "", "", "", ""]
        row[1 + (i * 3) % 4] = TEXTS[i]
        _fill(table.add_row(), row)
    path = folder / "word_swim_lanes.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


FILES = {
    fn.__name__: fn
    for fn in [
        cyrillic_csv,
        iso_latin2_csv,
        swim_lanes_xlsx,
        ods_annotation_details,
        word_table_then_month_paragraphs,
        word_table_with_analysis,
        rtf_saved_as_doc,
        koi8_tab_text,
        greek_csv,
        rtf_dated_paragraphs,
        numbers_export,
        word_swim_lanes,
    ]
}
