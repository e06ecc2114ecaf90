"""The fifteenth round's files: shapes not met before (a worker's calendar exported as
iCalendar, a chronology table in a PowerPoint deck for the panel, a system's export sent as a
.zip, LibreOffice's flat XML documents and sheets, Word's "XML Document" save, an XML export of
contacts grouped under their days, a JSON export keyed by date, a case-note audit trail with
amended versions, a disclosure copy with redacted cells, staff numbers beside names, a chat
export with its system lines, dates named by holidays and joined days, rich text markup in a
CSV's cells, a report printed to a text file page by page, and a workbook of several
chronology sheets behind a cover sheet). Each builder writes a file into a folder and returns
(path, truth). All names are fictional."""

from __future__ import annotations

import base64
import html
import io
import json
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.chronology.eighth_round_text import _write
from tests.chronology.fourteenth_round_files import _ODF_NS, _hm, _timed
from tests.chronology.robust_files import DAYS, TEXTS, TIMES, TYPES, WORKERS, Expected
from tests.chronology.seventh_round_sheets import _book, _date_cells, _save, _t

SAID: dict[str, list[str]] = {}
NOT_SAID: dict[str, list[str]] = {}
AGENCIES: dict[str, list[str]] = {}
KEPT: dict[str, list[list[str]]] = {}
KEY_TEXTS: dict[str, list[str]] = {}


def _summer(day: date) -> bool:
    return date(2016, 3, 27) <= day < date(2016, 10, 30)


def _at(i: int) -> datetime:
    return datetime.combine(DAYS[i], TIMES[i])


def _docx_bytes(rows) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Chronology of agency involvement")
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- 1. a worker's calendar exported as iCalendar (.ics) -------------------------------------


def _fold(line: str) -> str:
    """An iCalendar content line folded at 75 characters (CRLF and a space)."""
    parts = [line[:75]]
    line = line[75:]
    while line:
        parts.append(" " + line[:74])
        line = line[74:]
    return "\r\n".join(parts)


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def ics_calendar_export(folder: Path):
    """A health visitor's Outlook calendar saved as iCalendar (.ics): each visit a VEVENT with
    its start as local time under a time zone, or (for the entries a phone app added) in UTC
    with a "Z" (in British Summer Time one hour behind the clock); the summary is the kind of
    contact, the description the note (commas escaped, lines folded at 75 characters), the
    organiser the worker. DTSTAMP is when the file was written, never the entry's date."""
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
             "VERSION:2.0", "METHOD:PUBLISH", "X-WR-CALNAME:Health visiting diary",
             "BEGIN:VTIMEZONE", "TZID:GMT Standard Time", "BEGIN:STANDARD",
             "DTSTART:16011028T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
             "TZOFFSETFROM:+0100", "TZOFFSETTO:-0000", "END:STANDARD", "BEGIN:DAYLIGHT",
             "DTSTART:16010325T010000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
             "TZOFFSETFROM:-0000", "TZOFFSETTO:+0100", "END:DAYLIGHT", "END:VTIMEZONE"]  # fmt: skip
    for i in range(8):
        at = _at(i)
        if i % 3 == 1:  # written in UTC by the phone app
            utc = at - timedelta(hours=1 if _summer(DAYS[i]) else 0)
            start = f"DTSTART:{utc:%Y%m%dT%H%M%S}Z"
            end = f"DTEND:{utc + timedelta(minutes=45):%Y%m%dT%H%M%S}Z"
        else:
            start = f'DTSTART;TZID="GMT Standard Time":{at:%Y%m%dT%H%M%S}'
            end = f'DTEND;TZID="GMT Standard Time":{at + timedelta(minutes=45):%Y%m%dT%H%M%S}'
        lines += ["BEGIN:VEVENT", f'ORGANIZER;CN="{WORKERS[i % 4]}":mailto:hv{i}@example.nhs.uk',
                  start, end, "DTSTAMP:20161205T091244Z", f"UID:{i:04d}-hv-diary",
                  f"SUMMARY:{TYPES[i % 4]}", _fold("DESCRIPTION:" + _ics_text(TEXTS[i])),
                  "LOCATION:Family home", "STATUS:CONFIRMED", "END:VEVENT"]  # fmt: skip
    lines.append("END:VCALENDAR")
    path = folder / "ics_calendar_export.ics"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    KEY_TEXTS["ics_calendar_export"] = ["DTSTAMP", "mailto:", "GMT Standard Time"]
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 2. a chronology table on PowerPoint slides ----------------------------------------------

