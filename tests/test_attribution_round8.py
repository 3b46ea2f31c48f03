"""Round 8 (issue #6): constructions learnt from the spent evaluation splits, on invented sentences."""
import pytest

from isnad.pipeline import Pipeline

BASE = ["normalize", "language", "segment", "tokenize", "doc_kind"]


@pytest.fixture(scope="module")
def attr():
    return Pipeline(BASE + ["attribution"])


def one(doc, cue):
    return next(a for a in doc.attributions if a.cue.text == cue)


def ctext(doc, a):
    return doc.text[a.content.start:a.content.end]


def src(doc, a):
    m = a.extra.get("source_mention")
    return doc.text[m["start"]:m["end"]] if m else None


def vias(doc, a):
    return [doc.text[v["start"]:v["end"]] for v in a.extra.get("via_mentions", [])]


def test_naqala_with_a_time_adverb_before_an(attr):
    # نقلت X اليوم السبت عن Y قوله: the time adverb does not hide the inner source
    doc = attr("ونقلت وكالة الأنباء الرسمية اليوم السبت عن الوزير قوله «لن نتراجع عن الاتفاق».")
    a = one(doc, "نقلت")
    assert src(doc, a) == "الوزير"
    assert vias(doc, a) == ["وكالة الأنباء الرسمية"]


def test_short_quotation_closing_the_sentence(attr):
    # وقال المعهد «…». — a short quotation after an organisation is what it said, not its name
    doc = attr("وقال المعهد في بيانه الأول «نحن محايدون تماما». وأضاف المركز «سنواصل العمل».")
    a = one(doc, "قال")
    assert src(doc, a) == "المعهد" and ctext(doc, a) == "«نحن محايدون تماما»"
    doc = attr("وقال المعهد «نحن محايدون».")
    a = one(doc, "قال")
    assert src(doc, a) == "المعهد" and ctext(doc, a) == "«نحن محايدون»"
