"""A meeting's membership: who sits on the board, for which group and authority, in what role.

Councils print membership three ways, all read here from ``meeting.Line``s:
a table (LGA: "Cllr Jane Hart OBE (Chair) | Northshire County Council" under group
rows such as "Labour ( 8 )" and "Substitutes"), a paragraph ("Membership: Councillors
A Bell (Chair), C Dunn (Vice-Chair), E Ford and G Hale"), or one member per line
("Councillor A Bell (Chair) (Lab)"). Titles (Cllr, Lord, Mayor, Sir, Baroness…) and
honours (OBE, CBE, MBE…) are split off the name so one person matches across papers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from boardpapers.model.paper import Member
from boardpapers.parsers.agenda_items import agenda_start
from boardpapers.parsers.lines import Line, split_label

POLICE_RANKS = (r"Chief Constable|Deputy Chief Constable|Assistant Chief Constable|"
                r"(?:Detective )?Chief Superintendent|(?:Detective )?Superintendent|"
                r"(?:Detective )?Chief Inspector|(?:Detective )?Inspector|(?:Detective )?Sergeant|"
                r"Police(?:,)? (?:Fire )?and Crime Commissioner|Deputy (?-i:PCC)|"
                r"(?-i:Sgt|Insp|Supt|Ch Supt|DCI|PCSO|PC|PFCC|PCC|DPCC)")
_TITLES = re.compile(
    r"^(?:(Cynghorydd\s*/\s*Councillor|Cynghorwyr\s*/\s*Councillors|"
    r"Councillors?\s*/\s*(?:Y\s+)?Cynghor(?:ydd|wyr)|Cynghorydd Sir|Cynghorwyr Sir|"
    r"(?:County|District|Borough|Town|Parish|City|Community) Councillors?|"
    r"Cllrs?|Councillors?|Cynghorwyr|Cynghorydd|Y Cynghorydd|Cyng|Lord|Lady|Baroness|"
    r"Baron|Sir|Dame|Mayor|Deputy Mayor|Elected Mayor|Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|"
    r"Rev|Revd|Reverend|Father|Fr|Canon|Alderman|Alderwoman|Aldermen|The Rt Hon|Rt Hon|Hon|"
    r"Chief Fire Officer|" + POLICE_RANKS + r")\.?\s+)", re.IGNORECASE)
PERSON_TITLES = _TITLES  # for other parsers' name lists (minutes' "Present:")
_COUNCILLOR = re.compile(r"^(?:(?:county |district |borough |town |parish |city |community )?"
                         r"(?:cllrs?|councillors?)|cynghorwyr|cynghorydd|y cynghorydd|cyng"
                         r"|cynghor(?:ydd|wyr)(?: sir|\s*/\s*councillors?)"
                         r"|councillors?\s*/\s*(?:y\s+)?cynghor(?:ydd|wyr))$", re.IGNORECASE)
HONOURS = ("OBE", "CBE", "MBE", "KBE", "DBE", "BEM", "JP", "DL", "MP", "MSP", "MLA", "MS",
           "AM", "QC", "KC", "QPM", "FRSA", "KG", "CH")
_HONOURS_TAIL = re.compile(r"(?:[\s,]+(?:" + "|".join(HONOURS) + r")\b\.?)+\s*$")
ROLE_WORDS: tuple[tuple[str, str], ...] = (
    (r"deputy[- ]chair(?:man|woman|person)?|dirprwy gadeirydd", "deputy_chair"),
    (r"vice[- ]chair(?:man|woman|person)?|is[- ]gadeirydd", "vice_chair"),
    (r"chair(?:man|woman|person)?|cadeirydd|cadeirydd", "chair"),
    (r"independent observer|sylwedydd annibynnol", "independent_observer"),
    (r"non[- ]voting|co-opted non-voting", "non_voting"),
    (r"co-opted|co-optees?|aelod(?:au)? cyfetholedig", "co_opted"),
    (r"observer|sylwedydd", "observer"),
    (r"substitutes?|eilyddion|eilydd", "substitute"),
)
PARTY_ABBREVIATIONS = {
    "con": "Conservative", "cons": "Conservative", "lab": "Labour", "lab co-op": "Labour",
    "ld": "Liberal Democrat", "lib dem": "Liberal Democrat", "libdem": "Liberal Democrat",
    "ind": "Independent", "grn": "Green", "green": "Green", "pc": "Plaid Cymru",
    "plaid": "Plaid Cymru", "snp": "SNP", "ref": "Reform UK", "res": "Residents",
    "ra": "Residents' Association"}
_PARTY_WORD = re.compile(
    r"^(?:the\s+)?(conservatives?|labour(?: (?:and|&) co-operative)?|labour co-op|"
    r"liberal democrats?|lib dems?|independents?|green(?: party)?|greens|plaid cymru|snp|"
    r"scottish national party|reform uk|ukip|residents?(?:['’] association)?|"
    r"non[- ]aligned|alliance|[A-Z][\w' -]{2,30} group)(?:\s*group)?"
    r"(?:\s*\(\s*\d+\s*\))?\s*:?$", re.IGNORECASE)
_AUTHORITY = re.compile(
    r"\b(?:council|borough|county|city|district|authority|royal borough|cyngor|"
    r"combined authority|fire|police|national park|parish|town)\b", re.IGNORECASE)
_POSITION = re.compile(
    r"^(?:(?:deputy )?leader|cabinet member|executive member|lead member|portfolio holder|"
    r"deputy mayor|aelod cabinet|arweinydd)\b", re.IGNORECASE)
_MEMBERSHIP_KEYS = ("membership", "members", "aelodaeth", "councillors", "board members",
                    "committee members", "cynghorwyr", "y cynghorwyr", "aelodau")
_ADDRESSED = re.compile(r"^(?:councillors|cllrs|cynghorwyr|y cynghorwyr)\s+[A-Z]", re.IGNORECASE)
_MEMBERSHIP_START = re.compile(
    r"\b(?:membership|aelodaeth|members:|councillors:|committee members|board members)|"
    r"^members of the (?:committee|board|panel|cabinet|sub-committee|authority|forum)\s*:?$",
    re.IGNORECASE)
_HEADER_CELLS = {"councillor", "councillors", "name", "member", "members", "authority",
                 "council", "group", "party", "political group", "role", "position",
                 "aelod", "enw", "cyngor", "grŵp", "rôl", "portfolio", "responsibility",
                 "portffolio", "representing", "organisation", "ward", "division"}
_TRAILING_ROLE = re.compile(
    r"\s*[-–—,]\s*((?:deputy |vice[- ])?chair(?:man|woman|person)?|observer|substitute)\s*$",
    re.IGNORECASE)
_NON_NAME = re.compile(r"\d|@|https?:|\b(?:council|committee|agenda|meeting|page|item)\b",
                       re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rows above a member row said: the group section and its role."""

    group: str | None = None
    role: str = "member"
    columns: tuple[str, ...] = ()  # the table's header cells, lower-cased, when it has one


