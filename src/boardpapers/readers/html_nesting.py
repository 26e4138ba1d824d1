"""How deep a page's elements nest, measured before parsing.

An HTML5 parser checks the stack of open elements at each tag, so parsing grows with the
square of the nesting depth (100,000 unclosed ``<div>``s take minutes). Real pages nest a
few dozen deep and 5,000 levels parse in a fraction of a second; a page past
``MAX_NESTING`` is refused as too complex, found in linear time. Tags a parser closes by
itself (``p``, ``li``, ``td``, …) and void elements are not counted.
"""

from __future__ import annotations

import re

MAX_NESTING = 5_000

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(/?)>")
_NOT_NESTING = frozenset("""area base br col embed hr img input link meta param source track
wbr p li dt dd tr td th option optgroup rb rp rt rtc tbody thead tfoot colgroup caption html
head body""".split())


def nesting_depth(text: str, stop_at: int = MAX_NESTING) -> int:
    """The deepest run of open elements (closing tags pop the count); stops counting
    once past ``stop_at``."""
    depth = deepest = 0
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        if name in _NOT_NESTING or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > stop_at:
                break
    return deepest
