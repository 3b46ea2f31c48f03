"""The packaged Arabic NER tagger (PERS, LOC, ORG, MISC; BIO), trained on ANERcorp.

Artefacts in this folder (see MODEL_CARD.md):

* ``model.crfsuite``: a linear-chain CRF (python-crfsuite) over rich token features;
* ``lexicon.tsv.gz``: the feature tables the models were trained with (word-embedding
  clusters learned on SaudiNewsNet, the ANERGazet name lists, optional tables);
* ``nn*.npz`` (optional): BiLSTM-CRF taggers run with numpy (``neural.py``);
* ``ensemble.json`` (optional): which members to combine and how.  With neural
  members, the returned sequence maximises the networks' CRF score plus
  ``crf_lambda`` × Σ log P_featureCRF(tag) (see :class:`Tagger`); and
  ``propagate_window``/``propagate_theta`` switch on document-level label
  consistency (:func:`propagate`).

Built by ``training/ner/train.py``.

    >>> from isnad.models.ner import load_tagger
    >>> load_tagger().tag(["قال", "الرئيس", "جورج", "بوش"])
    ['O', 'O', 'B-PERS', 'I-PERS']
"""
from __future__ import annotations

import gzip
import json
import threading
from functools import lru_cache
from pathlib import Path

from ...errors import ResourceError
from .features import Resources, build_gazet, clusters_of, sentence_features

HERE = Path(__file__).resolve().parent
MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicon.tsv.gz"
ENSEMBLE_FILE = "ensemble.json"
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
# Very long sentences are tagged in overlapping windows of this many tokens, so
# memory stays bounded and time linear.
WINDOW = 400
OVERLAP = 20
NN_BATCH = 32


def load_resources(path: Path) -> Resources:
    """Read ``lexicon.tsv.gz``.  Rows: ``#clusters<TAB>names...``, ``#opts<TAB>opts...``,
    the cluster table as two aligned rows (``W<TAB>word<TAB>word...`` and
    ``C<TAB>ids<TAB>ids...``, each ``ids`` the comma-joined cluster ids of one word;
    older files have one ``c<TAB>word<TAB>ids...`` row per word), ``g<TAB>label<TAB>phrase``,
    ``n<TAB>word<TAB>features...`` (neighbour-label features), ``m<TAB>word<TAB>class``
    (morphological-dictionary class).  The column layout is read with a handful of
    C-level splits instead of a Python loop over 120k rows, and a word's ids are split
    only when the word is first seen (:func:`features.clusters_of`): model load ≤ 1 s."""
    clusters: dict[str, tuple[str, ...]] = {}
    nnlab: dict[str, tuple[str, ...]] = {}
    morph: dict[str, str] = {}
    names: tuple[str, ...] = ()
    opts: frozenset = frozenset()
    gaz = []
    words: list[str] = []
    ids: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        text = f.read()
    for line in text.split("\n"):
        kind, _, rest = line.partition("\t")
        if kind == "g":
            label, _, phrase = rest.partition("\t")
            gaz.append((phrase, label))
        elif kind == "W":
            words = rest.split("\t")
        elif kind == "C":
            ids = rest.split("\t")
        elif kind == "c":
            parts = rest.split("\t")
            clusters[parts[0]] = tuple(parts[1:])
        elif kind == "n":
            parts = rest.split("\t")
            nnlab[parts[0]] = tuple(parts[1:])
        elif kind == "m":
            w, _, cls = rest.partition("\t")
            morph[w] = cls
        elif kind == "#clusters":
            names = tuple(rest.split("\t"))
        elif kind == "#opts":
            opts = frozenset(p for p in rest.split("\t") if p)
    if len(words) != len(ids):
        raise ResourceError(f"NER lexicon {path}: cluster ids do not match the word row")
    clusters.update(zip(words, ids))          # str values: split lazily
    trie, longest = build_gazet(gaz)
    return Resources(clusters=clusters, cluster_names=names, gazet=trie, gazet_max=longest,
                     nnlab=nnlab, opts=opts, morph=morph)


def write_resources(path: Path, res: Resources, gazet_entries) -> None:
    words = [w for w in res.clusters if "\t" not in w and "\n" not in w and w]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("#clusters\t" + "\t".join(res.cluster_names) + "\n")
        f.write("#opts\t" + "\t".join(sorted(res.opts)) + "\n")
        if words:
            f.write("W\t" + "\t".join(words) + "\n")
            f.write("C\t" + "\t".join(",".join(clusters_of(res, w)) for w in words) + "\n")
        for w, feats in res.nnlab.items():
            if "\t" in w or "\n" in w:
                continue
            f.write("n\t" + w + "\t" + "\t".join(feats) + "\n")
        for w, cls in res.morph.items():
            if "\t" in w or "\n" in w:
                continue
            f.write(f"m\t{w}\t{cls}\n")
        for phrase, label in gazet_entries:
            f.write(f"g\t{label}\t{phrase}\n")


