"""Crash torture: kill -9 the command line at random moments, then check that nothing is lost.

Each round starts one real ``reviewdesk`` process (import, tracker import, export, backup or an
upgrade of an older store), kills it with SIGKILL somewhere in its work, and then checks:
the store passes its integrity, foreign-key and audit-chain checks; every import and tracker
import is all or nothing (row counts); no agency is left empty; an export or backup is either
absent or complete; no ``.part`` file and no private temporary folder survives the next start;
a "before-upgrade" copy exists only as a verified store. Run by hand (100 kills):

    python benchmarks/torture.py [--kills 100] [--seed 1] [--encrypted]

tests/test_torture.py runs 10 kills as part of the test suite.
"""

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REVIEW = "TORTURE-1"
AGENCY = "Police"
ROWS_A, ROWS_B = 3000, 1800
ACTIONS = 120
OPERATIONS = ("import", "tracker", "export", "backup", "upgrade")
PASSPHRASE = "torture test passphrase"


@dataclass
class Outcome:
    kills: Counter = field(default_factory=Counter)
    finished_first: Counter = field(default_factory=Counter)
    checks: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    entry_counts: Counter = field(default_factory=Counter)


class Bench:
    def __init__(self, folder: Path, encrypted: bool, seed: int, scale: float = 1.0):
        self.rows = (int(ROWS_A * scale), int(ROWS_B * scale))
        self.actions = max(5, int(ACTIONS * scale))
        self.folder = folder
        self.store = folder / "store.db"
        self.rng = random.Random(seed)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWDESK_")}
        self.env["REVIEWDESK_CONFIG_DIR"] = str(folder / "config")
        self.env["REVIEWDESK_USER"] = "Torture"
        if encrypted:
            self.env["REVIEWDESK_PASSPHRASE"] = PASSPHRASE
        else:
            self.env["REVIEWDESK_UNENCRYPTED"] = "1"
        self.passphrase = PASSPHRASE if encrypted else None
        self.durations: dict[str, float] = {}
        self.tracker_round = 0

    # --- set-up -----------------------------------------------------------------------------

    def _ctx(self, store):
        from app.context import AppContext

        return AppContext(store, "Torture")

    def build(self) -> None:
        from app.items import add_item
        from app.reviews import create_review
        from benchmarks.large_review import PHRASES, TYPES
        from db.engine import create_store_engine
        from db.migrate import upgrade
        from db.store import open_store

        os.environ.update({k: v for k, v in self.env.items() if k.startswith("REVIEWDESK_")})
        rng = random.Random(5)
        for name, rows in zip(("a.csv", "b.csv"), self.rows, strict=True):
            lines = ["Date,Type,Event,Worker"]
            for n in range(rows):
                day = date(2015, 1, 1) + timedelta(days=rng.randrange(3000))
                event = rng.choice(PHRASES).replace('"', "'")
                lines.append(f'{day:%d/%m/%Y},{rng.choice(TYPES)},"{n}: {event}",PC {n % 9}')
            (self.folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        with open_store(self.store, passphrase=self.passphrase) as store:
            ctx = self._ctx(store)
            review_id = create_review(ctx, review_type="lcspr", reference=REVIEW, title="Child T")
            rec = add_item(ctx, "review_recommendation", review_id, {"text": "Supervision"})
            for n in range(self.actions):
                add_item(ctx, "action", rec, {"action": f"Action {n}", "lead_agency": "Police"})
        (self.folder / "out").mkdir()
        old = self.folder / "old-0006.db"
        engine = create_store_engine(old, passphrase=self.passphrase, enforce_foreign_keys=False)
        upgrade(engine, "0006")
        with engine.begin() as conn:
            for n in range(400):
                conn.exec_driver_sql(
                    "INSERT INTO review (reference, title, review_type, subject_pseudonym, "
                    "partnership, protective_marking, status, created_at, updated_at) VALUES "
                    "(?, ?, 'scr', '', '', 'OFFICIAL', 'commissioned', '2024-01-01', "
                    "'2024-01-01')",
                    (f"OLD-{n}", "x" * 200),
                )
        engine.dispose()

    def _tracker_file(self) -> Path:
        """A freshly exported tracker with every lead officer changed (A and B in turn)."""
        import openpyxl

        from app.action_tracker import export_tracker
        from db.store import open_store

        self.tracker_round += 1
        exported = self.folder / "tracker-export.xlsx"
        with open_store(self.store, passphrase=self.passphrase) as store:
            export_tracker(self._ctx(store), exported)
        wb = openpyxl.load_workbook(exported)
        ws = wb.worksheets[0]
        headings = [c.value for c in ws[1]]
        column = headings.index("Lead officer") + 1
        for row in range(2, ws.max_row + 1):
            if isinstance(ws.cell(row=row, column=1).value, int):
                ws.cell(row=row, column=column).value = f"Officer {self.tracker_round}"
        target = self.folder / "tracker.xlsx"
        wb.save(target)
        return target

    def argv(self, operation: str) -> list[str]:
        db = ["--db", str(self.store)]
        if operation == "import":
            source = self.folder / self.rng.choice(["a.csv", "b.csv"])
            return ["import-chronology", *db, "--review", REVIEW, "--agency", AGENCY, str(source)]
        if operation == "tracker":
            return ["import-actions", *db, str(self._tracker_file())]
        if operation == "export":
            return ["export", "chronology", *db, "--review", REVIEW, "-o",
                    str(self.folder / "out" / "chronology.xlsx")]  # fmt: skip
        if operation == "backup":
            return ["backup", *db, "-o", str(self.folder / "out" / "backup.db"), "--force"]
        upgrading = self.folder / "upgrading.db"
        for old in self.folder.glob("upgrading*"):
            old.unlink()
        shutil.copy(self.folder / "old-0006.db", upgrading)
        return ["list", "--db", str(upgrading)]

    def start(self, argv: list[str]) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "app", *argv],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=self.folder,
        )

    def calibrate(self, runs: int = 2) -> None:
        """How long each operation takes here when left alone (the quicker of ``runs``)."""
        for _ in range(runs):
            for operation in OPERATIONS:
                started = time.perf_counter()
                proc = self.start(self.argv(operation))
                _out, err = proc.communicate(timeout=300)
                if proc.returncode != 0:
                    raise RuntimeError(f"{operation} failed before any kill: {err.decode()}")
                took = time.perf_counter() - started
                self.durations[operation] = min(took, self.durations.get(operation, took))

    # --- the checks after each kill ---------------------------------------------------------

    def check(self, operation: str, outcome: Outcome) -> None:
        from sqlalchemy import text

        from app.leftovers import remove_leftovers
        from db.private import TEMP_FOLDER, private_temp_folder
        from db.store import check_store, open_store

        os.environ.update({k: v for k, v in self.env.items() if k.startswith("REVIEWDESK_")})
        remove_leftovers()  # what the next start of ReviewDesk does
        with private_temp_folder(self.store):
            pass
        health = check_store(self.store, passphrase=self.passphrase)
        self._expect(outcome, "store checks (integrity, keys, audit chain)", health.healthy,
                     f"after {operation}: {health.problems}")  # fmt: skip
        with (
            open_store(self.store, passphrase=self.passphrase) as store,
            store.engine.connect() as c,
        ):
            entries = c.execute(
                text("SELECT count(*) FROM chronology_entry e JOIN agency a ON a.id = e.agency_id "
                     "WHERE a.name = :n"), {"n": AGENCY}).scalar()  # fmt: skip
            agencies = c.execute(text("SELECT count(*) FROM agency WHERE name = :n"),
                                 {"n": AGENCY}).scalar()  # fmt: skip
            officers = Counter(
                r[0] for r in c.execute(text("SELECT lead_officer FROM action_item"))
            )
        outcome.entry_counts[entries] += 1
        # Each file replaces its own earlier import: both files may be in, never part of one.
        self._expect(outcome, "import all or nothing", entries in (0, *self.rows, sum(self.rows)),
                     f"{entries} entries after {operation}")  # fmt: skip
        self._expect(outcome, "no empty agency", agencies == 0 or entries > 0,
                     f"agency without entries after {operation}")  # fmt: skip
        self._expect(outcome, "tracker all or nothing", len(officers) == 1,
                     f"lead officers {dict(officers)} after {operation}")  # fmt: skip
        out = self.folder / "out"
        parts = [p.name for p in out.iterdir() if p.name.endswith(".part")]
        self._expect(outcome, "no unfinished file after restart", not parts, f"{parts}")
        temp = self.folder / TEMP_FOLDER
        self._expect(outcome, "no private temporary files left", not temp.exists()
                     or not any(temp.iterdir()), "temporary folder not emptied")  # fmt: skip
        if (out / "chronology.xlsx").exists():
            import openpyxl

            try:
                openpyxl.load_workbook(out / "chronology.xlsx", read_only=True).close()
                ok = True
            except Exception:  # noqa: BLE001 - any failure to read is the finding
                ok = False
            self._expect(outcome, "export complete or absent", ok, "unreadable export")
        if (out / "backup.db").exists():
            copy = check_store(out / "backup.db", passphrase=self.passphrase)
            self._expect(outcome, "backup complete or absent", copy.healthy, f"{copy.problems}")
        if operation == "upgrade":
            self._check_upgrade(outcome)

    def _check_upgrade(self, outcome: Outcome) -> None:
        from db.store import check_store, open_store

        upgrading = self.folder / "upgrading.db"
        # The next start: it finishes the upgrade (or finds it done) and clears unfinished copies.
        with open_store(upgrading, passphrase=self.passphrase) as store:
            with store.engine.connect() as c:
                count = c.exec_driver_sql("SELECT count(*) FROM review").scalar()
        self._expect(outcome, "upgrade keeps every row", count == 400, f"{count} reviews")
        for copy in self.folder.glob("upgrading.before-upgrade-*"):
            if copy.name.endswith(".db"):
                health = check_store(copy, passphrase=self.passphrase)
                ok, detail = health.healthy and health.revision == "0006", str(health.problems)
            else:
                ok, detail = False, "unfinished copy left after the next start"
            self._expect(outcome, "before-upgrade copy complete and verified", ok,
                         f"{copy.name}: {detail}")  # fmt: skip

    def _expect(self, outcome: Outcome, name: str, ok: bool, detail: str) -> None:
        outcome.checks[name] += 1
        if not ok:
            outcome.problems.append(f"{name}: {detail}")

    # --- the run ------------------------------------------------------------------------------

    def run(self, kills: int) -> Outcome:
        outcome = Outcome()
        for n in range(kills):
            operation = OPERATIONS[n % len(OPERATIONS)]
            proc = self.start(self.argv(operation))
            delay = self.rng.uniform(0.1, 0.95) * self.durations[operation]
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                outcome.kills[operation] += 1
            else:
                outcome.finished_first[operation] += 1
                # It runs faster now than when calibrated (a busy machine calmed down): aim
                # the next kill of this operation within the time it really took.
                self.durations[operation] = min(self.durations[operation], delay * 0.9)
            proc.wait()
            self.check(operation, outcome)
        return outcome