def role_of(text: str) -> str | None:
    """"(Vice-Chairman)" -> "vice_chair"; None when no role word is present."""
    for pattern, role in ROLE_WORDS:
        if re.search(rf"\b(?:{pattern})\b", text, re.IGNORECASE):
            return role
    return None


def party_of(text: str) -> str | None:
    """"Labour ( 8 )" -> "Labour"; "(Lab)" -> "Labour"; None for anything else."""
    t = re.sub(r"\s*\(\s*\d+\s*\)\s*$", "", text.strip())  # "Labour ( 8 )"
    t = t.strip("()").strip()
    if t.casefold() in PARTY_ABBREVIATIONS:
        return PARTY_ABBREVIATIONS[t.casefold()]
    m = _PARTY_WORD.match(t)
    if not m:
        return None
    return t.rstrip(": ").strip()


def parse_member(text: str, context: _Context = _Context(), *extra: str) -> Member | None:
    """One member from "Cllr Peter Hale OBE (Chair)" plus any further cells
    (authority, group, role). None when the text is not a person's name."""
    name, title, honours, role, group = _split_name(text)
    if not _looks_like_name(name):
        return None
    authority = position = None
    for cell in extra:
        cell = cell.strip()
        if not cell:
            continue
        if _POSITION.match(cell):
            position = position or cell
            role = role or (role_of(cell) if role_of(cell) != "chair" else None)
        elif role_of(cell) and len(cell) < 40 and not _AUTHORITY.search(cell):
            role = role or role_of(cell)
        elif party_of(cell):
            group = group or party_of(cell)
        elif authority is None:
            authority = cell
    if role is None and context.role != "member":
        role = context.role
    return Member(name=name, role=role or "member", group=group or context.group,
                  authority=authority, honours=honours, title=title, position=position)


