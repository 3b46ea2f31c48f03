"""Readers: files, folders and stdin → :class:`InputDoc` items or :class:`InputFailure` items.

The contract: :func:`read_inputs` never raises for a bad input; it yields an
:class:`InputFailure` naming the input and position (``file.jsonl:line 7``,
``result.json#message 12``, ``feed.xml#entry 3``) and goes on with the rest of
the batch.

Formats, detected from the content (the file extension only breaks ties), or
forced with ``fmt`` (``--input-format``):

``text``      the whole file is one document.
``jsonl``     one JSON object a line: a record with a text field, a tweet (v1.1
              object or v2 response) or a Telegram-like message.
``json``      a JSON array of records, or an object wrapping one (``{"items": [...]}``).
``csv``       a header row and a text column (``,`` ``;`` ``|`` or TAB separated).
``tweet``     Twitter API v1.1 tweet objects/arrays/``{"statuses": [...]}``, and
              v2 responses ``{"data", "includes"}``.
``telegram``  a Telegram Desktop ``result.json`` export (one chat, or a full
              account export with ``chats.list``).
``html``      an article page: main text by trafilatura, metadata into ``meta``.
``rss``       RSS 0.9x/1.0/2.0 and Atom feeds (feedparser): one document an entry.

Records (JSONL, JSON, CSV): the text is the field named by ``text_column``, else
the first of :data:`TEXT_COLUMNS` present (case-insensitive); id, date, url,
author, outlet and title fields go to ``id``/``published``/``meta`` under those
names; every other field is kept in ``meta`` as it is.

Decisions a user may want to know:

* A retweet's text is the full text of the retweeted tweet (the retweet's own
  ``text`` is a truncated ``RT @user: …`` copy); ``kind`` is ``retweet``,
  ``meta.retweeted_by`` the retweeting account, ``meta.author`` the original
  author, and ``published`` the original's date (the date its words are
  anchored to), with the retweet's date in ``meta.retweeted_at``.  Accounts are
  written ``@screen_name``.
* A quote tweet is the quoting tweet; the quoted one is in ``meta.quoted``.
* Dates become ``published`` only when written as ISO 8601, RFC 2822, Twitter's
  ``created_at`` or a Unix timestamp; anything else is kept as
  ``meta.published_raw`` with ``meta.published_reason`` (never guessed).
* Telegram media without a caption and service messages are skipped.

Encodings (:func:`decode_bytes`): UTF-8 with or without BOM, UTF-32/UTF-16 with
a BOM, UTF-16LE/BE without BOM (recognised by where the NUL bytes fall),
windows-1256 and ISO-8859-6 — the last three only when the decoded text is
plausible (:func:`plausible_text`), so that undecodable input is rejected
(``encoding``) rather than turned into mojibake; binary files (by magic number
or NUL bytes) are rejected as ``binary``.
"""
from __future__ import annotations

import csv
import datetime as _dt
import email.utils
import html as _html
import io
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator

DEFAULT_MAX_CHARS = 2_000_000
MAX_FILE_BYTES = 1 << 30        # files over 1 GiB are refused before reading

FORMATS = ("text", "jsonl", "json", "csv", "tweet", "telegram", "html", "rss")
ALIASES = {"txt": "text", "plain": "text", "ndjson": "jsonl", "tsv": "csv", "atom": "rss",
           "feed": "rss", "xml": "rss", "twitter": "tweet", "tweets": "tweet", "htm": "html"}

TEXT_COLUMNS = ("text", "full_text", "content", "body", "message", "tweet", "article")
ID_COLUMNS = ("id", "id_str", "doc_id", "document_id", "tweet_id", "message_id", "guid", "uuid")
DATE_COLUMNS = ("published", "date", "created_at", "pubdate", "published_at", "publish_date",
                "date_published", "datetime", "timestamp")
URL_COLUMNS = ("url", "link", "permalink")
AUTHOR_COLUMNS = ("author", "username", "screen_name", "user", "from", "byline", "creator")
OUTLET_COLUMNS = ("outlet", "source", "site_name", "site", "publisher", "newspaper", "channel")
TITLE_COLUMNS = ("title", "headline")
KINDS = ("article", "post", "retweet", "forward")


@dataclass
class InputDoc:
    text: str
    origin: str                      # "path", "path:line 3", "path#entry 4", "<stdin>"
    id: str | None = None
    meta: dict = field(default_factory=dict)
    published: str | None = None
    kind: str | None = None          # a container's hint: retweet, forward, post, article


@dataclass
class InputFailure:
    origin: str
    kind: str                        # not_found | unreadable | empty | binary | encoding | malformed | too_large | missing_column | unsupported
    message: str
    id: str | None = None

    def to_record(self) -> dict:
        return {"id": self.id or self.origin, "error": {"kind": self.kind, "message": self.message,
                                                         "origin": self.origin}}


class DecodeError(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


# --------------------------------------------------------------------------- encodings

_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT/EPUB)"), (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"), (b"\x7fELF", "an ELF executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office (OLE2) document"),
    (b"OggS", "Ogg media"), (b"fLaC", "FLAC audio"), (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"), (b"wOFF", "a WOFF font"), (b"wOF2", "a WOFF2 font"),
    (b"\x00asm", "WebAssembly"), (b"\xca\xfe\xba\xbe", "a Java class or Mach-O binary"),
]


