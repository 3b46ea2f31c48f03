"""Generic false-place rules found in blind5's errors (after its single run): a ligament is not
Rabat, "brotherly" after a country is not the village Ash-Shaqiq, "Syrian" after a noun is not
Syria.  The sentences are written for these tests."""
from places_common import nlp  # noqa: F401 (fixture)


def _texts(doc):
    return [p.text for p in doc.places]


def test_a_ligament_is_not_rabat(nlp):
    assert _texts(nlp("تعرض اللاعب لقطع جزئي في رباط الكاحل وسيغيب عن المباراة.")) == []
    assert _texts(nlp("أصيب المهاجم بقطع في الرباط الصليبي للركبة.")) == []
    assert "الرباط" in _texts(nlp("عاد الوفد من مدينة الرباط إلى الدار البيضاء."))


def test_brotherly_after_a_country_is_its_adjective(nlp):
    got = _texts(nlp("وتشمل المنطقة الغربية بما فيها اليمن الشقيق وعسير والباحة والطائف."))
    assert "الشقيق" not in got and {"اليمن", "عسير"} <= set(got)
    assert "الشقيق" in _texts(nlp("وصل الوفد إلى محافظة الشقيق في منطقة جازان."))


def test_syrian_after_a_noun_is_an_adjective(nlp):
    assert _texts(nlp("قالت مصادر سورية إن القوات دخلت حلب.")) == ["حلب"]
    assert _texts(nlp("دخلت قوات سورية إلى لبنان.")) == ["لبنان"]
    assert _texts(nlp("أعلنت سورية أن الطائرات قصفت المدينة.")) == ["سورية"]
    assert _texts(nlp("عاد اللاجئون إلى سورية.")) == ["سورية"]
