"""Twenty people working in one review of the shared store at once. Prints a table:

    python benchmarks/load_bench.py [--users 20] [--seconds 60] [--pg postgresql://…/empty_db]

Each simulated person has their own connection and, in a loop: edits an IMR's analysis
(appending a word of their own to the text they last saw, as a person does), edits a
chronology entry, opens the filtered chronology, and now and then imports a small agency
return. An edit that meets someone else's change is refused with both values and tried again
from the new text, as a person would. At the end every word every person saved must be in
the text: no update lost. Latencies are printed as p50 and p95 per action, with the p95 as a
ratio of a single person's p95 for the same action measured first in the same run.
"""

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.large_review import agency_rows, write_agency_file  # noqa: E402

ACTIONS = ("edit IMR text", "edit chronology entry", "filter chronology", "import 200 rows")


def setup(url: str, folder: Path) -> tuple[int, int, Path]:
    from app.chronology.importer import import_chronology
    from app.context import AppContext
    from app.imrs import add_agency
    from app.reviews import create_review
    from db.store import open_store

    with open_store(url) as store:
        ctx = AppContext(store, "Business Manager")
        review = create_review(ctx, review_type="lcspr", reference="LOAD-1", title="Child L")
        imr = add_agency(ctx, review, "Police", "police")
        rows = agency_rows(random.Random(5), 2000, 0)
        import_chronology(ctx, review, "Police", write_agency_file(folder / "base.xlsx", rows))
    small = write_agency_file(folder / "small.xlsx", agency_rows(random.Random(9), 200, 1))
    return review, imr, small


class Person(threading.Thread):
    def __init__(self, url, name, review, imr, small, until, seed):
        super().__init__(daemon=True)
        self.url, self.name, self.review, self.imr, self.small = url, name, review, imr, small
        self.until = until
        self.rng = random.Random(seed)
        self.latency: dict[str, list[float]] = {a: [] for a in ACTIONS}
        self.saved_words: list[str] = []
        self.conflicts = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._work()
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            self.error = exc

    def _work(self) -> None:
        from app.chronology.entries import EntryFilter, edit_entry, query_entry_ids
        from app.chronology.importer import import_chronology
        from app.conflicts import EditConflict
        from app.context import AppContext
        from app.edits import apply_fields
        from db.models import Imr
        from db.store import open_store

        with open_store(self.url) as store:
            ctx = AppContext(store, self.name)
            ids = query_entry_ids(ctx, self.review)
            imports = 0
            while time.monotonic() < self.until:
                roll = self.rng.random()
                started = time.perf_counter()
                if roll < 0.45:
                    word = f"{self.name}-{len(self.saved_words)}"
                    with ctx.session() as session:
                        seen = session.get(Imr, self.imr).analysis
                    while True:
                        try:
                            apply_fields(
                                ctx,
                                "imr",
                                self.imr,
                                {"analysis": f"{seen} {word}".strip()},
                                seen={"analysis": seen},
                            )
                            break
                        except EditConflict as conflict:
                            self.conflicts += 1
                            seen = conflict.theirs["analysis"]
                    self.saved_words.append(word)
                    action = "edit IMR text"
                elif roll < 0.75:
                    entry = self.rng.choice(ids)
                    note = {"significance": f"Noted by {self.name}"}
                    try:
                        edit_entry(ctx, entry, note)
                    except EditConflict as conflict:  # two people on one entry: save over it
                        self.conflicts += 1
                        seen = conflict.theirs
                        while True:
                            try:
                                apply_fields(ctx, "chronology_entry", entry, note, seen=seen)
                                break
                            except EditConflict as again:
                                self.conflicts += 1
                                seen = again.theirs
                    action = "edit chronology entry"
                elif roll < 0.98 or imports >= 2:
                    query_entry_ids(ctx, self.review, EntryFilter(text="visit"))
                    action = "filter chronology"
                else:
                    imports += 1
                    import_chronology(ctx, self.review, f"{self.name} agency {imports}", self.small)
                    action = "import 200 rows"
                self.latency[action].append(time.perf_counter() - started)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def run(url, users, seconds, review, imr, small, prefix) -> list[Person]:
    until = time.monotonic() + seconds
    people = [Person(url, f"{prefix}{n:02d}", review, imr, small, until, n) for n in range(users)]
    for person in people:
        person.start()
    for person in people:
        person.join()
    for person in people:
        if person.error is not None:
            raise person.error
    return people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pg", help="an empty PostgreSQL database (default: a throwaway server)")
    args = parser.parse_args()

    from db.models import Imr
    from db.store import open_store
    from tests.postgres import start_server, stop_server

    # PostgreSQL's own settings (every commit flushed to disk), as a partnership runs it.
    server = None if args.pg else start_server(durable=True)
    try:
        url = args.pg or server.url(server.new_database(empty=True))
        with tempfile.TemporaryDirectory() as tmp:
            review, imr, small = setup(url, Path(tmp))
            alone = run(url, 1, min(10.0, args.seconds / 4), review, imr, small, "solo")
            crowd = run(url, args.users, args.seconds, review, imr, small, "user")
        with open_store(url) as store, store.session() as session:
            stored = set(session.get(Imr, imr).analysis.split())
    finally:
        if server is not None:
            stop_server(server)

    saved = [w for p in [*alone, *crowd] for w in p.saved_words]
    lost = [w for w in saved if w not in stored]
    print(
        f"\n{args.users} people for {args.seconds:.0f} s in one review; "
        f"{sum(len(v) for p in crowd for v in p.latency.values()):,} actions, "
        f"{sum(p.conflicts for p in crowd):,} edits met someone else's change and were redone; "
        f"{len(saved):,} words saved, {len(lost)} lost\n"
    )
    print(f"{'action':<22} {'count':>6} {'p50':>8} {'p95':>8} {'p95 alone':>10} {'ratio':>7}")
    for action in ACTIONS:
        many = [v for p in crowd for v in p.latency[action]]
        one = [v for p in alone for v in p.latency[action]]
        if not many:
            continue
        p95_many = p95(many)
        p95_one = p95(one) if one else None
        ratio = f"{p95_many / p95_one:.1f}x" if p95_one else "-"
        one_text = f"{p95_one * 1000:.0f} ms" if p95_one else "-"
        print(
            f"{action:<22} {len(many):>6} {statistics.median(many) * 1000:>5.0f} ms "
            f"{p95_many * 1000:>5.0f} ms {one_text:>10} {ratio:>7}"
        )
    if lost:
        raise SystemExit(f"LOST UPDATES: {lost[:10]}")


if __name__ == "__main__":
    main()
