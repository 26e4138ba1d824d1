"""Where the layers meet, read from the source: database drivers and SQL only inside
store/, and the store reads queries as model values, never the query language."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "boardpapers"
DATABASE_MODULES = ("sqlalchemy", "sqlite3", "psycopg", "alembic")
# Outside the package only the benchmarks (bench/) measure raw databases; none here.
ALLOWED_OUTSIDE_STORE: frozenset[str] = frozenset()


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in a file, lazy ones inside functions too."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module


def _modules(under: Path) -> list[Path]:
    return sorted(under.rglob("*.py"))


def _is(module: str, names: tuple[str, ...]) -> bool:
    return any(module == n or module.startswith(n + ".") for n in names)


def test_only_the_store_imports_a_database_driver() -> None:
    found = [f"{path.relative_to(SRC)}:{line} imports {module}"
             for path in _modules(SRC) if "store" not in path.relative_to(SRC).parts[:1]
             and str(path.relative_to(SRC)) not in ALLOWED_OUTSIDE_STORE
             for line, module in _imports(path) if _is(module, DATABASE_MODULES)]
    assert found == []


def test_no_sql_is_written_outside_the_store() -> None:
    """A SELECT in a string literal outside store/ is SQL that escaped the store."""
    found = []
    for path in _modules(SRC):
        if path.relative_to(SRC).parts[0] == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and "SELECT " in node.value and " FROM " in node.value):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert found == []


@pytest.mark.parametrize("module", ["boardpapers.query", "boardpapers.search",
                                    "boardpapers.cli", "boardpapers.browse"])
def test_the_store_takes_model_values_not_the_query_language(module: str) -> None:
    found = [f"{path.relative_to(SRC)}:{line}" for path in _modules(SRC / "store")
             for line, imported in _imports(path) if imported == module]
    assert found == []


def test_the_checks_see_imports_they_must_catch(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from sqlalchemy import text\n    import sqlite3\n")
    assert [m for _, m in _imports(sample)] == ["sqlalchemy", "sqlite3"]
    assert _is("sqlalchemy.engine", DATABASE_MODULES) and not _is("sqlalchemyx", ("sqlalchemy",))


def test_fts5_is_named_only_where_tantivy_was_chosen_over_it() -> None:
    """tantivy is the search engine; FTS5 is only the measured alternative it replaced."""
    found = [str(path.relative_to(SRC)) for path in _modules(SRC)
             if "fts5" in path.read_text(encoding="utf-8").lower()]
    assert found == ["store/textindex.py"]


def test_no_command_tells_the_back_ends_apart() -> None:
    """Which database a URL names is the store's business (store.open_store,
    store.database_file); only the built-ins' registration names the schemes."""
    found = []
    for path in _modules(SRC):
        name = str(path.relative_to(SRC))
        if name.startswith("store/") or name == "builtins.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and node.value.lower().startswith(("sqlite", "postgres"))):
                found.append(f"{name}:{node.lineno} {node.value!r}")
    assert found == []


def test_every_registered_store_answers_the_whole_protocol() -> None:
    """A store added through the registry (StoreSpec) is a Store: every method the
    commands may call, with the Store's own parameter names."""
    import inspect

    from boardpapers.plugins import points, resolve
    from boardpapers.store.base import Store

    wanted = {n: v for n, v in vars(Store).items()
              if inspect.isfunction(v) and not n.startswith("_")}
    assert {"rows_of", "paper_list", "export_rows", "facts", "search"} <= set(wanted)
    for spec in points().stores:
        cls = resolve(spec.open)
        for name, method in wanted.items():
            assert callable(getattr(cls, name, None)), f"{spec.name} lacks {name}"
            given = inspect.signature(getattr(cls, name)).parameters
            assert list(given) == list(inspect.signature(method).parameters), (
                f"{spec.name}.{name}")
