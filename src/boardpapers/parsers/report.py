"""Report parser (stub: being written)."""
from boardpapers.parsers.generic import parse_other as parse_report_paper  # noqa: F401
