"""Speed check: linking recommendations to decisions costs at most 2x the bare wording
comparison it cannot avoid.

Generated boards (own words, seeded) meet monthly for two years; each meeting has a pack
of reports with three recommendations each and minutes whose decisions are numbered and
titled apart from the agenda, so every link falls through to the wording step, the
slowest. The reference, run in the same process on the same data, folds every text and
asks rapidfuzz for each recommendation's best decision among its board's decisions of
the half-year after it, and does nothing else.

    .venv/bin/python -m bench.bench_decisions [--boards 40] [--runs 3]

No timed test depends on this: it is a measurement to run by hand or in CI's bench job.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from rapidfuzz import fuzz, process

from boardpapers.decisions.linking import DecisionRef, RecRef, _fold, link_all
from boardpapers.decisions.model import WORDING_WINDOW_DAYS, Decision

WORDS = ("housing budget library parking grants leisure transport waste planning school road "
         "scheme review policy strategy fund capital revenue consultation contract award "
         "delegate approve tariff depot fleet homes flood").split()
MEETINGS = 24
REPORTS = 8
RECS = 3
TARGET = 2.0


def corpus(boards: int, seed: int = 20) -> tuple[list[RecRef], list[DecisionRef]]:
    rng = random.Random(seed)

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    recs, decisions = [], []
    for b in range(boards):
        for m in range(MEETINGS):
            date = f"{2024 + m // 12}-{m % 12 + 1:02d}-10"
            for r in range(REPORTS):
                title = f"{words(3)} {b}-{m}-{r}"
                recs += [RecRef(id=f"{b}-{m}-{r}-{k}", doc_id=f"pack{b}-{m}", report_idx=r,
                                text=words(12), report=title, title_key=title.casefold(),
                                agenda_item=str(r + 4), date=date, body=f"Board {b}",
                                authority="Greyhaven") for k in range(RECS)]
                decisions.append(DecisionRef(
                    doc_id=f"mins{b}-{m}", idx=r, body=f"Board {b}", authority="Greyhaven",
                    decision=Decision(text="RESOLVED that " + words(12), outcome="agreed",
                                      source="minutes", item=str(r + 40), title=words(4),
                                      date=date)))
    return recs, decisions


def reference(recs: list[RecRef], decisions: list[DecisionRef]) -> int:
    """Each recommendation's best decision by wording among its board's next half-year,
    the candidates gathered once per board and meeting date."""
    by_board: dict[str | None, list[DecisionRef]] = {}
    for d in decisions:
        by_board.setdefault(d.body, []).append(d)
    near: dict[tuple[str | None, str | None], list[str]] = {}
    found = 0
    for rec in recs:
        key = (rec.body, rec.date)
        if key not in near:
            near[key] = [_fold(d.decision.text) for d in by_board.get(rec.body, [])
                         if rec.date and d.decision.date
                         and 0 <= _days(rec.date, d.decision.date) <= WORDING_WINDOW_DAYS]
        found += process.extractOne(_fold(rec.text), near[key], scorer=fuzz.token_set_ratio,
                                    processor=None) is not None
    return found


def _days(a: str, b: str) -> int:
    from datetime import date
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def timed(fn: object, *args: object) -> float:
    start = time.process_time()
    fn(*args)  # type: ignore[operator]
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    recs, decisions = corpus(args.boards)
    _fold.cache_clear()
    ours = statistics.median(timed(link_all, recs, decisions) for _ in range(args.runs))
    ref = statistics.median(timed(reference, recs, decisions) for _ in range(args.runs))
    ratio = ours / ref
    print(f"{len(recs):,} recommendations, {len(decisions):,} decisions: link_all "
          f"{ours:.2f} s CPU, reference {ref:.2f} s, ratio {ratio:.2f}x (target <= {TARGET}x)")
    raise SystemExit(0 if ratio <= TARGET else 1)


if __name__ == "__main__":
    main()
