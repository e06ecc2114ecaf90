"""Importing an agency chronology: see what ReviewDesk decided (sheet, header row, which column
went where and why, date order, rows left out), change any of it, then import."""

from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.agency_names import agency_key
from app.chronology.importer import (
    ImportPlan,
    ImportResult,
    cell_text,
    commit_imports,
    plan_imports,
)
from app.chronology.reading import (
    ImportRefused,
    list_sheets,
    read_tables,
    sheets_holding_chronology,
)
from app.chronology.types import MAPPABLE_FIELDS
from app.errors import UserError
from app.wording import plural, possessive
from ui.editing import Editor
from ui.import_choices import (
    SheetChoice,
    confirm_replacement,
    entry_count,
    for_window,
    guess_agency,
    import_summary,
    total_result,
)
from ui.screen import fit_to_screen
from ui.splitters import KeyboardSplitter
from ui.tasks import Job, JobBridge
from ui.theme import danger_colour, muted_colour, scaled_font

NOT_MAPPED = "(not in this file)"
# Words a keyboard can reach and select as well as a mouse (read by a screen reader).
_READABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)
# The fields that matter most first, so they show without scrolling.
FIELD_ORDER = ("date", "event", "outcome", "practitioner", "role", "event_type", "time",
               "significance", "source", "subjects", "recorded", "end_date")  # fmt: skip
PREVIEW_ROWS = 12
SHOWN_SHEETS = "A column chosen here is used on every ticked sheet headed the same."
SHOWN_AGENCIES = "Each agency's rows are shown on their own; a column chosen here is used for all."
# The stages of a reading, as the reading job names them (see replan).
LOOKING, SHEETS, FILE = "looking", "sheets", "file"
READING_NOTE = (
    "Nothing is imported until you press Import. Cancel (Esc) stops the reading and closes "
    "this window."
)
SHOWN_IN_TABLE = (
    2000  # rows listed in a table of rows left out, flagged or joined (all in the report)
)
DATE_ORDERS = (
    ("Decide from the file's dates", None),
    ("Day first: 03/04/2016 is 3 April (UK)", "dmy"),
    ("Month first: 03/04/2016 is March 4 (US)", "mdy"),
)


