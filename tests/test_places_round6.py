"""Round 6 (coverage): a district word names the district; a town abroad named after a preposition
that the NER tags, or after its province; formal country names; curated quarters of Saudi cities
resolved by the city the document names, and generic quarter names only when it names it.  The
sentences are written for these tests."""

from places_common import nlp, nlp_ner, ids_by_text as _ids  # noqa: F401 (fixtures)






def test_a_district_word_names_the_district(nlp):
    assert _ids(nlp("قتل عشرات المدنيين في قضاء سنجار شمال العراق."))["سنجار"] == "pcode:IQG15Q07"
    assert _ids(nlp("سيطر التنظيم على قضاء تلعفر."))["تلعفر"] == "pcode:IQG15Q08"
    # without the word, the town
    assert _ids(nlp("عاد النازحون إلى مدينة سنجار."))["سنجار"] == "geonames:448149"


def test_formal_country_names(nlp):
    assert _ids(nlp("هنأ الملك حكومة وشعب الاتحاد السويسري بذكرى اليوم الوطني."))["الاتحاد السويسري"] \
        == "geonames:2658434"
    assert _ids(nlp("وقعت المملكة اتفاقية مع الاتحاد الروسي."))["الاتحاد الروسي"] == "geonames:2017370"


def test_a_town_abroad_after_its_province_or_a_preposition(nlp, nlp_ner):
    assert _ids(nlp("وصل الرئيس إلى جروزني عاصمة جمهورية الشيشان."))["جروزني"] == "geonames:558418"
    assert _ids(nlp_ner("وتقيم المنظمة احتفالا في مقرها في جنيف اليوم."))["جنيف"] == "geonames:2660646"
    assert _ids(nlp("مقتل رئيس المخابرات السابق في بوروندي."))["بوروندي"] == "geonames:433561"


def test_saudi_quarters_follow_the_named_city(nlp):
    md = _ids(nlp("وقع الحادث في حي العزيزية بالمدينة المنورة."))
    assert md["حي العزيزية"] == "isnad:sa-madinah-aziziyah-md"
    assert _ids(nlp("وقع الحادث في حي العزيزية بجدة."))["حي العزيزية"] == "isnad:sa-jeddah-aziziyah-j"
    assert _ids(nlp("نقل المصابون من حي شوران بالمدينة المنورة."))["حي شوران"] == "isnad:sa-madinah-shuran"
    # a quarter name many cities share: only when its Saudi city is named
    assert _ids(nlp("نفذت البلدية مشروعا في حي الزهراء بجدة."))["حي الزهراء"] == "isnad:sa-jeddah-zahra-j"
    assert "حي الزهراء" not in _ids(nlp("قصفت الطائرات حي الزهراء في حمص."))


def test_the_emergency_forces_mosque(nlp):
    got = _ids(nlp("فجر انتحاري نفسه في مسجد قوات الطوارئ بأبها."))
    assert got["مسجد قوات الطوارئ"] == "isnad:sa-abha-emergency-mosque"


def test_second_place_is_no_centre(nlp):
    assert _ids(nlp("احتل الفريق مركز الوصافة في الدوري.")) == {}


def test_a_federation_is_no_state(nlp):
    assert _ids(nlp("وقال الاتحاد الروسي لكرة القدم إن المدرب رحل.")) == {}
    assert _ids(nlp("قال مدير الاتحاد السويسري لصادرات اللحوم إن الأسعار ارتفعت.")) == {}
    assert _ids(nlp("اجتمع وزيرا خارجية الولايات المتحدة والاتحاد الروسي."))["الاتحاد الروسي"] == "geonames:2017370"


def test_a_region_word_keeps_the_region(nlp):
    got = [(p.text, p.gazetteer_id) for p in nlp("حضر أمير منطقة الرياض الحفل في قصر الثقافة بحي السفارات بالرياض.").places]
    assert got[0] == ("الرياض", "iso3166-2:SA-01") and ("حي السفارات", "isnad:sa-riyadh-safarat") in got
