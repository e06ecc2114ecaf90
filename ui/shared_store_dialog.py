"""Where the partnership's shared store is: its server, database and login, or its address."""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.location import is_server_url, mistyped_server_url, server_address
from ui.widgets import problem_label

DEFAULT_PORT = 5432
_KEYS = ("host", "port", "database", "login")


class SharedStoreDialog(QDialog):
    """The server, database and login of the shared store (remembered for next time, never a
    password: the server asks for it when it needs one), or its whole address pasted."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Open a shared store")
        self.setObjectName("shared_store_dialog")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The partnership's shared store is a database on a PostgreSQL server. Give its "
            "server, database and your login as your business manager set them up (the "
            "password is asked for when the server needs it, and is never kept), or paste its "
            "whole address."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = self._line("shared_host", "e.g. reviews.partnership.local")
        self.port = QSpinBox()
        self.port.setObjectName("shared_port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = self._line("shared_database", "e.g. reviewdesk")
        self.login = self._line("shared_login", "your login on the server")
        self.address_field = self._line("shared_address", "postgresql://login@server/database")
        form.addRow("&Server:", self.host)
        form.addRow("&Port:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&Login:", self.login)
        form.addRow("or its &address:", self.address_field)
        layout.addLayout(form)
        self.problem = problem_label("shared_problem")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self._restore()

    def _line(self, name: str, hint: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(hint)
        field.setAccessibleName(name.removeprefix("shared_").capitalize())
        return field

    def _restore(self) -> None:
        if self.settings is None:
            return
        for key in _KEYS:
            value = self.settings.value(f"shared_store/{key}")
            if value in (None, ""):
                continue
            if key == "port":
                self.port.setValue(int(value))
            else:
                getattr(self, key).setText(str(value))

    def address(self) -> str:
        """The address to open ("" while what was given does not make one)."""
        pasted = self.address_field.text().strip()
        if pasted:
            return pasted if is_server_url(pasted) else ""
        if not (self.host.text().strip() and self.database.text().strip()):
            return ""
        return server_address(
            self.host.text(), self.port.value(), self.database.text(), self.login.text()
        )

    def problem_text(self) -> str:
        pasted = self.address_field.text().strip()
        if pasted and not is_server_url(pasted):
            if mistyped_server_url(pasted):
                return "That address is not complete: it starts postgresql://, then the login."
            return (
                "An address starts postgresql:// (a store file is opened with Open another store)."
            )
        if pasted:
            return ""
        missing = [
            name
            for name, field in (("the server", self.host), ("the database", self.database))
            if not field.text().strip()
        ]
        if missing:
            return f"Give {' and '.join(missing)}."
        return ""

    def _accept_if_valid(self) -> None:
        problem = self.problem_text()
        if problem:
            self.problem.setText(problem)
            return
        if self.settings is not None and not self.address_field.text().strip():
            for key in _KEYS:
                value = self.port.value() if key == "port" else getattr(self, key).text().strip()
                self.settings.setValue(f"shared_store/{key}", value)
        self.accept()
