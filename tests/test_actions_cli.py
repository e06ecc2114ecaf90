"""The action plan on the command line: list, export the tracker, import it back."""

import json
from dataclasses import dataclass
from datetime import date, timedelta

import openpyxl
import pytest

from app.actions import list_actions, list_updates
from app.cli import main
from app.context import AppContext
from app.edits import apply_fields
from app.imrs import add_agency
from app.items import add_item
from app.reviews import create_review
from db.store import open_store
from reports.action_tracker_xlsx import COLUMNS

HEADINGS = [c.heading for c in COLUMNS]
# The command line works out "overdue" against the real today, so dates are relative to it,
# taken when each test's store is made (not when the module is imported: a run going past
# midnight would count one day more overdue than the test expects).


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("REVIEWDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("REVIEWDESK_USER", "CLI Tester")
    monkeypatch.delenv("REVIEWDESK_DB", raising=False)


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    def run(*argv) -> Outcome:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = exc.code
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


@dataclass(frozen=True)
class Store:
    path: object
    ids: dict[str, int]
    past: date  # 30 days before the day the store was made
    future: date


@pytest.fixture
def store(tmp_path):
    """A closed store with two reviews and their action plans."""
    path = tmp_path / "actions.db"
    today = date.today()
    past, future = today - timedelta(days=30), today + timedelta(days=365)
    with open_store(path) as opened:
        ctx = AppContext(opened, "Setup")
        first = create_review(ctx, review_type="lcspr", reference="LCSPR-A", title="Child A")
        imr = add_agency(ctx, first, "Police", "police")
        multi = add_item(ctx, "review_recommendation", first, {"text": "Share information"})
        single = add_item(ctx, "recommendation", imr, {"text": "Supervise"})
        second = create_review(ctx, review_type="sar", reference="SAR-B", title="Adult B")
        other = add_item(ctx, "review_recommendation", second, {"text": "Adult training"})

        def action(rec, text, agency, target, **more):
            values = {"action": text, "lead_agency": agency, "target_date": target, **more}
            return add_item(ctx, "action", rec, values)

        ids = {
            "late": action(multi, "Train staff", "Police", past),
            "late_done": action(
                multi, "Old audit", "Health", past, status="complete", completion_date=past
            ),
            "future": action(single, "Supervision audit", "Police", future),
            "no_target": action(single, "Leaflet", "Police", None),
            "other": action(other, "Adult training", "Adult social care", past),
        }
    return Store(path, ids, past, future)


def _read(path, reader):
    with open_store(path, readonly=True) as opened:
        return reader(AppContext(opened, "Reader"))


def _actions(path):
    return _read(path, lambda c: {a.id: a for a in list_actions(c)})


# --- actions ------------------------------------------------------------------------------------


def test_actions_json_for_every_review(cli, store):
    result = cli("actions", "--db", store.path, "--json")
    assert result.code == 0, result.err
    rows = {r["id"]: r for r in json.loads(result.out)}
    assert set(rows) == set(store.ids.values())
    ids = store.ids
    assert rows[ids["late"]] == {
        "id": ids["late"],
        "review": "LCSPR-A",
        "recommendation": "1",
        "agency": "Police",
        "lead_officer": "",
        "action": "Train staff",
        "target": store.past.isoformat(),
        "status": "not_started",
        "status_label": "Not started",
        "completion_date": None,
        "evidence": "",
        "overdue": True,
        "days_overdue": 30,
    }
    assert rows[ids["late_done"]]["overdue"] is False
    assert rows[ids["late_done"]]["status"] == "complete"
    assert rows[ids["late_done"]]["completion_date"] == store.past.isoformat()
    assert rows[ids["future"]]["overdue"] is False
    assert rows[ids["future"]]["recommendation"] == "IMR 1"
    assert rows[ids["no_target"]]["target"] is None
    assert rows[ids["no_target"]]["overdue"] is False
    assert rows[ids["other"]]["review"] == "SAR-B"
    assert rows[ids["other"]]["overdue"] is True


def test_actions_of_one_review_and_as_a_table(cli, store):
    result = cli("actions", "--db", store.path, "--review", "sar-b", "--json")
    assert result.code == 0, result.err
    assert [r["id"] for r in json.loads(result.out)] == [store.ids["other"]]

    table = cli("actions", "--db", store.path, "--review", "LCSPR-A")
    assert table.code == 0, table.err
    assert "Train staff" in table.out and "OVERDUE 30d" in table.out
    assert "Adult training" not in table.out
    assert table.out.strip().endswith("4 actions, 1 overdue")

    missing = cli("actions", "--db", store.path, "--review", "NOPE")
    assert missing.code == 1 and "NOPE" in missing.err


# --- export -------------------------------------------------------------------------------------


def _ids_in(path) -> set[int]:
    ws = openpyxl.load_workbook(path)["Action plan"]
    return {
        ws.cell(row=n, column=1).value
        for n in range(2, ws.max_row + 1)
        if ws.cell(row=n, column=1).value
    }


def test_export_actions_without_review_is_the_boards_tracker(cli, store, tmp_path):
    target = tmp_path / "board.xlsx"
    result = cli("export", "actions", "--db", store.path, "-o", target)
    assert result.code == 0, result.err
    assert "Wrote 5 actions (every review)" in result.out
    assert _ids_in(target) == set(store.ids.values())


def test_export_actions_of_one_review(cli, store, tmp_path):
    target = tmp_path / "a.xlsx"
    result = cli("export", "actions", "--db", store.path, "--review", "LCSPR-A", "-o", target)
    assert result.code == 0, result.err
    assert _ids_in(target) == {v for k, v in store.ids.items() if k != "other"}
    wrong = cli("export", "actions", "--db", store.path, "-o", tmp_path / "a.csv")
    assert wrong.code == 1 and ".xlsx" in wrong.err


def test_export_chronology_still_needs_a_review(cli, store, tmp_path):
    result = cli("export", "chronology", "--db", store.path, "-o", tmp_path / "c.xlsx")
    assert result.code == 1
    assert "--review" in result.err and "Traceback" not in result.err
    assert not (tmp_path / "c.xlsx").exists()


# --- import-actions -----------------------------------------------------------------------------


def _returned(cli, store, tmp_path, edit, name="returned.xlsx", review=None):
    exported = tmp_path / "export.xlsx"
    extra = ["--review", review] if review else []
    assert cli("export", "actions", "--db", store.path, *extra, "-o", exported).code == 0
    wb = openpyxl.load_workbook(exported)
    ws = wb["Action plan"]
    rows = {
        ws.cell(row=n, column=1).value: n
        for n in range(2, ws.max_row + 1)
        if ws.cell(row=n, column=1).value
    }

    def put(action_id, heading, value):
        ws.cell(row=rows[action_id], column=HEADINGS.index(heading) + 1).value = value

    edit(put, rows)
    wb.save(tmp_path / name)
    return tmp_path / name, rows


def test_import_actions_json(cli, store, tmp_path):
    ids = store.ids

    def edit(put, rows):
        put(ids["late"], "Status", "Complete")
        put(ids["late"], "Completion date", "01/06/2026")
        put(ids["future"], "Progress update (new)", "Audit booked")
        put(ids["no_target"], "Status", "Done-ish")

    path, rows = _returned(cli, store, tmp_path, edit, review="LCSPR-A")
    result = cli("import-actions", "--db", store.path, "--review", "LCSPR-A", path, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == ["applied", "rejected", "conflicts"]
    assert data["applied"] == 2
    assert data["conflicts"] == 0
    assert len(data["rejected"]) == 1
    (rejected,) = data["rejected"]
    assert list(rejected) == ["sheet", "row", "reason"]
    assert (rejected["sheet"], rejected["row"]) == ("Action plan", rows[ids["no_target"]])
    assert "Done-ish" in rejected["reason"]

    actions = _actions(store.path)
    assert actions[ids["late"]].status == "complete"
    assert actions[ids["late"]].completion_date == date(2026, 6, 1)
    assert actions[ids["no_target"]].status == "not_started"
    updates = _read(store.path, lambda c: list_updates(c, ids["future"]))
    assert [(u.note, u.source, u.by) for u in updates] == [
        ("Audit booked", "returned.xlsx", "CLI Tester")
    ]


def test_import_actions_board_tracker_and_conflicts(cli, store, tmp_path):
    ids = store.ids

    def edit(put, rows):
        put(ids["other"], "Status", "On track")
        put(ids["late"], "Status", "At risk")

    path, _rows = _returned(cli, store, tmp_path, edit)
    with open_store(store.path) as opened:
        apply_fields(AppContext(opened, "Someone"), "action", ids["late"], {"evidence": "New"})
    result = cli("import-actions", "--db", store.path, path, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == {"applied": 1, "rejected": [], "conflicts": 1}
    actions = _actions(store.path)
    assert actions[ids["other"]].status == "on_track"
    assert actions[ids["late"]].status == "not_started"


def test_import_actions_readable_report(cli, store, tmp_path):
    ids = store.ids

    def edit(put, rows):
        put(ids["future"], "Lead officer", "DS Patel")
        put(ids["no_target"], "Status", "Overdue")

    path, rows = _returned(cli, store, tmp_path, edit, review="LCSPR-A")
    result = cli("import-actions", "--db", store.path, "--review", "LCSPR-A", path)
    assert result.code == 0, result.err
    assert f"Row {rows[ids['future']]}: action {ids['future']} (LCSPR-A)" in result.out
    assert "lead officer: (empty) -> DS Patel" in result.out
    assert f"Rejected: sheet 'Action plan' row {rows[ids['no_target']]}:" in result.out
    assert "Updated 1 action from returned.xlsx; 1 row rejected, 0 conflicts" in result.out


@pytest.mark.parametrize("kind", ["pdf", "no_id_column"])
def test_import_actions_refuses_a_file_that_is_no_tracker(cli, store, tmp_path, kind):
    path = tmp_path / "tracker.xlsx"
    if kind == "pdf":
        path.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    else:
        wb = openpyxl.Workbook()
        wb.active.append(["Action", "Status", "Target date"])
        wb.active.append(["Train staff", "Complete", date(2026, 1, 1)])
        wb.save(path)
    before = _actions(store.path)
    for extra in ([], ["--json"]):
        result = cli("import-actions", "--db", store.path, "--review", "LCSPR-A", path, *extra)
        assert result.code == 2
        assert result.out == ""
        assert result.err.startswith("reviewdesk: tracker.xlsx") and "Traceback" not in result.err
    assert _actions(store.path) == before


def test_import_actions_needs_an_existing_store(cli, tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"x")
    result = cli("import-actions", "--db", tmp_path / "none.db", path)
    assert result.code == 1 and "no store" in result.err
    assert not (tmp_path / "none.db").exists()
