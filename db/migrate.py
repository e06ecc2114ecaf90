"""Alembic, driven from code: the migration scripts ship inside this package.

Opening a store that is already up to date needs only the revision ids (``db.revisions``) and
the store's ``alembic_version`` row. Alembic itself (with Mako) is imported only when a store has to be upgraded.
"""

from sqlalchemy import Connection, Engine, inspect, text

from db.revisions import (  # noqa: F401  (re-exported)
    MIGRATIONS_DIR,
    VERSIONS_DIR,
    head_revision,
    is_known_revision,
    revision_graph,
)


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade in one transaction. The engine must have foreign keys OFF (batch rebuilds)."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)
