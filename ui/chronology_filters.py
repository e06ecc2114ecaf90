"""The chronology's filters: agency, dates, type, person, theme, key episode, flagged, text."""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.chronology.entries import EntryFilter
from app.chronology.event_types import EVENT_TYPES
from app.records import ImrSummary
from ui.widgets import DateField

ALL = None


class FilterBar(QWidget):
    """Agency, dates, type, person, theme, key episode, flagged, and free text."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.agency = QComboBox()
        self.agency.setObjectName("filter_agency")
        self.event_type = QComboBox()
        self.event_type.setObjectName("filter_type")
        self.theme = QComboBox()
        self.theme.setObjectName("filter_theme")
        self.episode = QComboBox()
        self.episode.setObjectName("filter_episode")
        self.date_from = DateField(name="Entries from")
        self.date_from.setObjectName("filter_from")
        self.date_to = DateField(name="Entries to")
        self.date_to.setObjectName("filter_to")
        self.person = QLineEdit()
        self.person.setObjectName("filter_person")
        self.person.setPlaceholderText("Practitioner or person")
        self.person.setClearButtonEnabled(True)
        self.text = QLineEdit()
        self.text.setObjectName("filter_text")
        self.text.setPlaceholderText("Search the text (Ctrl+Shift+F)")
        self.text.setClearButtonEnabled(True)
        self.flagged = QCheckBox("Flagged only")
        self.flagged.setObjectName("filter_flagged")
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.clicked.connect(self.clear)

        # Typing waits for a pause before filtering, so each keystroke does not query.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)
        self._typing.timeout.connect(self.changed)
        for edit in (self.person, self.text):
            edit.textChanged.connect(lambda _t: self._typing.start())
        for combo in (self.agency, self.event_type, self.theme, self.episode):
            combo.activated.connect(lambda _i: self.changed.emit())
        for field in (self.date_from, self.date_to):
            field.committed.connect(self._date_committed)
        self.flagged.toggled.connect(lambda _c: self.changed.emit())

        for combo in (self.agency, self.event_type, self.theme, self.episode):
            # Long agency and episode names must not set the window's width.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        self.agency.setAccessibleName("Agency")
        self.event_type.setAccessibleName("Event type")
        self.theme.setAccessibleName("Theme")
        self.episode.setAccessibleName("Key practice episode")
        self.person.setAccessibleName("Practitioner or person")
        self.text.setAccessibleName("Search the text")
        self.text.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 10)
        from_label, to_label = QLabel("&From"), QLabel("&to")
        from_label.setBuddy(self.date_from.edit)
        to_label.setBuddy(self.date_to.edit)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.addWidget(self.text, 0, 0, 1, 2)
        grid.addWidget(self.person, 0, 2, 1, 2)
        grid.addWidget(self.agency, 0, 4)
        grid.addWidget(self.event_type, 0, 5)
        grid.addWidget(self.flagged, 0, 6)
        grid.addWidget(from_label, 1, 0)
        grid.addWidget(self.date_from, 1, 1)
        grid.addWidget(to_label, 1, 2)
        grid.addWidget(self.date_to, 1, 3)
        grid.addWidget(self.theme, 1, 4)
        grid.addWidget(self.episode, 1, 5)
        grid.addWidget(self.clear_button, 1, 6)
        # Tab follows the rows as laid out, left to right, top to bottom.
        chain = [
            self.text,
            self.person,
            self.agency,
            self.event_type,
            self.flagged,
            self.date_from,
            self.date_to,
            self.theme,
            self.episode,
            self.clear_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for column, stretch in ((0, 0), (1, 2), (2, 0), (3, 2), (4, 2), (5, 2), (6, 0)):
            grid.setColumnStretch(column, stretch)
        self._fill(self.event_type, "All event types", [(k, v) for k, v in EVENT_TYPES.items()])
        self.event_type.addItem("Type not recognised", "")

    def _date_committed(self, value) -> None:
        sender = self.sender()
        sender.set_saved(value)
        self.changed.emit()

    @staticmethod
    def _fill(combo: QComboBox, all_label: str, items: list[tuple]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, ALL)
        for key, label in items:
            combo.addItem(label, key)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    def set_options(self, agencies: list[ImrSummary], themes: list[str], episodes) -> None:
        self._fill(self.agency, "All agencies", [(a.agency_id, a.agency) for a in agencies])
        self._fill(self.theme, "All themes", [(t, t) for t in themes])
        self._fill(self.episode, "All key episodes", [(e.id, e.title) for e in episodes])

    def current(self) -> EntryFilter:
        agency = self.agency.currentData()
        event_type = self.event_type.currentData()
        episode = self.episode.currentData()
        return EntryFilter(
            agency_ids=(agency,) if agency is not ALL else (),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            event_types=(event_type,) if event_type is not ALL else (),
            person=self.person.text(),
            theme=self.theme.currentData() or "",
            episode_id=episode,
            flagged_only=self.flagged.isChecked(),
            text=self.text.text(),
        )

    def describe(self) -> str:
        flt = self.current()
        parts = []
        if flt.agency_ids:
            parts.append(f"agency {self.agency.currentText()}")
        if flt.date_from or flt.date_to:
            start = f"{flt.date_from:%d/%m/%Y}" if flt.date_from else "the start"
            end = f"{flt.date_to:%d/%m/%Y}" if flt.date_to else "the end"
            parts.append(f"from {start} to {end}")
        if flt.event_types:
            parts.append(f"type {self.event_type.currentText()}")
        if flt.person.strip():
            parts.append(f"person '{flt.person.strip()}'")
        if flt.theme:
            parts.append(f"theme {flt.theme}")
        if flt.episode_id is not None:
            parts.append(f"key episode {self.episode.currentText()}")
        if flt.flagged_only:
            parts.append("flagged entries only")
        if flt.text.strip():
            parts.append(f"text '{flt.text.strip()}'")
        return ("Filtered: " + "; ".join(parts)) if parts else ""

    def clear(self) -> None:
        widgets = (self.person, self.text, self.agency, self.event_type, self.theme, self.episode)
        for widget in widgets:
            widget.blockSignals(True)
        self.person.clear()
        self.text.clear()
        for combo in (self.agency, self.event_type, self.theme, self.episode):
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.date_from.set_saved(None)
        self.date_to.set_saved(None)
        self.flagged.setChecked(False)
        self.changed.emit()
