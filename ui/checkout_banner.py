"""The line above a review in a laptop store that is a checked-out copy of a shared review.

(A review checked out of this store is read-only here: the review's rights say so, with who
has it and since when, as for any other reason a review cannot be changed.)
"""

from PySide6.QtWidgets import QLabel

from app.checkout import copy_source


class CheckoutBanner(QLabel):
    """Says when the review shown is an offline copy, and where it goes back."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("checkout_banner")
        self.setAccessibleName("Offline copy")
        self.setWordWrap(True)
        self.setStyleSheet(
            "padding: 8px; background: palette(highlight); color: palette(highlighted-text);"
        )
        self.hide()

    def show_for(self, ctx, review_id: int) -> None:
        source = copy_source(ctx, review_id)
        if source is not None:
            self.setText(
                f"Offline copy, checked out of {source}. When you are done, check it back in "
                "(File › Offline work › Check in to the shared store); until then the shared "
                "copy is read-only."
            )
        self.setVisible(source is not None)
