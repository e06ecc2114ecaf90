"""The presenting view: one agenda item, full screen, in type a room can read.

It is only ever given the public parts of an item (title, what it refers to, decisions and
actions), never the author's private notes, so it cannot show them by mistake.
"""

from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.actions import list_recommendations
from app.chronology.entries import EntryFilter, fetch_entries, query_entry_ids
from app.chronology.episodes import list_episodes
from app.context import AppContext
from app.errors import UserError
from app.findings import get_finding
from app.meetings import AgendaRecord, list_tasks
from app.reviews import get_review
from app.wording import plural
from ui.screen import available_area
from ui.theme import muted_colour, status_colour

EXCERPT_ROWS = 30  # chronology entries shown for a date range; a meeting reads, not scrolls


@dataclass(frozen=True)
class ItemReference:
    """What an agenda item refers to, in words, ready to read out or present."""

    heading: str = ""  # "Finding 3", "IMR of Police", ...
    title: str = ""
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[str, str, str], ...] = ()  # (date or status, who, what)
    colours: tuple[str, ...] = ()  # per row: an IMR status key to colour the first cell
    footnote: str = ""


@dataclass(frozen=True)
class PublicItem:
    """The parts of an agenda item that may be shown to the room."""

    number: int
    count: int
    title: str
    minutes: int
    reference: ItemReference = field(default_factory=ItemReference)
    decisions: tuple[str, ...] = ()


def describe_reference(ctx: AppContext, review_id: int, item: AgendaRecord) -> ItemReference:
    """Read what an item refers to (its finding, IMR, recommendation, episode, range, task)."""
    try:
        return _describe(ctx, review_id, item)
    except UserError as exc:
        return ItemReference(heading=item.ref_label, paragraphs=(str(exc),))


def _describe(ctx: AppContext, review_id: int, item: AgendaRecord) -> ItemReference:
    kind, ref_id = item.ref_kind, item.ref_id
    if kind == "finding" and ref_id is not None:
        finding = get_finding(ctx, ref_id)
        heading = (
            f"{'Finding' if finding.kind == 'finding' else finding.kind.title()} {finding.number}"
        )
        text = finding.narrative.strip() or "No narrative written yet."
        return ItemReference(heading, finding.title, tuple(_paras(text)))
    if kind == "imr":
        review = get_review(ctx, review_id)
        imr = next((i for i in review.imrs if i.imr_id == ref_id), None)
        rows = tuple((i.status_label, i.agency, _imr_note(i)) for i in review.imrs)
        colours = tuple(i.status for i in review.imrs)
        if imr is None:
            return ItemReference("IMR", item.ref_label, rows=rows, colours=colours)
        paras = []
        if imr.author_name:
            role = f", {imr.author_role}" if imr.author_role else ""
            paras.append(f"Author: {imr.author_name}{role}.")
        if imr.open_challenges:
            paras.append(f"Open challenges: {imr.open_challenges}.")
        heading = f"IMR of {imr.agency}: {imr.status_label}"
        return ItemReference(heading, "", tuple(paras), rows, colours, "All IMRs of the review")
    if kind == "recommendation" and ref_id is not None:
        rec = next((r for r in list_recommendations(ctx, review_id) if r.id == ref_id), None)
        if rec is None:
            return ItemReference("Recommendation", item.ref_label)
        paras = [rec.text]
        if rec.addressee:
            paras.append(f"To: {rec.addressee}")
        return ItemReference(f"Recommendation {rec.number}", "", tuple(paras))
    if kind == "episode" and ref_id is not None:
        episode = next((e for e in list_episodes(ctx, review_id) if e.id == ref_id), None)
        if episode is None:
            return ItemReference("Key practice episode", item.ref_label)
        span = " to ".join(f"{d:%d/%m/%Y}" for d in (episode.start, episode.end) if d)
        paras = [p for p in (span, *_paras(episode.summary)) if p]
        return ItemReference("Key practice episode", episode.title, tuple(paras))
    if kind == "chronology":
        flt = EntryFilter(date_from=item.ref_from, date_to=item.ref_to)
        ids = query_entry_ids(ctx, review_id, flt)
        rows = tuple(
            (e.date_text, e.agency, e.event) for e in fetch_entries(ctx, ids[:EXCERPT_ROWS])
        )
        more = len(ids) - len(rows)
        footnote = f"and {more} more entries in this range" if more > 0 else ""
        if not ids:
            footnote = "No chronology entries in this range."
        return ItemReference(item.ref_label, "", rows=rows, footnote=footnote)
    if kind == "task" and ref_id is not None:
        task = next((t for t in list_tasks(ctx, review_id) if t.id == ref_id), None)
        if task is None:
            return ItemReference("Panel task", item.ref_label)
        who = f"Owner: {task.owner}" if task.owner else "No owner"
        due = f"Due {task.due:%d/%m/%Y}" if task.due else "No due date"
        return ItemReference("Panel task", task.text, (f"{who}. {due}. {task.status_label}.",))
    return ItemReference(heading=item.ref_label)


def _imr_note(imr) -> str:
    if imr.days_overdue:
        return f"{imr.days_overdue} days overdue"
    if imr.open_challenges:
        return f"{plural(imr.open_challenges, 'open challenge')}"
    return ""


