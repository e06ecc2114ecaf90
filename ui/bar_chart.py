"""A plain horizontal bar chart drawn with QPainter: one row per label, optionally stacked by
series (years, say), with the values written at the end of each bar."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

# Colour-blind-safe series colours (Okabe-Ito, without black and yellow).
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999",
                  "#6A3D9A")  # fmt: skip


class BarChart(QWidget):
    """Rows of (label, {series: value}); a legend when there is more than one series."""

    ROW, GAP, PAD = 20, 6, 8

    def __init__(self, title: str = "", parent=None):
        super().__init__(parent)
        self.title = title
        self.rows: list[tuple[str, dict[str, int]]] = []
        self.series: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title or "Bar chart")

    def set_data(self, rows: list[tuple[str, dict[str, int]]], series: list[str]) -> None:
        self.rows, self.series = rows, series
        # Screen readers get the numbers as text: a chart is no use to them otherwise.
        described = "; ".join(f"{label}: {sum(values.values())}" for label, values in rows)
        self.setAccessibleDescription(described or "No data")
        self.setToolTip(
            "\n".join(
                f"{label}: " + ", ".join(f"{s} {v}" for s, v in values.items() if v)
                for label, values in rows
            )
        )
        self.updateGeometry()
        self.update()

    def colour(self, index: int) -> QColor:
        return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])

    def _legend_lines(self, width: int) -> list[list[tuple[int, str]]]:
        """The legend's entries (series index, name), wrapped to the widget's width."""
        if len(self.series) < 2:
            return []
        metrics = QFontMetrics(self.font())
        lines: list[list[tuple[int, str]]] = [[]]
        x = self.PAD
        for index, name in enumerate(self.series):
            step = 16 + metrics.horizontalAdvance(name) + 14
            if lines[-1] and x + step > width - self.PAD:
                lines.append([])
                x = self.PAD
            lines[-1].append((index, name))
            x += step
        return lines

    def _legend_height(self) -> int:
        return len(self._legend_lines(max(self.width(), 520))) * (self.ROW + self.GAP)

    def _title_height(self) -> int:
        return self.ROW + self.GAP if self.title else 0

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self.updateGeometry()  # the legend may wrap onto more lines

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        rows = max(1, len(self.rows))
        height = self._title_height() + self._legend_height() + rows * (self.ROW + self.GAP)
        return QSize(520, height + 2 * self.PAD)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        y = self.PAD
        if self.title:
            bold = self.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(self.PAD, y + metrics.ascent() + 2, self.title)
            painter.setFont(self.font())
            y += self._title_height()
        for line in self._legend_lines(self.width()):
            x = self.PAD
            for index, name in line:
                painter.fillRect(QRectF(x, y + 5, 12, 12), self.colour(index))
                painter.setPen(text)
                painter.drawText(x + 16, y + metrics.ascent() + 3, name)
                x += 16 + metrics.horizontalAdvance(name) + 14
            y += self.ROW + self.GAP
        if not self.rows:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.PAD, y + metrics.ascent() + 2, "Nothing to show yet.")
            return
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in self.rows) + 12,
            int(self.width() * 0.42),
        )
        biggest = max(sum(values.values()) for _, values in self.rows) or 1
        bar_space = self.width() - label_width - 2 * self.PAD - metrics.horizontalAdvance("9999")
        for label, values in self.rows:
            painter.setPen(text)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(self.PAD, y, label_width - 8, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                shown,
            )
            x = float(self.PAD + label_width)
            for index, name in enumerate(self.series):
                value = values.get(name, 0)
                if not value:
                    continue
                width = bar_space * value / biggest
                painter.fillRect(QRectF(x, y + 2, width, self.ROW - 4), self.colour(index))
                x += width
            painter.setPen(text)
            painter.drawText(
                QRectF(x + 4, y, 60, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(sum(values.values())),
            )
            y += self.ROW + self.GAP
        painter.end()
