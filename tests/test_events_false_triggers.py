"""Events: false triggers from normalisation and clitic collisions (notes/QA.md QA-5)."""
import pytest

import isnad


@pytest.fixture(scope="module")
def nlp():
    return isnad.load()


@pytest.mark.parametrize("text", [
    "وهو أفضل لاعب في العالم",            # أفضل "best" (petrarch.فضل)
    "فضلا عن ذلك قال الوزير",              # فضلا عن "in addition to"
    "في إطار التعاون بين البلدين",         # في إطار "within the framework of" (petrarch.طار)
    "تسعى الحكومة إلى تحسين الخدمات",      # "seeks to" (petrarch.سعي)
    "بلغت قيمة الصادرات 5 مليارات",        # بلغت "amounted to", not ب + لغت (petrarch.لغي)
    "حصل اللاعب على جائزة",                # "obtained" (petrarch.حصل)
])
def test_no_event(nlp, text):
    assert [(e.type, e.trigger.text) for e in nlp(text).events] == []


def test_ministry_is_not_visited_him(nlp):
    evs = [(e.type, e.trigger.text) for e in nlp("أعلنت وزارة الداخلية القبض على خلية").events]
    assert evs == [("COERCE", "القبض")]


@pytest.fixture(scope="module")
def nlp_fast():
    return isnad.load(["normalize", "language", "segment", "tokenize", "events"])


@pytest.mark.parametrize("text", [
    "وقع الطرفان صفقة أسلحة",              # صفقة read as صفقه "he clapped him"
    "حصلت طالبة على منحة",                 # طالبة read as طالبه "he asked him"
])
def test_verb_form_never_reads_a_word_written_with_ta_marbuta(nlp_fast, text):
    assert [(e.type, e.trigger.text) for e in nlp_fast(text).events] == []


def test_ta_marbuta_guard_keeps_the_noun_reading(nlp_fast):
    evs = [(e.type, e.trigger.text, e.extra["trigger_kind"])
           for e in nlp_fast("أعربت الحكومة عن إدانة الهجوم").events]
    assert ("ACCUSE", "إدانة", "noun") in evs
    evs = [(e.type, e.trigger.text) for e in nlp_fast("خرجت المظاهرات المنددة بالقرار").events]
    assert evs == [("PROTEST", "المظاهرات")]


# ---------------------------------------------------------------- issue #7: general news
# Invented sentences, one per confusion seen on SaudiNewsNet (evaluation/data/events/
# news_precision_dev.tsv), and the real event reports that must still fire.

@pytest.mark.parametrize("text,etype", [
    ("وهو ما يسمى في المنطقة بالبستان", "ACCUSE"),              # يسمى "is called" (seed سمي)
    ("نقل سموه تحيات القيادة للمواطنين", "ACCUSE"),              # سموه "His Highness"
    ("تم فتح باب قيد الناخبين أمس", "ACCUSE"),                  # قيد "registration"
    ("ارتفعت الأسهم بفعل بيانات اقتصادية", "ACCUSE"),           # بفعل "due to"
    ("اطلع المجلس على التقرير السنوي", "ACCUSE"),               # اطلع "reviewed"
    ("أرباح الشركة بعد خصم الضرائب", "ACCUSE"),                 # خصم "deduction"
    ("أغلب هؤلاء يصلون من أفريقيا", "REJECT"),                  # أغلب "most"
    ("لا يعرف حجم المشكلة", "REJECT"),                          # حجم "size"
    ("تغلب النادي على منافسه بثلاثة أهداف", "REJECT"),          # تغلب "beat" (sports)
    ("نال الحكم جائزة التميز", "SUPPORT"),                      # نال "won"
    ("هذا ما توصلنا إليه من معلومات", "SUPPORT"),               # توصلنا "we found"
    ("تراجعت الأسواق مع ضعف أسعار النفط", "SANCTION"),          # ضعف "weakness"
    ("تغير المناخ يؤثر على الفقراء", "ASSAULT"),               # تغير "change" (أغار|يغير)
    ("الحل يكمن في الحوار", "ASSAULT"),                          # يكمن "lies in"
    ("تم توزيع عبوة كرتونية على كل أسرة", "ASSAULT"),           # عبوة "package"
    ("كان نصيب الفريق نقطة واحدة", "ASSAULT"),                  # نصيب "share"
    ("أصيب اللاعب بالدهشة من القرار", "ASSAULT"),               # أصيب بالدهشة "was surprised"
    ("لم يخسر الهجوم الهلالي أي كرة", "ASSAULT"),               # football attack
    ("نجا السباح من هجوم سمكة قرش", "ASSAULT"),                  # animal attack
    ("انتهى الحريق دون وقوع أية إصابات", None),                  # negated (checked below)
    ("واصل اللاعب مسيرته مع النادي", "PROTEST"),                # مسيرته "his career"
    ("تحدث عن مسيرة التعليم في المملكة", "PROTEST"),            # مسيرة "path"
    ("يعاني من الاضطرابات النفسية", "PROTEST"),                 # disorders
    ("احتشدت الجماهير في المدرجات", "PROTEST"),                  # fans in the stands
    ("فشل المدافع في السيطرة على الكرة", "COERCE"),             # ball control
    ("توقف العمل في المصنع أمس", "COERCE"),                     # توقف "stopped"
    ("افتتح المول الجديد في الرياض", "AID"),                    # مول "mall"
    ("وعدت إلى البيت مساء", "THREATEN"),                        # وعدت "and I returned"
    ("ستصمم الشركة هواتف جديدة", "THREATEN"),                   # ستصمم "will design"
    ("تخرج طالب سعودي من الجامعة", "REQUEST"),                  # طالب "a student" (no complement after it)
    ("اضطر اللاعب لمغادرة المعسكر", "REQUEST"),                  # اضطر "had to"
    ("شكرا لكم وإلى اللقاء", "CONSULT"),                         # "goodbye"
    ("يخوض الفريق لقاءه الأول أمام الاتحاد", "CONSULT"),          # a match
    ("تم نقل المصاب إلى المستشفى", "MOBILIZE"),                  # a patient, not a mobilisation
    ("رحب رئيس البلدية بالحضور", "SUPPORT"),                     # ceremony
    ("بحسب تقرير صادر عن المركز", "COERCE"),                     # صادر عن "issued by"
    ("قرر الانسحاب من الصفقة نهائيا", "RETREAT"),                # a player leaving a deal
])
def test_general_news_non_events(nlp, text, etype):
    evs = nlp(text).events
    if etype is None:
        assert all(e.status == "denied" or "negation" in (e.extra.get("aux") or []) for e in evs)
    else:
        assert [e.trigger.text for e in evs if e.type == etype] == []


