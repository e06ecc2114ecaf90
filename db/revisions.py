"""The schema revisions shipped, read from the version files without Alembic or SQLAlchemy.

Opening a store that is already up to date needs only the revision ids, read from the version
files' ``revision`` and ``down_revision`` lines, and the store's ``alembic_version`` row.
"""

import ast
import re
from functools import cache
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"


def _assigned(source: str, name: str):
    """The literal value of a top-level ``name = ...`` (or annotated) assignment."""
    # One line, as Alembic writes them: read without parsing the whole file (every start).
    line = re.search(rf"^{name}(?:\s*:[^=\n]+)?\s*=\s*(.+?)\s*(?:#.*)?$", source, re.MULTILINE)
    if line is not None:
        try:
            return ast.literal_eval(line.group(1))
        except (ValueError, SyntaxError):
            pass  # spread over several lines: the parser below reads it
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

    from db.migrate import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def is_known_revision(revision: str) -> bool:
    return revision in revision_graph()
