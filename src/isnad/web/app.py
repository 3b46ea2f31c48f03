"""The web application: the JSON API over a corpus store and a small server-rendered HTML UI.

One job: expose the corpus layer (:mod:`isnad.corpus`) and the analyser over HTTP.  The app is
built by :func:`create_app` (``isnad serve`` runs it with uvicorn).

Why FastAPI: typed request bodies validated for us, OpenAPI at ``/openapi.json`` and a test
client, all in one well-kept package.  Why no template engine: the UI is three small pages, built
with f-strings around :func:`isnad.io.html.esc` (every value from a record or a request is escaped;
a hostile document cannot inject markup), and the document page reuses
:func:`isnad.io.html.render_page`.  No script, no CDN, no external asset; responses carry a
Content-Security-Policy that forbids scripts anyway.

API (JSON):
``GET  /api/health``                      store counts and version
``GET  /api/documents?q=&limit=&offset=`` search (the ``isnad search`` syntax)
``GET  /api/documents/{id}``              the stored isnad/1 record
``GET  /api/stories?q=&min_docs=``        stories (``isnad stories``)
``POST /api/analyze``   ``{text, published?}`` → the record (not stored)
``POST /api/documents`` ``{text | record, published?, id?, meta?}`` → ingest; 201 new, 200 already stored
"""
from __future__ import annotations

import threading
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from .. import __version__
from ..corpus.search import QueryError, matching_ids, search
from ..corpus.store import Store, db_url
from ..corpus.stories import KINDS, stories
from ..io.html import CSS, esc, render_page

MAX_CHARS = 2_000_000
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")


class AnalyzeIn(BaseModel):
    text: str = Field(..., description="the document text, as given")
    published: str | None = Field(None, description="YYYY-MM-DD")


class DocumentIn(BaseModel):
    text: str | None = Field(None, description="a text to analyse and store")
    record: dict[str, Any] | None = Field(None, description="an already-analysed isnad/1 record to store")
    published: str | None = Field(None, description="YYYY-MM-DD, for a text")
    id: str | None = Field(None, description="the document's id, for a text (default: a hash of the text)")
    meta: dict[str, Any] | None = Field(None, description="metadata for a text (outlet, url, title, author...)")


def _date(value: str | None) -> str | None:
    from ..pipeline import _iso_date
    try:
        return _iso_date(value)
    except ValueError as e:
        raise HTTPException(status_code=422, detail=str(e)) from None


