"""The thirteenth round's files: systems and office tools not met before (a foster carer's daily
log kept by parts of the day, a supervised contact centre's sessions written "10:00-11:30", a
residential home's log with its times typed in words, a MARAC coordinator's list naming the
referring agency, a police custody record's detention log, an adult social care system's case
notes with roles beside the names, Microsoft Forms and Google Forms responses, Excel 365
threaded comments, a LibreOffice Writer document, an e-mail saved as .eml, a workbook printed to
PDF too wide for the page, two exports joined with "copy /b", a key to the workers' initials
beside the table, a family history with loose spans and weeks, and a Word chronology whose
dates stand in bold paragraphs of their own). Each builder writes a file into a folder and
returns (path, truth). All names are fictional."""

from __future__ import annotations

import html
import zipfile
from datetime import date, datetime, time, timedelta
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
# Texts that must be in no entry (its narrative, outcome, people, type or the values kept).
KEY_TEXTS: dict[str, list[str]] = {}


def _hm(i: int) -> str:
    return f"{TIMES[i]:%H:%M}"


# --- 1. a foster carer's daily log: a column for each part of the day -------------------------

MORNINGS = [
    "Up at 7, ate a full breakfast. Quiet on the way to school, said she had not slept well.",
    "Lie-in (Sunday). Helped make pancakes, chatty and relaxed.",
    "Refused to get dressed for school; took 40 minutes to settle. Arrived at school late.",
    "Bright and happy, talked about the school trip.",
    "Did not want breakfast. Asked twice whether mum would ring today.",
    "Up early, watched cartoons with my son. Breakfast eaten.",
    "Settled morning, walked to school with the dog.",
    "Tired; school says she fell asleep in assembly.",
]
AFTERNOONS = [
    "Collected from school at 3.15. Teacher says a good day.",
    "Family time at the contact centre 1-3pm (see contact record). Came back very quiet.",
    "School rang: upset in class after a friend mentioned her mum.",
    "Dentist at 2pm, no treatment needed.",
    "Contact with mum cancelled at short notice (mum unwell). Told her gently; she cried.",
    "Swimming lesson; managed a width on her own, very proud.",
    "Visit from her social worker, Sam Ellery; saw her alone in her bedroom.",
    "Collected early for the GP (earache).",
]
EVENINGS = [
    "Tea and homework. Bath and bed at 8; asked for the landing light left on.",
    "Would not eat tea. Watched a film together, went to bed at 8.30.",
    "Calmer after tea. Talked about missing her brother.",
    "Played board games with the family. Bed at 8.",
    "Hard evening: threw her plate, then apologised. Bed at 9 after a story.",
    "Tea at grandparents' (my parents). In bed by 8.",
    "Quiet, drew pictures for mum. Bed at 8.15.",
    "Calpol given at 6pm as directed. Bed early.",
]
NIGHTS = [
    "Woke at 2am crying; settled after 10 minutes.",
    "",
    "Bed wet; changed and settled without fuss.",
    "",
    "Woke twice with nightmares about 'the shouting'.",
    "",
    "",
    "Woke at 1am with earache; Calpol given at 1.15.",
]


def foster_carer_daily_log(folder: Path):
    """An independent fostering agency's daily recording sheet kept by a foster carer: the date,
    then Morning, Afternoon, Evening and Night columns (the night often empty), and who
    recorded it. A day is one entry holding every part of it, each under its heading."""
    rows = [["Daily record – Child Z (placed with Mr and Mrs Okafor)"], [],
            ["Date", "Morning", "Afternoon", "Evening", "Night", "Recorded by"]]  # fmt: skip
    carers = ["Ngozi Okafor", "Ngozi Okafor", "Daniel Okafor", "Ngozi Okafor"]
    day0 = date(2016, 3, 14)
    for i in range(8):
        rows.append([day0 + timedelta(days=i), MORNINGS[i], AFTERNOONS[i], EVENINGS[i],
                     NIGHTS[i] or None, carers[i % 4]])  # fmt: skip
    wb, ws = _book(rows, title="Daily log")
    _date_cells(ws, fmt="ddd dd/mm/yy")
    truth = [Expected(day0 + timedelta(days=i), event=MORNINGS[i], practitioner=carers[i % 4])
             for i in range(8)]  # fmt: skip
    KEPT["foster_carer_daily_log"] = [
        [p for p in (AFTERNOONS[i], EVENINGS[i], NIGHTS[i]) if p] for i in range(8)
    ]
    return _save(wb, folder, "foster_carer_daily_log.xlsx"), truth


# --- 2. a contact centre's sessions: "14/03/2016 10:00-11:30" -------------------------------

CONTACT_NOTES = [
    "Mother arrived on time with snacks. Child Z ran to her; warm greeting. Played with the "
    "dolls' house. Mother needed prompting to change the nappy.",
    "Father arrived 20 minutes late, smelled of alcohol. Supervisor ended the session early "
    "after he raised his voice at the child.",
    "Mother and maternal grandmother. Relaxed session, lots of praise and cuddles. Good "
    "handover back to the foster carer.",
    "Evening contact after school. Child Z reluctant to go in; settled after ten minutes. "
    "Mother spoke about court on the phone in front of the child; redirected twice.",
    "Mother did not attend; no call. Child Z waited 30 minutes, then returned to placement.",
    "Both parents. Argument between them in the car park before the session; session went "
    "ahead, parents kept apart in the room.",
    "Mother attended with new partner (not approved for contact). Partner asked to wait "
    "outside; mother upset but complied.",
    "Last contact before the final hearing. Mother brought a memory box; tearful goodbye.",
]
SESSIONS = [("10:00", "11:30"), ("14:30", "16:00"), ("09:05", "10:35"), ("16:45", "18:15"),
            ("11:00", "12:00"), ("18:30", "20:00"), ("13:20", "14:50"), ("19:00", "20:30")]  # fmt: skip


