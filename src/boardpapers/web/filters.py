"""Search filters from URL parameters: the CLI's filter options, plus a facet's year."""

from __future__ import annotations

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.model.query import Filters
from boardpapers.query import normalise_filter

FILTER_PARAMS = ("body", "genre", "year", "since", "until", "section", "council", "has")


def search_filters(*, year: str | None = None, **given: str | None) -> Filters:
    """Filters the way ``boardpapers search --body … --since …`` builds them; ``year``
    (what the year facet links to) is since and until that year."""
    values = {k: v.strip() for k, v in given.items() if v and v.strip()}
    if year and year.strip():
        if not (year.strip().isdigit() and len(year.strip()) == 4):
            raise QuerySyntaxError(f"year: expects four digits like 2024, not {year!r}")
        values.setdefault("since", year.strip())
        values.setdefault("until", year.strip())
    normalised = {k: normalise_filter(k, v) for k, v in values.items()}
    return Filters(body=normalised.get("body"), genre=normalised.get("genre"),
                   since=normalised.get("since"), until=normalised.get("until"),
                   section=normalised.get("section"), council=normalised.get("council"),
                   has=normalised.get("has"))
