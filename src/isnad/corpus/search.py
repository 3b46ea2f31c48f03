"""Search the store: free text over normalised text plus field filters, one query syntax everywhere.

One job: turn a query string (``isnad search``, ``export --query``, ``GET /api/documents?q=``)
into SQL over the store's tables and return ranked hits with a snippet.

Syntax: words and "quoted phrases" (all must occur), and filters ``actor:<registry id>``,
``place:<gazetteer id or name>``, ``type:<PLOVER type>``, ``status:<asserted|reported|alleged|
denied>``, ``source:<source kind>``, ``kind:<article|post|retweet|forward|unknown>``,
``from:YYYY-MM-DD``, ``to:YYYY-MM-DD``.  Repeating a field ORs its values; different fields AND.
``type:`` and ``status:`` given together must hold for the same event.

Text matching: query and documents go through the same :func:`isnad.corpus.store.search_text`
(isnad's :func:`~isnad.text.normalize.normalize`, punctuation removed), so الحسكة finds الحسكه and
أمريكا finds امريكا.  Candidates come from SQLite's FTS5 trigram index (substrings, ranked by
BM25); terms under three characters and other databases use ``LIKE`` on the stored normalised
text.  Substrings over-match (واس would find واسعة, المواسم), so every term must also occur as a
whole word with its clitics (:func:`word_pattern`: و/ف, ب/ك/ل, the article, pronoun and plural
endings; الحسكة finds بالحسكة and للحسكة): the SQL function ``isnad_word`` on SQLite, a regular
expression (``~``) elsewhere.  Why no search engine library (tantivy, Whoosh): the corpus lives
in one database and must work on PostgreSQL too; FTS5 is built into SQLite, and trigrams plus the
clitic pattern sidestep Arabic tokenisation.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

import regex
from sqlalchemy import Float, String, and_, exists, func, or_, select, text

from ..text.normalize import NormalizedText, normalize
from .store import Store, doc_actors, doc_events, doc_places, doc_sources, documents, place_key, search_text

FIELDS = ("actor", "place", "type", "status", "source", "kind", "from", "to")
STATUSES = ("asserted", "reported", "alleged", "denied")
_TOKEN = regex.compile(r'(?P<f>[A-Za-z]+):"(?P<fq>[^"]*)"|(?P<g>[A-Za-z]+):(?P<gv>\S+)|"(?P<q>[^"]*)"|(?P<w>\S+)')


# Clitics around a search term: conjunction و/ف, preposition ب/ك/ل, the article (ال, or لل after ل),
# and pronoun / plural / dual / nisba endings.  The term's own article is optional in the text.
_PREFIX = "(?:و|ف)?(?:(?:ب|ك)?ال|لل|ل|ب|ك)?"
_SUFFIX = "(?:ه|ها|هم|هما|هن|ك|كم|كما|كن|ي|ني|نا|ا|ان|ين|ون|وا|ات|يه|يا|يات|يين|يون)?"


def word_pattern(term: str, *, python: bool = False) -> str:
    """A regular expression for a normalised term (or phrase) as whole words with their clitics:
    الحسكه matches الحسكه, بالحسكه, وحسكه, للحسكه; واس does not match واسع.  Written for both Python's
    ``re`` (SQLite's REGEXP in SQLAlchemy) and PostgreSQL's ``~`` over the stored text, in which words
    are separated by single spaces; ``python=True`` gives lookarounds for unsegmented text."""
    stem = term[2:] if term.startswith("ال") and len(term) > 3 else term
    body = _PREFIX + _escape(stem) + _SUFFIX
    if python:
        return r"(?<!\w)" + body + r"(?!\w)"
    return "(^| )" + body + "( |$)"


_PREFIX_RE = regex.compile(_PREFIX)
_SUFFIX_RE = regex.compile(_SUFFIX)


def word_match(norm: str | None, term: str | None) -> int:
    """1 when ``term`` occurs in the space-separated normalised ``norm`` as whole words with clitics
    (what :func:`word_pattern` matches), found with ``str.find`` and checked at each hit: the SQL
    function ``isnad_word`` on SQLite, many times faster than a regular expression scanning the text."""
    if not norm or not term:
        return 0
    stem = term[2:] if term.startswith("ال") and len(term) > 3 else term
    n = len(stem)
    i = norm.find(stem)
    while i >= 0:
        ws = norm.rfind(" ", 0, i) + 1
        we = norm.find(" ", i + n)
        we = len(norm) if we < 0 else we
        if _PREFIX_RE.fullmatch(norm, ws, i) and _SUFFIX_RE.fullmatch(norm, i + n, we):
            return 1
        i = norm.find(stem, i + 1)
    return 0


def _escape(s: str) -> str:
    return "".join("\\" + ch if ch in ".^$*+?{}[]\\|()" else ch for ch in s)


class QueryError(ValueError):
    """A query that cannot be run (a bad date, an unknown status)."""


@dataclass
class Query:
    terms: list[str] = field(default_factory=list)          # normalised text terms / phrases
    filters: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.terms or self.filters)


def parse_query(q: str | None) -> Query:
    out = Query()
    for m in _TOKEN.finditer(q or ""):
        key = (m.group("f") or m.group("g") or "").lower()
        val = m.group("fq") if m.group("f") else m.group("gv")
        if key in FIELDS and val:
            if key in ("from", "to"):
                try:
                    val = _dt.date.fromisoformat(val).isoformat()
                except ValueError:
                    raise QueryError(f"{key}: wants a date YYYY-MM-DD, not {val!r}") from None
            elif key == "status":
                val = val.lower()
                if val not in STATUSES:
                    raise QueryError(f"status: wants one of {', '.join(STATUSES)}, not {val!r}")
            elif key == "type":
                val = val.upper()
            elif key in ("actor", "source", "kind"):
                val = val.lower()
            out.filters.setdefault(key, []).append(val)
            continue
        raw = m.group("q") if m.group("q") is not None else m.group(0)
        t = search_text(raw)
        if t:
            out.terms.append(t)
    return out


def _where(store: Store, q: Query):
    conds = []
    f = q.filters
    if "actor" in f:
        conds.append(exists().where(doc_actors.c.doc_id == documents.c.doc_id, doc_actors.c.actor_id.in_(f["actor"])))
    if "place" in f:
        names = [place_key(v) for v in f["place"]]
        conds.append(exists().where(doc_places.c.doc_id == documents.c.doc_id,
                                    or_(doc_places.c.gazetteer_id.in_(f["place"]), doc_places.c.name.in_(names),
                                        doc_places.c.surface.in_(names))))
    if "type" in f or "status" in f:
        ev = [doc_events.c.doc_id == documents.c.doc_id]
        if "type" in f:
            ev.append(doc_events.c.type.in_(f["type"]))
        if "status" in f:
            ev.append(doc_events.c.status.in_(f["status"]))
        conds.append(exists().where(*ev))
    if "source" in f:
        conds.append(exists().where(doc_sources.c.doc_id == documents.c.doc_id, doc_sources.c.kind.in_(f["source"])))
    if "kind" in f:
        conds.append(documents.c.kind.in_(f["kind"]))
    if "from" in f:
        conds.append(documents.c.published >= max(f["from"]))
    if "to" in f:
        conds.append(documents.c.published <= min(f["to"]))
    fts_terms = [t for t in q.terms if len(t) >= 3] if store.fts else []
    for t in q.terms:
        if t not in fts_terms:
            conds.append(documents.c.norm.contains(t, autoescape=True))
        # candidates come from FTS/LIKE (substrings); this keeps whole words with their clitics
        if getattr(store, "word_function", False):
            conds.append(func.isnad_word(documents.c.norm, t) == 1)
        else:
            conds.append(documents.c.norm.regexp_match(word_pattern(t)))
    return conds, fts_terms


def _statement(store: Store, q: Query):
    conds, fts_terms = _where(store, q)
    score = None
    stmt = select(documents.c.doc_id)
    if fts_terms:
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in fts_terms)
        fts = (text("SELECT doc_id, bm25(doc_fts) AS score FROM doc_fts WHERE doc_fts MATCH :m")
               .bindparams(m=match).columns(doc_id=String, score=Float).subquery("fts"))
        stmt = stmt.join_from(documents, fts, fts.c.doc_id == documents.c.doc_id)
        score = fts.c.score
    if conds:
        stmt = stmt.where(and_(*conds))
    return stmt, score


def matching_ids(store: Store, query: str | Query | None) -> list[str]:
    """Ids of all matching documents in ingest order (for export and stories)."""
    q = query if isinstance(query, Query) else parse_query(query)
    stmt, _ = _statement(store, q)
    with store.engine.connect() as c:
        return [r[0] for r in c.execute(stmt.order_by(documents.c.seq))]


def _find(text_: str, term: str, pat) -> tuple[int, int] | None:
    """Original offsets of the first whole-word occurrence of a normalised term.  The match is
    found in ``normalize(text)`` (fast, in C); only when characters were deleted (diacritics,
    tatweel) is its original offset looked up, by bisection on the normalised prefix length, and
    the offset-mapped view (NormalizedText, per character in Python) built for a short window."""
    norm = normalize(text_)
    m = pat.search(norm)
    if m is None:
        return None
    if len(norm) == len(text_):         # substitutions only: offsets coincide
        return m.start(), m.end()
    lo, hi = m.start(), len(text_)
    while lo < hi:                      # smallest k with len(normalize(text[:k])) > m.start()
        mid = (lo + hi) // 2
        if len(normalize(text_[:mid])) <= m.start():
            lo = mid + 1
        else:
            hi = mid
    k = max(0, lo - 1)
    for width in (4 * (m.end() - m.start()) + 64, len(text_)):
        nt = NormalizedText(text_[k:k + width])
        m2 = pat.search(nt.text)
        if m2 is not None:
            s, e = nt.orig_span(m2.start(), m2.end())
            return k + s, k + e
    return None


def snippet(text_: str, terms: list[str], width: int = 90) -> tuple[str, list[int] | None]:
    """A window of the original text around the first term found, and the match's offsets in it."""
    for t in terms:
        found = _find(text_, t, regex.compile(word_pattern(t, python=True)))
        if found is None:
            continue
        s, e = found
        a, b = max(0, s - width), min(len(text_), e + width)
        pre = "…" if a > 0 else ""
        post = "…" if b < len(text_) else ""
        snip = pre + text_[a:b] + post
        return " ".join(snip.split("\n")), [len(pre) + s - a, len(pre) + e - a]
    snip = text_[:2 * width]
    return " ".join(snip.split("\n")) + ("…" if len(text_) > 2 * width else ""), None


def search(store: Store, query: str | Query | None, *, limit: int = 20, offset: int = 0) -> dict:
    """``{"query", "total", "results": [{id, published, kind, outlet, title, snippet, match, counts, score}]}``."""
    q = query if isinstance(query, Query) else parse_query(query)
    stmt, score = _statement(store, q)
    total_stmt = select(func.count()).select_from(stmt.subquery())
    cols = [documents.c.doc_id, documents.c.published, documents.c.kind, documents.c.outlet, documents.c.title,
            documents.c.text, documents.c.n_entities, documents.c.n_places, documents.c.n_claims,
            documents.c.n_events, documents.c.n_sources]
    # the total comes with the page (a window count): the text conditions run once, not twice
    page = stmt.with_only_columns(*cols, *([score] if score is not None else []),
                                  func.count().over().label("total_hits"))
    if score is not None:
        page = page.order_by(score, documents.c.seq)
    else:
        page = page.order_by(documents.c.published.desc().nulls_last(), documents.c.seq.desc())
    page = page.limit(max(0, int(limit))).offset(max(0, int(offset)))
    with store.engine.connect() as c:
        rows = c.execute(page).fetchall()
        if rows:
            total = rows[0]._mapping["total_hits"]
        else:                       # past the end (or nothing): count on its own
            total = c.execute(total_stmt).scalar() or 0
    results = []
    for r in rows:
        m = r._mapping
        snip, span = snippet(m["text"], q.terms)
        results.append({"id": m["doc_id"], "published": m["published"], "kind": m["kind"], "outlet": m["outlet"],
                        "title": m["title"], "snippet": snip, "match": span,
                        "counts": {"entities": m["n_entities"], "places": m["n_places"], "claims": m["n_claims"],
                                   "events": m["n_events"], "sources": m["n_sources"]},
                        "score": round(-float(m["score"]), 4) if score is not None else None})
    return {"query": {"terms": q.terms, "filters": q.filters}, "total": total, "offset": offset,
            "limit": limit, "results": results}
