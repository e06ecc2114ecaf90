"""The seventeenth round's files: shapes not met before (rough dates written in words, a
workbook re-saved as text in a European locale with day numbers and fractions of a day with
a decimal comma, a reporting server's CSV export headed by its text boxes' names, a reporting
server's paginated Excel export with page headers, a dashboard's matrix exported with its date
hierarchy in four columns, a web page saved with a Word name, a Word file made by a web
application from HTML, an e-mail saved as RTF with its HTML inside, entries written over two
rows, a school safeguarding system's incident export, a probation case system's contact log,
an ambulance service's patient-record extract and a police occurrence extract). Each builder
writes a file into a folder and returns (path, truth). All names are fictional."""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.fourteenth_round_files import _hm, _timed
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_sheets import _book, _save, _t
from tests.chronology.sixteenth_round_files import _at, _fraction, _serial

SAID: dict[str, list[str]] = {}
NOT_SAID: dict[str, list[str]] = {}
KEY_TEXTS: dict[str, list[str]] = {}


def _all(i: int) -> Expected:
    return _timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])


# --- 1. rough dates written in words ------------------------------------------------------------

ROUGH = [
    ("Late 1990s", date(1997, 1, 1), date(1999, 12, 31)),
    ("the early 2000s", date(2000, 1, 1), date(2003, 12, 31)),
    ("first half of 2015", date(2015, 1, 1), date(2015, 6, 30)),
    ("late 2015/early 2016", date(2015, 9, 1), date(2016, 4, 30)),
    ("Christmas/New Year 2015/16", date(2015, 12, 24), date(2016, 1, 1)),
    ("late March/early April 2016", date(2016, 3, 21), date(2016, 4, 10)),
    ("the early part of 2016", date(2016, 1, 1), date(2016, 4, 30)),
    ("end of Q3 2016/17", date(2016, 12, 2), date(2016, 12, 31)),
]


def rough_dates_in_words(folder: Path):
    """A family-history chronology put together by a social worker from what relatives said:
    most dates are rough and written as people say them ("Late 1990s", "late March/early
    April 2016", "Christmas/New Year 2015/16", "end of Q3 2016/17"); the last rows, from
    records, have their days."""
    rows = [["When", "Source", "What happened"]]
    truth = []
    for i, (said, start, end) in enumerate(ROUGH):
        rows.append([said, "Maternal grandmother", TEXTS[i]])
        truth.append(Expected(start=start, end=end, event=TEXTS[i]))
    path = folder / "rough_dates_in_words.csv"
    _write(path, rows)
    return path, truth


# --- 2. a workbook re-saved as text in a European locale: day numbers, decimal-comma times ----


