"""Faults found by trying to break ReviewDesk: each one fixed, each with its test."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.action_tracker import apply_tracker, export_tracker, plan_tracker_import
from app.chronology.importer import commit_import, plan_import
from app.chronology.reading import ImportRefused
from app.cli import main
from app.errors import ValidationError
from app.imrs import find_agency
from app.reviews import create_review, find_review_id, list_reviews
from db.lock import StoreLock
from db.store import StoreDamagedError, StoreLockedError, open_store
from tests.support import execute, make_store, query, remount_read_only, tmpfs
from tests.test_action_tracker import SHEET, _col, _edit, _rows, plan  # noqa: F401


def run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


# --- which review ---------------------------------------------------------------------------


def test_an_exact_reference_wins_over_an_id(ctx):
    for n in range(1, 8):
        create_review(ctx, review_type="scr", reference=f"R-{n}", title=f"Review {n}")
    numbered = create_review(ctx, review_type="scr", reference="7", title="Referenced 7")
    assert find_review_id(ctx, "7") == numbered
    assert find_review_id(ctx, "3") == find_review_id(ctx, "R-3")


def test_a_reference_matching_several_reviews_is_refused(ctx, store):
    create_review(ctx, review_type="scr", reference="Ŵa-1", title="One")
    # Only a store edited outside ReviewDesk can hold both (the index folds ASCII only).
    execute(
        store.path,
        "INSERT INTO review (reference, title, review_type, subject_pseudonym, partnership, "
        "protective_marking, status, created_at, updated_at) VALUES ('ŵA-1', 'Two', 'scr', '', "
        "'', 'OFFICIAL', 'commissioned', '2024-01-01', '2024-01-01')",
    )
    with pytest.raises(ValidationError, match="several reviews"):
        find_review_id(ctx, "ŵa-1")
    assert find_review_id(ctx, "ŵA-1") != find_review_id(ctx, "Ŵa-1")


# --- files that are not files -----------------------------------------------------------------


def test_a_pipe_is_refused_at_once(ctx, tmp_path):
    review_id = create_review(ctx, review_type="scr", reference="P-1", title="T")
    fifo = tmp_path / "chronology.xlsx"
    os.mkfifo(fifo)
    outcome: list = []

    def attempt():
        try:
            plan_import(ctx, review_id, "Police", fifo)
        except ImportRefused as exc:
            outcome.append(str(exc))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a pipe blocked")
    assert outcome and "not an ordinary file" in outcome[0]


def test_a_pipe_is_not_opened_as_a_store(tmp_path, capsys):
    fifo = tmp_path / "store.db"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "list", "--db", fifo)
    assert code == 1 and "not a regular file" in err


# --- nothing half done --------------------------------------------------------------------------


def test_a_failed_import_leaves_no_new_agency(ctx, tmp_path, monkeypatch):
    import app.chronology.import_store as importer

    review_id = create_review(ctx, review_type="scr", reference="I-1", title="T")
    source = tmp_path / "police.csv"
    source.write_text("Date,Event\n02/01/2024,Officer attended\n", encoding="utf-8")
    plan_ = plan_import(ctx, review_id, "Police", source)

    def killed(*_args, **_kwargs):
        raise RuntimeError("killed part-way")

    monkeypatch.setattr(importer, "_insert_entries", killed)
    with pytest.raises(RuntimeError):
        commit_import(ctx, plan_)
    assert find_agency(ctx, review_id, "Police") is None


def test_demo_is_all_or_nothing(ctx, monkeypatch):
    import app.demo as demo

    real = demo._add_review
    calls = []

    def fails_on_the_second(ctx_, spec):
        calls.append(spec.reference)
        if len(calls) == 2:
            raise RuntimeError("killed part-way")
        real(ctx_, spec)

    monkeypatch.setattr(demo, "_add_review", fails_on_the_second)
    with pytest.raises(RuntimeError):
        demo.add_demo_reviews(ctx)
    assert list_reviews(ctx) == []
    monkeypatch.setattr(demo, "_add_review", real)
    added, skipped = demo.add_demo_reviews(ctx)
    assert {spec.reference for spec in demo.DEMO_REVIEWS} <= set(added) and skipped == []


def test_tracker_formulas_without_a_saved_value_are_reported_not_blanked(ctx, plan, tmp_path):  # noqa: F811
    exported = tmp_path / "tracker.xlsx"
    export_tracker(ctx, exported, plan.review)
    train = plan.actions["train"]
    from app.actions import list_actions

    before = next(a for a in list_actions(ctx) if a.id == train)

    def edit(ws, rows):
        # openpyxl saves formulas without calculating them: exactly the case to catch
        ws.cell(row=rows[train], column=_col("Lead officer")).value = '=UPPER("ds jones")'
        ws.cell(row=rows[train], column=_col("Status")).value = "Complete"

    returned = _edit(exported, tmp_path / "returned.xlsx", edit)
    preview = plan_tracker_import(ctx, returned, plan.review)
    [rejected] = [r for r in preview.rejected]
    assert "formula with no saved value" in rejected.reason
    assert train not in {c.action_id for c in preview.changes}
    apply_tracker(ctx, preview)
    after = next(a for a in list_actions(ctx) if a.id == train)
    assert (after.status, after.lead_officer) == (before.status, before.lead_officer)


# --- locks ----------------------------------------------------------------------------------------


def test_deleting_the_lock_file_does_not_let_a_second_writer_in(store):
    lock_file = store.lock.lock_path
    lock_file.unlink()
    with pytest.raises(StoreLockedError):
        open_store(store.path)
    second = StoreLock(store.path)
    assert not second.try_acquire()


def test_a_second_process_cannot_write_when_the_lock_file_is_gone(store, tmp_path):
    store.lock.lock_path.unlink()
    script = (
        "import sys; from db.store import open_store, StoreLockedError\n"
        "try:\n    open_store(sys.argv[1])\nexcept StoreLockedError:\n    sys.exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(store.path)], timeout=60)
    assert done.returncode == 3


# --- read-only and full disks ---------------------------------------------------------------------


def test_store_in_a_read_only_folder_reads_and_refuses_changes_plainly(tmp_path, capsys):
    with tmpfs(tmp_path / "ro") as folder:
        path = make_store(folder / "store.db")
        remount_read_only(folder)
        code, out, err = run(capsys, "list", "--db", path)
        assert code == 0 and "REF-0000" in out and "Traceback" not in err
        code, _, err = run(capsys, "add-agency", "--db", path, "--review", "REF-0000",
                           "--name", "Police")  # fmt: skip
        assert code == 1 and "read-only for you" in err and "Traceback" not in err
        assert run(capsys, "check", "--db", path)[0] == 0
        assert run(capsys, "backup", "--db", path, "-o", tmp_path / "copy.db")[0] == 0


def test_full_disk_backup_says_so_and_leaves_nothing(tmp_path, capsys):
    path = make_store(tmp_path / "store.db", reviews=2000)
    assert path.stat().st_size > 1024 * 1024
    with tmpfs(tmp_path / "small", size="512k") as folder:
        code, _, err = run(capsys, "backup", "--db", path, "-o", folder / "copy.db")
        assert code == 1 and "Traceback" not in err
        assert "is full" in err and str(folder) in err
        assert list(folder.iterdir()) == []


def test_full_disk_before_an_upgrade_leaves_the_store_as_it_was(tmp_path, capsys):
    import shutil

    from db.engine import create_store_engine
    from db.migrate import upgrade
    from tests.support import sha256_of

    built = tmp_path / "old.db"
    engine = create_store_engine(built, enforce_foreign_keys=False, wal=False)
    upgrade(engine, "0006")
    with engine.begin() as conn:  # a store of some size: its copy will not fit beside it
        conn.exec_driver_sql("INSERT INTO review (reference, title, review_type, "
            "subject_pseudonym, partnership, protective_marking, status, created_at, "
            "updated_at) SELECT 'R-' || value, hex(randomblob(120)), 'scr', '', '', 'O', 'c', "
            "'2024-01-01', '2024-01-01' FROM (WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL "
            "SELECT value + 1 FROM n WHERE value < 2500) SELECT value FROM n)")  # fmt: skip
    engine.dispose()
    size = built.stat().st_size
    with tmpfs(tmp_path / "small", size=f"{size // 1024 + 200}k") as folder:
        path = Path(shutil.copy(built, folder / "old.db"))
        before = sha256_of(path)
        code, _, err = run(capsys, "list", "--db", path)
        assert code == 1 and "Traceback" not in err and "is full" in err
        assert sha256_of(path) == before
        assert [p.name for p in folder.iterdir() if "before-upgrade" in p.name] == []
        assert not [p for p in folder.iterdir() if p.name.endswith(".part")]


def test_full_disk_export_leaves_no_partial_file(ctx, tmp_path):
    from app.audit_export import export_trail
    from app.errors import UserError

    create_review(ctx, review_type="scr", reference="F-1", title="x" * 250)
    for n in range(300):
        from app.edits import apply_fields

        apply_fields(ctx, "review", 1, {"title": f"Title {n} " + "y" * 200})
    with tmpfs(tmp_path / "small", size="64k") as folder:
        with pytest.raises(UserError, match="is full"):
            export_trail(ctx, "F-1", folder / "trail.json")
        assert list(folder.iterdir()) == []


# --- damage ---------------------------------------------------------------------------------------


def _index_page(path: Path) -> int:
    [(root,)] = query(
        path, "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'review'"
    )
    return root


def _damage_page(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start = (page - 1) * size
    data[start : start + size] = bytes(range(256)) * (size // 256)
    path.write_bytes(bytes(data))


def test_salvage_recovers_every_row_behind_a_damaged_index(tmp_path, capsys):
    path = make_store(tmp_path / "store.db", reviews=600)
    _damage_page(path, _index_page(path))
    with pytest.raises(StoreDamagedError):
        open_store(path)
    code, out, _ = run(capsys, "check", "--db", path)
    assert code == 1 and "reviewdesk salvage" in out
    new = tmp_path / "recovered.db"
    code, out, err = run(capsys, "salvage", "--db", path, "-o", new)
    assert code == 0, err
    assert "Nothing was lost" in out
    assert query(new, "SELECT count(*) FROM review") == [(600,)]
    assert run(capsys, "check", "--db", new)[0] == 0


def _leaf_pages(path: Path, table: str) -> list[int]:
    """The pages holding a table's rows, read from its root page (an interior b-tree page)."""
    [(root,)] = query(path, "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    data = path.read_bytes()
    size = int.from_bytes(data[16:18], "big")
    start = (root - 1) * size + (100 if root == 1 else 0)
    assert data[start] == 5, "the table fits on one page"
    cells = int.from_bytes(data[start + 3 : start + 5], "big")
    base = (root - 1) * size
    pointers = [
        int.from_bytes(data[start + 12 + 2 * i : start + 14 + 2 * i], "big") for i in range(cells)
    ]
    return [int.from_bytes(data[base + p : base + p + 4], "big") for p in pointers]


def test_salvage_reports_what_a_damaged_table_page_lost(tmp_path, capsys):
    path = make_store(tmp_path / "store.db", reviews=600)
    leaves = _leaf_pages(path, "review")
    _damage_page(path, leaves[len(leaves) // 2])
    new = tmp_path / "recovered.db"
    code, out, err = run(capsys, "salvage", "--db", path, "-o", new)
    assert code == 0, err
    [(count,)] = query(new, "SELECT count(*) FROM review")
    assert 0 < count < 600
    assert "could not be recovered" in out or "left out" in out
    assert run(capsys, "check", "--db", new)[0] == 0


def test_unfinished_files_of_a_killed_export_are_removed_at_the_next_start(tmp_path, capsys):
    path = make_store(tmp_path / "store.db")
    part = tmp_path / "exports" / "chronology.xlsx.part"
    part.parent.mkdir()
    part.write_bytes(b"half a workbook with case text")
    killed = subprocess.Popen([sys.executable, "-c", "pass"])
    killed.wait()
    journal = Path(os.environ["REVIEWDESK_CONFIG_DIR"]) / "unfinished-files.txt"
    journal.parent.mkdir(parents=True, exist_ok=True)
    journal.write_text(f"{killed.pid}\t{part}\n", encoding="utf-8")
    assert run(capsys, "list", "--db", path)[0] == 0
    assert not part.exists()
    assert journal.read_text(encoding="utf-8") == ""


def test_an_unfinished_pre_upgrade_copy_is_removed_and_never_mistaken(tmp_path):
    from db.engine import create_store_engine
    from db.migrate import upgrade

    path = tmp_path / "old.db"
    engine = create_store_engine(path, enforce_foreign_keys=False)
    upgrade(engine, "0006")
    engine.dispose()
    part = tmp_path / "old.before-upgrade-0006-20260101-000000.db.part"
    part.write_bytes(b"half a copy")
    (tmp_path / (part.name + "-journal")).write_bytes(b"")
    with open_store(path) as store:
        assert store.upgraded_from == "0006" and store.backup_path.exists()
    copies = sorted(p.name for p in tmp_path.glob("old.before-upgrade-*"))
    assert copies == [store.backup_path.name] and copies[0].endswith(".db")


def test_spreadsheet_exports_spill_only_into_a_private_folder(ctx, store, tmp_path, monkeypatch):
    import stat

    import openpyxl.worksheet._writer as writer

    from app.chronology.entries import add_entry
    from app.imrs import add_agency

    review_id = create_review(ctx, review_type="scr", reference="X-1", title="T")
    agency_id = add_agency(ctx, review_id, "Police")
    add_entry(ctx, review_id, agency_id, {"date": "02/01/2024", "event": "Case text"})
    path = store.path
    store.close()
    spilled: list[tuple[Path, int]] = []
    real = writer.create_temporary_file

    def recording(suffix=""):
        name = real(suffix)
        spilled.append((Path(name), stat.S_IMODE(Path(name).parent.stat().st_mode)))
        return name

    monkeypatch.setattr(writer, "create_temporary_file", recording)
    target = tmp_path / "out.xlsx"
    code = main(["export", "chronology", "--db", str(path), "--review", "X-1", "-o", str(target)])
    assert code == 0 and target.exists()
    assert spilled and all(p.is_relative_to(path.parent / ".reviewdesk-tmp") for p, _ in spilled)
    assert all(mode == 0o700 for _, mode in spilled)
    assert not (path.parent / ".reviewdesk-tmp").exists()