def binary_kind(data: bytes) -> str | None:
    """What a binary file is, from its magic number (None if none matches)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if data[4:8] == b"ftyp":
        return "MP4/MOV/HEIC media"
    if data.startswith(b"RIFF") and data[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return f"RIFF {data[8:12].decode().strip()} media"
    if data.startswith(b"ID3") and len(data) > 3 and data[3] < 6:
        return "MP3 audio"
    if data.startswith(b"BZh") and data[3:4].isdigit():
        return "bzip2-compressed data"
    if data.startswith(b"MZ") and b"\x00" in data[2:64]:
        return "a Windows executable"
    return None


_ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF"
                            r"\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFB\uFE70-\uFEFC\u0621]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_WORD = re.compile(r"\S+")


def plausible_text(text: str, sample: int = 100_000) -> tuple[bool, str]:
    """Is ``text`` plausibly human-written text, not mojibake or binary noise?

    Used to accept a guessed decoding (windows-1256, ISO-8859-6, BOM-less UTF-16).
    Checks: few control characters (≤ 1 %); few symbols (≤ 5 % of non-space
    characters: random bytes read as windows-1256 give ~15-20 %); letters mostly
    Arabic or Latin script (≥ 90 %); words separated by spaces; hardly any word
    mixing Arabic and Latin letters (Latin-1 French read as ISO-8859-6 gives
    ``prىsident``); not the ``ط§ظ„`` pattern of UTF-8 Arabic read as
    windows-1256 (ط/ظ ≥ 25 % of the Arabic letters); and, for Arabic of some
    length, letter frequencies of Arabic (ا ل ي م و ن are ~50 % of the letters,
    random letters give ~15-20 %) or the article ``ال``."""
    s = text[:sample]
    n = len(s)
    if not n:
        return True, ""
    controls = symbols = letters = good_letters = spaces = arabic = ta_za = 0
    for ch in s:
        if ch.isspace():
            spaces += 1
            continue
        cat = unicodedata.category(ch)
        c0 = cat[0]
        if c0 == "L":
            letters += 1
            if ch.isascii():
                good_letters += 1
            elif _ARABIC_LETTER.match(ch):
                good_letters += 1
                arabic += 1
                if ch in "طظ":
                    ta_za += 1
            elif "LATIN" in unicodedata.name(ch, ""):
                good_letters += 1
        elif cat == "Cc":
            if ch not in "\t\n\r\f\v":
                controls += 1
        elif c0 == "S" or cat in ("No", "Co", "Cs", "Cn") or (
                cat == "Cf" and ch not in "\u200c\u200d\u200e\u200f\ufeff\u061c"):
            symbols += 1
    visible = n - spaces
    if controls > max(2, 0.01 * n):
        return False, f"{controls} control characters in {n}"
    if visible and symbols > max(3, 0.05 * visible):
        return False, f"{100 * symbols / visible:.0f}% of the characters are symbols"
    if letters and good_letters < 0.9 * letters:
        return False, f"only {100 * good_letters / letters:.0f}% of the letters are Arabic or Latin"
    if visible and letters < 0.3 * visible:
        return False, f"only {100 * letters / visible:.0f}% of the characters are letters"
    if n > 200 and spaces < 0.02 * n:
        return False, "almost no spaces between words"
    if arabic > 20 and ta_za > 0.25 * arabic:
        return False, "looks like UTF-8 Arabic read as windows-1256 (ط/ظ pattern)"
    if arabic > 300:
        common = sum(s.count(c) for c in "اليمونأإآ")
        if common < 0.3 * arabic and s.count("ال") < 0.01 * arabic:
            return False, ("Arabic letters in random proportions, without the article ال: "
                           "not Arabic text")
    if arabic:
        mixed = words = 0
        for w in _WORD.findall(s):
            has_ar = _ARABIC_LETTER.search(w) is not None
            has_lat = any(c.isalpha() and not _ARABIC_LETTER.match(c) for c in w)
            if has_ar or has_lat:
                words += 1
                if has_ar and has_lat:
                    mixed += 1
        if mixed > max(2, 0.02 * words):
            return False, f"{mixed} words mix Arabic and Latin letters (mojibake)"
    return True, ""


def _control_ratio(s: str) -> float:
    return len(_CONTROLS.findall(s)) / max(1, len(s))


def _utf16_guess(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes of a BOM-less file fall (almost)
    all on odd/even offsets, as they do for text in UTF-16 (ASCII spaces, digits
    and newlines have a zero high byte)."""
    sample = data[:65536]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    total = even + odd
    pairs = len(sample) // 2
    if total < max(2, 0.02 * pairs):
        return None
    if odd >= 0.95 * total:
        return "utf-16-le"
    if even >= 0.95 * total:
        return "utf-16-be"
    return None


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def decode_with_encoding(data: bytes) -> tuple[str, str]:
    """(text, encoding name); raise DecodeError('binary'|'encoding', message)."""
    what = binary_kind(data)
    if what:
        raise DecodeError("binary", f"binary file ({what}), not text")
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be")):
        if data.startswith(bom):
            try:
                return data[4:].decode(enc), "utf-32"
            except UnicodeDecodeError as e:
                raise DecodeError("encoding", f"invalid UTF-32 at byte {e.start + 4}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise DecodeError("encoding", f"invalid UTF-8 at byte {e.start + 3} (line "
                                          f"{_line_of(data, e.start + 3)}) after a UTF-8 BOM") from None
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(enc), "utf-16"
            except UnicodeDecodeError as e:
                raise DecodeError("encoding", f"invalid UTF-16 at byte {e.start + 2}") from None
    if b"\x00" in data:
        enc = _utf16_guess(data)
        if enc and len(data) % 2 == 0:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                text = None
            if text is not None and plausible_text(text)[0]:
                return text, enc
        raise DecodeError("binary", "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_bad = e.start
    else:
        if _control_ratio(text[:65536]) > 0.05:
            raise DecodeError("binary", "binary data (control characters), not text")
        return text, "utf-8"
    # Not UTF-8.  Mostly-valid UTF-8 with a few bad bytes is damaged UTF-8, not another encoding.
    repl = data.decode("utf-8", errors="replace")
    bad = repl.count("\ufffd")
    multibyte = sum(1 for ch in repl if ord(ch) > 0x7F and ch != "\ufffd")
    where = f"byte {first_bad}, line {_line_of(data, first_bad)}"
    if multibyte >= 8 and bad <= 0.05 * multibyte:
        raise DecodeError("encoding", f"damaged UTF-8: {bad} invalid byte sequence(s), the first at {where}; "
                                      f"repair the file or re-save it as UTF-8")
    reasons = []
    for enc, label in (("cp1256", "windows-1256"), ("iso-8859-6", "ISO-8859-6")):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as e:
            reasons.append(f"not {label} (undefined byte at {e.start})")
            continue
        ok, why = plausible_text(text)
        if ok:
            return text, label
        reasons.append(f"not plausible as {label}: {why}")
    raise DecodeError("encoding", f"undecodable text: not UTF-8 (invalid byte at {where}); "
                                  + "; ".join(reasons) + "; re-save the file as UTF-8")


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 (BOM), BOM-less UTF-16LE/BE,
    windows-1256 or ISO-8859-6; raise DecodeError('binary'|'encoding', ...)
    rather than return mojibake."""
    return decode_with_encoding(data)[0]


# --------------------------------------------------------------------------- entry points

def normalize_format(fmt: str | None) -> str | None:
    if fmt is None or fmt == "" or fmt == "auto":
        return None
    f = fmt.lower().strip()
    f = ALIASES.get(f, f)
    if f not in FORMATS:
        raise ValueError(f"unknown input format {fmt!r}; choose from {', '.join(FORMATS)}")
    return f


def read_inputs(paths: list[str], *, fmt: str | None = None, text_column: str | None = None,
                max_chars: int = DEFAULT_MAX_CHARS, exclude: list[str] = ()) -> Iterator[InputDoc | InputFailure]:
    """Read files, folders and ``-`` (stdin); yield documents and failures in
    input order.  Folders are read recursively: files by name, a folder's files
    before its subfolders (by name), hidden files and folders skipped.  Files in ``exclude``
    (e.g. the output file inside an input folder) are skipped in folders."""
    fmt = normalize_format(fmt)
    kw = {"fmt": fmt, "text_column": text_column, "max_chars": max_chars}
    skip = {os.path.realpath(x) for x in exclude}
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from read_bytes(data, "<stdin>", **kw)
            continue
        path = Path(p)
        try:
            exists = path.exists()
        except OSError as e:   # e.g. name too long
            yield InputFailure(p, "unreadable", f"{p}: {e.strerror or e}")
            continue
        if not exists:
            yield InputFailure(p, "not_found", f"{p}: no such file or directory")
        elif path.is_dir():
            found = False
            for root, dirs, files in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    found = True
                    f = Path(root) / name
                    if skip and os.path.realpath(f) in skip:
                        continue
                    yield from read_file(f, **kw)
            if not found:
                yield InputFailure(p, "empty", f"{p}: directory holds no files (hidden files are skipped)")
        else:
            yield from read_file(path, **kw)


def read_file(path: Path | str, **kw) -> Iterator[InputDoc | InputFailure]:
    path = Path(path)
    origin = str(path)
    try:
        if not path.is_file():
            yield InputFailure(origin, "unsupported", f"{origin}: not a regular file")
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield InputFailure(origin, "too_large", f"{origin}: file is {size:,} bytes; isnad reads files "
                                                    f"up to {MAX_FILE_BYTES:,} bytes: split it")
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputFailure(origin, "unreadable", f"{origin}: cannot read: {e.strerror or e}")
        return
    yield from read_bytes(data, origin, name=path.name, **kw)


def read_bytes(data: bytes, origin: str, *, fmt: str | None = None, text_column: str | None = None,
               max_chars: int = DEFAULT_MAX_CHARS, name: str | None = None) -> Iterator[InputDoc | InputFailure]:
    """Decode and parse one input's bytes.  ``name`` (a file name) lends its
    extension as a tie-breaker to format detection."""
    if not data:
        yield InputFailure(origin, "empty", f"{origin}: empty file (0 bytes)")
        return
    try:
        text, encoding = decode_with_encoding(data)
    except DecodeError as e:
        yield InputFailure(origin, e.kind, f"{origin}: {e.message}")
        return
    extra = {} if encoding in ("utf-8", "utf-8-sig") else {"encoding": encoding}
    for item in read_text(text, origin, fmt=fmt, text_column=text_column, max_chars=max_chars, name=name):
        if extra and isinstance(item, InputDoc):
            item.meta.update(extra)
        yield item


def read_text(text: str, origin: str, *, fmt: str | None = None, text_column: str | None = None,
              max_chars: int = DEFAULT_MAX_CHARS, name: str | None = None) -> Iterator[InputDoc | InputFailure]:
    """Parse decoded text in the given or detected format."""
    fmt = normalize_format(fmt)
    if not text.strip():
        yield InputFailure(origin, "empty", f"{origin}: " + (
            "empty document (no text)" if not text else "whitespace-only document (no text)"))
        return
    r = _Reader(origin, text_column, max_chars)
    detected = fmt or detect_format(text, name, text_column)
    try:
        yield from getattr(r, "read_" + detected)(text, forced=fmt is not None, name=name)
    except RecursionError:
        yield InputFailure(origin, "malformed", f"{origin}: input nested too deeply to read as {detected}")


_EXT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv",
        ".html": "html", ".htm": "html", ".xhtml": "html", ".rss": "rss", ".atom": "rss", ".xml": "rss",
        ".txt": "text", ".text": "text", ".md": "text"}
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF|RDF)\b", re.I)
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b|<title\b|"
                         r"<article\b|<div\b|<p\b|<section\b|<main\b)", re.I | re.S)
_XML_PROLOGUE = re.compile(r"\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*", re.S)


def detect_format(text: str, name: str | None = None, text_column: str | None = None) -> str:
    """The input format of ``text`` from its content; the extension of ``name``
    decides only where the content is ambiguous."""
    ext = _EXT.get(Path(name).suffix.lower()) if name else None
    head = text[:65536].lstrip()[:4096]
    if head[:1] in "{[":
        try:
            json.loads(text)
            return "json"
        except RecursionError:
            return "json"        # nested too deeply: read_json reports it
        except ValueError:
            pass
        if _looks_jsonl(text):
            return "jsonl"
        if ext in ("json", "jsonl"):
            return ext
    if head[:1] == "<":
        m = _XML_PROLOGUE.match(head)
        rest = head[m.end():] if m else head
        if _FEED_ROOT.match(rest):
            return "rss"
        if _HTML_START.match(head) or re.match(r"<\?xml[^>]*\?>\s*<html\b", head, re.I):
            return "html"
        if ext in ("rss", "html"):
            return ext
    if ext == "csv" or _looks_csv(text, text_column):
        return "csv"
    return "text"


def _looks_jsonl(text: str, probe: int = 20) -> bool:
    lines = [ln for ln in text[:1_000_000].split("\n")[:probe * 5] if ln.strip()][:probe]
    if not lines:
        return False
    ok = 0
    for ln in lines:
        try:
            obj = json.loads(ln)
        except (ValueError, RecursionError):
            continue
        if isinstance(obj, (dict, list)):
            ok += 1
    return ok >= max(1, len(lines) / 2)


_KNOWN_COLUMNS = set(TEXT_COLUMNS + ID_COLUMNS + DATE_COLUMNS + URL_COLUMNS + AUTHOR_COLUMNS
                     + OUTLET_COLUMNS + TITLE_COLUMNS)
_DELIMITERS = (",", "\t", ";", "|")


def _csv_delimiter(header_line: str) -> str | None:
    best, count = None, 0
    for d in _DELIMITERS:
        c = header_line.count(d)
        if c > count:
            best, count = d, c
    return best


def _looks_csv(text: str, text_column: str | None) -> bool:
    first = text[:8192].lstrip("\n\r").split("\n", 1)[0].rstrip("\r")
    if len(first) > 2000:
        return False
    d = _csv_delimiter(first)
    if not d:
        return False
    try:
        header = next(csv.reader([first], delimiter=d))
    except (csv.Error, StopIteration):
        return False
    names = {h.strip().lower() for h in header}
    if len(header) < 2 or "" in names and len(names) == 1:
        return False
    known = names & (_KNOWN_COLUMNS | ({text_column.lower()} if text_column else set()))
    # a header names columns, it does not read like a sentence
    return bool(known) and all(len(h) <= 64 and h.count(" ") <= 4 for h in header)


# --------------------------------------------------------------------------- helpers

_SURROGATES = re.compile("[\ud800-\udfff]")
_TWITTER_DATE = "%a %b %d %H:%M:%S %z %Y"
_YMD = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_])")


def clean_str(s: str) -> str:
    """Lone surrogates (possible in JSON ``\\ud83d``) cannot be written as UTF-8:
    replace each by U+FFFD (one code point for one, so offsets are unchanged)."""
    return _SURROGATES.sub("\ufffd", s) if _SURROGATES.search(s) else s


def parse_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from ISO 8601, RFC 2822, Twitter's ``created_at``, or a Unix
    timestamp (seconds or milliseconds); None when not recognised.  The date is
    the one written (local to its time zone), not converted to UTC."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) or (isinstance(value, str) and re.fullmatch(r"\s*\d{9,13}(\.\d+)?\s*", value)):
        try:
            ts = float(value)
            if ts > 1e11:
                ts /= 1000.0
            return _dt.datetime.fromtimestamp(ts, _dt.timezone.utc).date().isoformat()
        except (ValueError, OverflowError, OSError):
            return None
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = _YMD.match(s)
    if m:
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    try:
        return _dt.datetime.strptime(s, _TWITTER_DATE).date().isoformat()
    except ValueError:
        pass
    try:
        d = email.utils.parsedate_to_datetime(s)
        if d is not None:
            return d.date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return None


def _set_published(meta: dict, raw: Any) -> str | None:
    """Parse a date; keep an unparsable one as meta.published_raw with a reason."""
    if raw is None or raw == "":
        return None
    p = parse_date(raw)
    if p is None:
        meta["published_raw"] = raw
        meta["published_reason"] = "date in the input not recognised (want ISO 8601, RFC 2822 or a timestamp)"
    return p


def _scalar_name(v: Any) -> Any:
    """A user object → its handle or name; other values as they are."""
    if isinstance(v, dict):
        for k in ("screen_name", "username", "name", "title", "id"):
            if v.get(k):
                return v[k]
    return v


def _join_text(v: Any) -> str | None:
    """Text that may be a string or a list of strings / {"text": ...} entities."""
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        parts = []
        for x in v:
            if isinstance(x, str):
                parts.append(x)
            elif isinstance(x, dict) and isinstance(x.get("text"), str):
                parts.append(x["text"])
        return "".join(parts)
    return None


def _html_unescape_min(s: str) -> str:
    """Twitter escapes &, < and > in tweet text; undo those three only."""
    if "&" not in s:
        return s
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page or fragment, with the standard library's
    tolerant, tree-less parser: safe on any nesting depth and linear in size.
    Used for feed summaries and as the fallback when trafilatura finds no
    article.  ``main_only`` drops navigation, headers, footers, asides, forms."""

    SKIP = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
            "canvas", "select", "textarea", "button"}
    BOILER = {"nav", "header", "footer", "aside", "form", "menu"}
    BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
             "section", "article", "blockquote", "pre", "hr", "dd", "dt", "dl", "figcaption", "figure",
             "main", "address", "td", "th", "caption", "summary", "details"}
    VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "param",
            "source", "track", "wbr"}

    def __init__(self, main_only: bool = False):
        super().__init__(convert_charrefs=True)
        self.main_only = main_only
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skip = 0
        self.in_title = False
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if tag in ("br", "hr") and not self.skip:
                self.parts.append("\n")
            return
        if tag == "title":
            self.in_title = True
        elif tag == "head":
            self.in_head = True
        elif tag in self.SKIP or (self.main_only and tag in self.BOILER):
            self.skip += 1
        elif tag in self.BLOCK and not self.skip:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "head":
            self.in_head = False
        elif tag in self.SKIP or (self.main_only and tag in self.BOILER):
            if self.skip:
                self.skip -= 1
        elif tag in self.BLOCK and not self.skip:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip and not self.in_head:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", ln).strip() for ln in raw.split("\n")]
        out, blank = [], False
        for ln in lines:
            if ln:
                out.append(ln)
                blank = False
            elif out and not blank:
                out.append("")
                blank = True
        return "\n".join(out).strip()


