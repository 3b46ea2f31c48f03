"""Readers: files, folders and stdin → :class:`InputDoc` items or :class:`InputFailure` items.

The contract: :func:`read_inputs` never raises for a bad input; it yields an
:class:`InputFailure` naming the input and position (path, line, byte) and goes
on with the rest of the batch.  Formats: plain text (more to come in this
module: JSONL, CSV, tweet JSON, Telegram export, HTML, RSS/Atom).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

DEFAULT_MAX_CHARS = 2_000_000


@dataclass
class InputDoc:
    text: str
    origin: str                      # "path", "path:line 3", "path#item 4", "<stdin>"
    id: str | None = None
    meta: dict = field(default_factory=dict)
    published: str | None = None
    kind: str | None = None          # a container's hint: retweet, forward, post, article


@dataclass
class InputFailure:
    origin: str
    kind: str                        # not_found | empty | binary | encoding | malformed | too_large | missing_column | unsupported
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


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (BOM) or windows-1256; raise
    DecodeError('binary'|'encoding', ...) rather than return mojibake."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise DecodeError("encoding", f"invalid UTF-8 at byte {e.start + 3}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise DecodeError("encoding", f"invalid UTF-16 at byte {e.start}") from None
    if b"\x00" in data[:4096]:
        raise DecodeError("binary", "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_bad = e.start
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise DecodeError("encoding", f"not UTF-8 (invalid byte at {first_bad}) nor windows-1256") from None
    return text


def read_inputs(paths: list[str], *, fmt: str | None = None, text_column: str | None = None,
                max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[InputDoc | InputFailure]:
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from _read_bytes(data, "<stdin>", fmt=fmt, text_column=text_column, max_chars=max_chars)
            continue
        path = Path(p)
        if not path.exists():
            yield InputFailure(p, "not_found", f"no such file or directory: {p}")
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    yield from _read_file(Path(root) / name, fmt=fmt, text_column=text_column,
                                          max_chars=max_chars)
        else:
            yield from _read_file(path, fmt=fmt, text_column=text_column, max_chars=max_chars)


def _read_file(path: Path, **kw) -> Iterator[InputDoc | InputFailure]:
    try:
        data = path.read_bytes()
    except OSError as e:
        yield InputFailure(str(path), "unreadable", f"cannot read: {e.strerror or e}")
        return
    yield from _read_bytes(data, str(path), **kw)


def _read_bytes(data: bytes, origin: str, *, fmt, text_column, max_chars) -> Iterator[InputDoc | InputFailure]:
    try:
        text = decode_bytes(data)
    except DecodeError as e:
        yield InputFailure(origin, e.kind, e.message)
        return
    yield from _read_text(text, origin, max_chars=max_chars)


def _read_text(text: str, origin: str, *, max_chars: int) -> Iterator[InputDoc | InputFailure]:
    if not text.strip():
        yield InputFailure(origin, "empty", "empty document (no text)" if not text else "whitespace-only document")
        return
    if len(text) > max_chars:
        yield InputFailure(origin, "too_large",
                           f"document has {len(text):,} characters, over the limit of {max_chars:,} "
                           f"(raise it with --max-chars)")
        return
    yield InputDoc(text=text, origin=origin)
