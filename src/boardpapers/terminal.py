"""The consoles commands print through: text from papers and file names is shown with
its control characters escaped, so nothing stored can move a cursor or clear a screen."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from boardpapers.files import printable


class SafeConsole(Console):
    """A rich Console whose every printed string has control characters escaped (rich's
    own styling is added after, so colours on a terminal still work)."""

    def render_str(self, text: str, **kwargs: Any) -> Any:
        return super().render_str(printable(text), **kwargs)


def console(*, stderr: bool = False) -> Console:
    return SafeConsole(stderr=stderr, soft_wrap=True)
