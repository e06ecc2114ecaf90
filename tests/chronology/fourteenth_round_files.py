"""The fourteenth round's files: exports and office tools not met before (a chronology written
as an e-mail's plain text and saved as .eml, a LibreOffice Writer table with an entry struck
through and a footnote, a web system's JSON download, a report server's XML rendering, a
WhatsApp chat exported by a foster carer, a sheet with a "Day" column beside the date, a Welsh
LibreOffice log of days under month rows, an NHS 111 call list, a Markdown file of dated
headings, a Teams chat copied into a text file, a court bundle's chronology, a LADO's
referrals log, a mental health record's progress notes saved as a web page without a table, a
case system's case notes printed to Word under headings, a probation contact list as .tsv and
a bilingual Word table whose dates are written in both languages). Each builder writes a file
into a folder and returns (path, truth). All names are fictional."""

from __future__ import annotations

import html
import json
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_more import _fill, _word_table
from tests.chronology.seventh_round_sheets import _book, _date_cells, _save, _t

# What the importer is expected to say beyond the entries (file name: texts that must appear in
# the import's output), and what it must not say.
SAID: dict[str, list[str]] = {}
NOT_SAID: dict[str, list[str]] = {}
# The agency each truth entry must be imported for, when it is not the one given.
AGENCIES: dict[str, list[str]] = {}
# Texts that must arrive in the narrative of the entry of the same number, beyond the truth's.
KEPT: dict[str, list[list[str]]] = {}
# Texts that must be in no entry (its narrative, outcome, people, type or kept values).
KEY_TEXTS: dict[str, list[str]] = {}

WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
                "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]  # fmt: skip
WELSH_DAYS = ["Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"]


def _hm(i: int) -> str:
    return f"{TIMES[i]:%H:%M}"


def _at(i: int) -> datetime:
    return datetime.combine(DAYS[i], TIMES[i])


def _timed(i: int, **kw) -> Expected:
    return _t(i, time=_hm(i), **kw)


