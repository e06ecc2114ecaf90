"""Recovering what can still be read from a damaged store into a new one.

Every table is read straight from its own pages (no index is trusted: a damaged index is the
commonest reason a store refuses to open), row by row where a page is unreadable. Rows whose
parent was lost are left out, so the new store passes every check; what was lost is counted
per table and recorded in the new store's audit trail.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from db.audit import AUDIT_TABLE, reconcile, seal_chain
from db.base import Base, utcnow
from db.engine import DatabaseError, connect
from db.store import StoreError, open_store

PROBE_AFTER_LAST = 5000  # rowids tried past the last one read, when the table's end is unreadable


@dataclass
class TableSalvage:
    table: str
    recovered: int = 0
    lost: int = 0  # rows known to exist (or to have been referred to) but unreadable
    orphans: int = 0  # readable rows whose parent row was lost


@dataclass
class SalvageReport:
    source: Path
    target: Path
    tables: list[TableSalvage] = field(default_factory=list)

    @property
    def recovered(self) -> int:
        return sum(t.recovered for t in self.tables)

    @property
    def lost(self) -> int:
        return sum(t.lost + t.orphans for t in self.tables)

    def lines(self) -> list[str]:
        out = []
        for t in self.tables:
            if t.recovered or t.lost or t.orphans:
                missing = []
                if t.lost:
                    missing.append(f"{t.lost} unreadable")
                if t.orphans:
                    missing.append(f"{t.orphans} left out because what they belong to was lost")
                tail = f"; {', '.join(missing)}" if missing else ""
                out.append(f"  {t.table}: {t.recovered} recovered{tail}")
        return out


def _read_table(conn, name: str, columns: list[str]) -> tuple[list[tuple], int]:
    """Every readable row of a table, and how many rowids could not be read."""
    cols = ", ".join(f'"{c}"' for c in columns)
    try:
        return conn.execute(f'SELECT {cols} FROM "{name}" NOT INDEXED ORDER BY rowid').fetchall(), 0
    except DatabaseError:
        pass
    rows: list[tuple] = []
    lost = 0
    try:
        last = conn.execute(f'SELECT max(rowid) FROM "{name}" NOT INDEXED').fetchone()[0] or 0
    except DatabaseError:
        last = None
    rowid, misses = 1, 0
    while True:
        if last is not None and rowid > last:
            break
        if last is None and misses > PROBE_AFTER_LAST:
            break
        try:
            row = conn.execute(
                f'SELECT {cols} FROM "{name}" NOT INDEXED WHERE rowid = ?', (rowid,)
            ).fetchone()
        except DatabaseError:
            row, lost = None, lost + 1
        if row is None:
            misses += 1
        else:
            rows.append(row)
            misses = 0
        rowid += 1
    return rows, lost


def salvage(source: Path, target: Path, passphrase: str | None = None) -> SalvageReport:
    """Copy every readable row of ``source`` into a new store at ``target``."""
    source, target = Path(source).absolute(), Path(target).absolute()
    if target.exists():
        raise StoreError(f"{target} already exists: the recovered store must be a new file.")
    report = SalvageReport(source, target)
    try:
        damaged = connect(source, passphrase=passphrase, readonly=True)
        damaged.execute("PRAGMA query_only=1")
        present = {
            r[0] for r in damaged.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    except DatabaseError as exc:
        raise StoreError(
            f"Nothing can be read from {source} ({exc}): even its list of tables is damaged."
        ) from None
    fresh = open_store(target, passphrase=passphrase)
    fresh.close()
    conn = connect(target, passphrase=passphrase)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"DELETE FROM {AUDIT_TABLE}")  # the new store's own creation
        for table in Base.metadata.sorted_tables:
            result = TableSalvage(table.name)
            report.tables.append(result)
            if table.name not in present:
                continue
            have = {r[1] for r in damaged.execute(f'PRAGMA table_info("{table.name}")')}
            columns = [c.name for c in table.columns if c.name in have]
            rows, result.lost = _read_table(damaged, table.name, columns)
            marks = ", ".join("?" * len(columns))
            names = ", ".join(f'"{c}"' for c in columns)
            for row in rows:
                try:
                    conn.execute(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', row)
                    result.recovered += 1
                except DatabaseError:
                    result.lost += 1
        _drop_orphans(conn, report)
        conn.commit()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"UPDATE {AUDIT_TABLE} SET hash = NULL")
        conn.execute(
            f"INSERT INTO {AUDIT_TABLE} (at, actor, action, entity, label, row_data) "
            "VALUES (?, 'ReviewDesk salvage', 'salvage', 'store', ?, ?)",
            (
                utcnow(),
                f"Recovered from the damaged store {source.name}"[:300],
                json.dumps({t.table: [t.recovered, t.lost, t.orphans] for t in report.tables}),
            ),
        )
        conn.commit()
    finally:
        damaged.close()
        conn.close()
    _reconcile_trail(target, passphrase, source.name)
    sealer = open_store(target, passphrase=passphrase)  # seals the trail afresh, and checks
    try:
        with sealer.engine.begin() as c:
            seal_chain(c)
    finally:
        sealer.close()
    return report


def _reconcile_trail(target: Path, passphrase: str | None, source_name: str) -> None:
    """The trail of the new store says what the damage took and what came back changed."""
    from db.engine import create_store_engine

    engine = create_store_engine(target, passphrase=passphrase, enforce_foreign_keys=False)
    try:
        with engine.begin() as conn:
            reconcile(conn, "ReviewDesk salvage", f"as recovered from {source_name}")
    finally:
        engine.dispose()


def _drop_orphans(conn, report: SalvageReport) -> None:
    """Remove rows pointing at a lost parent, until foreign keys all hold."""
    by_name = {t.table: t for t in report.tables}
    for _ in range(10):  # a lost grandparent takes its grandchildren a round later
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if not problems:
            return
        for table, rowid, _parent, _fk in problems:
            conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            entry = by_name.get(table)
            if entry is not None:
                entry.orphans += 1
                entry.recovered -= 1
