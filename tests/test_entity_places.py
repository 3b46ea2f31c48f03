"""The entity_places stage: NER LOC entities aligned with the resolved places."""
from pathlib import Path

import pytest

import isnad
from isnad.document import Document, Entity, Place
from isnad.stages.entity_places import EntityPlacesStage

EXAMPLE = Path(isnad.__file__).parent / "examples" / "sputnik_retweet.txt"


def _doc(text, ents, places):
    doc = Document(text)
    doc.entities = [Entity(f"e{i}", s, e, text[s:e], lab, None, None, {"source": src})
                    for i, (s, e, lab, src) in enumerate(ents, 1)]
    doc.places = [Place(f"p{i}", s, e, text[s:e], name="x", no_match=nm,
                        extra={"entity": ref} if ref else {})
                  for i, (s, e, nm, ref) in enumerate(places, 1)]
    return doc


def _span(text, s):
    i = text.index(s)
    return i, i + len(s)


def test_fragments_of_one_place_become_one_entity():
    text = "وصلت القوات إلى بادية دير الزور شرقي البلاد وقالت سانا"
    d0, d1 = _span(text, "دير")
    z0, z1 = _span(text, "الزور")
    s0, s1 = _span(text, "سانا")
    doc = _doc(text, [(d0, d1, "LOC", "ner"), (z0, z1, "LOC", "ner"), (s0, s1, "ORG", "ner+registry")],
               [(d0, z1, False, "e1")])
    EntityPlacesStage().process(doc)
    assert [(e.id, e.text, e.label) for e in doc.entities] == [("e1", "دير الزور", "LOC"), ("e2", "سانا", "ORG")]
    merged = doc.entities[0]
    assert merged.extra["source"] == "ner+gazetteer"
    assert merged.extra["place"] == "p1"
    assert merged.extra["ner_spans"] == [[d0, d1], [z0, z1]]
    assert doc.places[0].extra["entity"] == "e1"


def test_proclitic_kept_by_the_tagger_is_trimmed():
    text = "رفعت السعودية الأسعار لآسيا في سبتمبر"
    a0, a1 = _span(text, "لآسيا")
    doc = _doc(text, [(a0, a1, "LOC", "ner")], [(a0 + 1, a1, False, None)])
    EntityPlacesStage().process(doc)
    assert [(e.text, e.start) for e in doc.entities] == [("آسيا", a0 + 1)]
    assert doc.places[0].extra["entity"] == "e1"


def test_disagreements_are_left_alone():
    text = "قال جون كيري في كوالالمبور إن حزب الله في بيروت"
    k0, k1 = _span(text, "جون كيري في كوالالمبور")     # a PERS span over a place: not ours to fix
    c0, c1 = _span(text, "كوالالمبور")
    b0, b1 = _span(text, "بيروت")
    doc = _doc(text, [(k0, k1, "PERS", "ner"), (b0, b1 + 0, "LOC", "ner")],
               [(c0, c1, False, None), (b0, b1, True, None)])        # بيروت: no_match
    before = [(e.id, e.start, e.end, e.label) for e in doc.entities]
    EntityPlacesStage().process(doc)
    assert [(e.id, e.start, e.end, e.label) for e in doc.entities] == before
    # an entity that reaches past the place's end is not cut
    text = "في حي غويران الشمالي"
    g0, g1 = _span(text, "غويران الشمالي")
    p0, p1 = _span(text, "حي غويران")
    doc = _doc(text, [(g0, g1, "LOC", "ner")], [(p0, p1, False, None)])
    EntityPlacesStage().process(doc)
    assert [e.text for e in doc.entities] == ["غويران الشمالي"]


def test_registry_entities_are_not_touched():
    text = "والولايات المتحدة"
    doc = _doc(text, [(0, len(text), "LOC", "ner+registry")], [(1, len(text), False, None)])
    EntityPlacesStage().process(doc)
    assert doc.entities[0].text == text


@pytest.fixture(scope="module")
def example_record():
    nlp = isnad.load()
    return nlp(EXAMPLE.read_text(encoding="utf-8"), published="2022-01-27").to_json()


def test_example_places_and_entities_agree(example_record):
    rec = example_record
    isnad.validate(rec)          # raises on an invalid record
    ents = {e["id"]: e for e in rec["entities"]}
    # no LOC entity is a fragment of a resolved multi-word place
    for p in rec["places"]:
        if p["no_match"] or " " not in p["text"]:
            continue
        inside = [e for e in rec["entities"] if e["label"] == "LOC"
                  and p["start"] <= e["start"] and e["end"] <= p["end"]
                  and (e["start"], e["end"]) != (p["start"], p["end"])]
        assert not inside, (p["text"], [e["text"] for e in inside])
    # every place-entity link points both ways
    for p in rec["places"]:
        if p.get("entity"):
            assert ents[p["entity"]]["start"] <= p["start"] and p["end"] <= ents[p["entity"]]["end"]
    deir = [e for e in rec["entities"] if e["text"] == "دير الزور"]
    assert deir and all(e["label"] == "LOC" for e in deir)
    assert not [e for e in rec["entities"] if e["text"] in ("دير", "الزور")]
