"""Places: the third round of coverage (supplement_conflict.tsv: war-report towns, districts and the
region's airports), the feature-word and capital rules, and the stage's memoisation (same output).
The sentences are written for these tests."""
import pytest

import isnad
from isnad.document import Entity
from isnad.geo import haversine, load_gazetteer
from isnad.geo.gazetteer import supplement_files

PRE = ["normalize", "language", "segment", "tokenize"]


@pytest.fixture(scope="module")
def nlp():
    return isnad.load(PRE + ["places"])


def _by_text(doc):
    return {p.text: p for p in doc.places}


def test_conflict_supplement_is_read():
    assert "gazetteer/supplement_conflict.tsv" in supplement_files()
    g = load_gazetteer()
    for gid in ("isnad:iq-qaraqosh", "isnad:sy-fuah", "isnad:ye-nihm", "isnad:il-airport-ben-gurion"):
        e = g.get(gid)
        assert e is not None and e.radius_km > 0 and e.provenance


def test_airport_named_after_a_city_is_the_airport(nlp):
    doc = nlp("هبطت الطائرة في مطار اللد قرب تل أبيب بعد رحلة من أثينا.", meta={"country": "SA"})
    p = _by_text(doc)["مطار اللد"]
    assert p.gazetteer_id == "isnad:il-airport-ben-gurion"


def test_subdistrict_feature_word_takes_the_town(nlp):
    doc = nlp("وقالت الشرطة العراقية إن الاشتباكات وقعت قرب الرمادي وفي ناحية كفري بمحافظة ديالى.",
              meta={"country": "IQ"})
    p = _by_text(doc)["كفري"]
    assert not p.no_match and p.country == "IQ"


def test_capital_after_the_name_is_the_city(nlp):
    doc = nlp("وقع التفجير في منطقة الصوابر بالكويت العاصمة صباح الجمعة.", meta={"country": "SA"})
    p = _by_text(doc)["الكويت"]
    assert p.gazetteer_id == "geonames:285787"          # Kuwait City, not the state


def test_hamrin_short_form_after_the_range(nlp):
    doc = nlp("فروا عبر مرتفعات حمرين نحو بلدة العلم، ثم عاد الأب إلى حمرين بحثا عن الماء.",
              meta={"country": "IQ"})
    short = [p for p in doc.places if p.text == "حمرين"]
    assert short and short[0].gazetteer_id == "isnad:iq-mt-hamrin"


def test_quarter_of_baqubah_needs_its_feature_word(nlp):
    doc = nlp("انفجرت عبوة ناسفة في حي اليرموك غربي بعقوبة.", meta={"country": "IQ"})
    p = _by_text(doc)["اليرموك"]
    assert p.gazetteer_id == "isnad:iq-baqubah-yarmouk"
    doc = nlp("يعاني سكان مخيم اليرموك في دمشق من الحصار.", meta={"country": "SA"})
    assert all(p.gazetteer_id != "isnad:iq-baqubah-yarmouk" for p in doc.places)


def test_memoised_stage_gives_the_same_records_twice(nlp):
    text = ("قصفت الطائرات مواقع في الرقة ودير الزور، وقالت مصادر في الحسكة إن الاشتباكات امتدت إلى "
            "ريف حلب الشمالي. وفي اليمن تقدمت القوات نحو عدن ولحج.")
    a = [(p.start, p.end, p.gazetteer_id, p.no_match, p.candidates) for p in nlp(text).places]
    b = [(p.start, p.end, p.gazetteer_id, p.no_match, p.candidates) for p in nlp(text).places]
    assert a == b and len(a) >= 6


def test_fuzzy_memo_returns_the_same_candidates():
    g = load_gazetteer()
    first = [(e.id, s) for e, s in g.fuzzy("ديرالزورر", limit=5, cutoff=70.0)]
    again = [(e.id, s) for e, s in g.fuzzy("ديرالزورر", limit=5, cutoff=70.0)]
    assert first == again and first


def test_ner_span_inside_the_document_is_found(nlp):
    # _mention_from_entity finds the entity's tokens by offset (bisect), not by a scan of all tokens
    text = "قال الجيش إن المعارك دارت في قرية الهديدةة شرق كفري."
    pre = isnad.load(PRE)
    doc = pre(text, meta={"country": "IQ"})
    s = text.index("الهديدةة")
    doc.entities.append(Entity(id="e1", start=s, end=s + len("الهديدةة"), text="الهديدةة", label="LOC"))
    from isnad.stages.places import PlacesStage
    PlacesStage().process(doc)
    assert any(p.start == s for p in doc.places)


@pytest.mark.parametrize("text,name,gid", [
    ("دانت الجزائر بشدة الهجوم الإرهابي.", "الجزائر", "geonames:2589581"),     # the state, not Algiers
    ("أعلنت تونس حالة الطوارئ.", "تونس", "geonames:2464461"),
    ("وصل الوزير إلى تونس العاصمة مساء أمس.", "تونس", "geonames:2464470"),     # the capital, said so
    ("وقع انفجار في مدينة الجزائر.", "الجزائر", "geonames:2507480"),
])
def test_country_named_like_its_capital(nlp, text, name, gid):
    p = _by_text(nlp(text, meta={"country": "SA"}))[name]
    assert p.gazetteer_id == gid


def test_homeland_defenders_are_not_hama(nlp):
    doc = nlp("استهدفت الجريمة حماة الوطن في مسجد قوات الطوارئ بأبها.", meta={"country": "SA"})
    assert all(p.text != "حماة" for p in doc.places)
    doc = nlp("قصف الطيران مدينة حماة وريفها.", meta={"country": "SY"})
    assert any(p.text == "حماة" and not p.no_match for p in doc.places)


def test_gulf_club_in_a_sports_story(nlp):
    text = ("قدم الخليج مهاجمه الجديد في المؤتمر الصحافي الذي عقده النادي بحضور المدرب، وقال اللاعب إن "
            "الخليج فريق طموح وإنه سيسجل الأهداف في الدوري هذا الموسم.")
    doc = nlp(text, meta={"country": "SA"})
    assert not [p for p in doc.places if p.text == "الخليج"]
