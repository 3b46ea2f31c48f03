"""Direction words never move a point off the globe (QA-3 in notes/QA.md)."""
import pytest

import isnad


@pytest.mark.parametrize("text", ["كان الأعلى في منطقة غرب المحيط الهادي.",
                                  "في شمال المحيط المتجمد الشمالي",
                                  "جنوب القارة القطبية الجنوبية"])
def test_direction_on_continental_units_stays_valid(nlp, text):
    rec = nlp(text).to_json()
    isnad.validate(rec)
    assert rec["places"], "the ocean/continent is still found"
    for p in rec["places"]:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
        assert p["precision"] == "region"


def test_direction_still_shifts_ordinary_units(nlp):
    plain = nlp("قصف في ريف حلب").places
    north = nlp("قصف في ريف حلب الشمالي").places
    assert plain and north
    assert north[0].lat > plain[0].lat