def html_to_text(markup: str, main_only: bool = False) -> tuple[str, str]:
    """(visible text, title) of HTML markup, scripts and styles dropped."""
    p = _TextExtractor(main_only=main_only)
    try:
        p.feed(markup)
        p.close()
    except Exception:   # HTMLParser is tolerant; keep what was read if it still gives up
        pass
    return p.text(), re.sub(r"\s+", " ", "".join(p.title)).strip()


def _silence_loggers() -> None:
    import logging
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        lg = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in lg.handlers):
            lg.addHandler(logging.NullHandler())
        lg.setLevel(logging.CRITICAL)


# --------------------------------------------------------------------------- the reader

class _Reader:
    def __init__(self, origin: str, text_column: str | None, max_chars: int):
        self.origin = origin
        self.text_column = text_column
        self.max_chars = max_chars

    # -- one document ------------------------------------------------------
    def doc(self, text: Any, origin: str, *, id: Any = None, meta: dict | None = None,
            published: str | None = None, kind: str | None = None, what: str = "document") -> InputDoc | InputFailure:
        sid = None if id is None or id == "" else clean_str(str(id))
        if not isinstance(text, str):
            return InputFailure(origin, "malformed", f"{origin}: the text is a {type(text).__name__}, not a string",
                                id=sid)
        if not text.strip():
            return InputFailure(origin, "empty", f"{origin}: empty {what} (no text)" if not text else
                                f"{origin}: whitespace-only {what} (no text)", id=sid)
        if len(text) > self.max_chars:
            return InputFailure(origin, "too_large",
                                f"{origin}: {what} has {len(text):,} characters, over the limit of "
                                f"{self.max_chars:,}; raise the limit with --max-chars {len(text)} "
                                f"(or max_chars= in isnad.io.readers.read_inputs)", id=sid)
        return InputDoc(text=clean_str(text), origin=origin, id=sid, meta=meta or {},
                        published=published, kind=kind)

    # -- plain text --------------------------------------------------------
    def read_text(self, text: str, **_) -> Iterator[InputDoc | InputFailure]:
        yield self.doc(text, self.origin, meta={"input_format": "text"})

    # -- JSON --------------------------------------------------------------
    def read_json(self, text: str, forced: bool = False, **_) -> Iterator[InputDoc | InputFailure]:
        try:
            obj = json.loads(text)
        except ValueError as e:
            yield InputFailure(self.origin, "malformed", f"{self.origin}: invalid JSON: {_json_err(e)}")
            return
        yield from self.route(obj, self.origin, sep="#")

    def read_jsonl(self, text: str, **_) -> Iterator[InputDoc | InputFailure]:
        lineno = 0
        for line in text.split("\n"):
            lineno += 1
            if not line.strip():
                continue
            origin = f"{self.origin}:line {lineno}"
            try:
                obj = json.loads(line)
            except ValueError as e:
                yield InputFailure(origin, "malformed", f"{origin}: invalid JSON: {_json_err(e, True)}")
                continue
            if isinstance(obj, dict):
                yield from self.route(obj, origin, sep="#", what="JSONL")
            else:
                yield InputFailure(origin, "malformed", f"{origin}: line {lineno} holds a JSON "
                                   f"{_json_type(obj)}, not an object")

    def read_tweet(self, text: str, **_) -> Iterator[InputDoc | InputFailure]:
        try:
            objs = [(json.loads(text), self.origin)]
        except ValueError:
            objs = None
        if objs is None:   # JSONL of tweets or of v2 responses
            yield from self.read_jsonl(text)
            return
        obj = objs[0][0]
        if isinstance(obj, list) and obj and all(isinstance(t, dict) and _is_tweet_v1(t) for t in obj[:50]):
            yield from self.tweets_v1(obj, self.origin)
        elif isinstance(obj, dict) and (_is_tweet_v1(obj) or _is_v2_response(obj) or
                                        isinstance(obj.get("statuses"), list)):
            yield from self.route(obj, self.origin, sep="#")
        else:
            yield InputFailure(self.origin, "unsupported", f"{self.origin}: not tweet JSON (expected Twitter "
                               f"API v1.1 tweet objects or a v2 response with 'data')")

    def read_telegram(self, text: str, **_) -> Iterator[InputDoc | InputFailure]:
        try:
            obj = json.loads(text)
        except ValueError as e:
            yield InputFailure(self.origin, "malformed", f"{self.origin}: invalid JSON: {_json_err(e)}")
            return
        if not _is_telegram(obj):
            yield InputFailure(self.origin, "unsupported", f"{self.origin}: not a Telegram Desktop export "
                               f"(expected an object with 'messages', or 'chats': {{'list': [...]}})")
            return
        yield from self.telegram(obj, self.origin)

    def route(self, obj: Any, origin: str, sep: str = "#", what: str = "JSON") -> Iterator[InputDoc | InputFailure]:
        """Any parsed JSON value → documents."""
        if isinstance(obj, list):
            if not obj:
                yield InputFailure(origin, "empty", f"{origin}: empty JSON array")
                return
            if all(isinstance(t, dict) for t in obj[:50]) and _is_tweet_v1(obj[0]):
                yield from self.tweets_v1(obj, origin)
                return
            for i, item in enumerate(obj, 1):
                o = f"{origin}{sep}item {i}"
                if isinstance(item, dict):
                    yield from self.route(item, o, sep=" ", what=what)
                else:
                    yield InputFailure(o, "malformed", f"{o}: a JSON {_json_type(item)}, not an object")
            return
        if not isinstance(obj, dict):
            yield InputFailure(origin, "malformed", f"{origin}: a JSON {_json_type(obj)}, not an object or array")
            return
        if _is_telegram(obj):
            yield from self.telegram(obj, origin)
        elif _is_v2_response(obj):
            yield from self.tweets_v2(obj, origin)
        elif _is_tweet_v1(obj):
            yield self.tweet_v1(obj, origin)
        elif isinstance(obj.get("statuses"), list):
            yield from self.tweets_v1(obj["statuses"], origin)
        elif len(obj) == 1 and next(iter(obj)) in _STREAM_NOTICES:
            return      # a streaming API notice (delete, limit, ...): not a document
        elif self.text_field(obj) is None and (wrapped := _wrapped_list(obj)) is not None:
            key, items = wrapped
            yield from self.route(items, f"{origin}{sep}{key}", sep=" ", what=what)
        else:
            yield self.record(obj, origin, what)

    # -- records (JSON objects, CSV rows) -----------------------------------
    def text_field(self, keys) -> str | None:
        lower = {}
        for k in keys:
            if isinstance(k, str):
                lower.setdefault(k.strip().lower(), k)
        if self.text_column:
            return lower.get(self.text_column.strip().lower())
        for c in TEXT_COLUMNS:
            if c in lower:
                return lower[c]
        return None

    def missing_text(self, keys, origin: str, what: str) -> InputFailure:
        found = ", ".join(str(k) for k in keys) or "(none)"
        if self.text_column:
            msg = f"{origin}: no {what} named {self.text_column!r}; {what}s found: {found}"
        else:
            msg = (f"{origin}: no text {what} ({', '.join(TEXT_COLUMNS)}); {what}s found: {found}; "
                   f"name the text {what} with --text-column")
        return InputFailure(origin, "missing_column", msg)

    def record(self, obj: dict, origin: str, what: str, columns=None) -> InputDoc | InputFailure:
        key = self.text_field(obj.keys())
        if key is None:
            return self.missing_text(list(columns or obj.keys()), origin,
                                     "column" if what == "CSV" else "field")
        raw = obj[key]
        text = _join_text(raw) if isinstance(raw, (str, list)) else raw
        if text is None:
            text = ""
        used = {key}
        lower = {k.strip().lower(): k for k in obj if isinstance(k, str)}

        def take(names):
            for n in names:
                k = lower.get(n)
                if k is not None and k not in used:
                    v = obj[k]
                    if v is not None and v != "":
                        used.add(k)
                        return v
            return None

        id_ = take(ID_COLUMNS)
        meta: dict = {"input_format": what.lower()}
        published = _set_published(meta, take(DATE_COLUMNS))
        for canon, names in (("url", URL_COLUMNS), ("author", AUTHOR_COLUMNS), ("outlet", OUTLET_COLUMNS),
                             ("title", TITLE_COLUMNS)):
            v = take(names)
            if v is not None:
                meta[canon] = _clean_meta(_scalar_name(v))
        kind = None
        for k, v in obj.items():
            if k in used or v is None or v == "":
                continue
            if isinstance(k, str) and k.strip().lower() == "kind" and v in KINDS:
                kind = v
            meta.setdefault(clean_str(str(k)), _clean_meta(v))
        if kind is None and meta.get("forwarded_from"):
            kind = "forward"
        return self.doc(text, origin, id=id_, meta=meta, published=published, kind=kind)

    # -- CSV ---------------------------------------------------------------
    def read_csv(self, text: str, name: str | None = None, **_) -> Iterator[InputDoc | InputFailure]:
        first = text.lstrip("\r\n").split("\n", 1)[0]
        delim = "\t" if name and name.lower().endswith(".tsv") else (_csv_delimiter(first) or ",")
        limit = csv.field_size_limit()
        csv.field_size_limit(max(limit, min(sys.maxsize, 2**31 - 1)))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        try:
            header = None
            prev = 0
            while header is None:
                row = next(reader)
                prev = reader.line_num
                if any(c.strip() for c in row):
                    header = [c.strip() for c in row]
            key = self.text_field(header)
            if key is None:
                yield self.missing_text(header, self.origin, "column")
                return
            width = len(header)
            for row in reader:
                start, prev = prev + 1, reader.line_num
                if not row or not any(c.strip() for c in row):
                    continue
                origin = f"{self.origin}:line {start}"
                if len(row) > width:
                    yield InputFailure(origin, "malformed", f"{origin}: {len(row)} fields where the header has "
                                       f"{width} (an unquoted {_delim_name(delim)} in a field?)")
                    continue
                obj = dict(zip(header, row + [""] * (width - len(row))))
                yield self.record(obj, origin, "CSV", columns=header)
        except StopIteration:
            yield InputFailure(self.origin, "empty", f"{self.origin}: CSV without rows")
        except csv.Error as e:
            o = f"{self.origin}:line {reader.line_num}"
            yield InputFailure(o, "malformed", f"{o}: unreadable CSV: {e}")

    # -- tweets ------------------------------------------------------------
    def tweets_v1(self, tweets: list, origin: str) -> Iterator[InputDoc | InputFailure]:
        for i, t in enumerate(tweets, 1):
            o = f"{origin}#tweet {i}"
            if isinstance(t, dict) and _is_tweet_v1(t):
                yield self.tweet_v1(t, o)
            else:
                yield InputFailure(o, "malformed", f"{o}: not a tweet object")

    def tweet_v1(self, t: dict, origin: str) -> InputDoc | InputFailure:
        rt = t.get("retweeted_status")
        src = rt if isinstance(rt, dict) else t
        user = _v1_user(t.get("user"))
        meta: dict = {"platform": "twitter", "input_format": "tweet_v1"}
        tid = t.get("id_str") or t.get("id")
        kind = "post"
        if src is rt:
            kind = "retweet"
            ouser = _v1_user(rt.get("user"))
            meta["author"] = ouser.get("handle")
            meta["author_name"] = ouser.get("name")
            meta["retweeted_by"] = user.get("handle")
            meta["retweeted_by_name"] = user.get("name")
            meta["original_author"] = ouser.get("handle")
            meta["retweeted_at"] = parse_date(t.get("created_at"))
            meta["retweet_of"] = _drop_none({"id": _s(rt.get("id_str") or rt.get("id")),
                                             "author": ouser.get("handle"),
                                             "url": _tweet_url(ouser.get("screen_name"), rt.get("id_str") or rt.get("id"))})
        else:
            meta["author"] = user.get("handle")
            meta["author_name"] = user.get("name")
        published = _set_published(meta, src.get("created_at"))
        q = src.get("quoted_status") or t.get("quoted_status")
        if isinstance(q, dict):
            quser = _v1_user(q.get("user"))
            meta["quoted"] = _drop_none({"id": _s(q.get("id_str") or q.get("id")), "author": quser.get("handle"),
                                         "author_name": quser.get("name"),
                                         "text": clean_str(_html_unescape_min(_v1_text(q))),
                                         "published": parse_date(q.get("created_at")),
                                         "url": _tweet_url(quser.get("screen_name"), q.get("id_str") or q.get("id"))})
        elif t.get("quoted_status_id_str"):
            meta["quoted"] = {"id": _s(t["quoted_status_id_str"])}
        if src.get("in_reply_to_status_id_str"):
            meta["in_reply_to"] = _s(src["in_reply_to_status_id_str"])
        if src.get("lang"):
            meta["tweet_lang"] = src["lang"]
        meta["url"] = _tweet_url(user.get("screen_name"), tid)
        return self.doc(_html_unescape_min(_v1_text(src)), origin, id=tid, meta=_drop_none(meta),
                        published=published, kind=kind, what="tweet")

    def tweets_v2(self, resp: dict, origin: str) -> Iterator[InputDoc | InputFailure]:
        inc = resp.get("includes") if isinstance(resp.get("includes"), dict) else {}
        users = {u.get("id"): u for u in inc.get("users") or [] if isinstance(u, dict)}
        tweets = {t.get("id"): t for t in inc.get("tweets") or [] if isinstance(t, dict)}
        data = resp["data"]
        items = data if isinstance(data, list) else [data]
        if not items:
            yield InputFailure(origin, "empty", f"{origin}: v2 response without tweets (empty 'data')")
            return
        for i, t in enumerate(items, 1):
            o = f"{origin}#tweet {i}" if isinstance(data, list) else origin
            if not isinstance(t, dict):
                yield InputFailure(o, "malformed", f"{o}: not a tweet object")
                continue
            yield self.tweet_v2(t, o, users, tweets)

    def tweet_v2(self, t: dict, origin: str, users: dict, tweets: dict) -> InputDoc | InputFailure:
        def handle(uid):
            u = users.get(uid) or {}
            return ("@" + u["username"]) if u.get("username") else None, u.get("name"), u.get("username")

        refs = {}
        for r in t.get("referenced_tweets") or []:
            if isinstance(r, dict) and r.get("type"):
                refs.setdefault(r["type"], r.get("id"))
        meta: dict = {"platform": "twitter", "input_format": "tweet_v2"}
        author, author_name, username = handle(t.get("author_id"))
        src, kind = t, "post"
        if "retweeted" in refs:
            kind = "retweet"
            meta["retweeted_by"], meta["retweeted_by_name"] = author, author_name
            meta["retweeted_at"] = parse_date(t.get("created_at"))
            orig = tweets.get(refs["retweeted"])
            if isinstance(orig, dict):
                src = orig
                oa, oname, ouser = handle(orig.get("author_id"))
                meta["author"], meta["author_name"], meta["original_author"] = oa, oname, oa
                meta["retweet_of"] = _drop_none({"id": _s(refs["retweeted"]), "author": oa,
                                                 "url": _tweet_url(ouser, refs["retweeted"])})
            else:
                meta["retweet_of"] = {"id": _s(refs["retweeted"]),
                                      "reason": "retweeted tweet not in 'includes': text is the truncated RT copy"}
        else:
            meta["author"], meta["author_name"] = author, author_name
        if "quoted" in refs:
            q = tweets.get(refs["quoted"])
            if isinstance(q, dict):
                qa, qname, quser = handle(q.get("author_id"))
                meta["quoted"] = _drop_none({"id": _s(refs["quoted"]), "author": qa, "author_name": qname,
                                             "text": clean_str(_html_unescape_min(_v2_text(q))),
                                             "published": parse_date(q.get("created_at")),
                                             "url": _tweet_url(quser, refs["quoted"])})
            else:
                meta["quoted"] = {"id": _s(refs["quoted"])}
        if "replied_to" in refs:
            meta["in_reply_to"] = _s(refs["replied_to"])
        if t.get("conversation_id"):
            meta["conversation_id"] = _s(t["conversation_id"])
        if src.get("lang"):
            meta["tweet_lang"] = src["lang"]
        meta["url"] = _tweet_url(username, t.get("id"))
        published = _set_published(meta, src.get("created_at") or t.get("created_at"))
        return self.doc(_html_unescape_min(_v2_text(src)), origin, id=t.get("id"), meta=_drop_none(meta),
                        published=published, kind=kind, what="tweet")

    # -- Telegram ------------------------------------------------------------
    def telegram(self, obj: dict, origin: str) -> Iterator[InputDoc | InputFailure]:
        if isinstance(obj.get("messages"), list):
            chats = [obj]
        else:
            chats = [c for c in obj["chats"]["list"] if isinstance(c, dict)]
            left = obj.get("left_chats")
            if isinstance(left, dict) and isinstance(left.get("list"), list):
                chats += [c for c in left["list"] if isinstance(c, dict)]
        multi = len(chats) > 1
        n_docs = n_msgs = 0
        for chat in chats:
            msgs = chat.get("messages") if isinstance(chat.get("messages"), list) else []
            chat_id = chat.get("id")
            for pos, m in enumerate(msgs, 1):
                n_msgs += 1
                if not isinstance(m, dict) or m.get("type", "message") != "message":
                    continue      # service messages (joins, pins, title changes) are not documents
                text = _join_text(m.get("text"))
                if not text or not text.strip():
                    continue      # media without a caption, polls, stickers
                mid = m.get("id", pos)
                o = f"{origin}#chat {chat_id} message {mid}" if multi else f"{origin}#message {mid}"
                meta = {"platform": "telegram", "input_format": "telegram",
                        "channel": chat.get("name"), "chat_id": chat_id, "chat_type": chat.get("type"),
                        "message_id": mid, "author": m.get("from") or m.get("author"),
                        "author_id": m.get("from_id"), "forwarded_from": m.get("forwarded_from"),
                        "saved_from": m.get("saved_from"), "via_bot": m.get("via_bot"),
                        "reply_to_message_id": m.get("reply_to_message_id"),
                        "edited": m.get("edited"), "media": m.get("media_type") or
                        ("photo" if m.get("photo") else "file" if m.get("file") else None)}
                published = _set_published(meta, m.get("date"))
                n_docs += 1
                yield self.doc(text, o, id=f"telegram-{chat_id}-{mid}" if chat_id is not None else None,
                               meta={k: _clean_meta(v) for k, v in meta.items() if v is not None},
                               published=published, kind="forward" if m.get("forwarded_from") else "post",
                               what="message")
        if not n_docs:
            yield InputFailure(origin, "empty", f"{origin}: Telegram export with no message holding text "
                                                f"({n_msgs} messages, all service or media-only)")

    # -- HTML ----------------------------------------------------------------
    def read_html(self, text: str, **_) -> Iterator[InputDoc | InputFailure]:
        meta: dict = {"input_format": "html"}
        body = None
        extracted = None
        try:
            _silence_loggers()
            import trafilatura
            extracted = trafilatura.bare_extraction(
                text, with_metadata=True, include_comments=False, include_tables=True,
                include_images=False, include_links=False, deduplicate=False)
        except Exception:   # RecursionError, lxml errors on hostile markup: fall back below
            extracted = None
        title = None
        if extracted is not None:
            body = getattr(extracted, "text", None)
            title = getattr(extracted, "title", None)
            for k_src, k_dst in (("author", "author"), ("sitename", "site_name"), ("url", "url"),
                                 ("description", "description"), ("hostname", "hostname"),
                                 ("date", "date")):
                v = getattr(extracted, k_src, None)
                if v:
                    meta[k_dst] = clean_str(str(v))
            meta["extractor"] = "trafilatura"
        if not body or not body.strip():
            body, t2 = html_to_text(text, main_only=True)
            if not body:
                body, t2 = html_to_text(text, main_only=False)
            title = title or t2 or None
            meta["extractor"] = "html.parser (trafilatura found no article)"
        if title:
            meta["title"] = clean_str(title)
        if not body or not body.strip():
            yield InputFailure(self.origin, "empty", f"{self.origin}: no text found in the HTML page")
            return
        if title and title.strip() not in body[: len(title) + 400]:
            body = f"{title.strip()}\n\n{body}"
            meta["title_prepended"] = True
        published = _set_published(meta, meta.pop("date", None))
        yield self.doc(body, self.origin, id=None, meta=meta, published=published, kind="article",
                       what="HTML article")

    # -- RSS / Atom ------------------------------------------------------------
    def read_rss(self, text: str, **_) -> Iterator[InputDoc | InputFailure]:
        import feedparser
        # feedparser decodes bytes itself: give it UTF-8 and say so, whatever the XML declaration claims
        data = re.sub(r"^(\s*<\?xml[^>]*?)\sencoding=[\"'][^\"']*[\"']", r"\1", text, count=1).encode("utf-8")
        try:
            d = feedparser.parse(io.BytesIO(data), response_headers={"content-type": "application/xml; charset=utf-8"},
                                 resolve_relative_uris=False, sanitize_html=True)
        except Exception as e:   # pragma: no cover - feedparser catches its own errors
            yield InputFailure(self.origin, "malformed", f"{self.origin}: unreadable feed: {e}")
            return
        entries = d.get("entries") or []
        if not entries:
            why = f": {d.get('bozo_exception')}" if d.get("bozo") else ""
            kind = "malformed" if d.get("bozo") else "empty"
            yield InputFailure(self.origin, kind, f"{self.origin}: no entries in the RSS/Atom feed{why}")
            return
        feed = d.get("feed") or {}
        outlet = _html.unescape(feed.get("title") or "").strip() or None
        for i, e in enumerate(entries, 1):
            o = f"{self.origin}#entry {i}"
            title = (e.get("title") or "").strip()
            body_html = ""
            for c in e.get("content") or []:
                v = c.get("value") or ""
                if len(v) > len(body_html):
                    body_html = v
            if not body_html:
                body_html = e.get("summary") or ""
            body = html_to_text(body_html)[0] if body_html else ""
            if title and body and not body.startswith(title):
                text = f"{title}\n\n{body}"
            else:
                text = body or title
            meta = {"input_format": d.get("version") or "rss", "outlet": outlet, "title": title or None,
                    "url": e.get("link"), "author": e.get("author"), "entry_id": e.get("id"),
                    "feed_url": feed.get("link")}
            raw_date = e.get("published") or e.get("updated") or e.get("created")
            published = parse_date(raw_date)
            if published is None:
                st = e.get("published_parsed") or e.get("updated_parsed")
                if st:
                    published = _dt.date(st.tm_year, st.tm_mon, st.tm_mday).isoformat()
                elif raw_date:
                    _set_published(meta, raw_date)
            yield self.doc(text, o, id=e.get("id") or e.get("link"),
                           meta={k: _clean_meta(v) for k, v in meta.items() if v is not None},
                           published=published, kind="article", what="feed entry")


