"""Agenda pack parser (stub: being written)."""
from boardpapers.parsers.generic import parse_other as parse_pack  # noqa: F401
