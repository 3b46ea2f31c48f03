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
