"""Events, issue #7 session 5: foiled / found / plotted attacks, verbal "attacks", metaphors and
(broad profile) armed clashes that the lexicon no longer reports as a realised ASSAULT — written
sentences, no corpus text.  The classifier is off: these are lexicon rules."""
import pytest

import isnad
from isnad.evaluation.events import detected


@pytest.fixture(scope="module")
def nlp():
    return isnad.load(["normalize", "language", "segment", "tokenize", "events"],
                      config={"events": {"classifier": False}})


@pytest.fixture(scope="module")
def nlp_broad():
    return isnad.load(["normalize", "language", "segment", "tokenize", "events"],
                      config={"events": {"classifier": False, "profile": "broad"}})


def _assault(doc):
    return [e.trigger.text for e in detected(doc, "ASSAULT")]


@pytest.mark.parametrize("text", [
    "وأعلنت الشرطة أنها أحبطت مخططا لاعتداء إرهابي على مبنى الوزارة.",
    "فككت قوات الأمن أمس سيارة مفخخة قرب مقر السفارة.",
    "وقال المصدر إن الدورية عثرت على عبوة ناسفة معدة للتفجير تحت الجسر.",
    "ويعتقد المحققون أن الخلية كانت تحضر عددا من الهجمات الانتحارية في العاصمة.",
    "وتبين أنه كان ينوي القيام بعملية انتحارية ضد مركز الشرطة.",
])
def test_foiled_found_or_intended_attack_is_not_realised(nlp, nlp_broad, text):
    assert _assault(nlp(text)) == []
    assert _assault(nlp_broad(text)) == []


@pytest.mark.parametrize("text", [
    "أحبطت الشرطة هجوما على حاجز أمني، لكن انفجارا آخر قتل ثلاثة جنود في المدينة.",
    "وقتل خمسة أشخاص في تفجير سيارة مفخخة وسط السوق.",
    "اتهمت النيابة الرجل بالتخطيط لتفجير مقر المجلس البلدي الذي وقع في يونيو الماضي.",
])
def test_real_attacks_stay(nlp, text):
    assert _assault(nlp(text))


@pytest.mark.parametrize("text", [
    "شن رئيس الحزب هجوما عنيفا على الحكومة والحزب الحاكم في مؤتمر صحافي.",
    "وصعّد المرشح من هجومه على روسيا وانتقد حلف الناتو.",
    "وواصلت الحركة هجومها على اللجنة التنفيذية التي طالبت رئيس الوزراء بالاستقالة.",
    "وفي ثاني هجوم له على الولايات المتحدة خلال يومين قال الرئيس إن أوروبا تتحمل التكلفة.",
])
def test_verbal_attack_is_no_assault(nlp, nlp_broad, text):
    assert _assault(nlp(text)) == []
    assert _assault(nlp_broad(text)) == []


@pytest.mark.parametrize("text", [
    "شن مسلحون هجوما على حاجز للشرطة شمال المدينة.",
    "هجوم الجيش على قرية السموع أحدث هزة عنيفة.",
    "وشنت الطائرات هجوما عنيفا على مواقع المتمردين.",
    "وقع هجوم على مطعم في وسط العاصمة أسفر عن مقتل شخصين.",
])
def test_armed_attack_with_on_stays(nlp, text):
    assert _assault(nlp(text))


@pytest.mark.parametrize("text", [
    "وقتل سبعة من عناصر الجماعة أمس في اشتباك مع القوات الحكومية قرب الحدود.",
    "واندلعت اشتباكات عنيفة بين الجيش والمسلحين في الحي الشرقي.",
])
def test_clash_is_fight_in_broad_profile_only(nlp, nlp_broad, text):
    assert _assault(nlp_broad(text)) == []
    assert _assault(nlp(text))          # the crowd profile keeps clashes (the crowd labels count them)


def test_attack_in_a_clash_stays_in_broad_profile(nlp_broad):
    doc = nlp_broad("انفجرت عبوة ناسفة بدورية للجيش تلتها اشتباكات قتل خلالها مدنيان.")
    assert _assault(doc)


@pytest.mark.parametrize("text", [
    "وصادقت محكمة التمييز على الحكم بالإعدام شنقا بحق المتهم.",
    "أطلقت كوريا الشمالية صاروخا باليستيا في تجربة جديدة أمس.",
    "واتهم الحزب الحكومة باغتصاب السلطة بعد الانتخابات.",
    "ولا يجوز أن تبقى البلاد رهينة التوتر السياسي.",
    "انفجرت فضيحة جديدة في وجه رئيس البنك الدولي.",
    "وقتل شخصان جراء انفجار اسطوانة غاز في مطعم.",
])
def test_executions_tests_and_metaphors_are_no_assault(nlp, text):
    assert _assault(nlp(text)) == []


@pytest.mark.parametrize("text", [
    "أعدم مسلحون رهينة أجنبيا ذبحا في الصحراء.",
    "وثبتت عليه تهم تتعلق بجرائم اغتصاب بحق فتيات قاصرات.",
    "احتجز المسلحون 68 رهينة من الأجانب في فندقين.",
    "عثرت الشرطة على جثة رجل قتل بالرصاص قرب النهر.",
    "وعثر على الضحية مصابا بجروح خطيرة في مكان الجريمة.",
    "وقال مسؤول أمني إن الهجوم استهدف على ما يبدو سيارتين مصفحتين.",
])
def test_real_assaults_stay(nlp, text):
    assert _assault(nlp(text))


@pytest.mark.parametrize("text", [
    "ويشير آخرون إلى أن المستوطنين قد يرتكبون مذبحة ضد المصلين.",
    "وأكد الضابط أن التنظيم قد يحاول الهجوم على المعبر.",
    "وأجرت القوات تدريبات دفاعية تحسبا لأي ضربة جوية.",
    "وقال المسؤول إن الجيش غير قادر على صد أي هجوم.",
    "وقال مجهول في اتصال هاتفي إن انفجارا سيقع قرب المحطة.",
    "وطلب الملك تنفيذ ضربات جوية عاجلة لوقف تقدم المدرعات.",
    "وثمة خيار آخر يتمثل في شن ضربات جوية ضد معسكرات المسلحين.",
])
def test_possible_requested_or_generic_attack_is_not_realised(nlp, text):
    assert _assault(nlp(text)) == []


@pytest.mark.parametrize("text", [
    "وقالت الوكالة إن الجبهة قد تكون وراء هجوم سيفاري.",
    "وكانت وحدة من الشرطة قد قتلت ثلاثة من المطلوبين.",
    "ولم تتبن أي جهة الهجوم الذي استهدف الحافلة.",
])
def test_may_be_behind_and_has_killed_stay(nlp, text):
    assert _assault(nlp(text))


def test_long_junk_sentence_does_not_crash(nlp, nlp_broad):
    text = "شن الرئيس هجوما عنيفا على الحكومة و" * 800 + " قد يرتكبون مذبحة أي هجوم فككت سيارة مفخخة" * 200
    assert isinstance(nlp(text).events, list)
    assert isinstance(nlp_broad(text).events, list)
