"""Councils named in a paper, linked to the register of UK local authorities.

``find_councils`` reads running text: a name written as a council ("Rotherham MBC",
"London Borough of Hackney") always counts; a bare place ("Sheffield") only in a sentence
about councils. ``find_councils_in_table`` reads a table whose column lists councils, one
per row, keeping the paper's own columns (type, region, control) beside the register's;
rows the register does not know ("London Councils") are kept unlinked, never forced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from boardpapers.facts.council_names import WEAK_SUFFIXES, NameMatch, scan, scan_abbreviations
from boardpapers.model.paper import CouncilMention, Span
from boardpapers.vocab import cues


@dataclass(frozen=True, slots=True)
class CouncilsSettings:
    """How far before a place its name's other words are looked for, and short-name limits."""

    of_before: int = 40  # characters before a bare place searched for "University of"
    venue_before: int = 120  # characters before a bare place searched for "the Summit … in"
    capital_before: int = 40  # characters before a bare place searched for a name it ends
    unlisted_min_chars: int = 4  # a shorter unlisted "… Council" is a fragment
    header_rows: int = 3  # rows of a table searched for the header naming a council column
    name_word_min_chars: int = 4  # shorter words ("of", "and") say nothing of a cell's case


COUNCILS = CouncilsSettings()

# Words that make a sentence about councils, so a bare place name in it is a council.
# "local government" counts in lower case only: capitalised it is part of a title or a
# body's name ("Minister of State for Local Government").
_COUNCIL_CONTEXT = re.compile(
    r"\b(?:(?i:councils?|authorit(?:y|ies)|boroughs?|unitar(?:y|ies)|districts?|"
    r"chief executives?|leaders? of|joined|signed up|took part|participat\w*)|"
    r"local government)\b")
# "… will speak at the Workforce Summit on 21 January in Leeds": a venue, not a council.
_VENUE_BEFORE = re.compile(
    r"\b(?:summit|conference|event|workshop|seminar|roadshow|festival|exhibition|forum|"
    r"webinar|launch|dinner|reception|awards?)\b[^.;:\n\t]{0,60}\b(?:in|at)\s+$",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;\n\t](?:\s|$)")
# An unlisted body written as a council: "Northmoor Borough Council", "Fen Vale CA".
_PLACE_WORD = (r"(?:(?!(?:City|County|District|Borough|Council|Metropolitan|Combined|"
               r"Mayoral|Authority)\b)[A-Z][\w'’-]+[ ]+(?:(?:and|upon|on|of|&)[ ]+)?)")
_UNLISTED = re.compile(
    r"\b(?:(?:London|Royal)[ ]+Borough[ ]+of[ ]+[A-Z][\w'’-]+(?:[ ]+[A-Z][\w'’-]+){0,3}"
    rf"|{_PLACE_WORD}{{1,4}}(?:Metropolitan[ ]+Borough|City|County|District|Borough)[ ]+Council"
    rf"|{_PLACE_WORD}{{1,4}}(?:Mayoral[ ]+)?Combined[ ]+(?:County[ ]+)?Authority)")
_UNLISTED_CUE = cues.define_pattern("designation", _UNLISTED)  # "Council", "Borough"…
_DESIGNATION_FIRST = re.compile(
    r"(?:City|County|District|Borough|Metropolitan|Combined|Mayoral|Town|Parish)\b")
_NOT_A_PLACE = frozenset({"the", "a", "an", "each", "every", "all", "any", "our", "your",
                          "this", "that", "other", "local", "host", "partner", "new",
                          "neighbouring", "lead", "relevant", "participating", "one",
                          "and", "of", "with", "for", "by", "from", "to", "in", "on", "at",
                          "whose", "which", "their", "its", "his", "her"})


