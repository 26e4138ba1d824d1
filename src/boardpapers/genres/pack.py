"""What only an agenda pack has: the publisher's cover line and "Agenda Item N" stamps.

A pack is an agenda with its reports behind it; the decision rules (``genre.DECIDE``)
name it from the agenda and report scores and the report templates counted, and these
signs (a "Public Document Pack" cover) let a weaker agenda front sheet count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.genres import Counted, PaperLines, Signs

_PACK_COVER = re.compile(r"^(?:public (?:document|reports) pack|agenda pack|supplementary pack)$",
                         re.IGNORECASE)
_ITEM_STAMP = re.compile(r"^(?:agenda item|eitem agenda|eitem)\s+\d{1,2}[a-z]?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PackSignSettings:
    """Weights of what only a pack has: the publisher's cover line and item stamps."""

    cover: float = 2.0  # "Public Document Pack"
    cover_lines: int = 10  # ...among the first lines
    stamps: Counted = Counted(1.0, 2.0)  # "Agenda Item 4" page stamps
    min_stamps: int = 1


PACK_SIGNS = PackSignSettings()



def score(paper: PaperLines, signs: Signs) -> None:
    """The publisher's cover line near the top and the item stamps on report pages."""
    w = PACK_SIGNS
    lines = paper.lines
    if any(_PACK_COVER.match(t) for _, _, t in lines[:w.cover_lines]):
        signs("agenda_pack", w.cover, "'Public Document Pack' cover")
    stamps = sum(1 for _, _, t in lines if _ITEM_STAMP.match(t))
    if stamps >= w.min_stamps:
        signs("agenda_pack", w.stamps.of(stamps), f"'Agenda Item N' stamps x{stamps}")
