"""participation: counts and percentages by type, region and control from a paper's
appendix list, where the paper's own summary differs, the seed pack's appendix summaries
reproduced, names looked up in the register, and charts as SVG and PNG."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boardpapers.cli import app
from boardpapers.pipeline import process
from boardpapers.publish.participation import councils_from_names, counts, summaries
from tests.conftest import seed
from tests.publish.conftest import PUBLISH_FIXTURES

SCHEME = PUBLISH_FIXTURES / "northmoor-graduate-scheme-update-2025-06-12.md"


def _summary(path: Path):  # type: ignore[no-untyped-def]
    found = summaries(process(path).to_json(include_blocks=False))
    assert len(found) == 1
    return found[0]


def test_counts_and_percentages() -> None:
    s = _summary(SCHEME)
    assert s.total == 12
    by_type = {c.label: (c.count, c.percent) for c in s.counts["type"]}
    assert by_type == {"County": (2, 16.7), "District": (3, 25.0),
                       "Unitary Authority": (3, 25.0), "Metropolitan District": (2, 16.7),
                       "London Borough": (1, 8.3), "Other": (1, 8.3)}
    by_region = {c.label: c.count for c in s.counts["region"]}
    assert by_region == {"East Midlands": 8, "Yorkshire and the Humber": 2, "London": 1,
                         "Not given": 1}
    by_control = {c.label: c.count for c in s.counts["control"]}
    assert by_control == {"Conservative": 5, "Labour": 4, "No overall control": 2, "N/A": 1}


def test_where_the_papers_figures_differ() -> None:
    s = _summary(SCHEME)
    assert set(s.checked) == {"type", "control"}
    said = {(d.dimension, d.label): d for d in s.differences}
    assert set(said) == {("type", "District"), ("control", "Labour")}
    district = said[("type", "District")]
    assert (district.paper_percent, district.percent) == (24.0, 25.0)
    labour = said[("control", "Labour")]
    assert (labour.paper_count, labour.count) == (5, 4)
    assert "the paper says 5, 33.3%; its list gives 4 (33.3%)" in labour.describe()


def test_seed_pack_appendix_summaries(seeds_dir: Path) -> None:
    found = summaries(process(seed("002")).to_json(include_blocks=False))
    assert [s.total for s in found] == [51, 54]
    cohort22, cohort21 = found
    assert {c.label: (c.count, c.percent) for c in cohort22.counts["control"]} == {
        "Labour": (20, 39.2), "Conservative": (13, 25.5), "No overall control": (9, 17.6),
        "N/A": (5, 9.8), "Liberal Democrat": (3, 5.9), "Independent/Other": (1, 2.0)}
    # the paper prints 13.0% for 7 district councils of 51: 13.7%
    assert [(d.label, d.paper_percent, d.percent) for d in cohort22.differences] == [
        ("District", 13.0, 13.7)]
    assert cohort21.differences == () and set(cohort21.checked) == {"type", "control"}
    assert {c.label: c.count for c in cohort21.counts["type"]}["London Borough"] == 19


def test_names_from_the_register() -> None:
    found = councils_from_names(["Sheffield City Council", "Surrey County Council",
                                 "", "Bassetlaw District Council", "Northmoor Councils"])
    assert [(c.type, c.region) for c in found] == [
        ("Metropolitan District", "Yorkshire and The Humber"), ("County", "South East"),
        ("District", "East Midlands"), ("Other", "Not given")]
    assert {c.label: c.percent for c in counts(found)["type"]}["County"] == 25.0


def test_command_table_json_and_charts(publish_db: Path, tmp_path: Path,
                                       artifacts: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(publish_db), "participation", str(SCHEME),
                                 "--chart", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "District\t3\t25.0" in result.stdout
    assert "the paper says 3, 24.0%; its list gives 3 (25.0%)" in result.stdout
    svg = (tmp_path / "participation.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Metropolitan District" in svg and "25.0%" in svg
    png = (tmp_path / "participation.png").read_bytes()
    assert png[:4] == b"\x89PNG"
    (artifacts / "participation.png").write_bytes(png)
    as_json = runner.invoke(app, ["--db", str(publish_db), "participation", str(SCHEME),
                                  "--json"])
    record = json.loads(as_json.stdout)
    assert record["total"] == 12 and len(record["differences"]) == 2


def test_a_paper_without_a_list(publish_db: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(publish_db), "participation",
                                      "examples/harbridge-housing-delivery-report.docx"])
    assert result.exit_code == 1
    assert "no table in it lists councils" in result.output


@pytest.mark.parametrize("args", [[], ["--councils", "/nonexistent/names.txt"]])
def test_bad_arguments(publish_db: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, ["--db", str(publish_db), "participation", *args])
    assert result.exit_code in (1, 2) and result.output.strip()
