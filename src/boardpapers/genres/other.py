"""What the export contract calls "other", recognised rather than left over.

Forward-plan entries and forward plans, records of decisions taken by a cabinet member or
an officer, annual reports, letters, blank templates and registers. A record of decision
is laid out like the report it decides on: the decision rules read such a paper with the
report parser (``Classification.read_as``) when its report signs are strong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boardpapers.genre_cues import CueTable, cue, score_cues
from boardpapers.genres import READ, PaperLines, Signs

# A record of a decision taken by a cabinet member or officer is filed as "other" (the
# real-paper conventions) and read by the report parser, which finds its decision list.
_DECISION_RECORD = re.compile(
    r"^(?:record of (?:(?:an? )?(?:executive|key|delegated|officer|individual|cabinet member|"
    r"portfolio holder|non-key) )*decisions?(?: taken .*)?|decision record|(?:executive|officer|"
    r"delegated|cabinet member|key) decision (?:record|notice|report)|officer decision)$",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class OtherSignSettings:
    """Weights of the line signs of "other" (its cue table holds the rest)."""

    decision_record: float = 2.5  # "Record of Decision" as a title line


OTHER_SIGNS = OtherSignSettings()


def score(paper: PaperLines, signs: Signs) -> None:
    """A record of decision's title line, then the cues of everything filed as "other"."""
    if any(_DECISION_RECORD.match(t) for _, _, t in paper.front[:READ.title_lines]):
        signs("other", OTHER_SIGNS.decision_record,
              "'Record of Decision' title (a decision taken, read as a report)")
    score_cues(paper, CUES, signs)

# What the export contract calls "other": recognised, not left over.
CUES = CueTable(
    cue("other", 2.0, 4.0,
         r"^\s*issue details\s*$|\bdecision due\s*:|\bnotice of (?:the )?proposed decision"
         r"|\breason key\s*:|\bfirst published\s*:|\bforward plan entry",
         "a forward-plan entry (Issue details, Decision due) x{n}"),
    cue("other", 2.5, 2.5,
         r"^\s*(?:the )?(?:\w+ ){0,3}forward plan\b|\bforward plan of (?:key )?decisions"
         r"|^\s*notice of key decisions", "a forward plan's title", front=400, title=True),
    # What only a record of a decision taken says; "Decision maker:" and "Date of decision:"
    # also head the cover of a report still to be decided, so they count for little.
    cue("other", 2.0, 4.0,
         r"\bdecision status\s*:|^\s*decision made\b|^\s*decision details\s*$|\brecord of "
         r"(?:(?:an?|the) )?(?:[\w-]+ ){0,3}decisions?\b|\bis subject to call[- ]in"
         r"|\b(?:officer|delegated|executive|individual) decision (?:record|notice)\b"
         r"|^\s*short description\s*$|\bdecision notice\b",
         "a record of a decision (Decision status, Decision made) x{n}"),
    cue("other", 0.5, 1.0, r"\bdecision (?:makers?|type|taker)\s*:|\bdate of decision\s*:",
         "decision labels x{n} (Decision maker:, Date of decision:)"),
    cue("other", 2.0, 2.0,
         r"\b(?:chair(?:man|person)?|mayor)'?s? (?:annual )?report\b|\bannual "
         r"report\b|\bannual parish meeting\b|\byear in review\b",
         "an annual report", front=400),
    cue("other", 2.0, 2.0,
         r"^\s*dear (?!colleague|all\b|member|councillor)\w[^\n]{0,40}[,:]?\s*$",
         "a letter ('Dear …')"),
    cue("other", 1.0, 1.0, r"^\s*yours (?:sincerely|faithfully)\b", "a letter's close"),
    cue("other", 1.5, 3.0, r"\btemplate\b|\{[a-z][^{}\n]{2,60}\}|\[insert\b",
         "a blank template ('Template', {placeholders}) x{n}"),
    # capitals only: 'XYZ' is a placeholder, 'xyz' in prose is not
    cue("other", 1.0, 2.0, r"\b(?:XYZ|ABC|XXX)\b", "template placeholders (XYZ) x{n}",
         flags=re.MULTILINE),
    cue("other", 2.0, 2.0, r"\bregister of (?:interests|decisions|members|gifts)\b",
         "a register", front=600),
)
