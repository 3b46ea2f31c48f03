"""The corpus store: isnad/1 records in a database, with the index tables search and stories read.

One job: put finished records into a database once each, keep the denormalised tables that make
search and stories cheap (doc → actor ids, gazetteer ids, event type/status, source kinds, a
per-document sourcing summary), the MinHash signatures and near-duplicate links, and hand records
back.  It never analyses text (the caller does, with ``isnad.load()``) and never reaches back into
a stage.

Why SQLAlchemy (Core, not the ORM): one portable schema and portable SQL for SQLite (the default, a
single file) and PostgreSQL (``postgresql://...``), connection handling and DDL for free, and no
object mapping we do not need.  The only dialect-specific piece is SQLite's FTS5 full-text table
(trigram tokenizer, over text normalised with :func:`isnad.text.normalize.normalize` first, since
FTS5 knows nothing of Arabic hamza/yaa/taa-marbuta variants); other databases search the stored
normalised text with ``LIKE`` (see :mod:`isnad.corpus.search`).

PostgreSQL: ``postgresql://user@host/db`` is run through psycopg 3 when it is installed
(``pip install isnad[postgres]``), else SQLAlchemy's default driver (psycopg2).  Tested against a
PostgreSQL 15 server (tests/test_corpus.py::test_postgres_store with ISNAD_TEST_POSTGRES set).

Idempotency key: the record id and a SHA-256 of the text.  The same document twice is stored once
(``already``); a different text under an id already used is stored under ``<id>~<hash8>``.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import threading
import unicodedata
from collections import Counter
from typing import Any, Iterable, Iterator

import regex
from sqlalchemy import (Column, Float, Integer, LargeBinary, MetaData, String, Table, Text,
                        UniqueConstraint, create_engine, event, func, insert, select, text)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from ..document import text_id
from ..text.normalize import normalize
from . import dedup

DEFAULT_DB = "isnad.db"

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(255), nullable=False, unique=True),
    Column("rec_id", String(255), nullable=False, index=True),
    Column("content_hash", String(64), nullable=False),
    Column("published", String(10), index=True),
    Column("kind", String(16), index=True),
    Column("lang", String(8)),
    Column("outlet", String(255)),
    Column("title", Text),
    Column("url", Text),
    Column("text", Text, nullable=False),
    Column("norm", Text, nullable=False),          # normalised title + text, punctuation removed
    Column("record", Text, nullable=False),        # the isnad/1 record as JSON
    Column("summary", Text, nullable=False),       # JSON: outlets, innermost source kinds, state media
    Column("n_entities", Integer, nullable=False, default=0),
    Column("n_places", Integer, nullable=False, default=0),
    Column("n_claims", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_sources", Integer, nullable=False, default=0),
    Column("ingested_at", String(32), nullable=False),
    UniqueConstraint("rec_id", "content_hash", name="uq_documents_rec_hash"),
)
doc_actors = Table(
    "doc_actors", metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("actor_id", String(255), primary_key=True),
    Column("actor_type", String(64)),
)
doc_places = Table(
    "doc_places", metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("key", String(255), primary_key=True),   # gazetteer id, else "name:<normalised name>"
    Column("gazetteer_id", String(255), index=True),
    Column("name", String(255), index=True),        # place_key() of the canonical name
    Column("surface", String(255), index=True),     # place_key() of the text as written
)
doc_events = Table(
    "doc_events", metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("type", String(64), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("place_gid", String(255), primary_key=True),   # "" when the event has no resolved place
    Column("place_precision", String(16)),                # the place's precision (point, city, ... country)
    Column("day", String(10)),                            # the event's time value if a day, else published
)
doc_sources = Table(
    "doc_sources", metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("kind", String(32), primary_key=True),
    Column("name", String(255), primary_key=True),
    Column("actor_id", String(255)),
    Column("actor_type", String(64)),
)
signatures = Table(
    "signatures", metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("n_full", Integer, nullable=False),
    Column("full", LargeBinary),
    Column("n_lead", Integer, nullable=False),
    Column("lead", LargeBinary),
)
links = Table(
    "links", metadata,
    Column("doc_a", String(255), primary_key=True),  # the document stored first
    Column("doc_b", String(255), primary_key=True),  # the one that linked to it on ingest
    Column("jaccard", Float, nullable=False),
    Column("containment", Float, nullable=False),
    Column("kind", String(16), nullable=False),
)
failures = Table(
    "failures", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("rec_id", String(255)),
    Column("origin", Text),
    Column("kind", String(64)),
    Column("message", Text),
    Column("at", String(32), nullable=False),
)

_PUNCT = regex.compile(r"[\p{P}\p{S}\p{C}]+")


def search_text(s: str) -> str:
    """What the index holds and what queries are turned into: normalised, punctuation removed."""
    return " ".join(_PUNCT.sub(" ", normalize(s or "")).split())


def place_key(s: str) -> str:
    """A place name for matching ``place:``: normalised, Latin diacritics dropped (Al-Ḩasakah →
    hasakah), and a leading article removed (الحسكة → حسكه, al hasakah → hasakah)."""
    t = "".join(ch for ch in unicodedata.normalize("NFKD", search_text(s)) if not unicodedata.combining(ch))
    t = unicodedata.normalize("NFC", t)
    for art in ("al ", "el ", "ال"):
        if t.startswith(art) and len(t) > len(art) + 1:
            return t[len(art):]
    return t


def content_hash(text: str) -> str:
    return hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest()


def db_url(value: str | None) -> str:
    """A SQLAlchemy URL from ``--db``: a URL as given, a plain path as an SQLite file."""
    v = value or DEFAULT_DB
    if "://" in v:
        if v.startswith("postgresql://"):
            try:
                import psycopg  # noqa: F401
                v = "postgresql+psycopg://" + v[len("postgresql://"):]
            except ImportError:
                pass
        return v
    return f"sqlite:///{v}"


def _safe_id(v: Any) -> str:
    """A record id that fits the id columns (255): longer ids keep a prefix and a hash of the whole."""
    s = v if isinstance(v, str) else ("" if v is None else json.dumps(v, ensure_ascii=False))
    if len(s) > 200:
        s = s[:180] + "~" + hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return s


_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")


def _day(v: Any) -> str | None:
    return v if isinstance(v, str) and _DAY.fullmatch(v) else None


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _s(v: Any, limit: int = 255) -> str | None:
    if v is None:
        return None
    s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    return s[:limit]


def summarize(rec: dict) -> dict:
    """Per-document figures stories need, computed once at ingest."""
    meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
    srcs = {s.get("id"): s for s in rec.get("sources") or [] if isinstance(s, dict)}
    outlets = []
    # an article's author is a byline, not a carrier; a post's author is the account that carries it
    keys = ("outlet", "retweeted_by", "channel") if isinstance(meta.get("outlet"), str) else \
        ("author", "retweeted_by", "channel")
    for key in keys:
        v = meta.get(key)
        if isinstance(v, str) and v.strip() and v.strip() not in outlets:
            outlets.append(v.strip())
    carriers = []
    for s in srcs.values():
        if s.get("carrier") and s.get("named") and s.get("name") and s["name"] not in carriers:
            carriers.append(s["name"])
    innermost: Counter = Counter()
    for c in rec.get("claims") or []:
        chain = c.get("chain") or []
        if not chain or not c.get("attribution"):   # no reporting cue: rests on the carriers alone
            innermost["carrier_only"] += 1
        else:
            innermost[(srcs.get(chain[-1]) or {}).get("kind", "unknown")] += 1
    state = []
    for s in srcs.values():
        if s.get("actor_type") == "media_state":
            item = {"name": s.get("name"), "actor": s.get("actor"), "state_media_of": s.get("state_media_of")}
            if item not in state:
                state.append(item)
    return {"outlets": outlets, "carriers": carriers, "innermost": dict(sorted(innermost.items())),
            "state_media": state}


def _index_rows(doc_id: str, rec: dict) -> dict[Table, list[dict]]:
    ents = {e.get("id"): e for e in rec.get("entities") or [] if isinstance(e, dict)}
    places = {p.get("id"): p for p in rec.get("places") or [] if isinstance(p, dict)}
    times = {t.get("id"): t for t in rec.get("times") or [] if isinstance(t, dict)}
    actors: dict[str, dict] = {}
    for e in ents.values():
        a = e.get("actor")
        if isinstance(a, dict) and a.get("id"):
            actors.setdefault(_s(a["id"]), {"doc_id": doc_id, "actor_id": _s(a["id"]),
                                            "actor_type": _s(a.get("type"), 64)})
    for s in rec.get("sources") or []:
        if isinstance(s, dict) and isinstance(s.get("actor"), str) and s["actor"]:
            actors.setdefault(_s(s["actor"]), {"doc_id": doc_id, "actor_id": _s(s["actor"]),
                                           "actor_type": _s(s.get("actor_type"), 64)})
    prow: dict[str, dict] = {}
    for p in places.values():
        if p.get("no_match"):
            continue
        gid, name = p.get("gazetteer_id"), p.get("name")
        key = gid or (f"name:{place_key(name)}" if name else None)
        if not key:
            continue
        prow.setdefault(_s(key), {"doc_id": doc_id, "key": _s(key), "gazetteer_id": _s(gid),
                                  "name": _s(place_key(name)) if name else None,
                                  "surface": _s(place_key(p.get("text") or ""))})
    erow: dict[tuple, dict] = {}
    for ev in rec.get("events") or []:
        if not isinstance(ev, dict) or not ev.get("type"):
            continue
        place = places.get(ev.get("place")) or {}
        gid = place.get("gazetteer_id") or ""
        tv = (times.get(ev.get("time")) or {}).get("value")
        day = _day(tv) or _day(rec.get("published"))
        k = (str(ev["type"]).upper(), str(ev.get("status") or ""), gid)
        erow.setdefault(k, {"doc_id": doc_id, "type": _s(k[0], 64), "status": _s(k[1], 16), "place_gid": _s(gid),
                            "place_precision": _s(place.get("precision"), 16), "day": _s(day, 10)})
    srow: dict[tuple, dict] = {}
    for s in rec.get("sources") or []:
        if not isinstance(s, dict):
            continue
        k = (str(s.get("kind") or "unknown"), _s(s.get("name") or "") or "")
        srow.setdefault(k, {"doc_id": doc_id, "kind": _s(k[0], 32), "name": k[1],
                            "actor_id": _s(s.get("actor")) if isinstance(s.get("actor"), str) else None,
                            "actor_type": _s(s.get("actor_type"), 64)})
    return {doc_actors: list(actors.values()), doc_places: list(prow.values()),
            doc_events: list(erow.values()), doc_sources: list(srow.values())}


class Store:
    """A corpus database.  ``Store("sqlite:///x.db")`` or ``Store("postgresql://...")``."""

    def __init__(self, url: str | None = None, *, echo: bool = False) -> None:
        self.url = db_url(url)
        kw: dict[str, Any] = {"echo": echo, "future": True}
        if self.url.startswith("sqlite"):
            kw["connect_args"] = {"check_same_thread": False}
        self.engine: Engine = create_engine(self.url, **kw)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            @event.listens_for(self.engine, "connect")
            def _pragmas(dbapi_conn, _rec):  # pragma: no cover - trivial
                from .search import word_match
                dbapi_conn.create_function("isnad_word", 2, word_match, deterministic=True)
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.close()
        metadata.create_all(self.engine)
        self.fts = False
        self.word_function = self.is_sqlite    # isnad_word() registered on each SQLite connection
        if self.is_sqlite:
            try:
                with self.engine.begin() as c:
                    c.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING "
                                      "fts5(doc_id UNINDEXED, body, tokenize='trigram')")
                self.fts = True
            except Exception:  # an SQLite without FTS5: search falls back to LIKE
                self.fts = False
        self._index: dedup.DedupIndex | None = None
        self._seen = 0          # the highest documents.seq the index holds
        self._lock = threading.RLock()

    def close(self) -> None:
        self.engine.dispose()

    # -- near-duplicate index ------------------------------------------------------------------
    def dedup_index(self, c=None) -> dedup.DedupIndex:
        """The LSH index, rebuilt from the stored signatures the first time it is needed, and
        topped up with documents other processes (another ``isnad ingest``, the web server) have
        stored since: every call reads the signatures of documents with a higher ``seq``."""
        with self._lock:
            if self._index is None:
                self._index, self._seen = dedup.DedupIndex(), 0
            if c is None:
                with self.engine.connect() as conn:
                    self._top_up(conn)
            else:
                self._top_up(c)
            return self._index

    def _top_up(self, c) -> None:
        rows = c.execute(select(documents.c.seq, signatures.c.doc_id, signatures.c.n_full, signatures.c.full,
                                signatures.c.n_lead, signatures.c.lead)
                         .select_from(signatures.join(documents, documents.c.doc_id == signatures.c.doc_id))
                         .where(documents.c.seq > self._seen).order_by(documents.c.seq))
        for seq, doc_id, n_full, full, n_lead, lead in rows:
            self._index.insert(doc_id, dedup.Signature(dedup.unpack(full), n_full, dedup.unpack(lead), n_lead))
            self._seen = max(self._seen, seq)

    # -- writing -------------------------------------------------------------------------------
    def has(self, rec_id: str, text: str) -> str | None:
        """The stored doc id of this (id, text), or None."""
        with self.engine.connect() as c:
            return c.execute(select(documents.c.doc_id).where(documents.c.rec_id == rec_id,
                                                              documents.c.content_hash == content_hash(text))
                             ).scalar()

    def add_failure(self, rec: dict) -> None:
        err = rec.get("error") or {}
        with self.engine.begin() as c:
            c.execute(insert(failures).values(rec_id=_s(rec.get("id")), origin=str(err.get("origin") or ""),
                                              kind=_s(err.get("kind"), 64), message=str(err.get("message") or ""),
                                              at=_now()))

    @staticmethod
    def _valid(rec: Any) -> bool:
        return isinstance(rec, dict) and "error" not in rec and isinstance(rec.get("text"), str)

    def _fail(self, rec: Any) -> tuple[str, str]:
        if isinstance(rec, dict) and "error" not in rec:
            rec = {"id": rec.get("id"), "error": {"kind": "record", "message": "not an isnad/1 record"}}
        self.add_failure(rec if isinstance(rec, dict) else {"error": {"kind": "record", "message": repr(rec)[:200]}})
        return "failed", str(rec.get("id") if isinstance(rec, dict) else "")

    def _insert(self, c, idx: dedup.DedupIndex, rec: dict) -> tuple[str, str]:
        """Write one valid record inside the open transaction ``c``; the caller owns the commit.
        A new document goes into the LSH index at once (so the next one in a batch can link to it)."""
        text_ = rec["text"]
        rec_id = _safe_id(rec.get("id")) or text_id(text_)
        h = content_hash(text_)
        existing = c.execute(select(documents.c.doc_id).where(documents.c.rec_id == rec_id,
                                                              documents.c.content_hash == h)).scalar()
        if existing:
            return "already", existing
        doc_id = rec_id
        if c.execute(select(documents.c.seq).where(documents.c.doc_id == doc_id)).scalar() is not None:
            doc_id = f"{rec_id}~{h[:8]}"
        meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
        title = meta.get("title") if isinstance(meta.get("title"), str) else None
        url = meta.get("url") if isinstance(meta.get("url"), str) else None
        outlet = next((meta[k] for k in ("outlet", "author", "channel") if isinstance(meta.get(k), str)), None)
        norm = search_text(((title + "\n") if title else "") + text_)
        c.execute(insert(documents), dict(
            doc_id=doc_id, rec_id=rec_id, content_hash=h, published=_day(rec.get("published")),
            kind=_s(rec.get("kind"), 16), lang=_s(rec.get("lang"), 8), outlet=_s(outlet),
            title=title, url=url, text=text_, norm=norm,
            record=json.dumps(rec, ensure_ascii=False),
            summary=json.dumps(summarize(rec), ensure_ascii=False),
            n_entities=len(rec.get("entities") or []), n_places=len(rec.get("places") or []),
            n_claims=len(rec.get("claims") or []), n_events=len(rec.get("events") or []),
            n_sources=len(rec.get("sources") or []), ingested_at=_now()))
        for table, rows in _index_rows(doc_id, rec).items():
            if rows:
                c.execute(insert(table), rows)
        if self.fts:
            c.exec_driver_sql("INSERT INTO doc_fts(doc_id, body) VALUES (?, ?)", (doc_id, norm))
        sig = dedup.signature(text_)
        c.execute(insert(signatures), dict(doc_id=doc_id, n_full=sig.n_full, full=dedup.pack(sig.full),
                                           n_lead=sig.n_lead, lead=dedup.pack(sig.lead)))
        found = idx.links(doc_id, sig)
        if found:
            c.execute(insert(links), [{"doc_a": ln.other, "doc_b": doc_id, "jaccard": ln.jaccard,
                                       "containment": ln.containment, "kind": ln.kind} for ln in found])
        idx.insert(doc_id, sig)
        return "new", doc_id

    def add(self, rec: dict) -> tuple[str, str]:
        """Store one record in its own transaction: ``("new"|"already", doc_id)``; an error record
        (or anything that is not an isnad/1 record) is logged in ``failures``: ``("failed", id)``."""
        if not self._valid(rec):
            return self._fail(rec)
        with self._lock:
            try:
                with self.engine.begin() as c:
                    return self._insert(c, self.dedup_index(c), rec)
            except IntegrityError:      # another process stored the same document meanwhile
                self._index = None
                existing = self.has(str(rec.get("id") or "") or text_id(rec["text"]), rec["text"])
                if existing:
                    return "already", existing
                raise
            except Exception:
                self._index = None      # the index may hold a document the rollback removed: rebuild
                raise

    def add_many(self, records: Iterable[dict], *, batch: int = 200) -> Counter:
        """Store records, ``batch`` to a transaction (much faster than one commit each); if a batch
        fails, its records are retried one by one so that only the bad one is lost (and raised)."""
        counts: Counter = Counter()
        buf: list[dict] = []

        def flush() -> None:
            if not buf:
                return
            with self._lock:
                try:
                    with self.engine.begin() as c:
                        idx = self.dedup_index(c)
                        got = [self._insert(c, idx, r)[0] for r in buf]
                    counts.update(got)
                except Exception:
                    self._index = None
                    for r in buf:
                        try:
                            counts[self.add(r)[0]] += 1
                        except Exception as e:   # this one record: logged, the batch goes on
                            counts[self._fail({"id": _safe_id(r.get("id")), "error": {
                                "kind": "store", "message": f"{type(e).__name__}: {str(e)[:300]}"}})[0]] += 1
            buf.clear()

        for rec in records:
            if not self._valid(rec):
                counts[self._fail(rec)[0]] += 1
                continue
            buf.append(rec)
            if len(buf) >= batch:
                flush()
        flush()
        return counts

    # -- reading -------------------------------------------------------------------------------
    def get(self, doc_id: str) -> dict | None:
        with self.engine.connect() as c:
            raw = c.execute(select(documents.c.record).where(documents.c.doc_id == doc_id)).scalar()
        return json.loads(raw) if raw else None

    def records(self, doc_ids: Iterable[str] | None = None) -> Iterator[dict]:
        """Stored records in ingest order (all, or the given ids in that order)."""
        if doc_ids is not None:
            for d in doc_ids:
                r = self.get(d)
                if r is not None:
                    yield r
            return
        with self.engine.connect() as c:
            for (raw,) in c.execute(select(documents.c.record).order_by(documents.c.seq)):
                yield json.loads(raw)

    def links(self) -> list[dict]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(links).order_by(links.c.doc_a, links.c.doc_b))]

    def counts(self) -> dict:
        with self.engine.connect() as c:
            return {"documents": c.execute(select(func.count()).select_from(documents)).scalar() or 0,
                    "links": c.execute(select(func.count()).select_from(links)).scalar() or 0,
                    "failures": c.execute(select(func.count()).select_from(failures)).scalar() or 0}

    def execute(self, stmt, params: dict | None = None):
        with self.engine.connect() as c:
            return c.execute(text(stmt) if isinstance(stmt, str) else stmt, params or {}).fetchall()