def member_with_cells(text: str, cells: Sequence[str]) -> Member | None:
    """``parse_member`` for a name cell and the row's other cells, outside any table section."""
    return parse_member(text, _Context(), *cells)


def _split_name(text: str) -> tuple[str, str | None, str | None, str | None, str | None]:
    role = group = None
    for inner in re.findall(r"\(([^)]*)\)", text):
        role = role or role_of(inner)
        group = group or party_of(inner)
    name = re.sub(r"\([^)]*\)", " ", text)
    trailing = _TRAILING_ROLE.search(name)
    if trailing:
        role = role or role_of(trailing.group(1))
        name = name[:trailing.start()]
    titles: list[str] = []
    name = name.strip(" ,;.")
    while (m := _TITLES.match(name)):
        titles.append("Cllr" if _COUNCILLOR.match(m.group(1)) else m.group(1))
        name = name[m.end():]
    honours = None
    m = _HONOURS_TAIL.search(name)
    if m and m.start() > 0:
        honours = " ".join(re.findall(r"[A-Z]{2,4}", m.group(0)))
        name = name[:m.start()]
    name = re.sub(r"\s+", " ", name).strip(" ,;.")
    return name, " ".join(titles) or None, honours, role, group


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or _NON_NAME.search(name) or role_of(name):
        return False
    return all(w[0].isupper() or w.lower() in {"de", "van", "von", "da", "le", "ap", "ab"}
               for w in words) and len(words) >= 2 or bool(re.fullmatch(r"[A-Z][a-z'’-]+",
                                                                          name))


_CO_OPTED_GROUP = re.compile(
    r"^(?:(?:independent|voting|non[- ]voting|parent governor|church|diocesan|education)\s+)*"
    r"(?:co-opted|co-optees?)(?:\s+(?:members?|representatives?))?"
    r"(?:\s*\((?P<paren>[^)]*)\))?\s*[:-]?\s+", re.IGNORECASE)


_NEXT_LABEL = re.compile(
    r"\s+(?:contact(?: officer)?|clerk|enquiries|further information|venue|date|time|"
    r"democratic services(?: officer)?|committee (?:officer|clerk|administrator)|swyddog cyswllt"
    r")\s*:\s", re.IGNORECASE)


def split_member_list(text: str) -> list[str]:
    """"Councillors A Bell (Chair), C Dunn and E Ford" -> each member's text, with the
    shared "Councillors" title handed to every one of them.

    Semicolons separate groups, each with its own shared title or label ("…; Independent
    co-opted members Dr L Ash and Mrs R Abe"); a co-opted group's members carry
    "(co-opted)", or "(non-voting)" when the paper says so.
    """
    body = re.sub(r"^(?:membership|aelodaeth|members)\s*[:-]?\s*", "", text.strip(),
                  flags=re.I)
    body = _NEXT_LABEL.split(body, maxsplit=1)[0]  # "… and V Sandhu Contact officer: …"
    out: list[str] = []
    for group in re.split(r"\s*;\s*(?![^()]*\))", body):
        out += _split_member_group(group)
    return out


def _split_member_group(body: str) -> list[str]:
    shared = note = ""
    co_opted = _CO_OPTED_GROUP.match(body)
    if co_opted:
        voting = "non-voting" if role_of(co_opted.group(0)) == "non_voting" else "co-opted"
        note, body = f" ({voting})", body[co_opted.end():]
    m = re.match(r"^(councillors|cllrs|cynghorwyr|y cynghorwyr)\s*[:-]?\s+", body, re.I)
    if m:
        shared, body = "Cllr ", body[m.end():]
    parts = re.split(r"\s*,\s*(?![^()]*\))|\s+and\s+(?![^()]*\))|\s+a\s+(?=[A-Z])", body)
    out: list[str] = []
    for part in parts:
        part = part.strip(" .")
        if out and role_of(part) and len(part.split()) <= 2:
            out[-1] += f" ({part})"  # "Cllr A Bell, Chair": the role, not a person
        elif part:
            out.append((part if _TITLES.match(part) else shared + part) + note)
    return out


