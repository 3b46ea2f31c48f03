"""The command line, thin over the library (see CONTRACT.md).

Exit status: 0 success; 2 bad usage; 1 when an input could not be read or
analysed (its error record is still written, and the rest of the batch too).
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from typing import Sequence

from . import __version__


def _published(value: str) -> str:
    from .pipeline import _iso_date
    try:
        return _iso_date(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _input_format(value: str) -> str:
    from .io.readers import normalize_format
    try:
        return normalize_format(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _positive_int(value: str) -> int:
    try:
        n = int(value.replace(",", "").replace("_", ""))
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"want a positive whole number, not {value!r}")
    return n


def _events_profile_option(parser, help: str) -> None:
    parser.add_argument("--events-profile", dest="events_profile", default="crowd", choices=["crowd", "broad"],
                        help=help)


def _load_pipeline(events_profile: str = "crowd"):
    """The default pipeline with the events stage's reading profile (crowd or broad)."""
    from . import load
    return load(config={"events": {"profile": events_profile}})


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="isnad", description="Attribution chains, claims, places, times "
                                "and events from Arabic news and social posts.")
    p.add_argument("--version", action="version", version=f"isnad {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("analyze", help="analyse files, folders or - (stdin); no PATH: the bundled example")
    a.add_argument("paths", nargs="*", metavar="PATH")
    a.add_argument("-f", "--format", default="json", choices=["json", "jsonl", "pretty", "html"])
    a.add_argument("--published", type=_published, metavar="YYYY-MM-DD",
                   help="publication date for documents whose input carries none")
    a.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    _events_profile_option(a, "what marks an ASSAULT/PROTEST event salient: crowd (default; the sentence's main "
                              "event, as the arabic-event-gsr crowd judged it) or broad (any such event the sentence "
                              "reports as having happened); the record's meta.events_profile says which")
    a.add_argument("--input-format", dest="input_format", default=None, type=_input_format,
                   help="override input detection: text, jsonl, json, csv, tweet, telegram, html, rss")
    a.add_argument("--text-column", default=None, help="JSONL/CSV: the field holding the text")
    a.add_argument("--max-chars", type=_positive_int, default=None, metavar="N",
                   help="reject documents longer than N characters (default 2,000,000)")
    a.add_argument("--rtl", choices=["auto", "visual", "logical"], default="auto",
                   help="pretty: reorder Arabic for terminals without bidi support (visual) or "
                        "leave it in logical order for bidi-aware terminals and files (logical); "
                        "auto (default): visual when writing to a terminal, logical otherwise")
    a.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    a.add_argument("--debug", action="store_true", help="print tracebacks of stage failures")

    t = sub.add_parser("tag", help="NER-tag a CoNLL file: token<TAB>anything lines → token<TAB>BIO")
    t.add_argument("--conll", required=True, metavar="FILE")

    e = sub.add_parser("eval", help="the project's own evaluations on ../shared/data")
    esub = e.add_subparsers(dest="task", metavar="TASK")
    for name, mod in _eval_modules().items():
        ep = esub.add_parser(name, help=getattr(mod, "HELP", None))
        if hasattr(mod, "add_arguments"):
            mod.add_arguments(ep)

    x = sub.add_parser("export", help="export events (plover, acled, geojson) or claims (csv) from "
                       "isnad records (JSON/JSONL written by analyze) or from documents analysed on the fly")
    x.add_argument("paths", nargs="*", metavar="PATH")
    x.add_argument("-f", "--format", required=True, choices=["plover", "acled", "geojson", "csv"])
    x.add_argument("--db", metavar="URL", help="read the records from this store instead of PATHs "
                   "(" + _DB_HELP + ")")
    x.add_argument("--query", metavar="QUERY", help="with --db: only documents matching this search "
                   "(same syntax as `isnad search`)")
    x.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    x.add_argument("--published", type=_published, metavar="YYYY-MM-DD",
                   help="publication date for documents analysed on the fly that carry none")
    x.add_argument("--all-types", action="store_true", help="acled: keep verbal events too")
    _events_profile_option(x, "documents analysed on the fly: the events profile, as for `isnad analyze` "
                              "(records read from files or a store keep theirs)")

    sub.add_parser("resources", help="list packaged data files with sizes and SHA-256")

    i = sub.add_parser("ingest", help="analyse documents (or read isnad/1 record files) and add them to a "
                       "store; the same document twice is stored once")
    i.add_argument("paths", nargs="+", metavar="PATH")
    i.add_argument("--db", metavar="URL", help=_DB_HELP)
    i.add_argument("--published", type=_published, metavar="YYYY-MM-DD",
                   help="publication date for documents whose input carries none")
    i.add_argument("--input-format", dest="input_format", default=None, type=_input_format,
                   help="override input detection: text, jsonl, json, csv, tweet, telegram, html, rss")
    i.add_argument("--text-column", default=None, help="JSONL/CSV: the field holding the text")
    _events_profile_option(i, "the events profile for the documents analysed, as for `isnad analyze`")
    i.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    i.add_argument("--debug", action="store_true", help="print tracebacks of stage failures")

    s = sub.add_parser("search", help="search a store: words, \"phrases\" and filters actor: place: type: "
                       "status: source: kind: from:YYYY-MM-DD to:YYYY-MM-DD",
                       description="Words and \"quoted phrases\" must all occur (normalised: الحسكة finds "
                       "الحسكه and بالحسكة). Filters: actor:<registry id> place:<gazetteer id or name> "
                       "type:<PLOVER type> status:<asserted|reported|alleged|denied> source:<source kind> "
                       "kind:<article|post|retweet|forward|unknown> from:YYYY-MM-DD to:YYYY-MM-DD.")
    s.add_argument("query", nargs="+", metavar="QUERY")
    s.add_argument("--db", metavar="URL", help=_DB_HELP)
    s.add_argument("--limit", type=_positive_int, default=20, metavar="N", help="at most N results (20)")
    s.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N results")
    s.add_argument("-f", "--format", default="pretty", choices=["json", "pretty"])
    s.add_argument("--rtl", choices=["auto", "visual", "logical"], default="auto",
                   help="pretty: as for analyze (visual on a terminal, logical otherwise)")

    st = sub.add_parser("stories", help="groups of republished/duplicated documents in a store, "
                        "with origin, outlets, innermost sources and state-media involvement")
    st.add_argument("--db", metavar="URL", help=_DB_HELP)
    st.add_argument("-f", "--format", default="json", choices=["json", "pretty"])
    st.add_argument("--rtl", choices=["auto", "visual", "logical"], default="auto",
                    help="pretty: as for analyze (visual on a terminal, logical otherwise)")
    st.add_argument("--min-docs", type=_positive_int, default=2, metavar="N",
                    help="only stories with at least N documents (2)")
    st.add_argument("--query", metavar="QUERY", help="only among documents matching this search")
    st.add_argument("--related", action="store_true", help="also join documents whose texts are "
                    "related (word-shingle Jaccard 0.35-0.5: usually the same story rewritten)")
    st.add_argument("--events", action="store_true", help="also join documents reporting the same event "
                    "type at the same place (finer than a city) within 3 days")

    sv = sub.add_parser("serve", help="the web interface and HTTP API (OpenAPI at /openapi.json)")
    sv.add_argument("--db", metavar="URL", help=_DB_HELP)
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    return p


_DB_HELP = ("the store: an SQLite file path or sqlite:/// URL (default: ./isnad.db), or "
            "postgresql://user:password@host/dbname for a server")


def _eval_modules() -> dict:
    from . import evaluation
    mods = {}
    for info in pkgutil.iter_modules(evaluation.__path__):
        if info.name.startswith("_") or info.name == "common":
            continue
        try:
            mods[info.name] = importlib.import_module(f"{evaluation.__name__}.{info.name}")
        except Exception as e:  # one broken evaluation must not take the whole CLI down
            mods[info.name] = _BrokenEval(info.name, e)
    return mods


class _BrokenEval:
    def __init__(self, name: str, error: Exception):
        self.HELP = f"(unavailable: {type(error).__name__}: {error})"
        self._msg = f"isnad: eval {name} is unavailable: {type(error).__name__}: {error}"

    def run(self, args) -> int:
        print(self._msg, file=sys.stderr)
        return 1


def cmd_analyze(args) -> int:
    from . import example_text
    from .io import readers, writers
    from .runner import BatchStats, analyze_inputs

    if args.paths:
        kw = {"fmt": args.input_format, "text_column": args.text_column,
              "exclude": [args.output] if args.output else []}
        if args.max_chars:
            kw["max_chars"] = args.max_chars
        items = readers.read_inputs(args.paths, **kw)
    else:
        items = iter([readers.InputDoc(text=example_text(), origin="isnad:examples/sputnik_retweet.txt")])
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as e:
        print(f"isnad: cannot write {args.output}: {e.strerror or e}", file=sys.stderr)
        return 2
    nlp = _load_pipeline(args.events_profile)
    stats = BatchStats()
    records = analyze_inputs(items, nlp, published=args.published, stats=stats, debug=args.debug)
    if not args.no_progress:
        records = _progress(records)
    try:
        if args.format == "jsonl":
            for rec in records:
                _report_error(rec)
                writers.write_jsonl([rec], out)
        else:
            recs = []
            for rec in records:
                _report_error(rec)
                recs.append(rec)
            if args.format == "json":
                writers.write_json(recs, out)
            elif args.format == "pretty":
                from .io.pretty import write_pretty
                write_pretty(recs, out, rtl=_rtl(args.rtl, out))
            else:
                from .io.html import write_html
                write_html(recs, out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if stats.failed else 0


def _report_error(rec: dict) -> None:
    err = rec.get("error")
    if err:
        origin = str(err.get("origin") or rec.get("id"))
        msg = str(err.get("message"))
        where = "" if msg.startswith(origin) else f"{origin}: "
        print(f"isnad: {where}{msg} [{err.get('kind')}]", file=sys.stderr)


def _progress(records):
    """A progress bar on stderr, shown only once a batch has run for 2 seconds."""
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return records
    return tqdm(records, desc="isnad", unit="doc", delay=2.0, file=sys.stderr,
                disable=not sys.stderr.isatty())


def cmd_tag(args) -> int:
    from .io.conll import tag_conll_file
    return tag_conll_file(args.conll, sys.stdout)


def _load_records(paths, published, stats, events_profile: str = "crowd"):
    """isnad/1 records from record files; other inputs are read and analysed (with the events
    profile ``events_profile``: notes/QA.md QA-13)."""
    import json
    from pathlib import Path

    from .io import readers
    from .runner import analyze_inputs
    nlp = None
    for p in paths:
        if _is_record_file(p):
            raw = Path(p).read_text(encoding="utf-8", errors="replace").strip()
            lines = [raw] if raw.startswith("{") and "\n{" not in raw else raw.splitlines()
            for n, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    stats.failed += 1
                    print(f"isnad: {p}:line {n}: malformed record: {e.msg}", file=sys.stderr)
            continue
        nlp = nlp or _load_pipeline(events_profile)
        for rec in analyze_inputs(readers.read_inputs([p]), nlp, published=published, stats=stats):
            _report_error(rec)
            yield rec


def _open_store(db: str | None, must_exist: bool = True):
    """The store named by --db, or None after a message on stderr."""
    from pathlib import Path

    from .corpus.store import Store, db_url
    url = db_url(db)
    if must_exist and url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if path and path != ":memory:" and not Path(path).exists():
            print(f"isnad: no store at {path} (create one with `isnad ingest PATH... --db {path}`)",
                  file=sys.stderr)
            return None
    try:
        return Store(url)
    except Exception as e:
        print(f"isnad: cannot open the store {db or url}: {type(e).__name__}: {e}", file=sys.stderr)
        return None


def _is_record_file(p: str) -> bool:
    from pathlib import Path
    path = Path(p)
    if not (path.is_file() and path.suffix in (".json", ".jsonl")):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            head = f.read(4096).lstrip()[:200]
    except OSError:
        return False
    return '"schema": "isnad/1"' in head or '"schema":"isnad/1"' in head


def cmd_ingest(args) -> int:
    from collections import Counter

    from .document import text_id
    from .io import readers
    from .runner import BatchStats, analyze_inputs
    store = _open_store(args.db, must_exist=False)
    if store is None:
        return 1
    counts: Counter = Counter()
    nlp = None

    def items():
        for p in args.paths:
            if _is_record_file(p):
                stats = BatchStats()
                for rec in _load_records([p], args.published, stats):
                    yield rec
                counts["failed"] += stats.failed
                continue
            kw = {"fmt": args.input_format, "text_column": args.text_column}
            yield from readers.read_inputs([p], **kw)

    it = items()
    if not args.no_progress:
        it = _progress(it)
    for item in it:
        if isinstance(item, dict):
            rec = item
        elif isinstance(item, readers.InputFailure):
            rec = item.to_record()
        else:
            if store.has(item.id or text_id(item.text), item.text):
                counts["already"] += 1
                continue
            if nlp is None:
                try:
                    nlp = _load_pipeline(getattr(args, "events_profile", "crowd"))
                except Exception as e:  # a broken model or resource: say so, keep what is stored
                    print(f"isnad: ingest: cannot load the pipeline: {type(e).__name__}: {e}", file=sys.stderr)
                    return 1
            rec = next(analyze_inputs([item], nlp, published=args.published, debug=args.debug))
        if "error" in rec:
            _report_error(rec)
        try:
            status, _ = store.add(rec)
        except Exception as e:  # the database refused this record: log it, go on with the batch
            err = {"id": rec.get("id"), "error": {"kind": "store", "message": f"{type(e).__name__}: {e}"}}
            _report_error(err)
            status, _ = store.add(err)
        counts[status] += 1
    c = store.counts()
    print(f"isnad: ingest: {counts['new']} new, {counts['already']} already stored, {counts['failed']} failed "
          f"(store: {c['documents']} documents, {c['links']} near-duplicate links)", file=sys.stderr)
    return 1 if counts["failed"] else 0


def cmd_search(args) -> int:
    import json

    from .corpus.search import QueryError, parse_query, search
    try:
        q = parse_query(" ".join(args.query))
    except QueryError as e:
        print(f"isnad: search: {e}", file=sys.stderr)
        return 2
    store = _open_store(args.db)
    if store is None:
        return 1
    res = search(store, q, limit=args.limit, offset=args.offset)
    if args.format == "json":
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0
    lines = [f"{res['total']} document(s)" + (f", showing {args.offset + 1}–{args.offset + len(res['results'])}"
                                              if res["results"] else "")]
    for r in res["results"]:
        snip = r["snippet"]
        if r["match"]:
            a, b = r["match"]
            snip = snip[:a] + "«" + snip[a:b] + "»" + snip[b:]
        c = r["counts"]
        lines += ["", f"{r['id']}  {r['published'] or '----------'}  {r['kind']}  {r['outlet'] or ''}  "
                      f"[{c['claims']} claims, {c['events']} events, {c['places']} places]"]
        if r["title"]:
            lines.append(f"  {r['title']}")
        lines.append(f"  {snip}")
    _print_rtl(lines, args.rtl)
    return 0


def _rtl(rtl: str, out) -> str:
    """--rtl auto: visual order when writing to a terminal, logical otherwise."""
    if rtl != "auto":
        return rtl
    return "visual" if out is sys.stdout and sys.stdout.isatty() else "logical"


def _print_rtl(lines, rtl: str) -> None:
    from .io.pretty import _display
    rtl = _rtl(rtl, sys.stdout)
    for line in lines:
        print(_display(line, rtl))


def cmd_stories(args) -> int:
    import json

    from .corpus.search import QueryError, matching_ids
    from .corpus.stories import format_pretty, stories
    store = _open_store(args.db)
    if store is None:
        return 1
    ids = None
    if args.query:
        try:
            ids = set(matching_ids(store, args.query))
        except QueryError as e:
            print(f"isnad: stories: {e}", file=sys.stderr)
            return 2
    from .corpus.stories import KINDS
    kinds = KINDS + (("related",) if args.related else ())
    items = stories(store, min_docs=args.min_docs, doc_ids=ids, events=args.events, kinds=kinds)
    if args.format == "json":
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        _print_rtl(format_pretty(items).rstrip("\n").split("\n"), args.rtl)
    return 0


def cmd_serve(args) -> int:
    try:
        import uvicorn
    except ImportError:  # pragma: no cover
        print("isnad: serve needs uvicorn and fastapi (pip install fastapi uvicorn)", file=sys.stderr)
        return 1
    from .corpus.store import db_url
    from .web.app import create_app
    uvicorn.run(create_app(db_url(args.db)), host=args.host, port=args.port)
    return 0


def cmd_export(args) -> int:
    from .io import exports
    from .io.claims_table import export_claims_csv
    from .runner import BatchStats
    stats = BatchStats()
    if args.db and args.paths:
        print("isnad: export: give PATHs or --db, not both", file=sys.stderr)
        return 2
    if not args.db and not args.paths:
        print("isnad: export: give PATHs (records or documents) or --db URL", file=sys.stderr)
        return 2
    if args.query and not args.db:
        print("isnad: export: --query needs --db", file=sys.stderr)
        return 2
    if args.db:
        from .corpus.search import QueryError, matching_ids
        store = _open_store(args.db)
        if store is None:
            return 1
        try:
            ids = matching_ids(store, args.query) if args.query else None
        except QueryError as e:
            print(f"isnad: export: {e}", file=sys.stderr)
            return 2
        records = store.records(ids)
    else:
        records = _load_records(args.paths, args.published, stats, getattr(args, "events_profile", "crowd"))
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        if args.format == "plover":
            n = exports.export_plover(records, out)
        elif args.format == "acled":
            n = exports.export_acled(records, out, all_types=args.all_types)
        elif args.format == "geojson":
            n = exports.export_geojson(records, out)
        else:
            n = export_claims_csv(records, out)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"isnad: {n} rows written", file=sys.stderr)
    return 1 if stats.failed else 0


def cmd_resources(args) -> int:
    from .resources.catalogue import catalogue
    for row in catalogue():
        print(f"{row['sha256'][:16]}  {row['bytes']:>10}  {row['path']}")
    return 0


_COMMANDS = {"analyze": cmd_analyze, "tag": cmd_tag, "export": cmd_export, "resources": cmd_resources,
             "ingest": cmd_ingest, "search": cmd_search, "stories": cmd_stories, "serve": cmd_serve}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        handler = _COMMANDS.get(args.command)
        if handler is not None:
            return handler(args)
        if args.command == "eval":
            if not args.task:
                parser.parse_args(["eval", "--help"])
            return _eval_modules()[args.task].run(args) or 0
    except BrokenPipeError:  # e.g. `isnad analyze ... | head`
        return 0
    except KeyboardInterrupt:
        return 130
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