def _paras(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def public_item(item: AgendaRecord, number: int, count: int, ref: ItemReference) -> PublicItem:
    """The presentable part of an item: the private notes are left behind here, on purpose."""
    return PublicItem(
        number, count, item.title, item.minutes, ref, tuple(d.text for d in item.decisions)
    )


def reference_html(
    ref: ItemReference, body_pt: int, text_colour: QColor | None = None, item_title: str = ""
) -> str:
    """The reference as HTML (every piece of user text escaped) at a given body size; its title
    is left out when the agenda item already carries it."""
    parts = []
    if ref.title and ref.title.strip() != item_title.strip():
        parts.append(f"<p style='font-size:{body_pt + 4}pt'><b>{escape(ref.title)}</b></p>")
    for para in ref.paragraphs:
        parts.append(f"<p>{escape(para).replace(chr(10), '<br/>')}</p>")
    if ref.rows:
        if ref.footnote and ref.paragraphs:
            parts.append(f"<p><i>{escape(ref.footnote)}</i></p>")
        parts.append("<table cellspacing='0' cellpadding='6' width='100%'>")
        for i, (first, second, third) in enumerate(ref.rows):
            style = ""
            if i < len(ref.colours):
                style = f" style='color:{status_colour(ref.colours[i]).name()}'"
            parts.append(
                f"<tr><td{style}><b>{escape(first)}</b></td><td>{escape(second)}</td>"
                f"<td>{escape(third)}</td></tr>"
            )
        parts.append("</table>")
    if ref.footnote and not (ref.rows and ref.paragraphs):
        parts.append(f"<p><i>{escape(ref.footnote)}</i></p>")
    colour = f"color:{text_colour.name()};" if text_colour is not None else ""
    return f"<div style='font-size:{body_pt}pt;{colour}'>{''.join(parts)}</div>"


class PresenterView(QWidget):
    """Full screen; F5 or Esc hands back to the runner, Next/Previous move through the agenda."""

    closed = Signal()
    next_requested = Signal()
    previous_requested = Signal()

    HEADING_PT = 40
    BODY_PT = 26

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenter")
        self.setWindowTitle("Presenting")
        palette = self.palette()
        # High contrast whatever the theme: the palette's text on its base colour.
        self._fg = palette.color(QPalette.ColorRole.Text)
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        palette.setColor(QPalette.ColorRole.WindowText, self._fg)
        self.setPalette(palette)
        self.setAutoFillBackground(True)

        self.position = QLabel()
        self.position.setObjectName("presenter_position")
        self.position.setFont(_pt(self.font(), 20))
        self.heading = QLabel()
        self.heading.setObjectName("presenter_heading")
        self.heading.setFont(_pt(self.font(), self.HEADING_PT, bold=True))
        self.heading.setWordWrap(True)
        self.kind = QLabel()
        self.kind.setObjectName("presenter_kind")
        self.kind.setFont(_pt(self.font(), 26, bold=True))
        self.kind.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setObjectName("presenter_body")
        self.body.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.body.setFont(_pt(self.font(), self.BODY_PT))
        self.body.setOpenLinks(False)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.decisions = QLabel()
        self.decisions.setObjectName("presenter_decisions")
        self.decisions.setFont(_pt(self.font(), self.BODY_PT))
        self.decisions.setWordWrap(True)
        self.decisions.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel(
            "F5 or Esc: back to the runner   ·   Page Down / Page Up: next / previous"
        )
        self.hint.setFont(_pt(self.font(), 12))
        hint_palette = self.hint.palette()
        hint_palette.setColor(QPalette.ColorRole.WindowText, muted_colour())
        self.hint.setPalette(hint_palette)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 48, 80, 32)
        layout.setSpacing(18)
        layout.addWidget(self.position)
        layout.addWidget(self.heading)
        layout.addWidget(self.kind)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.decisions)
        layout.addWidget(self.hint)

        for keys, signal in (
            (("F5", "Esc"), self.closed),
            (("PgDown", "Ctrl+Right"), self.next_requested),
            (("PgUp", "Ctrl+Left"), self.previous_requested),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(signal)

    def show_item(self, item: PublicItem | None) -> None:
        if item is None:
            self.position.setText("")
            self.heading.setText("The agenda is empty")
            self.kind.setText("")
            self.body.setHtml("")
            self.decisions.setText("")
            return
        self.position.setText(f"Item {item.number} of {item.count}  ·  {item.minutes} minutes")
        self.heading.setText(item.title)
        ref = item.reference
        self.kind.setText(ref.heading)
        self.kind.setVisible(bool(ref.heading))
        self.body.setHtml(reference_html(ref, self.BODY_PT, self._fg, item.title))
        if item.decisions:
            lines = "".join(f"<li>{escape(d)}</li>" for d in item.decisions)
            self.decisions.setText(f"<b>Decided</b><ul style='margin:0'>{lines}</ul>")
        else:
            self.decisions.setText("")
        self.decisions.setVisible(bool(item.decisions))

    def fit_type_to_screen(self) -> None:
        """Large type, but no larger than the projector's height allows (720 lines and up)."""
        height = available_area(self).height()
        factor = max(0.5, min(1.0, height / 1000))
        for label, points in (
            (self.position, 20),
            (self.heading, self.HEADING_PT),
            (self.kind, 26),
            (self.body, self.BODY_PT),
            (self.decisions, self.BODY_PT),
        ):
            label.setFont(_pt(label.font(), round(points * factor), label.font().bold()))
        margin = round(80 * factor)
        self.layout().setContentsMargins(margin, round(48 * factor), margin, round(32 * factor))

    def present(self) -> None:
        self.fit_type_to_screen()
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.show()
        self.raise_()
        self.activateWindow()
        self.setFocus()

    def shown_text(self) -> str:
        """Everything on screen, as text (for tests and for a quick check by eye)."""
        return (
            "\n".join(w.text() for w in (self.position, self.heading, self.kind, self.decisions))
            + "\n"
            + self.body.toPlainText()
        )


def _pt(base, points: int, bold: bool = False):
    font = type(base)(base)
    font.setPointSize(points)
    font.setBold(bold)
    return font
