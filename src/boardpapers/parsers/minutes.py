"""Minutes and ModernGov agenda-and-minutes parser (stub: being written)."""
from boardpapers.parsers.generic import parse_other as parse_minutes  # noqa: F401
from boardpapers.parsers.generic import parse_other as parse_agenda_and_minutes  # noqa: F401
