"""People named in a block, with title, honours, role and organisation when written.

Precision over recall: a run of capitalised words is taken as a person only beside an
anchor that says so — a title ("Cllr", "Baroness", "The Rt Hon"), honours ("OBE", "MP"),
a label ("Contact officer:"), a role after a dash or comma ("– Minister of State…",
", Programme Manager, to present") or a role before it ("The Chief Executive of Newham,
Althea Loderick"). Words that name things rather than people ("Local Government",
"Green Jobs") are refused as name parts.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass

from boardpapers.model.paper import Person, Span
from boardpapers.vocab import cues

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
    r"|Councillor|Solicitor|Lawyer|Auditor|Controller|Partner|Principal|Conven[eo]r|Provost"
    r"|Editor)\b")
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
    rf"Report\s+of|Presented\s+by|Contact|Editor)\s*:\**\s*(?P<name>{_FULL_NAME})"
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
    r"\b(?:[Tt]he|[Oo]ur(?:\s+(?:new|interim|incoming|acting))?)\s+"
    rf"(?P<role>{_ROLE_HEAD}(?:\s+of\s+(?P<org>{_WORD}(?:\s+(?:of\s+|and\s+)?{_WORD}){{0,5}}))?)"
    rf",\s+(?P<name>{_FULL_NAME})\b")
# "…; Mark Ellery, Assistant Director Finance; …": a later officer in a semicolon list.
_LISTED = re.compile(rf"(?<=;)[ \u00a0]*(?P<name>{_FULL_NAME}),\s+(?P<role>{_ROLE_HEAD}"
                     r"[^,;\n\t]{0,60})(?=;|\n|$)")
_ROLE_AFTER = re.compile(rf"(?:{_DASH}|,\s+(?:the\s+)?|\s*\t\s*)(?P<role>{_ROLE_HEAD}"
                         r"[^\n\t]*)")


# (pattern, what it cannot match without, priority), in the order overlaps are settled
# What _TITLED and _HONOURED cannot match without (vocab.cues finds them in one pass): a
# title's last word ("Hon" of "The Rt Hon"), an honour after a space.
_TITLE_CUE = cues.define("title", {t.split()[-1] for t in TITLES}, cased=True)
_HONOUR_CUE = cues.define_pattern(
    "honours", re.compile(r"[ \u00a0](?:" + "|".join(HONOURS) + r")\b"))


@dataclass(frozen=True, slots=True)
class PeopleSettings:
    """Which anchor wins when two find the same name, and how far around a name to look."""

    labelled_priority: int = 4  # "Contact: Jo Pryce": a label says plainly it is a person
    titled_priority: int = 3  # "Cllr Jo Pryce": a title before the name
    honoured_priority: int = 2  # "Jo Pryce OBE": honours after the name
    anchored_priority: int = 1  # a dash, comma, list or "Leader of …," beside the name
    welsh_sir_before: int = 8  # characters before "Sir" searched for "Cyngor ", "y " (a county)
    the_before: int = 5  # characters before a title searched for "The " (a thing named after one)
    names_under_label: int = 4  # lines under a contact label alone that may each hold a name
    role_lookahead: int = 3  # blocks under a contact label that may hold its "Position:" line


PEOPLE = PeopleSettings()
_ROLE_PATTERNS = ((_LABEL, re.compile(":"), PEOPLE.labelled_priority),
                  (_DASHED, re.compile("[–—-]"), PEOPLE.anchored_priority),
                  (_COMMA_ROLE, re.compile("present"), PEOPLE.anchored_priority),
                  (_LISTED, re.compile(";"), PEOPLE.anchored_priority))


@dataclass(frozen=True, slots=True)
class _Found:
    person: Person
    priority: int  # richer anchors win overlaps


def find_people(text: str, block: int) -> list[Person]:
    """People named in one block's text, each with its name's span.

    Each anchored pattern runs only when the character it cannot match without is in
    the text (a colon for a label, a semicolon for a list…): most blocks hold few."""
    found: list[_Found] = []
    present = cues.present(text)
    for m in _TITLED.finditer(text) if _TITLE_CUE in present else ():
        found.extend(_from_match(text, block, m, title=_clean_title(m.group("title")),
                                 priority=PEOPLE.titled_priority))
    if _HONOUR_CUE in present:
        for m in _HONOURED.finditer(text):
            found.extend(_from_match(text, block, m, priority=PEOPLE.honoured_priority))
    for pattern, needs, priority in _ROLE_PATTERNS:
        if not needs.search(text):
            continue
        for m in pattern.finditer(text):
            found.extend(_from_match(text, block, m, role=_clean_role(m.group("role")),
                                     priority=priority))
    if "," in text:
        for m in _ROLE_FIRST.finditer(text):
            found.extend(_from_match(text, block, m, role=_clean_role(m.group("role")),
                                     organisation=m.group("org"),
                                     priority=PEOPLE.anchored_priority))
    return _without_overlaps(found)


def _from_match(text: str, block: int, m: re.Match[str], *, priority: int,
                title: str | None = None, role: str | None = None,
                organisation: str | None = None) -> list[_Found]:
    start, end = m.span("name")
    if title == "Sir" and _WELSH_SIR_BEFORE.search(
            text, max(0, m.start() - PEOPLE.welsh_sir_before), m.start()):
        return []  # "Cyngor Sir Dyffryn Teifi": Welsh "sir" is a county, not a knight
    if title and not title.startswith("The") and _THE_BEFORE.search(
            text, max(0, m.start() - PEOPLE.the_before), m.start()):
        return []  # "The Sir Robert Peel Community Hospital": a thing named after a person
    lead = _LEADING_TITLE.match(text, start, end)
    if lead:  # "Dr Nia Castell, Director of Skills, to present"
        title = title or _clean_title(lead.group(0))
        start = lead.end()
    end = _before_label(text, start, end)
    end, of_organisation = _before_of_body(text, start, end, title)
    end = _before_possessive(text, start, end)
    name = text[start:end]
    if not _plausible_name(name, titled=title is not None) or _named_after(text, start, end,
                                                                          title):
        return []
    organisation = organisation or of_organisation
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


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
PEER_TITLES = frozenset({"Lord", "Baroness", "The Lord", "The Baroness"})
# "of" plus a body: "Cllr Nia Rowlands of Powys County Council" is Nia Rowlands, of a council.
_OF_BODY = re.compile(rf"{_SP}of{_SP}(?P<org>(?:{_WORD}{_SP}(?:and{_SP}|of{_SP})?){{0,4}}"
                      r"(?:Council|County|Borough|District|Authority|Association|City|"
                      r"Combined|Metropolitan))\b(?:[ \u00a0]+(?:Borough|District|City|"
                      r"Council|Authority))*")
# Things named after people: "Sir Robert Peel Community Hospital", "Lady Margaret Hall's".
PLACE_NOUNS = frozenset("""
hospital hospitals hall halls fields field centre center school schools house trust park
library college academy church chapel court gardens garden museum theatre stadium ground
institute foundation hub hubs ambulance community memorial infirmary hospice lodge building
estate square street road way bridge primary playing leisure pool arena surgery practice
""".split())
_CHARITY_TITLES = frozenset({"Dr", "Sir", "Lady", "Lord", "Dame", "Prince", "Princess"})


def _before_of_body(text: str, start: int, end: int,
                    title: str | None) -> tuple[int, str | None]:
    """A name stops at " of " unless it is a peer's territorial name ("Baroness Taylor of
    Stevenage"); a council after "of" is the person's organisation."""
    at = text.find(" of ", start, end)
    if at < 0:
        at = text.find("\u00a0of", start, end)
    if at < 0:
        return end, None
    body = _OF_BODY.match(text, at)
    if body:
        return at, " ".join(body.group("org").split() + body.group(0)[body.end("org")
                                                                      - body.start():].split())
    if title in PEER_TITLES:
        return end, None
    return at, None


