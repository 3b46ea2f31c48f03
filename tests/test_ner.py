"""NER: the packaged model's score on ANERcorp test.tsv, the stage, `isnad tag --conll`,
and bad input.  No training here (training/ner/train.py builds the model)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from isnad.cli import main as cli_main
from isnad.evaluation.ner import chunks, score
from isnad.io.conll import tag_lines
from isnad.models.ner import load_tagger
from isnad.stages.ner import NerStage, _spans

from conftest import require_shared

SCORES = json.loads((Path(__file__).resolve().parent.parent / "src/isnad/models/ner/scores.json")
                    .read_text(encoding="utf-8"))
MARGIN = 0.005      # the tagger is deterministic; allow for float noise only
LABELS = {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}


@pytest.fixture(scope="module")
def tagger():
    return load_tagger()


@pytest.fixture(scope="module")
def ner_nlp():
    import isnad
    return isnad.load(["normalize", "language", "segment", "tokenize", "ner"])


# -- the committed model reaches its measured score ---------------------------------

def test_test_tsv_score_matches_model_card():
    from isnad.evaluation.ner import evaluate
    path = require_shared("anercorp", "split", "test.tsv")
    scores, info = evaluate(path)
    measured = SCORES["test"]["micro"][2]
    assert scores["micro"][2] >= measured - MARGIN
    assert info["tokens"] == 25007
    for lab in ("PERS", "LOC", "ORG", "MISC"):
        assert scores[lab][2] >= SCORES["test"][lab][2] - 0.01


def test_eval_cli_prints_per_label_and_micro(capsys):
    require_shared("anercorp", "split", "test.tsv")
    assert cli_main(["eval", "ner"]) == 0
    out = capsys.readouterr().out
    for lab in ("PERS", "LOC", "ORG", "MISC", "micro"):
        assert f"\n{lab}" in out
    assert "tokens/s" in out


# -- scoring follows conlleval --------------------------------------------------------

def test_chunks_conlleval_semantics():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-ORG"]
    assert chunks(tags) == {("PERS", 0, 2), ("LOC", 3, 5), ("LOC", 5, 6), ("ORG", 6, 7), ("ORG", 7, 8)}


def test_score_exact_span_only():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]
    s = score(gold, pred)
    assert s["LOC"][:3] == (1.0, 1.0, 1.0)
    assert s["PERS"][:3] == (0.0, 0.0, 0.0)
    assert s["micro"][:3] == (0.5, 0.5, 0.5)


# -- the tagger on text written for these tests --------------------------------------

def test_tags_people_places_organisations(tagger):
    toks = "وقال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة ستجتمع".split()
    tags = tagger.tag(toks)
    assert set(tags) <= LABELS
    assert tags[3:5] == ["B-PERS", "I-PERS"]
    assert tags[6] == "B-LOC"
    assert tags[8:10] == ["B-ORG", "I-ORG"]


def test_clitic_attached_place(tagger):
    toks = "وصل الوفد إلى بغداد أمس قادما من القاهرة .".split()
    tags = tagger.tag(toks)
    assert tags[3] == "B-LOC" and tags[7] == "B-LOC"


@pytest.mark.parametrize("toks", [
    [],
    ["hello", "world", "this", "is", "English", "."],
    ["😀", "🔥", "#", "@user", "http://x.y/z"],
    ["قال", "Trump", "إن", "Biden", "😀", "في", "New", "York"],
    ["ا" * 10_000, "في", "x" * 5_000 + "ب" * 5_000, "دمشق"],
    ["", " ", "\u200f", "\u0651"],
    ["قال", "\ud800", "x\udfffy", "جورج", "بوش"],          # lone surrogates
])
def test_bad_input_gives_valid_tags(tagger, toks):
    tags = tagger.tag(toks)
    assert len(tags) == len(toks)
    assert set(tags) <= LABELS
    prev = "O"
    for t in tags:          # valid BIO
        assert not (t.startswith("I-") and prev[2:] != t[2:])
        prev = t


def test_ten_thousand_token_sentence(tagger):
    base = "وقال وزير الخارجية السعودي سعود الفيصل في الرياض إن".split()
    toks = (base * (10_000 // len(base) + 1))[:10_000]
    tags = tagger.tag(toks)
    assert len(tags) == 10_000
    assert set(tags) <= LABELS
    assert tags.count("B-LOC") > 500        # الرياض, again and again


# -- the stage -------------------------------------------------------------------------

def test_stage_entities_offsets_and_sentences(ner_nlp):
    text = ("قال الرئيس الأمريكي جورج بوش في واشنطن أمس إن القوات ستبقى.\n"
            "وأعلنت الأمم المتحدة أن الأمين العام كوفي عنان سيزور بيروت.")
    doc = ner_nlp(text)
    assert doc.entities, "expected entities"
    for i, e in enumerate(doc.entities, 1):
        assert e.id == f"e{i}"
        assert text[e.start:e.end] == e.text
        assert e.label in ("PERS", "LOC", "ORG", "MISC")
        s = doc.sentence_at(e.start)
        assert s is not None and doc.sentences[s].end >= e.end     # never crosses a sentence
    found = {(e.text, e.label) for e in doc.entities}
    assert ("جورج بوش", "PERS") in found
    assert ("واشنطن", "LOC") in found
    assert ("بيروت", "LOC") in found


def test_stage_never_crosses_sentences():
    # a tagger that says I-PERS everywhere must still be cut at sentence ends
    class AllPers:
        def tag_sents(self, sents, document=False):
            return [["B-PERS"] + ["I-PERS"] * (len(toks) - 1) if toks else [] for toks in sents]
    import isnad
    nlp = isnad.load(["normalize", "language", "segment", "tokenize"])
    doc = nlp("جورج بوش. كوفي عنان!")
    stage = NerStage.__new__(NerStage)
    stage.config, stage.tagger = {}, AllPers()
    stage.process(doc)
    assert [e.text for e in doc.entities] == ["جورج بوش", "كوفي عنان"]


@pytest.mark.parametrize("text", [
    "", "   \n\n ", "Just English text, no Arabic at all. Second sentence!",
    "😀😀😀 🔥🔥", "مرحبا 😀 world 123 @user #وسم https://example.com/a?b=c",
    "ب" * 20_000, ("كلمة " * 10_000).strip(),
])
def test_stage_bad_input(ner_nlp, text):
    doc = ner_nlp(text)
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
        assert e.start < e.end


def test_spans_helper():
    assert list(_spans(["B-PERS", "I-PERS", "I-LOC", "O", "I-ORG"])) == [
        ("PERS", 0, 2), ("LOC", 2, 3), ("ORG", 4, 5)]


# -- isnad tag --conll -------------------------------------------------------------------

CONLL = "قال\tO\nالرئيس\tO\nجورج\tB-PERS\nبوش\tI-PERS\n.\tO\n\n\nفي\nواشنطن\tB-LOC\n"


def test_tag_lines_keeps_lines_and_blanks(tagger):
    out = io.StringIO()
    n = tag_lines(io.StringIO(CONLL), out, tagger)
    assert n == 7
    lines = out.getvalue().split("\n")
    assert lines[:8] == ["قال\tO", "الرئيس\tO", "جورج\tB-PERS", "بوش\tI-PERS", ".\tO", "", "",
                         "في\tO"]
    assert lines[8].startswith("واشنطن\t")
    assert len(lines) == 10 and lines[-1] == ""     # same line count, trailing newline


def test_tag_cli(tmp_path, capsys):
    p = tmp_path / "in.conll"
    p.write_text(CONLL, encoding="utf-8")
    assert cli_main(["tag", "--conll", str(p)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == CONLL.count("\n")
    assert all(len(ln.split("\t")) == 2 for ln in out.split("\n") if ln)


def test_tag_cli_bad_files(tmp_path, capsys):
    assert cli_main(["tag", "--conll", str(tmp_path / "missing.conll")]) == 1
    assert "missing.conll" in capsys.readouterr().err
    bad = tmp_path / "bad.conll"
    bad.write_bytes(b"ok\tO\n\xff\xfe\tO\n")
    assert cli_main(["tag", "--conll", str(bad)]) == 1
    assert "line 2" in capsys.readouterr().err


def test_tag_on_shared_test_file_round_trips(tmp_path):
    path = require_shared("anercorp", "split", "test.tsv")
    out = io.StringIO()
    with open(path, encoding="utf-8") as f:
        src = f.read()
    tag_lines(io.StringIO(src), out)
    got = out.getvalue().split("\n")
    want = src.split("\n")
    assert len(got) == len(want)
    for a, b in zip(got, want):
        assert (a == "") == (b == "")
        if a:
            assert a.split("\t")[0] == b.split("\t")[0]
