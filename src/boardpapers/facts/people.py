"""People named in a block, with title, honours, role and organisation when written.

Precision over recall: a run of capitalised words is taken as a person only beside an
anchor that says so — a title ("Cllr", "Baroness", "The Rt Hon"), honours ("OBE", "MP"),
a label ("Contact officer:"), a role after a dash or comma ("– Minister of State…",
", Programme Manager, to present") or a role before it ("The Chief Executive of Newham,
Althea Loderick"). Words that name things rather than people ("Local Government",
"Green Jobs") are refused as name parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.paper import Person, Span

TITLES = ("The Rt Hon", "The Right Honourable", "Rt Hon", "Cllr", "Councillor", "Lord",
          "Baroness", "Lady", "Sir", "Dame", "Mayor", "Dr", "Professor", "Prof", "Mr",
          "Mrs", "Ms", "Miss", "Mx", "The Lord", "The Baroness")
HONOURS = ("OBE", "CBE", "MBE", "KBE", "DBE", "MP", "JP", "DL", "MSP", "QC", "KC", "FRSA",
           "BEM", "CB", "PhD")

_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_PARTICLE = r"(?:de|van|von|da|del|der|le|la|bin|al)"
_SP = r"[ \u00a0]+"  # names never run across a tab or a line break
_NAME = rf"{_WORD}(?:{_SP}(?:{_PARTICLE}{_SP})?{_WORD}){{0,3}}"
_FULL_NAME = rf"{_WORD}(?:{_SP}(?:{_PARTICLE}{_SP})?{_WORD}){{1,3}}"
_TITLE = "|".join(sorted((re.escape(t).replace(r"\ ", r"\s+") for t in TITLES),
                         key=len, reverse=True))
_HONOURS = r"(?:[ \u00a0]+(?:" + "|".join(HONOURS) + r")\b)+"
_TITLE_CHAIN = rf"(?P<title>(?:(?:{_TITLE})\.?\s+)+)"
_OF_PLACE = rf"(?:{_SP}of{_SP}{_WORD}(?:{_SP}{_WORD})?)?"
_DASH = r"\s+[–—-]\s+|\s*[–—]\s*"

_ROLE_HEAD = (
    r"(?:(?:Deputy|Vice[- ]|Assistant|Senior|Principal|Interim|Acting|Shadow|Lead|Executive"
    r"|Joint|Strategic|Parliamentary|Corporate|Regional|Programme|Project|Policy|Finance"
    r"|Head|Chief|Cabinet|Portfolio|Lead)\s*)*"
    r"(?:Prime Minister|Minister|Secretary|Under[- ]Secretary|Chief Executive|Chief Officer"
    r"|Chair(?:man|woman|person)?|Leader|Mayor|Director|Head|Manager|Officer|Advis[eo]r"
    r"|Member|Holder|Clerk|Treasurer|President|Spokes(?:person|man|woman)|Observer"
    r"|Coordinator|Co-ordinator|Consultant|Analyst|Lead|CEO|Executive|Commissioner"
    r"|Councillor|Solicitor|Lawyer|Auditor|Controller|Partner|Principal)\b")
_ROLE = re.compile(_ROLE_HEAD)

# Words that name organisations, places, programmes or months, never a person.
NOT_NAME_WORDS = frozenset("""
local government green jobs council councils county borough district association board
minister ministers state department housing programme network group team office offices
chief executive director committee partnership authority regional national strategic
development university services service the this our your their and for with from into
of update updates report reports appendix annex item items agenda minutes summary news
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday improvement innovation
leadership digital data policy finance financial funding fund recovery covid climate
planning transport health care social public private sector community communities
city region combined mayoral metropolitan royal london england wales scotland
parliament parliamentary government commons lords house select cabinet chair deputy
vice chairman leader officer officers contact position phone email telephone
key next steps background recommendations recommendation purpose issues implications
members member portfolio holder conservative labour liberal democrat independent group
annual strategy plan action framework review project projects support centre center
institute foundation trust fund college school academy ltd limited plc inc
""".split())

_LABEL = re.compile(
    r"(?:Contact\s+officers?|Lead\s+officer|Report\s+author|Author|Presenting\s+officer|"
    rf"Report\s+of|Presented\s+by|Contact)\s*:\**\s*(?P<name>{_FULL_NAME})"
    r"(?:\s*,\s*(?P<role>[^,\n\t]{3,80}))?", re.IGNORECASE)
_TITLED = re.compile(
    rf"{_TITLE_CHAIN}(?P<name>{_NAME}{_OF_PLACE})(?P<honours>{_HONOURS})?"
    r"(?:\s*\((?P<paren>[^)\n\t]{2,60})\))?")
_HONOURED = re.compile(rf"(?<![\w.])(?P<name>{_FULL_NAME})(?P<honours>{_HONOURS})"
                       r"(?:\s*\((?P<paren>[^)\n\t]{2,60})\))?")
_DASHED = re.compile(rf"(?:^|(?<=[\n\t·•▪*]))\s*(?P<name>{_FULL_NAME})(?:{_DASH})"
                     rf"(?=(?P<role>{_ROLE_HEAD}[^\n\t]*))")
_COMMA_ROLE = re.compile(rf"(?<![\w.])(?P<name>{_FULL_NAME}),\s+(?P<role>{_ROLE_HEAD}"
                         r"[^,\n\t]{0,60}),\s+(?:to\s+present|presenting|will\s+present)")
_ROLE_FIRST = re.compile(
    rf"\b[Tt]he\s+(?P<role>{_ROLE_HEAD}(?:\s+of\s+(?P<org>{_WORD}(?:\s+{_WORD}){{0,3}}))?)"
    rf",\s+(?P<name>{_FULL_NAME})\b")
_ROLE_AFTER = re.compile(rf"(?:{_DASH}|,\s+(?:the\s+)?|\s*\t\s*)(?P<role>{_ROLE_HEAD}"
                         r"[^\n\t]*)")


@dataclass(frozen=True, slots=True)
class _Found:
    person: Person
    priority: int  # richer anchors win overlaps


def find_people(text: str, block: int) -> list[Person]:
    """People named in one block's text, each with its name's span."""
    found: list[_Found] = []
    for m in _TITLED.finditer(text):
        found.extend(_from_match(text, block, m, title=_clean_title(m.group("title")),
                                 priority=3))
    for m in _HONOURED.finditer(text):
        found.extend(_from_match(text, block, m, priority=2))
    for m in _LABEL.finditer(text):
        found.extend(_from_match(text, block, m, role=_clean_role(m.group("role")),
                                 priority=4))
    for m in _DASHED.finditer(text):
        found.extend(_from_match(text, block, m, role=_clean_role(m.group("role")),
                                 priority=1))
    for m in _COMMA_ROLE.finditer(text):
        found.extend(_from_match(text, block, m, role=_clean_role(m.group("role")),
                                 priority=1))
    for m in _ROLE_FIRST.finditer(text):
        found.extend(_from_match(text, block, m, role=_clean_role(m.group("role")),
                                 organisation=m.group("org"), priority=1))
    return _without_overlaps(found)


def _from_match(text: str, block: int, m: re.Match[str], *, priority: int,
                title: str | None = None, role: str | None = None,
                organisation: str | None = None) -> list[_Found]:
    start, end = m.span("name")
    if title == "Sir" and _WELSH_SIR_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return []  # "Cyngor Sir Dyffryn Teifi": Welsh "sir" is a county, not a knight
    lead = _LEADING_TITLE.match(text, start, end)
    if lead:  # "Dr Nia Castell, Director of Skills, to present"
        title = title or _clean_title(lead.group(0))
        start = lead.end()
    end = _before_label(text, start, end)
    name = text[start:end]
    if not _plausible_name(name, titled=title is not None):
        return []
    groups = m.groupdict()
    honours = " ".join(groups["honours"].split()) if groups.get("honours") else None
    paren = groups.get("paren")
    if role is None and paren and _ROLE.search(paren):
        role = paren.strip()
    if role is None:
        after = _ROLE_AFTER.match(text, m.end())
        if after:
            role = _clean_role(after.group("role"), comma=after.group().lstrip()[:1] == ",")
    if organisation is None:
        organisation = _organisation(text, m.end(), role)
    person = Person(name=name, span=Span(block, start, end), role=role, title=title,
                    honours=honours, organisation=organisation)
    return [_Found(person, priority)]


_WELSH_SIR_BEFORE = re.compile(r"\b(?:Cyngor|y|Neuadd\s+y)\s+$", re.IGNORECASE)
_LEADING_TITLE = re.compile(rf"(?:(?:{_TITLE})\.?{_SP})+")
_LABEL_WORD_END = re.compile(rf"{_SP}{_WORD}$")


def _before_label(text: str, start: int, end: int) -> int:
    """Where a name ends when its last word is the next label ("Dana Morrow Subject:")."""
    while text.startswith(":", end):
        last = _LABEL_WORD_END.search(text, start, end)
        if last is None:
            break
        end = last.start()
    return end


def _plausible_name(name: str, *, titled: bool) -> bool:
    words = [w for w in name.split() if w not in {"of", "de", "van", "von", "da", "le", "la"}]
    core = words if not titled else words[:1]
    if any(w.lower().strip("'’") in NOT_NAME_WORDS for w in core):
        return False
    if not titled and len(words) < 2:
        return False
    return not any(w.lower() in NOT_NAME_WORDS for w in words[:2])


def _clean_title(raw: str) -> str:
    return " ".join(raw.replace(".", "").split())


def _clean_role(raw: str | None, *, comma: bool = False) -> str | None:
    """A role phrase up to the end of its clause; one introduced by a comma ends at the
    next comma ("Mims Davies MP, the Minister for Work, said")."""
    if not raw:
        return None
    if comma:
        raw = raw.split(",")[0]
    role = re.split(r"\s*[;\n\t]|\.\s|\.$|,\s+(?:to\s+present|who|and\s+will)", raw)[0]
    role = role.strip(" ,.:–—-*")
    return role or None


_ORG_AFTER = re.compile(r"[ \u00a0]*\t[ \u00a0]*(?P<org>[^\t\n\d][^\t\n]{2,79})")
_ROLE_OF = re.compile(r"\b(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z][\w&'’-]*(?:\s+(?:of|and|for|"
                      r"&|the|[A-Z][\w&'’-]*))*)")
_ORG_WORDS = re.compile(r"Council|Authority|Association|Borough|Partnership|Department|"
                        r"Ministry|Office|Agency|Trust|Board|LGA|MHCLG|Government",
                        re.IGNORECASE)


_GENERIC = frozenset({"Council", "Board", "Authority", "Government", "Office", "Cabinet"})


def _organisation(text: str, end: int, role: str | None) -> str | None:
    """The organisation written beside a person: the next table cell, or "of X" in the
    role when X reads like a body."""
    cell = _ORG_AFTER.match(text, end)
    if cell and _ORG_WORDS.search(cell.group("org")):
        return cell.group("org").strip()
    for of in _ROLE_OF.finditer(role or ""):
        org = of.group("org").strip()
        if (_ORG_WORDS.search(org) and org.split()[0] not in _GENERIC
                and not org.startswith("State")):  # "Leader of the Council and Chair"
            return org
    return None


def _without_overlaps(found: list[_Found]) -> list[Person]:
    """One person per span of text: the richest anchor wins, then the longest name."""
    ranked = sorted(found, key=lambda f: (-f.priority, -(f.person.span.end
                                                         - f.person.span.start)))
    kept: list[_Found] = []
    for f in ranked:
        s = f.person.span
        clash = next((k for k in kept if k.person.span.start < s.end
                      and s.start < k.person.span.end), None)
        if clash is None:
            kept.append(f)
        else:
            kept[kept.index(clash)] = _Found(_merge(clash.person, f.person), clash.priority)
    return sorted((k.person for k in kept), key=lambda p: p.span.start)


def _merge(a: Person, b: Person) -> Person:
    """Keep a's name and span; fill what it lacks from b."""
    return Person(name=a.name, span=a.span, role=a.role or b.role, title=a.title or b.title,
                  honours=a.honours or b.honours,
                  organisation=a.organisation or b.organisation)
