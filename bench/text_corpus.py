"""Board papers as plain-text files, generated (never copied), for ingest benchmarks.

Each file renders one synthetic report (``bench.corpus.synthetic_paper``) the way a
converted paper reaches us: a front sheet naming the council, the meeting and its date,
numbered paragraphs, then a contact block. Sentences carry councillors' and officers'
names, places, sums and dates, so every fact finder has work to do. Seeded: the same
files in every run.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from bench.corpus import BODIES, PLACES, synthetic_paper
from boardpapers.model.layout import BlockKind

FIRST = ["Amira", "Tom", "Gwen", "Rhys", "Priya", "Duncan", "Helen", "Kwame", "Sian",
         "Marcus", "Leah", "Owen", "Farah", "Iain", "Bethan", "Colin"]
LAST = ["Ashdown", "Pryce", "Okafor", "Llewellyn", "Hartley", "Benyon", "Mistry", "Cairns",
        "Fairbairn", "Thackeray", "Ndiaye", "Holroyd", "Quayle", "Rennison", "Whitlock"]
COUNCILS = ["Northmoor District Council", "Eastmarsh Borough Council",
            "Westbrook City Council", "Caerwen County Borough Council",
            "Kent County Council", "Leeds City Council", "Cornwall Council",
            "the London Borough of Camden", "Sheffield City Council", "Wiltshire Council"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _aside(rng: random.Random) -> str:
    """A clause with a person, a council, a date or a figure, as real reports have."""
    pick = rng.randrange(5)
    if pick == 0:
        role = rng.choice(["Chair", "Vice-Chair", "Lead Member"])
        return f" Cllr {_name(rng)} ({role}) asked for an update."
    if pick == 1:
        return f" Officers from {rng.choice(COUNCILS)} will report back."
    if pick == 2:
        return (f" The deadline is {rng.randint(1, 28)} {rng.choice(MONTHS)} "
                f"{rng.randint(2019, 2027)}.")
    if pick == 3:
        return (f" Spending rose by {rng.randint(2, 40)}% to "
                f"£{rng.randint(1, 99)}.{rng.randint(1, 9)}m.")
    return f" {_name(rng)}, Head of {rng.choice(PLACES)} Services, leads it."


def paper_text(n: int, seed: int = 0) -> str:
    """File number n of the corpus as plain text (about 15-20 KB)."""
    rng = random.Random(seed * 7_919 + n)
    paper = synthetic_paper(n, seed)
    council = rng.choice(COUNCILS[:4])
    year, month, day = paper.date.split("-") if paper.date else ("2024", "01", "01")
    lines = [council, "", f"{rng.choice(BODIES)}", "",
             f"{int(day)} {MONTHS[int(month) - 1]} {year}", ""]
    for block in paper.layout.blocks:
        text = block.text
        if block.kind is BlockKind.HEADING:
            lines += [text, ""]
            continue
        if rng.random() < 0.6:
            text += _aside(rng)
        lines += [f"{block.marker} {text}".strip(), ""]
    officer = _name(rng)
    user = officer.lower().replace(" ", ".")
    lines += ["Contact officer:", f"{officer}", "Policy Adviser",
              f"Phone: 01632 {rng.randint(100000, 999999)}",
              f"Email: {user}@{council.split()[0].lower()}.gov.uk", ""]
    return "\n".join(lines)


def write_corpus(folder: Path, papers: int, seed: int = 0) -> list[Path]:
    """Write ``papers`` text files into folder; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(papers):
        path = folder / f"paper-{n:06d}.txt"
        path.write_text(paper_text(n, seed), encoding="utf-8")
        paths.append(path)
    return paths


def paragraphs(paths: list[Path]) -> Iterator[str]:
    """The files' paragraphs, split on blank lines: what raw FTS5 is given to index."""
    for path in paths:
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            if para.strip():
                yield para
