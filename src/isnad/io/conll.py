"""`isnad tag --conll FILE`: NER-tag a CoNLL file (CONTRACT.md).

Input: ``token<TAB>anything`` lines (the tab and what follows are optional), a
blank line between sentences.  Output: ``token<TAB>predicted-BIO-tag`` for every
token line, in order, with the blank lines where they were, so a CoNLL scorer
can compare it line by line with the gold file.  Tokens are taken as given (no
re-tokenisation); a token that is only whitespace or a lone diacritic is tagged
``O``.
"""
from __future__ import annotations

import sys
from typing import TextIO

from ..errors import InputError


def _sentences(lines):
    """Yield ('sent', [tokens]) and ('blank', line) items in file order."""
    cur: list[str] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            if cur:
                yield "sent", cur
                cur = []
            yield "blank", line
            continue
        cur.append(line.split("\t", 1)[0])
    if cur:
        yield "sent", cur


CHUNK = 256     # sentences tagged together (document-level consistency works within a chunk)


def tag_sentences(tagger, sents: list[list[str]]) -> list[list[str]]:
    """Tags for the sentences of a CoNLL file, exactly as ``isnad tag --conll`` assigns
    them (running text, chunks of :data:`CHUNK` sentences, ``document=True``)."""
    out: list[list[str]] = []
    for a in range(0, len(sents), CHUNK):
        out.extend(tagger.tag_sents([[t.strip() for t in s] for s in sents[a:a + CHUNK]],
                                    document=True))
    return out


def tag_lines(lines, out: TextIO, tagger=None) -> int:
    """Tag an iterable of CoNLL lines; returns the number of tokens written.

    The file is taken as running text: sentences are tagged in chunks of
    :data:`CHUNK` with ``document=True``, so a name tagged confidently in one
    sentence is also tagged where it recurs nearby (see
    :func:`isnad.models.ner.propagate`)."""
    if tagger is None:
        from ..models.ner import load_tagger
        tagger = load_tagger()
    n = 0
    pending: list = []          # ("sent", tokens) / ("blank", line) items not yet written

    def flush():
        sents = [item for kind, item in pending if kind == "sent"]
        tagged = iter(tagger.tag_sents([[t.strip() for t in s] for s in sents], document=True))
        for kind, item in pending:
            if kind == "blank":
                out.write("\n")
            else:
                for tok, tag in zip(item, next(tagged)):
                    out.write(f"{tok}\t{tag}\n")
        pending.clear()

    count = 0
    for kind, item in _sentences(lines):
        pending.append((kind, item))
        if kind == "sent":
            n += len(item)
            count += 1
            if count % CHUNK == 0:
                flush()
    flush()
    return n


def _decoded(f, name):
    for i, raw in enumerate(f, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError("encoding", f"not UTF-8 text ({e.reason} at byte {e.start} of the line)",
                             origin=f"{name}, line {i}") from None
        if i == 1:
            line = line.lstrip("\ufeff")
        yield line


def tag_conll_file(path: str, out: TextIO = sys.stdout) -> int:
    """Tag ``path`` (``-`` for stdin) to ``out``; exit status 0, or 1 if it cannot be read."""
    try:
        if path == "-":
            tag_lines(_decoded(sys.stdin.buffer, "-"), out)
        else:
            with open(path, "rb") as f:
                tag_lines(_decoded(f, path), out)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as e:
        print(f"isnad tag: {path}: {e.strerror or e}", file=sys.stderr)
        return 1
    except InputError as e:
        print(f"isnad tag: {e}", file=sys.stderr)
        return 1
    return 0
