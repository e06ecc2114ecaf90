"""Start-up, measured side by side in one run. Prints a table of ratios; run by hand:

    python benchmarks/startup_bench.py --db /tmp/large.db [--rounds 5]

Each figure is the median of fresh processes, from launch to the moment measured:
- a bare PySide6 window painted (the anchor);
- the ReviewDesk window painted, on the given store (target: within 3x the anchor): its frame
  appears before the store is opened;
- its review list painted with the reviews in it (target: within 5x the anchor): by the frame
  when it could read them from the store file directly, else by the main window;
- the open review's workspace painted (reported, no target);
- ``reviewdesk list`` finished (target: under 0.3 s), next to a bare Python start and to
  importing SQLAlchemy's ORM alone (what a command opening the store the usual way pays first);
- ``reviewdesk list`` on an encrypted copy, and the key's derivation alone (reported);
- the store opened with the quick check against the full check (reported).
Whether Alembic was imported on the way is reported too (it should not be).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, os, sys, time
launched = float(sys.argv[1]); mode = sys.argv[2]; db = sys.argv[3]; ini = sys.argv[4]
marks = {}
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Watch(QObject):
    def __init__(self, name, ready=lambda: True):
        super().__init__()
        self.name, self.ready = name, ready
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.name not in marks and self.ready():
            marks[self.name] = time.time() - launched
        return False

if mode == "bare":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("ReviewDesk"))
    watch = Watch("window"); window.installEventFilter(watch)
    window.resize(1200, 700); window.show()
    done = lambda: "window" in marks
else:
    from pathlib import Path
    from app.preload import start_loading_database_layer
    start_loading_database_layer()  # as ``reviewdesk gui`` does, before Qt loads
    from ui.main import launch, make_application
    app = make_application(sys.argv[:1])
    watches = []
    def hook(window):
        if window.objectName() == "starting_window":
            watches.append(Watch("window"))
            window.installEventFilter(watches[-1])
            # The frame shows the reviews itself when it can read the store file directly.
            shown = lambda: window.list_view is not None and window.list_view.model().rowCount()
            watches.append(Watch("list", shown))
            window.installEventFilter(watches[-1])
            return
        listed = Watch("list", lambda: window.list_model.rowCount() > 0)
        window.list_view.viewport().installEventFilter(listed)
        watches.append(listed)
        def watch_workspace():
            if window._workspace is not None and not getattr(window, "_watched", False):
                window._watched = True
                w = Watch("review")
                watches.append(w)
                window._workspace.installEventFilter(w)
                window._workspace.update()
        poll = QTimer(window); poll.timeout.connect(watch_workspace); poll.start(1)
    main = launch(Path(db), "Benchmark", QSettings(ini, QSettings.Format.IniFormat), before_show=hook)
    done = lambda: {"window", "list", "review"} <= set(marks)
check = QTimer(); check.timeout.connect(lambda: app.quit() if done() else None); check.start(5)
QTimer.singleShot(30000, app.quit)
app.exec()
marks["alembic"] = "alembic" in sys.modules
print(json.dumps(marks))
"""


