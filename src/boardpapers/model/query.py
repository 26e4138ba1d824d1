"""Query and Filters: a parsed search, as ``query.parse_query`` makes it and stores read it."""

from __future__ import annotations

from dataclasses import dataclass, field

FILTER_FIELDS = ("body", "genre", "form", "since", "until", "section", "council", "has")


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Filters:
    body: str | None = None
    genre: str | None = None
    form: str | None = None  # a form of a genre ("forward_plan" of "other")
    since: str | None = None
    until: str | None = None
    section: str | None = None
    council: str | None = None
    has: str | None = None
    undated: bool = False  # with since/until: keep papers that carry no date too


@dataclass(frozen=True, slots=True)
class Query:
    """Positive terms as OR-groups that are ANDed together, plus excluded terms."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: Filters = field(default_factory=Filters)

    @property
    def is_empty(self) -> bool:
        """No words to look for (filters alone list what they select)."""
        return not self.groups

    @property
    def has_filters(self) -> bool:
        f = self.filters
        return any(getattr(f, name) for name in FILTER_FIELDS)
