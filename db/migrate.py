"""Alembic, driven from code: the migration scripts ship inside this package.

Opening a store that is already up to date needs only the revision ids, read from the version
files' ``revision`` and ``down_revision`` lines, and the store's ``alembic_version`` row.
Alembic itself (with Mako) is imported only when a store has to be upgraded.
"""

import ast
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def _assigned(source: str, name: str):
    """The literal value of a top-level ``name = ...`` (or annotated) assignment."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == name:
            return ast.literal_eval(node.value) if node.value is not None else None
    raise ValueError(f"no {name}")


@cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """Every revision id shipped, with the revisions it follows."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        try:
            revision = _assigned(source, "revision")
            down = _assigned(source, "down_revision")
        except ValueError:
            continue
        if down is None:
            downs: tuple[str, ...] = ()
        elif isinstance(down, str):
            downs = (down,)
        else:
            downs = tuple(down)
        graph[revision] = downs
    return graph


@cache
def head_revision() -> str:
    graph = revision_graph()
    followed = {d for downs in graph.values() for d in downs}
    heads = [r for r in graph if r not in followed]
    if len(heads) == 1:
        return heads[0]
    # Several heads (branches being merged): let Alembic decide, as it would on upgrade.
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def is_known_revision(revision: str) -> bool:
    return revision in revision_graph()


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade in one transaction. The engine must have foreign keys OFF (batch rebuilds)."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)
