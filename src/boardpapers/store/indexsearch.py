"""Searching the block index: our parsed query as a tantivy query, filters, ordering,
facets and snippets. (textindex.py holds the index itself: schema, folder, writers.)

Ranking: BM25 per field with English stemming. Purpose, summary, recommendation and
action text (``lead``) weighs LEAD_BOOST times the body; a heading (``head``) weighs as
body text, and every other block also carries the words of the heading above it
(``ctx``, searched but never matched on its own), so the paragraph that matches under a
matching heading ranks above the two-word heading itself.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import tantivy

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.model.query import Filters, Query, Term
from boardpapers.vocab.text import fold

if TYPE_CHECKING:
    from boardpapers.store.textindex import TextIndex

TEXT_FIELDS = ("lead", "body", "head")  # stored: where a block's own text is
CONTEXT_FIELD = "ctx"  # the heading above a block: ranks, never matches alone
FIELD_BOOSTS = {"lead": 3.0, "body": 1.0, "head": 1.0}
CONTEXT_BOOST = 1.0
LEAD_BOOST = FIELD_BOOSTS["lead"]
FACET_FIELDS = {"body": "body_name", "genre": "genre", "year": "year", "section": "section",
                "council": "council"}
PAPER_FIELD = "paper"  # the paper as a number: counting distinct papers by it is cheap
SAMPLE_FIELD = "sample"  # which share of papers a block's paper falls in (FacetSettings)
SHOWN_FIELD = "shown"  # stored only: a hit's row as JSON, so a search reads no database
SNIPPET_CHARS = 180
PREFIX_TERMS = 50  # most frequent words a prefix query expands to


@dataclass(frozen=True, slots=True)
class FacetSettings:
    """Facets and the papers count are exact up to ``exact_up_to`` matches. Above it they
    are counted over the matches in a sample of the papers (each paper falls in one of
    ``buckets`` by a hash of its id; enough buckets are taken for about ``sample_size``
    matches) and scaled up, and the result says they are estimates: counting every match
    of a common word grows with the corpus (480k passages of a million match "council":
    22 ms, against 4 ms for the sample), the sample does not. The total is always exact.
    Below about four samples' worth a sample saves nothing (its buckets' posting lists
    cost what the aggregation saves). Changing ``buckets`` needs the index rebuilt
    (textindex.SCHEMA_VERSION)."""

    exact_up_to: int = 80_000
    sample_size: int = 20_000
    buckets: int = 1_024


FACETS = FacetSettings()


@dataclass(frozen=True, slots=True)
class Scope:
    """Blocks a filter resolved in the database allows (a council): these blocks, or
    every block of these documents."""

    block_ids: tuple[int, ...] = ()
    doc_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexHit:
    block_id: int
    score: float
    snippet: str = ""  # HTML-escaped, matches in <mark>
    text: str = ""  # the block's text, as indexed
    copies: int = 1  # hits with the same text this one stands for
    doc_id: str = ""  # the paper the block belongs to
    shown: bytes = b""  # its row as stored in the index (JSON), if it was


@dataclass(frozen=True, slots=True)
class IndexResult:
    total: int
    hits: tuple[IndexHit, ...]
    facets: dict[str, list[tuple[str, int]]]
    papers: int = 0  # distinct documents among all matches
    undated: int = 0  # matches a date filter left out because their paper has no date
    estimated: bool = False  # facets and papers estimated from a sample (FacetSettings)


Chooser = Callable[[list[IndexHit]], list[IndexHit]]


def search_index(ix: TextIndex, query: Query, *, limit: int, offset: int = 0,
                 facets: bool = True, body_names: Sequence[str] | None = None,
                 scope: Scope | None = None, by_date: bool = False,
                 choose: Chooser | None = None, hidden: Sequence[str] = ()) -> IndexResult:
    """Top hits with snippets, the total and facet counts for one parsed query.

    ``body_names`` and ``scope`` are filters the database resolved (a body name
    substring, a council): None means no such filter, an empty one matches nothing;
    ``hidden`` documents (superseded versions) are left out.
    ``by_date`` orders newest first (undated last) instead of by relevance. ``choose``
    picks the hits to show from the window fetched (collapsing copies, one per paper)
    before snippets are made for them.
    """
    text_query = ix.text_query(query)
    full = with_filters(ix, text_query, query.filters, body_names, scope, hidden=hidden)
    searcher = ix.index.searcher()
    try:
        if by_date:
            found = searcher.search(full, limit=limit, offset=offset, count=True,
                                    order_by_field="date", order=tantivy.Order.Desc)
        else:
            found = searcher.search(full, limit=limit, offset=offset, count=True)
    except ValueError as exc:
        raise QuerySyntaxError(f"could not run this query: {exc}") from None
    addresses: dict[int, Any] = {}
    window: list[IndexHit] = []
    for key, address in found.hits:
        doc = searcher.doc(address)
        block_id = int(doc["id"][0])
        addresses[block_id] = doc
        score = 0.0 if by_date else float(key)
        window.append(IndexHit(block_id, score, text=_text_of(doc),
                               doc_id=doc.get_first("doc") or "",
                               shown=doc.get_first(SHOWN_FIELD) or b""))
    chosen = choose(window) if choose else window
    generators = _Snippets(searcher, text_query, ix.schema)
    hits = tuple(replace(h, snippet=_snippet(addresses[h.block_id], generators))
                 for h in chosen)
    total = int(getattr(found, "count", 0) or 0)
    counts: dict[str, list[tuple[str, int]]] = {}
    papers, estimated = 0, False
    if total > FACETS.exact_up_to:
        counts, papers = sampled_facet_counts(ix, searcher, full, total, facets=facets)
        estimated = papers > 0
    if total and not estimated:
        counts, papers = facet_counts(searcher, full, facets=facets)
    undated = 0
    if (query.filters.since or query.filters.until) and not query.filters.undated:
        undated = _count(searcher, with_filters(
            ix, text_query, replace(query.filters, since=None, until=None), body_names,
            scope, undated_only=True, hidden=hidden))
    return IndexResult(total, hits, counts, papers=papers, undated=undated,
                       estimated=estimated)


def _count(searcher: Any, query: tantivy.Query) -> int:
    return int(searcher.search(query, limit=1, count=True).count or 0)


def _text_of(doc: Any) -> str:
    for name in TEXT_FIELDS:
        value = doc.get_first(name)
        if value:
            return str(value)
    return ""


class QueryBuilder:
    """Turns a parsed Query into tantivy queries (mixed into TextIndex)."""

    index: tantivy.Index
    schema: tantivy.Schema
    _stem: tantivy.TextAnalyzer

    def text_query(self, query: Query) -> tantivy.Query:
        """Groups ANDed, alternatives ORed, exclusions; no words: every block."""
        clauses = [(tantivy.Occur.Must, self._group(group)) for group in query.groups]
        if not clauses:
            clauses = [(tantivy.Occur.Must, tantivy.Query.all_query())]
        clauses += [(tantivy.Occur.MustNot, self._term(t, context=False))
                    for t in query.excluded]
        return tantivy.Query.boolean_query(clauses)

    def _group(self, group: Sequence[Term]) -> tantivy.Query:
        if len(group) == 1:
            return self._term(group[0])
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, self._term(t))
                                            for t in group])

    def _term(self, term: Term, *, context: bool = True) -> tantivy.Query:
        """One word, phrase or prefix over the text fields (lead boosted); the heading
        above a block adds to its score when it holds the word too."""
        if term.prefix:
            return self._prefix(term.text)
        quoted = '"' + term.text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        try:
            own = self.index.parse_query(quoted, list(TEXT_FIELDS), field_boosts=FIELD_BOOSTS)
            if not context:
                return own
            above = self.index.parse_query(quoted, [CONTEXT_FIELD],
                                           field_boosts={CONTEXT_FIELD: CONTEXT_BOOST})
        except ValueError as exc:
            raise QuerySyntaxError(f"cannot search for {term.text!r}: {exc}") from None
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, own),
                                            (tantivy.Occur.Should, above)])

    def _prefix(self, text: str) -> tantivy.Query:
        """``cyber*``: the index's own words that start with the prefix, as typed or as
        stemmed, most frequent first (at most PREFIX_TERMS), so they rank by BM25 and
        are highlighted in snippets like any other word."""
        words = self._stem.analyze(text)
        if not words:
            return tantivy.Query.empty_query()
        typed = text.lower().split()[-1]
        searcher = self.index.searcher()
        alternatives = []
        for name in TEXT_FIELDS:
            expansions: dict[str, int] = {}
            for start in {words[-1], typed}:
                for term, count in searcher.terms_with_prefix(name, start,
                                                              limit=PREFIX_TERMS):
                    expansions[term] = max(count, expansions.get(term, 0))
            best = sorted(expansions, key=lambda t: -expansions[t])[:PREFIX_TERMS]
            if not best:
                continue
            q = tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, name, t))
                 for t in best])
            if len(words) > 1:  # "affordable hous*": the other words must be there too
                rest = [tantivy.Query.term_query(self.schema, name, w) for w in words[:-1]]
                q = tantivy.Query.boolean_query([(tantivy.Occur.Must, x) for x in [*rest, q]])
            if FIELD_BOOSTS[name] != 1.0:
                q = tantivy.Query.boost_query(q, FIELD_BOOSTS[name])
            alternatives.append((tantivy.Occur.Should, q))
        if not alternatives:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query(alternatives)

    def similar_query(self, terms: Sequence[str], exclude: str) -> tantivy.Query:
        clauses = [(tantivy.Occur.Should, self._term(Term(t), context=False)) for t in terms]
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, tantivy.Query.boolean_query(clauses)),
             (tantivy.Occur.MustNot, tantivy.Query.term_query(self.schema, "doc", exclude))])


def with_filters(ix: TextIndex, text_query: tantivy.Query, f: Filters,
                 body_names: Sequence[str] | None, scope: Scope | None, *,
                 undated_only: bool = False, hidden: Sequence[str] = ()) -> tantivy.Query:
    """The text query narrowed by every filter; ``undated_only`` asks instead for the
    blocks of papers with no date (what a date filter leaves out)."""
    must: list[tantivy.Query] = [text_query]
    not_: list[tantivy.Query] = []
    s = ix.schema
    if f.genre:
        must.append(tantivy.Query.term_query(s, "genre", f.genre))
    if f.form:
        must.append(tantivy.Query.term_query(s, "form", f.form))
    if f.section:
        must.append(tantivy.Query.term_query(s, "section", f.section))
    if f.has:
        must.append(tantivy.Query.term_query(s, "has", f.has))
    if undated_only:
        not_.append(tantivy.Query.exists_query("date"))
    elif f.since or f.until:
        dated = tantivy.Query.range_query(
            s, "date", tantivy.FieldType.Integer,
            day_number(f.since) if f.since else 1, day_number(f.until) if f.until else None)
        if f.undated:
            dated = tantivy.Query.boolean_query([
                (tantivy.Occur.Should, dated),
                (tantivy.Occur.Should, tantivy.Query.boolean_query([
                    (tantivy.Occur.Must, tantivy.Query.all_query()),
                    (tantivy.Occur.MustNot, tantivy.Query.exists_query("date"))]))])
        must.append(dated)
    if body_names is not None:
        must.append(tantivy.Query.term_set_query(s, "body_name", list(body_names)))
    if scope is not None:
        must.append(tantivy.Query.boolean_query([
            (tantivy.Occur.Should, tantivy.Query.term_set_query(s, "id",
                                                                list(scope.block_ids))),
            (tantivy.Occur.Should, tantivy.Query.term_set_query(s, "doc",
                                                                list(scope.doc_ids)))]))
    if hidden:  # earlier versions of a file ingested again
        not_.append(tantivy.Query.term_set_query(s, "doc", list(hidden)))
    if len(must) == 1 and not not_:
        return text_query
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in must]
                                       + [(tantivy.Occur.MustNot, q) for q in not_])


def facet_counts(searcher: Any, query: tantivy.Query, *, facets: bool = True,
                 top: int = 10) -> tuple[dict[str, list[tuple[str, int]]], int]:
    """The facets (unless ``facets`` is False) and the number of distinct papers among
    the matches, in one pass over the matching blocks' columns."""
    request: dict[str, Any] = {"papers": {"cardinality": {"field": PAPER_FIELD}}}
    if facets:
        request.update({name: {"terms": {"field": field, "size": top}}
                        for name, field in FACET_FIELDS.items()})
    result = searcher.aggregate(query, request)
    papers = int(result.get("papers", {}).get("value") or 0)
    if not facets:
        return {}, papers
    return {name: [(str(b["key"]), int(b["doc_count"]))
                   for b in result.get(name, {}).get("buckets", [])]
            for name in FACET_FIELDS}, papers


