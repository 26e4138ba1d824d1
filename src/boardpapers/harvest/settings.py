"""How politely and how far a harvest goes: every threshold in one named place."""

from __future__ import annotations

from dataclasses import dataclass

from boardpapers import __version__

USER_AGENT = (f"boardpapers/{__version__} (harvester of UK local government meeting papers; "
              "respects robots.txt)")
ROBOTS_AGENT = "boardpapers"  # the name robots.txt rules are read for


@dataclass(frozen=True, slots=True)
class HarvestSettings:
    """Politeness and limits. ``interval`` is the least time between two requests to
    one host; ``per_host`` how many may be in flight to it at once; ``attempts`` how
    often a timeout, dropped connection or 5xx/429 answer is tried, waiting ``backoff``
    seconds, doubled each time (at most ``backoff_max``)."""

    user_agent: str = USER_AGENT
    timeout: float = 30.0
    interval: float = 1.0
    per_host: int = 2
    workers: int = 4
    attempts: int = 3
    backoff: float = 2.0
    backoff_max: float = 30.0
    max_bytes: int = 200 * 1024 * 1024  # a bigger file is refused (a 2 GB "agenda")
    max_redirects: int = 10
    robots: bool = True


RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

# What a download's Content-Type says it is, for files whose address names no type
# (mgConvert2PDF.aspx?ID=…, Document.ashx?…).
EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/xml": ".xml",
    "application/xml": ".xml",
}
