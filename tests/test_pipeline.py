import json

import pytest

import isnad
from isnad import Document, PipelineError, Stage
from isnad.schema import check_spans


def test_default_pipeline_order_is_valid(nlp):
    assert nlp.names[:5] == ["normalize", "language", "segment", "tokenize", "doc_kind"]
    assert {"norm", "sentences", "tokens", "kind"} <= nlp.provides


def test_unmet_needs_fail_at_build_time_naming_the_gap():
    with pytest.raises(PipelineError) as e:
        isnad.load(["segment", "tokenize"])
    msg = str(e.value)
    assert "'tokenize' needs norm" in msg and "normalize" in msg


def test_unknown_stage_is_named():
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        isnad.load(["nope"])


def test_custom_stage_slots_in():
    class Shout(Stage):
        name = "shout"
        needs = frozenset({"tokens"})
        provides = frozenset({"shout"})

        def process(self, doc):
            doc.meta["words"] = sum(t.is_word for t in doc.tokens)

    nlp = isnad.Pipeline(["normalize", "segment", "tokenize", Shout()])
    assert nlp("قال الوزير: نعم").meta["words"] == 3
    with pytest.raises(PipelineError):
        isnad.Pipeline([Shout()])


def test_record_has_every_list_and_validates(example_record):
    isnad.validate(example_record)
    for name in ("sentences", "entities", "places", "times", "sources", "attributions", "claims",
                 "events", "narratives"):
        assert isinstance(example_record[name], list)
    assert example_record["schema"] == "isnad/1"
    assert example_record["published"] == "2022-01-27"
    json.dumps(example_record, ensure_ascii=False)


def test_example_kind_sentences_and_source_line(example_record):
    r = example_record
    assert r["kind"] == "retweet" and r["lang"] == "ar"
    sents = [r["text"][s["start"]:s["end"]] for s in r["sentences"]]
    # the RT line, nine article sentences, the source line
    assert len(sents) == 11
    assert sents[1].startswith("نقلت القوات الأمريكية") and sents[-1] == "المصدر: “سبوتنيك”"
    carriers = r["meta"]["carriers"]
    assert [c["role"] for c in carriers] == ["retweet", "source_line"]
    sl = carriers[-1]
    assert sl["name"] == "سبوتنيك" and r["text"][sl["name_start"]:sl["name_end"]] == "سبوتنيك"


def test_spans_checker_catches_bad_spans(example_record):
    bad = json.loads(json.dumps(example_record))
    bad["entities"] = [{"id": "e1", "start": 5, "end": 9, "text": "wrong", "label": "LOC", "actor": None}]
    with pytest.raises(ValueError, match="entities"):
        check_spans(bad)


def test_round_trip_from_json(example_record):
    doc = Document.from_json(example_record)
    assert doc.to_json() == example_record


def test_published_is_never_guessed(nlp):
    assert nlp("وقع الهجوم يوم 20 يناير 2022").published is None
    with pytest.raises(ValueError):
        nlp("نص", published="yesterday")
