"""A synthetic corpus of board papers at scale, generated (never copied) for benchmarks.

Papers are built as Layouts and Papers directly (no file reading), with the block mix
of real committee papers: a title heading, purpose/summary/recommendation sections,
numbered paragraphs, list items and the odd table, over vocabulary drawn from the
sector's own words. The generator is seeded, so a corpus is the same in every run.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator

from boardpapers.model.layout import Block, BlockKind, Layout, Source, join_blocks
from boardpapers.model.paper import ContactOfficer, Paper, Report, Section

BODIES = ["Cabinet", "City Regions Board", "Improvement and Innovation Board",
          "Community Wellbeing Board", "People and Places Board", "Resources Board",
          "Children and Young People Board", "Environment Economy Housing and Transport Board",
          "Safer and Stronger Communities Board", "Audit and Governance Committee",
          "Planning Committee", "Health and Wellbeing Board", "Scrutiny Commission",
          "Fire Services Management Committee", "Culture Tourism and Sport Board"]
PLACES = ["Northmoor", "Eastmarsh", "Westbrook", "Caerwen", "Southdale", "Highcombe",
          "Lowfield", "Ashby Vale", "Redwater", "Kingsholm", "Brackenridge", "Thornley",
          "Millford", "Oakhurst", "Stonebridge", "Ravensworth", "Greyhaven", "Fernleigh"]
TOPICS = ["adult social care", "children's services", "homelessness prevention",
          "affordable housing", "highways maintenance", "bus service improvement",
          "net zero", "climate adaptation", "digital inclusion", "cyber security",
          "procurement reform", "workforce capacity", "apprenticeships", "public health",
          "leisure centres", "libraries", "waste collection", "flood resilience",
          "devolution deals", "business rates retention", "council tax support",
          "special educational needs", "domestic abuse", "community safety",
          "town centre regeneration", "planning reform", "One Public Estate",
          "graduate development programme", "peer challenge", "financial sustainability",
          "electric vehicle charging", "broadband rollout", "asylum dispersal",
          "refugee resettlement", "youth services", "mental health", "social value",
          "modern slavery", "fire safety", "building safety", "air quality"]
VERBS = ["supports", "reviews", "updates members on", "sets out", "proposes", "monitors",
         "evaluates", "funds", "extends", "delivers", "consults on", "strengthens"]
NOUNS = ["programme", "strategy", "pilot", "framework", "partnership", "action plan",
         "grant scheme", "consultation", "review", "toolkit", "network", "pathway"]
FILLER = ("the council officers partners residents government department funding grant "
          "delivery evidence outcomes capacity services communities budget spending "
          "pressures risks milestones targets performance quarter year region national "
          "local authorities members board decision approach engagement stakeholders "
          "investment capital revenue savings efficiency demand provision assessment "
          "support improvement guidance policy legislation statutory duty health "
          "wellbeing schools transport housing economy skills employment").split()
SECTIONS = [("Background", "background"), ("Issues", "issues"),
            ("Implications for Wales", "implications_wales"),
            ("Financial Implications", "financial"),
            ("Equalities implications", "equalities"), ("Next steps", "next_steps")]


def _sentence(rng: random.Random) -> str:
    topic, place = rng.choice(TOPICS), rng.choice(PLACES)
    words = rng.choices(FILLER, k=rng.randint(8, 22))
    money = f" worth £{rng.randint(1, 900)}{rng.choice(['m', 'k', ',000', 'bn'])}" \
        if rng.random() < 0.15 else ""
    count = f" across {rng.randint(2, 400)} councils" if rng.random() < 0.2 else ""
    return (f"The {topic} {rng.choice(NOUNS)} in {place} {rng.choice(VERBS)} "
            f"{' '.join(words)}{money}{count}.")


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))


def synthetic_paper(n: int, seed: int = 0) -> Paper:
    """Paper number n of the corpus: a report of roughly 50 blocks."""
    rng = random.Random(seed * 1_000_003 + n)
    topic = rng.choice(TOPICS)
    title = f"{topic.capitalize()} {rng.choice(NOUNS)} update {rng.randint(2015, 2026)}"
    blocks: list[Block] = [Block(BlockKind.HEADING, title, level=1)]
    sections: list[Section] = []

    def section(heading: str, kind: str, texts: list[str], numbered: bool) -> None:
        first = len(blocks)
        blocks.append(Block(BlockKind.HEADING, heading, level=2))
        for t in texts:
            kind_ = BlockKind.LIST_ITEM if numbered else BlockKind.PARAGRAPH
            blocks.append(Block(kind_, t, page=1 + len(blocks) // 12,
                                marker=f"{len(blocks)}." if numbered else ""))
        sections.append(Section(kind, heading, " ".join(texts), first_block=first,
                                last_block=len(blocks) - 1))

    recs = [f"That members note the {topic} {rng.choice(NOUNS)}." for _ in
            range(rng.randint(1, 3))]
    section("Purpose of report", "purpose", [rng.choice(["For information.", "For decision.",
                                                         "For discussion and direction."])],
            False)
    section("Summary", "summary", [_paragraph(rng)], False)
    section("Recommendations", "recommendations", recs, False)
    for heading, kind in rng.sample(SECTIONS, k=rng.randint(3, len(SECTIONS))):
        section(heading, kind, [_paragraph(rng) for _ in range(rng.randint(3, 9))], True)
    laid, text = join_blocks(blocks)
    year = rng.randint(2015, 2026)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sha = hashlib.sha256(f"{seed}:{n}".encode()).hexdigest()
    source = Source(path=f"synthetic/{n}.txt", sha256=sha, format="txt",
                    pages=laid[-1].page, size=len(text))
    report = Report(title=title, purpose=sections[0].text, summary=sections[1].text,
                    recommendations=tuple(recs),
                    contact_officers=(ContactOfficer(f"Officer {n}", "Policy Adviser"),),
                    sections=tuple(sections), first_block=0, last_block=len(laid) - 1)
    return Paper(source=source, genre="report", layout=Layout(source, laid, text),
                 title=title, body=rng.choice(BODIES), date=date, reports=(report,))


def corpus(paragraphs: int, seed: int = 0) -> Iterator[Paper]:
    """Papers until about ``paragraphs`` blocks have been generated."""
    total = n = 0
    while total < paragraphs:
        paper = synthetic_paper(n, seed)
        total += len(paper.layout.blocks)
        n += 1
        yield paper


QUERIES = [
    "housing", "council", "funding", "affordable housing", '"affordable housing"',
    "homelessness prevention", "net zero", '"net zero" strategy', "cyber*", "procure*",
    "digital inclusion", "apprenticeships OR skills", "libraries -leisure",
    "One Public Estate", "graduate development programme", "Northmoor", "Caerwen flood",
    "asylum dispersal Kingsholm", "devolution deals", "social value", "modern slavery",
    "section:recommendations housing", "genre:report since:2024-01-01 climate",
    "body:\"City Regions Board\" transport", "has:money grant", "building safety",
    "electric vehicle charging", "peer challenge", "waste collection Redwater",
    "business rates", "mental health youth", "air quality", "financial sustainability",
    "statutory duty", "quarter performance", "broadband", "refugee resettlement",
    "special educational needs", "town centre regeneration", "evidence outcomes",
]
