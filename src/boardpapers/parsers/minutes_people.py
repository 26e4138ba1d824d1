"""Who was there: "Present:", "Also present:", "Officers:", apologies and declarations.

Minutes list people in a few set ways, in English and Welsh: "Councillor J Smith (Chair),
Councillors A Brown, C Davies and E Evans", "Y Cynghorydd O. Jones - Cadeirydd",
"Apologies for absence were received from Councillors X and Y", "Derbyniwyd
ymddiheuriadau gan y Cynghorydd Z". These helpers turn such lines into names and roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from boardpapers.model.paper import Member
from boardpapers.parsers.block_text import plain
from boardpapers.parsers.membership import PERSON_TITLES, member_with_cells, parse_member
from boardpapers.vocab.text import fold

ATTENDANCE_LABELS: tuple[tuple[str, str], ...] = (
    ("also_present", r"also\s+(?:present|in\s+attendance)|hefyd\s+yn\s+bresennol"
                     r"|in\s+attendance"),
    ("officers", r"officers?(?:\s+(?:present|in\s+attendance))?|swyddogion(?:\s+yn\s+bresennol)?"
                 r"|wrth\s+law"),
    ("apologies", r"apologies(?:\s+for\s+absence)?(?:\s+received)?"
                  r"|ymddiheuriadau(?:\s+am\s+absenoldeb)?"),
    ("absent", r"absent|absennol"),
    ("co_opted", r"co-?opted\s+members?(?:\s+present)?|co-?optees?|aelodau\s+cyfetholedig"),
    ("chair", r"in\s+the\s+chair|presiding|(?:chair(?:man|woman|person)?|convene[ro])"
              r"(?=\s*:)"),
    ("present", r"(?:members\s+)?present|councillors\s+present|members\s+in\s+attendance"
                r"|yn\s+bresennol|presennol|aelodau\s+yn\s+bresennol|sederunt"
                r"|(?:sub-)?committee\s+members|panel\s+members"),
)
_ANY_LABEL = "|".join(pat for _, pat in ATTENDANCE_LABELS)
# "Yn bresennol / Present:": a bilingual label is the Welsh and the English one, either order
_LABEL_RES = tuple((kind, re.compile(rf"^(?:{pat})(?:\s*/\s*(?:{_ANY_LABEL}))?"
                                     rf"\s*(?::|-|–|$)\s*(?P<rest>.*)$", re.IGNORECASE))
                   for kind, pat in ATTENDANCE_LABELS)
# "Cynghorydd / Councillor", "County Councillors", "Cynghorydd Sir": one title
_PAIRED_TITLE = (r"(?:y\s+)?cynghorydd\s*/\s*councillor|(?:y\s+)?cynghorwyr\s*/\s*councillors"
                 r"|councillors?\s*/\s*(?:y\s+)?cynghor(?:ydd|wyr)"
                 r"|(?:county|district|borough|town|parish|city|community)\s+councillors?"
                 r"|cynghorydd\s+sir|cynghorwyr\s+sir")
_TITLES = re.compile(
    r"^(?:(?:the\s+)?(?:" + _PAIRED_TITLE + r"|councillors?|cllrs?\.?|cyngh\.?|y\s+cynghorwyr|"
    r"y\s+cynghorydd|cynghorwyr|cynghorydd|aldermen|alderwomen)\b\s*:?\s*)", re.IGNORECASE)
_ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("vice_chair", re.compile(r"\bvice[- ]?chair(?:man|woman|person)?\b|\bis[- ]?gadeirydd\b",
                              re.IGNORECASE)),
    ("deputy_chair", re.compile(r"\bdeputy\s+chair(?:man|woman|person)?\b", re.IGNORECASE)),
    ("vice_chair", re.compile(r"\bvice[- ]?conven[eo]r\b", re.IGNORECASE)),
    ("chair", re.compile(r"\bchair(?:man|woman|person)?\b|\bin\s+the\s+chair\b|\bcadeirydd\b"
                         r"|\bcadeiryddes\b|\bconven[eo]r\b", re.IGNORECASE)),
    ("substitute", re.compile(r"\bsubstitut\w*|\beilydd\b|\bsub\b", re.IGNORECASE)),
    ("observer", re.compile(r"\bobserver\b|\bsylwedydd\b", re.IGNORECASE)),
)
_TRAILING_ROLE = re.compile(r"\s+[-–]\s+(?P<role>[^-–]+)$")
_PARENS = re.compile(r"\s*\((?P<inner>[^()]*)\)")
_NONE = re.compile(r"^(?:none|nil|no\s+apologies|there\s+were\s+(?:no|none)|n/?a|dim|"
                   r"ni\s+(?:chafwyd|dderbyniwyd))\b", re.IGNORECASE)
_FROM = re.compile(r"\b(?:received|submitted|tendered|given)(?:\s+and\s+(?:accepted|noted|"
                   r"approved))?\s+(?:from|by|on behalf of)\s+(.+)"
                   r"|\bymddiheuriadau\b.*?\bgan\s+(.+)", re.IGNORECASE)
# A list bullet a converter kept in front of a name, or alone in a table's first cell
# (Word's Symbol-font bullet U+F0B7 in pipe Markdown): never part of a name.
_BULLET_GLYPH = re.compile(r"^(?:[\uf0b7\uf0a7\uf076\uf0d8\uf0fc•·▪◦●‣∙■□➢►✓]\s*)+")
_SPLIT_AND_AFTER_BRACKET = re.compile(r"(?<=\))\s+(?:and|ac|a|&)\s+(?=[A-Z])")
_SPLIT_AND = re.compile(r"\s+(?:and|ac|a|&)\s+(?=(?:[A-Z]|y\s+Cynghorydd))")


def attendance_label(text: str) -> tuple[str, str] | None:
    """("present", "Councillor A (Chair), ...") for a line opening with such a label."""
    text = plain(text)
    for kind, pattern in _LABEL_RES:
        m = pattern.match(text)
        if m:
            return kind, m.group("rest").strip()
    return None


def split_people(text: str, *, posts: bool = False) -> list[str]:
    """A written list of people into entries, splitting on , ; and "and" outside brackets.

    ``posts``: the list may name posts ("Director of Finance and Section 151 Officer"), so
    "and" only separates entries after a closing bracket ("A Lee (Solicitor) and B Roe").
    """
    groups = [g for g in _outside_brackets(fold(text), ";") if g.strip()]
    if posts and len(groups) > 1 and any(_POST_OR_BODY.search(g.split(",", 1)[1])
                                         for g in groups if "," in g):
        # "Name, Post, Organisation; Name, Post": each entry is one person, named first
        return [people[0] for g in groups if (people := split_people(g, posts=True))]
    splitter = _SPLIT_AND_AFTER_BRACKET if posts else _SPLIT_AND
    text = splitter.sub(_and_to_separator, fold(text).rstrip("."))
    entries: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in ",;\x00" and depth == 0:
            entries.append("".join(current))
            current = []
        else:
            current.append(ch)
    entries.append("".join(current).replace("\x00", " and "))
    out = [_TITLES.sub("", _BULLET_GLYPH.sub("", e.replace("\x00", " and ").strip())
                       ).strip(" .:") for e in entries]
    out = [e for e in out if e]
    return _without_posts(out) if posts else out


def _outside_brackets(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    return parts + ["".join(current)]


_POST_OR_BODY = re.compile(
    r"\b(?:director|officer|manager|head|chief|executive|lead|clerk|advis[eo]r|consultant|"
    r"solicitor|accountant|treasurer|secretary|co-?ordinator|analyst|engineer|planner|"
    r"assistant|commissioner|representative|governor|council|board|trust|nhs|icb|authority|"
    r"partnership|services?|foundation|university|college|police|agency|association|"
    r"ltd|limited|plc|team|practitioner|nurse|consultant|specialist|surgeon|"
    r"cyfarwyddwr|swyddog|pennaeth|rheolwr)\b", re.IGNORECASE)
_NAME_SHAPE = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sir|Dame|Rev|Revd)\.?\s+)?"
                         r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+$")


def _without_posts(entries: list[str]) -> list[str]:
    """People only, from "Dr L Okonkwo, Medical Director, Eastvale ICB, H Sowerby": after a
    name, a post or organisation is that person's, not a person."""
    out: list[str] = []
    after_name = False
    for entry in entries:
        if after_name and _POST_OR_BODY.search(entry):
            continue  # the previous person's post or organisation
        out.append(entry)
        after_name = bool(_NAME_SHAPE.match(entry)) and not _POST_OR_BODY.search(entry)
    return out


