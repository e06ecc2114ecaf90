"""Minutes (PDF), the panel task list (xlsx) and the meeting commands, read back from files."""

import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.context import AppContext
from app.edits import apply_fields
from app.errors import UserError
from app.findings import add_finding
from app.items import add_item
from app.meeting_export import export_minutes, export_tasks, minutes_document
from app.meetings import (
    add_agenda_item,
    add_task,
    agree_finding,
    complete_task,
    create_meeting,
    meeting_detail,
    record_decision,
)
from app.reviews import create_review
from db.store import open_store
from tests.conftest import TODAY

PRIVATE = "PRIVATE-NOTE: the chair seemed tired"
MARKUP = "Mum & dad <b>argued</b> <a href='x'>link</a>"


def _build(ctx) -> tuple[int, int]:
    review = create_review(ctx, review_type="lcspr", reference="MIN-1", title="Child M")
    people = (
        ("Margaret Ellison", "Independent chair"),
        ("Siobhán Kavanagh", "Independent reviewer"),
        ("Łukasz Nowak", "Business manager"),
        ("Zoë Hartley", "Children's services"),
    )
    for name, org in people:
        add_item(ctx, "panel_member", review, {"name": name, "role": "member", "organisation": org})
    meeting = create_meeting(ctx, review, TODAY - timedelta(days=14), time="10:00", place="Room 2")
    apply_fields(ctx, "meeting", meeting, {"status": "held"})
    for person in meeting_detail(ctx, meeting).attendees:
        attendance = "apologies" if person.name == "Zoë Hartley" else "present"
        apply_fields(ctx, "attendee", person.id, {"attendance": attendance})
    finding = add_finding(ctx, review, "Nobody asked who else lived there")
    titles = ["Welcome and apologies", "Findings for agreement", MARKUP]
    for number, title in enumerate(titles, start=1):
        item = add_agenda_item(ctx, meeting, title)
        apply_fields(
            ctx,
            "agenda_item",
            item,
            {"notes": f"Notes for item {number}.\n\nA second paragraph.", "private_notes": PRIVATE},
        )
        if number == 1:
            record_decision(ctx, item, "Terms of reference confirmed.")
        if number == 2:
            agree_finding(ctx, item, finding)
            add_task(
                ctx,
                review,
                "Redraft the finding on lodgers",
                owner="Siobhán Kavanagh",
                due=TODAY - timedelta(days=3),
                meeting_id=meeting,
                item_id=item,
            )
    done = add_task(ctx, review, "=SUM(A1:A9)", owner="+owner", due=TODAY - timedelta(days=20))
    complete_task(ctx, done, on=TODAY - timedelta(days=21))
    add_task(ctx, review, "Open, no date")
    return review, meeting


@pytest.fixture
def built(ctx):
    return _build(ctx)


def _pdf_text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_minutes_pdf(ctx, built, tmp_path):
    _, meeting = built
    path = tmp_path / "minutes.pdf"
    pages = export_minutes(ctx, meeting, path)
    assert not (tmp_path / "minutes.pdf.part").exists()
    texts = _pdf_text(path)
    assert len(texts) == pages >= 1
    text = "\n".join(texts)
    flat = " ".join(text.split())
    assert "Panel meeting of 1 June 2026" in flat
    for word in ("Present", "Apologies", "Decisions", "Actions"):
        assert word in text
    for name in ("Margaret Ellison", "Siobhán Kavanagh", "Łukasz Nowak", "Zoë Hartley"):
        assert name in text
    assert "Absent" not in text  # nobody was absent
    positions = [flat.index(h) for h in ("1. Welcome", "2. Findings for agreement", "3. Mum")]
    assert positions == sorted(positions)
    assert "Terms of reference confirmed." in flat
    assert "Finding agreed by the panel: Nobody asked who else lived there" in flat
    assert "Redraft the finding on lodgers" in flat and "12 Jun 2026" in flat
    assert MARKUP in flat  # markup-looking text printed literally
    assert "PRIVATE-NOTE" not in text and "tired" not in text
    for number, page_text in enumerate(texts, start=1):
        assert page_text.count("OFFICIAL-SENSITIVE") >= 2
        assert f"Page {number} of {pages}" in page_text
    reader = PdfReader(path)
    assert "Minutes" in reader.metadata.title
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_minutes_document_has_no_private_notes(ctx, built):
    _, meeting = built
    doc = minutes_document(ctx, meeting)
    assert PRIVATE not in repr(doc)
    assert [p.name for p in doc.apologies] == ["Zoë Hartley"]
    assert len(doc.present) == 3
    assert doc.items[1].actions[0].owner == "Siobhán Kavanagh"