def find_councils(text: str, block: int) -> list[CouncilMention]:
    """Councils named in one block of running text."""
    out: list[CouncilMention] = []
    for m in _with_abbreviations(scan(text, bare_ok=True), scan_abbreviations(text)):
        if not m.designation and not _bare_place_is_council(text, m.start, m.end):
            continue  # "Sheffield" needs a sentence about councils
        if _weakly_designated(text, m) and _CAPITAL_AFTER.match(text, m.end):
            continue  # "Essex County Cricket Club", "Kent County Show": a longer name
        mention = to_mention(text[m.start:m.end], Span(block, m.start, m.end), m)
        if mention is not None:
            out.append(mention)
    taken = [(m.span.start, m.span.end) for m in out]
    unlisted = _UNLISTED.finditer(text) if _UNLISTED_CUE in cues.present(text) else ()
    for u in unlisted:
        start, end = _trim_unlisted(text, u.start(), u.end())
        if (end - start < COUNCILS.unlisted_min_chars or _DESIGNATION_FIRST.match(text, start)
                or any(a < end and start < b for a, b in taken)):
            continue
        out.append(_unlinked(text[start:end], Span(block, start, end)))
    out.sort(key=lambda m: m.span.start)
    return out


def _weakly_designated(text: str, m: NameMatch) -> bool:
    """Followed only by a word that does not make it a council ("Essex County", as in
    Essex County Cricket Club); "City of York" is designated."""
    return (m.designation in WEAK_SUFFIXES
            and text[m.start:m.end].lower().endswith(m.designation))


def _with_abbreviations(names: list[NameMatch],
                        abbreviated: list[NameMatch]) -> list[NameMatch]:
    """Names and initials together, an initial never inside a name already found."""
    kept = [a for a in abbreviated if not any(n.start < a.end and a.start < n.end
                                              for n in names)]
    return sorted(names + kept, key=lambda m: m.start)


_CAPITAL_AFTER = re.compile(r"[ \t]+(?:[A-Z][a-z]|[A-Z]{2,}\b)")
_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+of\s+$")
_OFFICE_OF = frozenset({"Executive", "Leader", "Mayor", "Chair", "Chairman", "Cabinet",
                        "Council", "Councillors", "Members", "Residents", "Officers"})


def _bare_place_is_council(text: str, start: int, end: int) -> bool:
    """A bare place counts only in a sentence about councils, and only when it is not
    part of a longer proper name ("York Central", "University of Birmingham",
    "Baroness Taylor of Stevenage")."""
    if _CAPITAL_AFTER.match(text, end) or _inside_a_name(text, start):
        return False
    before = _OF_BEFORE.search(text, max(0, start - COUNCILS.of_before), start)
    if before and before.group(1) not in _OFFICE_OF:
        return False
    if _VENUE_BEFORE.search(text, max(0, start - COUNCILS.venue_before), start):
        return False
    return _council_sentence(text, start, end)


_CAPITAL_BEFORE = re.compile(r"(?:^|(?P<prev>[^\s])\s*)\b[A-Z][a-z'’-]+[ ]+$")
_SENTENCE_OPENERS = frozenset(".!?:;()[]•·*#>|-–—\"'‘“")


def _inside_a_name(text: str, start: int) -> bool:
    """A place right after a capitalised word that does not open a sentence is the end
    of a longer name ("Councillor Helen Stroud"), not a council ("When Sheffield…")."""
    m = _CAPITAL_BEFORE.search(text, max(0, start - COUNCILS.capital_before), start)
    if m is None:
        return False
    prev = m.group("prev")
    return prev is not None and prev not in _SENTENCE_OPENERS


