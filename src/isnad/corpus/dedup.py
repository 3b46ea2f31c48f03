"""Near-duplicates and republications: MinHash signatures of a text, and an LSH index over them.

One job: given a document's text, say which already-indexed documents carry (nearly) the same
words, and how much of them.  The store persists the signatures (:func:`pack` / :func:`unpack`)
so the index is rebuilt from the database; this module never touches the database.

Why a library: datasketch's MinHash and MinHashLSH are the standard, well-tested implementation
(banding parameters chosen for a threshold and the false-positive/negative weights); writing our
own would only add bugs.  What is ours is the text side: shingles are word 3-grams over the
isnad-normalised text (:func:`isnad.text.normalize.normalize`: hamza/alef, yaa, taa marbuta,
diacritics, tatweel, digits) with punctuation and symbols removed, so a republication that only
re-punctuates or re-spells hamzas is still the same text.

Two signatures a document:

``full``  the whole text (title excluded: outlets rewrite titles).
``lead``  the first :data:`LEAD_WORDS` words: the wire paragraph that newspapers republish and
          then extend (SaudiNewsNet has hundreds of SPA "(واس)" stories whose lead paragraph is
          identical across papers while the rest differs, which the full-text Jaccard misses).

Link kinds and thresholds (estimated Jaccard of the word-3-gram sets, 128 permutations, so an
estimate is within about ±0.05 of the truth at these values):

``duplicate``      full Jaccard ≥ :data:`DUPLICATE` (0.9): the same text, give or take a header.
``republication``  full Jaccard ≥ :data:`REPUBLICATION` (0.5): the same article, edited.
``shared_lead``    lead Jaccard ≥ :data:`SHARED_LEAD` (0.6) with both leads ≥ :data:`MIN_LEAD_SHINGLES`
                   shingles: the same wire lead under different bodies.
``related``        full Jaccard ≥ :data:`RELATED` (0.35): heavily rewritten coverage of the same
                   story, or a different event told with the same template (a second aid convoy
                   arriving).  Shown beside a document, not used for stories.

How the thresholds were chosen (SaudiNewsNet, first 2,000 articles, `isnad eval dedup`): 40 random
links at ≥ 0.5 (and shared leads ≥ 0.6) were all the same article or wire story.  Below 0.5 the
picture changes: a first exploratory look at 15 pairs in [0.3, 0.5) found 12 the same story
rewritten and 3 not (a second and a third aid convoy told with the same template at 0.46, two
different Eid events in one city at 0.33, two angles of one football transfer), while the 20 random
``related`` links judged for the evaluation were all the same story.  Hence a separate, weaker kind
that stories leave out unless asked (``isnad stories --related``).

LSH candidates are looked up at a lower threshold (:data:`LSH_THRESHOLD`) and then kept only by
their estimated Jaccard, so the banding's false negatives near the threshold are rarer.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import regex
from datasketch import LeanMinHash, MinHash, MinHashLSH

from ..text.normalize import normalize

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
SHINGLE = 3
LEAD_WORDS = 60
MIN_LEAD_SHINGLES = 20
DUPLICATE = 0.9
REPUBLICATION = 0.5
SHARED_LEAD = 0.6
RELATED = 0.35
LSH_THRESHOLD = 0.3

_PUNCT = regex.compile(r"[\p{P}\p{S}\p{C}]+")


def words(text: str) -> list[str]:
    """Normalised words of a text, punctuation and symbols removed."""
    return _PUNCT.sub(" ", normalize(text or "")).split()


def shingles(ws: list[str], k: int = SHINGLE) -> set[str]:
    if not ws:
        return set()
    if len(ws) < k:
        return {" ".join(ws)}
    return {" ".join(ws[i:i + k]) for i in range(len(ws) - k + 1)}


_PERMUTATIONS = None


def minhash(sh: set[str]) -> LeanMinHash | None:
    global _PERMUTATIONS
    if not sh:
        return None
    if _PERMUTATIONS is None:   # generating them is a third of the cost of a signature: once a process
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in sh])
    return LeanMinHash(m)


@dataclass
class Signature:
    """The two signatures of one document and the sizes of their shingle sets."""
    full: LeanMinHash | None
    n_full: int
    lead: LeanMinHash | None
    n_lead: int


def signature(text: str) -> Signature:
    ws = words(text)
    full = shingles(ws)
    lead = shingles(ws[:LEAD_WORDS])
    if len(ws) <= LEAD_WORDS or len(lead) < MIN_LEAD_SHINGLES:
        # a short text is its own lead: comparing it twice adds nothing
        return Signature(minhash(full), len(full), None, 0)
    return Signature(minhash(full), len(full), minhash(lead), len(lead))


def pack(m: LeanMinHash | None) -> bytes | None:
    return None if m is None else np.asarray(m.hashvalues, dtype=np.uint32).tobytes()


def unpack(b: bytes | None) -> LeanMinHash | None:
    if not b:
        return None
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(b, dtype=np.uint32), scheme=SCHEME)


def containment(j: float, n_a: int, n_b: int) -> float:
    """|A∩B| / min(|A|, |B|) from a Jaccard estimate and the set sizes."""
    if not n_a or not n_b:
        return 0.0
    inter = j * (n_a + n_b) / (1.0 + j)
    return min(1.0, inter / min(n_a, n_b))


@dataclass
class Link:
    other: str          # the already-indexed document
    jaccard: float      # estimated Jaccard of the signature that decided the kind
    containment: float
    kind: str           # duplicate | republication | shared_lead


class DedupIndex:
    """In-memory LSH over full-text and lead signatures; :meth:`add` returns the new links."""

    def __init__(self) -> None:
        self.full = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.lead = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.sigs: dict[str, Signature] = {}

    def __len__(self) -> int:
        return len(self.sigs)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.sigs

    def links(self, doc_id: str, sig: Signature) -> list[Link]:
        """Links from a (not yet inserted) signature to the indexed documents."""
        found: dict[str, Link] = {}
        if sig.full is not None:
            for other in self.full.query(sig.full):
                if other == doc_id:
                    continue
                o = self.sigs[other]
                j = float(sig.full.jaccard(o.full))
                kind = ("duplicate" if j >= DUPLICATE else "republication" if j >= REPUBLICATION
                        else "related" if j >= RELATED else None)
                if kind:
                    found[other] = Link(other, round(j, 4), round(containment(j, sig.n_full, o.n_full), 4), kind)
        # Leads: a long text's lead against the other long texts' leads and against short texts
        # (whole); a short text (its own lead) against the long texts' leads.  This finds a wire
        # item republished at the head of a longer article.
        probes = []
        if sig.lead is not None:
            probes += [(sig.lead, sig.n_lead, self.lead, "lead"), (sig.lead, sig.n_lead, self.full, "short")]
        elif sig.full is not None and sig.n_full >= MIN_LEAD_SHINGLES:
            probes += [(sig.full, sig.n_full, self.lead, "lead")]
        for probe, n_probe, index, want in probes:
            for other in index.query(probe):
                if other == doc_id or (other in found and found[other].kind != "related"):
                    continue
                o = self.sigs[other]
                if want == "lead":
                    om, on = o.lead, o.n_lead
                elif o.lead is None and o.n_full >= MIN_LEAD_SHINGLES:
                    om, on = o.full, o.n_full
                else:
                    continue
                j = float(probe.jaccard(om))
                if j >= SHARED_LEAD:
                    found[other] = Link(other, round(j, 4), round(containment(j, n_probe, on), 4), "shared_lead")
        return sorted(found.values(), key=lambda x: (-x.jaccard, x.other))

    def insert(self, doc_id: str, sig: Signature) -> None:
        if doc_id in self.sigs:
            return
        self.sigs[doc_id] = sig
        if sig.full is not None:
            self.full.insert(doc_id, sig.full)
        if sig.lead is not None:
            self.lead.insert(doc_id, sig.lead)

    def add(self, doc_id: str, sig: Signature) -> list[Link]:
        found = self.links(doc_id, sig) if doc_id not in self.sigs else []
        self.insert(doc_id, sig)
        return found