class ImportDialog(QDialog):
    def __init__(
        self, editor: Editor, review_id: int, agencies: list[str], path: Path, parent=None
    ):
        super().__init__(parent)
        self.editor = editor
        self.review_id = review_id
        self.path = path
        self.plans: list[ImportPlan] = []
        self.result: ImportResult | None = None
        self.results: list[ImportResult] = []
        self._mapping_override: dict | None = None
        self._planned_for = ""  # the agency chosen when the plans were made
        self._planned_header = 0  # and the header row (0: found by ReviewDesk)
        self._shown_once = False  # a plan or a refusal has been shown
        self._updating = False
        self._reading: Job | None = None  # the file being read and planned, if it is
        self._sheets_listed = False  # a workbook's sheets are listed by the first reading
        self._closed = False  # Cancelled or imported: nothing more is read
        self._import_when_read = False  # Return pressed in a field that reads the file again
        # What the file's reading gave, for planning again with other columns, dates or agency
        # without reading it again: ((sheets, header row, file's size and time), tables).
        self._read: tuple[tuple, list] | None = None
        # A column stepped to by the arrow keys is planned once the stepping pauses.
        self._column_pause = QTimer(self)
        self._column_pause.setSingleShot(True)
        self._column_pause.setInterval(450)
        self._column_pause.timeout.connect(self._mapping_changed)
        self.setWindowTitle(f"Import chronology: {path.name}")
        self._build_choices(agencies)
        self._build_columns()
        self._build_report()
        # Until the file is read: no empty box of columns to join, no choices of no columns.
        self._fit_parts()
        for combo in self.mapping_combos.values():
            combo.setEnabled(False)
        fit_to_screen(self, QSize(1180, 780))  # the buttons stay on a 720-pixel screen
        self.replan()

    @property
    def plan(self) -> ImportPlan | None:
        return self.plans[0] if self.plans else None

    def is_reading(self) -> bool:
        """Whether the file is still being read and planned (Import waits for it)."""
        return self._reading is not None

    # Building ----------------------------------------------------------------------------
    def _build_choices(self, agencies: list[str]) -> None:
        self.agency = QComboBox()
        self.agency.setObjectName("import_agency")
        self.agency.setAccessibleName("Agency")
        self.agency.setEditable(True)
        self.agency.addItems(agencies)
        self.agency.setEditText(guess_agency(self.path, agencies))
        self.agency.lineEdit().setPlaceholderText("Which agency sent this file?")
        # Return in the agency (or the header row) plans again and imports, as the dialog's
        # default button: the import waits for the new plan, read off the window's thread.
        self.agency.lineEdit().returnPressed.connect(self._import_once_read)
        self.agency.lineEdit().editingFinished.connect(self._agency_changed)
        self.agency.activated.connect(lambda _i: self._agency_changed())
        # A workbook's sheets are listed off the window's thread, by the first reading.
        self.sheets = SheetChoice([], [])
        self.sheets.setEnabled(False)
        self.sheets.ticked_changed.connect(self._sheets_ticked)
        self._chosen_sheets: list[str] | None = None  # None: the sheets ReviewDesk chose
        self.header_row = QSpinBox()
        self.header_row.setObjectName("import_header_row")
        self.header_row.setAccessibleName("Header row")
        self.header_row.setRange(0, 200)
        self.header_row.setSpecialValueText("found by ReviewDesk")
        self.header_row.setToolTip("The row of the sheet naming the columns")
        self.header_row.lineEdit().returnPressed.connect(self._import_once_read)
        self.header_row.editingFinished.connect(self._header_row_changed)
        self.date_order = QComboBox()
        self.date_order.setObjectName("import_date_order")
        self.date_order.setAccessibleName("Date order")
        for label, value in DATE_ORDERS:
            self.date_order.addItem(label, value)
        self.date_order.activated.connect(lambda _i: self.replan())
        self.date_reason = QLabel()
        self.date_reason.setObjectName("import_date_reason")
        self.date_reason.setWordWrap(True)
        self.date_reason.hide()  # until a plan says how its dates are read (no empty line)
        self.agency.setMinimumWidth(320)
        self.sheets.setMinimumWidth(320)
        self.header_row.setMinimumWidth(260)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for row, column, label, widget in (
            (0, 0, "&Agency", self.agency),
            (1, 0, "&Header row", self.header_row),
            (2, 0, "&Dates", self.date_order),
            (0, 2, "&Sheets", self.sheets),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, column + 1, 3 if widget is self.sheets else 1, 1)
            if widget is self.sheets:  # shown once the workbook has more than one sheet
                self.sheets_caption = caption
                caption.hide()
                widget.hide()
        grid.addWidget(self.date_reason, 3, 1, 1, 4)
        # A chronology merged across agencies: each row to the agency its column names.
        self.by_agency = QCheckBox()
        self.by_agency.setObjectName("import_by_agency")
        self.by_agency.setChecked(True)
        self.by_agency.setToolTip(
            "Unticked, every row is imported for the agency chosen above, and the column is "
            "kept with each entry as imported."
        )
        self.by_agency.toggled.connect(lambda _on: self.replan())
        self.by_agency.hide()
        grid.addWidget(self.by_agency, 4, 1, 1, 4)
        # Rows hidden in the workbook (by a filter, by hand): imported unless unticked.
        self.hidden_choice = QCheckBox()
        self.hidden_choice.setObjectName("import_hidden_rows")
        self.hidden_choice.setChecked(True)
        self.hidden_choice.setToolTip(
            "Hidden rows are still part of what the agency sent. Untick to leave them out: "
            "they are then listed under Rows left out."
        )
        self.hidden_choice.toggled.connect(lambda _on: self.replan())
        self.hidden_choice.hide()
        grid.addWidget(self.hidden_choice, 5, 1, 1, 4)
        grid.setColumnStretch(4, 1)
        self.choices = grid

    def _build_columns(self) -> None:
        self.mapping = QTableWidget(len(FIELD_ORDER), 2)
        self.mapping.setObjectName("import_mapping")
        self.mapping.setAccessibleName("Which column holds each field")
        self.mapping.setHorizontalHeaderLabels(["ReviewDesk field", "Column in the file"])
        self.mapping.verticalHeader().hide()
        self.mapping.verticalHeader().setDefaultSectionSize(28)
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_combos: dict[str, QComboBox] = {}
        for row, field in enumerate(FIELD_ORDER):
            label = MAPPABLE_FIELDS[field]
            self.mapping.setItem(row, 0, QTableWidgetItem(label))
            combo = QComboBox()
            combo.setObjectName(f"map_{field}")
            combo.setAccessibleName(f"Column for {label}")
            combo.activated.connect(lambda _i, c=combo: self._column_chosen(c))
            self.mapping.setCellWidget(row, 1, combo)
            self.mapping_combos[field] = combo
        self.parts = QListWidget()
        self.parts.setObjectName("import_event_parts")
        self.parts.setAccessibleName("Columns joined into the event")
        self.parts.itemChanged.connect(lambda _item: self._mapping_changed())
        self.parts_label = QLabel("Also join into the &event, each under its heading:")
        self.parts_label.setBuddy(self.parts)
        self.parts_label.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.mapping, 1)
        column.addWidget(self.parts_label)
        column.addWidget(self.parts)
        self.mapping_box = mapping_box = QGroupBox("&Columns")
        QVBoxLayout(mapping_box).addWidget(left)

        self.preview = QTableWidget()
        self.preview.setObjectName("import_preview")
        self.preview.setAccessibleName("The first rows of the file")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview_pages = QStackedWidget()
        self.preview_pages.setObjectName("import_preview_pages")
        self.preview_pages.addWidget(self.preview)
        self.preview_pages.addWidget(self._build_reading_panel())
        self.preview_pages.addWidget(self._build_refusal_panel())
        preview_box = QGroupBox("The file (first &rows, as they will be read)")
        QVBoxLayout(preview_box).addWidget(self.preview_pages)
        self.splitter = KeyboardSplitter(
            Qt.Orientation.Horizontal, "Divider between the columns and the first rows"
        )
        self.splitter.setObjectName("import_columns_splitter")
        self.splitter.addWidget(mapping_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setSizes([420, 720])
        # With several sheets ticked: which one the columns and the first rows show.
        self.shown_sheet = QComboBox()
        self.shown_sheet.setObjectName("import_shown_sheet")
        self.shown_sheet.setAccessibleName("Sheet shown in the columns and first rows")
        self.shown_sheet.activated.connect(lambda _i: self._show_plans(self._agency_text()))
        shown_caption = QLabel("Sheet sh&own")
        shown_caption.setBuddy(self.shown_sheet)
        self.shown_note = shown_note = QLabel(SHOWN_SHEETS)
        shown_note.setWordWrap(True)
        self.shown_row = QWidget()
        row = QHBoxLayout(self.shown_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(shown_caption)
        row.addWidget(self.shown_sheet)
        row.addWidget(shown_note, 1)
        self.shown_row.hide()
        self.columns_area = QWidget()
        area = QVBoxLayout(self.columns_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.addWidget(self.shown_row)
        area.addWidget(self.splitter, 1)

    def _build_reading_panel(self) -> QWidget:
        """Where the first rows will be, while the file is read: which file, how far the
        reading is (the sheet or page being read), and that Cancel stops it."""
        self.reading_row = panel = QWidget()
        panel.setObjectName("import_reading_panel")
        column = QVBoxLayout(panel)
        column.addStretch(1)
        self.reading_title = QLabel(f"Reading {self.path.name}…")
        self.reading_title.setObjectName("import_reading_title")
        self.reading_title.setFont(scaled_font(self.font(), 1.3, bold=True))
        # How far the reading is ("Reading page 12 of 30…", "Reading sheet 2 of 3…").
        self.reading_words = QLabel()
        self.reading_words.setObjectName("import_reading")
        self.reading_bar = QProgressBar()
        self.reading_bar.setAccessibleName("Reading the file")
        self.reading_bar.setTextVisible(False)
        self.reading_bar.setMaximumWidth(420)
        self.reading_bar.setRange(0, 0)
        note = QLabel(READING_NOTE)
        note.setObjectName("import_reading_note")
        muted = note.palette()
        muted.setColor(note.foregroundRole(), muted_colour())
        note.setPalette(muted)
        for label in (self.reading_title, self.reading_words, note):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            column.addWidget(label)
        column.insertSpacing(column.indexOf(note), 6)
        column.insertWidget(column.indexOf(note), self.reading_bar, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(2)
        return panel

    def _build_refusal_panel(self) -> QWidget:
        """Where the first rows would be, when the file cannot be imported as it is: why, in
        words the size of a heading, and what to do."""
        panel = QWidget()
        panel.setObjectName("import_refusal_panel")
        column = QVBoxLayout(panel)
        column.addStretch(1)
        self.refusal_title = QLabel()
        self.refusal_title.setObjectName("import_refusal_title")
        self.refusal_title.setFont(scaled_font(self.font(), 1.3, bold=True))
        self.refusal_words = QLabel()
        self.refusal_words.setObjectName("import_refusal")
        self.refusal_words.setTextInteractionFlags(_READABLE)
        self.refusal_words.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.refusal_words.setAccessibleName("Why the file cannot be imported")
        for label in (self.refusal_title, self.refusal_words):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addStretch(2)
        return panel

    def _row_table(self, name: str, headings: list[str], share: float = 0.5) -> QTableWidget:
        """A table of rows left out, flagged or joined: sheet, row, why, what it held (the
        reason given ``share`` of the width, the rest to what the row held)."""
        table = _RowTable(0, len(headings), share)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headings)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table

    def _build_report(self) -> None:
        # The summary and what stops the import are reached by Tab and read by a screen reader,
        # like the report (their words can be selected and copied too).
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setAccessibleName("What the import will do, in short")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(_READABLE)
        self.problems = QLabel()
        self.problems.setObjectName("import_problems")
        self.problems.setAccessibleName("What stops the import")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(_READABLE)
        for label in (self.summary, self.problems):
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        palette = self.problems.palette()
        palette.setColor(self.problems.foregroundRole(), danger_colour())
        self.problems.setPalette(palette)
        self.report = QPlainTextEdit()
        self.report.setObjectName("import_report")
        self.report.setAccessibleName("What the import will do")
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(
            "What ReviewDesk decides is written here once it has read the file."
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        # The rows not imported as entries of their own, each with why: a table each, so a
        # long list reads row by row (and is copied with Ctrl+C), beside the whole report.
        self.left_out_table = self._row_table(
            "import_left_out", ["Sheet", "Row", "Why it is left out", "What the row held"], 0.4
        )
        self.left_out_table.setAccessibleName("Rows left out, and why")
        self.flagged_table = self._row_table(
            "import_flagged", ["Sheet", "Row", "Why it is flagged", "Event"], 0.6
        )
        self.flagged_table.setAccessibleName("Rows flagged for checking, and why")
        self.joined_table = self._row_table("import_joined", ["Sheet", "Row", "What happens to it"])
        self.joined_table.setAccessibleName("Undated rows joined to the entry above")
        self.report_tabs = QTabWidget()
        self.report_tabs.setObjectName("import_report_tabs")
        self.report_tabs.addTab(self.report, "&What ReviewDesk decided")
        self.report_tabs.addTab(self.left_out_table, "Rows &left out")
        self.report_tabs.addTab(self.flagged_table, "&Flagged for checking")
        self.report_tabs.addTab(self.joined_table, "&Joined to the entry above")
        for index in (1, 2, 3):
            self.report_tabs.setTabVisible(index, False)
        vertical = KeyboardSplitter(
            Qt.Orientation.Vertical, "Divider between the columns and what ReviewDesk decided"
        )
        vertical.setObjectName("import_splitter")
        vertical.addWidget(self.columns_area)
        vertical.addWidget(self.report_tabs)
        vertical.setStretchFactor(0, 5)
        vertical.setStretchFactor(1, 3)
        vertical.setSizes([450, 230])
        # Once the divider is moved (by the mouse or the keys) the share is the user's.
        self._divider_moved = False
        vertical.splitterMoved.connect(self._divider_was_moved)
        self.vertical = vertical
        # The dividers in the tab order where they are: between the columns and the first
        # rows, and under the first rows.
        side, under = self.splitter.handle(1), vertical.handle(1)
        side.setObjectName("import_columns_divider")
        under.setObjectName("import_divider")
        QWidget.setTabOrder(self.parts, side)
        QWidget.setTabOrder(side, self.preview)
        QWidget.setTabOrder(self.preview, under)
        # Under the report: the summary, what stops the import, then the buttons.
        QWidget.setTabOrder(self.report, self.summary)
        QWidget.setTabOrder(self.summary, self.problems)
        QWidget.setTabOrder(self.problems, self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.choices)
        layout.addWidget(vertical, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    def _divider_was_moved(self, _position: int, _index: int) -> None:
        self._divider_moved = True

    def _share_the_height(self) -> None:
        """Give the rows left out, flagged and joined room for five rows or so under their
        tabs (at a large font on a laptop the columns would otherwise take nearly all of it),
        never more than half the height; once the divider is moved, it stays where it is put."""
        if self._divider_moved:
            return
        sizes = self.vertical.sizes()
        total = sum(sizes)
        if total <= 0:
            return
        table = self.left_out_table
        # A row is a line of text tall (the tables fit their rows to what they hold).
        row = table.fontMetrics().lineSpacing() + 8
        wanted = (
            self.report_tabs.tabBar().sizeHint().height()
            + table.horizontalHeader().sizeHint().height()
            + 5 * row
            + 4 * table.frameWidth()
            + 12
        )
        report = min(max(wanted, total * 7 // 20), total // 2)
        if abs(sizes[1] - report) > 2:
            self.vertical.setSizes([total - report, report])

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._share_the_height()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._share_the_height()

    # Planning ----------------------------------------------------------------------------
    def _agency_changed(self) -> None:
        if self.agency.currentText().strip() == self._planned_for and (
            self.plans or self.is_reading()
        ):
            return  # the focus left the agency unchanged: nothing to read again
        self._mapping_override = None  # each agency has its own remembered mapping
        self.replan()

    def _header_row_changed(self) -> None:
        """The header row typed or stepped; the focus only passing through reads nothing."""
        if self.header_row.value() != self._planned_header:
            self._layout_changed()

    def _layout_changed(self) -> None:
        self._mapping_override = None  # other headings: decide the columns again
        self.replan()

    def _sheets_ticked(self) -> None:
        self._chosen_sheets = self.sheets.ticked()
        self._layout_changed()

    def _column_chosen(self, combo: QComboBox) -> None:
        """A column chosen from the list is planned at once; one stepped to by the arrow keys
        (the list closed) once the stepping pauses, so stepping through the headings reads and
        plans nothing on the way."""
        if self._updating:
            return
        if combo.view().isVisible():
            self._column_pause.stop()
            self._mapping_changed()
            return
        self._stop_reading()  # a plan of a heading stepped past would undo the step shown
        self._column_pause.start()

    def _mapping_changed(self) -> None:
        self._column_pause.stop()
        if self._updating:
            return
        # A field set to "(not in this file)" is given as none, so it is not guessed again.
        override: dict = {
            field: "" if combo.currentText() == NOT_MAPPED else combo.currentText()
            for field, combo in self.mapping_combos.items()
            if combo.currentText()
        }
        joined = [
            self.parts.item(i).text()
            for i in range(self.parts.count())
            if self.parts.item(i).checkState() == Qt.CheckState.Checked
            and self.parts.item(i).text() != override.get("event")
        ]
        if override.get("event"):
            override["event"] = [override["event"], *joined]
        self._mapping_override = override
        self.replan()

    def replan(self) -> None:
        """Read and plan the file again with the choices made, off the window's thread (a long
        PDF takes seconds): the dialog says how far the reading is, and Import waits for it."""
        self._stop_reading()
        if self._closed:  # (the focus leaving the agency as the dialog closes)
            return
        agency = self.agency.currentText().strip()
        self.plans = []
        if self._chosen_sheets == []:
            self._show_refusal("Tick the sheets to import.")
            return
        self._planned_for = agency
        self._planned_header = self.header_row.value()
        self.import_button.setEnabled(False)
        ctx, review_id, path = self.editor.ctx, self.review_id, self.path
        options = {
            "sheets": self._chosen_sheets,
            "mapping": self._mapping_override,
            "header_row": self.header_row.value() or None,
            "date_order": self.date_order.currentData(),
            "by_agency": self.by_agency.isChecked(),
            "leave_out_hidden": not self.hidden_choice.isChecked(),
        }

        list_them = not self._sheets_listed
        has_sheets = self.sheets.count() > 0
        key = (tuple(self._chosen_sheets or ()), options["header_row"], _file_stamp(path))
        known = self._read[1] if self._read is not None and self._read[0] == key else None

        def work(progress):
            listed = None
            if list_them:
                progress(0, 0, LOOKING)
                listed = _list_sheets(path, progress)
            # Cancelled while the sheets were listed: the planning never starts.
            progress(0, 0, SHEETS if (listed[0] if listed else has_sheets) else FILE)
            name = agency or "(agency)"
            tables = known
            try:
                if tables is None:
                    tables = read_tables(
                        path, options["sheets"], header_row=options["header_row"],
                        progress=progress,
                    )  # fmt: skip
                plans = plan_imports(
                    ctx, review_id, name, path, progress=progress, tables=tables, **options
                )
            except UserError as exc:  # said as it is; the sheets listed still offered
                return listed, str(exc), None
            return listed, plans, (key, tables)

        def explain(_details: str) -> str:
            return (
                f"ReviewDesk could not read {path.name}: something in it is not as ReviewDesk "
                "expects, and nothing was imported. Ask the agency for the chronology as a "
                "spreadsheet, or save the file again and import that copy."
            )

        # Only reads: a window closing never waits for it (see ui.tasks.close_after_jobs).
        reading = self._reading = Job(work, explain, reads_only=True)
        JobBridge(
            self,
            reading,
            lambda result: self._planned(reading, result),
            lambda message: self._refused(reading, message),
            self._read_part,
            self._read_stage,
        )
        self._stage = LOOKING if list_them else FILE
        self.reading_words.setText("Opening the file…")
        self.reading_bar.setRange(0, 0)  # busy until the sheets or pages are counted
        if self._shown_once:
            # Read again (another header row, sheet, column): the plan shown stays a moment,
            # so a file read in a blink shows no progress at all; a longer one does.
            QTimer.singleShot(250, lambda: self._show_reading(reading))
        else:  # nothing shown yet: say at once what is happening, not an empty table
            self._show_reading(reading)
        self.setCursor(Qt.CursorShape.BusyCursor)
        reading.start()

    def _show_reading(self, reading: Job | None) -> None:
        if reading is not None and reading is self._reading:
            self.summary.hide()
            self.preview_pages.setCurrentWidget(self.reading_row)

    def _read_stage(self, stage: str) -> None:
        """The reading has reached ``stage``: say it until it is counted."""
        self._stage = stage
        self.reading_bar.setRange(0, 0)
        self.reading_words.setText(
            {
                LOOKING: "Looking through its sheets for the chronology…",
                SHEETS: "Reading the chronology…",
            }.get(stage, "Reading the rows…")
        )

    def _read_part(self, done: int, total: int) -> None:
        """How far the reading is: the sheet (of a workbook) or the page (of a PDF)."""
        if self._stage == LOOKING:
            words = f"Looking through its sheets for the chronology: sheet {done} of {total}…"
        elif self._stage == SHEETS:
            words = f"Reading sheet {done} of {total}…"
        else:
            words = f"Reading page {done} of {total}…"
        self.reading_words.setText(words)
        self.reading_bar.setRange(0, total)
        self.reading_bar.setValue(done - 1)
        self._show_reading(self._reading)

    def _reading_over(self) -> None:
        self._reading = None
        if self.preview_pages.currentWidget() is self.reading_row:
            self.preview_pages.setCurrentWidget(self.preview)
        self.summary.show()
        self.unsetCursor()

    def _planned(self, reading: Job, result) -> None:
        if reading is not self._reading:
            return
        listed, plans, read = result
        if read is not None:
            self._read = read
        if listed is not None:
            self._show_sheets(*listed)
        if isinstance(plans, str):  # the file refused: another sheet or header row may do
            self._refused(reading, plans)
            return
        self._reading_over()
        self.plans = plans
        self._show_plans(self._planned_for)
        if self._import_when_read:
            self._import_when_read = False
            if self.import_button.isEnabled():
                self.do_import()

    def _import_once_read(self) -> None:
        self._import_when_read = True

    def _show_sheets(self, sheets: list[str], holding: list[str]) -> None:
        """The workbook's sheets, listed by the first reading: a choice when there are two or
        more."""
        self._sheets_listed = True
        self.sheets.set_sheets(sheets, holding)
        several = len(sheets) > 1
        self.sheets.setEnabled(several)
        self.sheets.setVisible(several)
        self.sheets_caption.setVisible(several)

    def _refused(self, reading: Job, message: str) -> None:
        if reading is not self._reading:
            return
        first = not self._shown_once
        self._reading_over()
        self._import_when_read = False
        self._show_refusal(message, f"{self.path.name} cannot be imported as it is")
        if first and self.isVisible():
            # The file itself refused as the window opens: the focus goes to why, so that a
            # screen reader says it (a refusal after a change leaves the focus where it was).
            self.refusal_words.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stop_reading(self) -> None:
        """Stop the reading under way, if any: it ends at its next page, and what it found is
        dropped (reading writes nothing, so the store is as it was)."""
        if self._reading is not None:
            self._reading.stop()
            self._reading_over()

    def done(self, result: int) -> None:
        self._closed = True
        self._stop_reading()  # Cancel, Esc or the window's close stop the reading too
        super().done(result)

    def _show_refusal(self, message: str, title: str = "Nothing to import yet") -> None:
        """Why nothing can be imported, where the first rows would be (the sheets, header
        row and dates above can still be changed)."""
        self.problems.setText(message)
        self.problems.setVisible(False)  # said in the middle of the window, not at its foot
        self.refusal_title.setText(title)
        self.refusal_words.setText(for_window(message))
        self.preview_pages.setCurrentIndex(2)
        self._shown_once = True
        self.summary.setText("")
        self.report.clear()
        self.report.setPlaceholderText("Nothing is imported from this file: why is said above.")
        self._fill_row_tables()
        self.date_reason.hide()
        self.import_button.setEnabled(False)
        for combo in self.mapping_combos.values():
            combo.clear()
            combo.setEnabled(False)
        # A file with no columns to choose from: no choices of nothing beside why, which has
        # the width of the window (the sheets, header row and dates above can still change).
        self.mapping_box.hide()

    def _agency_text(self) -> str:
        return self.agency.currentText().strip()

    def _shown_plan(self) -> ImportPlan:
        """The plan of the sheet chosen to be shown (the first when only one is ticked)."""
        sheets = [_shown_label(p) for p in self.plans]
        shown = self.shown_sheet.currentText()
        if [self.shown_sheet.itemText(i) for i in range(self.shown_sheet.count())] != sheets:
            self.shown_sheet.clear()
            self.shown_sheet.addItems(sheets)
            if shown in sheets:
                self.shown_sheet.setCurrentIndex(sheets.index(shown))
        self.shown_row.setVisible(len(self.plans) > 1)
        return self.plans[max(self.shown_sheet.currentIndex(), 0)]

    def _fit_parts(self) -> None:
        """The columns to join are as tall as they are (four at most, then they scroll), and
        not there at all when every column is used: the fields above keep the height, so a
        laptop's short window still shows more than two of them."""
        count = self.parts.count()
        self.parts_label.setVisible(count > 0)
        self.parts.setVisible(count > 0)
        if count:
            rows = min(count, 4)
            self.parts.setFixedHeight(
                rows * max(self.parts.sizeHintForRow(0), 1) + 2 * self.parts.frameWidth() + 2
            )

    def _show_plans(self, agency: str) -> None:
        plan = self._shown_plan()
        self.sheets.set_ticked(list(dict.fromkeys(p.table.sheet for p in self.plans)))
        split = next((p for p in self.plans if p.agency_column is not None), None)
        by_sheet = any(p.agency_from_sheet for p in self.plans)
        agencies = len({agency_key(p.agency_name) for p in self.plans})
        if split is not None:
            heading = split.table.headers[split.agency_column]
            self.by_agency.setText(
                f"Import each row for the agency its '{heading}' column names ({agencies} agencies)"
            )
        elif by_sheet:
            self.by_agency.setText(
                f"Import each sheet for the agency it is named after ({agencies} agencies)"
            )
        self.by_agency.setVisible(split is not None or by_sheet or not self.by_agency.isChecked())
        self.agency.setToolTip(
            "" if split is None else "The agency of the rows above the first one naming an agency"
        )
        self.shown_note.setText(SHOWN_SHEETS if split is None else SHOWN_AGENCIES)
        self._offer_hidden_rows()
        self._updating = True
        headers = plan.table.headers
        self.mapping_box.show()
        for field, combo in self.mapping_combos.items():
            combo.clear()
            combo.setEnabled(True)
            combo.addItem(NOT_MAPPED)
            combo.addItems(headers)
            index = plan.mapping.get(field)
            combo.setCurrentIndex(0 if index is None else index + 1)
            combo.setToolTip(plan.reasons.get(index, "") if index is not None else "")
            combo.setAccessibleDescription(combo.toolTip())  # why, read with the choice
        self.parts.clear()
        event = plan.mapping.get("event")
        for index, heading in enumerate(headers):
            if index == event or index in plan.mapping.values() or index == plan.agency_column:
                continue
            item = QListWidgetItem(heading)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if index in plan.parts else Qt.CheckState.Unchecked
            )
            item.setToolTip(plan.reasons.get(index, "kept with each entry as imported"))
            self.parts.addItem(item)
        self._fit_parts()
        if not self.header_row.value():
            self.header_row.setSpecialValueText(
                f"found by ReviewDesk (row {plan.table.header_row})"
            )
        self._updating = False
        self.date_reason.setText(for_window(plan.date_order.reason))
        self.date_reason.setVisible(bool(self.date_reason.text()))
        self._fill_preview(plan)
        problems = [f"{p.source_label}: {problem}" for p in self.plans for problem in p.problems]
        if not agency:
            problems.insert(0, "Choose the agency this chronology comes from.")
        self.problems.setText("\n".join(map(for_window, problems)))
        self.problems.setVisible(bool(problems))
        self.summary.setText(self._summary_text(agency))
        lines = []
        for p in self.plans:
            lines.append(f"== {p.source_label} ==")
            lines += map(for_window, p.report_lines())
            if p.replaces is not None:
                lines += [
                    f"Would no longer be in the chronology: {e}"
                    for e in p.replaces.removed_examples
                ]
        self.report.setPlainText("\n".join(lines))
        self._fill_row_tables()
        can = all(p.can_commit for p in self.plans)
        self.import_button.setEnabled(can and bool(agency) and not self.editor.readonly)
        replacing = any(p.replaces is not None for p in self.plans)
        self.import_button.setText("Import and replace…" if replacing else "Import")

    def _offer_hidden_rows(self) -> None:
        """The choice to import the rows hidden in the workbook, said with how many and how
        they were hidden; only when some are."""
        hidden = {(p.table.sheet, n) for p in self.plans for n in p.table.hidden_rows}
        by_filter = any(p.table.hidden_by_filter for p in self.plans if p.table.hidden_rows)
        self.hidden_choice.setVisible(bool(hidden))
        if not hidden:
            return
        rows = sorted(n for _sheet, n in hidden)
        shown = ", ".join(map(str, rows[:6])) + (
            f" and {len(rows) - 6:,} more" if len(rows) > 6 else ""
        )
        how = "hidden by the sheet's filter" if by_filter else "hidden in the workbook"
        self.hidden_choice.setText(
            f"Import the {plural(len(rows), 'row')} {how} (row{'s' if len(rows) > 1 else ''} "
            f"{shown}) with the rest"
        )
        self.hidden_choice.setAccessibleDescription(self.hidden_choice.toolTip())

    def _summary_text(self, agency: str) -> str:
        plan = self.plans[0]
        source = {
            "remembered": f"the columns used for {possessive(agency)} last file",
            "guessed": "columns recognised from what their cells hold",
            "given": "the columns you chose",
        }[plan.mapping_source]
        entries = sum(len(p.entries) for p in self.plans)
        rows = sum(len(p.table.rows) for p in self.plans)
        sheet_count = len({p.table.sheet for p in self.plans})
        sheets = f" on {sheet_count} sheets" if sheet_count > 1 else ""
        parts = [
            f"<b>{entries:,}</b> {'entry' if entries == 1 else 'entries'} from "
            f"{plural(rows, 'row')}{sheets}, using {source}."
        ]
        agencies = list(dict.fromkeys(p.agency_name for p in self.plans))
        if len(agencies) > 1:
            new = sum(1 for p in self.plans if p.agency_id is None)
            added = f", {new} of them new to this review" if new else ""
            parts.append(
                f"They go to <b>{len(agencies)} agencies</b>{added}: "
                + ", ".join(f"{escape(p.agency_name)} ({len(p.entries)})" for p in self.plans)
                + "."
            )
        flagged = sum(len(p.flagged) for p in self.plans)
        left_out = sum(len(p.table.left_out) for p in self.plans)
        # The rows hidden in the workbook left out as chosen are entries, not rows that are not.
        chosen = sum(n.reason.endswith("as chosen") for p in self.plans for n in p.table.left_out)
        left_out -= chosen
        joined = sum(len(p.continuations) for p in self.plans)
        if flagged:
            parts.append(f"<b>{flagged}</b> will be flagged for checking.")
        if chosen:
            parts.append(
                f"{plural(chosen, 'row')} hidden in the workbook {'is' if chosen == 1 else 'are'} "
                "left out, as you chose (see Rows left out, below)."
            )
        if left_out:
            parts.append(
                "1 row is not an entry and is left out (see Rows left out, below)."
                if left_out == 1
                else f"{left_out:,} rows are not entries and are left out (see Rows left out, "
                "below)."
            )
        if joined:
            parts.append(
                "1 undated row joins the entry above it."
                if joined == 1
                else f"{joined:,} undated rows join the entry above them."
            )
        # One sentence a source replaced (a merged file's agencies counted together).
        replaced: dict[tuple[str, str], list] = {}
        for p in self.plans:
            if p.replaces:
                replaced.setdefault((p.replaces.file_name, p.replaces.sheet), []).append(p.replaces)
        for (file_name, sheet), earlier in replaced.items():
            unchanged, added = sum(r.unchanged for r in earlier), sum(r.added for r in earlier)
            removed = sum(r.removed for r in earlier)
            parts.append(
                f"This replaces the earlier import of <b>{escape(file_name)}</b>"
                f"{f' (sheet {escape(sheet)})' if sheet else ''}, "
                f"{min(r.imported_at for r in earlier):%d/%m/%Y}"
                f"{f' for {len(earlier)} agencies' if len(earlier) > 1 else ''}: "
                f"{entry_count(unchanged)} unchanged, {added} new, <b>{removed}</b> no longer in "
                "the file."
            )
        if replaced:
            parts.append("Theme tags and key episode links of unchanged entries are kept.")
        if not any(p.replaces for p in self.plans) and all(p.agency_id for p in self.plans):
            parts.append("It adds to what the agency has sent before; nothing is replaced.")
        return " ".join(parts)

    def _fill_row_tables(self) -> None:
        """The rows left out, flagged and joined, of every sheet planned, each with why; a tab
        each, named with its count, and only when there are any."""
        several = len({p.table.sheet for p in self.plans}) > 1
        left_out, flagged, joined = [], [], []
        for plan in self.plans:
            sheet = _shown_label(plan)
            for note in plan.table.left_out:
                left_out.append((sheet, note.row, for_window(note.reason), note.text))
            if plan.flagged:
                event = plan.mapping.get("event")
                wanted = {n.row for n in plan.flagged}
                cells = {n: c for n, c in plan.table.rows if n in wanted}
                for note in plan.flagged:
                    held = cells.get(note.row, [])
                    text = cell_text(held[event]) if event is not None and event < len(held) else ""
                    flagged.append((sheet, note.row, for_window(note.reason), text))
            for note in plan.continuations:
                joined.append((sheet, note.row, note.reason))
        for index, (table, rows, label) in enumerate(
            (
                (self.left_out_table, left_out, "Rows &left out"),
                (self.flagged_table, flagged, "&Flagged for checking"),
                (self.joined_table, joined, "&Joined to the entry above"),
            ),
            start=1,
        ):
            _fill_rows(table, rows, several)
            self.report_tabs.setTabText(index, f"{label} ({len(rows):,})")
            self.report_tabs.setTabVisible(index, bool(rows))
        if not self.report_tabs.isTabVisible(self.report_tabs.currentIndex()):
            self.report_tabs.setCurrentIndex(0)

    def _fill_preview(self, plan: ImportPlan) -> None:
        self._shown_once = True
        self.preview_pages.setCurrentWidget(self.preview)
        headers = plan.table.headers
        mapped = {i: MAPPABLE_FIELDS[f] for f, i in plan.mapping.items()}
        labels = []
        for i, heading in enumerate(headers):
            if i in mapped:
                labels.append(f"{heading}\n→ {mapped[i]}")
            elif i in plan.parts:
                labels.append(f"{heading}\n→ joined to the event")
            elif i == plan.agency_column:
                labels.append(f"{heading}\n→ agency of each row")
            else:
                labels.append(f"{heading}\n(kept, not mapped)")
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(labels)
        for i in range(len(headers)):
            item = self.preview.horizontalHeaderItem(i)
            item.setToolTip(plan.reasons.get(i, "kept with each entry as imported"))
        rows = plan.table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(rows))
        self.preview.setVerticalHeaderLabels([str(n) for n, _ in rows])
        # A row flagged or joined to the one above says so beside its number.
        flagged = {n.row: n.reason for n in plan.flagged}
        joined = {n.row: n.reason for n in plan.continuations}
        for r, (number, _cells) in enumerate(rows):
            item = self.preview.verticalHeaderItem(r)
            if number in flagged:
                item.setText(f"{number} ⚑")
                item.setToolTip(f"Flagged for checking: {for_window(flagged[number])}")
            elif number in joined:
                item.setText(f"{number} ↑")
                item.setToolTip(joined[number])
        for r, (_n, cells) in enumerate(rows):
            for c, value in enumerate(cells[: len(headers)]):
                self.preview.setItem(
                    r, c, QTableWidgetItem(" ".join(cell_text(value).split())[:120])
                )
        self.preview.resizeColumnsToContents()
        for c in range(len(headers)):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 260))

    # Importing ---------------------------------------------------------------------------
    def do_import(self) -> None:
        if self._column_pause.isActive():  # a column stepped to, not planned yet: plan it first
            self._import_when_read = True
            self._mapping_changed()
            return
        if self.is_reading():  # not read to the end yet (Return waits for it: see above)
            return
        self._import_when_read = False
        if self.results:  # imported already
            return
        if not self.plans or not all(p.can_commit for p in self.plans):
            return
        agency = self.agency.currentText().strip()
        if self._planned_for != agency:
            self.replan()
            if not self.plans:
                return
        replacing = [p for p in self.plans if p.replaces is not None]
        if replacing and not confirm_replacement(self, replacing):
            return
        results = self.editor.call(commit_imports, self.plans)
        if results:
            self.results = results
            self.result = total_result(results)
            self.editor.changed.emit("chronology_entry")
            self.accept()


def _list_sheets(path: Path, progress) -> tuple[list[str], list[str]]:
    """A workbook's sheets and those holding a chronology ([] for other files, or a file that
    cannot be read: the planning says why). ``progress(sheet, sheets)`` as each is looked at."""
    try:
        sheets = list_sheets(path)
        holding = sheets_holding_chronology(path, progress) if len(sheets) > 1 else sheets
    except UserError:
        return [], []
    return sheets, holding


def _file_stamp(path: Path) -> tuple[int, int]:
    """The file's size and time of change: a file saved again since is read again."""
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_size, stat.st_mtime_ns)


def _fill_rows(table: QTableWidget, rows: list[tuple], several_sheets: bool) -> None:
    """``rows`` (sheet, row, why[, what]) in ``table``: the first SHOWN_IN_TABLE of them (the
    report lists them all), the sheet only when there are several."""
    shown = rows[:SHOWN_IN_TABLE]
    table.setRowCount(len(shown) + (len(rows) > len(shown)))
    for r, row in enumerate(shown):
        for c, value in enumerate(row):
            text = str(value)
            item = QTableWidgetItem(text)
            if c == 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c >= 2:
                item.setToolTip(text)
            table.setItem(r, c, item)
    if len(rows) > len(shown):
        more = QTableWidgetItem(
            f"… and {len(rows) - len(shown):,} more, all listed under What ReviewDesk decided"
        )
        table.setItem(len(shown), 2, more)
    table.setColumnHidden(0, not several_sheets)
    table.resizeColumnToContents(0)
    table.resizeColumnToContents(1)
    table.fit_reason()


class _RowTable(QTableWidget):
    """The reason column takes its share of the width whatever the window's size, and each
    row is as tall as its reason wrapped (up to a few hundred rows: more would be slow)."""

    def __init__(self, rows: int, columns: int, share: float):
        super().__init__(rows, columns)
        self.share = share

    def fit_reason(self) -> None:
        if self.columnCount() > 3:
            used = sum(self.columnWidth(c) for c in (0, 1) if not self.isColumnHidden(c))
            room = self.viewport().width() - used
            self.setColumnWidth(2, max(self.fontMetrics().averageCharWidth() * 24,
                                       int(room * self.share)))  # fmt: skip
        if self.rowCount() <= 300:
            self.resizeRowsToContents()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_reason()


def _shown_label(plan: ImportPlan) -> str:
    """How the plan is named among the sheets (and agencies) shown."""
    if plan.agency_column is None:
        return plan.table.sheet
    return f"{plan.table.sheet}: {plan.agency_name}" if plan.table.sheet else plan.agency_name


__all__ = ["ImportDialog", "ImportRefused", "guess_agency", "import_summary"]
