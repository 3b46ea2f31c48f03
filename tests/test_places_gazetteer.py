"""The packaged gazetteer: curated data integrity, look-ups, containment, the evaluation."""
import pytest

from isnad.geo import haversine, load_gazetteer
from isnad.geo.containment import iraq_units
from isnad.geo.names import key_of, variants
from isnad.resources.catalogue import load_tsv, load_yaml

from conftest import require_shared


def test_supplement_rows_carry_provenance_and_uncertainty():
    rows = load_tsv("gazetteer/supplement.tsv")
    assert len(rows) >= 100
    ids = set()
    for r in rows:
        assert r["id"].startswith("isnad:") and r["id"] not in ids
        ids.add(r["id"])
        assert r["provenance"].strip(), r["id"]
        assert float(r["uncertainty_km"]) > 0, r["id"]
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180
        assert r["ar"].strip()


def test_rules_file_is_data():
    rules = load_yaml("gazetteer/rules.yaml")
    for key in ("stop", "context_required", "blocks", "feature_words", "area_words", "anaphors"):
        assert rules.get(key), key


@pytest.mark.parametrize("name,want", [
    ("الحسكة", "geonames:173811"), ("البوكمال", "pcode:SY0902"), ("أبو كمال", "geonames:174448"),
    ("مخيم الهول", "isnad:sy-camp-hol"), ("قاعدة التنف", "isnad:sy-base-tanf"), ("حقل العمر", "isnad:sy-field-omar"),
    ("معبر البوكمال القائم", "isnad:sy-iq-crossing-bukamal-qaim"), ("سجن غويران", "isnad:sy-hasakah-sinaa-prison"),
    ("صنعاء", "geonames:71137"), ("الأنبار", "pcode:IQG01"), ("Deir ez-Zor", "pcode:SY09"),
])
def test_lookup(name, want):
    assert want in {e.id for e in load_gazetteer().lookup(name)}


def test_variants():
    assert "البوكمال" in variants(key_of("أبو كمال")) and "ديرالزور" in variants(key_of("دير الزور"))


def test_admin_containment():
    g = load_gazetteer()
    assert iraq_units(33.31, 44.36)[1] == "IQG08"                 # Baghdad
    mosul = g.get("geonames:99072")
    assert mosul.admin1_id == "pcode:IQG15"                       # Ninewa
    damascus = g.get("geonames:170654")
    assert damascus.admin1_id == "pcode:SY01"
    prison = g.get("isnad:sy-hasakah-sinaa-prison")             # filled from its parent
    assert prison.admin1_id == "pcode:SY08"
    assert g.get("pcode:SY08").contains(prison)


def test_every_entry_has_coordinates_and_country_codes():
    g = load_gazetteer()
    for i in range(0, len(g), 97):                               # a sample: building all costs time
        e = g.entry(i)
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180 and e.radius_km > 0
        assert e.country == "" or len(e.country) == 2


def test_eval_places_dev_split():
    require_shared("saudinewsnet", "dataset")
    from isnad.evaluation.places import evaluate
    res = evaluate("dev")
    assert res["gold_mentions"] >= 150
    assert res["accuracy_within_tolerance"] >= 0.93
    assert res["false_place_rate"] <= 0.03


def test_eval_fakes_names():
    require_shared("fa-kes", "FA-KES-Dataset.csv")
    from isnad.evaluation.places import evaluate_fakes
    assert evaluate_fakes()["name_resolution_accuracy"] >= 0.99


def test_haversine():
    assert abs(haversine(36.50, 40.75, 35.33, 40.14) - 140) < 10