@pytest.mark.parametrize("text,etype,trigger", [
    ("طالب المتظاهرون بالإفراج عن المعتقلين", "REQUEST", "طالب"),
    ("طالب الرئيس البرلمان بأن يسرع في إقرار القانون", "REQUEST", "طالب"),
    ("خرجت مسيرة احتجاجية في وسط المدينة", "PROTEST", "مسيرة"),
    ("نظم آلاف المتظاهرين مسيرة ضد الحكومة", "PROTEST", "مسيرة"),
    ("أغار الطيران على مواقع المسلحين", "ASSAULT", "أغار"),
    ("أصيب جنديان بجروح خطيرة أمس", "ASSAULT", "أصيب"),
    ("سيطرت القوات على المدينة بعد معارك", "COERCE", "سيطرت"),
    ("أوقفت الشرطة المشتبه به", "COERCE", "أوقفت"),
    ("نقلت القوات تعزيزات عسكرية إلى الحدود", "MOBILIZE", "نقلت"),
    ("انسحبت القوات من المدينة", "RETREAT", "انسحبت"),
    ("عقد الوزيران لقاء في الرياض لبحث العلاقات", "CONSULT", "لقاء"),
    ("زار الرئيس فرنسا أمس", "CONSULT", "زار"),
    ("رحب الوزير بالقرار الدولي", "SUPPORT", "رحب"),
    ("صادرت السلطات أسلحة من المخزن", "COERCE", "صادرت"),
])
def test_general_news_events_still_fire(nlp, text, etype, trigger):
    assert any(e.trigger.text.startswith(trigger) for e in nlp(text).events if e.type == etype)


def test_seed_trigger_without_entity_is_not_salient(nlp_fast):
    # a PETRARCH-seed-only trigger (not in the curated lexicon) with no entity argument
    from isnad.stages.events import lexicon
    lex = lexicon(True)
    seed = [e for e in lex.entries if e.source == "petrarch"]
    assert seed
    doc = nlp_fast("طعن رجل ثلاثة أشخاص في الشارع")
    for e in doc.events:
        if e.extra.get("lexicon_source") == "petrarch" and e.type not in ("ASSAULT", "PROTEST"):
            assert e.extra["salient"] is False


def test_ta_marbuta_noun_guard(nlp_fast):
    # مظاهره written with ه is "its manifestations", مظاهرة with ة a demonstration
    assert [e for e in nlp_fast("مكافحة الفساد بشتى صوره ومظاهره").events if e.type == "PROTEST"] == []
    assert [e.trigger.text for e in nlp_fast("خرجت مظاهرة حاشدة في العاصمة").events
            if e.type == "PROTEST"] == ["مظاهرة"]
