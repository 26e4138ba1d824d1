"""One configuration for what users set: a TOML file, the environment over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardpapers.config import Config, load_config
from boardpapers.model.errors import BoardpapersError
from boardpapers.store import database_url


def _file(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return {"BOARDPAPERS_CONFIG": str(path)}


def test_the_file_sets_and_the_environment_wins(tmp_path: Path) -> None:
    env = _file(tmp_path, 'db = "postgresql://pg@127.0.0.1/papers"\ntoken = "from-file"\n'
                          "max_upload_bytes = 1000\nresponse_cache_seconds = 0\n")
    assert load_config(env) == Config(db="postgresql://pg@127.0.0.1/papers",
                                      token="from-file", max_upload_bytes=1000,
                                      response_cache_seconds=0.0)
    env |= {"BOARDPAPERS_TOKEN": "from-env", "BOARDPAPERS_MAX_UPLOAD": "2000"}
    config = load_config(env)
    assert (config.token, config.max_upload_bytes) == ("from-env", 2000)


def test_without_a_file_only_the_environment_counts(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_config({}) == Config()
    assert load_config({"BOARDPAPERS_DB": "x.db"}).db == "x.db"


def test_a_config_file_in_the_working_folder_is_read(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BOARDPAPERS_DB", raising=False)
    monkeypatch.delenv("BOARDPAPERS_CONFIG", raising=False)
    (tmp_path / "boardpapers.toml").write_text('db = "papers.db"\n', encoding="utf-8")
    assert database_url() == "sqlite:///papers.db"
    assert database_url("other.db") == "sqlite:///other.db"


@pytest.mark.parametrize("text, message", [
    ("db = [1, 2]\n", "db must be text"),
    ("max_upload_bytes = \"lots\"\n", "max_upload_bytes must be a number"),
    ("colour = \"red\"\n", "unknown setting 'colour'"),
    ("db = \n", "not a TOML config file"),
])
def test_a_bad_file_is_one_line_naming_it(tmp_path: Path, text: str, message: str) -> None:
    env = _file(tmp_path, text)
    with pytest.raises(BoardpapersError, match=message) as caught:
        load_config(env)
    assert str(caught.value).startswith(env["BOARDPAPERS_CONFIG"])
    assert "\n" not in str(caught.value)


def test_a_bad_environment_value_names_its_variable() -> None:
    with pytest.raises(BoardpapersError, match="BOARDPAPERS_CACHE_SECONDS: response_cache"):
        load_config({"BOARDPAPERS_CACHE_SECONDS": "soon"})


def test_a_missing_named_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BoardpapersError, match="cannot read config file"):
        load_config({"BOARDPAPERS_CONFIG": str(tmp_path / "absent.toml")})
