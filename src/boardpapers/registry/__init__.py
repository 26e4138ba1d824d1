"""The register of UK local authorities (mySociety, CC-BY-4.0), shipped as package data.

``register()`` loads it once per process (the CSVs are read on first use and cached), so
finders that run on every block can link names without touching the disk again. Names
are compared in ``normalise_name`` form: lower case, "&" as "and", punctuation as spaces.
See ``data/ATTRIBUTION.md`` for the source and licence.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

from boardpapers.model.errors import BoardpapersError

REGISTER_CSV = "uk_local_authorities_current.csv"
LOOKUP_CSV = "lookup_name_to_registry.csv"


class RegisterMissing(BoardpapersError):
    """The packaged council register could not be read (a broken installation)."""


@dataclass(frozen=True, slots=True)
class Authority:
    """One row of the register: a current or former local (or combined) authority."""

    code: str  # register code, e.g. "SHF"
    name: str  # official name, "Sheffield City Council"
    nice_name: str  # "Sheffield"
    type: str  # register type name, "Metropolitan district"
    type_code: str  # "MD", "LBO", "CTY", "COMB"...
    region: str | None
    nation: str | None
    current: bool
    end_date: str | None = None
    replaced_by: tuple[str, ...] = ()
    alt_names: tuple[str, ...] = ()
    gss: str | None = None  # ONS GSS code, "E08000019"
    former_gss: tuple[str, ...] = ()
    # "register", or "districts" where the register's region for a county disagreed with
    # every one of its districts and the districts' shared region is used (_county_regions)
    region_source: str = "register"


@dataclass(frozen=True, slots=True)
class Register:
    authorities: dict[str, Authority]
    names: dict[str, tuple[str, ...]]  # normalised name -> codes (current ones first)

    def get(self, code: str) -> Authority | None:
        return self.authorities.get(code)

    def lookup(self, name: str) -> tuple[Authority, ...]:
        """Authorities whose official, common, alternative or looked-up name is ``name``."""
        return tuple(self.authorities[c] for c in self.names.get(normalise_name(name), ()))

    def __len__(self) -> int:
        return len(self.authorities)

    def find(self, ref: str) -> tuple[Authority, ...]:
        """Authorities by register code ("SHF"), GSS code (current or former,
        "E08000019") or exact name ("Sheffield", "Sheffield City Council"); a name two
        authorities have shared (a county and the unitary that replaced it) gives both,
        current first."""
        ref = ref.strip()
        if ref.upper() in self.authorities:
            return (self.authorities[ref.upper()],)
        by_gss = tuple(a for a in self.authorities.values()
                       if ref.upper() == a.gss or ref.upper() in a.former_gss)
        return by_gss or self.lookup(ref)


_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """Name form used for matching: "Redcar & Cleveland" -> "redcar and cleveland"."""
    t = text.lower().replace("&", " and ").replace("’", "").replace("'", "")
    t = _PUNCT.sub(" ", t).replace("_", " ")
    t = _SPACE.sub(" ", t).strip()
    return " ".join("st" if w == "saint" else w for w in t.split(" ")) if t else t


def _read(name: str) -> list[dict[str, str]]:
    try:
        data = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise RegisterMissing(f"the council register file {name} is missing from the "
                              "installed package; reinstall boardpapers") from exc
    return list(csv.DictReader(io.StringIO(data)))


def _county_regions(rows: list[dict[str, str]]) -> dict[str, str]:
    """County code -> region, for the counties whose districts all lie in one region that
    is not the county's own in the register (or the county has none).

    A county's area is the union of its districts' areas, so a county listed in a region
    none of its districts is in is an error in the source data (seen: two-tier counties
    placed in a neighbouring region); the districts, many rows against one, win.
    """
    by_code = {r["local-authority-code"]: r for r in rows}
    district_regions: dict[str, set[str]] = {}
    for r in rows:
        county = r.get("county-la") or ""
        if county and r["region"]:
            district_regions.setdefault(county, set()).add(r["region"])
    fixed = {}
    for county, regions in district_regions.items():
        row = by_code.get(county)
        if row is not None and len(regions) == 1 and row["region"] not in regions:
            fixed[county] = next(iter(regions))
    return fixed


def _authority(row: dict[str, str]) -> Authority:
    alt = tuple(a.strip() for a in row.get("alt-names", "").split(",") if a.strip())
    return Authority(
        code=row["local-authority-code"], name=row["official-name"],
        nice_name=row["nice-name"], type=row["local-authority-type-name"],
        type_code=row["local-authority-type"], region=row["region"] or None,
        nation=row["nation"] or None, current=row["current-authority"] == "True",
        end_date=row["end-date"] or None,
        replaced_by=tuple(c for c in row["replaced-by"].split(",") if c), alt_names=alt,
        gss=row.get("gss-code") or None,
        former_gss=tuple(c for c in row.get("former-gss-codes", "").split(",") if c))


@functools.cache
def register() -> Register:
    """The whole register, loaded once."""
    rows = _read(REGISTER_CSV)
    authorities = {a.code: a for a in map(_authority, rows)}
    for code, region in _county_regions(rows).items():
        authorities[code] = dataclasses.replace(authorities[code], region=region,
                                                region_source="districts")
    names: dict[str, list[str]] = {}

    def add(name: str, code: str) -> None:
        key = normalise_name(name)
        if key and code in authorities and code not in names.setdefault(key, []):
            names[key].append(code)

    for a in authorities.values():
        for n in (a.name, a.nice_name, *a.alt_names):
            add(n, a.code)
    for row in _read(LOOKUP_CSV):
        add(row["la-name"], row["local-authority-code"])
    ordered = {k: tuple(sorted(v, key=lambda c: not authorities[c].current))
               for k, v in names.items()}
    return Register(authorities=authorities, names=ordered)


def lookup(name: str) -> tuple[Authority, ...]:
    return register().lookup(name)


def authority(code: str) -> Authority | None:
    return register().get(code)
