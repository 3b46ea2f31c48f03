"""Optional NER runtime knobs that the shipped model does not switch on but the
training experiments use (training/ner/README.md): per-label decoding bias and the
sentence-topic feature group."""
from __future__ import annotations

from isnad.models.ner import Tagger, load_tagger
from isnad.models.ner.features import sentence_features

TOKS = "وفاز فريق برشلونة على ريال مدريد في مباراة الدوري الإسباني أمس".split()


def _with_bias(base, bias):
    return Tagger(base.model_path, base.resources, base.nets, base.crf_lambda,
                  base.propagate_window, base.propagate_theta, bias)


def test_zero_bias_is_the_shipped_decoder():
    base = load_tagger()
    assert _with_bias(base, {"ORG": 0.0}).tag(TOKS) == base.tag(TOKS)


def test_label_bias_moves_decisions_towards_the_label():
    base = load_tagger()
    if not base.nets:          # the bias applies to the ensemble's emissions only
        return
    tags = _with_bias(base, {"ORG": 50.0}).tag(TOKS)
    assert sum(t.endswith("ORG") for t in tags) > sum(t.endswith("ORG") for t in base.tag(TOKS))
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)


def test_topic_features_only_with_the_option():
    res = load_tagger().resources
    plain = sentence_features(TOKS, res)
    assert not any(f.startswith("tp=") for fs in plain for f in fs)
    old = res.opts
    try:
        res.opts = frozenset(old | {"topic"})
        res.cache.clear()
        feats = sentence_features(TOKS, res)
    finally:
        res.opts = old
        res.cache.clear()
    assert all("tp=sport" in fs for fs in feats)
    assert sentence_features([], res) == []
