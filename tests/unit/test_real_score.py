"""The real-paper scorer's matching rules (bench/real_score.py) on small hand-made cases."""

from __future__ import annotations

from bench.real_score import contact_match, norm, score_paper, score_set, similarity


def test_norm_folds_marker_case_quotes_and_closing_stop() -> None:
    text = "  2.  That Cabinet \u2018notes\u2019 the\n report."
    assert norm(text) == "that cabinet 'notes' the report"
    assert norm("(b) <b>Approve</b> the plan;") == "approve the plan"


def test_similarity_needs_a_long_text_to_count_containment() -> None:
    assert similarity("Apologies", "Apologies for absence") == 0.0
    long_ = "That the Board approves the revised budget for the coming year"
    assert similarity(long_, long_ + " and notes the risks") > 0.7


def test_contact_matches_on_email_name_or_team() -> None:
    gold = {"name": "Ann Fell", "position": None, "phone": None, "email": "a.fell@x.gov.uk"}
    assert contact_match({"name": "Someone", "email": "A.Fell@x.gov.uk"}, gold)
    assert contact_match("Ann Fell, Democratic Services 01234", gold)
    assert not contact_match({"name": "Ann Fellows"}, gold)
    team = {"name": None, "position": "Democratic Services", "phone": None, "email": None}
    assert contact_match({"name": None, "position": "Democratic Services"}, team)


def test_paper_score_counts_and_misses() -> None:
    gold = {"doc_type": "agenda", "meeting_date": "2021-03-04", "money_amounts": ["£5m", "£2k"],
            "agenda_items": [{"number": "1", "title": "Apologies"},
                             {"number": "2", "title": "Budget monitoring"}]}
    exported = {"genre": "agenda_pack", "date": "2021-03-04",
                "facts": {"money": [{"text": "£5m"}, {"text": "£5M"}, {"text": "£9"}]},
                "meeting": {"items": [{"title": "Apologies"}]}}
    paper = score_paper("001", exported, gold)
    assert paper.genre_ok and paper.date_ok
    assert paper.counts["money"] == (1, 2, 2)  # '£5M' is '£5m' again; '£9' is not gold
    assert paper.missed["agenda_items"] == [{"number": "2", "title": "Budget monitoring"}]
    result = score_set([paper, score_paper("002", None, gold, failed="unreadable")])
    assert result.genre == 0.5 and result.failed == 1
    # money over both papers: 1 right of 2 found, of 4 in the gold -> P 0.5, R 0.25
    assert round(result.f1("money"), 3) == round(2 * 0.5 * 0.25 / 0.75, 3)
