"""Clitic- and normalisation-aware phrase matching over a document's tokens.

Every lexicon in isnad (actors, places, reporting cues, hedges, event triggers,
time words) is matched through :class:`PhraseMatcher`: phrases are normalised
and tokenised exactly like the document, stored in a token trie, and found
longest-first.  The first token of a match may carry attached prefix clitics
(``وبالحسكة`` matches ``الحسكة``; ``للتحالف الدولي`` matches ``التحالف
الدولي``); the reported span starts at the stem.  Quote marks between the words
of a phrase are skipped (``تنظيم “داعش”`` matches ``تنظيم داعش``), so unbalanced
typographic quotes never block a match.  A match never runs over a sentence
boundary (a line break included): ``عين`` ending a line and ``الأسد`` opening the
next are two words, not the air base.

Why not pyahocorasick over the normalised string: Aho–Corasick finds substrings,
and Arabic matching needs token boundaries plus per-token clitic readings; a
dict trie over token norms does both and scans ~10^5–10^6 tokens/s.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .normalize import normalize
from functools import lru_cache

from .tokenize import Token, clitic_splits, iter_tokens


@lru_cache(maxsize=1 << 16)
def _readings(norm: str) -> tuple[tuple[int, str], ...]:
    """clitic_splits, memoised (word forms repeat a lot in running text)."""
    return tuple(clitic_splits(norm))

SKIP_INSIDE = frozenset({'"', "'", "\u0640"})
_END = object()   # trie key holding the payloads of a complete phrase


@dataclass
class Match:
    start: int                 # original offsets of the matched phrase (stem onwards)
    end: int
    tok_start: int             # token indices [tok_start, tok_end)
    tok_end: int
    prefix: str                # normalised clitic prefix left out of the span ('' if none)
    phrase: str                # the normalised phrase that matched
    payloads: list = field(default_factory=list)


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token-norm key of a lexicon phrase (quotes dropped)."""
    norm = normalize(phrase)
    return tuple(norm[s:e] for s, e, _ in iter_tokens(norm) if norm[s:e] not in SKIP_INSIDE)