def contact_sessions_spans(folder: Path):
    """A supervised contact centre's session record: the session's date and times in one cell
    written the way the centre's booking system writes them, "14/03/2016 10:00-11:30" (no
    spaces round the dash), the supervisor, who attended, the observations. The session starts
    at 10:00 on the 14th: the end time is never a clock zone."""
    rows = [["Session", "Supervisor", "Attended", "Observations"]]
    attended = ["Mother", "Father", "Mother, MGM", "Mother", "None", "Mother, Father",
                "Mother", "Mother"]  # fmt: skip
    for i in range(8):
        start, end = SESSIONS[i]
        rows.append([f"{DAYS[i]:%d/%m/%Y} {start}-{end}", WORKERS[i % 4], attended[i],
                     CONTACT_NOTES[i]])  # fmt: skip
    wb, _ws = _book(rows, title="Sessions")
    truth = [Expected(DAYS[i], time=SESSIONS[i][0], event=CONTACT_NOTES[i],
                      practitioner=WORKERS[i % 4]) for i in range(8)]  # fmt: skip
    return _save(wb, folder, "contact_sessions_spans.xlsx"), truth


# --- 3. a children's home's log: times typed in words -----------------------------------------

HOME_TIMES = [("12 noon", "12:00"), ("midnight", "00:00"), ("approx. 3pm", "15:00"),
              ("about 7pm", "19:00"), ("22:00 approx", "22:00"), ("3pm-4pm", "15:00"),
              ("12noon", "12:00"), ("21:15 (approx)", "21:15")]  # fmt: skip
HOME_TEXTS = [
    "Young person Z refused lunch and left the building without permission; returned 40 "
    "minutes later. Missing protocol started and stood down.",
    "Z not back by curfew (22:00). Reported missing to police, ref 1604. Returned by police "
    "at 00:40, smelling of cannabis; would not say where she had been.",
    "Z disclosed to keyworker that an older male had bought her vodka. Safeguarding lead "
    "informed; CSE screening tool completed.",
    "Verbal altercation with another young person over the TV; staff de-escalated. No "
    "physical intervention.",
    "Z seen getting into a silver car at the end of the road; registration noted and passed "
    "to police.",
    "Key-work session on healthy relationships; Z engaged well and asked about the school nurse.",
    "Z self-harmed (superficial cuts to forearm). First aid given; GP appointment booked.",
    "Z returned from family time upset; spent the evening with her keyworker.",
]


