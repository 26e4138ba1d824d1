"""Items added by hand for the brief (``boardpapers item add``).

An item is stored as a one-item briefing of its own, dated the day it is for, so it is
searchable, exported and read back exactly like items from ingested briefings; its id
is the SHA-256 of what it says, so adding the same item twice stores it once."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks
from boardpapers.model.paper import BriefingItem, Paper
from boardpapers.store import Store

HAND_BODY = "Added by hand"  # the body of hand-added items unless one is given
ITEM_KINDS = ("news", "vacancy", "event")


def item_paper(headline: str, body: str = "", links: tuple[str, ...] = (),
               day: str | None = None, kind: str = "news",
               board: str | None = None) -> Paper:
    """The one-item briefing that holds a hand-added item."""
    if kind not in ITEM_KINDS:
        raise ValueError(f"item kind {kind!r}: use one of {', '.join(ITEM_KINDS)}")
    day = day or dt.date.today().isoformat()
    dt.date.fromisoformat(day)  # a bad date is refused before anything is stored
    said = json.dumps([headline, body, list(links), day, kind, board], ensure_ascii=False)
    sha = hashlib.sha256(said.encode()).hexdigest()
    slug = "-".join(re.findall(r"[a-z0-9]+", headline.lower()))[:60] or "item"
    blocks = [Block(BlockKind.HEADING, headline, level=1)]
    blocks += [Block(BlockKind.PARAGRAPH, p) for p in body.splitlines() if p.strip()]
    blocks += [Block(BlockKind.PARAGRAPH, link) for link in links]
    spanned, text = join_blocks(blocks)
    source = Source(f"item:{day}:{slug}", sha, "txt", 1, len(said.encode()))
    item = BriefingItem(kind=kind, headline=headline, body=body, links=tuple(links),
                        dates=(day,) if kind == "event" else (), first_block=0,
                        highlighted=True)
    return Paper(source=source, genre="briefing", layout=Layout(source, spanned, text),
                 genre_evidence=("added by hand",), genre_confidence=1.0, title=headline,
                 body=board or HAND_BODY, date=day, items=(item,))


def add_item(store: Store, headline: str, body: str = "", links: tuple[str, ...] = (),
             day: str | None = None, kind: str = "news", board: str | None = None
             ) -> tuple[str, bool]:
    """Store a hand-added item; its id and whether it was new."""
    paper = item_paper(headline, body, links, day, kind, board)
    added = store.save(paper)
    store.flush()
    return paper.source.sha256, added
