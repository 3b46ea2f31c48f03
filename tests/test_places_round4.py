"""Places, fourth round: the generic fixes made after blind3 (a coalition's leader inside an
organisation name, البلاد before a relative pronoun, transfers in sports stories, the Copa América
and the Hajj blocked, listed companies in market reports, a venue's locality) and the coverage
classes added (Kuwait's areas, Al-Ahsa's towns, eastern Turkish provinces, the Hajj sites' short
forms).  The sentences are written for these tests."""

from places_common import nlp, resolved_ids as _ids, place_texts as _texts  # noqa: F401 (fixtures)
from isnad.geo.gazetteer import supplement_rows






def test_kuwait_rows_have_provenance_and_uncertainty():
    rows = [r for r in supplement_rows() if r["id"].startswith("isnad:kw-")]
    assert len(rows) >= 30
    assert all(r["provenance"].startswith("curator-map") and float(r["uncertainty_km"]) > 0 for r in rows)


def test_kuwaiti_area_resolves_and_adjective_homographs_stay_words(nlp):
    doc = nlp("وقع التفجير في مسجد بمنطقة الصوابر في الكويت.")
    assert "isnad:kw-sawabir" in _ids(doc)
    doc = nlp("تدرج اللاعب في الفئات العمرية وشارك في الفترة الصباحية.")
    assert not doc.places


def test_anaphor_before_a_relative_pronoun(nlp):
    doc = nlp("قتل ستة في اشتباكات في تركيا أمس، وفي جنوب شرق البلاد الذي تقطنه أغلبية كردية قتل آخرون.")
    assert "البلاد" in _texts(doc)


def test_coalition_leader_inside_an_organisation_name(nlp):
    doc = nlp("سمحت أنقرة للتحالف الذي تقوده الولايات المتحدة باستخدام قواعدها الجوية.")
    assert "geonames:6252001" in _ids(doc)


def test_hajj_and_copa_america_are_not_places(nlp):
    doc = nlp("ناقش الاجتماع الاستعدادات الخاصة لحج هذا العام.")
    assert not doc.places
    doc = nlp("شارك اللاعب مع منتخب بلاده في بطولة كوبا أمريكا في تشيلي.")
    assert "كوبا" not in _texts(doc) and "geonames:3895114" in _ids(doc)


def test_listed_company_in_a_market_report(nlp):
    doc = nlp("أنهى مؤشر سوق الأسهم تداولاته عند 9098 نقطة، وكانت أسهم شركات أنابيب والمتطورة "
              "وعسير الأكثر ارتفاعا، وتراجعت أسهم 115 شركة في تداولات اليوم.")
    assert "iso3166-2:SA-14" not in _ids(doc)


def test_venue_locality_near_a_named_governorate(nlp):
    doc = nlp("تقام الفعاليات في الأحساء في قاعة الهاشل بالعيون وقاعة أماسي بالطرف.")
    assert {"isnad:sa-ahsa-uyun", "geonames:107959"} <= _ids(doc)


def test_turkish_province_with_its_feature_word(nlp):
    doc = nlp("أطلق المسلحون الصواريخ على موقع عسكري بإقليم موش شرق تركيا.")
    assert "iso3166-2:TR-49" in _ids(doc)


def test_idioms_and_indefinite_nouns_are_not_places(nlp):
    # made after reading blind4's errors (not reflected in its figure)
    for text in ("عثر على ايصالات في مسقط رأسه بلدة صغيرة",
                 "تسلم المدير درعًا تذكاريًا من الاتحاد",
                 "أن يعيد هذه المناسبة على وطننا باليمن والمسرات",
                 "اندلعت اشتباكات في قريتي تل أعور والفريكة وسيطرت القوات على القريتين"):
        assert not nlp(text).places, text


def test_a_feature_word_carries_down_a_list_of_units(nlp):
    doc = nlp("شنت طائرات التحالف غارات على مواقع في محافظات مأرب وعمران وحجة وصعدة والجوف.")
    assert {"iso3166-2:YE-MA", "iso3166-2:YE-AM", "iso3166-2:YE-HJ", "iso3166-2:YE-SD",
            "iso3166-2:YE-JA"} <= _ids(doc)


def test_kurdish_town_names(nlp):
    assert "geonames:172256" in _ids(nlp("قبل رحلة مقررة لبلدة كوباني في سوريا"))
