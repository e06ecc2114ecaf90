"""Roles enforced by PostgreSQL: grants and row-level security, derived from the models.

Three group roles hold the rights; every person has their own login in one of them:

- ``reviewdesk_manager`` (the business manager): reads and changes every review, adds people;
- ``reviewdesk_member`` (chairs, authors, panel members): sees only the reviews they are on
  (``review_member``), and changes only those they chair or author;
- ``reviewdesk_readonly``: reads every review, changes nothing, even with a SQL client.

Each table's policy finds its review through its foreign keys (a challenge question through
its IMR and agency), so a new table is covered without being listed. The store's owner (who
runs the upgrades) is not bound by the policies.
"""

from sqlalchemy import Connection, Table, text

from db.base import Base
from db.chronology_models import is_view

MANAGER, MEMBER, READONLY = "reviewdesk_manager", "reviewdesk_member", "reviewdesk_readonly"
STANDING = {"manager": MANAGER, "member": MEMBER, "readonly": READONLY}
ON_REVIEW = ("chair", "author", "panel")
WRITERS = ("chair", "author")
UNSCOPED = {"column_mapping"}  # shared by every review: remembered column mappings


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def review_expr(table: Table, ref: str, depth: int = 0) -> str | None:
    """SQL for the review a row of ``table`` (called ``ref``) belongs to; None if none.

    Through each of its foreign keys in turn: a piece of evidence may cite an IMR or an
    episode rather than an entry, and must still be found in its review."""
    from db.checkout_guard import review_of

    return review_of(table, ref, depth)


def _functions() -> list[str]:
    manager = f"pg_has_role(current_user, '{MANAGER}', 'MEMBER')"
    readonly = f"pg_has_role(current_user, '{READONLY}', 'MEMBER')"
    writers = ", ".join(f"'{r}'" for r in WRITERS)
    return [
        "CREATE OR REPLACE FUNCTION reviewdesk_sees(rid integer) RETURNS boolean "
        f"LANGUAGE sql STABLE AS $$ SELECT {manager} OR {readonly} OR EXISTS (SELECT 1 FROM "
        "review_member m WHERE m.review_id = rid AND m.username = current_user) $$",
        "CREATE OR REPLACE FUNCTION reviewdesk_writes(rid integer) RETURNS boolean "
        f"LANGUAGE sql STABLE AS $$ SELECT {manager} OR EXISTS (SELECT 1 FROM review_member m "
        f"WHERE m.review_id = rid AND m.username = current_user AND m.role IN ({writers})) $$",
    ]


def _policies(table: Table) -> list[str]:
    name = _q(table.name)
    drop = [
        f"DROP POLICY IF EXISTS reviewdesk_read ON {name}",
        f"DROP POLICY IF EXISTS reviewdesk_write ON {name}",
    ]
    if table.name in UNSCOPED:
        return [*drop, f"ALTER TABLE {name} DISABLE ROW LEVEL SECURITY"]
    if table.name == "review_member":
        read = f"username = current_user OR pg_has_role(current_user, '{MANAGER}', 'MEMBER')"
        write = f"pg_has_role(current_user, '{MANAGER}', 'MEMBER')"
    elif table.name == "review_checkout":
        # Any writer of the review may check it out; only the login that took it, the
        # review's chair or the business manager may end it (check in or release).
        read = "reviewdesk_sees(review_id)"
        ends = (
            f"login = current_user OR pg_has_role(current_user, '{MANAGER}', 'MEMBER') OR "
            "EXISTS (SELECT 1 FROM review_member m WHERE m.review_id = review_checkout.review_id "
            "AND m.username = current_user AND m.role = 'chair')"
        )
        return [
            *drop,
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY reviewdesk_read ON {name} FOR SELECT USING ({read})",
            f"CREATE POLICY reviewdesk_write ON {name} FOR ALL USING ({ends}) "
            "WITH CHECK (reviewdesk_writes(review_id) AND login = current_user)",
        ]
    else:
        expr = review_expr(table, name)
        if expr is None:
            raise ValueError(f"Table {table.name} has no way to its review: add it to UNSCOPED.")
        nullable = table.name == "audit_event"  # the trail of things outside any review
        read = f"reviewdesk_sees({expr})"
        write = f"reviewdesk_writes({expr})"
        if nullable:
            read = f"{expr} IS NULL OR {read}"
            write = f"{expr} IS NULL OR {write}"
    return [
        *drop,
        f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY reviewdesk_read ON {name} FOR SELECT USING ({read})",
        f"CREATE POLICY reviewdesk_write ON {name} FOR ALL USING ({write}) WITH CHECK ({write})",
    ]


