"""The workspace of one review: a header with the countdown, and tabs for each part of it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.audit_log import list_audit
from app.checkout import rights_while_out
from app.errors import UserError
from app.findings import list_findings
from app.records import ReviewDetail
from app.review_rights import rights_on_review
from app.reviews import get_review
from app.timescales import countdown
from app.vocab import FINISHED_REVIEW_STATUSES, PANEL_ROLES, REVIEW_STATUSES
from ui.audit_tab import AuditTab
from ui.checkout_banner import CheckoutBanner
from ui.chronology_tab import ChronologyTab
from ui.details_tab import DetailsTab
from ui.editing import Editor
from ui.findings_tab import FindingsTab
from ui.fitting_tabs import FittingTabs
from ui.icons import icon
from ui.imr_board import AgenciesTab
from ui.item_table import Column, ItemTable
from ui.meetings_tab import MeetingsTab
from ui.people_page import PeoplePage
from ui.recommendations_tab import RecommendationsTab
from ui.reports_tab import ReportsTab
from ui.rights_view import RightsTips, RoleBadge
from ui.tab_names import (  # noqa: F401 (the names are also used from here)
    CHRONOLOGY_KINDS,
    TAB_AGENCIES,
    TAB_AUDIT,
    TAB_CHRONOLOGY,
    TAB_DETAILS,
    TAB_FINDINGS,
    TAB_MEETINGS,
    TAB_NAMES,
    TAB_PANEL,
    TAB_PEOPLE,
    TAB_RECOMMENDATIONS,
    TAB_REPORTS,
    TAB_SHORT_NAMES,
    TAB_TOR,
)
from ui.theme import danger_colour, muted_colour, scaled_font
from ui.widgets import ElidedLabel, wrap_long_rows


def missing_date(basis: str) -> str | None:
    """The date field a target waits for ("decision_date"), read from its basis ("publish
    within 6 months of the decision to review: enter the date of the decision"), if any."""
    if ": enter the " not in basis:
        return None
    asked = basis.rsplit(": enter the ", 1)[1]
    if "notification" in asked:
        return "notification_date"
    if "decision" in asked:
        return "decision_date"
    return None


class ReviewWorkspace(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review: ReviewDetail | None = None

        self.title = QLabel()
        self.title.setObjectName("review_title")
        self.title.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = ElidedLabel()  # a long type and status never widen the window
        self.subtitle.setObjectName("review_subtitle")
        self.countdown = QLabel()
        self.countdown.setObjectName("review_countdown")
        self.countdown.setFont(scaled_font(self.font(), 1.35, bold=True))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.target = QLabel()
        self.target.setObjectName("review_target")
        self.target.setAlignment(Qt.AlignmentFlag.AlignRight)
        # With no target date yet: a short link to the date that sets it (the rule in its
        # tooltip), so the header keeps one line and the type and status stay whole at 1024.
        self.target.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.target.linkActivated.connect(self.enter_date)
        self.role = RoleBadge()
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.subtitle)
        right = QVBoxLayout()
        right.addWidget(self.countdown)
        right.addWidget(self.target)
        # Shown while the review list is folded away: one click (or Ctrl+Shift+R) brings it back.
        self.list_button = QToolButton()
        self.list_button.setObjectName("show_review_list_button")
        self.list_button.setIcon(icon("sidebar"))
        self.list_button.setText("Reviews")
        self.list_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.list_button.setToolTip("Show the review list (Ctrl+Shift+R)")
        self.list_button.setAccessibleName("Show the review list")
        self.list_button.hide()
        header = QHBoxLayout()
        header.addWidget(self.list_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(left, 1)
        header.addLayout(right)

        self.tabs = FittingTabs(TAB_SHORT_NAMES)  # every tab in sight, even on a laptop
        self.tabs.setObjectName("review_tabs")
        self.details = DetailsTab(editor)
        self.tor = ItemTable(
            editor,
            "line_of_enquiry",
            [Column("text", "Key line of enquiry", stretch=True)],
            "line of enquiry",
            {"text": "New line of enquiry"},
        )
        self.panel = ItemTable(
            editor,
            "panel_member",
            [
                Column("name", "Name", stretch=True),
                Column("role", "Role", choices=PANEL_ROLES),
                Column("organisation", "Agency or organisation", stretch=True),
            ],
            "panel member",
            {"name": "New member", "role": "member"},
        )
        self.agencies = AgenciesTab(editor)
        self.chronology = ChronologyTab(editor)
        self.findings = FindingsTab(editor)
        self.findings.show_entry.connect(self.show_entry)
        self.recommendations = RecommendationsTab(editor)
        self.people = PeoplePage(editor)
        self.reports = ReportsTab(editor)
        self.meetings = MeetingsTab(editor)
        self.audit = AuditTab()
        self.tor.table.setAccessibleName("Lines of enquiry")
        self.panel.table.setAccessibleName("Panel members")
        self.tabs.addTab(self.details, TAB_NAMES[TAB_DETAILS])
        self.tabs.addTab(
            _padded(self.tor, "The questions the review must answer, in order."),
            "Terms of reference",
        )
        self.tabs.addTab(_padded(self.panel, "Who sits on the review panel."), "Panel")
        self.tabs.addTab(self.agencies, "Agencies and IMRs")
        self.tabs.addTab(self.chronology, "Chronology")
        self.tabs.addTab(self.findings, "Findings")
        self.tabs.addTab(self.recommendations, TAB_NAMES[TAB_RECOMMENDATIONS])
        self.tabs.addTab(self.people, TAB_NAMES[TAB_PEOPLE])
        self.tabs.addTab(self.reports, "Documents")
        self.tabs.addTab(self.meetings, "Meetings")
        self.tabs.addTab(self.audit, "Audit trail")
        wrap_long_rows(self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self._load_audit())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.role)
        self.checkout_banner = CheckoutBanner()
        layout.addWidget(self.checkout_banner)
        layout.addWidget(self.tabs, 1)
        self.rights_tips = RightsTips(self)

    def room_for_tabs(self) -> int:
        """The width this workspace needs for every tab's label to read (beside the list)."""
        margins = self.layout().contentsMargins()
        return self.tabs.width_wanted() + margins.left() + margins.right() + 4

    def show_review(self, review_id: int | None) -> bool:
        """Load (or reload) a review; False when it no longer exists."""
        if review_id is None:
            self.review = self.editor.rights = None
            return False
        try:
            review = get_review(self.editor.ctx, review_id)
        except UserError:
            self.review = self.editor.rights = None
            return False
        self.review = review
        # Asked before the tabs are filled: they show fields read-only where it is false.
        self.editor.rights = rights_while_out(
            self.editor.ctx, review.id, rights_on_review(self.editor.ctx, review.id)
        )
        self.title.setText(review.title)
        parts = [
            review.reference,
            review.type_label,
            REVIEW_STATUSES.get(review.status, review.status),
        ]
        if review.subject_pseudonym:
            parts.insert(1, review.subject_pseudonym)
        self.subtitle.setText("  ·  ".join(parts) + f"   [{review.protective_marking}]")
        finished = review.status in FINISHED_REVIEW_STATUSES
        text, days = countdown(review.target_date, self.editor.ctx.today(), finished)
        self.countdown.setText(text)
        late = days is not None and days < 0 and not finished
        palette = self.countdown.palette()
        colour = (
            danger_colour()
            if late
            else (muted_colour() if days is None else self.palette().text().color())
        )
        palette.setColor(self.countdown.foregroundRole(), colour)
        self.countdown.setPalette(palette)
        self._show_target(review)
        self.checkout_banner.show_for(self.editor.ctx, review.id)
        self.details.show_review(review)
        self.tor.show_items(review.id, review.lines_of_enquiry)
        self.panel.show_items(review.id, review.panel)
        self.agencies.show_imrs(review.id, review.imrs, self.editor.ctx.today())
        self.chronology.show_review(review.id, review.imrs)
        # One query of the findings serves both tabs (and is cheap: a review has dozens).
        findings = list_findings(self.editor.ctx, review.id)
        self.findings.show_review(review, findings)
        self.recommendations.show_review(review, findings)
        self.people.show_review(review.id)
        self.reports.show_review(review.id)
        self.meetings.show_review(review, findings)
        self.chronology.entry_editor.show_citations()
        self._load_audit()
        self.role.show_rights(self.editor.rights, self.editor.ctx.store.shared)
        self.rights_tips.show_rights(self.editor.rights)
        return True

    def chronology_changed(self) -> None:
        """The chronology changed (an import may also have added agencies): reload it and
        the agencies, keeping the rest of the workspace as it is."""
        if self.review is None:
            return
        try:
            review = get_review(self.editor.ctx, self.review.id)
        except UserError:
            return
        self.review = review
        self.agencies.show_imrs(review.id, review.imrs, self.editor.ctx.today())
        self.chronology.agencies = review.imrs
        self.chronology.data_changed()
        # Findings describe the entries and key episodes they cite.
        self.findings.show_review(review, list_findings(self.editor.ctx, review.id))
        self._load_audit()

    def _show_target(self, review: ReviewDetail) -> None:
        if review.target_date:
            self.target.setTextFormat(Qt.TextFormat.PlainText)
            self.target.setText(f"Target {review.target_date:%d %B %Y}")
            self.target.setToolTip(review.target_basis)
            return
        field = missing_date(review.target_basis)
        if field is None:
            self.target.setTextFormat(Qt.TextFormat.PlainText)
            self.target.setText(review.target_basis)
            self.target.setToolTip("")
            return
        words = (
            "Enter the notification date"
            if field == "notification_date"
            else ("Enter the decision date")
        )
        rule, _asked = review.target_basis.rsplit(": enter the ", 1)
        self.target.setTextFormat(Qt.TextFormat.RichText)
        self.target.setText(f'<a href="{field}">{words}</a>')
        self.target.setToolTip(
            f"The target: {rule}. {words} in Details (Ctrl+1) and the countdown starts."
        )
        self.target.setAccessibleName(f"{words}: the target is to {rule}")

    def enter_date(self, field: str) -> None:
        """Details, with the focus in the date the target waits for."""
        self.tabs.setCurrentWidget(self.details)
        widget = self.details.dates.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_entry(self, entry_id: int) -> None:
        """Show a chronology entry (cited by a finding) on the Chronology tab."""
        self.tabs.setCurrentWidget(self.chronology)
        self.chronology.show_entries([entry_id])

    def show_action(self, recommendation_id: int, action_id: int | None = None) -> None:
        """Open a recommendation's action plan, with one of its actions selected."""
        self.tabs.setCurrentWidget(self.recommendations)
        self.recommendations.show_action(recommendation_id, action_id)

    def _load_audit(self) -> None:
        if self.review is not None and self.tabs.currentWidget() is self.audit:
            self.audit.show_records(list_audit(self.editor.ctx, self.review.id))


def _padded(widget: QWidget, note: str) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel(note)
    label.setWordWrap(True)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return page
