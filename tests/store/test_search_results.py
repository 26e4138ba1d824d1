"""What a search shows a person: filters alone, the linked council at passage level,
undated papers, copies collapsed, one hit per paper, newest first, headings in their
place."""

import time

import pytest

from boardpapers.model.errors import QuerySyntaxError
from boardpapers.model.query import Filters
from boardpapers.search import search
from boardpapers.store import Store, open_store
from boardpapers.store.indexsearch import IndexHit, fold_hits

BOILERPLATE = "Members are asked to note the regional bus franchising timetable."

PAPERS = {
    "transport-2024.md": f"""# Bus Franchising Update

Report to the Transport Board, 4 March 2024.

## Purpose of report

For information.

## Background

Sheffield City Council and the combined authority agreed the bus network review.

Ticket prices stayed the same across the county this year.

{BOILERPLATE}
""",
    "transport-2025.md": f"""# Bus Franchising Progress

Report to the Transport Board, 12 February 2025.

## Purpose of report

For information.

## Consultation

North Yorkshire County Council will consult on rural bus routes in the spring.

{BOILERPLATE}
""",
    "cycling.md": """# Cycle Lanes

Report to the Transport Board, 9 January 2025.

## Purpose of report

For decision.

## Cycle Lanes

The cycle lanes on the ring road were widened, and the new cycle lanes to the station
opened in June after a short delay caused by utility works.
""",
    "undated-note.md": f"""# Notes on Bus Franchising

Prepared by the transport team.

## Background

The bus franchising scheme covers every route in the area.

{BOILERPLATE}
""",
}
for n in range(4):
    PAPERS[f"board-{n}.md"] = f"""# Transport Board Agenda Item {n + 1}

Report to the Transport Board, {n + 10} June 2023.

## Purpose of report

For information.

## Background

Item {n + 1} on park and ride, number {n * 7 + 3}.

{BOILERPLATE}
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    from boardpapers.pipeline import ingest
    d = tmp_path_factory.mktemp("results")
    for name, text in PAPERS.items():
        (d / name).write_text(text, encoding="utf-8")
    s = open_store(f"sqlite:///{d / 'results.db'}", create=True)
    assert ingest([d], s).count("ingested") == len(PAPERS)
    return s


def test_filters_alone_list_papers_newest_first(store):
    result = search(store, "body:\"Transport Board\"")
    dates = [h.date for h in result.hits]
    assert result.order == "date" and result.per_paper
    assert len({h.doc_id for h in result.hits}) == len(result.hits)  # one hit per paper
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dated[0] == "2025-02-12"
    assert result.papers == len(PAPERS) - 1  # the undated note names no board


def test_section_filter_alone_lists_passages(store):
    result = search(store, "section:purpose", limit=50)
    assert not result.per_paper and result.total >= 3
    assert all(h.section == "purpose" for h in result.hits)


def test_an_empty_filter_is_an_error_not_a_word(store):
    with pytest.raises(QuerySyntaxError, match="body: needs a value"):
        search(store, "body:")
    with pytest.raises(QuerySyntaxError, match="empty query"):
        search(store, "")


def test_council_by_name_code_and_gss_at_passage_level(store):
    for ref in ("Sheffield", "SHF", "E08000019", "sheffield city council"):
        result = search(store, "bus", filters=Filters(council=ref))
        assert result.total == 1, ref
        assert "Sheffield" in result.hits[0].snippet
    # every passage of that paper mentions buses; only the one naming Sheffield is shown
    assert search(store, "bus").total > 3


def test_council_is_not_a_substring(store):
    result = search(store, "bus council:York")
    assert result.total == 0  # North Yorkshire is not the City of York
    assert search(store, "bus council:\"North Yorkshire\"").total == 1


def test_undated_papers_are_counted_and_kept_on_request(store):
    plain = search(store, "franchising", filters=Filters(since="2020"))
    assert plain.undated >= 1
    assert all(h.date for h in plain.hits)
    kept = search(store, "franchising", filters=Filters(since="2020", undated=True))
    assert kept.total == plain.total + plain.undated
    assert any(h.date is None for h in search(store, "franchising", filters=Filters(
        since="2020", undated=True), limit=50).hits)


def test_copies_of_one_passage_collapse_with_a_count(store):
    result = search(store, '"regional bus franchising timetable"')
    assert result.total == 7
    assert len(result.hits) == 1 and result.hits[0].copies == 7
    every = search(store, '"regional bus franchising timetable"', collapse=False)
    assert len(every.hits) == 7 and all(h.copies == 1 for h in every.hits)


def test_one_hit_per_paper(store):
    result = search(store, "bus franchising", per_paper=True, collapse=False, limit=50)
    docs = [h.doc_id for h in result.hits]
    assert len(docs) == len(set(docs)) == result.papers
    assert any(h.passages > 1 for h in result.hits)


def test_sort_by_date(store):
    result = search(store, "transport", order="date", limit=50, collapse=False)
    dated = [h.date for h in result.hits if h.date]
    assert dated == sorted(dated, reverse=True)
    assert result.hits[-1].date is None  # undated last


def test_a_heading_does_not_outrank_the_paragraph_it_heads(store):
    result = search(store, "cycle lanes")
    assert result.hits[0].kind == "paragraph"
    assert result.hits[0].heading == "Cycle Lanes"
    assert any(h.kind == "heading" for h in result.hits[1:])


def test_fold_hits_is_pure():
    window = [IndexHit(1, 3.0, text="Same  text"), IndexHit(2, 2.0, text="same text"),
              IndexHit(3, 1.5, text="other"), IndexHit(4, 1.0, text="third")]
    owner = {1: "a", 2: "b", 3: "a", 4: "c"}
    folded = fold_hits(window, owner, collapse=True, per_paper=False)
    assert [(h.block_id, c) for h, c, _ in folded] == [(1, 2), (3, 1), (4, 1)]
    per_paper = fold_hits(window, owner, collapse=False, per_paper=True)
    assert [(h.block_id, p) for h, _, p in per_paper] == [(1, 2), (2, 1), (4, 1)]


def test_quick_sqlite_reader_answers_as_the_full_store(store):
    from boardpapers.store.quick import quick_store
    quick = quick_store(store.url)
    assert quick is not None
    for q, kw in (("bus franchising", {}), ("council:SHF bus", {}),
                  ('body:"Transport Board"', {}), ("transport", {"order": "date"}),
                  ("franchising since:2020", {}), ("bus", {"per_paper": True})):
        full, fast = search(store, q, **kw), search(quick, q, **kw)
        assert fast.to_json() == full.to_json(), q


def test_quick_reader_steps_aside_when_the_index_is_not_in_step(tmp_path):
    import shutil

    from boardpapers.pipeline import ingest
    from boardpapers.store.quick import quick_store
    (tmp_path / "a.md").write_text(PAPERS["cycling.md"], encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'q.db'}"
    ingest([tmp_path / "a.md"], open_store(url, create=True))
    assert quick_store(url) is not None
    shutil.rmtree(tmp_path / "q.db.index")
    assert quick_store(url) is None  # the full store rebuilds it
    assert quick_store(f"sqlite:///{tmp_path / 'missing.db'}") is None
    assert quick_store("postgresql://localhost/x") is None


def test_search_from_the_command_line_never_imports_sqlalchemy(store):
    import subprocess
    import sys
    code = ("import sys\nfrom boardpapers.cli import app\n"
            "try:\n    app(['--db', sys.argv[1], 'search', 'bus', '--json'])\n"
            "except SystemExit as e:\n    assert e.code == 0, e.code\n"
            "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'\n")
    r = subprocess.run([sys.executable, "-c", code, store.url], capture_output=True,
                       text=True, check=False)
    assert r.returncode == 0, r.stderr
    assert '"total":' in r.stdout


def test_a_file_changed_and_ingested_again_supersedes_its_old_version(tmp_path):
    from boardpapers.pipeline import ingest
    from boardpapers.store.quick import quick_store
    paper = tmp_path / "notes.md"
    paper.write_text(PAPERS["cycling.md"], encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'v.db'}"
    store = open_store(url, create=True)
    assert ingest([paper], store).count("ingested") == 1
    paper.write_text(PAPERS["cycling.md"].replace("utility works", "gas main works"),
                     encoding="utf-8")
    assert ingest([paper], store).count("ingested") == 1
    assert store.stats()["documents"] == 2  # the old version is kept
    quick = quick_store(url)
    assert quick is not None
    for searcher in (store, quick):
        result = search(searcher, "ring road", collapse=False)
        assert result.total == 1 and result.papers == 1  # not two copies of one file
        assert search(searcher, '"gas main"').total == 1
        assert search(searcher, '"utility works"').total == 0


def test_a_long_running_reader_hides_a_version_another_writer_supersedes(tmp_path):
    """A server keeps one store open; an ingest elsewhere stores a changed file again:
    the server's next search shows only the new version (the hidden list follows)."""
    from boardpapers.pipeline import ingest
    paper = tmp_path / "notes.md"
    paper.write_text(PAPERS["cycling.md"], encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'v.db'}"
    writer = open_store(url, create=True)
    assert ingest([paper], writer).count("ingested") == 1
    reader = open_store(url)
    assert search(reader, '"utility works"').total == 1
    paper.write_text(PAPERS["cycling.md"].replace("utility works", "gas main works"),
                     encoding="utf-8")
    assert ingest([paper], writer).count("ingested") == 1
    writer.close()
    deadline = time.monotonic() + 10  # the reader's index reloads soon after a commit
    while search(reader, '"gas main"').total == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert search(reader, '"gas main"').total == 1
    assert search(reader, '"utility works"').total == 0
