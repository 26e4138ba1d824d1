"""Find council names in text and link them to the register: a token trie, built once.

A council is written as ``[prefix] place [and place…] [suffix]``: "London Borough of
Hackney", "Rotherham MBC", "South Norfolk and Broadland Council". The register's names are
reduced to their *place* cores ("hackney", "south norfolk") and kept in a trie of
normalised tokens; the prefixes and suffixes are small fixed lists. A match is
*designated* when a prefix or suffix (or a full official name) says it is a council; a
bare place ("Sheffield") links only where the caller says the context is about councils.

The trie walk costs a dictionary lookup per token, so scanning a block is linear in its
words whatever the size of the register.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from boardpapers.registry import Authority, normalise_name, register
from boardpapers.vocab import cues


@dataclass(frozen=True, slots=True)
class CouncilNamesSettings:
    """Short places a name is never read from, and how far around a name to look."""

    core_min_chars: int = 3  # a shorter register place is left out of the index (a stray word)
    bare_min_chars: int = 4  # a bare place (no designation) shorter than this is no council
    prefix_words: int = 6  # tokens read for a designation before a place (its longest is 4)
    list_before: int = 6  # characters before "… councils" searched for "and", "&", ","


COUNCIL_NAMES = CouncilNamesSettings()

# Designations before and after a place, as normalised token sequences.
PREFIXES: tuple[str, ...] = (
            "london borough of", "royal borough of", "city of", "city and county of",
            "county of", "borough of", "metropolitan borough of", "borough council of",
            "council of the", "county borough of",
            # Welsh: "Cyngor Sir Powys", "Cyngor Bwrdeistref Sirol Wrecsam", "Cyngor Dinas
            # Casnewydd", "Cyngor Dinas a Sir Abertawe", "Cyngor Gwynedd"
            "cyngor sir", "cyngor bwrdeistref sirol", "cyngor dinas a sir", "cyngor dinas",
            "cyngor")
# Welsh mutates "Cyngor" after some words: "â Chyngor Sir Powys" (aspirate), "i Gyngor
# Gwynedd" (soft), "yng Nghyngor Sir Ddinbych" (nasal). The rest of the name stays.
PREFIXES += tuple(mutated + p.removeprefix("cyngor") for p in PREFIXES if p.startswith("cyngor")
                  for mutated in ("chyngor", "gyngor", "nghyngor"))
SUFFIXES = ("council", "councils", "city council", "county council", "district council",
            "district councils", "borough council", "borough councils", "city councils",
            "county councils", "metropolitan borough council", "metropolitan district council",
            "metropolitan council", "city and district council", "royal borough council",
            "london borough council", "county borough council", "unitary authority",
            "unitary council", "borough", "london borough", "district", "county",
            "combined authority", "mayoral combined authority", "combined county authority",
            "city region combined authority", "corporation", "city of", "ua",
            "town council", "parish council", "city region")
# Suffixes written as capitalised abbreviations only ("Rotherham MBC", "Leeds CC").
ABBREVIATIONS = frozenset({"mbc", "bc", "dc", "cc", "ca", "mca", "cca", "ua", "lbc", "rbc"})
ABBREVIATION_SUFFIXES = ("mbc", "bc", "dc", "cc", "ca", "mca", "cca", "lbc", "rbc")
COMBINED_SUFFIXES = frozenset({"combined authority", "mayoral combined authority",
                               "combined county authority", "city region combined authority",
                               "ca", "mca", "cca"})
# Parish and town councils share place names with principal councils but are not them.
NOT_PRINCIPAL = frozenset({"town council", "parish council"})
# Suffixes that alone do not make a place a council ("Kent County" is a council context
# only in tables): they are stripped from register names but never designate.
WEAK_SUFFIXES = frozenset({"borough", "district", "county", "city of", "city region"})
# Words that may stay lower case inside a place name.
CONNECTORS = frozenset({"and", "of", "upon", "on", "the", "in", "le", "by", "under", "with",
                        "de", "next", "sea", "super", "mare", "st", "y"})  # "Sir y Fflint"
# Places too ambiguous or too common to link when written bare: regions, nations, towns
# that share a council's name with another body, ordinary words.
BARE_NEVER = frozenset({
    "london", "greater london", "wales", "scotland", "england", "northern ireland",
    "north east", "north west", "south east", "south west", "east midlands",
    "west midlands", "east of england", "yorkshire and the humber", "eastern",
    "yorkshire", "durham", "newport", "reading", "eden", "city of london", "bournemouth",
    "the city", "hull city", "leicester city", "kingston"})
# Register names whose place core alone names something else.
WHOLE_ONLY = frozenset({"london"})
# Short forms councils use of themselves that the register lacks.
EXTRA_CORES = {"kingston": ("KTT",),
               # Welsh names the register lacks or spells with a broken "ô"
               "ynys môn": ("AGY",), "gâr": ("CMN",), "caerfyrddin": ("CMN",),
               "penfro": ("PEM",)}

# Initials councils and papers use for a council, where they name one council only
# ("LBH" could be Hackney, Harrow, Havering, Hillingdon or Hounslow; "WCC" and "KCC" are
# several, so they are not here). Written in capitals as a word of their own. Initials
# that also mean something else ("BCP" a business continuity plan, "RCT" a randomised
# controlled trial) count only with "Council" after them.
ABBREVIATED = {"RBKC": "KEC", "RBWM": "WNM", "LBTH": "TWH", "LBHF": "HMF", "LBBD": "BDG",
               "RBK": "KTT", "B&NES": "BAS", "BANES": "BAS", "ERYC": "ERY", "CWAC": "CHW",
               "BwD": "BBD", "NELC": "NEL", "GMCA": "GMCA", "WMCA": "WMCA", "WYCA": "WYCA",
               "SYMCA": "SCR", "LCRCA": "LCR"}
ABBREVIATED_BEFORE_COUNCIL = {"BCP": "BPC", "RCT": "RCT", "NPT": "NTL"}
_ABBREVIATED = re.compile(
    r"(?<![\w&])(?:(?P<alone>" + "|".join(
        re.escape(a) for a in sorted(ABBREVIATED, key=len, reverse=True)) + r")(?![\w&])"
    r"|(?P<with>" + "|".join(ABBREVIATED_BEFORE_COUNCIL) + r")[ \u00a0]+Council\b)")
_ABBREVIATED_CUE = cues.define_pattern("council initials", _ABBREVIATED)

_LETTER = "A-Za-z0-9ÀÂÊÎÔÛŴŶàâäêëîïôöûüŵŷ"  # Welsh circumflexes: "Ynys Môn", "Sir Gâr"
_TOKEN = re.compile(rf"[{_LETTER}]+(?:['’][A-Za-z]+)*|&|/|,|[.;:()\[\]|\t\n]")


class Token(NamedTuple):
    """One word or mark (a tuple: blocks have thousands, and tuples are cheap to make)."""

    norm: str  # normalised word, or "," "/" "and" for connectives, "|" for a hard break
    start: int
    end: int
    capital: bool  # written with a leading capital (or digit)
    upper: bool  # written all in capitals


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One council found in text: its span, the place core and the register candidates."""

    start: int
    end: int
    core: str
    designation: str  # normalised prefix + suffix, "" when bare
    authorities: tuple[Authority, ...]  # empty: unlinked
    combined: bool  # written as a combined authority


