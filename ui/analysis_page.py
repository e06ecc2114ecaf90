"""What the chronology shows that reviews often could not establish, with click-through."""

from datetime import date
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QSpinBox, QTextBrowser, QVBoxLayout, QWidget

from app.chronology.entries import count_entries
from app.chronology.export import analyse_review
from app.wording import plural
from ui.editing import Editor
from ui.tasks import Job, start_job
from ui.theme import danger_colour, muted_colour
from ui.widgets import label_for, named


def _d(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else "?"


def _period(item: dict) -> str:
    link = f"period:{item['start']}:{item['end']}"
    return f"<a href='{link}'>{_d(item['start'])} to {_d(item['end'])}</a>"


def analysis_html(data: dict, gap_days: int, late_days: int) -> str:
    """The analysis as a readable page. Every piece of agency text is escaped."""
    danger, muted = danger_colour().name(), muted_colour().name()
    out: list[str] = []
    s = data["silences"]
    out.append(f"<h2>Silences: no contact from any agency for more than {gap_days} days</h2>")
    if s["overall"]:
        out.append("<ul>")
        for item in s["overall"]:
            out.append(f"<li><b>{item['days']} days</b>: {_period(item)}</li>")
        out.append("</ul>")
    else:
        out.append("<p>No such period.</p>")
    if s["by_agency"]:
        out.append(f"<p>Within each agency's own involvement (more than {gap_days} days):</p><ul>")
        for item in s["by_agency"]:
            out.append(
                f"<li>{escape(item['agency'])}: <b>{item['days']} days</b>, {_period(item)}</li>"
            )
        out.append("</ul>")
    if s.get("undated"):
        out.append(
            f"<p style='color:{muted}'>{plural(s['undated'], 'entry')} without a readable date "
            "are not counted here.</p>"
        )

    out.append("<h2>Practitioners: continuity of workers and managers</h2>")
    agencies = data["practitioners"]["agencies"]
    if not agencies:
        out.append("<p>No practitioner names recorded.</p>")
    for agency in agencies:
        out.append(f"<p><b>{escape(agency['summary'])}</b></p><ul>")
        for role in agency["roles"]:
            years = ", ".join(f"{y['year']}: {y['count']}" for y in role["by_year"])
            names = escape(", ".join(role["names"][:12]))
            more = " …" if len(role["names"]) > 12 else ""
            out.append(
                f"<li>{escape(role['role'])}: {role['count']} "
                f"<span style='color:{muted}'>({years}). {names}{more}</span></li>"
            )
        out.append("</ul>")

    r = data["recording_delays"]
    out.append(f"<h2>Recording: entries written up more than {late_days} days after the event</h2>")
    rows = [a for a in r["agencies"] if a["with_both"]]
    if not rows:
        out.append("<p>No entries give both the event date and the date recorded.</p>")
    else:
        out.append(
            "<table cellspacing='0' cellpadding='4' border='1'>"
            "<tr><th align='left'>Agency</th><th>With both dates</th><th>Late</th>"
            "<th>Median delay</th><th>Longest delay</th><th align='left'>Longest</th></tr>"
        )
        for a in rows:
            longest = a["late_entries"][:3]
            links = ", ".join(
                f"<a href='entry:{e['id']}'>{_d(e['event_date'])} ({e['days_late']} days)</a>"
                for e in longest
            )
            late = f"<b style='color:{danger}'>{a['late']}</b>" if a["late"] else "0"
            median = a["median_days"]
            median_text = "" if median is None else f"{median:g} day{'' if median == 1 else 's'}"
            max_text = "" if a["max_days"] is None else plural(a["max_days"], "day")
            out.append(
                f"<tr><td>{escape(a['agency'])}</td><td align='center'>{a['with_both']}</td>"
                f"<td align='center'>{late}</td><td align='center'>{median_text}</td>"
                f"<td align='center'>{max_text}</td><td>{links}</td></tr>"
            )
        out.append("</table>")
        early = [e for a in r["agencies"] for e in a.get("recorded_before_event", [])]
        if early:
            links = ", ".join(
                f"<a href='entry:{e['id']}'>{_d(e['event_date'])}</a>" for e in early[:10]
            )
            out.append(
                f"<p style='color:{danger}'>{plural(len(early), 'entry')} recorded before the "
                f"event they describe (a data error to check): {links}</p>"
            )

    m = data["missing_episodes"]
    out.append("<h2>Missing episodes and return home interviews</h2>")
    if not m["count"]:
        out.append("<p>No missing episodes recorded (event type 'Missing episode').</p>")
    else:
        without = m["without_rhi_within_72h"]
        out.append(
            f"<p><b>{plural(m['count'], 'missing episode')}</b> between {_d(m['first'])} and "
            f"{_d(m['last'])}; <b>{m['with_rhi_within_72h']}</b> with a return home interview "
            f"recorded within 72 hours"
            + (f", <b style='color:{danger}'>{without} without</b>" if without else "")
            + ".</p>"
        )
        per_year = ", ".join(f"{y['year']}: {y['count']}" for y in m["by_year"])
        out.append(f"<p style='color:{muted}'>By year: {per_year}</p>")
        missing = [e for e in m["episodes"] if not e.get("rhi_id")]
        if missing:
            links = ", ".join(
                f"<a href='entry:{e['id']}'>{_d(e['start'])}</a>" for e in missing[:30]
            )
            out.append(f"<p>Without an interview within 72 hours: {links}</p>")

    o = data["oversight_gaps"]
    out.append(
        f"<h2>Management oversight: gaps of more than {o['oversight_gap_days']} days "
        "with no supervision recorded</h2>"
    )
    if o["gaps"]:
        out.append("<ul>")
        for g in o["gaps"]:
            out.append(f"<li>{escape(g['agency'])}: <b>{g['days']} days</b>, {_period(g)}</li>")
        out.append("</ul>")
    else:
        out.append("<p>No such gap in the agencies that record supervision.</p>")
    if o["agencies_without_oversight_records"]:
        names = ", ".join(escape(a["agency"]) for a in o["agencies_without_oversight_records"])
        out.append(
            f"<p style='color:{muted}'>No supervision or oversight entries at all from: {names}. "
            "Many agencies do not put supervision in their chronology; ask them.</p>"
        )
    return "\n".join(out)


# Up to this many entries the analysis is worked out at once; above it (a review with years of
# multi-agency involvement takes seconds), off the window's thread, which says it is working.
AT_ONCE = 5_000


class AnalysisPage(QWidget):
    show_period = Signal(object, object)  # date, date
    show_entry = Signal(int)

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.review_id: int | None = None
        self.data: dict | None = None
        self.job: Job | None = None  # the analysis being worked out, for a large chronology
        self.gap_days = QSpinBox()
        self.gap_days.setObjectName("gap_days")
        self.gap_days.setRange(7, 3650)
        self.gap_days.setValue(90)
        self.gap_days.setSuffix(" days")
        self.late_days = QSpinBox()
        self.late_days.setObjectName("late_days")
        self.late_days.setRange(1, 365)
        self.late_days.setValue(7)
        self.late_days.setSuffix(" days")
        for spin in (self.gap_days, self.late_days):
            spin.editingFinished.connect(self.refresh)
        self.browser = QTextBrowser()
        self.browser.setObjectName("analysis_text")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        named(
            self.browser,
            "What the chronology shows",
            "Silences, continuity of practitioners, late recording, missing episodes and "
            "gaps in oversight; each date links to its entries",
        )
        controls = QHBoxLayout()
        controls.addWidget(label_for("&Silence and oversight gap longer than", self.gap_days))
        controls.addWidget(self.gap_days)
        controls.addSpacing(16)
        controls.addWidget(label_for("Recorded &late after", self.late_days))
        controls.addWidget(self.late_days)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.browser, 1)

    def show_review(self, review_id: int) -> None:
        self._stop()
        self.review_id = review_id
        self.data = None
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.data is None and self.job is None:
            self.refresh()

    def is_working(self) -> bool:
        """Whether the analysis of a large chronology is being worked out."""
        return self.job is not None

    def refresh(self) -> None:
        """The analysis with the days now set: at once for a chronology of a few thousand
        entries; for a larger one, off the window's thread, the page saying so meanwhile (a
        change of the days, or another review, drops what was under way)."""
        self._stop()
        if self.review_id is None:
            return
        ctx, review_id = self.editor.ctx, self.review_id
        gap, late = self.gap_days.value(), self.late_days.value()

        def work(_progress=None) -> dict:
            return analyse_review(ctx, review_id, gap_days=gap, late_days=late).to_json()

        entries = count_entries(ctx, review_id)
        if entries <= AT_ONCE:
            self._show(work(), gap, late)
            return
        self.data = None
        self.browser.setHtml(
            f"<p>Working out the analysis of {entries:,} entries… The other tabs can be "
            "used meanwhile.</p>"
        )
        self.browser.setAccessibleDescription("Working out the analysis")

        def done(data: dict) -> None:
            self.job = None
            self._show(data, gap, late)

        def failed(message: str) -> None:
            self.job = None
            self.browser.setPlainText(f"The analysis could not be worked out.\n\n{message}")

        self.job = start_job(self, work, done, failed)

    def _show(self, data: dict, gap: int, late: int) -> None:
        self.data = data
        self.browser.setHtml(analysis_html(data, gap, late))
        self.browser.setAccessibleDescription(
            "Silences, continuity of practitioners, late recording, missing episodes and "
            "gaps in oversight; each date links to its entries"
        )

    def _stop(self) -> None:
        if self.job is not None:
            self.job.stop()  # its late result is dropped
            self.job = None

    def _clicked(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "entry":
            self.show_entry.emit(int(rest))
        elif kind == "period":
            start, _, end = rest.partition(":")
            self.show_period.emit(date.fromisoformat(start), date.fromisoformat(end))