def _one_blas_thread():
    """The LSTM's matrix products are small (batch 32 × 100 hidden units): a
    multi-threaded BLAS spends more time synchronising than computing (4× the CPU
    time measured on the shared 2-core machine), so they run on one thread."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:                      # optional: only speed depends on it
        import contextlib
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


class Tagger:
    """BIO tags for tokenised sentences.  Thread-safe (one crfsuite tagger per thread).

    With networks, the tag sequence maximises the networks' CRF score (their
    emissions and transitions, averaged) plus ``crf_lambda`` × the log posterior of
    each tag under the feature CRF."""

    def __init__(self, model_path: Path, resources: Resources, nets=(), crf_lambda: float = 0.5,
                 propagate_window: int = 0, propagate_theta: float = 0.5,
                 label_bias: dict | None = None):
        import pycrfsuite  # python-crfsuite
        self._pycrfsuite = pycrfsuite
        self.model_path = str(model_path)
        self.resources = resources
        self.nets = list(nets)
        self.crf_lambda = crf_lambda
        self.propagate_window = propagate_window
        self.propagate_theta = propagate_theta
        self.label_bias = dict(label_bias or {})
        self._bias = None
        if self.nets and any(self.label_bias.values()):
            import numpy as np
            self._bias = np.array([self.label_bias.get(t[2:], 0.0) if t != "O" else 0.0
                                   for t in TAGS])
        if self.nets:
            import numpy as np
            perms = [[net.tags.index(t) for t in TAGS] for net in self.nets]
            self._perms = perms
            self._trans = np.mean([n.trans[np.ix_(p, p)] for n, p in zip(self.nets, perms)], axis=0)
            self._start = np.mean([n.start[p] for n, p in zip(self.nets, perms)], axis=0)
            self._end = np.mean([n.end[p] for n, p in zip(self.nets, perms)], axis=0)
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

    # -- windows of ≤ WINDOW tokens ------------------------------------------------------
    def _crf_marginals(self, tokens):
        """Feature-CRF posteriors (n × len(TAGS)); its Viterbi path is left in the tagger."""
        import numpy as np
        t = self._tagger()
        t.set(sentence_features(tokens, self.resources))
        n = len(tokens)
        M = np.zeros((n, len(TAGS)))
        labels = t.labels()
        mg = t.marginal
        M[:, [TAGS.index(lab) for lab in labels]] = np.array(
            [[mg(lab, i) for i in range(n)] for lab in labels]).T
        return M

    def _decode(self, windows: list[list[str]], need_conf: bool):
        """(tags, confidence per token) for each window."""
        import numpy as np
        from .neural import marginals, viterbi_batch
        if not self.nets:
            out = []
            for w in windows:
                if need_conf:
                    M = self._crf_marginals(w)
                    tags = list(self._tagger().tag())
                    conf = [M[i, TAGS.index(tag)] for i, tag in enumerate(tags)]
                else:
                    tags = list(self._tagger().tag(sentence_features(w, self.resources)))
                    conf = [1.0] * len(w)
                out.append((tags, conf))
            return out
        ems = [np.zeros((len(w), len(TAGS))) for w in windows]
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        with _one_blas_thread():
            for net, perm in zip(self.nets, self._perms):
                for a in range(0, len(order), NN_BATCH):
                    idx = order[a:a + NN_BATCH]
                    for i, em in zip(idx, net.emissions_batch([windows[i] for i in idx])):
                        ems[i] += em[:, perm]
        fin = []
        for w, em in zip(windows, ems):
            em = em / len(self.nets)
            if self.crf_lambda:
                em = em + self.crf_lambda * np.log(self._crf_marginals(w) + 1e-6)
            if self._bias is not None:
                em = em + self._bias
            fin.append(em)
        out = []
        for em, best in zip(fin, viterbi_batch(fin, self._trans, self._start, self._end)):
            # confidences are only ever read inside entities (propagate): a window
            # tagged all O needs no forward-backward
            if need_conf and any(best):
                M = marginals(em, self._trans, self._start, self._end)
                conf = M[np.arange(len(best)), best].tolist()
            else:
                conf = [1.0] * len(best)
            out.append(([TAGS[k] for k in best], conf))
        return out

    # -- public ------------------------------------------------------------------------
    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags for one sentence (a list of token strings)."""
        return self.tag_sents([tokens])[0]

    def tag_sents(self, sents: list[list[str]], *, document: bool = False) -> list[list[str]]:
        """BIO tags for several sentences (the networks batch them).  With
        ``document=True`` the sentences are one document in order, and a name
        tagged confidently in one sentence is also tagged where it recurs
        untagged within ``propagate_window`` sentences (see :func:`propagate`)."""
        windows: list[list[str]] = []
        plan: list[list[tuple[int, int]]] = []     # per sentence: (window index, tokens to skip)
        for toks in sents:
            n = len(toks)
            p = []
            start = 0
            while start < n:
                end = min(n, start + WINDOW)
                lo = max(0, start - OVERLAP)
                p.append((len(windows), start - lo))
                windows.append(list(toks[lo:end]))
                start = end
            plan.append(p)
        decoded = self._decode(windows, document and bool(self.propagate_window))
        wtags = [d[0] for d in decoded]
        wconf = [d[1] for d in decoded]
        out, conf = [], []
        for p in plan:
            tags: list[str] = []
            cs: list[float] = []
            for wi, skip in p:
                tags.extend(wtags[wi][skip:])
                cs.extend(wconf[wi][skip:])
            out.append(_repair(tags))
            conf.append(cs)
        if document and self.propagate_window:
            out = propagate(sents, out, conf, self.propagate_window, self.propagate_theta)
        return out