def _zip(path: Path, mimetype: str, content: str) -> Path:
    """An OpenDocument file: its mimetype first, stored, then content.xml and the manifest."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
            '"text/xml"/></manifest:manifest>',
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return path


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'office:version="1.3"'
)


# --- 1. a chronology written as an e-mail's plain text, saved as .eml -------------------------


def eml_plain_text_body(folder: Path):
    """A school's designated safeguarding lead answers the review's request by typing the
    chronology into the e-mail itself (plain text, no table, no attachment); business support
    saves it as .eml. The body is quoted-printable (long lines broken with "=" at 76
    characters), a greeting above, each entry a paragraph starting with its date and a dash,
    the signature under them."""
    import quopri

    lines = ["Dear Review Team,", "",
             "As requested, the school's contacts with Child Z over the period are below.", ""]  # fmt: skip
    for i in range(8):
        lines += [f"{DAYS[i]:%d/%m/%Y} - {TEXTS[i]}", ""]
    lines += ["Kind regards,", "", "Rhian Bevan", "Designated Safeguarding Lead",
              "Ysgol Gynradd Glanrafon"]  # fmt: skip
    body = "\r\n".join(lines) + "\r\n"
    qp = quopri.encodestring(body.encode("utf-8")).decode("ascii")
    message = (
        "From: Rhian Bevan <r.bevan@example.sch.uk>\r\n"
        "To: Review Team <reviews@example.gov.uk>\r\n"
        "Subject: Child Z - school chronology\r\n"
        "Date: Tue, 6 Dec 2016 16:02:10 +0000\r\n"
        "Message-ID: <a1b2c3@example.sch.uk>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp
    )
    path = folder / "eml_plain_text_body.eml"
    path.write_bytes(message.encode("ascii"))
    KEY_TEXTS["eml_plain_text_body"] = ["Kind regards", "Designated Safeguarding Lead", "=\r"]
    SAID["eml_plain_text_body"] = ["is an e-mail: its text was read"]
    return path, [_t(i) for i in range(8)]


# --- 2. a LibreOffice Writer table: an entry struck through and a footnote ---------------------

FOOTNOTE = "Time taken from the nursery's signing-out book, not the case record."


def odt_struck_and_footnote(folder: Path):
    """An IMR table typed in LibreOffice Writer (.odt): the author struck one entry through
    (an entry about another child, left in for the panel to see), its cells' text in a span
    whose style draws a line through; another entry carries a footnote (Insert > Footnote),
    whose words are the author's and must come in with that entry."""
    styles = (
        "<office:automatic-styles>"
        '<style:style style:name="T1" style:family="text"><style:text-properties '
        'style:text-line-through-style="solid" style:text-line-through-type="single"/>'
        "</style:style></office:automatic-styles>"
    )

    def cell(text: str, struck: bool = False, note: str = "") -> str:
        inner = html.escape(text)
        if struck:
            inner = f'<text:span text:style-name="T1">{inner}</text:span>'
        if note:
            inner += (
                '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1'
                f"</text:note-citation><text:note-body><text:p>{html.escape(note)}</text:p>"
                "</text:note-body></text:note>"
            )
        return (f'<table:table-cell office:value-type="string"><text:p>{inner}</text:p>'
                "</table:table-cell>")  # fmt: skip

    rows = ["<table:table-row>" + "".join(cell(h) for h in ("Date", "Practitioner", "Event"))
            + "</table:table-row>"]  # fmt: skip
    for i in range(8):
        rows.append(
            "<table:table-row>"
            + cell(f"{DAYS[i]:%d/%m/%Y}", struck=i == 4)
            + cell(WORKERS[i % 4], struck=i == 4)
            + cell(TEXTS[i], struck=i == 4, note=FOOTNOTE if i == 1 else "")
            + "</table:table-row>"
        )
    body = (
        '<text:h text:outline-level="1">Chronology – Child Z</text:h>'
        "<text:p>Entries are taken from the family centre's records.</text:p>"
        '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="3"/>'
        + "".join(rows) + "</table:table><text:p/>"
    )  # fmt: skip
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>{styles}'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    path = _zip(folder / "odt_struck_and_footnote.odt",
                "application/vnd.oasis.opendocument.text", content)  # fmt: skip
    truth = [_t(i, practitioner=WORKERS[i % 4], flagged=i == 4) for i in range(8)]
    KEPT["odt_struck_and_footnote"] = [[], [FOOTNOTE], *[[]] * 6]
    SAID["odt_struck_and_footnote"] = ["struck through in the file"]
    return path, truth


# --- 3. a web system's JSON download ----------------------------------------------------------


def json_records(folder: Path):
    """A hosted early help system's "Download (JSON)": an object with the export's own details
    (when it was run, by whom, the filters with dates in them) and the case notes as a list of
    objects, each with an id, the note's date-time (ISO, no zone: local time), the author as
    an object of name and team, the note's type and its text; one note has no author."""
    notes = []
    for i in range(8):
        author = None if i == 6 else {"name": WORKERS[i % 4], "team": "Early Help East"}
        notes.append({"id": 40210 + i, "noteDateTime": f"{_at(i):%Y-%m-%dT%H:%M:%S}",
                      "author": author, "noteType": TYPES[i % 4], "noteText": TEXTS[i],
                      "confidential": False})  # fmt: skip
    data = {"exportedAt": "2016-12-05T09:12:44Z", "exportedBy": "business.support",
            "filters": {"from": "2016-03-01", "to": "2016-11-30", "person": "Child Z"},
            "caseNotes": notes}  # fmt: skip
    path = folder / "json_records.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    truth = [_timed(i, practitioner="" if i == 6 else WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


# --- 4. a report server's XML rendering -------------------------------------------------------