def run_probe(mode: str, db: Path, ini: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = str(ROOT)
    # The benchmark's store is a plain copy: the offer to encrypt it would wait for an answer.
    env.setdefault("REVIEWDESK_UNENCRYPTED", "1")
    launched = time.time()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, repr(launched), mode, str(db), str(ini)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_command(args: list[str], env: dict | None = None) -> float:
    started = time.perf_counter()
    env = dict(env or os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(args, capture_output=True, check=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


def open_times(db: Path, rounds: int) -> tuple[float, float]:
    sys.path.insert(0, str(ROOT))
    from db.engine import create_store_engine
    from db.store import verify

    engine = create_store_engine(db, readonly=True, enforce_foreign_keys=False, wal=False)
    try:
        quick = statistics.median(_timed(lambda: verify(engine, quick=True)) for _ in range(rounds))
        full = statistics.median(_timed(lambda: verify(engine)) for _ in range(rounds))
    finally:
        engine.dispose()
    return quick, full


PASSPHRASE = "a benchmark passphrase"


def encrypted_listing(db: Path, rounds: int) -> tuple[float, float]:
    """``reviewdesk list`` on an encrypted copy of the store, and the key's derivation alone
    (SQLCipher 4's 256,000 rounds of PBKDF2: slow on purpose, once per command)."""
    import shutil

    sys.path.insert(0, str(ROOT))
    from app.store_access import encrypt_store
    from db.driver import _derived_key

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "encrypted.db"
        shutil.copy(db, copy)
        encrypt_store(copy, PASSPHRASE)
        env = dict(os.environ, REVIEWDESK_PASSPHRASE=PASSPHRASE)
        listing = statistics.median(
            run_command([sys.executable, "-m", "app.cli", "--db", str(copy), "list"], env)
            for _ in range(rounds)
        )
    derivation = statistics.median(
        _timed(lambda n=n: _derived_key(PASSPHRASE, bytes([n]) * 16)) for n in range(rounds)
    )
    return listing, derivation


def _timed(func) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store (see large_review.py)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    db = args.db.resolve()
    with tempfile.TemporaryDirectory() as folder:
        ini = Path(folder) / "settings.ini"
        bare, app = [], []
        for _ in range(args.rounds):  # interleaved, so load on the machine hits both alike
            bare.append(run_probe("bare", db, ini)["window"])
            app.append(run_probe("app", db, ini))
    python = [run_command([sys.executable, "-c", "pass"]) for _ in range(args.rounds)]
    orm = [run_command([sys.executable, "-c", "import sqlalchemy.orm"]) for _ in range(args.rounds)]
    listing = [
        run_command([sys.executable, "-m", "app.cli", "--db", str(db), "list"])
        for _ in range(args.rounds)
    ]
    quick, full = open_times(db, args.rounds)
    encrypted, derivation = encrypted_listing(db, args.rounds)

    anchor = statistics.median(bare)
    window = statistics.median(m["window"] for m in app)
    listed = statistics.median(m["list"] for m in app)
    review = statistics.median(m["review"] for m in app)
    list_cmd = statistics.median(listing)
    rows = [
        ("bare PySide6 window painted (anchor)", anchor, 1.0, ""),
        ("ReviewDesk window painted", window, window / anchor, "<= 3x"),
        ("review list painted", listed, listed / anchor, "<= 5x"),
        ("open review painted", review, review / anchor, ""),
        ("bare Python start", statistics.median(python), statistics.median(python) / anchor, ""),
        (
            "python -c 'import sqlalchemy.orm'",
            statistics.median(orm),
            statistics.median(orm) / anchor,
            "",
        ),
        ("reviewdesk list", list_cmd, list_cmd / anchor, "< 0.3 s"),
        ("reviewdesk list, encrypted store", encrypted, encrypted / anchor, ""),
        ("  of which the key's derivation", derivation, derivation / anchor, "(by design)"),
        ("quick check on open", quick, quick / anchor, ""),
        ("full integrity check", full, full / anchor, "on demand / weekly"),
    ]
    print(f"store: {db} ({db.stat().st_size / 1e6:.0f} MB), median of {args.rounds} runs")
    print(f"{'measure':40s} {'seconds':>8s} {'x anchor':>9s}  target")
    for name, seconds, ratio, target in rows:
        print(f"{name:40s} {seconds:8.3f} {ratio:9.2f}  {target}")
    alembic = any(m["alembic"] for m in app)
    print(f"Alembic imported by the window: {'yes' if alembic else 'no'}")
    ok = window / anchor <= 3 and listed / anchor <= 5 and not alembic
    print("window targets " + ("met" if ok else "MISSED"))
    print("reviewdesk list target " + ("met" if list_cmd < 0.3 else "MISSED"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