def home_times_in_words(folder: Path):
    """A children's residential home's significant events log, typed by the staff on shift:
    the date as a date cell, the time typed as people say it ("12 noon", "midnight", "approx.
    3pm", "about 7pm", "22:00 approx", "3pm-4pm", "21:15 (approx)"), staff, type, account."""
    rows = [["Date", "Time", "Staff on shift", "Event type", "Account of event"]]
    kinds = ["Missing", "Missing", "Disclosure", "Incident"]
    for i in range(8):
        rows.append([DAYS[i], HOME_TIMES[i][0], WORKERS[i % 4], kinds[i % 4], HOME_TEXTS[i]])
    wb, ws = _book(rows, title="Significant events")
    _date_cells(ws)
    truth = [Expected(DAYS[i], time=HOME_TIMES[i][1], event=HOME_TEXTS[i],
                      practitioner=WORKERS[i % 4], event_type=kinds[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "home_times_in_words.xlsx"), truth


# --- 4. a MARAC coordinator's list: "Referring agency" is not the row's agency ---------------

MARAC_TEXTS = [
    "Referred after a high-risk DASH (16 ticks). Victim pregnant; perpetrator recently "
    "released. IDVA allocated; police to flag the address.",
    "Repeat referral within 12 months: further assault reported. Target hardening agreed; "
    "housing to consider a management move.",
    "Heard as a repeat: victim withdrew from the criminal case. Health visitor to see mother "
    "alone at the new-birth visit.",
    "Information shared: perpetrator seen at the property by neighbours despite bail "
    "conditions. Police to review bail.",
    "Victim disclosed coercive control to the GP. Children's social care to hold a strategy "
    "discussion.",
    "Case reviewed: victim moved to refuge out of area. Transfer to the receiving MARAC.",
    "New referral from the school: child disclosed hearing mother hurt. Education to share "
    "with the DSL at the new school.",
    "Closed to MARAC: no further incidents in six months; IDVA support ended with consent.",
]
REFERRERS = ["Police", "Police", "Health", "Police", "GP", "IDVA service", "School", "IDVA service"]


def marac_referrals(folder: Path):
    """A MARAC coordinator's record of the meetings that heard the case: meeting date, the
    referring agency, the DASH score, what was shared and the actions, the chair. The
    referring agency is who brought the case, not whose entry it is: every row is the
    coordinator's (the agency chosen)."""
    rows = [["MARAC Date", "Referring Agency", "DASH Score", "Risk Level",
             "Information Shared / Actions Agreed", "Chair"]]  # fmt: skip
    scores = [16, 14, 12, 15, 11, 17, 13, 10]
    for i in range(8):
        rows.append([DAYS[i], REFERRERS[i], scores[i], "High", MARAC_TEXTS[i], WORKERS[i % 4]])
    wb, ws = _book(rows, title="MARAC")
    _date_cells(ws)
    truth = [Expected(DAYS[i], event=MARAC_TEXTS[i], practitioner=WORKERS[i % 4])
             for i in range(8)]  # fmt: skip
    NOT_SAID["marac_referrals"] = ["each row goes to its own agency"]
    return _save(wb, folder, "marac_referrals.xlsx"), truth


# --- 5. a police custody record's detention log -----------------------------------------------

CUSTODY = [
    (
        "Detention authorised",
        "PS 2206 KHAN",
        "Detention authorised to secure and preserve "
        "evidence and obtain evidence by questioning. Detained person informed.",
    ),
    (
        "Rights",
        "PS 2206 KHAN",
        "Rights and entitlements given; requests a solicitor and that "
        "her mother be told. Says she has a child at home with a neighbour.",
    ),
    (
        "Risk assessment",
        "PS 2206 KHAN",
        "Says she has self-harmed in the past; no current "
        "thoughts. Level 2 observations (every 30 minutes, rousing).",
    ),
    (
        "Cell visit",
        "PC 4471 JONES",
        "Visited and roused; responded appropriately. Asked again about her daughter.",
    ),
    (
        "Healthcare",
        "HCP MORGAN",
        "Seen by the healthcare practitioner: fit to detain and "
        "interview; alcohol withdrawal to be monitored.",
    ),
    (
        "Review",
        "INSP 1120 EVANS",
        "PACE review: continued detention authorised; "
        "children's services EDT told about the child at the neighbour's.",
    ),
    ("Cell visit", "PC 4471 JONES", "Visited and roused; complained of shaking. HCP informed."),
    (
        "Release",
        "PS 3318 PRICE",
        "Released under investigation. Leaflet given; mother "
        "collecting. Child confirmed safe with grandmother by EDT.",
    ),
]


def custody_detention_log(folder: Path):
    """A police custody record's detention log as the custody system exports it to CSV: the
    custody number on every row, the entry's date and time with seconds, the entry type, the
    officer by role, number and surname in capitals, the detained person, and the text. The
    detention runs past midnight."""
    start = datetime(2016, 3, 14, 21, 40, 12)
    steps = [0, 6, 14, 40, 95, 185, 250, 610]
    rows = [["Custody Number", "Entry Date/Time", "Entry Type", "Officer", "Detained Person",
             "Entry Text"]]  # fmt: skip
    truth = []
    for n, (kind, officer, text) in enumerate(CUSTODY):
        stamp = start + timedelta(minutes=steps[n])
        rows.append(["04/WR/0213/16", f"{stamp:%d/%m/%Y %H:%M:%S}", kind, officer,
                     "Child Z's mother", text])  # fmt: skip
        truth.append(Expected(stamp.date(), time=f"{stamp:%H:%M}", event=text,
                              practitioner=officer, event_type=kind))  # fmt: skip
    path = _write(folder / "custody_detention_log.csv", rows, encoding="utf-8-sig")
    return path, truth


# --- 6. an adult social care system: roles beside the names ----------------------------------

ADULT_NOTES = [
    "Telephone call from daughter: mother (Mrs Z) found on the floor this morning, not eating. "
    "Daughter asking for more care calls.",
    "Home visit for a Care Act assessment. Mrs Z confused about the day; bruising to both "
    "forearms, explanation not clear.",
    "Occupational therapy visit: bed rails and a perching stool ordered. Son present and "
    "answered for his mother throughout.",
    "Mental Health Act assessment: not detained. Plan for the community mental health team "
    "to follow up within 7 days.",
    "Safeguarding concern raised by the care agency: money missing from the purse again. "
    "Section 42 enquiry opened.",
    "Strategy discussion with police: son to be interviewed about the missing money.",
    "Review: care package increased to four calls a day. Mrs Z says she is frightened of her "
    "son's friend.",
    "Care agency: Mrs Z admitted to hospital after a fall; son not answering the phone.",
]
AUTHORS = [("SW Sam Ellery", "Sam Ellery"), ("Priya Nandakumar - OT", "Priya Nandakumar"),
           ("AMHP Tomos Pritchard", "Tomos Pritchard"),
           ("Grace Adeyemi (Care Coordinator)", "Grace Adeyemi")]  # fmt: skip


def adult_case_notes_roles(folder: Path):
    """An adult social care system's case-note export (CSV): the person's ID and name on every
    row, the note's date, its subject line, the note, and the author written with their role
    in several ways ("SW Sam Ellery", "Priya Nandakumar - OT", "AMHP Tomos Pritchard", "Grace
    Adeyemi (Care Coordinator)"), then the author's team."""
    rows = [["Person ID", "Person Name", "Case Note Date", "Subject", "Case Note", "Author",
             "Author Team"]]  # fmt: skip
    subjects = ["Contact", "Assessment", "OT visit", "MHA assessment", "Safeguarding concern",
                "Strategy discussion", "Review", "Information"]  # fmt: skip
    teams = ["Adults North", "Occupational Therapy", "AMHP Service", "Adults North"]
    for i in range(8):
        rows.append(["1188204", "Mrs Z", f"{DAYS[i]:%d/%m/%Y}", subjects[i], ADULT_NOTES[i],
                     AUTHORS[i % 4][0], teams[i % 4]])  # fmt: skip
    path = _write(folder / "adult_case_notes_roles.csv", rows)
    truth = [Expected(DAYS[i], event=ADULT_NOTES[i], practitioner=AUTHORS[i % 4][1])
             for i in range(8)]  # fmt: skip
    return path, truth


# --- 7. Microsoft Forms responses -------------------------------------------------------------

FORM_TEXTS = [
    "Child Z arrived with a bruise on her left cheek. Said her brother did it playing.",
    "Child Z said mummy's friend 'shouts and throws things' when he stays over.",
    "Not collected at the end of the day; mother arrived 45 minutes late and seemed "
    "intoxicated. Grandmother called to take Child Z home.",
    "Child Z came in wearing the same clothes for the third day; smells of smoke.",
    "During circle time Child Z said she is 'not allowed to tell' about the weekend.",
    "Child Z refused to change for PE and became very upset; a red mark seen on her back.",
    "Mother told the class teacher the family may be moving 'away from him' next week.",
    "Child Z absent with no explanation; home visit by the family support worker: no answer.",
]


def microsoft_forms_responses(folder: Path):
    """A primary school's safeguarding concern form built in Microsoft Forms, its responses
    opened in Excel: ID, Start time, Completion time (the form's own stamps, minutes or days
    after the event), Email and Name of who filled it in, then each question as its heading
    ("Date of concern", "Time of concern (if known)", "Type of concern", "Please describe what
    you saw or heard, using the child's words"). The concern's own date is the entry's."""
    rows = [["ID", "Start time", "Completion time", "Email", "Name", "Date of concern",
             "Time of concern (if known)", "Type of concern",
             "Please describe what you saw or heard, using the child's words",
             "Have you spoken to the DSL?"]]  # fmt: skip
    kinds = ["Physical injury", "Disclosure", "Parental capacity", "Neglect"]
    for i in range(8):
        started = datetime.combine(DAYS[i] + timedelta(days=i % 3), time(15, 40 + i))
        name = WORKERS[i % 4]
        email = name.lower().replace(" ", ".") + "@stmarysprimary.example.org"
        rows.append([i + 1, started, started + timedelta(minutes=6), email, name, DAYS[i],
                     _hm(i), kinds[i % 4], FORM_TEXTS[i], "Yes"])  # fmt: skip
    wb, ws = _book(rows, title="Form1")
    for row in ws.iter_rows(min_row=2):
        row[1].number_format = row[2].number_format = "m/d/yy h:mm:ss"
        row[5].number_format = "m/d/yyyy"
    truth = [Expected(DAYS[i], time=_hm(i), event=FORM_TEXTS[i], practitioner=WORKERS[i % 4],
                      event_type=kinds[i % 4]) for i in range(8)]  # fmt: skip
    return _save(wb, folder, "microsoft_forms_responses.xlsx"), truth


# --- 8. Google Forms responses as CSV ----------------------------------------------------------


def google_forms_csv(folder: Path):
    """A youth club's incident form in Google Forms, downloaded as CSV from its responses
    sheet (set to the UK): "Timestamp" (when the form was sent, "21/03/2016 22:14:09"), "Email
    address", then the questions: "Date of incident", "Roughly what time?", "Your name", "What
    happened?", "Category"."""
    rows = [["Timestamp", "Email address", "Date of incident", "Roughly what time?",
             "Your name", "What happened?", "Category"]]  # fmt: skip
    for i in range(8):
        sent = datetime.combine(DAYS[i] + timedelta(days=1 + i % 2), time(22, 14, 9))
        rows.append([f"{sent:%d/%m/%Y %H:%M:%S}", f"youthclub{i % 2 + 1}@example.org",
                     f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TEXTS[i],
                     TYPES[i % 4]])  # fmt: skip
    path = _write(folder / "google_forms_csv.csv", rows)
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


# --- 9. Excel 365 threaded comments ------------------------------------------------------------

THREADED = (
    "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; "
    "however, any edits to it will get removed if the file is opened in a newer version of "
    "Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    {}"
)
REPLY = "\nReply:\n    {}"


def threaded_comments_xlsx(folder: Path):
    """A sheet from Excel 365 whose details were typed into threaded comments ("See comment"
    in the cell): Excel writes each one also as an old note, starting with "[Threaded
    comment] Your version of Excel allows you to read this threaded comment; ..." and then
    "Comment:" and any "Reply:". The entry is the comment's own words, never Excel's notice;
    a manager's reply on another row is quoted, not joined."""
    from openpyxl.comments import Comment

    rows = [["Date", "Worker", "Type", "Summary"]]
    noted = {1, 4, 6}
    for i in range(8):
        rows.append([DAYS[i], WORKERS[i % 4], TYPES[i % 4],
                     "See comment" if i in noted else TEXTS[i]])  # fmt: skip
    wb, ws = _book(rows)
    _date_cells(ws)
    for i in noted:
        ws.cell(i + 2, 4).comment = Comment(THREADED.format(TEXTS[i]), "tc={0A1B2C3D}")
    reply = "Checked with the nursery manager: times confirmed."
    ws.cell(3 + 2, 4).comment = Comment(
        THREADED.format("Is this the right date?") + REPLY.format(reply), "tc={9F8E7D6C}"
    )
    truth = [_t(i, practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    SAID["threaded_comments_xlsx"] = [reply]
    NOT_SAID["threaded_comments_xlsx"] = ["Your version of Excel", "fwlink"]
    KEY_TEXTS["threaded_comments_xlsx"] = ["Your version of Excel", "[Threaded comment]"]
    return _save(wb, folder, "threaded_comments_xlsx.xlsx"), truth


# --- 10. a LibreOffice Writer document (.odt) --------------------------------------------------

_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'office:version="1.3"'
)


def _odt_cell(text: str) -> str:
    paragraphs = "".join(f"<text:p>{html.escape(p)}</text:p>" for p in text.split("\n"))
    return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'


def odt_chronology(folder: Path):
    """A chronology typed in LibreOffice Writer and sent as .odt (a charity's IMR: the
    partnership's template opened and saved in Writer): a heading, an introduction, then the
    table (Date, Time, Practitioner, Event), a long event in two paragraphs of its cell."""
    rows = [["Date", "Time", "Practitioner", "Event"]]
    for i in range(8):
        text = TEXTS[i] if i != 3 else TEXTS[i].replace(" Referral", "\nReferral")
        rows.append([f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], text])
    body = (
        '<text:h text:outline-level="1">Individual Management Review – chronology</text:h>'
        "<text:p>The chronology below is taken from the project's case records.</text:p>"
        '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="4"/>'
        + "".join(
            "<table:table-row>" + "".join(_odt_cell(c) for c in r) + "</table:table-row>"
            for r in rows
        )  # fmt: skip
        + "</table:table><text:p/>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    path = folder / "odt_chronology.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.text"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
            compress_type=zipfile.ZIP_DEFLATED,
        )
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4]) for i in range(8)]
    return path, truth