def ssrs_xml_export(folder: Path):
    """A case-note report exported from SQL Server Reporting Services as "XML file with report
    data": the report element with the report's own text boxes as attributes (its title and
    run date), a table element, its Details_Collection, and each note a Details element whose
    attributes are the text boxes' values (dates as "2016-03-14T10:32:00")."""
    details = "".join(
        f'<Details ContactDateTime="{_at(i):%Y-%m-%dT%H:%M:%S}" '
        f'Worker="{WORKERS[i % 4]}" ContactType="{TYPES[i % 4]}" '
        f'CaseNote="{html.escape(TEXTS[i], quote=True)}"/>'
        for i in range(8)
    )
    text = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Report xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="CaseNotes http://reports/ReportServer?%2FCaseNotes&amp;rs%3ACommand'
        '=Render&amp;rs%3AFormat=XML&amp;rc%3ASchema=True" Name="CaseNotes" '
        'Textbox1="Case notes for Child Z" Textbox2="Run on 05/12/2016 09:12" xmlns="CaseNotes">'
        f"<Tablix1><Details_Collection>{details}</Details_Collection></Tablix1></Report>"
    )
    path = folder / "ssrs_xml_export.xml"
    path.write_text(text, encoding="utf-8")
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 5. a WhatsApp chat exported by a foster carer --------------------------------------------

CHAT = [
    "Hi Sam, just to let you know Z came home from contact very quiet and would not eat.",
    "Z told me her mum's new partner shouted at her in the car park. I have written it down.",
    "School called, Z has a temperature, I have collected her and booked the GP for 4.30.",
    "Z asked again when she will see her brother. Can we talk about sibling contact?",
    "Z went missing from the park for 40 minutes. Found her at the shop with two older boys.",
    "Police have been round about the boys from the park, they took a statement from Z.",
    "Z had a good week at school, certificate for reading. Very proud of herself!",
    "Z's mum turned up at the school gate today. Staff kept Z inside and rang me.",
]


def whatsapp_chat_txt(folder: Path):
    """A foster carer's messages to the child's social worker, exported from WhatsApp on an
    Android phone set to the UK ("Export chat", without media): each message a line
    "14/03/2016, 10:32 - Ngozi Okafor: ...", one message running on to a second line."""
    lines = []
    for i in range(8):
        text = CHAT[i] if i != 4 else CHAT[i].replace(" Found", "\nFound")
        lines.append(f"{DAYS[i]:%d/%m/%Y}, {_hm(i)} - Ngozi Okafor: {text}")
    path = folder / "whatsapp_chat_txt.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, [Expected(DAYS[i], time=_hm(i), event=CHAT[i].split(" Found")[0])
                  for i in range(8)]  # fmt: skip


# --- 6. a "Day" column beside the date --------------------------------------------------------


def date_and_weekday_columns(folder: Path):
    """A family support team's contact sheet with the weekday in a column of its own (typed,
    "Monday", as the team's diary shows it) between the date cells and the time."""
    rows = [["Date", "Day", "Time", "Worker", "Contact type", "Notes"]]
    for i in range(8):
        rows.append([DAYS[i], f"{DAYS[i]:%A}", _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    wb, ws = _book(rows, title="Contacts")
    _date_cells(ws)
    return _save(wb, folder, "date_and_weekday_columns.xlsx"), [
        _timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)
    ]


# --- 7. a Welsh LibreOffice log: days under month rows -----------------------------------------


def _ods_cell(text: str, span: int = 1) -> str:
    spanned = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    covered = "<table:covered-table-cell/>" * (span - 1)
    return (f'<table:table-cell office:value-type="string"{spanned}><text:p>'
            f"{html.escape(text)}</text:p></table:table-cell>{covered}")  # fmt: skip


def welsh_month_rows_ods(folder: Path):
    """A Welsh-medium family centre's log in LibreOffice Calc (.ods): Welsh headings, a row
    naming each month in Welsh merged across the sheet ("Mawrth 2016"), and under it the days
    written with the Welsh weekday, "Dydd Llun 14" (Tuesday is "Dydd Mawrth", as March is
    "Mawrth": the month row says which month)."""
    rows = [[_ods_cell("Dyddiad"), _ods_cell("Gweithiwr"), _ods_cell("Manylion")]]
    month = None
    for i in range(8):
        if DAYS[i].month != month:
            month = DAYS[i].month
            rows.append([_ods_cell(f"{WELSH_MONTHS[month - 1]} 2016", span=3)])
        day = f"Dydd {WELSH_DAYS[DAYS[i].weekday()]} {DAYS[i].day}"
        rows.append([_ods_cell(day), _ods_cell(WORKERS[i % 4]), _ods_cell(TEXTS[i])])
    table = "".join("<table:table-row>" + "".join(r) + "</table:table-row>" for r in rows)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>'
        '<office:body><office:spreadsheet><table:table table:name="Cofnod">'
        '<table:table-column table:number-columns-repeated="3"/>'
        f"{table}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = _zip(folder / "welsh_month_rows_ods.ods",
                "application/vnd.oasis.opendocument.spreadsheet", content)  # fmt: skip
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 8. an NHS 111 call list ------------------------------------------------------------------

