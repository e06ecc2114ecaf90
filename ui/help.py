"""Help (F1): a short guide to each tab, and every key the window answers to."""

from html import escape

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ui.screen import fit_to_screen
from ui.tab_names import TAB_NAMES

GUIDES = {
    "Details": "The review's type, reference, status and key dates. The target date follows "
    "the review type from the decision to review; type a date (15/03/2026) or pick it from "
    "the calendar (Alt+Down).",
    "Terms of reference": "The key lines of enquiry the review must answer, in order.",
    "Panel": "Who sits on the panel. They are listed as expected at each new meeting.",
    "Agencies and IMRs": "Each agency's Individual Management Review: request it, record it "
    "received, challenge it and accept it. Right-click an agency for its commands.",
    "Chronology": "The merged chronology of every agency. Import an agency's spreadsheet, "
    "filter by agency, dates, type, person, theme or key episode, and search the text "
    "(Ctrl+Shift+F). Select entries to tag a theme, link them to a key practice episode or "
    "cite them in a finding (right-click). Delete removes them; Ctrl+Z puts them back.",
    "Findings": "The panel's findings, with the evidence that supports each one.",
    "Recommendations": "Multi-agency recommendations answering the findings, and the action "
    "plan for each.",
    "People": "Everyone and every place that must not be named in a published document: the "
    'real name, its variants and identifiers, and the descriptor printed instead ("Child L", '
    '"the health visitor"). Names found in the chronology and the panel are offered to confirm.',
    "Documents": "The Overview Report, Executive Summary and learning brief: start one from "
    "its template, write its sections, run the release check, and export it as PDF, Word or a "
    "web page. A published document is anonymised from the People tab; an issued version is "
    "kept unchanged in the store.",
    "Meetings": "Each meeting's agenda, attendance (add guests who are not on the panel) and "
    "the panel's tasks. Run this meeting walks the agenda with a timer; running it marks the "
    "meeting held.",
    "Audit trail": "Every change to the review, who made it and when. Filter it by typing.",
}

KEYS = [
    ("Ctrl+N", "New review"),
    ("Ctrl+O", "Open another store"),
    ("Ctrl+I", "Import an agency chronology"),
    ("Ctrl+F", "Find a review"),
    ("Ctrl+Shift+R", "Show or hide the review list"),
    ("Ctrl+1 … Ctrl+0", "Go to a tab"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
    ("Ctrl+Shift+F", "Search the chronology's text"),
    ("Delete", "Delete the selected chronology entries (undo puts them back)"),
    ("Ctrl+C", "Copy the selected rows of a table"),
    ("Tab / Shift+Tab", "Next / previous control (arrows move within a table)"),
    ("Alt+Down", "Open a date field's calendar"),
    ("Up / Down in a date", "A day later / earlier"),
    ("Ctrl+Delete in a date", "Clear the date"),
    ("Ctrl+Shift+A", "Action plan across reviews"),
    ("Ctrl+Shift+B", "Back up the store"),
    ("Ctrl+Shift+L", "Learning across reviews"),
    ("F1", "This help"),
    (
        "In the meeting runner",
        "Page Down / Page Up: next / previous item; Ctrl+N notes; "
        "Ctrl+D decision; Ctrl+T action; Ctrl+G agree the finding; Ctrl+A / Ctrl+C accept or "
        "challenge the IMR; F5 present",
    ),
]


def help_html(current_tab: str | None = None) -> str:
    parts = ["<h2>ReviewDesk</h2>"]
    if current_tab in GUIDES:
        parts.append(f"<h3>{escape(current_tab)}</h3><p>{escape(GUIDES[current_tab])}</p>")
    parts.append("<h3>The tabs</h3><dl>")
    for name in TAB_NAMES:
        if name != current_tab:
            parts.append(f"<dt><b>{escape(name)}</b></dt><dd>{escape(GUIDES[name])}</dd>")
    parts.append("</dl><h3>Keys</h3><table cellpadding='3'>")
    for key, what in KEYS:
        parts.append(f"<tr><td><b>{escape(key)}</b></td><td>{escape(what)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


class HelpDialog(QDialog):
    def __init__(self, current_tab: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Help")
        self.text = QTextBrowser()
        self.text.setObjectName("help_text")
        self.text.setAccessibleName("Help")
        self.text.setHtml(help_html(current_tab))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        fit_to_screen(self, QSize(em * 62, em * 56))