def test_minutes_are_written_in_the_format_the_suffix_names(ctx, built, tmp_path):
    with pytest.raises(UserError, match=r"\.docx or \.html or \.pdf, not as '\.odt'"):
        export_minutes(ctx, built[1], tmp_path / "minutes.odt")
    assert not (tmp_path / "minutes.odt").exists()
    assert export_minutes(ctx, built[1], tmp_path / "minutes.docx") is None
    from docx import Document

    word = Document(tmp_path / "minutes.docx")
    texts = [p.text for p in word.paragraphs]
    assert "Minutes" in "\n".join(texts) and PRIVATE not in "\n".join(texts)
    attendance = word.tables[0]
    assert [c.text for c in attendance.rows[0].cells] == ["Name", "Role", "Attendance"]
    export_minutes(ctx, built[1], tmp_path / "minutes.html")
    html = (tmp_path / "minutes.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html and "Siobhán Kavanagh" in html and PRIVATE not in html


def test_tasks_workbook(ctx, built, tmp_path):
    review, _ = built
    path = tmp_path / "tasks.xlsx"
    assert export_tasks(ctx, review, path) == 3
    ws = load_workbook(path)["Panel tasks"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Task", "Owner", "Due", "Status", "From meeting", "Done on")
    by_task = {r[0]: r for r in rows[1:]}
    late = by_task["Redraft the finding on lodgers"]
    assert late[2].date() == TODAY - timedelta(days=3)
    assert late[3] == "Overdue by 3 days"
    assert late[4] == "Panel meeting of 1 June 2026"
    done = by_task["=SUM(A1:A9)"]
    assert done[1] == "+owner" and done[3] == "Done"
    assert done[5].date() == TODAY - timedelta(days=21)
    assert by_task["Open, no date"][2] is None
    for cell in ws["A"][1:]:
        assert cell.data_type == "s"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F4"
    with pytest.raises(UserError):
        export_tasks(ctx, review, tmp_path / "tasks.csv")


@pytest.fixture
def db(tmp_path):
    """A store file, built and closed, for the command line."""
    path = tmp_path / "cli.db"
    store = open_store(path)
    try:
        _build(AppContext(store, "Tester", today_override=TODAY))
    finally:
        store.close()
    return path


def test_cli_meetings_json(db, capsys):
    assert main(["meetings", "--db", str(db), "--review", "MIN-1", "--json"]) == 0
    out = capsys.readouterr().out
    assert "PRIVATE-NOTE" not in out
    data = json.loads(out)
    assert len(data) == 1
    meeting = data[0]
    assert meeting["number"] == 1
    assert meeting["date"] == (TODAY - timedelta(days=14)).isoformat()
    assert meeting["time"] == "10:00" and meeting["place"] == "Room 2"
    assert meeting["kind"] == "panel" and meeting["status"] == "held"
    assert {"name": "Zoë Hartley", "role": "Children's services", "attendance": "apologies"} in (
        meeting["attendees"]
    )
    agenda = meeting["agenda"]
    assert [a["title"] for a in agenda] == [
        "Welcome and apologies",
        "Findings for agreement",
        MARKUP,
    ]
    assert agenda[1]["decisions"] == [
        "Finding agreed by the panel: Nobody asked who else lived there"
    ]
    action = agenda[1]["actions"][0]
    assert action["owner"] == "Siobhán Kavanagh"
    assert date.fromisoformat(action["due"]) == TODAY - timedelta(days=3)
    assert all("private_notes" not in a for a in agenda)


def test_cli_meetings_text(db, capsys):
    assert main(["meetings", "--db", str(db), "--review", "MIN-1"]) == 0
    out = capsys.readouterr().out
    assert "Panel meeting of 1 June 2026" in out and "PRIVATE-NOTE" not in out


def test_cli_export_minutes_and_tasks(db, tmp_path, capsys):
    target = tmp_path / "out.pdf"
    args = ["export", "minutes", "--db", str(db), "--review", "MIN-1", "-o", str(target)]
    assert main([*args, "--meeting", "1"]) == 0
    assert target.exists() and "PRIVATE-NOTE" not in "".join(_pdf_text(target))
    date_ref = (TODAY - timedelta(days=14)).isoformat()
    assert main([*args, "--meeting", date_ref]) == 0
    capsys.readouterr()

    assert main(args) == 1
    assert "--meeting" in capsys.readouterr().err

    assert main([*args, "--meeting", "7"]) == 1
    err = capsys.readouterr().err
    assert "no meeting '7'" in err and "1 to 1" in err

    sheet = tmp_path / "tasks.xlsx"
    assert main(["export", "tasks", "--db", str(db), "--review", "MIN-1", "-o", str(sheet)]) == 0
    assert sheet.exists()
    assert "3 panel tasks" in capsys.readouterr().out