DISPOSITIONS = ["Dx05 - Speak to a primary care service within 2 hours",
                "Dx11 - Speak to a clinician within 1 hour",
                "Dx02 - Attend emergency department within 1 hour",
                "Dx75 - Home management"]  # fmt: skip


def nhs111_calls_csv(folder: Path):
    """An NHS 111 provider's call list for the child (CSV): the case ID, the call's start with
    seconds, the call handler, the pathway the call went down, the disposition as its code and
    words, and the call's notes."""
    pathways = ["Burns and scalds", "Fever", "Head injury", "Abdominal pain"]
    rows = [["Case ID", "Call Start", "Call Handler", "Pathway", "Disposition", "Call Notes"]]
    for i in range(8):
        rows.append([f"111-{7730150 + i * 37}", f"{_at(i):%d/%m/%Y %H:%M}:{7 + i:02d}",
                     WORKERS[i % 4], pathways[i % 4], DISPOSITIONS[i % 4], TEXTS[i]])  # fmt: skip
    path = _write(folder / "nhs111_calls_csv.csv", rows)
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 9. a Markdown file of dated headings -----------------------------------------------------


def markdown_dated_headings(folder: Path):
    """A chronology written in Markdown (a team that keeps its notes in a wiki) and saved as
    .md: a title ("# ..."), an introduction, then each day a heading "## Monday 14 March 2016"
    and under it the contact as a paragraph opening with its time in bold ("**10:32** - ...")."""
    lines = ["# Chronology: Child Z", "",
             "Contacts taken from the youth service's session records.", ""]  # fmt: skip
    for i in range(8):
        lines += [f"## {DAYS[i]:%A %d %B %Y}", "", f"**{_hm(i)}** - {TEXTS[i]}", ""]
    path = folder / "markdown_dated_headings.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, [_timed(i) for i in range(8)]


# --- 10. a Teams chat copied into a text file --------------------------------------------------


def teams_chat_copy(folder: Path):
    """A Teams chat between a school's safeguarding lead and a social worker, selected and
    copied into Notepad: each message its stamp and sender in brackets on a line of its own,
    "[14/03/2016 10:32] Sam Ellery", the message on the lines under it, a blank line between."""
    lines = []
    for i in range(8):
        lines += [f"[{DAYS[i]:%d/%m/%Y} {_hm(i)}] {WORKERS[i % 4]}", TEXTS[i], ""]
    path = folder / "teams_chat_copy.txt"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    return path, [_timed(i) for i in range(8)]


# --- 11. a court bundle's chronology ----------------------------------------------------------


def court_bundle_docx(folder: Path):
    """The local authority's chronology for care proceedings, in Word as the court's practice
    direction asks: Date, Event, and the page of the bundle where the evidence is ("C23",
    "E15-E17", "H4"); the dates typed "14.03.16"."""
    import docx

    document = docx.Document()
    document.add_heading("IN THE FAMILY COURT – Case no. ZW16C00421", level=1)
    document.add_paragraph("Local authority's chronology (PD12A)")
    table = _word_table(document, ["Date", "Event", "Bundle ref"])
    refs = ["C23", "E15-E17", "H4", "C41", "E2", "F9-F11", "C52", "H12"]
    for i in range(8):
        _fill(table.add_row(), [f"{DAYS[i]:%d.%m.%y}", TEXTS[i], refs[i]])
    path = folder / "court_bundle_docx.docx"
    document.save(path)
    return path, [_t(i) for i in range(8)]


