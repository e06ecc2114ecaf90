"""Tabs whose labels shorten when the full ones would not fit, instead of the bar scrolling."""

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget


class FittingTabs(QTabWidget):
    """A tab widget that shows every tab at once: the full labels when they fit, the short
    ones (``short_names``) when they do not. The full label is always the tab's tooltip and
    its accessible name, so a screen reader announces "Terms of reference", not "Terms".
    Where even the short ones do not fit (a projector's 1024 pixels beside the review list),
    the labels are elided to fit, never hidden behind scroll arrows, and every tab's tooltip
    gives its full name.

    ``short_names`` maps a full label to its short one, or is a function from the full label
    to the short one (for labels that carry a count, such as "Key lines of enquiry answered
    (1 of 6)"), returning the label itself where it has no shorter form."""

    def __init__(self, short_names: Mapping[str, str] | Callable[[str], str], parent=None) -> None:
        super().__init__(parent)
        if isinstance(short_names, Mapping):
            names = dict(short_names)
            self._short = lambda full: names.get(full, full)
        else:
            self._short = short_names
        self._full: list[str] = []
        self.shortened = False
        self.elided = False
        self.setElideMode(Qt.TextElideMode.ElideRight)

    def full_text(self, index: int) -> str:
        return self._full[index]

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802 - Qt naming
        self._full[index] = text
        self._label(index)
        self._fit()

    def tabInserted(self, index: int) -> None:  # noqa: N802 - Qt naming
        super().tabInserted(index)
        self._full.insert(index, self.tabBar().tabText(index))
        self._label(index)
        self._fit()

    def tabRemoved(self, index: int) -> None:  # noqa: N802 - Qt naming
        super().tabRemoved(index)
        del self._full[index]
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)  # a new font or style changes the labels' widths
        self._fit()

    def _label(self, index: int) -> None:
        bar, full = self.tabBar(), self._full[index]
        bar.setAccessibleTabName(index, full)
        shown_whole = not self.elided and self._short(full) == full
        bar.setTabToolTip(index, "" if shown_whole else full)

    def width_needed(self, texts: list[str]) -> int:
        """The tab bar's width with ``texts`` as labels (from the tabs' present sizes)."""
        bar = self.tabBar()
        metrics = bar.fontMetrics()
        return sum(
            bar.tabSizeHint(i).width()
            - metrics.horizontalAdvance(bar.tabText(i))
            + metrics.horizontalAdvance(text)
            for i, text in enumerate(texts)
        )

    def width_wanted(self) -> int:
        """The width in which every label reads: the short ones where there are short ones."""
        return self.width_needed([self._short(full) for full in self._full])

    def _fit(self) -> None:
        if len(self._full) != self.count():
            return  # part-way through inserting
        self.shortened = self.width_needed(self._full) > self.width()
        short = [self._short(full) for full in self._full]
        elided = self.shortened and self.width_needed(short) > self.width()
        bar = self.tabBar()
        for index, full in enumerate(self._full):
            text = short[index] if self.shortened else full
            if bar.tabText(index) != text:
                bar.setTabText(index, text)
        if elided != self.elided:
            self.elided = elided
            self.setUsesScrollButtons(not elided)  # without them, the bar elides to fit
            for index in range(self.count()):
                self._label(index)