def _before_possessive(text: str, start: int, end: int) -> int:
    """"Cllr Jo Pryce's motion": the name is "Jo Pryce"."""
    if end - start > 2 and text[end - 2:end] in ("'s", "’s"):
        return end - 2
    return end


def _named_after(text: str, start: int, end: int, title: str | None) -> bool:
    """A building, charity or fund named after a person, not the person: its name holds a
    place noun, ends in one with a possessive ("Lady Margaret Hall's outreach centre"), or
    is a lone name with a possessive after a knight's or doctor's title ("Dr Barnardo's")."""
    words = text[start:end].split()
    possessive = text.startswith(("'s", "’s"), end)
    if any(w.lower() in PLACE_NOUNS for w in words[1:-1]):
        return True
    if words and words[-1].lower() in PLACE_NOUNS and (possessive or _place_follows(text, end)):
        return True
    if title in _CHARITY_TITLES and _place_follows(text, end + (2 if possessive else 0)):
        return True
    return possessive and len(words) == 1 and title in _CHARITY_TITLES


_PLACE_AFTER = re.compile(r"[ \u00a0]+(?:[A-Za-z]+[ \u00a0]+)?(?P<noun>[A-Za-z]+)\b")


def _place_follows(text: str, pos: int) -> bool:
    """"… Community Hospital", "… family hubs": a place noun in the next two words."""
    m = _PLACE_AFTER.match(text, pos)
    return m is not None and any(w.lower() in PLACE_NOUNS for w in m.group(0).split())


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
    """One person per span of text: the richest anchor wins, then the longest name; a
    later match merges into the earliest kept one it overlaps. Kept spans never overlap,
    so those a span meets sit together in start order, found by bisection (a long block
    naming thousands of people stays near-linear)."""
    ranked = sorted(found, key=lambda f: (-f.priority, -(f.person.span.end
                                                         - f.person.span.start)))
    kept: list[_Found] = []
    starts: list[int] = []  # kept spans' starts, in text order
    which: list[int] = []  # for each of starts, its index in kept
    for f in ranked:
        s = f.person.span
        i = bisect_left(starts, s.end)
        clashes = []
        j = i - 1
        while j >= 0 and kept[which[j]].person.span.end > s.start:
            clashes.append(which[j])
            j -= 1
        if not clashes:
            starts.insert(i, s.start)
            which.insert(i, len(kept))
            kept.append(f)
        else:
            first = min(clashes)
            clash = kept[first]
            kept[first] = _Found(_merge(clash.person, f.person), clash.priority)
    return sorted((k.person for k in kept), key=lambda p: p.span.start)