# --- 12. a LADO's referrals log ---------------------------------------------------------------


def lado_log_xlsx(folder: Path):
    """A Local Authority Designated Officer's log of allegations about people who work with
    children: the reference, the date the referral was received (the entry's date), the
    referrer, the setting, the allegation, the date of the initial strategy meeting (later,
    some blank), the outcome (the five national categories) and the date closed."""
    outcomes = ["Substantiated", "Unsubstantiated", "Unfounded", "False", "Malicious"]
    rows = [["LADO Ref", "Date referral received", "Referrer", "Employer / setting",
             "Allegation", "Date of ISM", "Outcome", "Date closed"]]  # fmt: skip
    for i in range(8):
        ism = DAYS[i] + timedelta(days=3) if i % 3 else None
        rows.append([f"LADO/16/{112 + i}", DAYS[i], WORKERS[i % 4], "Ysgol Bryn Derw",
                     TEXTS[i], ism, outcomes[i % 5], DAYS[i] + timedelta(days=40)])  # fmt: skip
    wb, ws = _book(rows, title="Referrals")
    for column in "BFH":
        _date_cells(ws, column)
    return _save(wb, folder, "lado_log_xlsx.xlsx"), [_t(i) for i in range(8)]


# --- 13. a mental health record's progress notes saved as a web page --------------------------


def progress_notes_html_divs(folder: Path):
    """A mental health trust's electronic record, progress notes printed to a web page and
    saved (.html): no table; each note a block of <div>s, its header "14/03/2016 10:32 –
    Progress Note" with the originator, then the note's text in paragraphs."""
    blocks = []
    for i in range(8):
        blocks.append(
            '<div class="note"><div class="note-header"><span class="when">'
            f"{_at(i):%d/%m/%Y %H:%M}</span> &ndash; Progress Note &ndash; "
            f'<span class="who">{WORKERS[i % 4]} (Care Coordinator)</span></div>'
            f'<div class="note-body"><p>{html.escape(TEXTS[i])}</p></div></div>'
        )
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Progress Notes</title>"
        "<style>.note{margin-bottom:12px}.note-header{font-weight:bold}</style></head><body>"
        "<h1>Progress Notes</h1><div class='patient'>Child Z &middot; NHS No 999 123 4567</div>"
        + "".join(blocks) + "<div class='footer'>Printed 05/12/2016 by business support</div>"
        "</body></html>"
    )  # fmt: skip
    path = folder / "progress_notes_html_divs.html"
    path.write_text(page, encoding="utf-8")
    return path, [_timed(i) for i in range(8)]


# --- 14. case notes printed to Word under headings ----------------------------------------------


def word_case_note_headings(folder: Path):
    """A children's case system's "Print case notes" to Word: each note's heading (Heading 2)
    holds its date, time, type and author, "14/03/2016 10:32 – Home visit – Sam Ellery", and
    the note is the Normal paragraphs under it."""
    import docx

    document = docx.Document()
    document.add_heading("Case notes – Child Z", level=1)
    for i in range(8):
        document.add_heading(f"{_at(i):%d/%m/%Y %H:%M} – {TYPES[i % 4]} – {WORKERS[i % 4]}", 2)
        document.add_paragraph(TEXTS[i])
    path = folder / "word_case_note_headings.docx"
    document.save(path)
    return path, [_timed(i) for i in range(8)]


# --- 15. a probation contact list as .tsv ----------------------------------------------------

CONTACT_CODES = ["COAP - Office Appointment", "CHVS - Home Visit", "CTOA - Phone Contact",
                 "C084 - 3 Way Meeting"]  # fmt: skip


