"""The extension points, declared once: readers, genres, fact kinds and stores.

Each is a registry of specs. The built-in ones are added by ``boardpapers.builtins.register``,
the same hook an outside package names as an entry point in its own pyproject.toml::

    [project.entry-points.boardpapers]
    myplugin = "myplugin:register"      # def register(points: Points) -> None

A spec names its code as ``"module:attribute"``, imported on first use: a missing optional
dependency of one format never stops the others, and a command imports only what it runs.
docs/extending.md shows each point with an example.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from boardpapers.model.errors import BoardpapersError

ENTRY_POINT_GROUP = "boardpapers"


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    """A file format: ``read`` is ``(data: bytes, source: Source) -> Layout``."""

    name: str  # the format, as --format names it
    extensions: tuple[str, ...]  # with the dot, lower case: (".pdf",)
    read: str  # "module:function"
    sniff: str | None = None  # "module:function": (first bytes) -> whether they are this format
    aliases: tuple[str, ...] = ()  # other names --format accepts ("htm")


@dataclass(frozen=True, slots=True)
class GenreSpec:
    """A kind of paper: ``parse`` is ``(layout, classification) -> Paper``.

    ``score`` is ``(paper: genres.PaperLines, signs: genres.Signs) -> None``: it reads the
    paper's short lines (``paper.lines``) or their text (``paper.text``) and calls
    ``signs(genre, weight, why)`` for each sign it finds. Every genre, built in or not, is
    scored this way; after the decision rules of ``genre.DECIDE`` (packs, meeting pages,
    decisive "other" signs) the best score past ``DECIDE.min_score`` wins.
    """

    name: str
    parse: str  # "module:function"
    score: str | None = None  # "module:function"
    # Genres this one is made of: its evidence starts with theirs ("agenda_pack" shows
    # its agenda's and its reports' signs).
    parts: tuple[str, ...] = ()
    # False: only a decision rule names this genre, never its score alone (a pack is an
    # agenda with reports; its own signs only help that rule).
    alone: bool = True
    # A form of another genre, its family: a paper the decision files under the family
    # takes this form when its signs are the family's forms' best past
    # ``DECIDE.min_form_score``. The Paper's ``genre`` stays the family (what consumers
    # and the export contract know) and its ``form`` names this genre.
    family: str | None = None


@dataclass(frozen=True, slots=True)
class FactKindSpec:
    """A kind of fact: ``find`` is ``(text, block) -> facts`` (``(text, block, ref)`` when
    ``dated``); ``columns`` are what ``facts --kind NAME`` lists beside the fact's text.

    Every kind is stored: in ``table`` when it has one of its own (the built-ins, in
    store/schema.py), else as rows of ``facts_extra`` — its text, its ``value`` field (or
    the fact itself, a plain value) and its ``columns`` — so ``has:``, ``facts --kind``
    and the export take it alike."""

    name: str
    find: str  # "module:function"
    columns: tuple[str, ...] = ()
    dated: bool = False  # the finder takes the paper's own date, to complete partial dates
    table: str | None = None  # its own table in store/schema.py, else facts_extra
    value: str = ""  # the field (table column) that is the fact's value, for the export


@dataclass(frozen=True, slots=True)
class StoreSpec:
    """A database: ``open`` is ``(url, *, create: bool) -> Store`` for URLs of ``schemes``."""

    name: str
    schemes: tuple[str, ...]  # "sqlite", "postgresql"...
    open: str  # "module:class or function"


class _Named(Protocol):
    @property
    def name(self) -> str: ...


S = TypeVar("S", bound=_Named)


class Registry(Generic[S]):
    """Specs of one extension point by name, in the order they were added."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._specs: dict[str, S] = {}

    def add(self, spec: S) -> None:
        if spec.name in self._specs:
            raise BoardpapersError(f"{self.what} {spec.name!r} is registered twice")
        self._specs[spec.name] = spec

    def get(self, name: str) -> S | None:
        return self._specs.get(name)

    def names(self) -> tuple[str, ...]:
        return tuple(self._specs)

    def __iter__(self) -> Iterator[S]:
        return iter(tuple(self._specs.values()))

    def __contains__(self, name: object) -> bool:
        return name in self._specs


@dataclass(slots=True)
class Points:
    """Every extension point; what a ``register`` hook receives."""

    readers: Registry[ReaderSpec] = field(default_factory=lambda: Registry("reader"))
    genres: Registry[GenreSpec] = field(default_factory=lambda: Registry("genre"))
    fact_kinds: Registry[FactKindSpec] = field(default_factory=lambda: Registry("fact kind"))
    stores: Registry[StoreSpec] = field(default_factory=lambda: Registry("store"))


Hook = Callable[[Points], None]


@functools.cache
def points() -> Points:
    """The built-ins, then every installed plugin; built once per process."""
    from boardpapers import builtins

    return build((builtins.register, *_installed_hooks()))


def build(hooks: tuple[Hook, ...]) -> Points:
    """Points filled by these hooks in order (tests build their own)."""
    found = Points()
    for hook in hooks:
        hook(found)
    return found


def _installed_hooks() -> list[Hook]:
    """Hooks of installed plugins; one that fails to load is named on stderr and skipped."""
    from importlib.metadata import entry_points  # a few ms: only when a point is first used

    hooks = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            hooks.append(ep.load())
        except Exception as exc:  # a broken plugin must not stop boardpapers
            print(f"boardpapers: plugin {ep.name!r} ({ep.value}) not loaded: "
                  f"{type(exc).__name__}: {exc}", file=sys.stderr)
    return hooks


@functools.cache
def resolve(ref: str) -> Any:
    """The object a ``"module:attribute"`` reference names, imported on first use."""
    module, _, attribute = ref.partition(":")
    return getattr(importlib.import_module(module), attribute)


def stored_fact_kinds() -> tuple[str, ...]:
    """The fact kinds the store keeps (all registered: a kind without its own table is
    kept in facts_extra): what ``has:``, ``facts --kind`` and the export accept."""
    return points().fact_kinds.names()
