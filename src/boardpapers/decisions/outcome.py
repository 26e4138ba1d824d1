"""What a decision's words did with what it was asked: agreed, agreed as amended (and the
amendment), deferred (and to when), rejected or only noted; the votes, call-in deadline
and the day it takes effect, where the text records them.

Pure functions over text, English and Welsh. The order of the checks matters: a deferral
or a refusal says more than the "RESOLVED" in front of it, and a decision that approves
anything is more than one that notes.
"""

from __future__ import annotations

import datetime as dt
import re

from boardpapers.vocab.dates import parse_date

_DEFERRED = re.compile(
    r"\b(?:be|was|were|is|been|being)\s+(?:\w+\s+)?(?:deferred|postponed|adjourned|withdrawn)\b"
    r"|\b(?:defer|postpone)\s+(?:consideration|the\s+(?:item|report|decision|matter))\b"
    r"|\b(?:deferred|postponed)\s+(?:to|until)\b|\bgohiriwyd\b|\bgohirio\b",
    re.IGNORECASE)
# where a deferral sends the item: "… deferred to the meeting on 10 June 2025 to allow …"
_DEFERRED_TO = re.compile(
    r"\b(?:deferred|postponed|adjourned|brought\s+back|submitted|reported\s+back|considered)"
    r"\s+(?:\w+\s+){0,3}?(?:to|until|at)\s+(?P<to>(?:the|a|its)\s+(?:\w+\s+){0,3}?"
    r"(?:meeting|cyfarfod)\b[^.;\n]*|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})",
    re.IGNORECASE)
# Welsh: "PENDERFYNWYD gohirio'r eitem tan y cyfarfod nesaf" (until the next meeting)
_DEFERRED_TO_CY = re.compile(r"\bgohir\w*(?:'r)?\s+(?:\S+\s+){0,4}?tan\s+(?P<to>(?:y\s+)?"
                             r"cyfarfod\b[^.;\n]*|\d{1,2}\s+\w+\s+\d{4})", re.IGNORECASE)
_DEFERRED_TO_END = re.compile(
    r"\s+(?:to\s+allow|so\s+that|in\s+order|pending|for\s+(?:further|more|officers)|when|"
    r"because|as\s+|following)\b.*$|[,)]\s.*$", re.IGNORECASE)
_REJECTED = re.compile(
    r"\b(?:rejected|refused|gwrthodwyd)\b"
    r"|\bnot\s+(?:to\s+)?(?:be\s+)?(?:approved?|agreed?|supported?|adopted?|accepted?|endorsed?)\b"
    r"|\b(?:motion|recommendations?|proposals?)\s+(?:was|were|fell|being)\s+"
    r"(?:lost|defeated|not\s+carried)\b"
    r"|\bdeclined\s+to\s+(?:approve|agree|support|adopt|endorse)\b",
    re.IGNORECASE)
_AMENDED = re.compile(
    r"\bas\s+amended\b|\bsubject\s+to\s+(?:the\s+)?(?:following\s+|an?\s+)?"
    r"(?:amendments?|changes?|modifications?|additions?)\b"
    r"|\bwith\s+the\s+(?:following\s+)?(?:amendments?|additions?|deletions?|changes?)\b"
    r"|\bamended\s+(?:to\s+read|as\s+follows|by)\b|\bfel\s+y'?i\s+diwygiwyd\b",
    re.IGNORECASE)
# an amendment put in the minute's discussion: "Councillor Roe moved an amendment that …"
_AMENDMENT_MOVED = re.compile(
    r"(?:^|(?<=[.!?]\s))[^.!?\n]*\bamendment\b[^.!?\n]*\b(?:that|to)\b[^\n]*?[.!?](?=\s|$)",
    re.IGNORECASE)
_AMENDMENT_LOST = re.compile(r"\bamendment\s+(?:was|being)\s+(?:lost|defeated|withdrawn|not\s+"
                             r"carried)", re.IGNORECASE)
_NOTES = re.compile(r"\b(?:not(?:ed|es|e)|received|welcomed?|nododd|nodi|nodwyd)\b",
                    re.IGNORECASE)
_ACTS = re.compile(
    r"\b(?:approv|agree|adopt|endors|authoris|authoriz|delegat|support|recommend|accept|"
    r"commission|award|allocat|confirm|appoint|establish|grant|request|ask|instruct|"
    r"proceed|implement|release|cytun|cymeradw|mabwys|awdurdod)", re.IGNORECASE)
_CUE = re.compile(r"^\W*(?:it\s+was\s+)?(?:resolved|agreed|decided|penderfynwyd|cytunwyd|"
                  r"decision)\b\s*[:\-–]?\s*(?:that\b)?", re.IGNORECASE)

OUTCOME_CHECKS = (("deferred", _DEFERRED), ("rejected", _REJECTED), ("amended", _AMENDED))


