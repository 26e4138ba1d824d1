"""Agenda parser (stub: being written)."""
from boardpapers.parsers.generic import parse_other as parse_agenda  # noqa: F401
