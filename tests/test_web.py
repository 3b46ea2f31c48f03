"""The web app (isnad.web): JSON API and HTML pages with FastAPI's TestClient, over a tmp SQLite store."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from isnad.corpus import Store
from isnad.io.readers import read_file
from isnad.runner import analyze_inputs
from isnad.web import create_app

FIX = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def client(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("web") / "web.db"
    store = Store(str(path))
    for name in ("articles.jsonl", "hostile.jsonl"):
        for rec in analyze_inputs(read_file(FIX / name), nlp):
            assert store.add(rec)[0] == "new"
    store.close()
    with TestClient(create_app(str(path))) as c:
        yield c


def test_health_and_openapi(client):
    h = client.get("/api/health").json()
    assert h["status"] == "ok" and h["documents"] == 5 and h["links"] == 1
    spec = client.get("/openapi.json").json()
    for p in ("/api/documents", "/api/documents/{doc_id}", "/api/stories", "/api/analyze", "/api/health"):
        assert p in spec["paths"], p
    # FastAPI's own /docs page loads scripts from a CDN: switched off
    assert client.get("/docs").status_code == 404


def test_search_endpoint(client):
    r = client.get("/api/documents", params={"q": "الحسكه actor:sdf", "limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert {x["id"] for x in body["results"]} == {"wire-001", "daily-017"}
    assert client.get("/api/documents", params={"q": "from:2022-02-30"}).status_code == 400
    page = client.get("/api/documents", params={"q": "", "limit": 2, "offset": 1}).json()
    assert page["total"] == 5 and len(page["results"]) == 2


def test_document_endpoint(client):
    rec = client.get("/api/documents/iraq-003").json()
    assert rec["schema"] == "isnad/1" and rec["id"] == "iraq-003"
    assert client.get("/api/documents/nope").status_code == 404


def test_stories_endpoint(client):
    items = client.get("/api/stories").json()
    assert len(items) == 1 and items[0]["origin"] == "wire-001"
    assert client.get("/api/stories", params={"q": "place:الموصل"}).json() == []


def test_analyze_does_not_store(client):
    r = client.post("/api/analyze", json={"text": "قال مصدر عسكري إن اشتباكات اندلعت في ريف حلب.",
                                          "published": "2022-06-01"})
    assert r.status_code == 200
    rec = r.json()
    assert rec["schema"] == "isnad/1" and rec["published"] == "2022-06-01" and rec["sources"]
    assert client.get("/api/health").json()["documents"] == 5
    assert client.post("/api/analyze", json={"text": "نص", "published": "June"}).status_code == 422
    assert client.post("/api/analyze", json={}).status_code == 422


def test_ingest_endpoint_text_and_record(client):
    text = "أعلنت وزارة الداخلية العراقية اعتقال خمسة مطلوبين في محافظة نينوى."
    r = client.post("/api/documents", json={"text": text, "published": "2022-07-01", "id": "api-1",
                                            "meta": {"outlet": "test"}})
    assert r.status_code == 201 and r.json() == {"status": "new", "id": "api-1", "links": []}
    again = client.post("/api/documents", json={"text": text, "id": "api-1"})
    assert again.status_code == 200 and again.json()["status"] == "already"
    rec = client.get("/api/documents/wire-001").json()
    copy = dict(rec, id="api-copy", published="2022-01-23")
    r = client.post("/api/documents", json={"record": copy})
    assert r.status_code == 201
    assert r.json()["links"][0] == {"other": "wire-001", "kind": "duplicate", "jaccard": 1.0, "containment": 1.0}
    assert client.post("/api/documents", json={"record": {"id": "x"}}).status_code == 422
    assert client.post("/api/documents", json={}).status_code == 422


def test_html_pages(client):
    r = client.get("/", params={"q": "الحسكة"})
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "<mark>" in r.text and "/doc/wire-001" in r.text
    assert "script-src" not in r.headers["content-security-policy"]   # default-src 'none': no script
    d = client.get("/doc/wire-001")
    assert d.status_code == 200 and "near-duplicates" in d.text and "/doc/daily-017" in d.text
    s = client.get("/stories")
    assert s.status_code == 200 and "(origin)" in s.text
    assert client.get("/doc/nope").status_code == 404
    assert client.get("/", params={"q": "status:maybe"}).status_code == 400
    for page in (r.text, d.text, s.text):
        assert "http://" not in page and "https://" not in page    # no external asset


def test_hostile_html_is_escaped(client):
    pages = [client.get("/", params={"q": "الحسكة"}).text,
             client.get("/", params={"q": "<script>alert(1)</script>"}).text,
             client.get("/doc/hostile-1").text]
    for page in pages:
        assert "<script" not in page.lower()
        assert "<img" not in page.lower()
        assert "<b onmouseover" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in pages[2] or \
        "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in pages[2] or "&lt;script&gt;" in pages[2]
    # the JSON API returns the text as data, unchanged
    assert "<script>alert('xss')</script>" in client.get("/api/documents/hostile-1").json()["text"]
    # an id with markup in the URL is escaped on the 404 page too
    nf = client.get("/doc/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert nf.status_code == 404 and "<script" not in nf.text.lower()
