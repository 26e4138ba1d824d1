"""The built-in readers, genres, fact kinds and stores, registered through the same hook
an outside package uses (see ``plugins``): nothing built in is special."""

from __future__ import annotations

from boardpapers.plugins import FactKindSpec, GenreSpec, Points, ReaderSpec, StoreSpec


def register(points: Points) -> None:
    """Add every built-in; the order of readers is the order their first bytes are tried."""
    _readers(points)
    _genres(points)
    _fact_kinds(points)
    points.stores.add(StoreSpec("sqlite", ("sqlite",), "boardpapers.store.sqlite:SqliteStore"))
    points.stores.add(StoreSpec("postgresql", ("postgresql", "postgres"),
                                "boardpapers.store.postgres:PostgresStore"))
    points.stores.add(StoreSpec("mariadb", ("mysql", "mariadb"),
                                "boardpapers.store.mariadb:MariaDbStore"))


def _readers(points: Points) -> None:
    first_bytes = "boardpapers.readers.first_bytes"
    for name, extensions, read, sniff, aliases in (
            ("pdf", (".pdf",), "pdf:read_bytes", "is_pdf", ()),
            ("docx", (".docx",), "docx:read_bytes", "is_zip", ()),
            ("doc", (".doc",), "doc:read_bytes", "is_ole", ()),
            ("html", (".html", ".htm"), "html:read_bytes", "is_html", ("htm",)),
            ("xml", (".xml",), "xml:read_bytes", "is_moderngov_meeting", ()),
            ("md", (".md", ".markdown"), "text:read_markdown_bytes", "is_markdown", ("markdown",)),
            ("image", (".png", ".jpg", ".jpeg", ".tif", ".tiff"), "image:read_bytes",
             "is_image", ("png", "jpg", "jpeg", "tif", "tiff")),
            ("txt", (".txt", ".text"), "text:read_text_bytes", None, ("text",))):
        points.readers.add(ReaderSpec(name, extensions, f"boardpapers.readers.{read}",
                                      f"{first_bytes}:{sniff}" if sniff else None, aliases))


def _genres(points: Points) -> None:
    """Each genre's parser and scorer; the order of those that may win alone breaks ties."""
    signs = "boardpapers.genres"
    for name, ref, score, parts in (
            ("agenda_pack", "pack:parse_pack", "pack:score", ("agenda", "report")),
            ("report", "report:parse_report_paper", "report:score", ()),
            ("agenda", "agenda:parse_agenda", "meetings:score_agenda", ()),
            ("minutes", "minutes:parse_minutes", "meetings:score_minutes", ()),
            ("agenda_and_minutes", "minutes:parse_agenda_and_minutes",
             "meetings:score_agenda_and_minutes", ("agenda", "minutes")),
            ("briefing", "briefing:parse_briefing", "briefing:score", ()),
            ("summary", "briefing:parse_summary", "briefing:score_summary", ()),
            ("other", "generic:parse_other", "other:score", ())):
        points.genres.add(GenreSpec(name, f"boardpapers.parsers.{ref}", f"{signs}.{score}",
                                    parts=parts, alone=name != "agenda_pack"))
    # A genre added as one module: a form of "other" (papers keep genre "other").
    points.genres.add(GenreSpec("forward_plan", f"{signs}.forward_plan:parse",
                                f"{signs}.forward_plan:score", family="other"))


def _fact_kinds(points: Points) -> None:
    for name, columns in (("money", ("amount", "unit", "approximate", "context")),
                          ("dates", ("date", "period", "kind", "parsed", "context")),
                          ("metrics", ("value", "unit", "subject", "context")),
                          ("contacts", ("kind", "normalised")),
                          ("people", ("name", "role", "title", "honours")),
                          ("councils", ("code", "name", "type", "region", "nation"))):
        points.fact_kinds.add(FactKindSpec(name, f"boardpapers.facts.{name}:find_{name}",
                                           columns, dated=name == "dates",
                                           table=_TABLES[name][0], value=_TABLES[name][1]))


# kind -> (its table in store/schema.py, the column that is its value)
_TABLES = {"money": ("money_facts", "amount"), "dates": ("date_facts", "date"),
           "metrics": ("metric_facts", "value"), "contacts": ("contact_facts", "normalised"),
           "people": ("people_facts", "name"), "councils": ("council_facts", "code")}