def ndelius_contacts_tsv(folder: Path):
    """A probation case management system's contact list saved as tab-separated text (.tsv):
    Contact Date, Start Time and End Time ("10:32:00"), the contact type and outcome as code
    and words, the officer "Surname, Forename (team code)", and the notes."""
    rows = [["Contact Date", "Start Time", "End Time", "Contact Type", "Outcome", "Officer",
             "Notes"]]  # fmt: skip
    for i in range(8):
        surname, forename = WORKERS[i % 4].split()[1], WORKERS[i % 4].split()[0]
        end = (_at(i) + timedelta(minutes=45)).time()
        rows.append([f"{DAYS[i]:%d/%m/%Y}", f"{TIMES[i]:%H:%M:%S}", f"{end:%H:%M:%S}",
                     CONTACT_CODES[i % 4], "ATTC - Attended - Complied",
                     f"{surname}, {forename} (N07T02)", TEXTS[i]])  # fmt: skip
    path = _write(folder / "ndelius_contacts_tsv.tsv", rows, delimiter="\t")
    return path, [_timed(i) for i in range(8)]


# --- 16. a bilingual Word table: dates in both languages --------------------------------------


def word_bilingual_dates(folder: Path):
    """A Welsh council's bilingual Word template: headings "Dyddiad / Date", "Ymarferydd /
    Practitioner", "Digwyddiad / Event", and each date written in both languages with the
    month twice, "14 Mawrth / March 2016" (one day, not a span of months)."""
    import docx

    document = docx.Document()
    document.add_heading("Cronoleg / Chronology", level=1)
    table = _word_table(document, ["Dyddiad / Date", "Ymarferydd / Practitioner",
                                   "Digwyddiad / Event"])  # fmt: skip
    for i in range(8):
        welsh = WELSH_MONTHS[DAYS[i].month - 1]
        written = f"{DAYS[i].day} {welsh} / {DAYS[i]:%B %Y}"
        _fill(table.add_row(), [written, WORKERS[i % 4], TEXTS[i]])
    path = folder / "word_bilingual_dates.docx"
    document.save(path)
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


FILES = {
    f.__name__: f
    for f in (
        eml_plain_text_body,
        odt_struck_and_footnote,
        json_records,
        ssrs_xml_export,
        whatsapp_chat_txt,
        date_and_weekday_columns,
        welsh_month_rows_ods,
        nhs111_calls_csv,
        markdown_dated_headings,
        teams_chat_copy,
        court_bundle_docx,
        lado_log_xlsx,
        progress_notes_html_divs,
        word_case_note_headings,
        ndelius_contacts_tsv,
        word_bilingual_dates,
    )
}


# --- written after the first rules: the same kinds from other producers ------------------------


