"""The stages import each other in one direction only, read from the source with ``ast``:
no import cycle among the stages' modules (lazy imports inside functions count), the model
and vocabulary import no stage, and a reader of one format reaches another format only
through that format's entry module, never its internals."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
# The pipeline's stages and what they share (README "Where things are"). ``prefilter``
# (which strings a regular expression needs) imports nothing of boardpapers and serves
# them all, the vocabulary's cue finder included: it is no stage.
STAGES = ("model", "vocab", "readers", "genre", "genre_cues", "genres", "parsers", "facts")
# A reader module's format: its name up to the first "_" ("html_walk" -> html); these are
# no one format's and may be imported by any reader.
NEUTRAL_READERS = {"__init__", "first_bytes", "plain_lines", "list_numbers"}
FORMAT_OF = {"moderngov_xml": "xml"}
# OCR produces the PDF reader's page content, so that scanned pages go through the same
# stages as typed ones (docs/ocr.md).
ALLOWED_ACROSS = {("ocr", "pdf")}


def _modules() -> dict[str, Path]:
    found = {}
    for path in (SRC / "boardpapers").rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _graph() -> dict[str, set[str]]:
    """Module -> the boardpapers modules it imports, at any depth of its code."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                graph[name] |= {a.name for a in node.names if a.name in modules}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(parent + ([base] if base else []))
                if base in modules:
                    graph[name].add(base)
                graph[name] |= {f"{base}.{a.name}" for a in node.names
                                if f"{base}.{a.name}" in modules}
    return graph


GRAPH = _graph()


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            nxt = next(edges, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_shared_prefilter_imports_nothing_of_boardpapers() -> None:
    assert GRAPH["boardpapers.prefilter"] == set()


def test_the_walk_sees_the_imports_it_should() -> None:
    assert "boardpapers.parsers.lines" in GRAPH["boardpapers.parsers.meeting"]
    assert "boardpapers.genres" in GRAPH["boardpapers.genre"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_among_the_stages() -> None:
    stages = {m: {n for n in edges if _stage(n)} for m, edges in GRAPH.items() if _stage(m)}
    assert _cycles(stages) == []


@pytest.mark.parametrize("shared", ["model", "vocab"])
def test_model_and_vocabulary_import_no_stage(shared: str) -> None:
    wrong = {(m, n) for m, edges in GRAPH.items() if _stage(m) == shared
             for n in edges if _stage(n) not in (None, "model", "vocab")}
    assert wrong == set()


def _format(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] != ["boardpapers", "readers"] or len(parts) != 3 \
            or parts[2] in NEUTRAL_READERS:
        return None
    return FORMAT_OF.get(parts[2], parts[2].split("_")[0])


def test_a_reader_reaches_another_format_only_through_its_entry_module() -> None:
    wrong = set()
    for module, edges in GRAPH.items():
        own = _format(module)
        for imported in edges:
            other = _format(imported)
            if own is None or other is None or other == own or (own, other) in ALLOWED_ACROSS:
                continue
            if imported.rpartition(".")[2] != other:
                wrong.add((module, imported))
    assert wrong == set()
