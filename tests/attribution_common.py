"""Shared scaffolding of the attribution round tests (test_attribution_round8.py, _round9.py):
the pipelines and the views of an attribution they compare.  `from attribution_common import
attr, nlp, one, ...` makes the fixtures theirs."""
import pytest

from isnad.pipeline import Pipeline

BASE = ["normalize", "language", "segment", "tokenize", "doc_kind"]


@pytest.fixture(scope="module")
def attr():
    """The attribution stage without NER."""
    return Pipeline(BASE + ["attribution"])


@pytest.fixture(scope="module")
def nlp():
    """The pipeline `isnad eval attribution` runs (with NER)."""
    from isnad.evaluation.attribution import pipeline
    return pipeline()


def cues(doc):
    return [a.cue.text for a in doc.attributions]


def one(doc, cue):
    """The attribution whose cue text is ``cue``."""
    return next(a for a in doc.attributions if a.cue.text == cue)


def ctext(doc, a):
    return doc.text[a.content.start:a.content.end]


def src(doc, a):
    """The text of the attribution's explicit source mention (None when implicit)."""
    m = a.extra.get("source_mention")
    return doc.text[m["start"]:m["end"]] if m else None


def vias(doc, a):
    return [doc.text[v["start"]:v["end"]] for v in a.extra.get("via_mentions", [])]


def ante(doc, a):
    """The mentions of the source an attribution rests on (its antecedent chain)."""
    s = next(s for s in doc.sources if s.id == a.source)
    return [doc.text[m.start:m.end] for m in s.mentions]