def sharepoint_list_json(folder: Path):
    """A team's log kept in a SharePoint list and pulled with its REST interface to a .json
    file: "@odata" details, then the items under "value", each with SharePoint's own fields
    (Id, Created, Modified as UTC stamps days later) and the list's columns under their
    internal names, spaces written "_x0020_" ("Contact_x0020_Date": "14/03/2016")."""
    items = []
    for i in range(8):
        created = _at(i) + timedelta(days=2)
        items.append({"odata.type": "SP.Data.ContactsListItem", "Id": i + 1,
                      "Title": TYPES[i % 4], "Contact_x0020_Date": f"{DAYS[i]:%d/%m/%Y}",
                      "Worker_x0020_Name": WORKERS[i % 4], "Details": TEXTS[i],
                      "Created": f"{created:%Y-%m-%dT%H:%M:%SZ}",
                      "Modified": f"{created:%Y-%m-%dT%H:%M:%SZ}"})  # fmt: skip
    data = {"odata.metadata": "https://example.sharepoint.com/_api/$metadata#SP.ListData",
            "value": items}  # fmt: skip
    path = folder / "sharepoint_list_json.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def crystal_reports_xml(folder: Path):
    """A case-note report exported from Crystal Reports as XML: a Details element a record,
    its Section holding a Field element a column, each named by its Name attribute, with the
    value as shown (FormattedValue) and as stored (Value)."""

    def field(name: str, shown: str, value: str) -> str:
        return (f'<Field Name="{name}" FieldName="{{Notes.{name}}}"><FormattedValue>'
                f"{html.escape(shown)}</FormattedValue><Value>{html.escape(value)}</Value>"
                "</Field>")  # fmt: skip

    details = "".join(
        '<Details Level="1"><Section SectionNumber="0">'
        + field("NoteDate1", f"{_at(i):%d/%m/%Y %H:%M}", f"{_at(i):%Y-%m-%dT%H:%M:%S}")
        + field("Author1", WORKERS[i % 4], WORKERS[i % 4])
        + field("NoteType1", TYPES[i % 4], TYPES[i % 4])
        + field("NoteText1", TEXTS[i], TEXTS[i])
        + "</Section></Details>"
        for i in range(8)
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8" ?><CrystalReport xmlns="urn:crystal-reports:'
        'schemas:report-detail" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<ReportHeader><Section SectionNumber="0"><Text Name="Text1"><TextValue>Case notes'
        "</TextValue></Text></Section></ReportHeader>" + details + "</CrystalReport>"
    )
    path = folder / "crystal_reports_xml.xml"
    path.write_text(text, encoding="utf-8")
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


def thunderbird_eml_flowed(folder: Path):
    """A chronology typed into an e-mail in Thunderbird and saved as .eml: multipart/
    alternative, the plain part "format=flowed" (lines wrapped at 72 characters with a space
    before each break), the HTML part the same words in <p>s and <br>s, no table."""
    import textwrap

    paragraphs = ["Hello,", "Our involvement with the family, as asked:"]
    paragraphs += [f"{DAYS[i]:%d %B %Y}: {TEXTS[i]}" for i in range(8)]
    paragraphs += ["Best wishes,", "Owain Prys, Housing Officer"]
    plain = "\r\n\r\n".join(
        " \r\n".join(textwrap.wrap(p, 72)) for p in paragraphs
    )  # fmt: skip
    page = (
        "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</body></html>"
    )
    message = (
        "From: Owain Prys <o.prys@example-housing.org.uk>\r\nTo: reviews@example.gov.uk\r\n"
        "Subject: Chronology - housing\r\nDate: Wed, 7 Dec 2016 11:20:00 +0000\r\n"
        "MIME-Version: 1.0\r\nUser-Agent: Mozilla Thunderbird\r\n"
        'Content-Type: multipart/alternative; boundary="------------tb1"\r\n\r\n'
        "This is a multi-part message in MIME format.\r\n--------------tb1\r\n"
        "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n" + plain + "\r\n\r\n--------------tb1\r\n"
        "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + page
        + "\r\n--------------tb1--\r\n"
    )
    path = folder / "thunderbird_eml_flowed.eml"
    path.write_bytes(message.encode("utf-8"))
    KEY_TEXTS["thunderbird_eml_flowed"] = ["Best wishes", "Housing Officer"]
    return path, [_t(i) for i in range(8)]


def web_labelled_notes_html(folder: Path):
    """A web case system's case-note page saved from the browser ("Save page as", .htm): no
    table; each note a block of labelled lines in <p>s, the label in <strong>: "Date:",
    "Time:", "Recorded by:", "Note:", a rule (<hr>) between the notes."""
    blocks = "".join(
        f"<p><strong>Date:</strong> {DAYS[i]:%d/%m/%Y}</p><p><strong>Time:</strong> {_hm(i)}"
        f"</p><p><strong>Recorded by:</strong> {WORKERS[i % 4]}</p><p><strong>Note:</strong> "
        f"{html.escape(TEXTS[i])}</p><hr>"
        for i in range(8)
    )
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Case notes</title>"
            "<script>var x = '14/03/2016';</script></head><body><h2>Case notes: Child Z</h2>"
            f"{blocks}</body></html>")  # fmt: skip
    path = folder / "web_labelled_notes_html.htm"
    path.write_text(page, encoding="utf-8")
    return path, [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]


