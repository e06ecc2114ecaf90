"""The People page: the register of everyone (and everywhere) that must never be named in a
published document, with what publication says instead; names the review already holds are
offered as candidates for the author to confirm."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.conflicts import seen_of
from app.publishing.people import (
    KINDS,
    add_person,
    candidates,
    list_people,
    remove_person,
    update_person,
)
from ui.editing import Editor
from ui.table_tools import read_only_table, wrap_headings
from ui.theme import muted_colour
from ui.widgets import DateField, set_editable

REGISTER_COLUMNS = (
    "Published as",
    "Real name",
    "Relationship or role",
    "Also written",
    "Born",
    "Identifiers and addresses",
)
_SPLIT = ";"
# Rows of the register kept in sight before the form gives way (folds under a button).
REGISTER_ROWS = 6
FORM_TITLE = "Add someone or somewhere (double-click an entry, or Enter on it, to change it)"


def _muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(label.foregroundRole(), muted_colour())
    label.setPalette(palette)
    label.setWordWrap(True)
    return label


def _table(columns: tuple[str, ...], name: str) -> QTableWidget:
    table = read_only_table(columns, name)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _fit_across(table: QTableWidget, own_width: tuple[int, ...]) -> None:
    """Columns that share the table's width: the short ones as wide as their text, the rest
    stretched and their text cut short with "…" (the whole of it in a tooltip), so the table
    never scrolls sideways."""
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(table.fontMetrics().horizontalAdvance("M") * 4)
    for column in range(table.columnCount()):
        mode = (
            QHeaderView.ResizeMode.ResizeToContents
            if column in own_width
            else QHeaderView.ResizeMode.Stretch
        )
        header.setSectionResizeMode(column, mode)


class PeoplePage(QWidget):
    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.people = []
        self.offered = []

        intro = _muted(
            QLabel(
                "Everyone and everywhere a published document must not name: the child, family "
                "members, other adults in the household, practitioners, schools, addresses. "
                "Published documents print the descriptor instead, whatever the case, accents "
                "or possessive; the release check stops anything left over."
            )
        )
        self.register = _table(REGISTER_COLUMNS, "people_register")
        self.register.setAccessibleName("People register")
        _fit_across(self.register, own_width=(REGISTER_COLUMNS.index("Born"),))
        wrap_headings(self.register)
        self.register.cellDoubleClicked.connect(lambda row, _c: self.edit_row(row))
        # Enter on an entry changes it, as a double-click does (the keyboard's way in).
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.register)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._edit_current)
        self.editing: int | None = None  # the register entry the form is changing
        self.editing_shown = None  # that entry as it was when the form was filled
        self.remove_button = QPushButton("Remove from the register")
        self.remove_button.clicked.connect(self._remove)

        self.name = QLineEdit()
        self.name.setAccessibleName("Real name")
        self.name.setPlaceholderText("as written in the records, e.g. Kerry Marsh")
        self.descriptor = QLineEdit()
        self.descriptor.setAccessibleName("Published as")
        self.descriptor.setPlaceholderText("Child L, Mother, the health visitor, Primary School 1")
        self.role = QLineEdit()
        self.role.setAccessibleName("Relationship or role")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Person or place")
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.variants = QLineEdit()
        self.variants.setAccessibleName("Other names")
        self.variants.setPlaceholderText("nicknames, spellings; separated by ;")
        self.dob = DateField()
        self.dob.setAccessibleName("Date of birth")
        self.identifiers = QLineEdit()
        self.identifiers.setAccessibleName("Identifiers")
        self.identifiers.setPlaceholderText(
            "NHS number, case reference, phone, email; separated by ;"
        )
        self.addresses = QLineEdit()
        self.addresses.setAccessibleName("Addresses")
        self.addresses.setPlaceholderText("addresses; separated by ;")
        self.add_button = QPushButton("Add to the register")
        self.add_button.setObjectName("add_person")
        self.add_button.clicked.connect(self._add)
        self.new_button = QPushButton("Clear the form")
        self.new_button.clicked.connect(self.clear_form)
        form_box = QGroupBox(FORM_TITLE)
        self.form_box = form_box
        # The form in two columns of pairs, read (and tabbed) across: half the height of one
        # long column, which leaves the register its rows.
        form = QGridLayout(form_box)
        pairs = (
            ("Real name", self.name),
            ("Published as", self.descriptor),
            ("Relationship or role", self.role),
            ("Person or place", self.kind),
            ("Other names", self.variants),
            ("Date of birth", self.dob),
            ("Identifiers", self.identifiers),
            ("Addresses", self.addresses),
        )
        for number, (text, field) in enumerate(pairs):
            row, column = divmod(number, 2)
            label = QLabel(text)
            label.setBuddy(field)
            form.addWidget(label, row, column * 2)
            form.addWidget(field, row, column * 2 + 1)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        form.setColumnMinimumWidth(2, form.spacing() * 2 if form.spacing() > 0 else 12)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.add_button)
        form_buttons.addWidget(self.new_button)
        form_buttons.addStretch(1)
        form.addLayout(form_buttons, len(pairs) // 2, 1, 1, 3)

        # The register across the page; under it the form and the names found side by side.
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.register, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        # On a short screen (a laptop at 125%) the form and the names found fold under this
        # button, and the register keeps its rows; pressed, they open below it.
        self.form_toggle = QPushButton()
        self.form_toggle.setObjectName("people_form_toggle")
        self.form_toggle.setCheckable(True)
        self.form_toggle.toggled.connect(self._form_toggled)
        self.form_toggle.hide()
        buttons.addWidget(self.form_toggle)
        top_layout.addLayout(buttons)
        left = form_box

        self.candidates = _table(("Name found", "Where"), "people_candidates")
        self.candidates.setAccessibleName("Names found in the review")
        self.candidates.setMinimumHeight(self.candidates.fontMetrics().lineSpacing() * 5)
        self.candidates.itemSelectionChanged.connect(self._candidate_chosen)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        found_title = QLabel("<b>Names found in the review, not in the register</b>")
        found_title.setWordWrap(True)  # wraps on a narrow screen rather than widen the window
        right_layout.addWidget(found_title)
        right_layout.addWidget(
            _muted(
                QLabel(
                    "From the chronology's practitioner and person columns, the panel and the "
                    "IMR authors. Choose one to fill in the form, give its descriptor, and add it."
                )
            )
        )
        right_layout.addWidget(self.candidates, 1)

        below = QSplitter()
        below.addWidget(left)
        below.addWidget(right)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)
        below.setSizes([700, 420])
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        self._below = below
        self._split_once = False
        self._set_toggle_text()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._fit_form()
        if not self._split_once and self._below.isVisibleTo(self):
            # The form's own height below; every other line goes to the register.
            self._split_once = True
            total = sum(self.splitter.sizes())
            below = self._form_height()
            if total > below:
                self.splitter.setSizes([total - below, below])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit_form()

    def _form_height(self) -> int:
        return max(self.form_box.sizeHint().height(), self._below.minimumSizeHint().height())

    def _register_needs(self) -> int:
        """The register's height with REGISTER_ROWS rows (or all of them, when fewer)."""
        rows = max(min(self.register.rowCount(), REGISTER_ROWS), 1)
        row = self.register.verticalHeader().defaultSectionSize()
        header = self.register.horizontalHeader().sizeHint().height()
        frame = 2 * self.register.frameWidth()
        return header + rows * row + frame + self.remove_button.sizeHint().height() + 8

    def _fit_form(self) -> None:
        """Where the page cannot hold the register's rows and the form, the form folds under
        a button (open again while it is in use); where it can, it is always there."""
        # The splitter's height is the register's and the form's together.
        needed = self._register_needs() + self._form_height() + self.splitter.handleWidth()
        short = self.splitter.height() < needed
        self.form_toggle.setVisible(short)
        if not short:
            self._below.show()
            return
        focus = self.focusWidget()
        in_use = self.editing is not None or (focus is not None and self._below.isAncestorOf(focus))
        if in_use and not self.form_toggle.isChecked():
            self.form_toggle.setChecked(True)
        self._below.setVisible(self.form_toggle.isChecked())

    def _form_toggled(self, shown: bool) -> None:
        self._set_toggle_text()
        if self.form_toggle.isHidden():
            return
        self._below.setVisible(shown)
        if shown:  # the form's own height; the register keeps the rest
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([max(total - self._form_height(), 0), self._form_height()])
        if shown and self.form_toggle.hasFocus():
            self.name.setFocus(Qt.FocusReason.TabFocusReason)  # straight on into the form

    def _set_toggle_text(self) -> None:
        self.form_toggle.setText(
            "Hide the form ▴" if self.form_toggle.isChecked() else "&Add someone or a name found ▾"
        )
        self.form_toggle.setToolTip(
            "The form to add to the register, and the names found in the review not in it"
        )

    def _edit_current(self) -> None:
        self.edit_row(self.register.currentRow())
        if self.editing is not None:
            self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_review(self, review_id: int) -> None:
        self.review_id = review_id
        self.reload()

    def reload(self) -> None:
        if self.review_id is None:
            return
        ctx = self.editor.ctx
        self.people = list_people(ctx, self.review_id)
        self.offered = candidates(ctx, self.review_id)
        self.register.setRowCount(len(self.people))
        for row, p in enumerate(self.people):
            born = p.date_of_birth.strftime("%d/%m/%Y") if p.date_of_birth else ""
            values = (
                p.descriptor,
                p.name,
                p.role,
                "; ".join(p.variants),
                born,
                "; ".join((*p.identifiers, *p.addresses)),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.register.setItem(row, column, item)
        self.candidates.setRowCount(len(self.offered))
        for row, c in enumerate(self.offered):
            self.candidates.setItem(row, 0, QTableWidgetItem(c.name))
            self.candidates.setItem(row, 1, QTableWidgetItem(c.found_in))
        writable = not self.editor.readonly
        for widget in (self.add_button, self.remove_button):
            widget.setEnabled(writable)
        for field in (
            self.name,
            self.descriptor,
            self.role,
            self.kind,
            self.variants,
            self.dob,
            self.identifiers,
            self.addresses,
        ):
            set_editable(field, writable)

    def _candidate_chosen(self) -> None:
        row = self.candidates.currentRow()
        if 0 <= row < len(self.offered):
            chosen = self.offered[row]
            self.name.setText(chosen.name)
            self.role.setText(chosen.role)
            self.descriptor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _values(self) -> dict:
        return {
            "name": self.name.text(),
            "descriptor": self.descriptor.text(),
            "kind": self.kind.currentData(),
            "role": self.role.text(),
            "variants": [v for v in self.variants.text().split(_SPLIT) if v.strip()],
            "date_of_birth": self.dob.value(),
            "identifiers": [i for i in self.identifiers.text().split(_SPLIT) if i.strip()],
            "addresses": [a for a in self.addresses.text().split(_SPLIT) if a.strip()],
        }

    def _add(self) -> None:
        if self.review_id is None:
            return
        values, editing = self._values(), self.editing
        if editing is not None:
            # Checked against the entry as it was when the form was filled from it.
            seen = seen_of(self.editing_shown)
            saved = self.editor.run(
                lambda ctx: self.editor.save_choosing(
                    ctx, update_person, editing, seen=seen, **values
                ),
                kind="person",
            )
        else:
            saved = self.editor.run(
                lambda ctx: add_person(ctx, self.review_id, **values), kind="person"
            )
        if saved is not None:
            self.clear_form()
            self.reload()

    def edit_row(self, row: int) -> None:
        """Fill the form with a register entry, to change it."""
        if not 0 <= row < len(self.people):
            return
        person = self.people[row]
        self.editing, self.editing_shown = person.id, person
        self.name.setText(person.name)
        self.descriptor.setText(person.descriptor)
        self.role.setText(person.role)
        self.kind.setCurrentIndex(self.kind.findData(person.kind))
        self.variants.setText("; ".join(person.variants))
        self.dob.set_saved(person.date_of_birth)
        self.identifiers.setText("; ".join(person.identifiers))
        self.addresses.setText("; ".join(person.addresses))
        self.add_button.setText("Save changes")
        self.form_box.setTitle(f"Change {person.descriptor}")
        if not self.form_toggle.isHidden():
            self.form_toggle.setChecked(True)  # a folded form opens to be changed

    def clear_form(self) -> None:
        self.editing = None
        for field in (
            self.name,
            self.descriptor,
            self.role,
            self.variants,
            self.identifiers,
            self.addresses,
        ):
            field.clear()
        self.dob.set_saved(None)
        self.add_button.setText("Add to the register")
        self.form_box.setTitle(FORM_TITLE)

    def _remove(self) -> None:
        row = self.register.currentRow()
        if not 0 <= row < len(self.people):
            return
        person = self.people[row]
        answer = QMessageBox.question(
            self,
            "Remove from the register",
            f"Remove {person.descriptor} from the register? Published documents will no longer "
            "replace this name.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.editor.run(remove_person, person.id, kind="person")
            self.reload()
