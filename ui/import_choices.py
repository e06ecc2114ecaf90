"""Pieces of the import window: the list of a workbook's sheets to tick, the question asked
before an import replaces what the same file brought in before, and its wording."""

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMessageBox, QWidget

from app.chronology.importer import ImportResult


class SheetChoice(QListWidget):
    """Every sheet of the workbook with a tick box; the sheets holding a chronology say so."""

    ticked_changed = Signal()

    def __init__(self, sheets: list[str], holding: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_sheets")
        self.setAccessibleName("Sheets to import")
        self.setToolTip("Tick every sheet to import into this agency's chronology")
        self._quiet = False
        self.set_sheets(sheets, holding)
        self.itemChanged.connect(self._changed)

    def set_sheets(self, sheets: list[str], holding: list[str]) -> None:
        """List the workbook's sheets (read off the window's thread), none ticked."""
        self._quiet = True
        self.clear()
        for name in sheets:
            found = name in holding
            item = QListWidgetItem(name if found else f"{name} (no chronology found)")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(
                "Holds a chronology table" if found else "No chronology table was found here"
            )
            self.addItem(item)
        rows = max(1, min(len(sheets), 4))
        self.setMaximumHeight(rows * (self.sizeHintForRow(0) if sheets else 20) + 8)
        self._quiet = False

    def ticked(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_ticked(self, names: list[str]) -> None:
        """Tick these sheets (the ones read), without counting it as the user's choice."""
        self._quiet = True
        try:
            for i in range(self.count()):
                item = self.item(i)
                wanted = item.data(Qt.ItemDataRole.UserRole) in names
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        finally:
            self._quiet = False

    def tick(self, name: str, on: bool = True) -> None:
        """Tick or untick one sheet as the user would."""
        for i in range(self.count()):
            item = self.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _changed(self, _item) -> None:
        if not self._quiet:
            self.ticked_changed.emit()


def entry_count(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def confirm_replacement(parent: QWidget, plans) -> bool:
    """Ask before an import replaces the earlier import of the same file and sheet, saying what
    would no longer be in the chronology. True: replace."""
    lines = []
    removed = []
    for plan in plans:
        r = plan.replaces
        where = f", sheet '{r.sheet}'" if r.sheet else ""
        lines.append(
            f"<b>{escape(r.file_name)}</b>{escape(where)} was imported for {escape(plan.agency_name)} on "
            f"{r.imported_at:%d/%m/%Y} ({entry_count(r.old_count)}). Importing it again replaces "
            f"that import: {entry_count(r.unchanged)} unchanged, {r.added} new, "
            f"<b>{r.removed}</b> no longer in the file."
        )
        # The file and sheet before each only when there are several.
        removed += [
            e if len(plans) == 1 else f"{plan.source_label}: {e}" for e in r.removed_examples
        ]
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Replace the earlier import?")
    box.setTextFormat(Qt.TextFormat.RichText)
    text = "<br><br>".join(lines)
    if removed:
        text += "<br><br>No longer in the chronology after replacing (up to 10 a sheet):<br>"
        text += "<br>".join(f"• {escape(e)}" for e in removed)
    text += (
        "<br><br>Theme tags and key episode links of unchanged entries are kept. "
        "Replace the earlier import?"
    )
    box.setText(text)
    # A readable line, not a narrow column.
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 460px; }")
    replace = box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Keep the earlier import", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is replace


_CLI_ADVICE = (
    # (a heading given as the example may hold spaces: "--map event=Case notes.")
    (re.compile(r"Choose the (\w+) column with --map \w+=.*?(?:\.(?=\s|$)|$)"),
     r"Choose the \1 column in the Columns list."),
    (re.compile(r"choose the header row \(--header-row N\)"),
     "choose the row naming the columns in Header row, above"),
    (re.compile(r"\s*\(--header-row N\)"), " in Header row, above"),
    (re.compile(r"import it with --sheet \"[^\"]*\""), "tick it in the Sheets list above"),
    (re.compile(r"\s*\(--date-order mdy\)"), " (Dates, above)"),
    (re.compile(r" with --all-sheets \(or --sheet NAME\), or tick them in the import window"),
     " by ticking them in the Sheets list above"),
)  # fmt: skip


def for_window(text: str) -> str:
    """Advice written for the command line, said as it is done in this window."""
    for pattern, replacement in _CLI_ADVICE:
        text = pattern.sub(replacement, text)
    return text


def guess_agency(path: Path, agencies: list[str]) -> str:
    """An agency of the review whose name shares a word with the file name, if any."""
    stem = path.stem.casefold().replace("_", " ").replace("-", " ")
    words = {w for w in stem.split() if len(w) > 3 and w not in {"chronology", "final", "draft"}}
    for agency in agencies:
        if words & {w.casefold() for w in agency.replace("'", " ").split()}:
            return agency
    return ""


def total_result(results: list[ImportResult]) -> ImportResult:
    first = results[0]
    return ImportResult(
        import_id=first.import_id,
        agency_id=first.agency_id,
        imported=sum(r.imported for r in results),
        flagged=[n for r in results for n in r.flagged],
        replaced=sum(r.replaced for r in results),
        carried_over=sum(r.carried_over for r in results),
    )


def import_summary(result: ImportResult, file_name: str, agencies: int = 1) -> str:
    text = f"Imported {result.imported} entries from {file_name}"
    if agencies > 1:  # a chronology merged across agencies, each row to its own
        text += f" for {agencies} agencies"
    if result.replaced:
        text += f", replacing {result.replaced} from the earlier import"
    if result.flagged:
        text += f"; {len(result.flagged)} flagged for checking"
    return text + "."
