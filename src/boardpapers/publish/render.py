"""Templates to text, HTML and PDF: one Jinja2 environment over publish/templates, and
WeasyPrint for PDF (imported only when a PDF is asked for: it is slow to import)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

ARTIFACTS_ENV = "BOARDPAPERS_ARTIFACTS"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """HTML templates are autoescaped; .md and .txt templates are not."""
    env = Environment(loader=PackageLoader("boardpapers.publish", "templates"),
                      autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["long_date"] = long_date
    return env


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def long_date(iso: str | None) -> str:
    """2021-05-20 -> Thursday 20 May 2021 (as papers print dates)."""
    if not iso:
        return ""
    import datetime as dt
    day = dt.date.fromisoformat(iso)
    return f"{day:%A} {day.day} {day:%B %Y}"


def html_to_pdf(html: str, base: Path | None = None) -> bytes:
    """A PDF of the HTML (A4, the CSS's @page rules) through WeasyPrint."""
    from weasyprint import HTML
    return bytes(HTML(string=html, base_url=str(base) if base else None).write_pdf())
