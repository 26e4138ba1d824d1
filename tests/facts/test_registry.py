"""The council register ships inside the package and links names to codes."""

from __future__ import annotations

from importlib import resources

from boardpapers.registry import lookup, normalise_name, register


def test_register_files_are_package_data_with_attribution() -> None:
    data = resources.files("boardpapers.registry").joinpath("data")
    assert data.joinpath("uk_local_authorities_current.csv").is_file()
    assert data.joinpath("lookup_name_to_registry.csv").is_file()
    attribution = data.joinpath("ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "mySociety" in attribution and "CC-BY-4.0" in attribution


def test_register_holds_current_and_former_authorities() -> None:
    reg = register()
    assert len(reg) == 470
    shf = reg.get("SHF")
    assert shf is not None
    assert (shf.name, shf.nice_name, shf.type, shf.region, shf.nation) == (
        "Sheffield City Council", "Sheffield", "Metropolitan district",
        "Yorkshire and The Humber", "England")
    poole = reg.get("POL")
    assert poole is not None and not poole.current and poole.replaced_by == ("BPC",)


def test_lookup_by_alternative_and_looked_up_names() -> None:
    assert [a.code for a in lookup("Redcar & Cleveland UA")] == ["RCC"]
    assert [a.code for a in lookup("kingston-upon-thames")] == ["KTT"]
    assert [a.code for a in lookup("Rotherham Metropolitan Borough Council")] == ["ROT"]
    assert lookup("Black Country Transport") == ()


def test_normalise_name_folds_ampersands_and_punctuation() -> None:
    assert normalise_name("Bournemouth, Christchurch & Poole") == (
        "bournemouth christchurch and poole")
    assert normalise_name("King’s Lynn") == "kings lynn"
    assert normalise_name("Saint Helens") == "st helens"


def test_register_is_loaded_once() -> None:
    assert register() is register()
