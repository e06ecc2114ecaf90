"""Learning across reviews: themes by year, review types and agencies as charts; findings
that repeat earlier reviews' learning; a search over every review's text."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.learning import LearningOverview, learning_overview, search_reviews
from app.wording import plural
from db.store import StoreError
from ui.bar_chart import BarChart
from ui.editing import Editor
from ui.learning_exports import (
    export_annual_report_from,
    export_coding_from,
    export_newsletter_from,
)
from ui.table_tools import read_only_table
from ui.theme import muted_colour

REPEATED_COLUMNS = ("Review", "Finding", "Earlier review", "Year", "Earlier finding", "Shared themes",
                    "Similarity")  # fmt: skip
SEARCH_COLUMNS = ("Review", "Where", "Item", "Text")


def _scrolled(*charts: QWidget) -> QScrollArea:
    inner = QWidget()
    layout = QVBoxLayout(inner)
    for chart in charts:
        layout.addWidget(chart)
    layout.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    # Tabbed to (its arrow keys scroll the charts): it says which charts it holds.
    area.setAccessibleName("; ".join(c.accessibleName() for c in charts if c.accessibleName()))
    return area


def _table(columns: tuple[str, ...], name: str) -> QTableWidget:
    table = read_only_table(columns, name)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(False)
    # Wrapped rows are measured at the widths of the moment: measure again when they change.
    table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())
    return table


TOP_THEMES = 6


def _top_themes(totals: dict[str, int], per: dict[str, int]) -> dict[str, int]:
    """A row's counts for the most frequent themes overall, the rest as "Other themes"."""
    top = list(totals)[:TOP_THEMES]
    row = {t: per.get(t, 0) for t in top}
    rest = sum(n for t, n in per.items() if t not in top)
    if rest:
        row["Other themes"] = rest
    return row


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], stretch: tuple[int, ...]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    for c in range(table.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if c in stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(c, mode)
    table.resizeRowsToContents()


class LearningWindow(QDialog):
    """Not modal: it stays open beside the main window and follows the store's changes."""

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.overview: LearningOverview | None = None
        self.setWindowTitle("Learning across reviews")
        self.setObjectName("learning_window")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setModal(False)

        self.year_from = QComboBox()
        self.year_from.setObjectName("learning_from")
        self.year_from.setAccessibleName("From year")
        self.year_to = QComboBox()
        self.year_to.setObjectName("learning_to")
        self.year_to.setAccessibleName("To year")
        for combo in (self.year_from, self.year_to):
            combo.activated.connect(lambda _i: self.reload())
        self.summary = QLabel()
        self.summary.setObjectName("learning_summary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("From"))
        top.addWidget(self.year_from)
        top.addWidget(QLabel("to"))
        top.addWidget(self.year_to)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)

        self.themes_chart = BarChart("Reviews coded with each theme, by year")
        self.themes_chart.setObjectName("themes_chart")
        self.types_chart = BarChart("Reviews by type, by year")
        self.types_chart.setObjectName("types_chart")
        self.type_themes_chart = BarChart("Themes by review type (reviews coded with each)")
        self.type_themes_chart.setObjectName("type_themes_chart")
        self.agency_themes_chart = BarChart(
            "Themes of the reviews each kind of agency took part in"
        )
        self.agency_themes_chart.setObjectName("agency_themes_chart")
        self.agencies_chart = BarChart("Reviews each kind of agency took part in")
        self.agencies_chart.setObjectName("agencies_chart")
        self.recs_chart = BarChart("Single-agency recommendations by agency")
        self.recs_chart.setObjectName("recommendations_chart")

        self.repeated = _table(REPEATED_COLUMNS, "repeated_table")
        self.repeated.setAccessibleName("Findings that repeat earlier reviews' learning")
        repeated_page = QWidget()
        repeated_layout = QVBoxLayout(repeated_page)
        note = QLabel(
            "Findings that resemble a finding of an earlier review: the same learning found "
            "again. Similarity combines the words, their spelling and the themes in common."
        )
        note.setWordWrap(True)
        palette = note.palette()
        palette.setColor(note.foregroundRole(), muted_colour())
        note.setPalette(palette)
        repeated_layout.addWidget(note)
        repeated_layout.addWidget(self.repeated, 1)

        self.query = QLineEdit()
        self.query.setObjectName("learning_search")
        self.query.setAccessibleName("Search every review")
        self.query.setPlaceholderText("Search every review: findings, recommendations, IMR "
                                      "lessons, chronology…")  # fmt: skip
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.search)
        go = QPushButton("Search")
        go.clicked.connect(self.search)
        self.results = _table(SEARCH_COLUMNS, "search_results")
        self.results.setAccessibleName("Search results")
        _fill(self.results, [], stretch=(2, 3))  # across the page before the first search too
        self.result_count = QLabel()
        search_page = QWidget()
        search_layout = QVBoxLayout(search_page)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(go)
        search_layout.addLayout(row)
        search_layout.addWidget(self.result_count)
        search_layout.addWidget(self.results, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("learning_tabs")
        self.tabs.addTab(_scrolled(self.themes_chart), "Themes")
        self.tabs.addTab(_scrolled(self.types_chart, self.type_themes_chart), "Review types")
        self.tabs.addTab(
            _scrolled(self.agency_themes_chart, self.agencies_chart, self.recs_chart), "Agencies"
        )
        self.tabs.addTab(repeated_page, "Repeated learning")
        self.tabs.addTab(search_page, "Search")
        # Rows wrapped while a page was hidden were measured at the wrong widths.
        self.tabs.currentChanged.connect(lambda _i: self._fit_rows())

        close = QPushButton("Close")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for text, name, export in (
            ("Newsletter…", "export_newsletter", export_newsletter_from),
            ("Annual report extract…", "export_annual_report", export_annual_report_from),
            ("Export coding…", "export_coding", export_coding_from),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, f=export: f(self, self.editor))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(1100, 700)
        editor.changed.connect(self._store_changed)
        self.reload()

    # Loading -------------------------------------------------------------------------------
    # What the learning view is made of; a change elsewhere (the chronology, meetings) leaves it.
    SOURCES = {"", "review", "finding", "recommendation", "action", "imr", "agency"}

    def _fit_rows(self) -> None:
        for table in (self.repeated, self.results):
            table.resizeRowsToContents()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._fit_rows()

    def _store_changed(self, kind: str) -> None:
        if self.isVisible() and kind in self.SOURCES:
            self.reload()

    def _range(self) -> tuple[int | None, int | None]:
        return self.year_from.currentData(), self.year_to.currentData()

    def reload(self) -> None:
        try:
            everything = learning_overview(self.editor.ctx)
            chosen_from, chosen_to = self._range()
            self.overview = learning_overview(self.editor.ctx, chosen_from, chosen_to)
        except (UserError, StoreError) as exc:
            self.editor.failed.emit(str(exc))
            return
        for combo, label, chosen in (
            (self.year_from, "Earliest", chosen_from),
            (self.year_to, "Latest", chosen_to),
        ):
            combo.clear()
            combo.addItem(label, None)
            for year in everything.years:
                combo.addItem(str(year), year)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        self._show(self.overview)

    def _show(self, o: LearningOverview) -> None:
        years = [str(y) for y in o.years]
        span = f"{years[0]}–{years[-1]}" if years else "no reviews"
        self.summary.setText(
            f"{len(o.reviews)} reviews ({span}); {len(o.theme_totals)} themes; "
            f"{len(o.repeated)} findings repeat an earlier review's learning."
        )

        def by_year(counts: dict[int, int]) -> dict[str, int]:
            return {str(y): n for y, n in counts.items()}

        self.themes_chart.set_data(
            [(t, by_year(o.themes_by_year[t])) for t in o.theme_totals], years
        )
        self.types_chart.set_data(
            sorted(
                ((t, by_year(c)) for t, c in o.types_by_year.items()),
                key=lambda row: -sum(row[1].values()),
            ),
            years,
        )
        theme_series = [*list(o.theme_totals)[:TOP_THEMES], "Other themes"]
        self.type_themes_chart.set_data(
            [(t, _top_themes(o.theme_totals, per)) for t, per in o.themes_by_type.items()],
            theme_series,
        )
        self.agency_themes_chart.set_data(
            [(a, _top_themes(o.theme_totals, per)) for a, per in o.themes_by_agency.items()],
            theme_series,
        )
        self.agencies_chart.set_data([(a, {"Reviews": n}) for a, n in o.agencies.items()],
                                     ["Reviews"])  # fmt: skip
        self.recs_chart.set_data(
            [(a, {"Recommendations": n}) for a, n in o.recommendations_by_agency.items()],
            ["Recommendations"],
        )
        _fill(
            self.repeated,
            [
                (
                    m.review,
                    f"{m.finding.number}. {m.finding.title}",
                    m.earlier_review,
                    str(m.earlier_year),
                    f"{m.earlier.number}. {m.earlier.title}",
                    "; ".join(m.shared_themes),
                    f"{m.score:.2f}",
                )  # fmt: skip
                for m in o.repeated
            ],
            stretch=(1, 4),
        )

    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            return
        try:
            hits = search_reviews(self.editor.ctx, text)
        except (UserError, StoreError) as exc:
            self.result_count.setText(str(exc))
            return
        self.result_count.setText(f"{plural(len(hits), 'result')} for “{text}”, best first.")
        _fill(self.results, [(h.review, h.kind, h.label, h.snippet) for h in hits], stretch=(2, 3))
