"""Issued versions are frozen: the text of a final document cannot change until a new draft."""

from app.errors import ValidationError
from db.report_models import Report, ReportSection


def refuse_if_issued(session, obj) -> None:
    """Raise when ``obj`` belongs to a document whose final version has been issued."""
    if isinstance(obj, ReportSection):
        report = session.get(Report, obj.report_id)
        if report is not None and report.final:
            raise ValidationError(
                "This version has been issued as final and cannot be changed. "
                "Start a new draft to carry on working on it."
            )