def _and_to_separator(m: re.Match[str]) -> str:
    """Mark "and" between names; a NUL never occurs in text, so it is a safe separator."""
    before = m.string[:m.start()]
    inside = before.count("(") > before.count(")")
    return m.group(0) if inside else "\x00"


def member_from_entry(entry: str) -> Member:
    """"J Smith (Chair)" / "O. Jones - Cadeirydd" -> Member(name, role)."""
    role = "member"
    name = without_titles(_BULLET_GLYPH.sub("", entry.strip()))
    notes = [m.group("inner") for m in _PARENS.finditer(name)]
    name = _PARENS.sub("", name)
    trailing = _TRAILING_ROLE.search(name)
    if trailing and _role_in(trailing.group("role")):
        notes.append(trailing.group("role"))
        name = name[:trailing.start()]
    for note in notes:
        role = _role_in(note) or role
    return Member(name=fold(name).strip(" ,.;:\\"), role=role)  # a pandoc line break


def without_titles(name: str) -> str:
    """The name without the titles in front of it: "Councillors", "Aldermen", "Mayor",
    "Mrs", "Father", a police rank ("Chief Inspector", "PCC"); "Ms" or "Dr" alone stays."""
    while True:
        m = _TITLES.match(name) or PERSON_TITLES.match(name)
        if not m or not name[m.end():].strip():
            return name
        name = name[m.end():]