def parse_members(lines: Sequence[Line]) -> tuple[Member, ...]:
    """The membership from its table, paragraph or one-per-line list.

    Reading starts at a "Membership"/"Aelodaeth" line and stops at the agenda (or at the
    first line that is neither a member, a group heading nor a table header).
    """
    start = next((i for i, ln in enumerate(lines) if _MEMBERSHIP_START.search(ln.text)
                  and len(ln.text) < 80 or _membership_label(ln.text)), None)
    if start is None:
        return ()
    stop = agenda_start(lines[start + 1:])
    end = len(lines) if stop is None else start + 1 + stop
    members: list[Member] = []
    context = _Context()
    misses = 0
    for line in wrapped_lists_joined(lines[start:end]):
        if _ends_membership(line.text):
            break
        found, context = _read_row(line, context)
        if found:
            members.extend(found)
            misses = 0
            if _is_letter_address(line.text):
                break  # "To: Councillors …" then "Dear Councillor,": the list was one line
        elif context is not None:
            misses += 0 if _is_section_row(line) else 1
        if misses > 2 and members:
            break
        if context is None:
            context = _Context()
    return tuple(members)


def wrapped_lists_joined(lines: Sequence[Line]) -> list[Line]:
    """A membership paragraph wrapped over lines by a converter ("…, Callum" / "Brierley,
    Nadia Okonkwo …") as one line: a one-cell line listing names (two commas or more)
    that stops mid-list is joined to the next line, unless that opens with a title ("Cllr
    C Dunn, Cabinet Member, Green": one member a line)."""
    out: list[Line] = []
    for line in _run_on_rows_split(lines):
        prev = out[-1] if out else None
        if (prev is not None and len(prev.cells) == 1 and len(line.cells) == 1
                and prev.text.count(",") >= 2 and not prev.text.rstrip().endswith((".", ";", ":"))
                and not split_label(line.text) and not _MEMBERSHIP_START.search(line.text)
                and not _TITLES.match(line.text)):  # "Cllr C Dunn, …" opens the next one
            out[-1] = replace(prev, cells=(f"{prev.text} {line.text}",))
            continue
        out.append(line)
    return out


_RUN_ON_MEMBER = re.compile(
    r"(?:(?<=Council)|(?<=Authority)|(?<=Member)|(?<=Board)|(?<=Group))\s+"
    r"(?=(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'’-]+\s+[A-Z]?[\w'’-]*\s*"
    r"(?:\([^)]*\)\s*)?[-–—]\s)")


def _run_on_rows_split(lines: Sequence[Line]) -> list[Line]:
    """"Councillor B Owens – North District Council Councillor K Doyle – County Council": a
    converter ran two one-per-line members together; each "title name – authority" is one."""
    out: list[Line] = []
    for line in lines:
        if len(line.cells) != 1 or not _RUN_ON_MEMBER.search(line.text):
            out.append(line)
            continue
        out += [replace(line, cells=(piece,)) for piece in _RUN_ON_MEMBER.split(line.text)]
    return out


def _membership_label(text: str) -> bool:
    pair = split_label(text)
    return bool(pair and _lists_members(pair))


def _is_letter_address(text: str) -> bool:
    pair = split_label(text)
    return bool(pair and pair[0] in ("to", "at") and _lists_members(pair))


def _lists_members(pair: tuple[str, str]) -> bool:
    """"Membership: …", "Cynghorwyr: …", or a summons letter's "To: Councillors A Bell
    (Chairman), C Dunn …" (not "To: All Members of the Council")."""
    key, value = pair
    return _is_membership_key(key) or (key in ("to", "at") and bool(_ADDRESSED.match(value)))


def _is_membership_key(key: str) -> bool:
    parts = [p.strip() for p in key.split("/")]
    return any(p in _MEMBERSHIP_KEYS or _section_role(p) for p in parts)


def _ends_membership(text: str) -> bool:
    """A labelled line about something else ("Contact:", "Venue:") closes the list."""
    pair = split_label(text)
    if not pair or _lists_members(pair) or len(pair[0]) > 30:
        return False
    return not _looks_like_name(_split_name(pair[0])[0])


def _is_section_row(line: Line) -> bool:
    cells = [c for c in line.cells if c]
    if all(c.casefold().rstrip(":") in _HEADER_CELLS for c in cells):
        return True
    return len(cells) == 1 and bool(party_of(cells[0]) or role_of(cells[0]))


