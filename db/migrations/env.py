"""Alembic environment: always run with a connection handed over by db.migrate."""

from alembic import context

import db.access_models  # noqa: F401
import db.chronology_models  # noqa: F401  (registers the tables on Base.metadata)
import db.findings_models  # noqa: F401
import db.learning_models  # noqa: F401
import db.meeting_models  # noqa: F401
import db.models  # noqa: F401
import db.publishing_models  # noqa: F401
import db.report_models  # noqa: F401
from db.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("ReviewDesk migrations run through db.migrate.upgrade(), not the CLI.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
