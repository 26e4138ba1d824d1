"""What the outputs share: the week a brief covers and the stored paper's contract."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from boardpapers.store import Store

__all__ = ["Week", "paper_json"]


@dataclass(frozen=True, slots=True)
class Week:
    """The Monday-to-Sunday week holding ``day``; ``day`` is the issue date."""

    day: dt.date

    @property
    def start(self) -> dt.date:
        return self.day - dt.timedelta(days=self.day.weekday())

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    @classmethod
    def of(cls, iso: str) -> Week:
        return cls(dt.date.fromisoformat(iso))


def paper_json(store: Store, doc_id: str) -> dict[str, Any]:
    """The stored paper's contract (as ``extract --json`` prints it, without blocks)."""
    return store.stored_paper(doc_id)
