"""The Meetings tab: the review's meetings, one meeting's details, attendance and agenda, and
the panel's tasks; "Run this meeting" opens the runner."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.actions import list_recommendations
from app.chronology.episodes import list_episodes
from app.errors import UserError
from app.meetings import (
    MeetingDetail,
    add_tasks_to_agenda,
    create_meeting,
    list_meetings,
    list_tasks,
    meeting_detail,
)
from app.records import ReviewDetail
from app.vocab import ATTENDANCE, MEETING_KINDS, MEETING_STATUSES
from ui.editing import Editor
from ui.icons import icon
from ui.item_table import Column, ItemTable, format_date
from ui.meeting_runner import MeetingRunner
from ui.panel_tasks import PanelTasks
from ui.table_tools import SortableItem
from ui.theme import scaled_font
from ui.widgets import CommitLineEdit, DateField, FormDialog, section_label

IdRole = Qt.ItemDataRole.UserRole + 11


def name_meeting_fields(kind: QComboBox, time: QLineEdit, place: QLineEdit) -> None:
    """Names a screen reader says in full, not the form's one-word labels."""
    kind.setAccessibleName("Kind of meeting")
    time.setAccessibleName("Time of the meeting")
    place.setAccessibleName("Place of the meeting")


class NewMeetingDialog(FormDialog):
    def __init__(self, today: date, parent=None):
        super().__init__("New meeting", "Create meeting", parent)
        self.held_on = DateField(name="Date of the meeting")
        self.held_on.set_saved(today)
        self.kind = QComboBox()
        for key, label in MEETING_KINDS.items():
            self.kind.addItem(label, key)
        self.time = QLineEdit()
        self.time.setPlaceholderText("e.g. 10:00")
        self.place = QLineEdit()
        self.place.setPlaceholderText("e.g. Town Hall, room 2, or Teams")
        name_meeting_fields(self.kind, self.time, self.place)
        self.form.addRow("Date", self.held_on)
        self.form.addRow("Kind", self.kind)
        self.form.addRow("Time", self.time)
        self.form.addRow("Place", self.place)
        self.finish_form()

    def values(self) -> dict:
        return {
            "held_on": self.held_on.value(),
            "kind": self.kind.currentData(),
            "time": self.time.text().strip(),
            "place": self.place.text().strip(),
        }


class DateRangeDialog(FormDialog):
    """The chronology dates an agenda item is about."""

    def __init__(self, parent=None):
        super().__init__("Chronology date range", "Add to the agenda", parent)
        self.date_from = DateField()
        self.date_to = DateField()
        self.form.addRow("From", self.date_from)
        self.form.addRow("To", self.date_to)
        self.finish_form(26)


def _create_meeting(ctx, review_id: int, values: dict) -> int:
    # Editor.run keeps "kind" for itself, so the meeting's kind travels in ``values``.
    return create_meeting(
        ctx,
        review_id,
        values["held_on"],
        kind=values["kind"],
        time=values["time"],
        place=values["place"],
    )


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _cell(text: str, record_id: int, key=None) -> QTableWidgetItem:
    item = SortableItem(text, key)
    item.setData(IdRole, record_id)
    return item


MEETINGS_PANE_EM = 25  # the most the meetings list takes, in widths of "M"
MEETING_KIND_COLUMN = 2


