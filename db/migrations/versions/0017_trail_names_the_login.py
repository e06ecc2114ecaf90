"""The shared store's audit trail names the login that wrote each row (PostgreSQL).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01

Until now the name in a shared store's trail was the one the client gave for its transaction:
ReviewDesk always gives "Name (login)", but a SQL client could set any name, or insert a trail
row naming someone else. From here a trigger on the trail adds the login (PostgreSQL's
session_user, which no client can change) to any name given without it, and a row written with
no name at all names the login instead of "unknown".

No table changes. The trigger and the audit functions are installed when the store's owner
opens it after this upgrade (db/server.py installs them again after any upgrade), which is why
this is a revision: only the owner may upgrade, so nobody else meets a store half done.
Downgrading leaves them in place (they only add the login). SQLite: nothing changes.
"""

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # (see above: the server's triggers are installed by db/server.py after upgrading)


def downgrade() -> None:
    pass