# --------------------------------------------------------------------------- shape tests

_STREAM_NOTICES = {"delete", "limit", "scrub_geo", "status_withheld", "user_withheld", "disconnect", "warning"}
_WRAPPER_KEYS = ("items", "data", "articles", "records", "results", "posts", "documents", "docs",
                 "entries", "rows", "messages")


def _is_tweet_v1(o: Any) -> bool:
    return (isinstance(o, dict) and isinstance(o.get("user"), dict)
            and ("id_str" in o or "id" in o)
            and any(isinstance(o.get(k), (str, dict)) for k in ("full_text", "text", "extended_tweet")))


def _is_v2_response(o: Any) -> bool:
    if not isinstance(o, dict) or "data" not in o:
        return False
    d = o["data"]
    items = d if isinstance(d, list) else [d]
    if isinstance(d, list) and not d:
        return "meta" in o or "includes" in o
    first = items[0]
    return (isinstance(first, dict) and "id" in first and "text" in first
            and ("includes" in o or "meta" in o or "author_id" in first or "edit_history_tweet_ids" in first))


def _is_telegram(o: Any) -> bool:
    if not isinstance(o, dict):
        return False
    if isinstance(o.get("messages"), list) and ("type" in o or "name" in o or "id" in o):
        return True
    chats = o.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def _wrapped_list(o: dict) -> tuple[str, list] | None:
    for k in _WRAPPER_KEYS:
        v = o.get(k)
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v[:20]):
            return k, v
    return None


