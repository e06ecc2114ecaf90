"""Exports of the learning window: the multi-case newsletter, the annual report extract and
the coding of every review in a national scheme (each written off the window's thread)."""

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.reviews import list_reviews
from reports.writers import suffixes
from ui.editing import Editor
from ui.finding_editor import CheckList
from ui.screen import fit_to_screen
from ui.tasks import run_task


class ReviewPicker(QDialog):
    """Tick the reviews for the newsletter (finished ones first)."""

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Reviews for the newsletter")
        reviews = sorted(
            list_reviews(editor.ctx),
            key=lambda r: (r.status not in ("published", "closed"), r.reference.casefold()),
        )
        self.list = CheckList()
        self.list.setObjectName("newsletter_reviews")
        self.list.setAccessibleName("Reviews to include")
        self.list.set_items(
            [(r.id, f"{r.reference}: {r.title} ({r.status_label})") for r in reviews], set()
        )
        # A long title ends in "…" (the whole of it in its tooltip): the list never scrolls
        # sideways, and the dialog is as wide as the titles where the screen has room.
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # It says what comes next: the file is chosen after the reviews.
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Save the newsletter…")
        self.ok_button.setEnabled(False)  # until a review is ticked: nothing to save before
        self.list.checked_changed.connect(lambda keys: self.ok_button.setEnabled(bool(keys)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Each review ticked becomes one case of the newsletter."))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        metrics = self.list.fontMetrics()
        texts = [self.list.item(i).text() for i in range(self.list.count())]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        # The tick box, the list's edges and scroll bar, and the dialog's margins.
        extra = 4 * metrics.horizontalAdvance("M") + 60
        fit_to_screen(self, QSize(max(560, widest + extra), 460))

    def chosen(self) -> list[int]:
        return self.list.checked_keys()


def _filters() -> str:
    names = {".pdf": "PDF document (*.pdf)", ".docx": "Word document (*.docx)",
             ".html": "Web page (*.html)"}  # fmt: skip
    return ";;".join(names.get(s, f"*{s}") for s in suffixes("review_document"))


def _save_as(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(path) if path else None


def _run(parent: QWidget, title: str, target: Path, work) -> None:
    run_task(
        parent,
        f"Writing {target.name}…",
        lambda _progress: work(),
        lambda _result: QMessageBox.information(parent, title, f"Saved to {target}."),
        lambda message: QMessageBox.warning(parent, title, message),
    )


def export_newsletter_from(parent: QWidget, editor: Editor) -> None:
    from app.newsletter import export_newsletter

    picker = ReviewPicker(editor, parent)
    if picker.exec() != QDialog.DialogCode.Accepted or not picker.chosen():
        return
    target = _save_as(parent, "Save the newsletter", "learning-newsletter.pdf", _filters())
    if target is not None:
        ids, ctx = picker.chosen(), editor.ctx
        _run(parent, "Newsletter", target, lambda: export_newsletter(ctx, ids, target))


def export_annual_report_from(parent: QWidget, editor: Editor) -> None:
    from app.annual_report import export_annual_report

    today = editor.ctx.today()
    start = today.year - 1 if today.month <= 3 else today.year
    year, ok = QInputDialog.getInt(
        parent,
        "Annual report extract",
        "The financial year starting 1 April of:",
        start - 1,
        1990,
        2100,
    )
    if not ok:
        return
    name = f"annual-report-extract-{year}-{str(year + 1)[2:]}.pdf"
    target = _save_as(parent, "Save the annual report extract", name, _filters())
    if target is not None:
        ctx = editor.ctx
        _run(parent, "Annual report extract", target,
             lambda: export_annual_report(ctx, year, target))  # fmt: skip


def export_coding_from(parent: QWidget, editor: Editor) -> None:
    from app.coding import export_coding, schemes

    found = schemes()
    labels = [s.label for s in found.values()]
    label, ok = QInputDialog.getItem(parent, "Export coding", "Coding scheme:", labels, 1, False)
    if not ok:
        return
    key = next(k for k, s in found.items() if s.label == label)
    target = _save_as(
        parent,
        "Save the coding",
        f"coding-{key}.xlsx",
        "Excel workbook (*.xlsx);;Comma-separated values (*.csv)",
    )
    if target is not None:
        ctx = editor.ctx
        _run(parent, "Export coding", target, lambda: export_coding(ctx, key, target))
