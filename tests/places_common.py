"""Shared scaffolding of the places round tests (tests/test_places_round*.py and
test_places_blind5_fixes.py): the pipelines they run and the views of a document's places they
compare.  Imported by those modules: `from places_common import nlp, nlp_ner, ...` makes the
fixtures theirs."""
import pytest

import isnad

PRE = ["normalize", "language", "segment", "tokenize"]


@pytest.fixture(scope="module")
def nlp():
    """Places straight after tokenisation (no NER)."""
    return isnad.load(PRE + ["places"])


@pytest.fixture(scope="module")
def nlp_ner():
    """Places with the NER entities and actors it reads."""
    return isnad.load(PRE + ["doc_kind", "ner", "actors", "places"])


def resolved_ids(doc) -> set:
    """Gazetteer ids of the resolved places."""
    return {p.gazetteer_id for p in doc.places if not p.no_match}


def ids_by_text(doc) -> dict:
    """Resolved places: mention text → gazetteer id."""
    return {p.text: p.gazetteer_id for p in doc.places if not p.no_match}


def place_texts(doc) -> set:
    return {p.text for p in doc.places}
