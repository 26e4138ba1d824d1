"""One search over the block index, whichever way the database rows are read.

The index ranks and counts, and keeps with each passage its paper and what a hit shows
(so a search reads no hit rows from the database); the rows say which body names match
a ``body:`` filter, which passages and papers a ``council:`` selects and which papers
are superseded, and give a hit's row when an index lacks it. A ``RowSource`` answers
those questions: SQLAlchemy for every back end (sql.py), or the
standard library's sqlite3 for a quick read-only search of a SQLite file (quick.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from boardpapers.model.query import Query
from boardpapers.store.base import BlockHit, BlockSearch, SearchOptions
from boardpapers.store.indexsearch import Chooser, IndexHit, Scope, fold_hits
from boardpapers.store.textindex import TextIndex


class RowSource(Protocol):
    def body_names(self, body: str) -> list[str]:
        """Stored body names containing the text (case-insensitive)."""
        ...

    def council_mentions(self, codes: Sequence[str], name: str | None
                         ) -> list[tuple[int, str]]:
        """(block id, document) of passages naming a council: by register codes, or
        (codes empty) by its exact name."""
        ...

    def authorities(self) -> list[str]: ...

    def documents_of(self, authorities: Sequence[str]) -> list[str]: ...

    def superseded(self) -> list[str]:
        """Documents whose file was ingested again since, changed: older versions."""
        ...

    def hit_details(self, block_ids: Sequence[int]) -> list[dict[str, Any]]:
        """id, doc_id, path, title, genre, date, body, idx, page, kind, section_kind,
        heading, report."""
        ...


def search_blocks(index: TextIndex, rows: RowSource, query: Query, *, limit: int,
                  offset: int = 0, facets: bool = True, options: SearchOptions | None = None,
                  behind: int = 0) -> BlockSearch:
    """Ranked blocks for a parsed query, folded as the options say, with their rows."""
    opts = options or SearchOptions(collapse=False)
    folded: dict[int, tuple[int, int]] = {}
    details: dict[int, dict[str, Any]] = {}
    names = rows.body_names(query.filters.body) if query.filters.body else None
    scope = council_scope(rows, query.filters.council, per_paper=opts.per_paper)
    hidden = rows.superseded()
    if opts.collapse or opts.per_paper:
        found = index.search(query, limit=max(opts.window, offset + limit), facets=facets,
                             body_names=names, scope=scope, by_date=opts.by_date,
                             choose=_chooser(rows, opts, limit, offset, folded, details),
                             hidden=hidden)
    else:
        found = index.search(query, limit=limit, offset=offset, facets=facets,
                             body_names=names, scope=scope, by_date=opts.by_date,
                             hidden=hidden)
    details.update(stored_details(found.hits))
    missing = [h.block_id for h in found.hits if h.block_id not in details]
    if missing:  # one query for rows the index does not hold
        details.update((r["id"], r) for r in rows.hit_details(missing))
    hits = tuple(BlockHit(h.block_id, h.score, h.snippet, details[h.block_id],
                          *folded.get(h.block_id, (1, 1)))
                 for h in found.hits if h.block_id in details)
    return BlockSearch(found.total, hits, found.facets, behind, papers=found.papers,
                       undated=found.undated, estimated=found.estimated)


def council_scope(rows: RowSource, council: str | None, *, per_paper: bool) -> Scope | None:
    """What ``council:`` selects: the passages that name the council (linked to the
    register by code, GSS code or exact name, never by part of a name) and every passage
    of the papers the council published itself; per paper, every paper naming it."""
    if not council:
        return None
    from boardpapers.registry import register
    codes = sorted({a.code for a in register().find(council)})
    mentions = rows.council_mentions(codes, None if codes else council)
    if codes:
        own = [a for a in rows.authorities()
               if set(codes) & {x.code for x in register().find(a)}]
    else:  # not in the register (an association, a partnership): exactly its name
        own = [council]
    published = tuple(rows.documents_of(own)) if own else ()
    if per_paper:
        return Scope(doc_ids=tuple(sorted({d for _, d in mentions} | set(published))))
    return Scope(block_ids=tuple(b for b, _ in mentions), doc_ids=published)


def stored_details(hits: Sequence[IndexHit]) -> dict[int, dict[str, Any]]:
    """The hits' rows as the index stored them, by block id (hits it lacks are left out)."""
    out: dict[int, dict[str, Any]] = {}
    for h in hits:
        if h.shown:
            row = json.loads(h.shown)
            row["id"], row["doc_id"] = h.block_id, h.doc_id
            out[h.block_id] = row
    return out


def _chooser(rows: RowSource, opts: SearchOptions, limit: int, offset: int,
             folded: dict[int, tuple[int, int]],
             details: dict[int, dict[str, Any]]) -> Chooser:
    """Picks one page from the ranked window once copies (and a paper's second
    passages) are folded away; records each shown hit's (copies, passages). Each
    passage's paper comes from the index; an index that lacks it has the window's rows
    read in one query."""
    def choose(window: list[IndexHit]) -> list[IndexHit]:
        unknown = [h.block_id for h in window if not h.doc_id]
        if unknown:
            details.update((r["id"], r) for r in rows.hit_details(unknown))
        owner = {h.block_id: h.doc_id for h in window if h.doc_id}
        owner.update((i, str(r["doc_id"])) for i, r in details.items())
        page = fold_hits(window, owner, collapse=opts.collapse,
                         per_paper=opts.per_paper)[offset:offset + limit]
        folded.update({h.block_id: (c, p) for h, c, p in page})
        return [h for h, _, _ in page]
    return choose