_P = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'  # noqa: E501


def _pptx(path: Path, slides: list[tuple[str, list[list[str]]]]) -> Path:
    """A minimal PowerPoint file: each slide a title and a table."""

    def para(text: str) -> str:
        return "".join(
            f"<a:p><a:r><a:t>{html.escape(p)}</a:t></a:r></a:p>" for p in text.split("\n")
        )

    def slide(title: str, rows: list[list[str]]) -> str:
        grid = "".join('<a:gridCol w="2000000"/>' for _ in rows[0])
        trs = "".join(
            '<a:tr h="370840">'
            + "".join(f"<a:tc><a:txBody><a:bodyPr/>{para(c)}</a:txBody></a:tc>" for c in row)
            + "</a:tr>"
            for row in rows
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><p:sld {_P}><p:cSld><p:spTree>'
            '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr/>'
            f'<p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>'
            f"{para(title)}</p:txBody></p:sp><p:graphicFrame><p:nvGraphicFramePr>"
            '<p:cNvPr id="3" name="Table 2"/><p:cNvGraphicFramePr/><p:nvPr/>'
            '</p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData uri="http://schemas.'
            'openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1"/>'
            f"<a:tblGrid>{grid}</a:tblGrid>{trs}</a:tbl></a:graphicData></a:graphic>"
            "</p:graphicFrame></p:spTree></p:cSld></p:sld>"
        )

    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/ppt/slides/slide{n}.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.presentationml.slide+xml"/>'
            for n in range(1, len(slides) + 1)
        )
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
            '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.presentationml.'
            f'presentation.main+xml"/>{overrides}</Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{rel}/officeDocument" Target="ppt/presentation.xml"/></Relationships>',
        )
        # the slides listed in the deck's order, which is not their files' order
        order = list(range(1, len(slides) + 1))
        order = order[1:] + order[:1] if len(order) > 2 else order
        ids = "".join(f'<p:sldId id="{255 + k}" r:id="rId{n + 10}"/>'
                      for k, n in enumerate(order, start=1))  # fmt: skip
        z.writestr(
            "ppt/presentation.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><p:presentation {_P}><p:sldIdLst>{ids}'
            '</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/></p:presentation>',
        )
        rels = "".join(
            f'<Relationship Id="rId{n + 10}" Type="{rel}/slide" Target="slides/slide{n}.xml"/>'
            for n in range(1, len(slides) + 1)
        )
        z.writestr(
            "ppt/_rels/presentation.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        for k, n in enumerate(order):
            z.writestr(f"ppt/slides/slide{n}.xml", slide(*slides[k]))
    return path


def pptx_chronology_table(folder: Path):
    """The lead reviewer's panel presentation (.pptx): the police chronology as a table over
    three slides, the header repeated on each, the slides' files not in the deck's order (one
    was moved after it was made)."""
    head = ["Date / time", "Officer", "Occurrence type", "Summary"]
    rows = [[f"{_at(i):%d/%m/%Y %H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    slides = [("Police contact (1 of 3)", [head, *rows[:3]]),
              ("Police contact (2 of 3)", [head, *rows[3:6]]),
              ("Police contact (3 of 3)", [head, *rows[6:]])]  # fmt: skip
    path = _pptx(folder / "pptx_chronology_table.pptx", slides)
    KEY_TEXTS["pptx_chronology_table"] = ["1 of 3", "Occurrence type"]
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 3. a system's export sent as a .zip holding the CSV --------------------------------------


def zipped_csv_export(folder: Path):
    """A case system's "download report" gives a .zip: the CSV inside a folder, with the
    system's own readme beside it. Sent on as it came."""
    buffer = io.StringIO()
    import csv

    writer = csv.writer(buffer)
    writer.writerow(["Contact Date", "Worker", "Contact Type", "Contact Notes"])
    for i in range(8):
        writer.writerow([f"{_at(i):%d/%m/%Y %H:%M}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    path = folder / "zipped_csv_export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Report_4471/README.txt", "Exported by the case system on 05/12/2016 at "
                   "09:12. This archive holds the report you asked for.\r\n")  # fmt: skip
        z.writestr("Report_4471/Contacts_Child_Z.csv", buffer.getvalue().encode("utf-8-sig"))
    KEY_TEXTS["zipped_csv_export"] = ["This archive holds"]
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 4. LibreOffice Writer's flat XML document (.fodt) ----------------------------------------


def fodt_flat_writer(folder: Path):
    """A voluntary service's chronology typed in LibreOffice and saved as "Flat XML ODF Text
    Document" (.fodt): one XML file, not a zip, holding the styles and the table."""
    rows = [["Date", "Support worker", "What happened"]]
    rows += [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f"<table:table-cell><text:p>{html.escape(c)}</text:p></table:table-cell>" for c in row
        )  # fmt: skip
        + "</table:table-row>"
        for row in rows
    )
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {_ODF_NS} office:mimetype="application/vnd.oasis.opendocument.text">'
        '<office:meta><meta:creation-date xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:'
        'meta:1.0">2016-12-05T09:12:44</meta:creation-date></office:meta>'
        "<office:automatic-styles/><office:body><office:text>"
        "<text:p>Chronology: Haven Women's Aid</text:p>"
        '<table:table table:name="Table1"><table:table-column table:number-columns-repeated='
        f'"3"/>{cells}</table:table></office:text></office:body></office:document>'
    )
    path = folder / "fodt_flat_writer.fodt"
    path.write_text(doc, encoding="utf-8")
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 5. LibreOffice Calc's flat XML sheet (.fods) ---------------------------------------------


def fods_flat_calc(folder: Path):
    """A housing officer's log kept in LibreOffice Calc and saved as "Flat XML ODF
    Spreadsheet" (.fods): the dates are date cells (office:date-value), one XML file."""
    heads = ["Date", "Officer", "Contact type", "Notes"]

    def cell(value) -> str:
        if isinstance(value, date):
            return (f'<table:table-cell office:value-type="date" office:date-value='
                    f'"{value:%Y-%m-%d}"><text:p>{value:%d/%m/%y}</text:p></table:table-cell>')  # fmt: skip
        return (f'<table:table-cell office:value-type="string"><text:p>{html.escape(value)}'
                "</text:p></table:table-cell>")  # fmt: skip

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
        for row in [heads] + [[DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    )
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {_ODF_NS} office:mimetype="application/vnd.oasis.opendocument.'
        'spreadsheet"><office:body><office:spreadsheet><table:table table:name="Log">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document>"
    )
    path = folder / "fods_flat_calc.fods"
    path.write_text(doc, encoding="utf-8")
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 6. Word's "Word XML Document" (flat OPC, .xml) -------------------------------------------


def word_flat_xml(folder: Path):
    """A school's chronology saved from Word as "Word XML Document (*.xml)": the whole .docx
    package in one XML file, each part a pkg:part (XML parts inline, others in base64)."""
    with zipfile.ZipFile(io.BytesIO(_docx_bytes(
        [["Date", "Member of staff", "Concern / action"]]
        + [[f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TEXTS[i]] for i in range(8)]
    ))) as z:  # fmt: skip
        import re

        declared = z.read("[Content_Types].xml").decode("utf-8")
        types = dict(re.findall(r'PartName="/([^"]+)" ContentType="([^"]+)"', declared))
        parts = []
        for name in z.namelist():
            if name == "[Content_Types].xml":  # Word writes no such part: each part says its type
                continue
            data = z.read(name)
            kind = types.get(name, "application/vnd.openxmlformats-package.relationships+xml"
                             if name.endswith(".rels") else "application/xml")  # fmt: skip
            if name.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                text = text.split("?>", 1)[1] if text.startswith("<?xml") else text
                parts.append(f'<pkg:part pkg:name="/{name}" pkg:contentType="{kind}">'
                             f"<pkg:xmlData>{text}</pkg:xmlData></pkg:part>")  # fmt: skip
            else:
                parts.append(f'<pkg:part pkg:name="/{name}" pkg:contentType="{kind}" '
                             f'pkg:compression="store"><pkg:binaryData>'
                             f"{base64.b64encode(data).decode()}</pkg:binaryData></pkg:part>")  # fmt: skip
    doc = (
        '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
        '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
        + "".join(parts)
        + "</pkg:package>"
    )
    path = folder / "word_flat_xml.xml"
    path.write_text(doc, encoding="utf-8")
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


# --- 7. an XML export of contacts grouped under their days ------------------------------------


def xml_grouped_by_day(folder: Path):
    """A youth justice system's XML export: the contacts of each day inside a <Day> element
    whose attribute holds the date; each contact has its own time, officer and note (two days
    hold two contacts)."""
    groups: dict[date, list[int]] = {}
    days = list(DAYS)
    days[1] = days[0]  # two contacts on the first day
    days[5] = days[4]  # and two on another
    for i in range(8):
        groups.setdefault(days[i], []).append(i)
    parts = []
    for day, members in groups.items():
        contacts = "".join(
            f'<Contact time="{_hm(i)}"><Officer>{WORKERS[i % 4]}</Officer><ContactType>'
            f"{TYPES[i % 4]}</ContactType><Note>{html.escape(TEXTS[i])}</Note></Contact>"
            for i in members
        )
        parts.append(f'<Day date="{day:%Y-%m-%d}" weekday="{day:%A}">{contacts}</Day>')
    doc = ('<?xml version="1.0" encoding="utf-8"?><YouthJusticeExport generated='
           '"2016-12-05T09:12:44"><Young_Person ref="YP0042"/><Contacts>'
           + "".join(parts) + "</Contacts></YouthJusticeExport>")  # fmt: skip
    path = folder / "xml_grouped_by_day.xml"
    path.write_text(doc, encoding="utf-8")
    truth = [
        Expected(start=days[i], event=TEXTS[i], time=_hm(i), practitioner=WORKERS[i % 4],
                 event_type=TYPES[i % 4])
        for i in range(8)
    ]  # fmt: skip
    return path, truth


# --- 8. a JSON export keyed by date -----------------------------------------------------------


def json_keyed_by_date(folder: Path):
    """A domestic abuse service's case system exports JSON: the case's details, then the
    contacts as an object whose keys are the days, each day a list of contacts."""
    contacts: dict[str, list[dict]] = {}
    for i in range(8):
        contacts.setdefault(f"{DAYS[i]:%Y-%m-%d}", []).append(
            {
                "time": _hm(i),
                "advocate": WORKERS[i % 4],
                "method": TYPES[i % 4],
                "summary": TEXTS[i],
            }  # fmt: skip
        )
    data = {"case": {"reference": "DA-2016-0117", "risk": "High"},
            "exported": "2016-12-05T09:12:44Z", "contactsByDate": contacts}  # fmt: skip
    path = folder / "json_keyed_by_date.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    KEY_TEXTS["json_keyed_by_date"] = ["DA-2016-0117"]
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 9. a case-note audit trail with amended versions -----------------------------------------

DRAFTS = {
    1: "Call from the nursery about a late collection (draft, to be finished).",
    4: "Strategy discussion held; notes to follow (first version).",
    6: "Visit note started in the car, completed later (version 1).",
}


def audit_versions_csv(folder: Path):
    """An adults' and children's case system's audit report of case notes: every saved version
    of a note is a row (Note ID, Version, Event Date, Saved On, Saved By, Note). Three notes
    were amended: their first versions are earlier, shorter texts, and one had its event date
    corrected. The chronology is the last version of each note."""
    rows = [["Note ID", "Version", "Event Date", "Saved On", "Saved By", "Note Type", "Note"]]
    for i in range(8):
        note = f"CN{4100 + i}"
        saved = _at(i) + timedelta(hours=2)
        if i in DRAFTS:
            first = DAYS[i] - timedelta(days=1) if i == 4 else DAYS[i]
            rows.append([note, "1", f"{first:%d/%m/%Y}", f"{saved:%d/%m/%Y %H:%M}",
                         WORKERS[(i + 1) % 4], TYPES[i % 4], DRAFTS[i]])  # fmt: skip
            saved += timedelta(days=1)
        version = "2" if i in DRAFTS else "1"
        rows.append([note, version, f"{DAYS[i]:%d/%m/%Y}", f"{saved:%d/%m/%Y %H:%M}",
                     WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])  # fmt: skip
    path = _write(folder / "audit_versions_csv.csv", rows)
    KEY_TEXTS["audit_versions_csv"] = list(DRAFTS.values())
    SAID["audit_versions_csv"] = ["earlier version"]
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 10. a disclosure copy with redacted cells ------------------------------------------------


def redacted_disclosure_csv(folder: Path):
    """A police disclosure copy: third parties' names are replaced by "[REDACTED]" in the
    notes and in the officer column where the officer is not to be named; one entry's date is
    itself redacted (the entry must come in, flagged, not be lost)."""
    rows = [["Date", "Time", "Officer", "Occurrence", "Details"]]
    for i in range(8):
        officer = "[REDACTED]" if i in (2, 5) else WORKERS[i % 4]
        when = "[REDACTED]" if i == 6 else f"{DAYS[i]:%d/%m/%Y}"
        details = TEXTS[i] + (" Caller [REDACTED] gave her address." if i % 2 else "")
        rows.append([when, _hm(i), officer, TYPES[i % 4], details])
    path = _write(folder / "redacted_disclosure_csv.csv", rows)
    truth = [_timed(i, practitioner="" if i in (2, 5) else WORKERS[i % 4],
                    event_type=TYPES[i % 4]) for i in range(8)]  # fmt: skip
    truth[6] = Expected(start=DAYS[6], event=TEXTS[6], flagged=True)
    KEPT["redacted_disclosure_csv"] = [
        ["Caller [REDACTED] gave her address."] if i % 2 else [] for i in range(8)
    ]
    return path, truth


# --- 11. staff numbers beside their names -----------------------------------------------------


def staff_numbers_beside_names(folder: Path):
    """An ambulance trust's patient contact extract (.xlsx): a "Staff No" column of payroll
    numbers beside "Staff Name", the crew role after it, the call's date and time in two
    columns."""
    rows = [["Incident No", "Staff No", "Staff Name", "Role", "Call Date", "Call Time",
             "Category", "Clinical Notes"]]  # fmt: skip
    for i in range(8):
        rows.append([f"INC{880120 + i}", f"{40210 + 37 * i}", WORKERS[i % 4],
                     "Paramedic" if i % 2 else "Emergency Care Assistant", DAYS[i],
                     f"{_hm(i)}", TYPES[i % 4], TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows, title="Extract")
    _date_cells(ws, "E")
    path = _save(wb, folder, "staff_numbers_beside_names.xlsx")
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 12. a chat export with its system lines --------------------------------------------------

ENCRYPTED = ("Messages and calls are end-to-end encrypted. No one outside of this chat, not "
             "even WhatsApp, can read or listen to them. Tap to learn more.")  # fmt: skip


def chat_with_system_lines(folder: Path):
    """A foster carer's WhatsApp chat with the social worker (Android, UK): the export opens
    with the encryption notice and carries a line saying who changed the group's name; those
    are the app's own lines, not entries. Each message's sender is who wrote it."""
    lines = [f"01/03/2016, 09:00 - {ENCRYPTED}",
             "01/03/2016, 09:01 - Sam Ellery created group \"Z placement\""]  # fmt: skip
    for i in range(8):
        lines.append(f"{DAYS[i]:%d/%m/%Y}, {_hm(i)} - {WORKERS[i % 4]}: {TEXTS[i]}")
        if i == 3:
            lines.append(f"{DAYS[i]:%d/%m/%Y}, 17:02 - Priya Nandakumar changed the subject "
                         'from "Z placement" to "Z"')  # fmt: skip
    path = folder / "chat_with_system_lines.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    KEY_TEXTS["chat_with_system_lines"] = ["end-to-end encrypted", "created group",
                                           "changed the subject"]  # fmt: skip
    truth = [_timed(i, practitioner=WORKERS[i % 4]) for i in range(8)]
    return path, truth


# --- 13. dates named by holidays, joined days and midnight ------------------------------------


def holidays_and_joined_days(folder: Path):
    """A family's history typed by a school nurse: some dates are holidays ("Christmas Day
    2016", "Boxing Day 2016", "Easter 2016"), one is two days joined ("14/03/2016 &
    15/03/2016"), one a visit at "24:00" (midnight, the end of that day)."""
    said = [("14/03/2016 & 15/03/2016", Expected(date(2016, 3, 14), date(2016, 3, 15))),
            ("Easter 2016", Expected(date(2016, 3, 25), date(2016, 3, 28))),
            ("21/06/2016 24:00", Expected(date(2016, 6, 22), time="00:00")),
            ("02/08/2016", Expected(date(2016, 8, 2))),
            ("Christmas Eve 2016", Expected(date(2016, 12, 24))),
            ("Christmas Day 2016", Expected(date(2016, 12, 25))),
            ("Boxing Day 2016", Expected(date(2016, 12, 26))),
            ("New Year's Eve 2016", Expected(date(2016, 12, 31)))]  # fmt: skip
    rows = [["Date", "Practitioner", "Information"]]
    truth = []
    for i, (text, want) in enumerate(said):
        rows.append([text, WORKERS[i % 4], TEXTS[i]])
        truth.append(Expected(start=want.start, end=want.end, time=want.time, event=TEXTS[i],
                              practitioner=WORKERS[i % 4]))  # fmt: skip
    path = _write(folder / "holidays_and_joined_days.csv", rows)
    return path, truth


# --- 14. rich text markup in a CSV's cells ----------------------------------------------------


def _markup(text: str) -> str:
    first, _, rest = text.partition(". ")
    escaped = html.escape(first, quote=True).replace("&#x27;", "&#39;")
    rest_escaped = html.escape(rest, quote=False).replace(" ", "&nbsp;", 1)
    return f'<p><span style="font-family:Arial">{escaped}.</span></p><p>{rest_escaped}</p><br />'


def html_markup_in_csv(folder: Path):
    """A web case system's CSV export of its rich text notes: each note still holds the
    editor's markup (<p>, <span style=…>, <br />) and HTML entities (&amp;, &#39;, &nbsp;)."""
    rows = [["Date Of Event", "Recorded By", "Event Type", "Event Details"]]
    rows += [[f"{_at(i):%d/%m/%Y %H:%M}", WORKERS[i % 4], TYPES[i % 4], _markup(TEXTS[i])]
             for i in range(8)]  # fmt: skip
    path = _write(folder / "html_markup_in_csv.csv", rows)
    KEY_TEXTS["html_markup_in_csv"] = ["<p>", "&amp;", "&nbsp;", "font-family", "<br"]
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 15. a report printed to a text file, page by page ----------------------------------------


def printed_pages_txt(folder: Path):
    """An old adults' social care system's "print to file" report: pages parted by form feeds,
    each page opening with the system's banner, the page number and the column headings; each
    entry's first line holds the date, worker and type in fixed places, the note wraps under
    them indented."""
    import textwrap

    def banner(page: int) -> list[str]:
        return [f"CASE RECORDING REPORT{' ' * 40}Page {page}",
                "Client: Z (ref 5531207)     Printed 05/12/2016", "",
                f"{'Date':<12}{'Worker':<20}{'Type':<20}Note",
                f"{'-' * 11} {'-' * 19} {'-' * 19} {'-' * 40}"]  # fmt: skip

    pages = []
    for page, members in enumerate([range(0, 4), range(4, 8)], start=1):
        lines = banner(page)
        for i in members:
            wrapped = textwrap.wrap(TEXTS[i], 50)
            lines.append(f"{DAYS[i]:%d/%m/%Y}  {WORKERS[i % 4]:<20}{TYPES[i % 4]:<20}{wrapped[0]}")
            lines += [" " * 52 + w for w in wrapped[1:]]
            lines.append("")
        pages.append("\r\n".join(lines))
    path = folder / "printed_pages_txt.txt"
    path.write_text("\f".join(pages) + "\r\n\f", encoding="cp1252", newline="")
    KEY_TEXTS["printed_pages_txt"] = ["CASE RECORDING REPORT", "Printed 05/12/2016"]
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


# --- 16. several chronology sheets behind a cover sheet ---------------------------------------


def chronology_sheets_behind_cover(folder: Path):
    """A health trust's IMR workbook: a cover sheet (agency, author, period), then one sheet of
    contacts and one of meetings, each with its own columns."""
    from openpyxl import Workbook

    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    for row in [["Individual Management Review: chronology"], ["Agency", "Health trust"],
                ["Author", "Dr Meera Shah"], ["Period", "01/03/2016 to 30/11/2016"],
                ["Completed", date(2016, 12, 5)]]:  # fmt: skip
        cover.append(row)
    contacts = wb.create_sheet("Contacts")
    contacts.append(["Date", "Clinician", "Contact type", "Notes"])
    for i in (0, 1, 2, 3, 5):
        contacts.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4], TEXTS[i]])
    meetings = wb.create_sheet("Meetings")
    meetings.append(["Meeting date", "Meeting", "Attended by", "Outcome"])
    for i in (4, 6, 7):
        meetings.append([DAYS[i], TYPES[i % 4], WORKERS[i % 4], TEXTS[i]])
    for ws in (contacts, meetings):
        _date_cells(ws)
    path = _save(wb, folder, "chronology_sheets_behind_cover.xlsx")
    KEY_TEXTS["chronology_sheets_behind_cover"] = ["Dr Meera Shah"]
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


