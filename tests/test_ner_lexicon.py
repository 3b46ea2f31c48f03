"""The club / brand / tournament gazetteer supplement (resources/lexicons/ner_orgs_misc.tsv)."""
from isnad.models.ner.features import Resources, build_gazet, sentence_features
from isnad.resources.catalogue import load_tsv


def _rows():
    return load_tsv("lexicons/ner_orgs_misc.tsv")


def test_rows_are_well_formed():
    rows = _rows()
    assert len(rows) > 500
    assert {r["label"] for r in rows} == {"ORG", "MISC"}
    assert all(r["phrase"].strip() and r["type"] for r in rows)
    types = {r["type"] for r in rows}
    assert {"club_ma", "club_eu", "car_maker", "tournament"} <= types


def test_clitic_aware_longest_match():
    trie, longest = build_gazet((r["phrase"], r["label"]) for r in _rows())
    res = Resources(gazet=trie, gazet_max=longest)
    toks = "فاز المغرب الفاسي على وبرشلونة في كأس العالم بسيارة أودي".split()
    gz = [[f for f in fs if f.startswith("gz=")] for fs in sentence_features(toks, res)]
    assert "gz=B-ORG" in gz[1] and "gz=I-ORG" in gz[2]       # المغرب الفاسي (club, 2 tokens)
    assert "gz=B-ORG" in gz[4]                                # و+برشلونة
    assert "gz=B-MISC" in gz[6] and "gz=I-MISC" in gz[7]     # كأس العالم
    assert "gz=B-ORG" in gz[9]                                # أودي