def torture(
    kills: int,
    seed: int = 1,
    encrypted: bool = False,
    folder: Path | None = None,
    scale: float = 1.0,
    calibration_runs: int = 2,
):
    """Build a store, run ``kills`` rounds, return (outcome, durations)."""
    saved = dict(os.environ)
    owned = folder is None
    folder = Path(tempfile.mkdtemp(prefix="reviewdesk-torture-")) if owned else folder
    try:
        bench = Bench(folder, encrypted, seed, scale)
        bench.build()
        bench.calibrate(calibration_runs)
        return bench.run(kills), bench.durations
    finally:
        os.environ.clear()
        os.environ.update(saved)
        if owned:
            shutil.rmtree(folder, ignore_errors=True)


def report(outcome: Outcome, durations: dict[str, float]) -> str:
    lines = [
        f"{'operation':<10} {'one run (s)':>11} {'killed':>7} {'finished first':>15}",
    ]
    for op in OPERATIONS:
        lines.append(
            f"{op:<10} {durations.get(op, 0):>11.2f} {outcome.kills[op]:>7} "
            f"{outcome.finished_first[op]:>15}"
        )
    lines.append(f"total kills: {sum(outcome.kills.values())}")
    lines.append("")
    lines.append(f"{'check':<48} {'times':>6}")
    for name, times in sorted(outcome.checks.items()):
        lines.append(f"{name:<48} {times:>6}")
    counts = ", ".join(f"{k} entries x{v}" for k, v in sorted(outcome.entry_counts.items()))
    lines.append(f"chronology after each round: {counts}")
    lines.append(f"problems: {len(outcome.problems)}")
    lines.extend(f"  - {p}" for p in outcome.problems)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--encrypted", action="store_true", help="an encrypted store")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the data (1: 3,000 rows)")
    args = parser.parse_args()
    outcome, durations = torture(args.kills, args.seed, args.encrypted, scale=args.scale)
    print(report(outcome, durations))
    return 1 if outcome.problems else 0


if __name__ == "__main__":
    sys.exit(main())
