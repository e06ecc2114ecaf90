"""The small context every service takes: the open store and who is acting."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # light to import: commands register before any store is opened
    from db.store import Store


@dataclass
class AppContext:
    store: Store
    actor: str
    today_override: date | None = field(default=None)

    def session(self):
        return self.store.session(self.actor)

    def today(self) -> date:
        """Today's date (tests and demos can pin it)."""
        return self.today_override or date.today()

    @property
    def readonly(self) -> bool:
        return self.store.readonly
