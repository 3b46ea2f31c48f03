"""The packaged Arabic NER tagger (PERS, LOC, ORG, MISC; BIO), trained on ANERcorp.

Artefacts in this folder (see MODEL_CARD.md): ``model.crfsuite`` (a linear-chain
CRF, python-crfsuite) and ``lexicon.tsv.gz`` (the feature tables the model was
trained with: word-embedding clusters learned on SaudiNewsNet and the ANERGazet
name lists).  Built by ``training/ner/train.py``.

    >>> from isnad.models.ner import load_tagger
    >>> load_tagger().tag(["قال", "الرئيس", "بشار", "الأسد"])
    ['O', 'O', 'B-PERS', 'I-PERS']
"""
from __future__ import annotations

import gzip
import threading
from functools import lru_cache
from pathlib import Path

from ...errors import ResourceError
from .features import Resources, build_gazet, sentence_features

HERE = Path(__file__).resolve().parent
MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicon.tsv.gz"
# Very long sentences are tagged in overlapping windows of this many tokens, so
# time and memory stay linear (crfsuite's Viterbi is linear anyway, but feature
# lists for 10^5 tokens are large).
WINDOW = 400
OVERLAP = 20


def load_resources(path: Path) -> Resources:
    """Read ``lexicon.tsv.gz``: ``#clusters\tk64\tk256...`` header, then
    ``c<TAB>word<TAB>ids...`` rows, and ``g<TAB>label<TAB>phrase`` rows."""
    clusters: dict[str, tuple[str, ...]] = {}
    names: tuple[str, ...] = ()
    gaz = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            kind = parts[0]
            if kind == "c":
                clusters[parts[1]] = tuple(parts[2:])
            elif kind == "g":
                gaz.append((parts[2], parts[1]))
            elif kind == "#clusters":
                names = tuple(parts[1:])
    trie, longest = build_gazet(gaz)
    return Resources(clusters=clusters, cluster_names=names, gazet=trie, gazet_max=longest)


def write_resources(path: Path, clusters: dict, names, gazet_entries) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("#clusters\t" + "\t".join(names) + "\n")
        for w, ids in clusters.items():
            if "\t" in w or "\n" in w:
                continue
            f.write("c\t" + w + "\t" + "\t".join(ids) + "\n")
        for phrase, label in gazet_entries:
            f.write(f"g\t{label}\t{phrase}\n")


class Tagger:
    """BIO tags for tokenised sentences.  Thread-safe (one crfsuite tagger per thread)."""

    def __init__(self, model_path: Path, resources: Resources):
        import pycrfsuite  # python-crfsuite
        self._pycrfsuite = pycrfsuite
        self.model_path = str(model_path)
        self.resources = resources
        self._local = threading.local()
        self._tagger()                       # fail now, not at the first document

    def _tagger(self):
        t = getattr(self._local, "tagger", None)
        if t is None:
            t = self._pycrfsuite.Tagger()
            try:
                t.open(self.model_path)
            except Exception as e:           # noqa: BLE001 - crfsuite raises bare ValueError/IOError
                raise ResourceError(f"NER model {self.model_path} cannot be read: {e}") from e
            self._local.tagger = t
        return t

    def _tag_window(self, tokens: list[str]) -> list[str]:
        feats = sentence_features(tokens, self.resources)
        return list(self._tagger().tag(feats))

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags for one sentence (a list of token strings)."""
        n = len(tokens)
        if n == 0:
            return []
        if n <= WINDOW:
            return _repair(self._tag_window(tokens))
        out: list[str] = []
        start = 0
        while start < n:
            end = min(n, start + WINDOW)
            lo = max(0, start - OVERLAP)
            tags = self._tag_window(tokens[lo:end])
            out.extend(tags[start - lo:])
            start = end
        return _repair(out)

    def tag_sents(self, sents: list[list[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sents]


def _repair(tags: list[str]) -> list[str]:
    """Make the sequence valid BIO: an I-X not continuing an X becomes B-X."""
    prev = "O"
    for i, t in enumerate(tags):
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = tags[i] = "B-" + t[2:]
        prev = t
    return tags


@lru_cache(maxsize=None)
def load_tagger(folder: str | None = None) -> Tagger:
    """The packaged tagger, loaded once per process."""
    d = Path(folder) if folder else HERE
    model, lex = d / MODEL_FILE, d / LEXICON_FILE
    for p in (model, lex):
        if not p.exists():
            raise ResourceError(f"NER model file missing: {p} (reinstall isnad, or build it "
                                f"with training/ner/train.py)")
    return Tagger(model, load_resources(lex))
