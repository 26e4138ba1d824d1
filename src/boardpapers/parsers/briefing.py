"""Briefing and annual summary parser (stub: being written)."""
from boardpapers.parsers.generic import parse_other as parse_briefing  # noqa: F401
from boardpapers.parsers.generic import parse_other as parse_summary  # noqa: F401