def _merge(a: Person, b: Person) -> Person:
    """Keep a's name and span; fill what it lacks from b."""
    return Person(name=a.name, span=a.span, role=a.role or b.role, title=a.title or b.title,
                  honours=a.honours or b.honours,
                  organisation=a.organisation or b.organisation)


# A contact label on a line of its own ("**Board Contact:**"), the name on the next line.
_LABEL_ALONE = re.compile(
    r"^[\W_]*(?:(?:Board|Lead|Report|Presenting)\s+)?(?:Contact(?:\s+officers?)?|"
    r"Report\s+author|Author|Lead\s+officer|Editor)\s*:[\W_]*$", re.IGNORECASE)
_NAME_ALONE = re.compile(rf"^\s*(?:{_TITLE_CHAIN})?(?P<name>{_FULL_NAME})\s*$")
# "Position: Programme Manager" on a line under "Contact officer: …".
_ROLE_LINE = re.compile(r"(?:^|\n)[\W_]*(?:Position|Job\s+title|Post|Role|Designation)\s*:"
                        r"[*\s]*(?P<role>[^\n\t*:][^\n]{1,80})", re.IGNORECASE)


def people_across_blocks(texts: list[str], people: list[Person]) -> list[Person]:
    """What one block alone cannot say: names on the lines under a label alone, with their
    roles when a "Position:" label alone follows them (one role per name, in order), and a
    labelled contact's role on a later "Position:"/"Job title:" line."""
    out = list(people)
    taken = {(p.span.block, p.span.start) for p in people}
    for i, text in enumerate(texts[:-1]):
        if _LABEL_ALONE.match(text.strip()):
            out.extend(p for p in _names_under_label(texts, i + 1)
                       if (p.span.block, p.span.start) not in taken)
    return [p if p.role else _with_role_below(texts, p) for p in out]


_ROLE_LABEL_ALONE = re.compile(r"^[\W_]*(?:Position|Job\s+title|Post|Role|Designation)\s*:"
                               r"[\W_]*$", re.IGNORECASE)


def _names_under_label(texts: list[str], first: int) -> list[Person]:
    """"Contact officers:" / "Harriet Lowe" / "Samir Qureshi" / "Position:" / two roles."""
    people: list[Person] = []
    for j in range(first, min(len(texts), first + PEOPLE.names_under_label)):
        m = _NAME_ALONE.match(texts[j])
        if not m or not _plausible_name(m.group("name"), titled=bool(m.group("title"))):
            break
        title = _clean_title(m.group("title")) if m.group("title") else None
        people.append(Person(name=m.group("name"), span=Span(j, m.start("name"), m.end("name")),
                             title=title))
    after = first + len(people)
    if people and after < len(texts) and _ROLE_LABEL_ALONE.match(texts[after].strip()):
        roles = texts[after + 1:after + 1 + len(people)]
        if len(roles) == len(people) and not any(_ROLE_LABEL_ALONE.match(r) or ":" in r
                                                 for r in roles):
            people = [dataclasses.replace(p, role=_clean_role(r))
                      for p, r in zip(people, roles, strict=True)]
    return people


def _with_role_below(texts: list[str], person: Person) -> Person:
    """A labelled contact's role written on a label line below the name, if any."""
    block = person.span.block
    if not (_LABEL.search(texts[block]) or _NAME_ALONE.match(texts[block])):
        return person
    below = [texts[block][person.span.end:]] + texts[block + 1:block + 1 + PEOPLE.role_lookahead]
    for text in below:
        if _LABEL.search(text):
            break  # the next contact's lines
        m = _ROLE_LINE.search(text)
        if m:
            role = _clean_role(m.group("role"))
            return Person(name=person.name, span=person.span, role=role, title=person.title,
                          honours=person.honours, organisation=person.organisation)
    return person
