"""What every harvester shares: fetch a document once, save it, remember it, ingest it.

A harvester (moderngov, cmis, feeds) turns a site into ``Target``s — an address with the
meeting and item it hangs from — and hands them to a ``Session``. The session fetches
each (conditionally, with the validators the store recorded; several at once, within
the per-host cap), saves the bytes under the harvest folder, records the fetch in the
store's harvest table, then ingests what is new through the ordinary pipeline. Every
address costs at most one line in the report, whatever the site did.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from boardpapers.harvest.http import Fetched, Fetcher
from boardpapers.harvest.settings import EXTENSIONS, HarvestSettings
from boardpapers.readers import is_supported
from boardpapers.store import Store, database_file, database_url


@dataclass(frozen=True, slots=True)
class Target:
    """One address to fetch, and where on the site it hung."""

    url: str
    kind: str = "document"  # meeting | document | page
    site: str = ""
    title: str = ""
    committee: str = ""
    meeting_id: str = ""
    meeting_date: str | None = None
    item_number: str = ""
    item_title: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    """One address's outcome: fetched, unchanged, failed, refused or skipped."""

    url: str
    status: str
    reason: str | None = None


@dataclass
class HarvestReport:
    lines: list[Line] = field(default_factory=list)
    ingested: int = 0
    present: int = 0
    ingest_failures: list[tuple[str, str]] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for line in self.lines if line.status == status)

    @property
    def problems(self) -> list[Line]:
        return [line for line in self.lines if line.status in ("failed", "refused", "skipped")]

    def summary(self) -> str:
        fetched, unchanged = self.count("fetched"), self.count("unchanged")
        head = f"{len(self.lines)} addresses: {fetched} fetched, {unchanged} unchanged"
        bad = ", ".join(f"{self.count(s)} {s}" for s in ("failed", "refused", "skipped")
                        if self.count(s))
        tail = f"; {self.ingested} papers ingested"
        if fetched == 0 and unchanged and not self.ingested:
            tail += " (nothing has changed since the last harvest)"
        return head + (f", {bad}" if bad else "") + tail

    def to_json(self) -> dict[str, object]:
        return {s: self.count(s) for s in ("fetched", "unchanged", "failed", "refused",
                                           "skipped")} | {
            "ingested": self.ingested, "present": self.present,
            "problems": [{"url": p.url, "status": p.status, "reason": p.reason}
                         for p in self.problems],
            "ingest_failures": [{"path": p, "reason": r} for p, r in self.ingest_failures]}


def harvest_folder(db: str | None) -> Path:
    """Where harvested files are kept: $BOARDPAPERS_HARVEST_DIR, else beside a SQLite
    database (``boardpapers.db.harvest``), else under ~/.cache/boardpapers/harvest."""
    if os.environ.get("BOARDPAPERS_HARVEST_DIR"):
        return Path(os.environ["BOARDPAPERS_HARVEST_DIR"])
    url = database_url(db)
    if path := database_file(url):
        return Path(path + ".harvest")
    digest = hashlib.sha256(url.encode()).hexdigest()[:12]
    return Path.home() / ".cache" / "boardpapers" / "harvest" / digest


