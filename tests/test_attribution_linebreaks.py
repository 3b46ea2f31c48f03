"""Colon quotations and sentence boundaries (notes/QA.md QA-2): every line break the segmenter
knows (\\n, \\r, U+2028, U+2029) ends the speaker's noun phrase, and a closing quote that ends
the sentence before does not belong to the next speaker."""
import pytest

import isnad


@pytest.fixture(scope="module")
def nlp():
    return isnad.load()


@pytest.mark.parametrize("br", ["\n", "\r", "\u2028", "\u2029"])
def test_colon_speaker_after_any_line_break(nlp, br):
    text = f"خبر عاجل{br}المتحدث باسم الجيش: انفجار في المدينة."
    doc = nlp(text)
    (a,) = [a for a in doc.attributions if a.cue.text == ":"]
    (src,) = [s for s in doc.sources if s.id == a.source]
    assert [text[m.start:m.end] for m in src.mentions] == ["المتحدث باسم الجيش"]


def test_colon_speaker_stops_at_closing_quote_of_sentence_before(nlp):
    text = 'عندما قالت: "هل هذا الأمر طبيعي؟" فكان جوابي: "نعم هذا طبيعي".'
    doc = nlp(text)
    for s in doc.sources:
        for m in s.mentions:
            assert '"' not in text[m.start:m.end]
