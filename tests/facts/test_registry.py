"""The council register ships inside the package and links names to codes."""

from __future__ import annotations

from importlib import resources

from boardpapers import registry
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


def _row(code: str, region: str, county: str = "") -> dict[str, str]:
    return {"local-authority-code": code, "region": region, "county-la": county}


def test_a_county_placed_outside_every_district_region_takes_theirs() -> None:
    rows = [_row("CTA", "North West"), _row("DA1", "East Midlands", "CTA"),
            _row("DA2", "East Midlands", "CTA"),
            # districts that disagree among themselves leave their county alone
            _row("CTB", "South West"), _row("DB1", "South East", "CTB"),
            _row("DB2", "London", "CTB"),
            # a county already in its districts' region, and one with no region at all
            _row("CTC", "Wales"), _row("DC1", "Wales", "CTC"), _row("DC2", "", "CTC"),
            _row("CTD", ""), _row("DD1", "South East", "CTD")]
    assert registry._county_regions(rows) == {"CTA": "East Midlands", "CTD": "South East"}


def test_register_counties_share_their_districts_region() -> None:
    reg = registry.register()
    county_of = {r["local-authority-code"]: r.get("county-la") or ""
                 for r in registry._read(registry.REGISTER_CSV)}
    for code, county in reg.authorities.items():
        districts = {a.region for a in reg.authorities.values()
                     if a.region and county_of[a.code] == code}
        if len(districts) == 1:
            assert county.region in districts, code
    fixed = [a for a in reg.authorities.values() if a.region_source == "districts"]
    assert fixed and all(a.type_code == "CTY" for a in fixed)