def create_app(db: str | None = None) -> FastAPI:
    """The application over the store at ``db`` (a URL or an SQLite path; default ./isnad.db)."""
    store = Store(db_url(db))
    # no /docs or /redoc: FastAPI's Swagger UI and ReDoc pages load their scripts from a CDN
    app = FastAPI(title="isnad", version=__version__, docs_url=None, redoc_url=None,
                  description="Attribution chains, claims, places, times and events from Arabic news and "
                              "social posts: a corpus store with search, near-duplicates and stories.")
    app.state.store = store
    nlp_lock = threading.Lock()
    run_lock = threading.Lock()
    nlp_box: list = []

    def nlp():
        with nlp_lock:
            if not nlp_box:
                from .. import load
                nlp_box.append(load())
            return nlp_box[0]

    def analyse(text: str, published: str | None, id: str | None = None, meta: dict | None = None) -> dict:
        if len(text) > MAX_CHARS:
            raise HTTPException(status_code=413, detail=f"text longer than {MAX_CHARS:,} characters")
        if not text.strip():
            raise HTTPException(status_code=422, detail="empty text")
        from ..document import Document, text_id
        doc = Document(text, id=id or text_id(text), meta=dict(meta or {}), published=published)
        pipeline = nlp()
        with run_lock:   # stages keep per-process caches: one document at a time
            return pipeline(doc, published=published).to_json()

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        resp = await call_next(request)
        resp.headers["Content-Security-Policy"] = CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        return resp

    # ---------------------------------------------------------------- JSON API
    @app.get("/api/health", tags=["api"])
    def health() -> dict:
        return {"status": "ok", "version": __version__, "database": store.engine.dialect.name,
                "full_text": "fts5" if store.fts else "like", **store.counts()}

    @app.get("/api/documents", tags=["api"])
    def api_search(q: str = Query("", description="words, \"phrases\", actor: place: type: status: source: "
                                                  "kind: from:YYYY-MM-DD to:YYYY-MM-DD"),
                   limit: int = Query(20, ge=0, le=500), offset: int = Query(0, ge=0)) -> dict:
        try:
            return search(store, q, limit=limit, offset=offset)
        except QueryError as e:
            raise HTTPException(status_code=400, detail=str(e)) from None

    @app.get("/api/documents/{doc_id}", tags=["api"])
    def api_document(doc_id: str) -> dict:
        rec = store.get(doc_id)
        if rec is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
        return rec

    @app.get("/api/stories", tags=["api"])
    def api_stories(q: str = Query("", description="only among documents matching this search"),
                    min_docs: int = Query(2, ge=1),
                    events: bool = Query(False, description="also join documents reporting the same event "
                                                            "type at the same place (finer than a city) within 3 days"),
                    related: bool = Query(False, description="also join documents with related texts "
                                                             "(Jaccard 0.35-0.5)")) -> list:
        try:
            ids = set(matching_ids(store, q)) if q.strip() else None
        except QueryError as e:
            raise HTTPException(status_code=400, detail=str(e)) from None
        kinds = KINDS + (("related",) if related else ())
        return stories(store, min_docs=min_docs, doc_ids=ids, events=events, kinds=kinds)

    @app.post("/api/analyze", tags=["api"])
    def api_analyze(body: AnalyzeIn) -> dict:
        return analyse(body.text, _date(body.published))

    @app.post("/api/documents", tags=["api"], status_code=201)
    def api_ingest(body: DocumentIn = Body(...)):
        if (body.text is None) == (body.record is None):
            raise HTTPException(status_code=422, detail="give exactly one of text or record")
        if body.record is not None:
            rec = body.record
            if rec.get("schema") != "isnad/1" or not isinstance(rec.get("text"), str) or "error" in rec:
                raise HTTPException(status_code=422, detail="record: not an isnad/1 record with a text")
        else:
            published = _date(body.published)
            from ..document import text_id
            existing = store.has(body.id or text_id(body.text), body.text)
            if existing:
                return JSONResponse({"status": "already", "id": existing, "links": _links(existing)},
                                    status_code=200)
            rec = analyse(body.text, published, body.id, body.meta)
        try:
            status, doc_id = store.add(rec)
        except Exception as e:
            raise HTTPException(status_code=422, detail=f"could not store the record: {type(e).__name__}") from None
        if status == "failed":  # pragma: no cover - add() only fails on non-records, refused above
            raise HTTPException(status_code=422, detail="could not store the record")
        return JSONResponse({"status": status, "id": doc_id, "links": _links(doc_id)},
                            status_code=201 if status == "new" else 200)

    def _links(doc_id: str) -> list[dict]:
        from sqlalchemy import or_, select

        from ..corpus.store import links
        with store.engine.connect() as c:
            rows = c.execute(select(links).where(or_(links.c.doc_a == doc_id, links.c.doc_b == doc_id)))
            return [{"other": r.doc_b if r.doc_a == doc_id else r.doc_a, "kind": r.kind, "jaccard": r.jaccard,
                     "containment": r.containment} for r in rows]

    # ---------------------------------------------------------------- HTML UI
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page_search(q: str = "", offset: int = 0, limit: int = 20) -> HTMLResponse:
        offset, limit = max(0, offset), min(max(1, limit), 200)
        parts = [f'<form method="get" action="/"><input type="search" name="q" value="{esc(q)}" size="60" '
                 f'dir="auto" placeholder="الحسكة actor:sdf type:ASSAULT from:2022-01-01"/> '
                 f'<button type="submit">search</button></form>'
                 '<p class="help" dir="ltr">words and "phrases" (all must occur; الحسكة also finds الحسكه, '
                 'بالحسكة); filters: <code>actor:sdf</code> <code>place:الحسكة</code> or <code>place:geonames:173811'
                 '</code> <code>type:ASSAULT</code> <code>status:denied</code> <code>source:anonymous</code> '
                 '<code>kind:retweet</code> <code>from:2022-01-01</code> <code>to:2022-01-31</code></p>']
        try:
            res = search(store, q, limit=limit, offset=offset)
        except QueryError as e:
            parts.append(f'<p class="error">{esc(e)}</p>')
            return _page("isnad search", "".join(parts), status=400)
        parts.append(f'<p class="summary" dir="ltr">{res["total"]} document(s)</p><ol class="hits" '
                     f'start="{offset + 1}">')
        for r in res["results"]:
            snip = r["snippet"]
            if r["match"]:
                a, b = r["match"]
                snip_html = f"{esc(snip[:a])}<mark>{esc(snip[a:b])}</mark>{esc(snip[b:])}"
            else:
                snip_html = esc(snip)
            c = r["counts"]
            parts.append(f'<li><a href="/doc/{quote(r["id"], safe="")}">{esc(r["title"] or r["id"])}</a> '
                         f'<span class="meta" dir="ltr">{esc(r["published"] or "undated")} · {esc(r["kind"])} · '
                         f'{esc(r["outlet"] or "")} · {c["claims"]} claims · {c["events"]} events</span>'
                         f'<p dir="auto">{snip_html}</p></li>')
        parts.append("</ol>")
        nav = []
        if offset > 0:
            nav.append(f'<a href="/?{urlencode({"q": q, "offset": max(0, offset - limit), "limit": limit})}">'
                       f'previous</a>')
        if offset + limit < res["total"]:
            nav.append(f'<a href="/?{urlencode({"q": q, "offset": offset + limit, "limit": limit})}">next</a>')
        if nav:
            parts.append(f'<p class="pager">{" · ".join(nav)}</p>')
        return _page("isnad search", "".join(parts))

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_document(doc_id: str) -> HTMLResponse:
        rec = store.get(doc_id)
        if rec is None:
            return _page("not found", f"<p>no document {esc(doc_id)}</p>", status=404)
        page = render_page([rec], title=f"isnad · {doc_id}")
        related = _links(doc_id)
        extra = _nav()
        if related:
            extra += ('<section class="related"><h3>near-duplicates</h3><ul>' + "".join(
                f'<li><a href="/doc/{quote(x["other"], safe="")}">{esc(x["other"])}</a> '
                f'{esc(x["kind"])} (Jaccard {x["jaccard"]:.2f})</li>' for x in related) + "</ul></section>")
        return HTMLResponse(page.replace("<body>", "<body>" + extra, 1))

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def page_stories(min_docs: int = 2, events: bool = False) -> HTMLResponse:
        items = stories(store, min_docs=max(1, min_docs), events=events)
        other = ('<a href="/stories">by shared text only</a>' if events else
                 '<a href="/stories?events=true">also by same event, place and days</a>')
        parts = [f'<p class="summary" dir="ltr">{len(items)} stor{"y" if len(items) == 1 else "ies"} · {other}</p>']
        for s in items:
            dr = " → ".join(s["date_range"]) if s["date_range"] else "undated"
            inner = ", ".join(f"{k} {v}" for k, v in s["innermost_sources"].items())
            state = ", ".join(f'{x["name"]} ({x["state_media_of"]})' for x in s["state_media"])
            parts.append(f'<section class="story" id="{esc(s["id"])}"><h2 dir="ltr">{esc(s["id"])} · '
                         f'{s["size"]} documents · {esc(dr)} · {s["claims"]} claims</h2>'
                         f'<p>outlets/carriers: <span dir="auto">{esc(", ".join(s["outlets"] + s["carriers"]))}'
                         f'</span></p><p dir="ltr">innermost sources: {esc(inner) or "none"}'
                         f'{" · state media: " + esc(state) if state else ""}</p><ol>')
            for d in s["documents"]:
                origin = " <strong>(origin)</strong>" if d["id"] == s["origin"] else ""
                parts.append(f'<li><a href="/doc/{quote(d["id"], safe="")}">{esc(d["title"] or d["id"])}</a> '
                             f'<span class="meta" dir="ltr">{esc(d["published"] or "undated")} · '
                             f'{esc(d["outlet"] or "")}</span>{origin}</li>')
            parts.append("</ol></section>")
        return _page("isnad stories", "".join(parts))

    return app


def _nav() -> str:
    return ('<nav class="top" dir="ltr"><a href="/">search</a> · <a href="/stories">stories</a> · '
            '<a href="/openapi.json">API (OpenAPI)</a></nav>')


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    style = CSS + " mark{background:#ffe08a} .hits li{margin:.6em 0} .meta{color:#666;font-size:.85em}"
    return HTMLResponse("<!DOCTYPE html>\n"
                        f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"/>'
                        f'<meta name="viewport" content="width=device-width, initial-scale=1"/>'
                        f"<title>{esc(title)}</title><style>{style}</style></head><body>{_nav()}"
                        f"<h1>{esc(title)}</h1>{body}</body></html>\n", status_code=status)