_MARKS = {"&": "and", ",": ",", "/": "/"}


def tokenise(text: str, pos: int = 0, endpos: int | None = None) -> list[Token]:
    """Tokens of text[pos:endpos], with offsets into the whole text."""
    out: list[Token] = []
    append, make = out.append, Token._make
    for m in _TOKEN.finditer(text, pos, len(text) if endpos is None else endpos):
        raw = m.group()
        first = raw[0]
        if first.isalnum():
            norm = raw.lower()
            if "'" in norm or "’" in norm:
                norm = norm.replace("'", "").replace("’", "")  # as normalise_name does
            elif norm == "saint":
                norm = "st"
            append(make((norm, m.start(), m.end(), first.isupper() or first.isdigit(),
                         raw.isupper())))
        else:
            append(make((_MARKS.get(raw, "|"), m.start(), m.end(), False, False)))
    return out


# ---------------------------------------------------------------- the index, built once


def _split(key: str) -> tuple[str, str]:
    """A register name as (place core, designation): "sheffield city council" ->
    ("sheffield", "city council")."""
    words = key.split()
    designation: list[str] = []
    changed = True
    while changed and words:
        changed = False
        for pre in sorted(PREFIXES, key=len, reverse=True):
            p = pre.split()
            if words[:len(p)] == p and len(words) > len(p):
                designation.append(pre)
                words = words[len(p):]
                changed = True
                break
        for suf in sorted(SUFFIXES + ABBREVIATION_SUFFIXES, key=len, reverse=True):
            s = suf.split()
            if words[-len(s):] == s and len(words) > len(s):
                designation.append(suf)
                words = words[:-len(s)]
                changed = True
                break
    return " ".join(words), " ".join(designation)


