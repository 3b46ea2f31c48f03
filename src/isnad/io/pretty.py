"""A readable terminal report of records.

Most terminals do not apply the Unicode bidirectional algorithm, so Arabic
shows reversed.  With ``rtl="visual"`` (default) every line holding Arabic is
reordered for display with python-bidi (the reference UBA implementation), so
it reads right-to-left on such terminals; ``rtl="logical"`` leaves text alone
for bidi-aware terminals (mlterm, recent VTE/Konsole) and for piping.
"""
from __future__ import annotations

import shutil
import textwrap
from typing import IO

import regex

_ARABIC = regex.compile(r"\p{Arabic}")


_SURROGATE = regex.compile("[\ud800-\udfff]")


def _display(line: str, rtl: str) -> str:
    # a lone surrogate (possible in a record built through the Python API) cannot be
    # shown or written as UTF-8, and python-bidi refuses it: shown as U+FFFD
    line = _SURROGATE.sub("\ufffd", line)
    if rtl != "visual" or not _ARABIC.search(line):
        return line
    try:
        from bidi import get_display
    except ImportError:  # python-bidi < 0.5
        from bidi.algorithm import get_display
    return get_display(line)


def _span(rec: dict, s: int, e: int, limit: int = 90) -> str:
    t = rec["text"][s:e].replace("\n", " ")
    return t if len(t) <= limit else t[: limit - 1] + "…"


def render(rec: dict, rtl: str = "visual", width: int | None = None) -> list[str]:
    width = width or min(shutil.get_terminal_size((100, 20)).columns, 120)
    out: list[str] = []
    add = out.append
    if "error" in rec:
        err = rec["error"]
        origin, msg = str(err.get("origin") or rec.get("id")), str(err.get("message"))
        add(f"✗ {msg if msg.startswith(origin) else origin + ': ' + msg} [{err.get('kind')}]")
        return out
    meta = rec.get("meta", {})
    add("═" * width)
    add(f"document {rec['id']}  kind={rec['kind']}  lang={rec['lang']}  "
        f"published={rec['published'] or '—'}  sentences={len(rec['sentences'])}")
    if meta.get("input"):
        add(f"input: {meta['input']}")
    carriers = meta.get("carriers") or []
    if carriers:
        add("carriers (outermost first): " + " → ".join(
            f"{c['role']}:{c.get('name') or '?'}" for c in carriers))
    sections = [
        ("entities", lambda x: f"{x['label']:<5} {x['text']}" + (
            f"  ⇒ {x['actor']['name']} [{x['actor']['type']}]" if x.get("actor") else "")),
        ("places", lambda x: f"{x['text']}  ⇒ " + (
            f"no match ({x['reason']})" if x["no_match"] else
            f"{x['name']} ({x['country']}) {x['lat']:.3f},{x['lon']:.3f} precision={x['precision']}"
            if x.get("lat") is not None else f"{x['name']} precision={x['precision']}")),
        ("times", lambda x: f"{x['text']}  ⇒ {x['value'] or '—'} ({x['precision']}"
                            + (f": {x['reason']}" if x.get('reason') else "") + ")"),
        ("sources", lambda x: f"{x['id']} {x['kind']:<12} {x['name']}"),
        ("attributions", lambda x: f"{x['cue']['text']}  ← {x['source']}  chain: {' → '.join(x['chain'])}"
                                   + (f"  hedges: {', '.join(h['text'] for h in x['hedges'])}" if x['hedges'] else "")),
        ("claims", lambda x: (f"[{x['checkworthiness']:.2f}] " if x.get('checkworthiness') is not None else "")
                             + f"{_span(rec, x['start'], x['end'])}  chain: {' → '.join(x['chain']) or '—'}"),
        ("events", lambda x: f"{x['type']} {x['status']}: {x['trigger']['text']}"
                             + (f"  size={ {k: v for k, v in x['size'].items() if v is not None} }" if any(v is not None for v in x['size'].values()) else "")),
        ("narratives", lambda x: f"{x['label']} ({x['score']:.2f})"),
    ]
    for name, fmt in sections:
        items = rec.get(name, [])
        add("─" * width)
        add(f"{name} ({len(items)})")
        for x in items:
            for i, line in enumerate(textwrap.wrap(fmt(x), width - 4) or [""]):
                add(("  • " if i == 0 else "    ") + line)
    add("─" * width)
    add("text")
    for s in rec["sentences"]:
        for i, line in enumerate(textwrap.wrap(rec["text"][s["start"]:s["end"]], width - 4)):
            add(("  ¶ " if i == 0 else "    ") + line)
    return [_display(line, rtl) for line in out]


def write_pretty(records: list[dict], out: IO[str], rtl: str = "visual") -> None:
    for rec in records:
        for line in render(rec, rtl=rtl):
            out.write(line + "\n")
