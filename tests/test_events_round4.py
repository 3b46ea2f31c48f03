"""Events, issue #7 round 4: explicit doers and organisers, whom protesters make demands of, and
accident / disease / sport contexts in which casualty words are no ASSAULT — written sentences, no
corpus text."""
import pytest

import isnad


@pytest.fixture(scope="module")
def nlp():
    return isnad.load(["normalize", "language", "segment", "tokenize", "events"])


def _args(doc, etype, role):
    return [a["text"] for e in doc.events if e.type == etype for a in e.extra["arguments"][role]]


@pytest.mark.parametrize("text, want", [
    ("قتل خمسة جنود في هجوم شنه مسلحون مجهولون على نقطة تفتيش.", "مسلحون"),
    ("تبنت جماعة أنصار الدين مسؤوليتها عن التفجير الذي أودى بحياة عشرة أشخاص.", "جماعة أنصار الدين"),
    ("خطف الصحفي من منزله على يد مسلحين ملثمين.", "مسلحين"),
    ("وكانت وحدة من الشرطة قد قتلت ثلاثة من المطلوبين.", "الشرطة"),
    ("وقال الجيش إن قوات التحالف نفذت ضربة جوية على مخزن للذخيرة.", "قوات التحالف"),
])
def test_assault_doer(nlp, text, want):
    assert any(want in a for a in _args(nlp(text), "ASSAULT", "actor"))


@pytest.mark.parametrize("text, want", [
    ("خطف الصحفي من منزله على يد مسلحين ملثمين.", "الصحفي"),
    ("انفجرت عبوة ناسفة على دورية للجيش قرب الحدود.", "دورية"),
])
def test_assault_target(nlp, text, want):
    assert any(t.startswith(want) for t in _args(nlp(text), "ASSAULT", "target"))


@pytest.mark.parametrize("text, want", [
    ("تجمع مئات العمال أمام مبنى البلدية مطالبين وزير العمل بصرف الرواتب المتأخرة.", "وزير العمل"),
    ("تظاهر الآلاف في الساحة الرئيسية للمطالبة باستقالة الحكومة.", "الحكومة"),
])
def test_protest_target_is_whom_they_make_demands_of(nlp, text, want):
    assert any(t.startswith(want) for t in _args(nlp(text), "PROTEST", "target"))


def test_protest_organiser_is_an_actor(nlp):
    doc = nlp("نظمت نقابة المعلمين مسيرة في وسط المدينة احتجاجا على تأخر الرواتب.")
    assert any(a.startswith("نقابة المعلمين") for a in _args(doc, "PROTEST", "actor"))


@pytest.mark.parametrize("text", [
    "أصيب ثلاثة أشخاص في حادث مروري على طريق المطار.",
    "توفي رجلان وأصيب عشرون آخرون بفيروس كورونا خلال الأسبوع.",
    "غاب المهاجم عن المباراة بسبب الإصابة التي تعرض لها في التدريبات.",
    "أخرجت فرق الدفاع المدني ثعبانا من أحد المنازل دون وقوع أية إصابات.",
    "خطف المنتخب الوطني لكرة الطاولة لقب البطولة.",
])
def test_no_assault_in_accident_disease_or_sport(nlp, text):
    assert [e.trigger.text for e in nlp(text).events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize("text", [
    "أصيب ثلاثة أشخاص في انفجار عبوة ناسفة قرب موقع حادث مروري.",   # an attack word keeps it
    "قتل شخصان بالرصاص في هجوم على مقهى.",
])
def test_assault_kept_with_an_attack_word(nlp, text):
    assert any(e.type == "ASSAULT" for e in nlp(text).events)