def _entity_runs(tags: list[str]):
    start = None
    label = None
    for i, tag in enumerate([*tags, "O"]):
        p, _, t = tag.partition("-")
        if start is not None and (p != "I" or t != label):
            yield label, start, i
            start = None
        if p in ("B", "I") and start is None:
            start, label = i, t


def propagate(sents: list[list[str]], tags: list[list[str]], conf: list[list[float]],
              window: int, theta: float) -> list[list[str]]:
    """Document-level label consistency.  Every entity tagged with mean posterior
    ≥ ``theta`` is remembered as a sequence of normalised tokens; where the same
    sequence recurs within ``window`` sentences entirely tagged ``O`` (its first
    token may carry prefix clitics: و ف ب ل ك, لل), it gets the entity's label
    (the majority label if it was tagged several ways).  One-token names must be
    at least 3 letters.  Chosen on the dev slice: +1 F1 there."""
    from ...text.normalize import normalize
    from ...text.tokenize import clitic_splits
    norms = [[normalize(t) if len(t) <= 40 else "" for t in s] for s in sents]
    splits: dict[str, list] = {}          # token -> clitic readings, once per call
    ents: list[tuple[int, tuple, str]] = []
    for si, (tg, cf) in enumerate(zip(tags, conf)):
        for lab, a, b in _entity_runs(tg):
            if sum(cf[a:b]) / (b - a) >= theta:
                key = tuple(norms[si][a:b])
                if all(key) and (b - a > 1 or len(key[0]) >= 3):
                    ents.append((si, key, lab))
    if not ents:
        return tags
    out = [list(t) for t in tags]
    for si, toks in enumerate(norms):
        cands: dict[tuple, list[str]] = {}
        for sj, key, lab in ents:
            if abs(sj - si) <= window:
                cands.setdefault(key, []).append(lab)
        if not cands:
            continue
        by_first: dict[str, list[tuple]] = {}
        for key in sorted(cands, key=len, reverse=True):
            by_first.setdefault(key[0], []).append(key)
        cur = out[si]
        i = 0
        while i < len(toks):
            hit = None
            if cur[i] == "O" and toks[i]:
                rd = splits.get(toks[i])
                if rd is None:
                    rd = splits[toks[i]] = clitic_splits(toks[i])
                for _, first in rd:
                    for key in by_first.get(first, ()):
                        L = len(key)
                        if (tuple(toks[i + 1:i + L]) == key[1:]
                                and all(x == "O" for x in cur[i:i + L])):
                            if hit is None or L > len(hit):
                                hit = key
            if hit is None:
                i += 1
                continue
            labs = cands[hit]
            lab = max(sorted(set(labs)), key=labs.count)
            cur[i] = "B-" + lab
            for k in range(i + 1, i + len(hit)):
                cur[k] = "I-" + lab
            i += len(hit)
    return out


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
    res = load_resources(lex)
    cfg = {}
    ens = d / ENSEMBLE_FILE
    if ens.exists():
        cfg = json.loads(ens.read_text(encoding="utf-8"))
    nets = []
    if cfg.get("nn"):
        from .neural import NeuralTagger
        nets = [NeuralTagger(d / name, res) for name in cfg["nn"]]
    return Tagger(model, res, nets, float(cfg.get("crf_lambda", 0.5)),
                  int(cfg.get("propagate_window", 0)), float(cfg.get("propagate_theta", 0.5)),
                  cfg.get("label_bias"))
