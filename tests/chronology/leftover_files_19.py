"""Agency files in forms an earlier round of the chronology import left alone: months over the
turn of a year with one year, continuation marks written short ("(cont)", "contd"), a report's
text boxes repeated on every row (its run date, the child it was run for), a task list's
"Person" (who the item is assigned to), an Outlook message, and a database dump whose notes
run over lines."""

import csv
import struct
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from tests.chronology.leftover_files import NARRATIVES, save_sheet

# --- months over the turn of a year ----------------------------------------------------------

# (as written, start, end) read; or (as written, None, None): kept as written and flagged.
YEAR_END_MONTHS = [
    ("Dec/Jan 2017", None, None),
    ("Nov-Feb 2017", None, None),
    ("December to January 2017", None, None),
    ("Oct - Mar 2017", None, None),
    ("Dec/Jan 2016/17", (2016, 12, 1), (2017, 1, 31)),
    ("Nov-Feb 2016/17", (2016, 11, 1), (2017, 2, 28)),
    ("28 Dec - 2 Jan 2017", (2016, 12, 28), (2017, 1, 2)),
    ("Nov/Dec 2016", (2016, 11, 1), (2016, 12, 31)),
]


def year_end_months(folder: Path) -> tuple[Path, list[tuple[str, str, tuple | None, tuple | None]]]:
    """A health visiting service's summary of older contacts, the months as the worker could
    give them: some over the turn of a year with one year written. Returns the file and
    (note, as written, start, end) of each row."""
    notes = [
        "Family moved to the area; registered with the GP and the health visiting team.",
        "Several missed appointments at the clinic; letters sent to mother each time.",
        "Mother said she was staying with her sister; no visits possible over the period.",
        "Child seen at the drop-in clinic on three occasions, weight on the centile.",
        "Health visitor and mother met at the children's centre about sleep routines.",
        "Referral to the infant feeding team; mother did not take up the offer.",
        "Family stayed in temporary accommodation over the holiday period.",
        "Two contacts with the nursery nurse about the child's speech.",
    ]
    rows = [["Period", "Health Visitor", "Summary"]]
    truth = []
    for (written, start, end), note in zip(YEAR_END_MONTHS, notes, strict=True):
        rows.append([written, "Lee Ashdown", note])
        truth.append((note, written, start, end))
    return save_sheet(folder, "year_end_months.xlsx", rows), truth


# --- continuation marks written short -------------------------------------------------------


def short_continued_rows(folder: Path) -> tuple[Path, list[str]]:
    """A case-note report whose long notes the system split over rows, the later parts marked
    in short: "(cont)" or "cont." or "contd" starting the note, "(cont)", "cont/d" or
    "Jo Barker cont." in the worker cell. Beside them, rows that only look so: a note starting
    "Continued concerns" after a finished note, "Cont. with mum" (contact) after a finished
    note, and "contd" the next day. Returns the file and the notes as the author meant them."""
    rows = [
        ["Date", "Worker", "Type", "Details"],
        ["14/03/2016", "Sam Ellery", "Home visit", "Home visit; mother said the rent had been"],
        ["14/03/2016", "Sam Ellery", "Home visit", "(cont) paid and the notice withdrawn."],
        ["21/04/2016", "Pat Norris", "Strategy discussion", "Strategy discussion with police and"],
        ["21/04/2016", "(cont)", "", "the school to be told by the designated lead."],
        ["02/05/2016", "Sam Ellery", "Telephone call", "Call from the health visitor about"],
        ["02/05/2016", "Sam Ellery", "Telephone call", "cont. missed appointments for the baby."],
        ["09/05/2016", "Jo Barker", "Supervision", "Case reviewed with the team manager"],
        ["", "Jo Barker cont.", "Supervision", "and actions agreed for the core group."],
        ["10/05/2016", "Jo Barker", "Supervision", "Case reviewed again with the manager"],
        ["10/05/2016", "Jo Barker", "Supervision", "contd and the plan was updated."],
        ["11/05/2016", "Jo Barker", "Home visit", "Home visit; the children were"],
        ["11/05/2016", "cont/d", "Home visit", "seen alone in their rooms."],
        ["12/05/2016", "Sam Ellery", "Home visit", "Home visit completed"],
        ["12/05/2016", "Sam Ellery", "Home visit", "Continued concerns about the home conditions."],
        ["13/05/2016", "Pat Norris", "Telephone call", "Strategy discussion held."],
        ["13/05/2016", "Pat Norris", "Telephone call", "Cont. with mum by phone after it."],
        ["14/05/2016", "Pat Norris", "Telephone call", "Call from the school about"],
        ["15/05/2016", "Pat Norris", "Telephone call", "contd absence on the Monday."],
    ]
    path = save_sheet(folder, "short_continued_rows.xlsx", rows)
    return path, [
        "Home visit; mother said the rent had been\npaid and the notice withdrawn.",
        "Strategy discussion with police and\nthe school to be told by the designated lead.",
        "Call from the health visitor about\nmissed appointments for the baby.",
        "Case reviewed with the team manager\nand actions agreed for the core group.",
        "Case reviewed again with the manager\nand the plan was updated.",
        "Home visit; the children were\nseen alone in their rooms.",
        "Home visit completed",
        "Continued concerns about the home conditions.",
        "Strategy discussion held.",
        "Cont. with mum by phone after it.",
        "Call from the school about",
        "contd absence on the Monday.",
    ]


