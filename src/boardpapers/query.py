"""The search query language, parsed into a typed Query.

People already know it from web search: words are ANDed, "quoted phrases", ``word*``
prefixes, ``-word`` or ``NOT word`` to exclude, ``OR`` between alternatives, and filters
written as ``field:value`` (``body:"City Regions Board"``, ``genre:report``,
``form:forward_plan``, ``since:2021-01-01``, ``until:2021-12-31``, ``section:recommendations``,
``council:Sheffield``, ``has:money``). Terms stay plain text: the index (store/textindex.py)
builds its own query from them, so no syntax a user types reaches it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.model.query import FILTER_FIELDS, Filters, Query, Term
from boardpapers.vocab.text import fold


@dataclass(frozen=True, slots=True)
class QueryLimits:
    """What one query may ask for: a search's cost grows with each term (a prefix term
    with each word it expands to), so a pasted document is refused, not run."""

    max_terms: int = 64
    max_prefix_terms: int = 8
    max_chars: int = 4_000


LIMITS = QueryLimits()

_TOKEN = re.compile(
    r'(?P<bare>[a-z]+):(?=[\s()]|$)'
    r'|(?P<neg>-)?(?:(?P<field>[a-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"()]+))'
    r'|(?P<paren>[()])', re.IGNORECASE)


_WORDISH = re.compile(r"[\w£$€%]", re.UNICODE)


def _term(raw: str, phrase: bool) -> Term | None:
    text = fold(raw)
    prefix = False
    if not phrase and text.endswith("*"):
        text, prefix = text.rstrip("*"), True
    if not _WORDISH.search(text):
        return None
    return Term(text, phrase=phrase, prefix=prefix)


def parse_query(text: str, filters: Filters | None = None) -> Query:
    """Parse what a person typed; raise QuerySyntaxError with advice when it can't be read."""
    if len(text) > LIMITS.max_chars:
        raise QuerySyntaxError(f"too complex: the query is {len(text)} characters long; "
                               f"at most {LIMITS.max_chars}")
    if text.count('"') % 2:
        raise QuerySyntaxError('unbalanced quote in query: close the phrase with a second "')
    flt = filters or Filters()
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = pending_not = False
    for m in _TOKEN.finditer(text):
        if m.group("paren"):
            continue  # grouping is implied: OR binds tighter than AND
        if m.group("bare"):
            bare = m.group("bare")
            if bare.lower() in FILTER_FIELDS:  # "body:" with nothing after it
                flt = _with_filter(flt, bare.lower(), "")
            elif (term := _term(bare, False)) is not None:
                groups.append([term])
            continue
        word, phrase = m.group("word"), m.group("phrase")
        fld = (m.group("field") or "").lower()
        if fld:
            flt = _with_filter(flt, fld, phrase if phrase is not None else word or "")
            continue
        if phrase is None and word in ("OR", "|"):
            pending_or = bool(groups)
            continue
        if phrase is None and word == "AND":
            continue
        if phrase is None and word == "NOT":
            pending_not = True
            continue
        term = _term(phrase if phrase is not None else word or "", phrase is not None)
        if term is None:
            continue
        if m.group("neg") or pending_not:
            excluded.append(term)
        elif pending_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = pending_not = False
    _check_size([*(t for g in groups for t in g), *excluded])
    query = Query(tuple(tuple(g) for g in groups), tuple(excluded), flt)
    if not groups and not query.has_filters:
        if excluded:
            raise QuerySyntaxError("a query cannot only exclude words: add a word to look "
                                   "for or a filter such as genre:report")
        raise QuerySyntaxError('empty query: type a word, a "phrase" or a filter such as '
                               "genre:report")
    return query


def _check_size(terms: list[Term]) -> None:
    if len(terms) > LIMITS.max_terms:
        raise QuerySyntaxError(f"too complex: the query has {len(terms)} terms; at most "
                               f"{LIMITS.max_terms}")
    prefixes = sum(1 for t in terms if t.prefix)
    if prefixes > LIMITS.max_prefix_terms:
        raise QuerySyntaxError(f"too complex: the query has {prefixes} prefix* terms; at "
                               f"most {LIMITS.max_prefix_terms}")


def _with_filter(flt: Filters, name: str, value: str) -> Filters:
    value = value.strip()
    if name not in FILTER_FIELDS:
        raise QuerySyntaxError(f"unknown filter {name!r}: use one of "
                               + ", ".join(f"{f}:" for f in FILTER_FIELDS))
    if not value:
        raise QuerySyntaxError(f"filter {name}: needs a value, e.g. {name}:{_EXAMPLE[name]}")
    changes: dict[str, Any] = {name: normalise_filter(name, value)}
    return replace(flt, **changes)


_EXAMPLE = {"body": '"City Regions Board"', "genre": "report", "form": "forward_plan",
            "since": "2021-01-01",
            "until": "2021-12-31", "section": "recommendations", "council": "Sheffield",
            "has": "money"}


def normalise_filter(name: str, value: str) -> str:
    """Check one filter value and put it in the form the search expects; names of
    genres, sections and fact kinds are accepted in any case ("Report")."""
    value = value.strip()
    if not value:
        raise QuerySyntaxError(f"filter {name}: needs a value, e.g. {name}:{_EXAMPLE[name]}")
    if name in ("genre", "form", "section", "has"):
        value = value.lower().replace("-", "_").replace(" ", "_")
    if name in ("since", "until"):
        return _iso_bound(name, value)
    from boardpapers.model.paper import SECTION_KINDS  # not on every search's cold start
    from boardpapers.plugins import points, stored_fact_kinds
    # papers are stored under their genre's family ("other"), not a form of it
    genres = tuple(spec.name for spec in points().genres if spec.family is None)
    if name == "genre" and value not in genres:
        raise QuerySyntaxError(f"unknown genre {value!r}: use one of {', '.join(genres)}")
    forms = tuple(spec.name for spec in points().genres if spec.family is not None)
    if name == "form" and value not in forms:
        raise QuerySyntaxError(f"unknown form {value!r}: use one of {', '.join(forms)}")
    if name == "section" and value not in SECTION_KINDS:
        raise QuerySyntaxError(f"unknown section {value!r}: use one of "
                               f"{', '.join(SECTION_KINDS)}")
    if name == "has" and value not in (kinds := stored_fact_kinds()):
        raise QuerySyntaxError(f"unknown fact kind {value!r}: use one of {', '.join(kinds)}")
    return value


def _iso_bound(name: str, value: str) -> str:
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if name == "until" and size < 10:  # until:2021 means to the end of 2021
            month = 12 if size == 4 else day.month
            day = day.replace(month=month, day=calendar.monthrange(day.year, month)[1])
        return day.isoformat()
    raise QuerySyntaxError(f"{name}: expects a date like 2021-03-05, 2021-03 or 2021, "
                           f"not {value!r}")