FILES = {
    "ics_calendar_export": ics_calendar_export,
    "pptx_chronology_table": pptx_chronology_table,
    "zipped_csv_export": zipped_csv_export,
    "fodt_flat_writer": fodt_flat_writer,
    "fods_flat_calc": fods_flat_calc,
    "word_flat_xml": word_flat_xml,
    "xml_grouped_by_day": xml_grouped_by_day,
    "json_keyed_by_date": json_keyed_by_date,
    "audit_versions_csv": audit_versions_csv,
    "redacted_disclosure_csv": redacted_disclosure_csv,
    "staff_numbers_beside_names": staff_numbers_beside_names,
    "chat_with_system_lines": chat_with_system_lines,
    "holidays_and_joined_days": holidays_and_joined_days,
    "html_markup_in_csv": html_markup_in_csv,
    "printed_pages_txt": printed_pages_txt,
    "chronology_sheets_behind_cover": chronology_sheets_behind_cover,
}


# --- written after the first rules: other producers and shapes, to test them honestly ---------


def ios_chat_with_attachments(folder: Path):
    """A parent's WhatsApp chat with the school's family liaison officer, exported on an
    iPhone: bracketed stamps with seconds, the app's own lines marked by an invisible
    left-to-right mark (the encryption notice, a photo attached), one message over two
    lines."""
    lrm = "\u200e"
    lines = [f"[01/03/2016, 08:59:02] Rhian Bevan: {lrm}Messages and calls are end-to-end "
             "encrypted. No one outside of this chat, not even WhatsApp, can read or listen to "
             "them."]  # fmt: skip
    for i in range(8):
        sender = ("Rhian Bevan", "Kelly Z")[i % 2]
        text = TEXTS[i].replace(". ", ".\n", 1) if i == 3 else TEXTS[i]
        lines.append(f"[{DAYS[i]:%d/%m/%Y}, {_hm(i)}:{i:02d}] {sender}: {text}")
        if i == 5:
            lines.append(f"[{DAYS[i]:%d/%m/%Y}, {_hm(i)}:59] Kelly Z: {lrm}<attached: "
                         "00000042-PHOTO-2016-09-12-08-15-59.jpg>")  # fmt: skip
    path = folder / "ios_chat_with_attachments.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    KEY_TEXTS["ios_chat_with_attachments"] = ["end-to-end encrypted"]
    truth = [_timed(i, practitioner=("Rhian Bevan", "Kelly Z")[i % 2]) for i in range(8)]
    truth[3] = Expected(DAYS[3], time=_hm(3), event=TEXTS[3].split(". ")[0],
                        practitioner="Kelly Z")  # fmt: skip
    return path, truth