def outcome_of(text: str) -> str:
    """agreed | amended | deferred | rejected | noted for a decision's text."""
    for name, pattern in OUTCOME_CHECKS:
        if pattern.search(text):
            return name
    bare = _CUE.sub("", text, count=1)
    if _NOTES.search(bare) and not _ACTS.search(bare):
        return "noted"
    return "agreed"


def amendment_of(decision: str, minute: str | None = None) -> str | None:
    """The amendment an "agreed as amended" decision carries: what follows "subject to the
    following amendment" in the decision, else the amendment the minute says was moved
    (and not lost). After a bare "as amended" the words go on with the decision."""
    cue = _AMENDED.search(decision)
    if cue and not re.match(r"as\s+amended", cue.group(0), re.IGNORECASE):
        after = decision[cue.end():].lstrip(" :,-–\n")
        if len(after.split()) >= 3:
            return _squash(after)
    if minute and not _AMENDMENT_LOST.search(minute):
        moved = _AMENDMENT_MOVED.search(minute)
        if moved:
            return _squash(moved.group(0))
    return None


def deferral_of(text: str, ref: str | None = None,
                next_meeting: str | None = None) -> tuple[str | None, str | None]:
    """(where a deferral sends the item, as written; that meeting's ISO date). "the next
    meeting" takes the next meeting's date when the minutes give it."""
    m = _DEFERRED_TO.search(text) or _DEFERRED_TO_CY.search(text)
    if not m:
        return None, None
    to = _DEFERRED_TO_END.sub("", m.group("to")).strip(" .;:,")
    date = parse_date(to, _day(ref))
    if date is None and next_meeting and re.search(r"\b(?:next|nesaf)\b", to, re.IGNORECASE):
        date = next_meeting
    return to, date


_VOTES = (
    re.compile(r"(?P<f>\d+)\s+(?:votes?\s+)?(?:for|in\s+favour)\b[,;]?\s+(?:and\s+|with\s+)?"
               r"(?P<a>\d+)\s+(?:votes?\s+)?against(?:[,;]?\s+(?:and\s+|with\s+)?(?P<x>\d+)"
               r"\s+abstentions?)?", re.IGNORECASE),
    re.compile(r"\b(?:for|in\s+favour)\s*[:\-–]?\s*(?P<f>\d+)[,;]?\s+against\s*[:\-–]?\s*"
               r"(?P<a>\d+)(?:[,;]?\s+(?:and\s+)?(?:abstentions?|abstained|abstain)\s*[:\-–]?"
               r"\s*(?P<x>\d+))?", re.IGNORECASE),
    re.compile(r"\bby\s+(?P<f>\d+)\s+votes?\s+to\s+(?P<a>\d+)(?:[,;]?\s+with\s+(?P<x>\d+)\s+"
               r"abstentions?)?", re.IGNORECASE),
)


def votes_of(text: str) -> tuple[int | None, int | None, int | None]:
    """(for, against, abstentions) where the text counts the vote, else Nones."""
    for pattern in _VOTES:
        m = pattern.search(text)
        if m:
            x = m.group("x")
            return int(m.group("f")), int(m.group("a")), int(x) if x else None
    return None, None, None


_CALL_IN = re.compile(r"\bcall(?:ed)?[\s-]?in\b", re.IGNORECASE)
_EFFECT = re.compile(r"\b(?:effective\s+(?:from|on|date)|comes?\s+into\s+(?:effect|force)|"
                     r"takes?\s+effect|implemented\s+(?:from|on)|implementation\s+date)\b",
                     re.IGNORECASE)
_AFTER_CALL_IN = re.compile(r"\b(?:implemented|take\s+effect)\s+(?:until|before)\s+(?:the\s+)?"
                            r"(?:call[\s-]?in|expiry|end)", re.IGNORECASE)


def call_in_and_effect(text: str, ref: str | None = None) -> tuple[str | None, str | None]:
    """(call-in deadline, the day the decision takes effect), ISO, from sentences that say
    them; a decision that "cannot be implemented until the call-in period has ended"
    takes effect the day after the deadline."""
    deadline = effective = None
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if deadline is None and _CALL_IN.search(sentence):
            deadline = parse_date(sentence, _day(ref))
        if effective is None and _EFFECT.search(sentence):
            effective = parse_date(sentence, _day(ref))
    if effective is None and deadline and _AFTER_CALL_IN.search(text):
        effective = (dt.date.fromisoformat(deadline) + dt.timedelta(days=1)).isoformat()
    return deadline, effective


_KEY = re.compile(r"\bkey\s+decision\b\s*[:\-–?]*\s*(?P<v>yes|no)?", re.IGNORECASE)
_NOT_KEY = re.compile(r"\bnot\s+a\s+key\s+decision\b|\bnon-key\s+decision\b", re.IGNORECASE)


def key_decision_in(text: str) -> bool | None:
    """True for "(Key Decision)" or "Key decision: Yes", False for "not a key decision"
    or "Key decision: No", None when the text does not say."""
    if _NOT_KEY.search(text):
        return False
    m = _KEY.search(text)
    if not m:
        return None
    return (m.group("v") or "yes").lower() == "yes"


def _squash(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None
