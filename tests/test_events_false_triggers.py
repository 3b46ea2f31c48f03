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