def with_columns(member: Member, cells: Sequence[str]) -> Member:
    """A member read from a name cell, with the council, position or party the row's other
    cells give ("Somerset Council", "Leader, Calderby Council")."""
    read = member_with_cells(member.name, cells)
    if read is None:
        return member
    return replace(member, authority=member.authority or read.authority,
                   position=member.position or read.position, group=member.group or read.group,
                   role=member.role if member.role != "member" else read.role)


def _role_in(text: str) -> str | None:
    for role, pattern in _ROLE_WORDS:
        if pattern.search(text):
            return role
    return None


def members_from_text(text: str) -> list[Member]:
    return [m for m in (member_from_entry(e) for e in split_people(text)) if m.name]


def apologies_from_text(text: str) -> list[str]:
    """Names in an apologies line or minute; [] when it says there were none."""
    text = fold(plain(text))
    if not text or _NONE.match(text):
        return []
    m = _FROM.search(text)
    if m:
        text = m.group(1) or m.group(2)
    elif re.search(r"\b(?:apologies|ymddiheuriadau)\b", text, re.IGNORECASE):
        return []  # a sentence about apologies that names nobody in a way we can read
    text = re.split(r"(?<=[a-z)])\.\s", text)[0]
    return [member_from_entry(e).name for e in split_people(text)
            if e and not _CLAUSE.search(e)]  # not "; Cllr X attended as a substitute"


_CLAUSE = re.compile(r"\b(?:attended|was|were|is|are|declared|welcomed|sent|joined|left|"
                     r"arrived|substituted|mynychodd)\b", re.IGNORECASE)