def _v1_text(t: dict) -> str:
    ext = t.get("extended_tweet")
    if isinstance(ext, dict) and isinstance(ext.get("full_text"), str):
        return ext["full_text"]
    if isinstance(t.get("full_text"), str):
        return t["full_text"]
    v = t.get("text")
    return v if isinstance(v, str) else ""


def _v2_text(t: dict) -> str:
    nt = t.get("note_tweet")
    if isinstance(nt, dict) and isinstance(nt.get("text"), str) and nt["text"].strip():
        return nt["text"]
    v = t.get("text")
    return v if isinstance(v, str) else ""


def _v1_user(u: Any) -> dict:
    if not isinstance(u, dict):
        return {}
    sn = u.get("screen_name")
    return {"screen_name": sn, "handle": f"@{sn}" if sn else None, "name": u.get("name")}


def _tweet_url(screen_name: str | None, tid: Any) -> str | None:
    if not tid:
        return None
    return f"https://twitter.com/{screen_name or 'i/web'}/status/{tid}"


def _s(v: Any) -> str | None:
    return None if v is None else str(v)


def _drop_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


def _clean_meta(v: Any) -> Any:
    if isinstance(v, str):
        return clean_str(v)
    if isinstance(v, list):
        return [_clean_meta(x) for x in v]
    if isinstance(v, dict):
        return {clean_str(str(k)): _clean_meta(x) for k, x in v.items()}
    return v


def _json_type(v: Any) -> str:
    return {list: "array", dict: "object", str: "string", bool: "boolean", type(None): "null"}.get(
        type(v), "number")


def _json_err(e: ValueError, single_line: bool = False) -> str:
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg}: column {e.colno}" if single_line else f"{e.msg}: line {e.lineno} column {e.colno}"
    return str(e)


def _delim_name(d: str) -> str:
    return {",": "comma", "\t": "tab", ";": "semicolon", "|": "bar"}.get(d, repr(d))