def _read_row(line: Line, context: _Context) -> tuple[list[Member], _Context]:
    cells = [c for c in line.cells if c]
    if all(c.casefold().rstrip(":") in _HEADER_CELLS for c in cells):
        columns = tuple(c.casefold().rstrip(":") for c in line.cells)
        return [], replace(context, columns=columns) if len(cells) > 1 else context
    if context.columns and len(line.cells) == len(context.columns) and len(cells) > 1:
        member = _member_from_columns(line.cells, context)
        return ([member] if member else []), context
    if len(cells) == 1:
        text = cells[0]
        labelled = split_label(text)
        if labelled and _lists_members(labelled):
            role = next(filter(None, map(_section_role, labelled[0].split("/"))), None)
            inner = replace(context, role=role) if role else context
            value = labelled[1]
            if _COUNCILLOR.match(labelled[0]) and not _ADDRESSED.match(value):
                value = f"Councillors {value}"  # "Cynghorwyr: A, B a C": each a councillor
            listed = [parse_member(p, inner) for p in split_member_list(value)]
            return [m for m in listed if m], context
        if _MEMBERSHIP_START.search(text) and not labelled:
            return [], context
        dashed = re.match(r"^(.+?)\s+[-–—]\s+(.+)$", text)
        if dashed and parse_member(dashed.group(1), context):
            return [parse_member(dashed.group(1), context, dashed.group(2))], context  # type: ignore[list-item]
        group = party_of(text)
        if group:
            return [], _Context(group=group, columns=context.columns)
        section = _section_role(text)
        if section:
            keep_group = context.group if section == "substitute" else None
            return [], _Context(group=keep_group, role=section, columns=context.columns)
        if "," in text or ";" in text or " and " in text or re.match(r"(?i)(membership|members|"
                                                       r"councillors|aelodaeth)\b", text):
            listed = [parse_member(p, context) for p in split_member_list(text)]
            found = [m for m in listed if m]
            if len(found) >= max(1, len(listed) // 2):
                return found, context
    member = parse_member(cells[0], context, *cells[1:]) if cells else None
    return ([member] if member else []), context


_COLUMN_KINDS = {
    "name": ("councillor", "councillors", "name", "member", "members", "aelod", "enw"),
    "authority": ("authority", "council", "cyngor", "representing", "organisation"),
    "group": ("group", "party", "political group", "grŵp"),
    "role": ("role", "position", "rôl"),
    "position": ("portfolio", "responsibility", "portffolio"),
}


def _member_from_columns(cells: Sequence[str], context: _Context) -> Member | None:
    """A row of a membership table whose header said what each column holds."""
    by_kind: dict[str, str] = {}
    for header, cell in zip(context.columns, cells, strict=False):
        kind = next((k for k, names in _COLUMN_KINDS.items() if header in names), None)
        if kind and cell.strip():
            by_kind.setdefault(kind, cell.strip())
    if "name" not in by_kind:
        return None
    member = parse_member(by_kind["name"], context, by_kind.get("authority", ""),
                          by_kind.get("group", ""), by_kind.get("role", ""))
    if member is None:
        return None
    position = by_kind.get("position") or member.position
    plain = by_kind.get("role", "").casefold() in ("member", "aelod", "voting member")
    if "position" not in by_kind and "role" in by_kind and not role_of(by_kind["role"]) \
            and not plain:
        position = by_kind["role"]
    return replace(member, position=position)


def _section_role(text: str) -> str | None:
    """Section headings inside a membership table: "Substitutes", "Non-Voting", "Observers"."""
    t = text.strip().rstrip(":").casefold()
    if re.fullmatch(r"(?:named )?substitutes?(?: members)?|eilyddion", t):
        return "substitute"
    if re.fullmatch(r"non[- ]voting(?: members?)?|co-opted\s*\(?non[- ]voting\)?"
                    r"(?: members?)?|co-opted members?\s*\(non[- ]voting\)", t):
        return "non_voting"
    if re.fullmatch(r"(?:independent )?co-opted(?: members?)?|co-optees", t):
        return "co_opted"
    if re.fullmatch(r"observers?|sylwedyddion", t):
        return "observer"
    return None
