"""Events: the target (PLOVER recipient) of protests and assaults — written sentences, no corpus text."""
import pytest

import isnad


@pytest.fixture(scope="module")
def nlp():
    return isnad.load(["normalize", "language", "segment", "tokenize", "events"])


def _targets(doc, etype):
    return [a["text"] for e in doc.events if e.type == etype
            for a in e.extra["arguments"]["target"]]


@pytest.mark.parametrize("text, want", [
    ("تظاهر مئات الطلاب أمس احتجاجا على قرار الحكومة رفع الأسعار.", "قرار الحكومة"),
    ("خرج آلاف المتظاهرين في مسيرة منددين بالانقلاب العسكري.", "بالانقلاب العسكري"),
    ("اعتصم العمال أمام مبنى وزارة المالية للمطالبة بزيادة الأجور.", "مبنى وزارة المالية"),
    ("نظمت النقابات مظاهرة ضد الحكومة في العاصمة.", "الحكومة"),
])
def test_protest_target(nlp, text, want):
    assert any(t.startswith(want) for t in _targets(nlp(text), "PROTEST"))


@pytest.mark.parametrize("text, want", [
    ("قتل أربعة أشخاص وأصيب ستة آخرون بهجوم انتحاري غرب بغداد.", "أشخاص"),
    ("أعلنت الشرطة مقتل ثلاثة من عناصر الأمن في انفجار سيارة مفخخة.", "عناصر الأمن"),
    ("وقال المصدر إن 28 شخصا على الأقل قتلوا في الهجوم.", "شخصا"),
    ("تعرضت دورية للشرطة لهجوم مسلح قرب المدينة.", "دورية للشرطة"),
])
def test_assault_victims_are_the_target(nlp, text, want):
    doc = nlp(text)
    assert want in _targets(doc, "ASSAULT")
    # the device is never the target
    assert not any(t.startswith(("سيارة", "عبوة")) for t in _targets(doc, "ASSAULT"))
