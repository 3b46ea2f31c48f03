"""Round 7 (after the blind6 run): a big city's lead over a far smaller namesake decides; a quarter
listed among world cities is not that quarter; a dateline names a town abroad; spellings and named
parts of Dubai; another name of the Prophet's Mosque.  The sentences are written for these tests."""

from places_common import nlp, nlp_ner, ids_by_text as _ids  # noqa: F401 (fixtures)






def test_a_big_city_outweighs_a_far_smaller_namesake(nlp):
    # Raqqa (SY, ~530,000) against a Kuwaiti Ar Riqqah (~52,000): ten times larger decides
    doc = nlp("قصفت الطائرات مواقع في مدينة الرقة أمس.")
    assert _ids(doc)["الرقة"] == "geonames:172955"


def test_a_quarter_listed_among_world_cities(nlp):
    doc = nlp("تسير الشركة رحلات إلى لندن وباريس والدار البيضاء والقاهرة.")
    assert _ids(doc)["الدار البيضاء"] == "geonames:2553604"


def test_a_riyadh_quarter_with_its_feature_word_stays(nlp):
    doc = nlp("افتتحت البلدية حديقة في حي الدار البيضاء جنوب الرياض.")
    assert _ids(doc)["حي الدار البيضاء"] == "isnad:sa-riyadh-dar-baida"


def test_a_dateline_names_a_town_abroad(nlp_ner):
    doc = nlp_ner("وكالة الأنباء – جنيف\nقال المتحدث إن المحادثات ستستأنف الأسبوع المقبل.")
    assert _ids(doc).get("جنيف") == "geonames:2660646"


def test_no_dateline_in_the_middle_of_the_text(nlp):
    from isnad.stages.places import PlacesStage  # noqa: F401  (the rule is on the stage)
    doc = nlp("قال المتحدث إن المحادثات ستستأنف.\nوأضاف – جنيف")
    # the second line is no dateline: nothing beyond the usual rules
    assert all(p.text != "جنيف" or p.extra.get("evidence") != "context" for p in doc.places)


def test_jakarta_spelling(nlp):
    assert _ids(nlp("وصل الوفد إلى جاكرتا مساء أمس."))["جاكرتا"] == "geonames:1642911"


def test_numbered_communities_of_dubai(nlp):
    doc = nlp("افتتحت بلدية دبي حدائق جديدة في الثنية الخامسة والروية الأولى ومعيصم الأول.")
    ids = _ids(doc)
    assert ids["الثنية الخامسة"] == "isnad:ae-dubai-thanyah"
    assert ids["الروية الأولى"] == "isnad:ae-dubai-ruwayyah"
    assert ids["معيصم الأول"] == "isnad:ae-dubai-meaisem"


def test_business_bay_is_not_the_gulf(nlp):
    doc = nlp("يقع المشروع الجديد في منطقة الخليج التجاري بدبي.")
    assert _ids(doc)["منطقة الخليج التجاري"] == "isnad:ae-dubai-business-bay"
    assert _ids(nlp("افتتح فندق جديد في الخليج التجاري في دبي."))["الخليج التجاري"] == "isnad:ae-dubai-business-bay"


def test_the_prophets_mosque_by_another_name(nlp):
    doc = nlp("أدى آلاف المصلين صلاة الجمعة في مسجد رسول الله بالمدينة المنورة.")
    assert _ids(doc)["مسجد رسول الله"] == "isnad:sa-masjid-an-nabawi"


def test_a_yemeni_district_word_names_its_seat(nlp):
    assert _ids(nlp("وصلت القافلة إلى مديرية العبر صباح اليوم."))["العبر"] == "geonames:74785"
    # the common word (lessons) stays a word
    assert "العبر" not in _ids(nlp("استخلص الناس العبر من الحادثة."))


def test_a_country_name_in_quotes_is_the_company(nlp):
    assert "السعودية" not in _ids(nlp("ويتزامن ذلك مع إطلاق “السعودية” تطبيقا جديدا للمسافرين."))
    # a town in quotes stays a place
    assert _ids(nlp("قتل مدنيون في «الرقة» أمس."))["الرقة"] == "geonames:172955"
