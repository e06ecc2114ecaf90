"""Agency files, each in a form an earlier round of the chronology import left alone: a rough date
whose year is in doubt, continued rows marked in the narrative or worker cell, a type column of
many one-word values, a report's title repeated on every row of an export, and others."""

from pathlib import Path

from openpyxl import Workbook

NARRATIVES = [
    "Home visit to the family; mother present, children seen and spoken to alone in their rooms.",
    "Mother reported that the children stayed with their grandparents over the holiday period.",
    "School said the older child was absent on two days that week without any explanation given.",
    "Strategy discussion held with police and health; section 47 enquiry agreed by the manager.",
    "Telephone call from the health visitor about missed appointments for the youngest child.",
    "Letter sent to mother inviting her to the initial child protection conference next month.",
]


def save_sheet(folder: Path, name: str, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Chronology"
    for row in rows:
        ws.append(row)
    path = folder / name
    wb.save(path)
    return path


def rough_year_dates(folder: Path) -> Path:
    """A children's services chronology whose older entries have dates as the worker could give
    them: a holiday span over the turn of a year with one year, and two weekdays with a year."""
    return save_sheet(
        folder,
        "rough_year_dates.xlsx",
        [
            ["Date", "Worker", "Details"],
            ["14/03/2016", "Sam Ellery", NARRATIVES[0]],
            ["Christmas/New Year 2016", "Pat Norris", NARRATIVES[1]],
            ["Mon/Tue 2016", "Pat Norris", NARRATIVES[2]],
            ["late December/early January 2017", "Pat Norris", NARRATIVES[4]],
            ["21/04/2016", "Sam Ellery", NARRATIVES[3]],
        ],
    )


def scanned_pages(folder: Path) -> Path:
    """A chronology printed and scanned to PDF: two pages, each only a picture, no text at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = folder / "scanned_chronology.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(2):
        image = Image.new("L", (600, 840), 255)
        draw = ImageDraw.Draw(image)
        for n in range(12):
            draw.text((40, 60 + 30 * n), f"{n + 1:02d}/0{page + 3}/2016  home visit", fill=0)
        c.drawImage(ImageReader(image), 0, 0, *A4)
        c.showPage()
    c.save()
    return path


def continued_rows(folder: Path) -> tuple[Path, list[str]]:
    """A case-note report whose long notes the system split over two rows, the second marked
    as the rest of the first at the start of its note or in its worker cell, its date printed
    again or left empty; and a row the next day starting "(continued)", a note of its own.
    Returns the file and the notes it holds when read as the author meant."""
    first = "Home visit to the family; mother said the rent arrears had been paid and"
    rest = "that the landlord had withdrawn the notice. Children seen alone in their rooms."
    strategy = "Strategy discussion with police and health; section 47 enquiry agreed and"
    told = "the school to be told by the designated lead before the end of the day."
    call = "Telephone call from the health visitor about missed appointments for the baby."
    later = "Health visitor rang again: the appointment was rebooked for 10/05/2016."
    review = "Supervision: case reviewed with the team manager, plan to continue."
    agreed = "Actions agreed: core group to meet within ten working days."
    rows = [
        ["Date", "Worker", "Type", "Details"],
        ["14/03/2016", "Sam Ellery", "Home visit", first],
        ["14/03/2016", "Sam Ellery", "Home visit", f"Continued: {rest}"],
        ["21/04/2016", "Pat Norris", "Strategy discussion", strategy],
        ["21/04/2016", "(continued)", "", told],
        ["02/05/2016", "Sam Ellery", "Telephone call", call],
        ["03/05/2016", "Sam Ellery", "Telephone call", f"(continued) {later}"],
        ["09/05/2016", "Jo Barker", "Supervision", review],
        ["", "Jo Barker (cont'd)", "Supervision", agreed],
    ]
    path = save_sheet(folder, "continued_rows.xlsx", rows)
    return path, [
        f"{first}\n{rest}",
        f"{strategy}\n{told}",
        call,
        f"(continued) {later}",
        f"{review}\n{agreed}",
    ]


# What an early help service records under its own heading for how contact was made: one word
# each, many of them, as its case system's drop-down list offers.
CONTACT_KINDS = [
    ("Telephone", "Rang mother to arrange the next visit; she asked for a later time."),
    ("Visit", "Home visit: the children were seen and the house was warm and tidy."),
    ("Letter", "Appointment letter sent to mother for the family support review."),
    ("Email", "Email from the school nurse asking whether the referral was received."),
    ("Clinic", "Child seen at the clinic by the health visitor, weight on the centile."),
    ("Strategy", "Strategy discussion with police: no further action for now."),
    ("Meeting", "Team around the family meeting held at school; plan agreed."),
    ("Referral", "Referral made to the parenting programme, place offered for May."),
    ("Assessment", "Early help assessment started with mother at the family hub."),
    ("Review", "Review of the plan: two actions done, one carried over."),
    ("Conference", "Mother attended the conference with her support worker."),
    ("Supervision", "Case discussed in supervision; visits to continue fortnightly."),
    ("Text", "Text message to mother reminding her of the meeting on Friday."),
    ("Transfer", "Case transfer to the locality team discussed with the manager."),
    ("Allocation", "Worker allocated; introductory phone call planned."),
    ("Appointment", "Mother did not attend the appointment at the family hub."),
]


def one_word_types(folder: Path, rows: int = 24) -> tuple[Path, list[tuple[str, str]]]:
    """An early help service's contact log: date, how the contact was made (one word, sixteen
    kinds) under the heading "Mode", and the note; no worker column. Returns the file and
    (mode, note) of each row."""
    table = [["Date", "Mode", "Case note"]]
    truth = []
    for i in range(rows):
        mode, note = CONTACT_KINDS[i % len(CONTACT_KINDS)]
        table.append([f"{1 + i % 28:02d}/{1 + i // 28:02d}/2017", mode, note])
        truth.append((mode, note))
    return save_sheet(folder, "one_word_types.xlsx", table), truth


def one_word_workers(folder: Path) -> tuple[Path, list[str]]:
    """A probation contact log naming each officer by surname only, many of them, beside the
    notes: the surnames are the practitioners."""
    surnames = ["Ellery", "Norris", "Barker", "Okafor", "Whitlock", "Danvers", "Pryce", "Lomax"]
    table = [["Date", "Officer", "Notes"]]
    workers = []
    for i in range(24):
        name = surnames[i % len(surnames)]
        note = f"Reporting appointment kept; {CONTACT_KINDS[i % 16][1].lower()}"
        table.append([f"{1 + i:02d}/03/2017", name, note])
        workers.append(name)
    table[0][1] = "OM"  # (offender manager: a heading ReviewDesk does not know)
    return save_sheet(folder, "one_word_workers.xlsx", table), workers


def report_server_csv(folder: Path) -> tuple[Path, str, str]:
    """A case system's report saved as CSV by its report server: the title and the parameters
    it was run with each in a column of their own ("Textbox1", "Textbox4"), the same text on
    every row, beside a column naming the agency on every row and one worker throughout.
    Returns the file, the title and the agency."""
    import csv

    title = "Case Chronology Report - Child Record 104233"
    agency = "Northshire Children's Services"
    rows = [
        ("14/03/2016", "Home visit", NARRATIVES[0]),
        ("18/03/2016", "Telephone call", NARRATIVES[4]),
        ("02/04/2016", "Strategy discussion", NARRATIVES[3]),
        ("09/04/2016", "Letter", NARRATIVES[5]),
    ]
    path = folder / "report_server.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        out = csv.writer(handle)
        out.writerow(
            ["Textbox1", "Textbox4", "ContactDate", "Worker", "ContactType", "Agency", "CaseNote"]
        )
        for day, kind, note in rows:
            parameters = "Report parameters: 01/01/2016 to 31/12/2016"
            out.writerow([title, parameters, day, "Sam Ellery", kind, agency, note])
    return path, title, agency