def xml_grouped_by_worker(folder: Path):
    """A substance misuse service's XML export: the interventions grouped under each
    keyworker's element (its name an attribute), each with its own date and time."""
    parts = []
    for w, worker in enumerate(WORKERS):
        items = "".join(
            f'<Intervention date="{DAYS[i]:%d/%m/%Y}" time="{_hm(i)}"><Type>{TYPES[i % 4]}'
            f"</Type><Notes>{html.escape(TEXTS[i])}</Notes></Intervention>"
            for i in range(8)
            if i % 4 == w
        )
        parts.append(f'<Keyworker name="{worker}" team="Recovery">{items}</Keyworker>')
    doc = ('<?xml version="1.0" encoding="utf-8"?><ServiceUserRecord id="SU-88"><Keyworkers>'
           + "".join(parts) + "</Keyworkers></ServiceUserRecord>")  # fmt: skip
    path = folder / "xml_grouped_by_worker.xml"
    path.write_text(doc, encoding="utf-8")
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


def json_keyed_by_id(folder: Path):
    """A web case system's JSON: the notes as an object keyed by each note's own id, not a
    list."""
    notes = {
        f"N-{7700 + i}": {"noteDate": f"{_at(i):%Y-%m-%dT%H:%M:%S}", "author": WORKERS[i % 4],
                          "category": TYPES[i % 4], "body": TEXTS[i]}
        for i in range(8)
    }  # fmt: skip
    path = folder / "json_keyed_by_id.json"
    path.write_text(json.dumps({"person": {"id": 991}, "notes": notes}), encoding="utf-8")
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