def sampled_facet_counts(ix: TextIndex, searcher: Any, query: tantivy.Query, total: int, *,
                         facets: bool) -> tuple[dict[str, list[tuple[str, int]]], int]:
    """facet_counts over the matches in a sample of the papers, scaled up to the whole
    (FacetSettings); papers 0 when the sample holds no match or would be every paper."""
    share = max(1, math.ceil(FACETS.buckets * FACETS.sample_size / total))
    if share >= FACETS.buckets:
        return {}, 0
    # the buckets' posting lists: an intersection led by the smaller side (a range
    # query over the fast field would visit every match of the words instead)
    sample = tantivy.Query.term_set_query(ix.schema, SAMPLE_FIELD, list(range(share)))
    counts, papers = facet_counts(searcher, tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, query), (tantivy.Occur.Must, sample)]), facets=facets)
    scale = FACETS.buckets / share
    return ({name: [(value, min(total, round(n * scale))) for value, n in values]
             for name, values in counts.items()}, min(total, round(papers * scale)))


def paper_key(doc_id: str) -> int:
    """A paper's id as a 63-bit number (a hash): distinct papers are counted by it, as
    counting the text ids costs a fixed 8 ms at a million passages."""
    return int.from_bytes(hashlib.blake2b(doc_id.encode(), digest_size=8).digest()) >> 1