def ios_whatsapp_chat(folder: Path):
    """A mother's messages to her family support worker exported from WhatsApp on an iPhone
    set to the UK: "[14/03/2016, 10:32:07] Sam Ellery: ...", seconds in the stamp, a message
    of two lines."""
    lines = []
    for i in range(8):
        text = CHAT[i] if i != 2 else CHAT[i].replace(", I have", ",\nI have")
        lines.append(f"[{DAYS[i]:%d/%m/%Y}, {_hm(i)}:{10 + i:02d}] Sam Ellery: {text}")
    path = folder / "ios_whatsapp_chat.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, [Expected(DAYS[i], time=_hm(i), event=CHAT[i].split(", I have")[0])
                  for i in range(8)]  # fmt: skip


def odt_struck_paragraphs(folder: Path):
    """A chronology typed in Google Docs as dated paragraphs and downloaded as .odt: one
    entry struck through by the panel's reviewer (a span with a line-through style over the
    whole paragraph), another with an endnote."""
    styles = (
        '<office:automatic-styles><style:style style:name="T7" style:family="text">'
        '<style:text-properties style:text-line-through-style="solid" '
        'style:text-line-through-type="single"/></style:style></office:automatic-styles>'
    )
    paragraphs = ["<text:p>Chronology – Child Z</text:p>"]
    for i in range(8):
        text = html.escape(f"{DAYS[i]:%d/%m/%Y} – {TEXTS[i]}")
        if i == 6:
            text = f'<text:span text:style-name="T7">{text}</text:span>'
        if i == 3:
            text += (
                '<text:note text:id="e1" text:note-class="endnote"><text:note-citation>i'
                f"</text:note-citation><text:note-body><text:p>{html.escape(FOOTNOTE)}</text:p>"
                "</text:note-body></text:note>"
            )
        paragraphs.append(f"<text:p>{text}</text:p>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>{styles}'
        f"<office:body><office:text>{''.join(paragraphs)}</office:text></office:body>"
        "</office:document-content>"
    )
    path = _zip(folder / "odt_struck_paragraphs.odt",
                "application/vnd.oasis.opendocument.text", content)  # fmt: skip
    KEPT["odt_struck_paragraphs"] = [[], [], [], [FOOTNOTE], [], [], [], []]
    SAID["odt_struck_paragraphs"] = ["struck through in the file"]
    return path, [_t(i, flagged=i == 6) for i in range(8)]


def officers_side_by_side(folder: Path):
    """A police public protection unit's log kept by two officers side by side: Date, Time,
    then a column for each officer ("DS Khan", "PC 2206 Ellis") holding what that officer did,
    the other left empty; on one day both wrote. Each entry is the officer's, for the police,
    not for an agency named "DS Khan"."""
    officers = ["DS Khan", "PC 2206 Ellis"]
    rows = [["Date", "Time", *officers]]
    for i in range(8):
        lane = i % 2 if i != 5 else 0
        cells = [None, None]
        cells[lane] = TEXTS[i]
        rows.append([DAYS[i], _hm(i), *cells])
        if i == 5:
            rows[-1][3] = OFFICER_NOTE
    wb, ws = _book(rows, title="PPU log")
    _date_cells(ws)
    truth = [_timed(i, practitioner=officers[i % 2 if i != 5 else 0]) for i in range(8)]
    truth.append(Expected(DAYS[5], time=_hm(5), event=OFFICER_NOTE, practitioner=officers[1]))
    return _save(wb, folder, "officers_side_by_side.xlsx"), truth


OFFICER_NOTE = "Joint visit with DS Khan: mother seen, agreed to a safety plan; PNC checks done."


LATER = {
    f.__name__: f
    for f in (
        sharepoint_list_json,
        crystal_reports_xml,
        thunderbird_eml_flowed,
        web_labelled_notes_html,
        ios_whatsapp_chat,
        odt_struck_paragraphs,
        officers_side_by_side,
    )
}