def revision_numbers_xlsx(folder: Path):
    """A health record's audit extract as .xlsx: "Record ID", "Revision" as numbers, the
    entry's date a date cell; two records revised (the revision's text replaces the
    original's)."""
    rows = [["Record ID", "Revision", "Entry Date", "Clinician", "Entry Type", "Entry"]]
    for i in range(8):
        if i in (2, 7):
            rows.append([1000 + i, 1, DAYS[i], WORKERS[i % 4], TYPES[i % 4],
                         f"Entry started, to be completed (record {1000 + i})."])  # fmt: skip
        rows.append([1000 + i, 2 if i in (2, 7) else 1, DAYS[i], WORKERS[i % 4], TYPES[i % 4],
                     TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows, title="Audit")
    _date_cells(ws, "C")
    path = _save(wb, folder, "revision_numbers_xlsx.xlsx")
    KEY_TEXTS["revision_numbers_xlsx"] = ["Entry started, to be completed"]
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


def ods_sheets_other_columns(folder: Path):
    """A LibreOffice workbook from a youth service: a "Sessions" sheet and a "Phone contacts"
    sheet, with different columns, dates typed as text."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    sheets = {"Sessions": [["Session date", "Youth worker", "Session type", "Summary"]],
              "Phone contacts": [["Date of call", "Time", "Spoke to", "Staff", "Notes"]]}  # fmt: skip
    for i in range(8):
        if i % 3 == 2:
            sheets["Phone contacts"].append([f"{DAYS[i]:%d/%m/%Y}", _hm(i), "Mother",
                                             WORKERS[i % 4], TEXTS[i]])  # fmt: skip
        else:
            sheets["Sessions"].append(
                [f"{DAYS[i]:%d/%m/%Y}", WORKERS[i % 4], TYPES[i % 4], TEXTS[i]]
            )
    for name, rows in sheets.items():
        table = Table(name=name)
        for values in rows:
            row = TableRow()
            for value in values:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                row.addElement(cell)
            table.addElement(row)
        doc.spreadsheet.addElement(table)
    path = folder / "ods_sheets_other_columns.ods"
    doc.save(str(path))
    truth = [_timed(i, practitioner=WORKERS[i % 4]) if i % 3 == 2
             else _t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


def zip_xlsx_and_pdf_copy(folder: Path):
    """A police force's disclosure unit sends a .zip: the chronology as .xlsx and the same
    chronology printed to PDF for reading, with a covering letter as .docx."""
    rows = [["Date", "Time", "Officer", "Occurrence type", "Summary"]]
    rows += [[DAYS[i], _hm(i), WORKERS[i % 4], TYPES[i % 4], TEXTS[i]] for i in range(8)]
    wb, ws = _book(rows)
    _date_cells(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    path = folder / "zip_xlsx_and_pdf_copy.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Chronology_Z.xlsx", buffer.getvalue())
        z.writestr("Chronology_Z.pdf", b"%PDF-1.4\n% a printed copy\n%%EOF\n")
        z.writestr("Covering letter.docx", _docx_bytes([["To", "Review team"]]))
    truth = [_timed(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    return path, truth


LATER = {
    "ios_chat_with_attachments": ios_chat_with_attachments,
    "xml_grouped_by_worker": xml_grouped_by_worker,
    "json_keyed_by_id": json_keyed_by_id,
    "revision_numbers_xlsx": revision_numbers_xlsx,
    "ods_sheets_other_columns": ods_sheets_other_columns,
    "zip_xlsx_and_pdf_copy": zip_xlsx_and_pdf_copy,
}