# --- 11. an e-mail saved as .eml, the chronology a table in its body ---------------------------


def eml_table(folder: Path):
    """A chronology sent in the body of an e-mail (a GP practice manager replying to the
    review's request) and saved by the panel's business support as .eml: the headers, a
    plain-text part and an HTML part (quoted-printable) holding the table under a greeting
    and over the signature."""
    import quopri

    cells = "".join(
        f"<tr><td>{DAYS[i]:%d/%m/%Y}</td><td>{_hm(i)}</td><td>{WORKERS[i % 4]}</td>"
        f"<td>{TYPES[i % 4]}</td><td>{html.escape(TEXTS[i])}</td></tr>"
        for i in range(8)
    )
    page = (
        '<html><head><meta charset="utf-8"></head><body><p>Dear Review Team,</p>'
        "<p>Please find below the practice's contacts with Child Z for the period.</p>"
        '<table border="1"><tr><th>Date</th><th>Time</th><th>Clinician</th><th>Type</th>'
        f"<th>Summary</th></tr>{cells}</table><p>Kind regards,<br>Practice Manager</p>"
        "</body></html>"
    )
    plain = "Dear Review Team,\r\n\r\nPlease see the table in this e-mail.\r\n"
    qp = quopri.encodestring(page.encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    message = (
        "From: Practice Manager <practice.manager@example.nhs.uk>\r\n"
        "To: Review Team <reviews@example.gov.uk>\r\n"
        "Subject: RE: Child Z - request for chronology\r\n"
        "Date: Mon, 5 Dec 2016 09:12:44 +0000\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/alternative; boundary="b1_alt"\r\n\r\n'
        "--b1_alt\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 7bit\r\n\r\n" + plain + "\r\n"
        "--b1_alt\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp + "\r\n--b1_alt--\r\n"
    )
    path = folder / "eml_table.eml"
    path.write_text(message, encoding="ascii")
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


# --- 12. a workbook printed to PDF, too wide for the page --------------------------------------


def pdf_columns_over_pages(folder: Path):
    """A workbook printed to PDF without fitting it to the page: Excel prints "down, then
    over", so page 1 holds the Date, Time, Worker and Type columns of every row and page 2
    the Event column of the same rows, each row at the same height on both pages; the heading
    row is repeated (print titles), the page number in the footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = folder / "pdf_columns_over_pages.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    top = height - 60
    wraps = [_wrap(TEXTS[i], 80) for i in range(8)]

    def rows_y():
        y = top - 22
        out = []
        for lines in wraps:
            out.append(y)
            y -= 14 * len(lines) + 6
        return out

    ys = rows_y()
    pdf.setFont("Helvetica-Bold", 10)
    for x, head in ((40, "Date"), (120, "Time"), (170, "Worker"), (300, "Type")):
        pdf.drawString(x, top, head)
    pdf.setFont("Helvetica", 10)
    for i, y in enumerate(ys):
        pdf.drawString(40, y, f"{DAYS[i]:%d/%m/%Y}")
        pdf.drawString(120, y, _hm(i))
        pdf.drawString(170, y, WORKERS[i % 4])
        pdf.drawString(300, y, TYPES[i % 4])
    pdf.drawCentredString(width / 2, 30, "Page 1 of 2")
    pdf.showPage()
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(40, top, "Event")
    pdf.setFont("Helvetica", 10)
    for lines, y in zip(wraps, ys, strict=True):
        for n, line in enumerate(lines):
            pdf.drawString(40, y - 14 * n, line)
    pdf.drawCentredString(width / 2, 30, "Page 2 of 2")
    pdf.showPage()
    pdf.save()
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


# --- 13. two exports joined with "copy /b": the second's BOM and header mid-file --------------


def copy_joined_csv(folder: Path):
    """Two months' exports joined at a command prompt with "copy /b march.csv + april.csv":
    the first in UTF-8 with a BOM and CRLF line ends, the second with its own BOM (now in the
    middle of the file), its header again and LF line ends. The second header is no entry."""
    head = "Date,Time,Worker,Type,Note"

    def line(i):
        text = TEXTS[i].replace('"', '""')
        return f'{DAYS[i]:%d/%m/%Y},{_hm(i)},{WORKERS[i % 4]},{TYPES[i % 4]},"{text}"'

    first = "\r\n".join([head, *(line(i) for i in range(4))]) + "\r\n"
    second = "\n".join([head, *(line(i) for i in range(4, 8))]) + "\n"
    path = folder / "copy_joined_csv.csv"
    path.write_bytes(b"\xef\xbb\xbf" + first.encode() + b"\xef\xbb\xbf" + second.encode())
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


# --- 14. a key to the workers' initials beside the table ---------------------------------------

INITIALS = ["SE", "PN", "TP", "GA"]


def initials_key_beside(folder: Path):
    """A hand-made chronology whose Worker column holds initials, with a key to them typed to
    the right of the table (a blank column between): "Key", then "SE" beside "Sam Ellery,
    Social Worker" and so on. The key is no entry and never joins one."""
    rows = [["Date", "Worker", "Type", "Event", None, "Key", None]]
    key = [("SE", "Sam Ellery, Social Worker"), ("PN", "Priya Nandakumar, Health Visitor"),
           ("TP", "Tomos Pritchard, Family Support"), ("GA", "Grace Adeyemi, Team Manager")]  # fmt: skip
    for i in range(8):
        row = [DAYS[i], INITIALS[i % 4], TYPES[i % 4], TEXTS[i], None, None, None]
        if i < 4:
            row[5], row[6] = key[i]
        rows.append(row)
    wb, ws = _book(rows)
    _date_cells(ws)
    truth = [_t(i, practitioner=INITIALS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]
    KEY_TEXTS["initials_key_beside"] = [k[1] for k in key]
    return _save(wb, folder, "initials_key_beside.xlsx"), truth


# --- 15. a family history with loose spans and weeks -------------------------------------------

LOOSE = [
    ("14 Mar – 2 Apr 2016", date(2016, 3, 14), date(2016, 4, 2)),
    ("March/April 2016", date(2016, 3, 1), date(2016, 4, 30)),
    ("14/15 May 2016", date(2016, 5, 14), date(2016, 5, 15)),
    ("first week of June 2016", date(2016, 6, 1), date(2016, 6, 7)),
    ("last week of July 2016", date(2016, 7, 25), date(2016, 7, 31)),
    ("end Sept 2016", date(2016, 9, 21), date(2016, 9, 30)),
    ("21/06/2016", date(2016, 6, 21), None),
    ("28/10 - 02/11/2016", date(2016, 10, 28), date(2016, 11, 2)),
]
LOOSE_TEXTS = [
    "Family stayed with maternal aunt in Leeds after the eviction.",
    "Mother says the school rang about bruising; the school has no record of a call.",
    "Weekend with father; Child Z came back with a cut lip.",
    "Mother's partner moved in.",
    "Health visitor's letter about missed appointments arrived (mother's account).",
    "Police called to a row between mother and partner; partner left.",
    "Child Z's brother born at home, early.",
    "Half-term stay with grandparents in Swansea.",
]


def family_history_loose_spans(folder: Path):
    """A family history taken from the mother by an assessing social worker, in a Word
    table: dates as remembered, "14 Mar – 2 Apr 2016" (a span over two months), "March/April
    2016", "14/15 May 2016" (a weekend), "first week of June 2016", "last week of July 2016",
    "end Sept 2016", "28/10 - 02/11/2016" (the first date without its year)."""
    import docx

    document = docx.Document()
    document.add_heading("Family history (mother's account)", level=2)
    table = _word_table(document, ["When", "What happened"])
    for (written, _s, _e), text in zip(LOOSE, LOOSE_TEXTS, strict=True):
        _fill(table.add_row(), [written, text])
    path = folder / "family_history_loose_spans.docx"
    document.save(path)
    truth = [Expected(s, end=e, event=t) for (_w, s, e), t in zip(LOOSE, LOOSE_TEXTS, strict=True)]
    return path, truth


# --- 16. a Word chronology: each date a bold paragraph of its own ------------------------------


def word_bold_date_lines(folder: Path):
    """A police author's chronology typed in Word with no table and no heading styles: each
    entry's date typed in bold as a paragraph of its own ("Monday 14 March 2016"), the entry
    in the Normal paragraph(s) under it, the time opening its text ("At 10:32 ...")."""
    import docx

    document = docx.Document()
    document.add_paragraph("Chronology of police contact – Child Z").runs[0].bold = True
    document.add_paragraph("Compiled from the force's records by DS 2206 Khan.")
    for i in range(8):
        document.add_paragraph().add_run(f"{DAYS[i]:%A %d %B %Y}").bold = True
        document.add_paragraph(f"At {_hm(i)} {TEXTS[i]}")
    path = folder / "word_bold_date_lines.docx"
    document.save(path)
    truth = [_t(i, time=_hm(i)) for i in range(8)]
    return path, truth


# --- written after the first rules: the same kinds from other producers ------------------------


def odt_dated_paragraphs(folder: Path):
    """A chronology typed in Google Docs and downloaded as OpenDocument (.odt): a title, an
    introduction, then each entry a paragraph starting with its date and a dash, a long one
    running on to a second paragraph; no table."""
    paragraphs = ["<text:h text:outline-level='1'>Chronology – Child Z</text:h>",
                  "<text:p>Compiled by the youth service from its session notes.</text:p>"]  # fmt: skip
    for i in range(8):
        paragraphs.append(f"<text:p>{DAYS[i]:%d/%m/%Y} – {html.escape(TEXTS[i])}</text:p>")
        if i == 2:
            paragraphs.append("<text:p>Mother rang back the next day to apologise.</text:p>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
        f"<office:body><office:text>{''.join(paragraphs)}</office:text></office:body>"
        "</office:document-content>"
    )
    path = folder / "odt_dated_paragraphs.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    KEPT["odt_dated_paragraphs"] = [[], [], ["Mother rang back the next day"], *[[]] * 5]
    return path, [_t(i) for i in range(8)]


def pdf_over_then_down(folder: Path):
    """A wide workbook printed "over, then down" (Excel's other page order), with print titles:
    page 1 the first columns of rows 1-4, page 2 the Details and Outcome of rows 1-4, page 3
    the first columns of rows 5-8, page 4 the rest of rows 5-8; "Page n of 4" at the foot."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    path = folder / "pdf_over_then_down.pdf"
    size = landscape(A4)
    pdf = canvas.Canvas(str(path), pagesize=size)
    width, height = size
    top = height - 50
    outcomes = ["Advice given", "Strategy discussion", "Letter to GP", "Referral made"]
    for half in (0, 1):
        rows = range(4 * half, 4 * half + 4)
        wraps = {i: _wrap(TEXTS[i], 95) for i in rows}
        ys, y = {}, top - 22
        for i in rows:
            ys[i] = y
            y -= 14 * len(wraps[i]) + 8
        for part in (0, 1):
            heads = (((40, "Date"), (130, "Time"), (190, "Recorded by"), (340, "Contact type"))
                     if part == 0 else ((40, "Details"), (620, "Outcome")))  # fmt: skip
            pdf.setFont("Helvetica-Bold", 10)
            for x, head in heads:
                pdf.drawString(x, top, head)
            pdf.setFont("Helvetica", 10)
            for i in rows:
                if part == 0:
                    for x, value in zip((40, 130, 190, 340), (f"{DAYS[i]:%d/%m/%Y}", _hm(i),
                                        WORKERS[i % 4], TYPES[i % 4]), strict=True):  # fmt: skip
                        pdf.drawString(x, ys[i], value)
                else:
                    for n, line in enumerate(wraps[i]):
                        pdf.drawString(40, ys[i] - 14 * n, line)
                    pdf.drawString(620, ys[i], outcomes[i % 4])
            pdf.drawCentredString(width / 2, 25, f"Page {2 * half + part + 1} of 4")
            pdf.showPage()
    pdf.save()
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


def microsoft_forms_when_question(folder: Path):
    """A health visiting team's concern form in Microsoft Forms: "Start time" and "Completion
    time" (the form's own stamps, days after the event), then the question "When did this
    happen?" answered with a date and time. The question's answer is the entry's date and
    time; the form's stamps are not."""
    rows = [["ID", "Start time", "Completion time", "Email", "Name", "When did this happen?",
             "What did you see or hear?", "Type of contact"]]  # fmt: skip
    for i in range(8):
        started = datetime.combine(DAYS[i] + timedelta(days=2), time(9, 1 + i, 5))
        rows.append([i + 1, started, started + timedelta(minutes=4), "anonymous",
                     WORKERS[i % 4], datetime.combine(DAYS[i], TIMES[i]), TEXTS[i],
                     TYPES[i % 4]])  # fmt: skip
    wb, ws = _book(rows, title="Form1")
    for row in ws.iter_rows(min_row=2):
        for cell in (row[1], row[2], row[5]):
            cell.number_format = "m/d/yy h:mm"
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return _save(wb, folder, "microsoft_forms_when_question.xlsx"), truth


def outlook_eml_word_html(folder: Path):
    """A chronology pasted from Word into an Outlook e-mail and saved as .eml: the HTML
    Outlook writes (Windows-1252, quoted-printable, <p class=MsoNormal> inside each cell,
    <o:p></o:p>, &nbsp;, a table styled MsoTableGrid), the signature under it."""
    import quopri

    def cell(text):
        return (f"<td valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal>"
                f"{html.escape(text)}<o:p></o:p></p></td>")  # fmt: skip

    rows = ["<tr>" + "".join(cell(h) for h in ("Date", "Worker", "Event")) + "</tr>"]
    for i in range(8):
        rows.append("<tr>" + cell(f"{DAYS[i]:%d/%m/%Y}") + cell(WORKERS[i % 4])
                    + cell(TEXTS[i]) + "</tr>")  # fmt: skip
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv='
        '"Content-Type" content="text/html; charset=windows-1252"><style><!-- p.MsoNormal '
        "{margin:0cm;} --></style></head><body lang=EN-GB><div class=WordSection1>"
        "<p class=MsoNormal>Hi all,<o:p></o:p></p><p class=MsoNormal>&nbsp;<o:p></o:p></p>"
        "<p class=MsoNormal>Our chronology for Child Z is below.<o:p></o:p></p>"
        "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>"
        + "".join(rows)
        + "</table><p class=MsoNormal>&nbsp;<o:p></o:p></p><p class=MsoNormal>Many thanks,"
        "<o:p></o:p></p><p class=MsoNormal>Safeguarding Lead<o:p></o:p></p></div></body></html>"
    )
    qp = quopri.encodestring(page.encode("cp1252")).decode("ascii").replace("\n", "\r\n")
    message = (
        "From: Safeguarding Lead <dsl@school.example.org>\r\nTo: reviews@example.gov.uk\r\n"
        "Subject: Chronology - Child Z\r\nDate: Tue, 6 Dec 2016 16:02:11 +0000\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n\t"
        'boundary="_000_outlook_"\r\n\r\n--_000_outlook_\r\nContent-Type: text/plain; '
        'charset="windows-1252"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        "Hi all,\r\n\r\n--_000_outlook_\r\nContent-Type: text/html; "
        'charset="windows-1252"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        + qp
        + "\r\n--_000_outlook_--\r\n"
    )
    path = folder / "outlook_eml_word_html.eml"
    path.write_text(message, encoding="ascii")
    return path, [_t(i, practitioner=WORKERS[i % 4]) for i in range(8)]


YOT_TIMES = [("2.30-3.30pm", "14:30"), ("10-11am", "10:00"), ("4-5pm", "16:00"),
             ("11.30-12.30pm", "11:30"), ("1.15 - 2pm", "13:15"), ("9.30-10.30am", "09:30"),
             ("12-1pm", "12:00"), ("6-7.30pm", "18:00")]  # fmt: skip
YOT_NOTES = [
    "Reparation session at the community garden; Z engaged well and asked to come back.",
    "Home visit with mother: Z asleep at 10am, missed school. Discussed the curfew.",
    "Office appointment: Z arrived late; completed the victim awareness worksheet.",
    "Joint visit with the police: Z named as present at the shop theft. Z denied it.",
    "Z did not attend the appointment; warning letter hand delivered.",
    "Referral order panel: contract agreed, three months, victim letter to be written.",
    "Speech and language screening: needs identified; school to be told with consent.",
    "Evening visit (curfew check): Z in, mother says she has been 'no trouble'.",
]


def yot_contact_times(folder: Path):
    """A youth justice service's case management contacts exported to CSV: the contact date,
    the time written as the worker typed it ("2.30-3.30pm", "10-11am", "11.30-12.30pm", "1.15 -
    2pm", the am or pm after the end only), the contact type, who it was with, the officer,
    the notes. A contact at 2.30-3.30pm starts at 14:30, never 02:30."""
    rows = [["Contact Date", "Contact Time", "Contact Type", "Contact With", "YOT Officer",
             "Contact Notes"]]  # fmt: skip
    for i in range(8):
        rows.append([f"{DAYS[i]:%d/%m/%Y}", YOT_TIMES[i][0], TYPES[i % 4], "Young person",
                     WORKERS[i % 4], YOT_NOTES[i]])  # fmt: skip
    path = _write(folder / "yot_contact_times.csv", rows)
    truth = [Expected(DAYS[i], time=YOT_TIMES[i][1], event=YOT_NOTES[i],
                      practitioner=WORKERS[i % 4], event_type=TYPES[i % 4]) for i in range(8)]  # fmt: skip
    return path, truth


def pdf_ruled_columns_over_pages(folder: Path):
    """A workbook printed to PDF with its gridlines, too wide for the page: page 1 the Date,
    Time, Worker and Type of every row, page 2 the Event and Outcome of the same rows, each
    page a ruled table with the heading row (print titles), the rows the same heights."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    outcomes = ["Advice given", "Strategy discussion", "Letter to GP", "Referral made"]
    right = Table([["Event", "Outcome"]] + [[Paragraph(html.escape(TEXTS[i]), style),
                                             outcomes[i % 4]] for i in range(8)],
                  colWidths=[380, 100])  # fmt: skip
    right.wrap(480, 800)
    left = Table([["Date", "Time", "Worker", "Type"]]
                 + [[f"{DAYS[i]:%d/%m/%Y}", _hm(i), WORKERS[i % 4], TYPES[i % 4]]
                    for i in range(8)], colWidths=[80, 50, 120, 120],
                 rowHeights=right._rowHeights)  # fmt: skip
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")])  # fmt: skip
    left.setStyle(grid)
    right.setStyle(grid)
    path = folder / "pdf_ruled_columns_over_pages.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([left, PageBreak(), right])
    truth = [_t(i, time=_hm(i), practitioner=WORKERS[i % 4], event_type=TYPES[i % 4])
             for i in range(8)]  # fmt: skip
    return path, truth


LATER = [odt_dated_paragraphs, pdf_over_then_down, microsoft_forms_when_question,
         outlook_eml_word_html, yot_contact_times, pdf_ruled_columns_over_pages]  # fmt: skip

FIRST = [
    foster_carer_daily_log,
    contact_sessions_spans,
    home_times_in_words,
    marac_referrals,
    custody_detention_log,
    adult_case_notes_roles,
    microsoft_forms_responses,
    google_forms_csv,
    threaded_comments_xlsx,
    odt_chronology,
    eml_table,
    pdf_columns_over_pages,
    copy_joined_csv,
    initials_key_beside,
    family_history_loose_spans,
    word_bold_date_lines,
]
FILES = {fn.__name__: fn for fn in FIRST + LATER}
