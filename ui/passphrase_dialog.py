"""Asking for the store's passphrase: to unlock it, or to choose one for a new store."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.store_access import MIN_PASSPHRASE
from ui.widgets import problem_label


class PassphraseDialog(QDialog):
    """One field to unlock a store; two (typed twice) to choose a new passphrase."""

    def __init__(
        self, prompt: str, confirm: bool, parent: QWidget | None = None, word: str = "passphrase"
    ):
        super().__init__(parent)
        self.word = word  # "password" for a shared store's login
        self.setWindowTitle(word.capitalize())
        self.setObjectName("passphrase_dialog")
        layout = QVBoxLayout(self)
        intro = QLabel(prompt)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if confirm:
            advice = QLabel(
                f"At least {MIN_PASSPHRASE} characters; a few ordinary words make a good one. "
                "The store cannot be opened without it: there is no way to recover a "
                "forgotten passphrase, so keep it safe."
            )
            advice.setWordWrap(True)
            layout.addWidget(advice)
        form = QFormLayout()
        self.first = self._field("passphrase")
        form.addRow(f"&{word.capitalize()}:", self.first)
        self.second = self._field("passphrase_again") if confirm else None
        if self.second is not None:
            form.addRow("Type it &again:", self.second)
        layout.addLayout(form)
        self.problem = problem_label("passphrase_problem")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name.replace("_", " "))
        return field

    def _accept_if_valid(self) -> None:
        text = self.first.text()
        if self.second is not None:
            if len(text) < MIN_PASSPHRASE:
                self.problem.setText(f"The passphrase needs at least {MIN_PASSPHRASE} characters.")
                return
            if self.second.text() != text:
                self.problem.setText("The two passphrases differ.")
                return
        if not text:
            self.problem.setText(f"Type the {self.word}.")
            return
        self.accept()

    def passphrase(self) -> str:
        return self.first.text()


def dialog_asker(parent: QWidget | None = None, word: str = "passphrase"):
    """An ``Asker`` for app.store_access that shows the dialog (``word``: "password" for a
    shared store's login)."""

    def ask(prompt: str, confirm: bool) -> str | None:
        dialog = PassphraseDialog(prompt, confirm, parent, word)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()

    return ask