# --- a report's text boxes on every row ------------------------------------------------------

CHILD = "Kacey Marsh (104233)"
RUN_AT = "21/07/2017 09:14:32"


def text_boxes_csv(folder: Path) -> Path:
    """A case system's report saved as CSV by its report server: each text box of the page
    header a column of its own, under the name the designer left ("Textbox7" the date it was
    run, "Textbox9" the child it was run for), the same on every row; a protective marking in
    a column of its own; the agency on every row under "Agency" (kept)."""
    rows = [
        ("14/03/2016", "Home visit", NARRATIVES[0]),
        ("18/03/2016", "Telephone call", NARRATIVES[4]),
        ("02/04/2016", "Strategy discussion", NARRATIVES[3]),
        ("09/04/2016", "Letter", NARRATIVES[5]),
    ]
    path = folder / "text_boxes.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        out = csv.writer(handle)
        out.writerow(["Textbox7", "Textbox9", "Classification", "ContactDate", "Worker",
                      "ContactType", "Agency", "CaseNote"])  # fmt: skip
        for day, kind, note in rows:
            out.writerow([RUN_AT, CHILD, "OFFICIAL-SENSITIVE", day, "Sam Ellery", kind,
                          "Northshire Children's Services", note])  # fmt: skip
    return path


def text_boxes_xlsx(folder: Path) -> Path:
    """The same report exported to Excel by a desktop database: its unnamed text boxes
    "Text12" (the run date, a date cell) and "Label3" (the child), on every row."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Text12", "Label3", "Date", "Worker", "Type", "Notes"])
    for i, note in enumerate(NARRATIVES[:5]):
        ws.append([datetime(2017, 7, 21, 9, 14), CHILD, datetime(2016, 3, 14 + i), "Sam Ellery",
                   "Home visit", note])  # fmt: skip
    path = folder / "text_boxes.xlsx"
    wb.save(path)
    return path


def child_named_once(folder: Path) -> Path:
    """A control: the child's name on every row under a heading saying so ("Child"), with
    "Textbox"-named columns that change from row to row (the worker, the note): kept."""
    rows = [["Date", "Child", "Textbox3", "Textbox4"]]
    for i, note in enumerate(NARRATIVES[:4]):
        rows.append([f"{14 + i}/03/2016", CHILD, ["Sam Ellery", "Pat Norris"][i % 2], note])
    return save_sheet(folder, "child_named_once.xlsx", rows)


# --- a task list's "Person" ------------------------------------------------------------------

STAFF = ["Sam Ellery", "Pat Norris", "Jo Barker"]


def task_list_people(folder: Path, heading: str = "Person") -> tuple[Path, list[str]]:
    """A family support team's task list exported from its work-management tool as CSV: each
    task's name, "Person" (who it is assigned to; or another ``heading``), "Status" (Not
    started, Working on it, Done), "Due date" and the notes. Returns the file and the worker
    of each row."""
    states = ["Done", "Working on it", "Done", "Not started", "Done", "Stuck"]
    path = folder / "task_list.csv"
    workers = []
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Task", heading, "Status", "Due date", "Notes"])
        for i, note in enumerate(NARRATIVES):
            worker = STAFF[i % 3]
            out.writerow([f"Task {i + 1}", worker, states[i], f"{14 + i}/03/2016", note])
            workers.append(worker)
    return path, workers


def person_is_the_subject(folder: Path, with_names: bool) -> tuple[Path, list[str]]:
    """A children's services chronology whose "Person" column says whom each entry is about
    (the mother, the child...; or their names), beside a "Status" of the case (Open, Closed)
    and the worker. Returns the file and the person of each row."""
    people = (
        ["Leanne Marsh", "Kacey Marsh", "Dean Marsh"]
        if with_names
        else ["Mother", "Child Z", "Father"]
    )
    rows = [["Date", "Person", "Status", "Worker", "Details"]]
    who = []
    for i, note in enumerate(NARRATIVES):
        rows.append([f"{14 + i}/03/2016", people[i % 3], "Open" if i < 4 else "Closed",
                     STAFF[i % 2], note])  # fmt: skip
        who.append(people[i % 3])
    name = "person_names.xlsx" if with_names else "person_roles.xlsx"
    return save_sheet(folder, name, rows), who


def board_person_is_the_subject(folder: Path) -> tuple[Path, list[str]]:
    """A control: a task list whose "Person" column names the family members the tasks are
    about ("Mother", "Child Z"), beside its own "Owner" column; the Person stays whom it is
    about."""
    rows = [["Task", "Person", "Owner", "Status", "Due", "Notes"]]
    who = []
    for i, note in enumerate(NARRATIVES):
        person = ["Mother", "Child Z"][i % 2]
        rows.append([f"Task {i + 1}", person, STAFF[i % 3], ["Done", "Working on it"][i % 2],
                     f"{14 + i}/03/2016", note])  # fmt: skip
        who.append(person)
    return save_sheet(folder, "board_person_subject.xlsx", rows), who


# --- an Outlook message ----------------------------------------------------------------------


def _compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file (the container of .msg, .doc, .xls; version 3, 512-byte sectors) with
    ``streams`` ("name" at its root, "storage/name" one level down), each under the 4,096-byte
    cut-off and so in the mini stream."""
    free, end, fat_mark = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    mini = b""
    starts = {}
    mini_fat: list[int] = []
    for name, data in streams.items():
        starts[name] = len(mini) // 64
        count = -(-len(data) // 64)
        mini_fat += [starts[name] + k + 1 for k in range(count - 1)] + [end]
        mini += data + b"\0" * (-len(data) % 64)
    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    mini_fat_bytes += b"\xff" * (-len(mini_fat_bytes) % 512)
    mini_sectors = -(-len(mini) // 512)
    mini += b"\0" * (mini_sectors * 512 - len(mini))

    # The directory: the root, then each storage and stream; siblings a chain in name order.
    def order(name: str):
        return (len(name), name.upper())

    nodes = [("Root Entry", 5, "")]  # (name, kind, path)
    children: dict[str, list[int]] = {"": []}
    for path in streams:
        storage, _, name = path.rpartition("/")
        if storage and storage not in children:
            children[storage] = []
            nodes.append((storage, 1, storage))
            children[""].append(len(nodes) - 1)
        nodes.append((name, 2, path))
        children[storage].append(len(nodes) - 1)
    right = {}
    child = {}
    for parent, kids in children.items():
        kids.sort(key=lambda i: order(nodes[i][0]))
        child[parent] = kids[0] if kids else free
        for a, b in zip(kids, kids[1:], strict=False):
            right[a] = b
    directory_sectors = -(-len(nodes) * 128 // 512)
    first_dir, first_mini_fat = 1, 1 + directory_sectors
    mini_fat_sectors = len(mini_fat_bytes) // 512
    first_mini = first_mini_fat + mini_fat_sectors
    entries = b""
    for i, (name, kind, path) in enumerate(nodes):
        encoded = (name + "\0").encode("utf-16-le")
        if kind == 5:
            start, size, down = first_mini, len(mini), child[""]
        elif kind == 1:
            start, size, down = 0, 0, child[path]
        else:
            start, size, down = starts[path], len(streams[path]), free
        entries += (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                    + struct.pack("<III", free, right.get(i, free), down) + b"\0" * 36
                    + struct.pack("<IQ", start, size))  # fmt: skip
    entries += b"\0" * (directory_sectors * 512 - len(entries))
    fat = [fat_mark]
    for first, count in ((first_dir, directory_sectors), (first_mini_fat, mini_fat_sectors),
                         (first_mini, mini_sectors)):  # fmt: skip
        fat += [first + k + 1 for k in range(count - 1)] + [end]
    assert len(fat) <= 128
    fat += [free] * (128 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, first_dir, 0, 4096, first_mini_fat,
                            mini_fat_sectors, end, 0)
              + struct.pack("<I", 0) + b"\xff" * (108 * 4))  # fmt: skip
    return header + struct.pack("<128I", *fat) + entries + mini_fat_bytes + mini


_PROPERTIES = b"\0" * 32 + struct.pack("<IIQ", 0x0037001F, 6, 0)


def outlook_message(folder: Path) -> Path:
    """An e-mail from an agency saved from Outlook as a .msg: the chronology in its body (a
    table as text, tabs between the values), the message's subject and sender beside it."""
    body = "Date\tWorker\tDetails\n" + "".join(
        f"{14 + i}/03/2016\tSam Ellery\t{note}\n" for i, note in enumerate(NARRATIVES[:4])
    )
    streams = {
        "__substg1.0_0037001F": "RE: Chronology for Child Z".encode("utf-16-le"),
        "__substg1.0_0C1A001F": "Sam Ellery".encode("utf-16-le"),
        "__substg1.0_1000001F": body.encode("utf-16-le"),
        "__properties_version1.0": _PROPERTIES,
    }
    path = folder / "RE Chronology for Child Z.msg"
    path.write_bytes(_compound_file(streams))
    return path


def _attachment(n: int, name: str, data: bytes) -> dict[str, bytes]:
    storage = f"__attach_version1.0_#{n:08X}"
    return {
        f"{storage}/__substg1.0_3707001F": name.encode("utf-16-le"),
        f"{storage}/__substg1.0_37010102": data,
        f"{storage}/__properties_version1.0": b"\0" * 8,
    }


def outlook_message_with_attachment(folder: Path, second: bool = False) -> Path:
    """An e-mail saved from Outlook as a .msg with the chronology attached as a CSV file and
    the agency's logo beside it (``second``: a second CSV too). The body only says so."""
    table = "Date,Worker,Details\r\n" + "".join(
        f'{14 + i}/03/2016,Pat Norris,"{note}"\r\n' for i, note in enumerate(NARRATIVES[:5])
    )
    streams = {
        "__substg1.0_0037001F": "Chronology attached".encode("utf-16-le"),
        "__substg1.0_1000001F": "Please find our chronology attached.".encode("utf-16-le"),
        "__properties_version1.0": _PROPERTIES,
        **_attachment(0, "logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40),
        **_attachment(1, "Chronology - Child Z.csv", table.encode("utf-8")),
    }
    if second:
        streams.update(_attachment(2, "Chronology - sibling.csv", table.encode("utf-8")))
    path = folder / ("two_attached.msg" if second else "chronology_attached.msg")
    path.write_bytes(_compound_file(streams))
    return path


# --- a database dump whose notes run over lines -----------------------------------------------


def outfile_dump_lines(folder: Path) -> tuple[Path, int]:
    """A case database's table written by SELECT ... INTO OUTFILE: tabs, "\\N" for nothing,
    each line break inside a note a backslash ending the line; a later row's date cannot be
    read. Returns the file and the line that row is on."""
    lines = ["contact_at\tworker\tcontact_type\tnote"]
    lines += [
        "2016-03-14 10:32:00\tSam Ellery\tHome visit\tHome visit to the family.\\",
        "Mother present; children seen alone.",
        "2016-03-18 09:00:00\tSam Ellery\tTelephone call\tCall from the health visitor.\\",
        "Missed appointments for the baby.\\",
        "Letter to follow.",
        "2016-04-02 11:00:00\tPat Norris\tStrategy discussion\tStrategy discussion held.",
        "sometime in April\tPat Norris\tLetter\tLetter sent to mother.",
        "2016-04-12 14:00:00\t\\N\tHome visit\tNo answer at the door.",
    ]
    path = folder / "contacts_dump.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    return path, 8


def printed_pages_csv(folder: Path, heading: str = "Textbox20") -> Path:
    """A report saved as CSV from its printed layout: the page footer's text box ("Page 1 of
    2") a column of its own, its value changing with the page the row was printed on."""
    path = folder / "printed_pages.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["ContactDate", "Worker", "CaseNote", heading])
        for i, note in enumerate(NARRATIVES):
            out.writerow([f"{14 + i}/03/2016", "Sam Ellery", note, f"Page {1 + i // 4} of 2"])
    return path


def cited_pages_csv(folder: Path) -> Path:
    """A control: a chronology citing the page of the agency's record each entry was taken
    from ("p. 12", "Page 14"): references to keep, not a printed report's page numbers."""
    path = folder / "cited_pages.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Date", "Worker", "Summary", "Record page"])
        for i, note in enumerate(NARRATIVES):
            out.writerow([f"{14 + i}/03/2016", "Sam Ellery", note, f"p. {12 + 3 * i}"])
    return path
