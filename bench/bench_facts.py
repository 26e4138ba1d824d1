"""Fact finders' speed, as ratios measured in one run (never a timed test).

Two numbers, each against a reference run in the same process:
- cost: all finders over a 1,000-block paper (distinct dense blocks: each holds a council,
  a sum, dates, a phone, an email and a URL), against the same blocks scanned by one plain
  regex for numbers and words (the floor of reading the text at all); each finder's own
  time is printed too;
- growth: the same text as one block twice as long takes at most 2.5x as long (finders
  must stay near-linear: a flattened PDF page can be a single huge block).

Run: ``python -m bench.bench_facts``. Exits non-zero when growth is super-linear or the
cost ratio passes COST_TARGET.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections.abc import Callable

from boardpapers.facts.contacts import find_contacts
from boardpapers.facts.councils import find_councils
from boardpapers.facts.dates import find_dates
from boardpapers.facts.metrics import find_metrics
from boardpapers.facts.money import find_money
from boardpapers.facts.people import find_people

# Measured 98-100 on distinct dense blocks (Nov 2026; 113 before the council finder
# tokenised only clauses that hold a council's first word). The old figure of 83 came from
# 1,000 identical blocks, where the date finder's per-text cache answered every call.
COST_TARGET = 115.0
GROWTH_TARGET = 2.5
REF = dt.date(2021, 3, 5)
SAMPLE = ("12. Cllr Jane Smith (Chair) of Fenmoor Borough Council and officers from "
          "Rotherham MBC, the London Borough of Hackney and South Norfolk and Broadland "
          "Council met on 5 March 2021 to review £2.6m of funding for 183 councils, from "
          "1 March to 2 April 2021/22. Contact Maya Ellerby on 020 7946 0123 or "
          "maya.ellerby@fenmoor.gov.uk, see www.fenmoor.gov.uk/budget for details. ")
_REFERENCE = re.compile(r"\d[\d,.]*|[A-Za-z]+")


FINDERS: dict[str, Callable[[str, int], object]] = {
    "money": find_money, "dates": lambda text, block: find_dates(text, block, REF),
    "metrics": find_metrics, "contacts": find_contacts, "people": find_people,
    "councils": find_councils}


def all_finders(text: str, block: int) -> None:
    for find in FINDERS.values():
        find(text, block)


def dense_blocks(n: int) -> list[str]:
    """n different dense blocks (a different figure in each, so no cache can help)."""
    return [SAMPLE.replace("183 councils", f"{100 + i} councils") for i in range(n)]


def reference(text: str, block: int) -> None:
    _REFERENCE.findall(text)


def cpu_seconds(run: Callable[[str, int], None], blocks: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for i, text in enumerate(blocks):
            run(text, i)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--blocks", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    all_finders(SAMPLE, 0)  # load the council register outside the measurement
    blocks = dense_blocks(args.blocks)
    ours = cpu_seconds(all_finders, blocks, args.rounds)
    each = {kind: cpu_seconds(lambda t, b, f=find: f(t, b), blocks, args.rounds)  # type: ignore[misc]
            for kind, find in FINDERS.items()}
    floor = cpu_seconds(reference, blocks, args.rounds)
    one = cpu_seconds(all_finders, [SAMPLE * 200], args.rounds)
    two = cpu_seconds(all_finders, [SAMPLE * 400], args.rounds)
    cost, growth = ours / floor, two / one
    print(f"finders: {args.blocks} blocks in {ours * 1000:.0f} ms CPU "
          f"({args.blocks / ours:,.0f} blocks/s); reference scan {floor * 1000:.1f} ms; "
          f"ratio {cost:.1f} (target <= {COST_TARGET})")
    print("per finder, ms per", args.blocks, "blocks:",
          ", ".join(f"{k} {v * 1000:.0f}" for k, v in sorted(each.items(), key=lambda kv: -kv[1])))
    print(f"growth: one block of {len(SAMPLE) * 200:,} chars {one * 1000:.0f} ms, twice "
          f"as long {two * 1000:.0f} ms; ratio {growth:.2f} (target <= {GROWTH_TARGET})")
    ok = cost <= COST_TARGET and growth <= GROWTH_TARGET
    print("targets:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