def setup_statements() -> list[str]:
    """Everything ``reviewdesk users setup`` runs (again after an upgrade: it is idempotent)."""
    groups = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') "
        f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
        for role in (MANAGER, MEMBER, READONLY)
    ]
    everyone = f"{MANAGER}, {MEMBER}, {READONLY}"
    writers = f"{MANAGER}, {MEMBER}"
    grants = [
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {writers}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {writers}",
        f"REVOKE INSERT, UPDATE, DELETE ON review_member FROM {MEMBER}",
        # The trail is written, never rewritten: only sealed (its hash) and named (its label).
        f"REVOKE UPDATE, DELETE ON audit_event FROM {writers}",
        f"GRANT UPDATE (hash, label) ON audit_event TO {writers}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {writers}",
    ]
    policies = [
        p
        for table in Base.metadata.sorted_tables
        if not is_view(table, "postgresql")  # a view reads through its tables' policies
        for p in _policies(table)
    ]
    return [*groups, *grants, *_functions(), *policies]


def roles_set_up(conn: Connection) -> bool:
    """Whether ``users setup`` has made the group roles (on this server)."""
    found = conn.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:groups)"),
        {"groups": list(STANDING.values())},
    ).scalar_one()
    return found == len(STANDING)


def owns_store(conn: Connection) -> bool:
    """Whether the connected login owns the database (so may create and upgrade its schema)."""
    return bool(
        conn.execute(
            text(
                "SELECT pg_has_role(current_user, d.datdba, 'MEMBER') FROM pg_database d "
                "WHERE d.datname = current_database()"
            )
        ).scalar_one()
    )


def set_up_roles(conn: Connection) -> None:
    for statement in setup_statements():
        conn.execute(text(statement))


def add_login(conn: Connection, username: str, standing: str, password: str | None) -> None:
    """A login for one person, in one of the group roles (a manager may add people)."""
    group = STANDING[standing]
    extra = " CREATEROLE" if standing == "manager" else ""
    conn.execute(text(f"CREATE ROLE {_q(username)} LOGIN{extra}"))
    if password:
        # Sent as a literal by the server's own quoting function: never pasted into the SQL.
        literal = conn.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar_one()
        conn.execute(text(f"ALTER ROLE {_q(username)} PASSWORD {literal}"))
    conn.execute(text(f"GRANT {group} TO {_q(username)}"))
    if standing == "manager":
        # So that this manager can add people in turn (PostgreSQL 16 asks for ADMIN OPTION).
        for role in STANDING.values():
            conn.execute(text(f"GRANT {role} TO {_q(username)} WITH ADMIN OPTION"))


def logins(conn: Connection) -> list[tuple[str, str]]:
    """Every login in a ReviewDesk group role: (name, standing)."""
    rows = conn.execute(
        text(
            "SELECT u.rolname, g.rolname FROM pg_auth_members m "
            "JOIN pg_roles u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.roleid "
            "WHERE g.rolname = ANY(:groups) AND u.rolcanlogin ORDER BY u.rolname"
        ),
        {"groups": list(STANDING.values())},
    ).all()
    standing_of = {group: key for key, group in STANDING.items()}
    found: dict[str, str] = {}
    for user, group in rows:
        # A manager also holds the other roles (to hand them on): the manager role names them.
        if found.get(user) != "manager":
            found[user] = standing_of[group]
    return sorted(found.items())


def current_standing(conn: Connection) -> str | None:
    """The connected login's standing: "manager", "member", "readonly", or None (the owner)."""
    existing = set(
        conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:groups)"),
            {"groups": list(STANDING.values())},
        ).scalars()
    )
    for standing in ("manager", "readonly", "member"):
        if STANDING[standing] not in existing:
            continue
        held = conn.execute(
            text("SELECT pg_has_role(current_user, :role, 'MEMBER')"), {"role": STANDING[standing]}
        ).scalar_one()
        if held:
            return standing
    return None


def is_permission_error(exc: Exception) -> bool:
    message = str(getattr(exc, "orig", exc))
    return any(
        words in message
        for words in ("permission denied", "row-level security", "read-only transaction")
    )


def review_role(conn: Connection, review_id: int) -> tuple[str | None, str | None]:
    """The connected login's standing and its role on one review, in one query:
    (``manager``/``readonly``/``member``, or None for the store's owner; ``chair``/``author``/
    ``panel``, or None). A store file has one owner: (None, None)."""
    if conn.dialect.name != "postgresql":
        return None, None
    groups, role = conn.execute(
        text(
            "SELECT (SELECT array_agg(g.rolname::text) FROM pg_roles g "
            "WHERE g.rolname = ANY(:groups) AND pg_has_role(current_user, g.oid, 'MEMBER')), "
            "(SELECT m.role FROM review_member m "
            "WHERE m.review_id = :review AND m.username = current_user)"
        ),
        {"groups": list(STANDING.values()), "review": review_id},
    ).one()
    held = set(groups or ())
    standing = next((k for k in ("manager", "readonly", "member") if STANDING[k] in held), None)
    return standing, role
