"""The workspace's tabs, by number and name (cheap to import: no widgets)."""

(
    TAB_DETAILS,
    TAB_TOR,
    TAB_PANEL,
    TAB_AGENCIES,
    TAB_CHRONOLOGY,
    TAB_FINDINGS,
    TAB_RECOMMENDATIONS,
    TAB_PEOPLE,
    TAB_REPORTS,
    TAB_MEETINGS,
    TAB_AUDIT,
) = range(11)
TAB_NAMES = [
    "Details",
    "Terms of reference",
    "Panel",
    "Agencies and IMRs",
    "Chronology",
    "Findings",
    "Recommendations",
    "People",
    "Documents",
    "Meetings",
    "Audit trail",
]
CHRONOLOGY_KINDS = {"chronology_entry", "key_episode"}
# Shown instead of the full names when the full ones do not fit in the window's width (a
# laptop, or a 1080p screen at 150%); the full name stays in the tab's tooltip and is what a
# screen reader announces.
TAB_SHORT_NAMES = {
    "Terms of reference": "Terms",
    "Agencies and IMRs": "IMRs",
    "Audit trail": "Audit",
}