def sample_bucket(doc_id: str) -> int:
    """The share of papers (0 to buckets - 1) a paper's blocks are sampled in."""
    return zlib.crc32(doc_id.encode()) % FACETS.buckets


def day_number(iso: str) -> int:
    return int(iso.replace("-", ""))


class _Snippets(dict[str, Any]):
    """A snippet generator per text field, made when a hit first needs it."""

    def __init__(self, searcher: Any, query: tantivy.Query, schema: tantivy.Schema) -> None:
        super().__init__()
        self.searcher, self.query, self.schema = searcher, query, schema

    def __missing__(self, name: str) -> Any:
        generator = tantivy.SnippetGenerator.create(self.searcher, self.query, self.schema,
                                                    name)
        generator.set_max_num_chars(SNIPPET_CHARS)
        self[name] = generator
        return generator


def _snippet(doc: Any, generators: dict[str, Any]) -> str:
    """The best fragment of whichever text field the block's text is in, marked up."""
    for name in TEXT_FIELDS:
        if not doc.get_all(name):
            continue
        snippet = generators[name].snippet_from_doc(doc)
        fragment = snippet.fragment()
        if not fragment:
            text = doc.get_first(name) or ""
            return html_escape(text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS
                                                       else ""))
        return mark(fragment, [(r.start, r.end) for r in snippet.highlighted()])
    return ""


