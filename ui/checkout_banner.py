"""The line above a review that is checked out for offline work (or is such a copy)."""

from PySide6.QtWidgets import QLabel

from app.checkout import checkout_of, copy_source


class CheckoutBanner(QLabel):
    """Says when the review shown is checked out (read-only here) or is an offline copy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("checkout_banner")
        self.setAccessibleName("Check-out")
        self.setWordWrap(True)
        self.setStyleSheet(
            "padding: 8px; background: palette(highlight); color: palette(highlighted-text);"
        )
        self.hide()

    def show_for(self, ctx, review_id: int) -> None:
        held = checkout_of(ctx, review_id)
        source = None if held is not None else copy_source(ctx, review_id)
        if held is not None:
            self.setText(
                f"Read-only: checked out to {held.holder} since {held.taken_at:%d/%m/%Y %H:%M} "
                f"UTC for offline work ({held.destination}). Nothing can be changed here until "
                "it is checked back in, or released by the chair or the business manager."
            )
        elif source is not None:
            self.setText(
                f"Offline copy, checked out of {source}. When you are done, check it back in "
                "('reviewdesk checkin'); until then the shared copy is read-only."
            )
        self.setVisible(held is not None or source is not None)