class MeetingsTab(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review: ReviewDetail | None = None
        self.findings: list = []
        self.detail: MeetingDetail | None = None
        self.runner: MeetingRunner | None = None

        # Left: the meetings.
        self.meetings = _table(["No.", "Date", "Kind", "Status"], "meetings_table")
        self.meetings.setAccessibleName("Meetings")
        # Where the list is capped (a projector), the kind (nearly always "Panel meeting")
        # gives way, elided with the whole in its tooltip: number, date and status stay in
        # sight, with no sideways scrolling.
        header = self.meetings.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MEETING_KIND_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.meetings.setWordWrap(False)
        self.meetings.setSortingEnabled(True)
        self.meetings.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.meetings.itemSelectionChanged.connect(self._meeting_chosen)
        self.new_button = QPushButton(icon("add"), "New meeting…")
        self.new_button.setObjectName("new_meeting")
        self.new_button.clicked.connect(self.new_meeting)
        left = self.meetings_pane = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(section_label("Meetings"))
        left_layout.addWidget(self.meetings, 1)
        left_layout.addWidget(self.new_button)

        # Right: the selected meeting.
        self.run_button = QPushButton(icon("run"), "Run this meeting")
        self.run_button.setObjectName("run_meeting")
        self.run_button.setFont(scaled_font(self.font(), 1.4, bold=True))
        self.run_button.setMinimumHeight(48)
        self.run_button.clicked.connect(self.run_meeting)
        self.held_on = DateField(name="Date of the meeting")
        self.time = CommitLineEdit()
        self.place = CommitLineEdit()
        self.kind = QComboBox()
        for key, label in MEETING_KINDS.items():
            self.kind.addItem(label, key)
        self.status = QComboBox()
        for key, label in MEETING_STATUSES.items():
            self.status.addItem(label, key)
        name_meeting_fields(self.kind, self.time, self.place)
        self.status.setAccessibleName("Status of the meeting")
        self.held_on.committed.connect(lambda v: self._edit_meeting("held_on", v))
        self.time.committed.connect(lambda v: self._edit_meeting("time", v))
        self.place.committed.connect(lambda v: self._edit_meeting("place", v))
        self.kind.activated.connect(lambda _i: self._edit_meeting("kind", self.kind.currentData()))
        self.status.activated.connect(
            lambda _i: self._edit_meeting("status", self.status.currentData())
        )
        # Two short columns of details, the big button under the second: room below for the
        # lists, and the whole fits beside the meetings on a projector's 1024 pixels.
        for combo in (self.kind, self.status):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        when = QFormLayout()
        when.addRow("Date", self.held_on)
        when.addRow("Time", self.time)
        when.addRow("Place", self.place)
        what = QFormLayout()
        what.addRow("Kind", self.kind)
        what.addRow("Status", self.status)
        what.addRow(self.run_button)
        details = QHBoxLayout()
        details.addLayout(when, 3)
        details.addLayout(what, 2)

        # Attendance: the panel, listed when the meeting was made, and guests added here.
        self.attendance = ItemTable(
            editor,
            "attendee",
            [
                Column("name", "Name", stretch=True),
                Column("role", "Role or agency", stretch=True),
                Column("attendance", "Attendance", choices=ATTENDANCE),
            ],
            "guest",
            {"name": "New guest", "role": "Guest", "attendance": "expected"},
        )
        self.attendance.add_button.setToolTip(
            "Someone not on the panel: a family member, a practitioner, an adviser"
        )
        self.attendees = self.attendance.table
        self.attendees.setObjectName("attendance_table")
        self.attendees.setAccessibleName("Attendance")

        self.agenda = ItemTable(
            editor,
            "agenda_item",
            [Column("title", "Agenda item", stretch=True), Column("minutes", "Minutes")],
            "agenda item",
            {"title": "New item", "minutes": 10},
        )
        self.agenda.table.setAccessibleName("Agenda")
        self.about_button = QPushButton("Add item about…")
        self.about_button.setObjectName("add_item_about")
        self.about_menu = QMenu(self.about_button)
        self.about_menu.aboutToShow.connect(self._fill_about_menu)
        self.about_button.setMenu(self.about_menu)
        self.tasks_to_agenda = QPushButton("Add open panel tasks")
        self.tasks_to_agenda.setObjectName("add_open_tasks")
        self.tasks_to_agenda.clicked.connect(self.add_open_tasks)
        agenda_page = QWidget()
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.addWidget(self.agenda, 1)
        agenda_buttons = QHBoxLayout()
        agenda_buttons.addWidget(self.about_button)
        agenda_buttons.addWidget(self.tasks_to_agenda)
        agenda_buttons.addStretch(1)
        agenda_layout.addLayout(agenda_buttons)

        self.panel_tasks = PanelTasks(editor)
        self.tasks = self.panel_tasks.table
        self.done_button = self.panel_tasks.done_button

        # Agenda, attendance and tasks each get the whole height, one page at a time.
        self.pages = QTabWidget()
        self.pages.setObjectName("meeting_pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(agenda_page, "Agenda")
        self.pages.addTab(self.attendance, "Attendance")
        self.pages.addTab(self.panel_tasks, "Panel tasks (all meetings)")
        meeting = QWidget()
        meeting_layout = QVBoxLayout(meeting)
        meeting_layout.setContentsMargins(0, 0, 0, 0)
        meeting_layout.addLayout(details)
        meeting_layout.addWidget(self.pages, 1)
        self.meeting_panel = meeting

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(meeting)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setCollapsible(0, False)
        splitter.setSizes([300, 900])  # room for the meeting's kind next to its date
        # Where there is room (a laptop, a monitor) the list takes what shows every column
        # whole; on a projector it keeps its narrower share. A width the user drags to stays.
        self.splitter = splitter
        self._list_wanted = 0
        self._list_dragged = False
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_list_dragged", True))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # Tab follows the details as laid out: when, where, what, then the big button.
        chain = [self.held_on, self.time, self.place, self.kind, self.status, self.run_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    # Loading -------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit_list()

    def _fit_list(self) -> None:
        """The meetings list as wide as its columns want, as far as the meeting beside it can
        spare; never narrower than its minimum."""
        if self._list_dragged or not self._list_wanted:
            return
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total <= 0:
            return
        spare = total - self.meeting_panel.minimumSizeHint().width()
        width = max(self.meetings_pane.minimumWidth(), min(self._list_wanted, spare))
        if width != sizes[0]:
            self.splitter.setSizes([width, total - width])
            self._list_dragged = False  # moved here, not by the user

    def show_review(self, review: ReviewDetail, findings: list) -> None:
        self.review = review
        self.findings = findings
        ctx = self.editor.ctx
        current = self.selected_meeting_id()
        meetings = list_meetings(ctx, review.id)
        self.meetings.blockSignals(True)
        sorting = self.meetings.isSortingEnabled()
        self.meetings.setSortingEnabled(False)  # rows stay put while they are filled
        self.meetings.setRowCount(len(meetings))
        for row, m in enumerate(meetings):
            for col, (text, key) in enumerate(
                [
                    (str(m.number), m.number),
                    (format_date(m.held_on), m.held_on.isoformat()),
                    (m.kind_label, None),
                    (MEETING_STATUSES.get(m.status, m.status), None),
                ]
            ):
                cell = _cell(text, m.id, key)
                if col == MEETING_KIND_COLUMN:
                    cell.setToolTip(text)
                self.meetings.setItem(row, col, cell)
        self.meetings.setSortingEnabled(sorting)
        self.meetings.blockSignals(False)
        # The list shows every column of every meeting: its pane is never narrower.
        header = self.meetings.horizontalHeader()
        needed = sum(
            max(self.meetings.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(self.meetings.columnCount())
        )
        # ... up to a cap, so that the meeting beside it still fits a projector's 1024 pixels
        # (the list then scrolls sideways).
        cap = self.fontMetrics().horizontalAdvance("M") * MEETINGS_PANE_EM
        self._list_wanted = needed + self.meetings.verticalScrollBar().sizeHint().width() + 28
        self.meetings_pane.setMinimumWidth(min(cap, self._list_wanted))
        self._fit_list()
        ids = [m.id for m in meetings]
        if current in ids:
            self._select_meeting(current)
        elif meetings:
            # The next meeting to come, else the last one held.
            upcoming = [m for m in meetings if m.held_on >= ctx.today()]
            self._select_meeting((upcoming[0] if upcoming else meetings[-1]).id)
        self._show_meeting()
        self._show_tasks()

    def selected_meeting_id(self) -> int | None:
        rows = self.meetings.selectionModel().selectedRows()
        return self.meetings.item(rows[0].row(), 0).data(IdRole) if rows else None

    def _select_meeting(self, meeting_id: int) -> None:
        self.meetings.blockSignals(True)
        for row in range(self.meetings.rowCount()):
            if self.meetings.item(row, 0).data(IdRole) == meeting_id:
                self.meetings.selectRow(row)
        self.meetings.blockSignals(False)

    def _meeting_chosen(self) -> None:
        self._show_meeting()

    def _show_meeting(self) -> None:
        meeting_id = self.selected_meeting_id()
        self.detail = None
        if meeting_id is not None:
            try:
                self.detail = meeting_detail(self.editor.ctx, meeting_id)
            except UserError:
                self.detail = None
        self.meeting_panel.setEnabled(self.detail is not None)
        if self.detail is None:
            self.attendance.show_items(None, [])
            self.agenda.show_items(None, [])
            self._update_buttons()
            return
        m = self.detail.meeting
        self.held_on.set_saved(m.held_on)
        self.time.set_saved(m.time)
        self.place.set_saved(m.place)
        self.kind.setCurrentIndex(max(0, self.kind.findData(m.kind)))
        self.status.setCurrentIndex(max(0, self.status.findData(m.status)))
        self.attendance.show_items(m.id, list(self.detail.attendees))
        self.agenda.show_items(m.id, list(self.detail.items))
        self.pages.setTabText(0, f"Agenda ({len(self.detail.items)})")
        self.pages.setTabText(1, f"Attendance ({len(self.detail.attendees)})")
        self._update_buttons()

    def _show_tasks(self) -> None:
        if self.review is not None:
            self.panel_tasks.show_review(self.review.id)
            self.pages.setTabText(2, f"Panel tasks ({self.tasks.rowCount()})")
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.editor.readonly
        has_meeting = self.detail is not None
        self.new_button.setEnabled(writable and self.review is not None)
        self.run_button.setEnabled(has_meeting)
        self.about_button.setEnabled(writable and has_meeting)
        self.tasks_to_agenda.setEnabled(writable and has_meeting)

    # Editing -------------------------------------------------------------------------------
    def new_meeting(self) -> None:
        if self.review is None:
            return
        dialog = NewMeetingDialog(self.editor.ctx.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        meeting_id = self.editor.run(
            _create_meeting, self.review.id, dialog.values(), kind="meeting"
        )
        if meeting_id is not None and self.review is not None:
            self.show_review(self.review, self.findings)
            self._select_meeting(meeting_id)
            self._show_meeting()

    def _edit_meeting(self, field: str, value) -> None:
        if self.detail is not None:
            meeting = self.detail.meeting
            self.editor.edit("meeting", meeting.id, {field: value}, "Edit meeting", shown=meeting)

    def _add_agenda_item(self, values: dict) -> None:
        if self.detail is None:
            return
        values = {"minutes": 10, **values}
        item_id = self.editor.add_item(
            "agenda_item", self.detail.meeting.id, values, "Add agenda item"
        )
        if item_id is not None:
            self.agenda.select_id(item_id)

    def _fill_about_menu(self) -> None:
        menu = self.about_menu
        menu.clear()
        if self.review is None:
            return
        ctx, review_id = self.editor.ctx, self.review.id
        imrs = menu.addMenu("An IMR")
        for imr in self.review.imrs:
            imrs.addAction(
                f"{imr.agency} ({imr.status_label})",
                lambda i=imr: self._add_agenda_item(
                    {"title": f"IMR of {i.agency}", "ref_kind": "imr", "ref_id": i.imr_id}
                ),
            )
        findings = menu.addMenu("A finding")
        for finding in self.findings:
            findings.addAction(
                f"{finding.number}. {finding.title}",
                lambda f=finding: self._add_agenda_item(
                    {"title": f.title, "ref_kind": "finding", "ref_id": f.id}
                ),
            )
        recs = menu.addMenu("A recommendation")
        for rec in list_recommendations(ctx, review_id):
            short = rec.text if len(rec.text) <= 70 else rec.text[:69] + "…"
            recs.addAction(
                f"{rec.number}. {short}",
                lambda r=rec: self._add_agenda_item(
                    {
                        "title": f"Recommendation {r.number}",
                        "ref_kind": "recommendation",
                        "ref_id": r.id,
                    }
                ),
            )
        episodes = menu.addMenu("A key practice episode")
        for episode in list_episodes(ctx, review_id):
            episodes.addAction(
                episode.title,
                lambda e=episode: self._add_agenda_item(
                    {"title": e.title, "ref_kind": "episode", "ref_id": e.id}
                ),
            )
        for sub in (imrs, findings, recs, episodes):
            sub.setEnabled(not sub.isEmpty())
        menu.addAction("A chronology date range…", self.add_chronology_item)

    def add_chronology_item(self) -> None:
        dialog = DateRangeDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = dialog.date_from.value(), dialog.date_to.value()
        span = " to ".join(f"{d:%d/%m/%Y}" for d in (start, end) if d) or "all dates"
        self._add_agenda_item(
            {
                "title": f"Chronology: {span}",
                "ref_kind": "chronology",
                "ref_from": start,
                "ref_to": end,
            }
        )

    def add_open_tasks(self) -> None:
        """Every open panel task not already on this meeting's agenda, one item each."""
        if self.detail is None or self.review is None:
            return
        on_agenda = {i.ref_id for i in self.detail.items if i.ref_kind == "task"}
        ids = [
            t.id
            for t in list_tasks(self.editor.ctx, self.review.id, open_only=True)
            if t.id not in on_agenda
        ]
        if not ids:
            self.editor.failed.emit("There are no open panel tasks to add.")
            return
        self.editor.run(add_tasks_to_agenda, self.detail.meeting.id, ids, kind="agenda_item")

    def mark_done(self) -> None:
        self.panel_tasks.mark_done()

    def run_meeting(self) -> MeetingRunner | None:
        if self.detail is None:
            return None
        if self.runner is not None:
            self.runner.close()
        meeting = self.detail.meeting
        if meeting.status == "planned" and not self.editor.readonly:
            # Running it is what makes it held; the panel can still set it back.
            self.editor.edit(
                "meeting", meeting.id, {"status": "held"}, "Meeting held", shown=meeting
            )
        self.runner = MeetingRunner(self.editor, meeting.id)
        self.runner.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.runner.show()
        self.runner.raise_()
        self.runner.activateWindow()
        return self.runner