class PhraseMatcher:
    """A token trie of normalised phrases with payloads."""

    def __init__(self, entries: Iterable[tuple[str, Any]] = (), *, clitics: bool = True):
        self._root: dict = {}
        self.clitics = clitics
        self.size = 0
        self._starts: dict[tuple[str, bool], bool] = {}   # can a token of this form start a phrase?
        for phrase, payload in entries:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: Any = None) -> None:
        self.add_key(phrase_key(phrase), payload)

    def add_key(self, key: tuple[str, ...], payload: Any = None) -> None:
        """Add a phrase by its token-norm key (as :func:`phrase_key` gives it): for large
        lexicons that normalise their phrases themselves (the gazetteer)."""
        if not key:
            return
        self._starts.clear()
        node = self._root
        for part in key:
            node = node.setdefault(part, {})
        bucket = node.setdefault(_END, [])
        if payload not in bucket:
            bucket.append(payload)
            self.size += 1

    def __len__(self) -> int:
        return self.size

    def lookup(self, phrase: str) -> list:
        """Payloads stored for exactly this phrase (no clitic stripping)."""
        node = self._root
        for part in phrase_key(phrase):
            node = node.get(part)
            if node is None:
                return []
        return list(node.get(_END, []))

    def find(self, doc, start: int = 0, end: int | None = None, *,
             overlapping: bool = False) -> list[Match]:
        """Matches in ``doc`` (tokens needed) between original offsets start/end.

        Longest match wins; at equal length the reading with fewer clitics
        stripped wins.  With ``overlapping`` every match at every token is
        returned instead (still one, the longest, per start token).  Tokens
        whose form cannot start any phrase (memoised per form) are skipped
        without walking the trie: most tokens of a text start no phrase.
        """
        toks: list[Token] = doc.tokens
        if end is None:
            end = len(doc.text)
        lo = _first_token_at(toks, start)
        out: list[Match] = []
        i = lo
        n = len(toks)
        starts = self._starts
        if len(starts) > 200_000:            # a memo, not a second lexicon: keep it bounded
            starts.clear()
        word = self.clitics
        while i < n and toks[i].start < end:
            t = toks[i]
            key = (t.norm, word and t.kind == "word")
            ok = starts.get(key)
            if ok is None:
                ok = starts[key] = self._can_start(*key)
            if ok:
                m = self._match_at(doc, toks, i, end)
                if m is not None:
                    out.append(m)
                    if not overlapping:
                        i = m.tok_end
                        continue
            i += 1
        return out

    def _can_start(self, norm: str, clitic_readings: bool) -> bool:
        """Whether a token with this norm can start a phrase (most tokens cannot: the
        scan in :meth:`find` skips them after one dict look-up)."""
        if norm in SKIP_INSIDE:
            return False
        root = self._root
        if not clitic_readings:
            return norm in root
        return any(stem in root for _, stem in _readings(norm))

    def match_at(self, doc, i: int, end: int | None = None) -> Match | None:
        """The longest match starting exactly at token ``i`` (None if none):
        for grammars that try phrases at chosen positions instead of scanning."""
        toks: list[Token] = doc.tokens
        if i < 0 or i >= len(toks):
            return None
        return self._match_at(doc, toks, i, len(doc.text) if end is None else end)

    def matches_at(self, doc, i: int, end: int | None = None, *, offsets: bool = True) -> list[Match]:
        """Every match starting at token ``i``: each phrase length and each clitic
        reading that ends a phrase, longest first (then fewer clitics).  For
        grammars that need the shorter readings too ("يوم" as well as "يوم أمس").
        With ``offsets=False`` the character offsets are not computed (start and
        end are -1): for grammars that only need the token span."""
        toks: list[Token] = doc.tokens
        if i < 0 or i >= len(toks):
            return []
        found = list(self._walk(toks, i, len(doc.text) if end is None else end))
        if len(found) > 1:
            found.sort(key=lambda f: (-f[0], f[1]))
        return [self._make(doc, toks, i, f, offsets) for f in found]

    def _match_at(self, doc, toks: list[Token], i: int, end: int) -> Match | None:
        best = None
        for f in self._walk(toks, i, end):
            if best is None or (f[0], -f[1]) > (best[0], -best[1]):
                best = f
        return None if best is None else self._make(doc, toks, i, best, True)

    def _walk(self, toks: list[Token], i: int, end: int):
        """Walk the trie from token ``i`` under each clitic reading of it; yield
        ``(tok_end, prefix_len, phrase, payloads)`` for every phrase that ends."""
        tok = toks[i]
        if tok.norm in SKIP_INSIDE or tok.end > end:
            return
        readings = _readings(tok.norm) if (self.clitics and tok.kind == "word") else ((0, tok.norm),)
        sent = tok.sent
        for plen, stem in readings:
            node = self._root.get(stem)
            if node is None:
                continue
            parts = [stem]
            j = i + 1
            if _END in node:
                yield j, plen, stem, node[_END]
            while j < len(toks) and toks[j].end <= end:
                t = toks[j]
                if t.sent != sent:        # a phrase never runs over a sentence (or line) break
                    break
                if t.norm in SKIP_INSIDE:
                    j += 1
                    continue
                node = node.get(t.norm)
                if node is None:
                    break
                parts.append(t.norm)
                j += 1
                if _END in node:
                    yield j, plen, " ".join(parts), node[_END]

    @staticmethod
    def _make(doc, toks: list[Token], i: int, found: tuple, offsets: bool) -> Match:
        tok_end, plen, phrase, payloads = found
        tok = toks[i]
        if offsets:
            s = doc.norm.orig_span(tok.nstart + plen, tok.nend)[0]
            e = doc.norm.orig_span(toks[tok_end - 1].nstart, toks[tok_end - 1].nend)[1]
        else:
            s = e = -1
        return Match(s, e, i, tok_end, tok.norm[:plen], phrase, list(payloads))


def _first_token_at(toks: list[Token], offset: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo
