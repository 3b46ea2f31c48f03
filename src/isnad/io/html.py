"""HTML writer: records → one self-contained page.

The page has no external resource (no script, no stylesheet or font link, no
URL in any ``src`` or ``href``: only ``#doc-N`` anchors), so it opens offline
and can be mailed as it is.  Every value from a record is escaped, so a hostile
text or metadata field cannot inject markup.  The markup is also well-formed
XML (every element closed, only XML entities), which the tests check.

The text of each document is shown with its annotations highlighted *by
offsets*, generically: whatever spans a record carries — entities (by label),
places, times, source mentions, attribution cues, contents and hedges, claims,
event triggers, narrative evidence and document-level carriers — are cut into
segments at every span boundary, and each segment gets the classes of all
spans covering it.  Overlapping and nested spans therefore need no special
case, and lists filled by later stages show up without changes here.  Below
the text, one table per list.  Arabic documents are set ``dir="rtl"``.
"""
from __future__ import annotations

import html as _html
import json
import re
from typing import IO, Any, Callable, Iterable

_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def esc(value: Any) -> str:
    """Escape any value for HTML text or a double-quoted attribute; characters
    XML forbids become U+FFFD (one for one)."""
    s = value if isinstance(value, str) else str(value)
    return _html.escape(_BAD_XML.sub("\ufffd", s), quote=True)


def _fmt(v: Any, limit: int = 300) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, (list, tuple)):
        s = ", ".join(_fmt(x, limit) for x in v) if all(not isinstance(x, (dict, list)) for x in v) \
            else json.dumps(v, ensure_ascii=False)
    elif isinstance(v, dict):
        s = json.dumps(v, ensure_ascii=False)
    else:
        s = str(v)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _excerpt(rec: dict, s: Any, e: Any, limit: int = 160) -> str:
    try:
        t = rec["text"][int(s):int(e)]
    except (TypeError, ValueError, KeyError):
        return "—"
    t = t.replace("\n", " ")
    return t if len(t) <= limit else t[: limit - 1] + "…"


# ------------------------------------------------------------------ spans

def _spans(rec: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, css classes, tooltip) of every span in the record."""
    out: list[tuple[Any, Any, str, str]] = []
    add = out.append
    for e in rec.get("entities") or []:
        actor = e.get("actor") or {}
        tip = f"{e.get('id')} entity {e.get('label')}" + (f" {e['type']}" if e.get("type") else "") + (
            f" ⇒ {actor.get('name')}" if actor.get("name") else "")
        add((e.get("start"), e.get("end"), f"ent ent-{_cls(e.get('label'))}", tip))
    for p in rec.get("places") or []:
        tip = f"{p.get('id')} place ⇒ " + ("no match" + (f" ({p.get('reason')})" if p.get("reason") else "")
                                            if p.get("no_match") else
                                            f"{p.get('name')} {p.get('country') or ''} {p.get('precision') or ''}")
        add((p.get("start"), p.get("end"), "place" + (" nomatch" if p.get("no_match") else ""), tip))
    for t in rec.get("times") or []:
        add((t.get("start"), t.get("end"), "time", f"{t.get('id')} time ⇒ {t.get('value') or t.get('reason') or '?'}"))
    for s in rec.get("sources") or []:
        for m in s.get("mentions") or []:
            add((m.get("start"), m.get("end"), "src", f"{s.get('id')} source ({s.get('kind')}): {s.get('name')}"))
    for a in rec.get("attributions") or []:
        cue, content = a.get("cue") or {}, a.get("content") or {}
        chain = " → ".join(str(c) for c in a.get("chain") or [])
        add((cue.get("start"), cue.get("end"), "cue", f"{a.get('id')} cue ← {a.get('source')}  chain: {chain}"))
        add((content.get("start"), content.get("end"), "content", f"{a.get('id')} attributed content"))
        for h in a.get("hedges") or []:
            add((h.get("start"), h.get("end"), "hedge", f"{a.get('id')} hedge"))
    for c in rec.get("claims") or []:
        cw = c.get("checkworthiness")
        add((c.get("start"), c.get("end"), "claim",
             f"{c.get('id')} claim" + (f" checkworthiness {cw:.2f}" if isinstance(cw, (int, float)) else "")))
    for ev in rec.get("events") or []:
        tr = ev.get("trigger") or {}
        add((tr.get("start"), tr.get("end"), "trigger", f"{ev.get('id')} event {ev.get('type')} ({ev.get('status')})"))
    for n in rec.get("narratives") or []:
        for m in n.get("evidence") or []:
            add((m.get("start"), m.get("end"), "narr", f"{n.get('id')} narrative {n.get('label')}"))
    for c in (rec.get("meta") or {}).get("carriers") or []:
        if isinstance(c, dict):
            s, e = c.get("name_start", c.get("start")), c.get("name_end", c.get("end"))
            add((s, e, "carrier", f"carrier {c.get('role')}: {c.get('name')}"))
    n = len(rec.get("text") or "")
    good = []
    for s, e, cls, tip in out:
        if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) and 0 <= s < e <= n:
            good.append((s, e, cls, tip))
    return good


def _cls(label: Any) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "", str(label or "x")) or "x"


def highlight(rec: dict) -> str:
    """The record's text as HTML, every annotated segment in a <span> with the
    classes of the spans covering it."""
    text = rec.get("text") or ""
    spans = _spans(rec)
    if not spans:
        return esc(text)
    bounds = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (s, e, _, _) in enumerate(spans):
        starts.setdefault(s, []).append(i)
        ends.setdefault(e, []).append(i)
    active: dict[int, None] = {}
    parts: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        for i in ends.get(a, ()):
            active.pop(i, None)
        for i in starts.get(a, ()):
            active[i] = None
        seg = esc(text[a:b])
        if not active:
            parts.append(seg)
            continue
        classes = sorted({c for i in active for c in spans[i][2].split()})
        tips = [spans[i][3] for i in active]
        tip = "\n".join(tips[:6]) + (f"\n… {len(tips) - 6} more" if len(tips) > 6 else "")
        parts.append(f'<span class="{esc(" ".join(classes))}" title="{esc(tip)}">{seg}</span>')
    return "".join(parts)


# ------------------------------------------------------------------ tables

Col = tuple[str, Callable[[dict, dict], Any]]


def _g(key: str) -> Callable[[dict, dict], Any]:
    return lambda x, rec: x.get(key)


TABLES: dict[str, list[Col]] = {
    "entities": [("id", _g("id")), ("text", _g("text")), ("label", _g("label")), ("type", _g("type")),
                 ("actor", lambda x, r: (f"{x['actor'].get('name')} [{x['actor'].get('type')}]"
                                         + (f" {x['actor']['wikidata']}" if x['actor'].get('wikidata') else ""))
                  if isinstance(x.get("actor"), dict) else None)],
    "places": [("id", _g("id")), ("text", _g("text")), ("name", _g("name")), ("country", _g("country")),
               ("admin1", _g("admin1")), ("feature", _g("feature")), ("precision", _g("precision")),
               ("lat, lon", lambda x, r: f"{x['lat']:.4f}, {x['lon']:.4f}"
                if isinstance(x.get("lat"), (int, float)) and isinstance(x.get("lon"), (int, float)) else None),
               ("gazetteer", _g("gazetteer_id")), ("reason", _g("reason"))],
    "times": [("id", _g("id")), ("text", _g("text")), ("value", _g("value")), ("precision", _g("precision")),
              ("reason", _g("reason"))],
    "sources": [("id", _g("id")), ("name", _g("name")), ("kind", _g("kind")),
                ("mentions", lambda x, r: len(x.get("mentions") or [])), ("actor", _g("actor"))],
    "attributions": [("id", _g("id")), ("cue", lambda x, r: (x.get("cue") or {}).get("text")),
                     ("source", _g("source")), ("chain", lambda x, r: " → ".join(map(str, x.get("chain") or []))),
                     ("content", lambda x, r: _excerpt(r, (x.get("content") or {}).get("start"),
                                                       (x.get("content") or {}).get("end"))),
                     ("hedges", lambda x, r: ", ".join(str(h.get("text") or _excerpt(r, h.get("start"), h.get("end")))
                                                       for h in x.get("hedges") or []) or None)],
    "claims": [("id", _g("id")), ("claim", lambda x, r: x.get("text") or _excerpt(r, x.get("start"), x.get("end"))),
               ("attribution", _g("attribution")), ("chain", lambda x, r: " → ".join(map(str, x.get("chain") or []))),
               ("checkworthiness", _g("checkworthiness"))],
    "events": [("id", _g("id")), ("type", _g("type")), ("mode", _g("mode")),
               ("trigger", lambda x, r: (x.get("trigger") or {}).get("text")), ("status", _g("status")),
               ("actor", _g("actor")), ("target", _g("target")), ("place", _g("place")), ("time", _g("time")),
               ("size", lambda x, r: {k: v for k, v in (x.get("size") or {}).items() if v is not None} or None),
               ("claim", _g("claim")),
               ("acled", lambda x, r: " / ".join(str(v) for v in (x.get("acled") or {}).values() if v) or None)],
    "narratives": [("id", _g("id")), ("label", _g("label")), ("score", _g("score")),
                   ("evidence", lambda x, r: len(x.get("evidence") or []))],
}
_TEXTUAL = {"text", "name", "cue", "content", "claim", "trigger", "hedges", "reason", "actor", "chain"}


def _table(name: str, items: list, rec: dict) -> str:
    cols = TABLES[name]
    head = "".join(f"<th>{esc(c)}</th>" for c, _ in cols)
    rows = []
    for x in items:
        if not isinstance(x, dict):
            continue
        cells = []
        for c, f in cols:
            try:
                v = f(x, rec)
            except Exception:  # a malformed item must not break the page
                v = None
            attr = ' dir="auto"' if c in _TEXTUAL else ""
            cells.append(f"<td{attr}>{esc(_fmt(v))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table class="list"><thead><tr>{head}</tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")


# ------------------------------------------------------------------ page

CSS = """
body{font-family:"Noto Naskh Arabic","Amiri","Arial",sans-serif;margin:1.5em;line-height:1.6;color:#222;background:#fafafa}
h1{font-size:1.4em}h2{font-size:1.15em;margin:.2em 0}h3{font-size:1em;margin:1em 0 .3em}
article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1em 1.2em;margin:1.2em 0}
article.error{border-color:#c62828;background:#fff5f5}
.summary,.legend,nav.toc{font-size:.9em}
.meta{font-size:.85em;color:#444;display:grid;grid-template-columns:max-content 1fr;gap:.1em .8em}
.meta dt{font-weight:bold}.meta dd{margin:0;unicode-bidi:plaintext;overflow-wrap:anywhere}
.text{white-space:pre-wrap;font-size:1.1em;line-height:2;border-top:1px solid #eee;padding-top:.6em;unicode-bidi:plaintext}
table.list{border-collapse:collapse;font-size:.85em;margin:.3em 0 .8em}
table.list th,table.list td{border:1px solid #ddd;padding:.15em .45em;vertical-align:top;text-align:start}
table.list th{background:#f0f0f0}
.none{color:#888;font-size:.85em}
.ent{border-radius:3px;padding:0 1px}
.ent-PERS{background:#ffe0b2}.ent-LOC{background:#c8e6c9}.ent-ORG{background:#bbdefb}.ent-MISC{background:#e1bee7}
.place{text-decoration:underline 2px #1b5e20}.place.nomatch{text-decoration:underline 2px dashed #9e9e9e}
.time{border-bottom:2px dotted #6a1b9a}
.src{color:#0d47a1;font-weight:600}
.cue{color:#b71c1c;font-weight:bold}
.content{box-shadow:inset 0 -0.45em #fff59d}
.hedge{color:#e65100;font-style:italic}
.claim{border-top:2px solid #00838f}
.trigger{outline:1px solid #d32f2f}
.narr{text-decoration:overline #5d4037}
.carrier{outline:1px dashed #555}
.legend span{margin-inline-end:.8em;padding:0 .2em}
"""

LEGEND = [("ent ent-PERS", "person"), ("ent ent-LOC", "location"), ("ent ent-ORG", "organisation"),
          ("ent ent-MISC", "other entity"), ("place", "place (resolved)"), ("place nomatch", "place (no match)"),
          ("time", "time"), ("src", "source mention"), ("cue", "attribution cue"),
          ("content", "attributed content"), ("hedge", "hedge"), ("claim", "claim"),
          ("trigger", "event trigger"), ("carrier", "carrier (retweet, forward, dateline, source line)"),
          ("narr", "narrative evidence")]

_META_SKIP = {"carriers"}


def _meta(rec: dict) -> str:
    meta = rec.get("meta") or {}
    rows = [("id", rec.get("id")), ("kind", rec.get("kind")), ("lang", rec.get("lang")),
            ("published", rec.get("published"))]
    carriers = meta.get("carriers") or []
    if carriers:
        rows.append(("carriers", " → ".join(f"{c.get('role')}: {c.get('name') or '?'}"
                                           for c in carriers if isinstance(c, dict))))
    for k, v in meta.items():
        if k not in _META_SKIP:
            rows.append((k, v))
    return '<dl class="meta">' + "".join(
        f"<dt>{esc(k)}</dt><dd>{esc(_fmt(v, 600))}</dd>" for k, v in rows) + "</dl>"


def _dir(lang: Any) -> str:
    return "rtl" if lang in ("ar", "fa", "ur", "he", "ps", "ckb") else ("ltr" if lang and lang != "und" else "auto")


def render_record(rec: dict, n: int) -> str:
    if "error" in rec:
        err = rec.get("error") or {}
        origin, msg = str(err.get("origin") or rec.get("id")), str(err.get("message"))
        if msg.startswith(origin):
            msg = msg[len(origin):].lstrip(": ")
        return (f'<article class="error" id="doc-{n}"><h2 dir="auto">✗ {esc(origin)}</h2>'
                f'<p><b>{esc(err.get("kind"))}</b>: <span dir="auto">{esc(msg)}</span></p></article>')
    d = _dir(rec.get("lang"))
    lang = rec.get("lang") if rec.get("lang") not in (None, "und") else None
    lang_attr = f' lang="{esc(lang)}"' if lang else ""
    title = (rec.get("meta") or {}).get("title") or (rec.get("meta") or {}).get("input") or rec.get("id")
    parts = [f'<article id="doc-{n}" dir="{d}"{lang_attr}>',
             f'<h2 dir="auto">{esc(_fmt(title, 200))}</h2>', _meta(rec),
             f'<div class="text" dir="{d}">{highlight(rec)}</div>']
    for name in TABLES:
        items = rec.get(name)
        if not isinstance(items, list):
            continue
        parts.append(f"<h3>{esc(name)} ({len(items)})</h3>")
        parts.append(_table(name, items, rec) if items else '<p class="none">none</p>')
    parts.append("</article>")
    return "".join(parts)


def render_page(records: Iterable[dict], title: str = "isnad") -> str:
    recs = list(records)
    errors = sum(1 for r in recs if "error" in r)
    langs = [r.get("lang") for r in recs if "error" not in r]
    page_dir = "rtl" if langs and sum(1 for x in langs if _dir(x) == "rtl") * 2 >= len(langs) else "ltr"
    try:
        from .. import __version__
    except Exception:  # pragma: no cover
        __version__ = "?"
    toc = ""
    if len(recs) > 1:
        items = []
        for i, r in enumerate(recs, 1):
            label = (r.get("error") or {}).get("origin") if "error" in r else \
                ((r.get("meta") or {}).get("input") or r.get("id"))
            items.append(f'<li><a href="#doc-{i}">{"✗ " if "error" in r else ""}{esc(_fmt(label, 120))}</a></li>')
        toc = '<nav class="toc"><ol>' + "".join(items) + "</ol></nav>"
    legend = '<p class="legend">' + "".join(f'<span class="{c}">{esc(t)}</span>' for c, t in LEGEND) + "</p>"
    body = "".join(render_record(r, i) for i, r in enumerate(recs, 1))
    return ("<!DOCTYPE html>\n"
            f'<html lang="{"ar" if page_dir == "rtl" else "en"}" dir="{page_dir}"><head>'
            '<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>'
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            f"<h1>{esc(title)}</h1>"
            f'<p class="summary" dir="ltr">{len(recs) - errors} document(s), {errors} error(s) · isnad {esc(__version__)}</p>'
            f"{legend}{toc}{body}</body></html>\n")


def write_html(records: Iterable[dict], out: IO[str], title: str = "isnad") -> None:
    out.write(render_page(records, title=title))