def resaved_day_numbers_and_comma_times(folder: Path):
    """A case-note workbook whose date and time cells lost their formats when someone re-saved
    it as CSV on a machine set to a European locale: semicolons, the date as the day number
    ("42443"), the time as a fraction of a day with a decimal comma ("0,438888888888889")."""
    rows = [["Datum/Date", "Time", "Worker", "Contact type", "Note"]]
    for i in range(8):
        fraction = f"{_fraction(i):.15f}".rstrip("0").replace(".", ",")
        rows.append([str(_serial(DAYS[i])), fraction, WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "resaved_day_numbers_and_comma_times.csv"
    _write(path, rows, delimiter=";", encoding="cp1252")
    return path, [_all(i) for i in range(8)]


# --- 3. a reporting server's CSV export: headings are its text boxes' names ------------------


def report_server_csv(folder: Path):
    """A case system's chronology report rendered by its reporting server to CSV: each column
    is headed by the report item's name ("Textbox3", "Textbox12"...), the report's title and
    the child's reference (text boxes above the table) repeated on every row, then the table's
    cells named by the designer ("ContactDate", "txtWorker", "Details")."""
    rows = [["Textbox3", "Textbox5", "ContactDate", "txtTime", "txtWorker", "Textbox12",
             "Details"]]  # fmt: skip
    for i in range(8):
        rows.append(["Case Chronology Report", "Child ref 100223", f"{DAYS[i]:%d/%m/%Y}",
                     _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "report_server_csv.csv"
    _write(path, rows, encoding="utf-8-sig")
    return path, [_all(i) for i in range(8)]


# --- 4. a reporting server's paginated Excel export ---------------------------------------------


def paginated_report_excel(folder: Path):
    """The same report rendered to Excel: the page header (title, "Page 1 of 2", the run date)
    and the table's column headings repeated at the top of each page, a grouping row for each
    month ("March 2016"), an empty spacer column A and a footer with the row count."""
    wb, ws = _book([], title="Case Chronology")
    heads = [None, "Date", "Time", "Worker", "Contact Type", "Details"]
    month = None
    for page, block in enumerate((range(0, 4), range(4, 8)), 1):
        ws.append([None, "Case Chronology Report", None, None, f"Page {page} of 2"])
        ws.append([None, "Run on 02/12/2026 09:14 by Report Server"])
        ws.append([])
        ws.append(heads)
        for i in block:
            if DAYS[i].month != month:
                month = DAYS[i].month
                ws.append([None, f"{DAYS[i]:%B %Y}"])
            ws.append([None, DAYS[i], _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
            ws.cell(ws.max_row, 2).number_format = "dd/mm/yyyy"
        ws.append([])
    ws.append([None, "8 rows"])
    return _save(wb, folder, "paginated_report_excel.xlsx"), [_all(i) for i in range(8)]


# --- 5. a dashboard's matrix exported with its date hierarchy --------------------------------

_QUARTERS = {1: "Qtr 1", 2: "Qtr 1", 3: "Qtr 1", 4: "Qtr 2", 5: "Qtr 2", 6: "Qtr 2",
             7: "Qtr 3", 8: "Qtr 3", 9: "Qtr 3", 10: "Qtr 4", 11: "Qtr 4", 12: "Qtr 4"}  # fmt: skip


def dashboard_date_hierarchy(folder: Path):
    """A partnership dashboard's matrix of contacts exported to Excel: the contact date as the
    dashboard's date hierarchy, four columns "Year", "Quarter", "Month", "Day" (2016, "Qtr 1",
    "March", 14), then the worker, the type and the note, and "Count of Contact ID"."""
    rows = [["Year", "Quarter", "Month", "Day", "Worker", "Contact Type", "Note",
             "Count of Contact ID"]]  # fmt: skip
    for i in range(8):
        d = DAYS[i]
        rows.append([d.year, _QUARTERS[d.month], f"{d:%B}", d.day, WORKERS[i % 4],
                     TYPES[i % 4], TEXTS[i], 1])  # fmt: skip
    wb, _ws = _book(rows, title="Export")
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return _save(wb, folder, "dashboard_date_hierarchy.xlsx"), truth


# --- 6. a web page saved with a Word name -------------------------------------------------------


def _html_table(heads, rows) -> str:
    cells = "".join(f"<th>{h}</th>" for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    return f"<table border=1>\n<tr>{cells}</tr>\n{body}</table>"


def web_page_named_doc(folder: Path):
    """A case system's "Export to Word" that writes the page as HTML and names it .doc (Word
    opens it without a word): Word's HTML markers, a heading, the table of contacts."""
    rows = [[f"{DAYS[i]:%d/%m/%Y} {_hm(i)}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
            for i in range(8)]  # fmt: skip
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n<head><meta charset="utf-8">'
        "<title>Chronology</title>\n<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print"
        "</w:View></w:WordDocument></xml><![endif]--></head>\n<body>\n<h1>Chronology for "
        "Child Z</h1>\n"
        + _html_table(["Date", "Recorded by", "Type", "Case note"], rows)
        + "\n</body></html>\n"
    )
    path = folder / "web_page_named_doc.doc"
    path.write_text(page, encoding="utf-8")
    return path, [_all(i) for i in range(8)]


# --- 7. a Word file made by a web application from HTML ---------------------------------------


def html_inside_docx(folder: Path):
    """A web-based case system's "Download as Word": a .docx whose body is one alternative
    format chunk pointing at the page as HTML (afchunk.htm), as browser libraries write them;
    Word shows the page's table when it opens the file."""
    rows = [[f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
            for i in range(8)]  # fmt: skip
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h2>Case notes</h2>'
        + _html_table(["Date", "Time", "Author", "Type", "Note"], rows)
        + "</body></html>"
    )
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{w}" '
        f'xmlns:r="{r}"><w:body><w:altChunk r:id="htmlChunk"/><w:sectPr><w:pgSz w:w="12240" '
        'w:h="15840"/></w:sectPr></w:body></w:document>'
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
        '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Default Extension="htm" ContentType="text/html"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="htmlChunk" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
        'Target="/word/afchunk.htm"/></Relationships>'
    )
    path = folder / "html_inside_docx.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", doc_rels)
        archive.writestr("word/afchunk.htm", page)
    return path, [_all(i) for i in range(8)]


# --- 8. an e-mail saved as RTF with its HTML inside ---------------------------------------------


def _rtf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("'", "\\'27")


def html_email_as_rtf(folder: Path):
    """A health visitor's e-mailed chronology saved from the mail program as RTF: the program
    keeps the message's HTML inside the RTF (``\\fromhtml1``, each tag in an ``\\*\\htmltag``
    group), the text between the tags in ``\\htmlrtf`` switches. The table of contacts is in
    the HTML."""
    parts = [
        r"{\rtf1\ansi\ansicpg1252\fromhtml1 \fbidis \deff0{\fonttbl{\f0\fswiss Arial;}}",
        r"{\*\htmltag19 <html>}{\*\htmltag34 <head>}{\*\htmltag41 </head>}{\*\htmltag50 <body>}",
        r"{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 Chronology as requested.\htmlrtf\par}\htmlrtf0",
        r"{\*\htmltag72 </p>}{\*\htmltag80 <table>}{\*\htmltag88 <tr>}",
    ]
    for head in ["Date", "Health visitor", "Contact", "Summary"]:
        parts.append(r"{\*\htmltag96 <td>}\htmlrtf {\htmlrtf0 " + head + r"}\htmlrtf0 ")
        parts.append(r"{\*\htmltag104 </td>}")
    parts.append(r"{\*\htmltag112 </tr>}")
    for i in range(8):
        parts.append(r"{\*\htmltag88 <tr>}")
        for cell in [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]:
            parts.append(r"{\*\htmltag96 <td>}\htmlrtf {\htmlrtf0 " + _rtf_escape(cell))
            parts.append(r"}\htmlrtf0 {\*\htmltag104 </td>}")
        parts.append(r"{\*\htmltag112 </tr>}\htmlrtf\par\htmlrtf0")
    parts.append(r"{\*\htmltag120 </table>}{\*\htmltag58 </body>}{\*\htmltag27 </html>}}")
    path = folder / "html_email_as_rtf.rtf"
    path.write_text("\r\n".join(parts), encoding="ascii")
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 9. entries written over two rows ------------------------------------------------------------


def entries_over_two_rows(folder: Path):
    """A youth offending service's contact report laid out for printing: each entry's date, time,
    worker and contact type on one row, its narrative on the row under it (in the first
    column, the rest empty), entries set apart by an empty row."""
    rows = [["Date", "Time", "Worker", "Contact type"]]
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TYPES[i % 4]])
        rows.append([TEXTS[i], "", "", ""])
        rows.append(["", "", "", ""])
    wb, _ws = _book(rows, title="Contacts")
    return _save(wb, folder, "entries_over_two_rows.xlsx"), [_all(i) for i in range(8)]


# --- 10. a school safeguarding system's incident export ---------------------------------------


def school_incident_export(folder: Path):
    """A school's safeguarding system's incident export: the pupil, the incident's date and
    time in one cell, its categories, the incident text, who reported it, who it is assigned
    to, what was done ("Actions") and its status."""
    rows = [["Student", "Year Group", "Date/Time", "Categories", "Incident", "Reported By",
             "Assigned To", "Actions", "Status"]]  # fmt: skip
    cats = ["Neglect", "Attendance", "Health", "Physical injury"]
    for i in range(8):
        rows.append(["Child Z", "Year 5", f"{_at(i):%d/%m/%Y %H:%M}", cats[i % 4], TEXTS[i],
                     WORKERS[i % 4], "DSL", "Logged; DSL informed", "Closed"])  # fmt: skip
    path = folder / "school_incident_export.csv"
    _write(path, rows)
    truth = [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return path, truth


# --- 11. a probation case system's contact log --------------------------------------------------

PROBATION_TYPES = ["Office Visit (NS)", "Home Visit", "Telephone Contact", "3 Way Meeting"]


def probation_contact_log(folder: Path):
    """A probation case system's contact list exported to a spreadsheet: the contact date, its
    start and end times, the contact type in the system's words, the outcome ("Attended -
    Complied"), the officer, "Enforcement" and the notes."""
    rows = [["Contact Date", "Start Time", "End Time", "Contact Type", "Outcome", "Officer",
             "Enforcement", "Notes"]]  # fmt: skip
    for i in range(8):
        end = f"{(TIMES[i].hour + 1) % 24:02d}:{TIMES[i].minute:02d}"
        rows.append([DAYS[i], _hm(i), end, PROBATION_TYPES[i % 4], "Attended - Complied",
                     WORKERS[i % 4], "", TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows, title="Contacts")
    for cell in ws["A"][1:]:
        cell.number_format = "dd/mm/yyyy"
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=PROBATION_TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "probation_contact_log.xlsx"), truth


# --- 12. an ambulance service's patient-record extract -----------------------------------------


def ambulance_record_extract(folder: Path):
    """An ambulance service's electronic patient records extracted for a review: the incident
    number, the date, the call's time and the times the crew was on scene and left, the
    presenting complaint, the clinician's narrative and the crew's call signs."""
    rows = [["Incident No", "Incident Date", "Time of Call", "Time On Scene", "Time Left Scene",
             "Presenting Complaint", "Clinical Narrative", "Crew"]]  # fmt: skip
    for i in range(8):
        on = TIMES[i].hour * 60 + TIMES[i].minute + 14
        off = on + 40
        rows.append([f"INC-{160314 + i * 11}", f"{DAYS[i]:%d/%m/%Y}", f"{_hm(i)}:00",
                     f"{on // 60 % 24:02d}:{on % 60:02d}:00",
                     f"{off // 60 % 24:02d}:{off % 60:02d}:00", "Fall", TEXTS[i],
                     "Alpha 21"])  # fmt: skip
    path = folder / "ambulance_record_extract.csv"
    _write(path, rows)
    return path, [_timed(i) for i in range(8)]


# --- 13. a police occurrence extract -----------------------------------------------------------


def police_occurrence_extract(folder: Path):
    """A police force's occurrence extract: the occurrence number, the reported date and time
    in one cell, the occurrence type, when it was committed (from and to), the summary and the
    officer in charge."""
    rows = [["Occurrence No", "Reported Date/Time", "Occurrence Type", "Committed From",
             "Committed To", "Summary", "OIC"]]  # fmt: skip
    kinds = ["Concern for safety", "Domestic incident", "Missing person", "Assault"]
    for i in range(8):
        rows.append([f"OCC/{20160 + i}/16", f"{_at(i):%d/%m/%Y %H:%M}", kinds[i % 4],
                     f"{_at(i):%d/%m/%Y %H:%M}", f"{_at(i):%d/%m/%Y %H:%M}", TEXTS[i],
                     f"PC {WORKERS[i % 4]}"])  # fmt: skip
    path = folder / "police_occurrence_extract.csv"
    _write(path, rows)
    truth = [_timed(i, event_type=kinds[i % 4]) for i in range(8)]
    return path, truth


FILES = {
    "rough_dates_in_words": rough_dates_in_words,
    "resaved_day_numbers_and_comma_times": resaved_day_numbers_and_comma_times,
    "report_server_csv": report_server_csv,
    "paginated_report_excel": paginated_report_excel,
    "dashboard_date_hierarchy": dashboard_date_hierarchy,
    "web_page_named_doc": web_page_named_doc,
    "html_inside_docx": html_inside_docx,
    "html_email_as_rtf": html_email_as_rtf,
    "entries_over_two_rows": entries_over_two_rows,
    "school_incident_export": school_incident_export,
    "probation_contact_log": probation_contact_log,
    "ambulance_record_extract": ambulance_record_extract,
    "police_occurrence_extract": police_occurrence_extract,
}


# --- Later files, written after the rules above ---------------------------------------------


def report_server_csv_month_group(folder: Path):
    """A reporting server's CSV export of a chronology grouped by month: the group's text box
    ("Textbox7", "March 2016") is a column of its own before the contact's date."""
    rows = [["Textbox1", "Textbox7", "ContactDate", "StartTime", "Practitioner", "ContactType",
             "CaseNote"]]  # fmt: skip
    for i in range(8):
        rows.append(["Chronology - Child Z", f"{DAYS[i]:%B %Y}", f"{DAYS[i]:%d/%m/%Y}", _hm(i),
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "report_server_csv_month_group.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


def web_archive_named_doc(folder: Path):
    """A web page saved by the browser as a single file (MHTML) and given a .doc name so that
    Word opens it: the MIME header, the page quoted-printable."""
    import quopri

    rows = [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        "<body><p>Chronology</p>"
        + _html_table(["Date", "Worker", "Type", "Entry"], rows)
        + "</body></html>"
    )
    body = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    text = (
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; "
        'boundary="----=_NextPart_01D2"\r\n\r\n------=_NextPart_01D2\r\n'
        "Content-Location: file:///C:/chronology.htm\r\nContent-Transfer-Encoding: "
        'quoted-printable\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n'
        + body.replace("\n", "\r\n")
        + "\r\n------=_NextPart_01D2--\r\n"
    )
    path = folder / "web_archive_named_doc.doc"
    path.write_text(text, encoding="ascii", newline="")
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


def mht_inside_docx(folder: Path):
    """A browser library's Word file: the body one alternative format chunk pointing at the page
    as MHTML ("afchunk.mht", content type message/rfc822)."""
    path, truth = html_inside_docx(folder)
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    page = parts.pop("word/afchunk.htm").decode("utf-8")
    mht = (
        'MIME-Version: 1.0\nContent-Type: multipart/related;\n    type="text/html";\n'
        '    boundary="----=mhtDocumentPart"\n\n\n------=mhtDocumentPart\nContent-Type: '
        'text/html;\n    charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n'
        "Content-Location: file:///C:/fake/document.html\n\n"
        + page.replace("=", "=3D")
        + "\n\n------=mhtDocumentPart--\n"
    )
    parts["word/afchunk.mht"] = mht.encode("utf-8")
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"afchunk.htm", b"afchunk.mht"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b'Extension="htm" ContentType="text/html"', b'Extension="mht" ContentType="message/rfc822"'
    )
    new = folder / "mht_inside_docx.docx"
    with zipfile.ZipFile(new, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return new, truth


ROUGH_LATER = [
    ("mid-1990s", date(1993, 1, 1), date(1997, 12, 31)),
    ("H2 2014", date(2014, 7, 1), date(2014, 12, 31)),
    ("early-mid 2015", date(2015, 1, 1), date(2015, 8, 31)),
    ("Xmas/New Year 2015/16", date(2015, 12, 24), date(2016, 1, 1)),
    ("late summer 2016", date(2016, 8, 2), date(2016, 8, 31)),
    ("second half of 2016", date(2016, 7, 1), date(2016, 12, 31)),
    ("Dec/Jan 2016/17", date(2016, 12, 1), date(2017, 1, 31)),
    ("approx. end of Q4 2016/17", date(2017, 3, 2), date(2017, 3, 31)),
]


def rough_dates_police_history(folder: Path):
    """A police force's summary of a family's history for a review: the dates of the older
    events as the officer could give them, rough and in words."""
    rows = [["Period", "Occurrence", "Summary"]]
    truth = []
    for i, (said, start, end) in enumerate(ROUGH_LATER):
        rows.append([said, "Domestic incident", TEXTS[i]])
        truth.append(Expected(start=start, end=end, event=TEXTS[i], event_type="Domestic incident"))
    wb, _ws = _book(rows, title="History")
    return _save(wb, folder, "rough_dates_police_history.xlsx"), truth


def comma_day_number_and_time(folder: Path):
    """A record of contacts re-saved as text in a European locale with the date and time in one
    cell as the day number and its fraction, written with a decimal comma ("42443,4388889")."""
    rows = [["Zeitpunkt/When", "Worker", "Note"]]
    for i in range(8):
        serial = f"{_serial(DAYS[i]) + _fraction(i):.7f}".replace(".", ",")
        rows.append([serial, WORKERS[i % 4], TEXTS[i]])
    path = folder / "comma_day_number_and_time.csv"
    _write(path, rows, delimiter=";")
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def dashboard_year_month_day(folder: Path):
    """A dashboard's table exported with its date hierarchy without the quarter: "Year",
    "Month" (as "Mar") and "Day", the note after them."""
    rows = [["Year", "Month", "Day", "Team", "Note"]]
    for i in range(8):
        rows.append([DAYS[i].year, f"{DAYS[i]:%b}", DAYS[i].day, "Early Help", TEXTS[i]])
    wb, _ws = _book(rows, title="Data")
    return _save(wb, folder, "dashboard_year_month_day.xlsx"), [_t(i) for i in range(8)]


def paginated_report_print_line(folder: Path):
    """A paginated report rendered to Excel whose page header has three cells: when it was
    printed, the title and the page number."""
    wb, ws = _book([], title="Report")
    heads = ["Date", "Time", "Worker", "Contact Type", "Details"]
    for page, block in enumerate((range(0, 4), range(4, 8)), 1):
        ws.append(["Printed 02/12/2026 09:14", "Case Chronology Report", None, None,
                   f"Page {page} of 2"])  # fmt: skip
        ws.append(heads)
        for i in block:
            ws.append([DAYS[i], _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
            ws.cell(ws.max_row, 1).number_format = "dd/mm/yyyy"
    return _save(wb, folder, "paginated_report_print_line.xlsx"), [_all(i) for i in range(8)]


def housing_incident_log(folder: Path):
    """A housing provider's anti-social behaviour case log: the date it was reported (the day
    after), the incident's own date, the category, the officer, the details and when the case
    was closed."""
    rows = [["Date Reported", "Incident Date", "Category", "Housing Officer", "Details",
             "Date Closed"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i] + timedelta(days=1):%d/%m/%Y}", f"{DAYS[i]:%d/%m/%Y}", "Noise",
                     WORKERS[i % 4], TEXTS[i], "30/12/2016"])  # fmt: skip
    path = folder / "housing_incident_log.csv"
    _write(path, rows)
    return path, [_t(i, practitioner=WORKERS[i % 4], event_type="Noise") for i in range(8)]


def mental_health_progress_notes(folder: Path):
    """A mental health trust's progress notes exported from its patient record: the note's date
    and time as date cells, who wrote it, whether it is marked significant, the note's type, the
    text, and who validated it and when (days later)."""
    rows = [["Date/Time of Note", "Originator", "Significant", "Note Type", "Note Text",
             "Validated By", "Validated Date"]]  # fmt: skip
    for i in range(8):
        rows.append([_at(i), WORKERS[i % 4], "Y" if i % 3 == 0 else "N", TYPES[i % 4], TEXTS[i],
                     WORKERS[(i + 1) % 4], _at(i) + timedelta(days=3)])  # fmt: skip
    wb, ws = _book(rows, title="Progress Notes")
    for column in ("A", "G"):
        for cell in ws[column][1:]:
            cell.number_format = "dd/mm/yyyy hh:mm"
    return _save(wb, folder, "mental_health_progress_notes.xlsx"), [_all(i) for i in range(8)]


def school_concern_export(folder: Path):
    """A school's safeguarding concerns exported from its system: the date the concern was
    logged first (a day later), then the date and time of the concern itself, the category,
    the summary, who raised it, the status and the date it was closed."""
    rows = [["Date Logged", "Concern Date", "Concern Time", "Category", "Summary",
             "Raised By", "Status", "Date Closed"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i] + timedelta(days=1):%d/%m/%Y}", f"{DAYS[i]:%d/%m/%Y}", _hm(i),
                     "Neglect", TEXTS[i], WORKERS[i % 4], "Closed", "31/03/2017"])  # fmt: skip
    path = folder / "school_concern_export.csv"
    _write(path, rows)
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def adult_case_notes_created_first(folder: Path):
    """An adults' case system's case notes: "Created On" (when the note was typed, days later)
    comes before "Event Date" (when it happened), with the subject, the worker and the note."""
    rows = [["Created On", "Event Date", "Subject", "Worker", "Case Note"]]
    for i in range(8):
        rows.append([f"{_at(i) + timedelta(days=2):%d/%m/%Y %H:%M}", f"{_at(i):%d/%m/%Y %H:%M}",
                     TYPES[i % 4], WORKERS[i % 4], TEXTS[i]])  # fmt: skip
    path = folder / "adult_case_notes_created_first.csv"
    _write(path, rows)
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def report_server_csv_two_regions(folder: Path):
    """A reporting server's CSV export of a report with two data regions: the child's details
    (a small table of its own: "ChildName", "PersonID", "DOB") first, an empty line, then the
    chronology table with its own headings."""
    rows = [["ChildName", "PersonID", "DOB"], ["Child Z", "100223", "02/02/2012"], [],
            ["ContactDate", "ContactTime", "WorkerName", "ContactType", "Narrative"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "report_server_csv_two_regions.csv"
    _write(path, rows)
    return path, [_all(i) for i in range(8)]


LATER = {
    "report_server_csv_month_group": report_server_csv_month_group,
    "web_archive_named_doc": web_archive_named_doc,
    "mht_inside_docx": mht_inside_docx,
    "rough_dates_police_history": rough_dates_police_history,
    "comma_day_number_and_time": comma_day_number_and_time,
    "dashboard_year_month_day": dashboard_year_month_day,
    "paginated_report_print_line": paginated_report_print_line,
    "housing_incident_log": housing_incident_log,
    "mental_health_progress_notes": mental_health_progress_notes,
    "school_concern_export": school_concern_export,
    "adult_case_notes_created_first": adult_case_notes_created_first,
    "report_server_csv_two_regions": report_server_csv_two_regions,
}
