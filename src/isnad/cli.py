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
    x.add_argument("paths", nargs="+", metavar="PATH")
    x.add_argument("-f", "--format", required=True, choices=["plover", "acled", "geojson", "csv"])
    x.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    x.add_argument("--published", type=_published, metavar="YYYY-MM-DD",
                   help="publication date for documents analysed on the fly that carry none")
    x.add_argument("--all-types", action="store_true", help="acled: keep verbal events too")

    sub.add_parser("resources", help="list packaged data files with sizes and SHA-256")
    return p


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
    from . import example_text, load
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
    nlp = load()
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
                rtl = args.rtl
                if rtl == "auto":
                    rtl = "visual" if out is sys.stdout and sys.stdout.isatty() else "logical"
                write_pretty(recs, out, rtl=rtl)
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


def _load_records(paths, published, stats):
    """isnad/1 records from record files; other inputs are read and analysed."""
    import json
    from pathlib import Path

    from . import load
    from .io import readers
    from .runner import analyze_inputs
    nlp = None
    for p in paths:
        path = Path(p)
        if path.is_file() and path.suffix in (".json", ".jsonl"):
            raw = path.read_text(encoding="utf-8", errors="replace").strip()
            head = raw[:200]
            if '"schema": "isnad/1"' in head or '"schema":"isnad/1"' in head:
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
        nlp = nlp or load()
        for rec in analyze_inputs(readers.read_inputs([p]), nlp, published=published, stats=stats):
            _report_error(rec)
            yield rec


def cmd_export(args) -> int:
    from .io import exports
    from .io.claims_table import export_claims_csv
    from .runner import BatchStats
    stats = BatchStats()
    records = _load_records(args.paths, args.published, stats)
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "tag":
            return cmd_tag(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "resources":
            return cmd_resources(args)
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