class Session:
    """One harvest run against one store."""

    def __init__(self, store: Store, folder: Path, settings: HarvestSettings) -> None:
        self.store = store
        self.folder = folder
        self.settings = settings
        self.fetcher = Fetcher(settings, folder / "http-cache.db")
        self.report = HarvestReport()
        self._to_ingest: dict[str, Path] = {}
        self._origin: dict[str, str] = {}  # saved file -> the address it came from

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fetcher.close()

    def listing(self, url: str) -> Fetched:
        """A list to walk (committees, meetings, a feed, a page of links), through the
        cache; its outcome joins the report."""
        got = self.fetcher.get(url, listing=True)
        self.report.lines.append(Line(url, got.status, got.reason))
        return got

    def fetch_all(self, targets: Iterable[Target]) -> dict[str, bytes]:
        """Fetch every target (several at once; the store is only touched from this
        thread) and save what came; the bytes of each that is on disk now, by address
        (a harvester reads a meeting's links from them)."""
        unique = list({t.url: t for t in targets}.values())
        before = {t.url: self.store.harvest_row(t.url) or {} for t in unique}

        def fetch(target: Target) -> Fetched:
            known = before[target.url]
            have = bool(known.get("path")) and Path(str(known["path"])).is_file()
            return self.fetcher.get(target.url,
                                    etag=known.get("etag") if have else None,
                                    last_modified=known.get("last_modified") if have else None)

        with ThreadPoolExecutor(max_workers=max(1, self.settings.workers)) as pool:
            results = list(pool.map(fetch, unique))
        out = {}
        for target, got in zip(unique, results, strict=True):
            body = self._settle(target, got, before[target.url])
            if body is not None:
                out[target.url] = body
        return out

    def _settle(self, target: Target, got: Fetched, before: dict[str, Any]) -> bytes | None:
        """Save and record one fetch; its bytes when there are any on disk."""
        saved = Path(before["path"]) if before.get("path") else None
        have = saved is not None and saved.is_file()
        if got.status == "unchanged" and saved is not None and have:
            self._record(target, got, before, saved, before.get("sha256"))
            self._ingest_if_missing(saved, before.get("sha256"), target.url)
            return saved.read_bytes()
        if got.status != "fetched":
            self._record(target, got, before, saved if have else None, before.get("sha256"))
            return None
        path = self.folder / save_name(target.url, got)
        if not is_supported(path):
            got = replace(got, status="skipped", reason=f"not a paper boardpapers reads "
                          f"({got.content_type or 'no Content-Type'})")
            self._record(target, got, before, None, None)
            return None
        digest = hashlib.sha256(got.body).hexdigest()
        if digest == before.get("sha256") and have and saved is not None:
            got = replace(got, status="unchanged")  # no validators, but the same bytes
            path = saved
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(got.body)
        self._record(target, got, before, path, digest)
        self._ingest_if_missing(path, digest, target.url)
        return got.body

    def reject(self, url: str, reason: str) -> None:
        """A fetch that came but is not what was asked for (HTML where XML was
        expected): one failed line for it, and it is not ingested."""
        self.report.lines = [line for line in self.report.lines if line.url != url]
        self.report.lines.append(Line(url, "failed", reason))
        self._to_ingest = {k: p for k, p in self._to_ingest.items()
                           if self._origin.get(k) != url}
        row = self.store.harvest_row(url)
        if row is not None:
            self.store.record_harvest(row | {"status": "failed", "reason": reason,
                                             "etag": None, "last_modified": None})

    def _ingest_if_missing(self, path: Path, digest: str | None, url: str) -> None:
        """New bytes, or bytes a cut-short harvest saved but never ingested."""
        if digest is None or not self.store.has(digest):
            self._to_ingest[str(path)] = path
            self._origin[str(path)] = url

    def _record(self, target: Target, got: Fetched, before: dict[str, Any],
                path: Path | None, digest: object) -> None:
        self.report.lines.append(Line(target.url, got.status, got.reason))
        row: dict[str, object] = {
            "url": target.url, "kind": target.kind, "site": target.site or None,
            "etag": got.etag or (before.get("etag") if got.status == "unchanged" else None),
            "last_modified": got.last_modified or (before.get("last_modified")
                                                   if got.status == "unchanged" else None),
            "status": got.status, "reason": got.reason,
            "path": str(path) if path else None, "sha256": digest if path else None,
            "title": target.title or None, "committee": target.committee or None,
            "meeting_id": target.meeting_id or None, "meeting_date": target.meeting_date,
            "item_number": target.item_number or None, "item_title": target.item_title or None,
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds")}
        self.store.record_harvest(row)

    def ingest(self) -> HarvestReport:
        """Ingest every file fetched or left un-ingested; the report, complete."""
        from boardpapers.pipeline import ingest
        if self._to_ingest:
            summary = ingest(list(self._to_ingest.values()), self.store)
            self.report.ingested += summary.count("ingested")
            self.report.present += summary.count("present")
            self.report.ingest_failures += [(o.path, o.reason or "") for o in summary.failed]
        self._to_ingest.clear()
        return self.report


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def save_name(url: str, got: Fetched) -> str:
    """A stable file name for an address: its host, a hash of the address (one file per
    address, so a changed document is a new version of the same path) and a readable
    name with the extension its Content-Type gives when the address names none."""
    parts = urlsplit(url)
    name = got.filename or unquote(parts.path.rsplit("/", 1)[-1]) or "index"
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    wanted = EXTENSIONS.get(got.content_type.split(";")[0].strip().lower(), "")
    suffix = f".{ext.lower()}" if ext and is_supported(Path(f"x.{ext}")) else wanted
    if not suffix and ext:
        suffix = f".{ext.lower()}"
    stem = _UNSAFE.sub("-", stem).strip("-")[:80] or "file"
    digest = hashlib.sha256(url.encode()).hexdigest()[:12]
    host = _UNSAFE.sub("-", parts.netloc) or "local"
    return f"{host}/{digest}-{stem}{suffix}"