@dataclass(frozen=True, slots=True)
class Index:
    places: dict  # token trie: word -> subtrie, "$" -> core
    cores: dict[str, tuple[str, ...]]  # core -> codes
    names: dict[str, tuple[str, ...]]  # full normalised register name -> codes
    prefixes: tuple[tuple[str, ...], ...]
    suffixes: tuple[tuple[str, ...], ...]


@functools.cache
def index() -> Index:
    reg = register()
    cores: dict[str, list[str]] = {}
    for key, codes in reg.names.items():
        core, _ = _split(key)
        if core in WHOLE_ONLY:
            core = key  # "city of london" stays whole: "London" alone is the capital
        if not core or len(core) < COUNCIL_NAMES.core_min_chars:
            continue
        bucket = cores.setdefault(core, [])
        bucket.extend(c for c in codes if c not in bucket)
    for core, codes in EXTRA_CORES.items():
        cores.setdefault(core, list(codes))
    trie: dict = {}
    for core in cores:
        node = trie
        for w in core.split():
            node = node.setdefault(w, {})
        node["$"] = core
    by_len = functools.partial(sorted, key=lambda t: -len(t))
    return Index(
        places=trie,
        cores={k: tuple(sorted(v, key=lambda c: not reg.authorities[c].current))
               for k, v in cores.items()},
        names=reg.names,
        prefixes=tuple(by_len(tuple(p.split()) for p in PREFIXES)),
        suffixes=tuple(by_len(tuple(s.split()) for s in SUFFIXES + ABBREVIATION_SUFFIXES)))


# ---------------------------------------------------------------- matching


_FIRST_WORDS = frozenset(w.split()[0] for w in PREFIXES + SUFFIXES + ABBREVIATION_SUFFIXES)


def _seq(tokens: list[Token], i: int, seqs: tuple[tuple[str, ...], ...]) -> int:
    """End index (exclusive) of the longest of ``seqs`` at token i, or i when none."""
    if i >= len(tokens) or tokens[i].norm not in _FIRST_WORDS:
        return i
    for seq in _by_first_word(seqs).get(tokens[i].norm, ()):
        j = i + len(seq)
        if j <= len(tokens) and tuple(t.norm for t in tokens[i:j]) == seq:
            if len(seq) == 1 and seq[0] in ABBREVIATIONS and not tokens[i].upper:
                continue
            return j
    return i


def _prefix_ends(tokens: list[Token], i: int, prefixes: tuple[tuple[str, ...], ...]) -> list[int]:
    """Ends of every prefix at token i, longest first: "Cyngor Sir Ddinbych" is "Cyngor"
    before the place "Sir Ddinbych", "Cyngor Sir Powys" is "Cyngor Sir" before "Powys"."""
    if tokens[i].norm not in _FIRST_WORDS:
        return []
    norms = tuple(t.norm for t in tokens[i:i + COUNCIL_NAMES.prefix_words])
    return [i + len(seq) for seq in _by_first_word(prefixes).get(tokens[i].norm, ())
            if norms[:len(seq)] == seq]