_NO_DECLARATIONS = re.compile(
    r"\b(?:no|none|nil)\b.*\b(?:declar|disclos|interests?)\w*|\bnone\s+(?:were\s+)?declared\b"
    r"|^ni\s+(?:wnaed|chafwyd|dderbyniwyd|ddatganwyd)\b|^dim\b", re.IGNORECASE)
_DECLARES = re.compile(r"\b(?:declared?|disclosed?|interest|datganodd|datganiad|buddiant|"
                       r"cysylltiad|ddiddordeb)\w*", re.IGNORECASE)


def declarations_from_text(lines: list[str]) -> list[str]:
    """The declarations a minute records, one per sentence that makes one."""
    out: list[str] = []
    for line in lines:
        for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z(])", fold(plain(line))):
            sentence = re.sub(r"^(?:\(?\d+\)|\d+\.|[a-z]\))\s*", "", sentence).strip()
            if not sentence or _NO_DECLARATIONS.search(sentence):
                continue
            if _DECLARES.search(sentence) and re.search(r"\b(?:Councillor|Cllr|Cynghorydd|"
                                                        r"Cynghorwyr|Mr|Mrs|Ms|Dr)\b",
                                                        sentence):
                out.append(sentence)
    return out


# ------------------------------------------------------------------ attendance table

_TABLE_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("vice_chair", re.compile(r"^vice[- ]?chair", re.IGNORECASE)),
    ("deputy_chair", re.compile(r"^deputy[- ]?chair", re.IGNORECASE)),
    ("chair", re.compile(r"^chair(?:man|woman|person)?$", re.IGNORECASE)),
    ("substitute", re.compile(r"^substitutes?$", re.IGNORECASE)),
    ("member", re.compile(r"^(?:members?|councillors?)$", re.IGNORECASE)),
    ("apologies", re.compile(r"^apologies(?:\s+for\s+absence)?$", re.IGNORECASE)),
    ("attendees", re.compile(r"^(?:in\s+attendance|also\s+present|officers?|observers?)$",
                             re.IGNORECASE)),
)
_HEAD_NAME = re.compile(r"^(?:councillors?|names?|members?)$", re.IGNORECASE)
_HEAD_ROLE = re.compile(r"^(?:position|role|position\s*/\s*role|role\s*/\s*position)$",
                        re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attendance:
    """Who an attendance table lists: members with roles, apologies, others attending."""

    members: tuple[Member, ...] = ()
    apologies: tuple[str, ...] = ()
    attendees: tuple[str, ...] = ()


def attendance_from_table(rows: Sequence[Sequence[str]]) -> Attendance | None:
    """An LGA-style attendance table ("Position/Role | Councillor | Authority", then
    "Chair | Cllr A | Kent County Council" and continuation rows whose role cell is empty
    or was dropped by a converter), or None when ``rows`` is not one."""
    cells = [[fold(plain(c)) for c in row] for row in rows]
    head = next((k for k, row in enumerate(cells[:3]) if any(_HEAD_ROLE.match(c) for c in row)
                 and any(_HEAD_NAME.match(c) for c in row)), None)
    if head is None:
        return None
    width = len(cells[head])
    members: list[Member] = []
    apologies: list[str] = []
    attendees: list[str] = []
    role = "member"
    for row in cells[head + 1:]:
        row = [""] * (width - len(row)) + row if len(row) < width else row  # dropped empty cell
        named = next((r for r, pattern in _TABLE_ROLES if pattern.match(row[0])), None)
        role = named or (role if not row[0] else "member")
        member = parse_member(row[1]) if len(row) > 1 and row[1] else None
        if member is None:
            continue
        if role == "apologies":
            apologies.append(member.name)
        elif role == "attendees":
            attendees.append(member.name)
        else:
            authority = row[2] if len(row) > 2 and row[2] else member.authority
            members.append(replace(member, role=role, authority=authority))
    return Attendance(tuple(members), tuple(apologies), tuple(attendees))