def _council_sentence(text: str, start: int, end: int) -> bool:
    left = max((e.end() for e in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_m = _SENTENCE_END.search(text, end)
    right = right_m.start() if right_m else len(text)
    sentence = text[left:start] + " " + text[end:right]
    return bool(_COUNCIL_CONTEXT.search(sentence))


def _trim_unlisted(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading words like "The" or "each" that the capitalised-run pattern swallowed."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for w in words:
        if w.group().lower() in _NOT_A_PLACE and not text[start + w.start():].startswith(
                ("London Borough", "Royal Borough")):
            continue
        return start + w.start(), end
    return end, end


def to_mention(written: str, span: Span, m: NameMatch,
               paper_columns: tuple[tuple[str, str], ...] = ()) -> CouncilMention | None:
    """One CouncilMention from a name match: linked when the register has it."""
    if m.authorities:
        a = m.authorities[0]
        mention = CouncilMention(text=written, span=span, code=a.code, name=a.nice_name,
                                 type=a.type, region=a.region, nation=a.nation,
                                 paper_columns=paper_columns, official_name=a.name,
                                 current=a.current)
    elif m.designation:
        mention = CouncilMention(text=written, span=span,
                                 type="combined authority" if m.combined else None,
                                 paper_columns=paper_columns)
    else:
        return None
    return mention


def _unlinked(text: str, span: Span,
              paper_columns: tuple[tuple[str, str], ...] = ()) -> CouncilMention:
    combined = "combined authority" in text.lower() or text.endswith((" CA", " MCA", " CCA"))
    return CouncilMention(text=text, span=span, paper_columns=paper_columns,
                          type="combined authority" if combined else None)


# ---------------------------------------------------------------- tables

_NAME_HEADER = re.compile(
    r"^(?:council(?:\s+name)?s?|name\s+of\s+(?:the\s+)?(?:council|authority)|"
    r"(?:local\s+)?authorit(?:y|ies)(?:\s+name)?|organisations?|partners?|"
    r"(?:participating|partner)\s+(?:councils?|authorit(?:y|ies)))$", re.IGNORECASE)
_NUMBER = re.compile(r"^[£$€]?\s*[-+]?[\d,.]+\s*%?$")
_TOTAL = re.compile(r"^(?:grand\s+)?total\b|^sum\b|^all\s+councils\b", re.IGNORECASE)


def council_column(rows: Sequence[Sequence[str]]) -> tuple[int, int] | None:
    """(header row index, column index) of the column that lists councils, if any."""
    for r, row in enumerate(rows[:COUNCILS.header_rows]):
        for c, cell in enumerate(row):
            if _NAME_HEADER.match(cell.strip()):
                return r, c
    return None


def cell_offsets(rows: Sequence[Sequence[str]]) -> list[list[int]]:
    """Start offset of each cell in the block text (rows by newlines, cells by tabs)."""
    out: list[list[int]] = []
    pos = 0
    for row in rows:
        starts = []
        for cell in row:
            starts.append(pos)
            pos += len(cell) + 1
        if not row:
            pos += 1
        out.append(starts)
    return out


def find_councils_in_table(rows: Sequence[Sequence[str]], block: int) -> list[CouncilMention]:
    """Councils listed in a table: one row each where a column names councils."""
    found = council_column(rows)
    offsets = cell_offsets(rows)
    if found is None:
        return _designated_cells(rows, block, offsets)
    head_row, col = found
    header = rows[head_row]
    out: list[CouncilMention] = []
    for r in range(head_row + 1, len(rows)):
        row = rows[r]
        if col >= len(row) or not row[col].strip() or _TOTAL.match(row[col].strip()):
            continue
        cell = row[col]
        if _NUMBER.match(cell.strip()):
            continue
        extra = tuple((header[k].strip() if k < len(header) else f"column {k + 1}", v.strip())
                      for k, v in enumerate(row) if k != col and v.strip())
        base = offsets[r][col]
        mentions = [to_mention(cell[m.start:m.end], Span(block, base + m.start, base + m.end),
                               m, extra) for m in scan(cell, bare_ok=True)]
        kept = [m for m in mentions if m is not None and (m.code or m.type)]
        if not kept and _reads_as_a_name(cell):
            lead = len(cell) - len(cell.lstrip())
            text = cell.strip()
            kept = [_unlinked(text, Span(block, base + lead, base + lead + len(text)), extra)]
        out.extend(kept)
    return out


def _reads_as_a_name(cell: str) -> bool:
    """An unlinked cell is kept only if it is written like a body's name
    ("Black Country Transport"), not a note ("Independent observer")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", cell)
             if len(w) >= COUNCILS.name_word_min_chars]
    return bool(words) and all(w[0].isupper() for w in words)


def _designated_cells(rows: Sequence[Sequence[str]], block: int,
                      offsets: list[list[int]]) -> list[CouncilMention]:
    """In a table with no council column, only names written as councils count."""
    out: list[CouncilMention] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            base = offsets[r][c]
            for m in scan(cell, bare_ok=False):
                mention = to_mention(cell[m.start:m.end],
                                     Span(block, base + m.start, base + m.end), m)
                if mention is not None:
                    out.append(mention)
    return out