def mark(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """Text HTML-escaped, with each (start, end) byte range wrapped in <mark>."""
    data = text.encode("utf-8")
    out, pos = [], 0
    for start, end in _merge_adjacent(data, ranges):
        if start < pos:
            continue
        out.append(html_escape(data[pos:start].decode("utf-8", "replace")))
        out.append("<mark>" + html_escape(data[start:end].decode("utf-8", "replace"))
                   + "</mark>")
        pos = end
    out.append(html_escape(data[pos:].decode("utf-8", "replace")))
    return " ".join("".join(out).split())


def _merge_adjacent(data: bytes, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges separated only by spaces become one, so a phrase is marked as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and not data[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fold_hits(window: list[IndexHit], owner: dict[int, str], *, collapse: bool,
              per_paper: bool) -> list[tuple[IndexHit, int, int]]:
    """Ranked passages with copies folded away: (hit, copies, passages in its paper).

    Copies are passages with the same text (case and spacing aside) wherever they are;
    with ``per_paper`` only each paper's first passage is kept."""
    copies: dict[str, int] = {}
    per_doc: dict[str, int] = {}
    keyed = [(h, text_key(h.text), owner.get(h.block_id, "")) for h in window]
    for _, key, doc in keyed:
        copies[key] = copies.get(key, 0) + 1
        per_doc[doc] = per_doc.get(doc, 0) + 1
    seen_text: set[str] = set()
    seen_doc: set[str] = set()
    out = []
    for h, key, doc in keyed:
        if (collapse and key in seen_text) or (per_paper and doc in seen_doc):
            continue
        seen_text.add(key)
        seen_doc.add(doc)
        out.append((h, copies[key] if collapse else 1, per_doc[doc] if per_paper else 1))
    return out


def text_key(value: str) -> str:
    """A passage's text as copies share it: case and spacing aside."""
    return fold(value.casefold())
