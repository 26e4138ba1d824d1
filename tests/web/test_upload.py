"""Uploads: refused without the token, checked like ingested files, written only inside
the data directory."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from boardpapers.store import open_store
from boardpapers.web.app import create_app
from boardpapers.web.settings import WebSettings

PAPER = b"""# Marsh End Parish Council

## Finance Committee

**Date:** 3 June 2025

# Village Hall Roof

## 1. Purpose of the report

1.1 To agree a grant of \xc2\xa318,500 towards the village hall roof.
"""


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    return tmp_path


def make_client(root: Path, token: str | None = "s3cret", limit: int = 1 << 20) -> TestClient:
    store = open_store(str(root / "up.db"))
    settings = WebSettings(db=store.url, data_dir=root / "data", token=token,
                           max_upload_bytes=limit)
    return TestClient(create_app(settings, store))


@pytest.fixture
def client(app_dir: Path) -> Iterator[TestClient]:
    with make_client(app_dir) as c:
        yield c


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def post(client: TestClient, name: str, data: bytes, token: str | None = "s3cret"):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/api/v1/papers", files={"file": (name, data)}, headers=headers)


def test_writes_are_refused_without_a_token_configured(app_dir: Path) -> None:
    with make_client(app_dir, token=None) as c:
        r = post(c, "roof.md", PAPER)
    assert r.status_code == 401
    assert "BOARDPAPERS_TOKEN" in r.json()["error"]["message"]
    assert not (app_dir / "data").exists()


def test_a_wrong_or_missing_token_is_refused(client: TestClient, app_dir: Path) -> None:
    assert post(client, "roof.md", PAPER, token="guess").status_code == 401
    assert post(client, "roof.md", PAPER, token=None).status_code == 401
    assert client.get("/api/v1/papers").json()["items"] == []


def test_upload_ingests_the_paper_inside_the_data_dir(client: TestClient,
                                                      app_dir: Path) -> None:
    r = post(client, "roof.md", PAPER)
    assert r.status_code == 201
    body = r.json()
    assert body["status"] == "ingested" and body["genre"] == "report"
    saved = files_under(app_dir / "data")
    assert [p.name for p in saved] == ["roof.md"]
    hits = client.get("/api/v1/search", params={"q": "village hall roof"}).json()
    assert hits["hits"][0]["document"]["id"] == body["id"]
    assert client.get(f"/api/v1/papers/{body['id']}/file").content == PAPER
    again = post(client, "roof.md", PAPER)
    assert again.status_code == 200 and again.json()["status"] == "present"
    assert files_under(app_dir / "data") == saved


def test_a_file_name_cannot_climb_out_of_the_data_dir(client: TestClient,
                                                      app_dir: Path) -> None:
    r = post(client, "../../../etc/evil.md", PAPER)
    assert r.status_code == 201
    assert [p.name for p in files_under(app_dir)
            if p.suffix == ".md"] == ["evil.md"]
    assert files_under(app_dir / "data")[0].name == "evil.md"


@pytest.mark.parametrize(("name", "data", "status", "words"), [
    ("minutes.exe", b"MZ...", 415, "unsupported file type '.exe'"),
    ("blank.txt", b"   \n", 400, "file is empty"),
    ("fake.docx", b"this is no zip", 422, "not a zip package"),
])
def test_bad_files_are_refused_with_one_line(client: TestClient, app_dir: Path, name: str,
                                             data: bytes, status: int, words: str) -> None:
    r = post(client, name, data)
    assert r.status_code == status
    message = r.json()["error"]["message"]
    assert message.startswith(name) and words in message and "\n" not in message
    assert not (app_dir / "data").exists() or files_under(app_dir / "data") == []


def test_a_zip_bomb_is_refused_before_anything_is_written(client: TestClient,
                                                          app_dir: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    r = post(client, "bomb.docx", buffer.getvalue())
    assert r.status_code == 422
    assert "bomb.docx" in r.json()["error"]["message"]
    assert not (app_dir / "data").exists() or files_under(app_dir / "data") == []


def test_an_upload_over_the_limit_is_413(app_dir: Path) -> None:
    with make_client(app_dir, limit=100) as c:
        r = post(c, "roof.md", PAPER)
    assert r.status_code == 413
    assert "upload limit" in r.json()["error"]["message"]


def test_the_form_uploads_and_shows_the_paper(client: TestClient) -> None:
    r = client.post("/upload", files={"file": ("roof.md", PAPER)}, data={"token": "s3cret"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/papers/")
    page = client.get(r.headers["location"]).text
    assert "Village Hall Roof" in page
    refused = client.post("/upload", files={"file": ("roof.md", PAPER)}, data={"token": "x"})
    assert refused.status_code == 401 and "valid token" in refused.text