@functools.cache
def _by_first_word(seqs: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The sequences grouped by first word, each group still longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        out.setdefault(seq[0], []).append(seq)
    return {k: tuple(v) for k, v in out.items()}


def _place(tokens: list[Token], i: int, places: dict) -> tuple[int, str] | None:
    """Longest place core starting at token i, written with capitals: (end, core)."""
    if i >= len(tokens) or not tokens[i].capital or tokens[i].norm in ",/|":
        return None
    node, k, best = places, i, None
    while k < len(tokens):
        tok = tokens[k]
        if tok.norm == "," and k > i:
            k += 1
            continue
        nxt = node.get(tok.norm)
        if nxt is None or (not tok.capital and tok.norm not in CONNECTORS):
            break
        node = nxt
        k += 1
        if "$" in node:
            best = (k, node["$"])
    return best


def _conjoined(tokens: list[Token], i: int) -> int:
    """Index past a list connective ("and", "&", ",", "/") at i, or i."""
    if i < len(tokens) and tokens[i].norm in {"and", ",", "/"}:
        j = i + 1
        if tokens[i].norm == "," and j < len(tokens) and tokens[j].norm == "and":
            j += 1
        return j
    return i


# A capital word where a council name could start; and the marks no name runs across
# (they tokenise as hard breaks "|"), so a name is sought only in the clause it opens.
# (the capital first, then the lookbehind a character further back: a pattern opening
# with a character class lets re skip to the capitals; the same matches)
_CAPITAL = "A-ZÂÊÎÔÛŴŶ"
_CAPITAL_WORD = re.compile(
    rf"[{_CAPITAL}](?<![{_LETTER}'’][{_CAPITAL}])[{_LETTER}]*(?:['’][A-Za-z]+)*")
_HARD_BREAK = re.compile(r"[.;:()\[\]|\t\n]")


def scan(text: str, *, bare_ok: bool) -> list[NameMatch]:
    """Every council name in ``text``, left to right, longest first, never overlapping.

    Only a capital word that opens a place or a prefix can start a name, and no name runs
    past a hard break, so only the clauses holding such a word are tokenised, once each."""
    idx = index()
    starts = _start_words()
    openers = _openers_only()
    out: list[NameMatch] = []
    done = clause_end = 0
    tokens: list[Token] = []
    at: dict[int, int] = {}  # token start offset -> index in tokens
    for m in _CAPITAL_WORD.finditer(text):
        if m.start() < done:
            continue
        norm = m.group().lower()
        if "'" in norm or "’" in norm:
            norm = norm.replace("'", "").replace("’", "")
        if norm not in starts and norm != "saint":
            continue
        if norm in openers and _next_norm(text, m.end()) not in idx.places[norm]:
            continue  # "The" opens a name only before "Highland", "Vale", …: no clause to read
        if m.start() >= clause_end:
            brk = _HARD_BREAK.search(text, m.end())
            clause_end = brk.end() if brk else len(text)
            tokens = tokenise(text, m.start(), clause_end)
            at = {t.start: k for k, t in enumerate(tokens)}
        found = _match_at(tokens, at[m.start()], idx, bare_ok=bare_ok, text=text)
        if found:
            out.extend(found[0])
            done = tokens[found[1] - 1].end
    return out


def _next_norm(text: str, pos: int) -> str:
    """The normalised token after pos as ``tokenise`` would make it, commas passed over."""
    while (m := _TOKEN.search(text, pos)) is not None:
        raw = m.group()
        if not raw[0].isalnum():
            norm = _MARKS.get(raw, "|")
            if norm != ",":
                return norm
            pos = m.end()
            continue
        norm = raw.lower().replace("'", "").replace("’", "")
        return "st" if norm == "saint" else norm
    return ""


@functools.cache
def _openers_only() -> frozenset[str]:
    """Start words that are no name alone and open no prefix ("the" of "The Highland
    Council"): a name can start there only when the next word continues a place."""
    idx = index()
    prefix_firsts = {p[0] for p in idx.prefixes}
    return frozenset(w for w, node in idx.places.items()
                     if "$" not in node and w not in prefix_firsts)


@functools.cache
def _start_words() -> frozenset[str]:
    """First words of every place core and prefix: no other capital starts a name."""
    idx = index()
    return frozenset(idx.places) | frozenset(p[0] for p in idx.prefixes)


def _match_at(tokens: list[Token], i: int, idx: Index, *, bare_ok: bool,
              text: str) -> tuple[list[NameMatch], int] | None:
    starts = _prefix_ends(tokens, i, idx.prefixes) if tokens[i].capital else []
    for j in [*starts, i]:
        places: list[tuple[int, int, str]] = []  # (start token, end token, core)
        k = j
        while True:
            got = _place(tokens, k, idx.places)
            if got is None:
                break
            places.append((k, got[0], got[1]))
            nxt = _conjoined(tokens, got[0])
            if nxt == got[0] or _place(tokens, nxt, idx.places) is None:
                break
            k = nxt
        if not places:
            continue
        end = places[-1][1]
        s = _seq(tokens, end, idx.suffixes)
        prefix = " ".join(t.norm for t in tokens[i:j])
        suffix = " ".join(t.norm for t in tokens[end:s])
        if len(places) == 1 and suffix.endswith("councils") and not _listed_before(
                text, tokens[i].start, places[0][2], idx):
            continue  # "London Councils", "Kent councils": a body or a group, not one
        if len(places) > 1 and (not suffix or prefix):
            # "Leeds and Bradford" alone is not a list of councils, and a prefix names
            # one council: "London Borough of Hackney and Rotherham MBC" is two.
            places = places[:1]
            end = places[0][1]
            s = _seq(tokens, end, idx.suffixes)
            suffix = " ".join(t.norm for t in tokens[end:s])
        matches = [_resolve(tokens, text, idx, core, prefix, suffix,
                            (i if n == 0 else a), (s if n == len(places) - 1 else b),
                            bare_ok=bare_ok)
                   for n, (a, b, core) in enumerate(places)]
        kept = [m for m in matches if m is not None]
        if kept:
            return kept, max(s, end)
    return None


_LIST_BEFORE = re.compile(r"(?:\band|&|,)\s*$")


def _listed_before(text: str, start: int, core: str, idx: Index) -> bool:
    """"RBKC and Camden councils": the last of a list of councils, not a group of councils
    in one place ("Kent councils" are the districts of Kent, whatever comes before)."""
    if not _LIST_BEFORE.search(text, max(0, start - COUNCIL_NAMES.list_before), start):
        return False
    reg = register()
    return not any(reg.authorities[c].type_code in ("CTY", "COMB")
                   for c in idx.cores.get(core, ()))


def scan_abbreviations(text: str) -> list[NameMatch]:
    """Councils written as their initials: "RBKC", "B&NES", "GMCA"."""
    reg = register()
    out: list[NameMatch] = []
    if _ABBREVIATED_CUE not in cues.present(text):
        return out
    for m in _ABBREVIATED.finditer(text):
        code = (ABBREVIATED[m.group("alone")] if m.group("alone")
                else ABBREVIATED_BEFORE_COUNCIL[m.group("with")])
        a = reg.authorities.get(code)
        if a is not None:
            out.append(NameMatch(m.start(), m.end(), m.group().lower(), m.group().lower(),
                                 (a,), a.type_code == "COMB"))
    return out


def _resolve(tokens: list[Token], text: str, idx: Index, core: str, prefix: str,
             suffix: str, a: int, b: int, *, bare_ok: bool) -> NameMatch | None:
    """Decide which register entry a place with its designation names, if any."""
    start, end = tokens[a].start, tokens[b - 1].end
    designation = " ".join(x for x in (prefix, suffix) if x)
    combined = suffix in COMBINED_SUFFIXES
    if suffix in NOT_PRINCIPAL:
        return None
    official = _official_name(idx, core, prefix, suffix)
    strong = bool(prefix) or (bool(suffix) and suffix not in WEAK_SUFFIXES) or official
    designation = designation or (core.rsplit(" ", 1)[-1] if official else "")
    if not strong and not bare_ok:
        return None
    if not strong and (core in BARE_NEVER
                       or len(core) < COUNCIL_NAMES.bare_min_chars):
        return None
    candidates = link_candidates(idx, core, prefix, suffix)
    if not strong and any(c.type_code in ("COMB", "SRA") for c in candidates):
        return None
    return NameMatch(start, end, core, designation, candidates, combined)


def _official_name(idx: Index, core: str, prefix: str, suffix: str) -> bool:
    """"Greater London Authority" written out in full: a register entry's exact name that
    says what it is, as strong as "Council" after a place ("Greater London" alone is not)."""
    full = " ".join(x for x in (prefix, core, suffix) if x)
    return full in idx.names and full.rsplit(" ", 1)[-1] in ("authority", "council",
                                                             "corporation", "assembly")


def link_candidates(idx: Index, core: str, prefix: str, suffix: str) -> tuple[Authority, ...]:
    """Register entries for a place as written, narrowed by its designation.

    The exact full name wins; otherwise the designation must agree with the entry's kind:
    a "combined authority" suffix needs a combined authority, a "City Council" is not a
    County Council ("Durham City Council" is not Durham County Council) and vice versa.
    """
    reg = register()
    full = " ".join(x for x in (prefix, core, _singular(suffix)) if x)
    codes = idx.names.get(full) or idx.cores.get(core, ())
    out = [reg.authorities[c] for c in codes]
    if suffix in COMBINED_SUFFIXES:
        return tuple(a for a in out if a.type_code == "COMB")[:1]
    out = [a for a in out if a.type_code != "COMB"]
    if full not in idx.names:
        out = [a for a in out if _designation_fits(a, prefix, suffix)]
    return tuple(out[:1])


def _singular(suffix: str) -> str:
    return suffix[:-1] if suffix.endswith("councils") else suffix


@functools.cache
def _normalised_names(code: str) -> tuple[list[str], str]:
    """(official name's words, all names joined), normalised: once per authority."""
    a = register().authorities[code]
    return (normalise_name(a.name).split(),
            " ".join(normalise_name(n) for n in (a.name, *a.alt_names)))


def _designation_fits(a: Authority, prefix: str, suffix: str) -> bool:
    words = set(f"{prefix} {suffix}".split())
    official, names = _normalised_names(a.code)
    if "city" in words and "county" not in words:
        if "county" in official or (a.type_code == "CTY" and "city" not in names):
            return False
    if "county" in words and "city" not in words:
        if "city" in official and "county" not in official and a.type_code != "CTY":
            return False
    if {"london"} <= words and a.type_code not in ("LBO", "CC"):
        return False
    if ("metropolitan" in words or "mbc" in words) and a.type_code not in ("MD", "LBO"):
        return False
    return True
