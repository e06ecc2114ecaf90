"""What the window shows when no review is open: on an empty store, the first steps."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.icons import icon
from ui.theme import scaled_font


class WelcomePage(QWidget):
    new_review = Signal()
    add_demo = Signal()
    import_chronology = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.heading = QLabel()
        self.heading.setObjectName("welcome_heading")
        self.heading.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.heading.setWordWrap(True)
        self.text = QLabel()
        self.text.setObjectName("welcome_text")
        self.text.setWordWrap(True)
        self.new_button = self._button("Create a review", "add", self.new_review)
        self.demo_button = self._button(
            "Add the demonstration reviews (fictional)", "demo", self.add_demo
        )
        self.import_button = self._button(
            "Import an agency chronology…", "import", self.import_chronology
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(14)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        for button in (self.new_button, self.demo_button, self.import_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)

    def _button(self, text: str, icon_name: str, signal) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setIconSize(QSize(20, 20))
        button.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
        button.clicked.connect(signal)
        return button

    def show_state(self, has_reviews: bool, readonly: bool, can_import: bool) -> None:
        if has_reviews:
            self.heading.setText("Choose a review")
            self.text.setText("Select a review on the left, or create a new one.")
        else:
            self.heading.setText("Welcome to ReviewDesk")
            self.text.setText(
                "Everything you add stays in one file on this computer. Start a review, or "
                "look around first with fictional demonstration reviews (child safeguarding "
                "practice reviews, a safeguarding adults review and an audit) with their IMRs, "
                "findings, recommendations and meetings."
            )
        self.new_button.setEnabled(not readonly)
        self.demo_button.setVisible(not has_reviews)
        self.demo_button.setEnabled(not readonly)
        self.import_button.setVisible(can_import)
        self.import_button.setEnabled(not readonly)

    def take_focus(self) -> None:
        """The first step that can be taken has the keyboard (an empty store: the person starts
        here, not in the search box of an empty list)."""
        for button in (self.new_button, self.demo_button, self.import_button):
            if button.isEnabled() and not button.isHidden():
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return
