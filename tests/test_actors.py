"""The actor registry (isnad.actors) and the "actors" stage."""
import pytest

import isnad
from isnad import Document, Stage
from isnad.actors import LABEL_OF_TYPE, TYPES, candidates, registry, resolve, validate
from isnad.document import Entity
from isnad.schema import schema

PRE = ["normalize", "language", "segment", "tokenize", "doc_kind"]


@pytest.fixture(scope="module")
def reg():
    return registry()


@pytest.fixture(scope="module")
def run():
    nlp = isnad.load(PRE + ["actors"])

    def _run(text, **kw):
        return nlp(text, **kw)
    return _run


def ents(doc):
    return [(e.text, e.actor.id if e.actor else None) for e in doc.entities]


def actor_of(doc, text):
    hits = [e for e in doc.entities if e.text == text]
    assert hits, f"no entity {text!r} in {ents(doc)}"
    return hits[0]


# -- the registry --------------------------------------------------------------------------

def test_registry_is_consistent(reg):
    problems = [p for p in validate() if p.startswith("ERROR")]
    assert problems == []
    assert len(reg) >= 300
    assert set(TYPES) == set(schema()["$defs"]["actor"]["properties"]["type"]["enum"])


def test_registry_covers_every_area_and_type(reg):
    by_type = {}
    for a in reg:
        by_type.setdefault(a.type, []).append(a)
    for t in ("state", "state_force", "armed_group", "coalition", "media_state", "media_private",
              "agency", "igo", "ngo", "party", "person"):
        assert by_type.get(t), t
    countries = {a.country for a in reg if a.type in ("armed_group", "state_force", "party")}
    assert {"SY", "IQ", "YE", "LY"} <= countries


def test_media_ownership_is_exposed(reg):
    sp = reg["sputnik"].to_actor().to_json()
    assert sp["type"] == "media_state" and sp["state_media_of"] == "RU" and "Rossiya Segodnya" in sp["owner"]
    assert reg["rt"].extra["state_media_of"] == "RU"
    assert reg["sana"].extra["state_media_of"] == "SY" and reg["sana"].parent == "sy_gov"
    assert reg["anadolu"].extra["state_media_of"] == "TR"
    assert reg["spa"].extra["state_media_of"] == "SA"
    assert reg["reuters"].type == "agency"
    # public service broadcasters are marked as such, not as state media
    assert reg["bbc"].extra.get("public_broadcaster") == "GB" and "state_media_of" not in reg["bbc"].extra
    for a in reg.by_type("media_state"):
        assert a.extra.get("state_media_of") or a.extra.get("public_broadcaster"), a.id


def test_parents_and_ancestors(reg):
    assert reg["us_forces"].parent == "us"
    assert [a.id for a in reg.ancestors("us_centcom")] == ["us_forces", "us"]
    assert reg["sputnik"].parent == "ru"
    for a in reg:
        assert a.parent is None or a.parent in reg, a.id


def test_wikidata_ids_are_well_formed_or_null(reg):
    import re
    for a in reg:
        assert a.wikidata is None or re.fullmatch(r"Q[1-9]\d*", a.wikidata), a.id
    assert reg["isis"].wikidata == "Q2429253" and reg["sy"].wikidata == "Q858"


def test_validator_catches_problems():
    from isnad.actors import Alias, RegistryActor
    a = RegistryActor("x", "armed_group", "X", "اكس", "SY", None, None, (Alias("قسد"),))
    b = RegistryActor("y", "militia", "Y", None, "Syria", "12", "nope", ())
    c = RegistryActor("x", "media_state", "Z", None, None, None, None, ())
    out = "\n".join(validate([a, b, c, registry()["sdf"]]))
    for needle in ("duplicate id", "type 'militia'", "country 'Syria'", "wikidata '12'",
                   "parent 'nope'", "needs extra.state_media_of", "'قسد' is shared"):
        assert needle in out, needle


# -- the example -------------------------------------------------------------------------------

def test_example_actors(example_doc):
    by_text = {}
    for e in example_doc.entities:
        by_text.setdefault(e.text, set()).add((e.actor.id if e.actor else None, e.type, e.label))
    assert by_text["داعش"] == {("isis", "armed_group", "ORG")}
    assert by_text["قسد"] == {("sdf", "armed_group", "ORG")}
    assert by_text["قوات سوريا الديمقراطية"] == {("sdf", "armed_group", "ORG")}
    assert by_text["القوات الأمريكية"] == {("us_forces", "state_force", "ORG")}
    assert by_text["الجيش الأمريكي"] == {("us_forces", "state_force", "ORG")}
    assert by_text["التحالف الدولي"] == {("global_coalition", "coalition", "ORG")}
    assert by_text["سبوتنيك"] == {("sputnik", "media_state", "ORG")}
    assert by_text["سوريا"] == {("sy", "state", "LOC")}
    us = next(e for e in example_doc.entities if e.text == "القوات الأمريكية")
    assert us.actor.extra["parent"] == "us"
    sp = next(e for e in example_doc.entities if e.text == "سبوتنيك")
    assert sp.actor.extra["state_media_of"] == "RU"


def test_example_record_is_valid_and_ids_in_text_order(example_record):
    isnad.validate(example_record)
    es = example_record["entities"]
    assert [e["id"] for e in es] == [f"e{i}" for i in range(1, len(es) + 1)]
    assert [e["start"] for e in es] == sorted(e["start"] for e in es)
    for e in es:
        if e["actor"]:
            assert e["type"] == e["actor"]["type"]


def test_example_descriptor_tanzim_links_to_isis(example_doc):
    tanzim = [e for e in example_doc.entities if e.text == "التنظيم"]
    assert tanzim, "التنظيم should be linked: only one group that may be called so is named"
    first_isis = next(e for e in example_doc.entities if e.actor and e.actor.id == "isis")
    for e in tanzim:
        assert e.actor.id == "isis" and e.extra["mention"] == "descriptor"
        assert e.extra["antecedent"] == first_isis.id
    # "الوكالة" alone is not an actor mention
    assert not [e for e in example_doc.entities if "الوكالة" in e.text]


# -- matching -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,actor", [
    ("سلاح يعود ولـ“داعش” في المنطقة", "داعش", "isis"),
    ("اشتباكات بين الجيش وقسد قرب المدينة", "قسد", "sdf"),
    ("اتهامات بتنظيم الدولة في البادية", "تنظيم الدولة", "isis"),
    ("غارة للتحالف الدولي على موقع", "لتحالف الدولي", "global_coalition"),   # لل = ل + ال: the span keeps the article's ل
    ("قالت مصادر لسانا إن القصف مستمر", "سانا", "sana"),
    ("وأفاد المرصد السوري لحقوق الإنسان بمقتل عشرة", "المرصد السوري لحقوق الإنسان", "sohr"),
    ("هاجم مسلحو الحوثيين سفينة", "الحوثيين", "houthis"),
    ("قصفت القوات الأميركية مواقع لكتائب حزب الله", "القوات الأميركية", "us_forces"),
    ("قال الحرس الثوري الإيراني إن", "الحرس الثوري الإيراني", "irgc"),
    ("أعلن الحشد الشعبي", "الحشد الشعبي", "pmf"),
    ("قالت هيئة تحرير الشام", "هيئة تحرير الشام", "hts"),
    ("قالت قوات سورية الديمقراطية", "قوات سورية الديمقراطية", "sdf"),
    ("نقلت وكالة الأنباء السعودية", "وكالة الأنباء السعودية", "spa"),
])
def test_clitics_variants_and_names(run, text, span, actor):
    doc = run(text)
    e = actor_of(doc, span)
    assert e.actor.id == actor
    assert doc.text[e.start:e.end] == span


@pytest.mark.parametrize("text,span,actor", [
    ("ISIS fighters escaped from the prison", "ISIS", "isis"),
    ("The SDF said the US-led coalition helped", "SDF", "sdf"),
    ("قال متحدث باسم SDF إن", "SDF", "sdf"),
    ("IS claimed the attack", "IS", "isis"),
    ("Reuters reported that Hezbollah fired rockets", "Hezbollah", "hezbollah"),
    ("according to the Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", "sohr"),
])
def test_english_aliases(run, text, span, actor):
    assert actor_of(run(text), span).actor.id == actor


def test_cased_latin_aliases_need_their_case(run):
    assert ents(run("this is what who said to us")) == []
    assert ("WHO", "who") in ents(run("a WHO report"))


def test_longest_match_wins(run):
    doc = run("مسلحي قوات سوريا الديمقراطية في الحسكة")
    assert ents(doc) == [("قوات سوريا الديمقراطية", "sdf")]
    doc = run("كتائب حزب الله العراقي وحزب الله اللبناني")
    assert ents(doc) == [("كتائب حزب الله العراقي", "kataib_hezbollah"), ("حزب الله اللبناني", "hezbollah")]


@pytest.mark.parametrize("text", [
    "انتشر الدواعش في القرية",                 # plural of a nickname, not the name itself
    "قال الداعشي السابق",
    "مر بنا الوقت سريعا",                     # بنا (with us), not the Bahrain agency
    "استغلوا الفوضى لفتح ثغرة في الجدار",       # لفتح (to open), not Fatah
    "وصلت التعزيزات إلى القاعدة العسكرية",      # the base, not al-Qaeda
    "تقع الجزيرة السورية شرق الفرات",           # the Jazira region, not Al Jazeera
    "يتحدثون اللغة العربية بطلاقة",             # Arabic, not Al Arabiya
    "زار دول أمريكا اللاتينية",                # Latin America, not the US
    "اجتمع مجلس الأمن القومي التركي",          # not the UN Security Council
    "أدى الحشد العسكري إلى توتر",              # a build-up, not the PMF
    "وقالت الوكالة إن المصادر أكدت",           # "the agency" alone is not an actor
    "هذا مالي وليس لك",                        # مالي (my money), not Mali
    "الإسرائيليون والسوريون",                 # demonyms, not the states
    "حضّر 12 كوبًا من الماء",                  # a cup (tanween), not Cuba
    "أدى المصلون صلاة المغرب",                 # the sunset prayer, not Morocco
    "تغوص في أعماق البحر",                     # depths, not the Amaq agency
    "قال الرئيس السوداني عمر البشير",          # an adjective, not al-Sudani
    "استقبل الأمير سلطان بن سلمان بن عبد العزيز",   # a longer nasab, not King Salman
    "فاز بجائزة سوق عكاظ",                     # the festival, not the newspaper
    "ارتفع سهم الشركة السعودية للصناعات",       # the adjective "Saudi", not the state
    "خلال بطولة كوبا أمريكا الماضية",           # the football cup, not Cuba or the US
    "أرسل الرسالة إلى 88591 - Stc",            # a telecom brand, not the STC (acronyms keep their case)
    "منتخب ايرلندا الشمالية",                   # Northern Ireland, not Ireland
    "لتنظيم رحلات للشباب العربي",               # young people, not al-Shabaab
    "تخرج في جامعة الملك سعود",                 # an institution named after a person
])
def test_no_false_hits(run, text):
    assert ents(run(text)) == []


@pytest.mark.parametrize("text,expected", [
    ("قضى على فكر تنظيم «القاعدة» في السعودية", [("القاعدة", "al_qaeda"), ("السعودية", "sa")]),
    ('"الحرس الثوري" الإيراني هو', [("الحرس الثوري", "irgc")]),
    ("وكانت شبكة «الجزيرة نت» قد ذكرت", [("الجزيرة نت", "al_jazeera")]),
    ("جماعة «بوكو حرام» المتشددة", [("بوكو حرام", "boko_haram")]),
    ("ذكرت صحيفة النهار أن", [("النهار", "an_nahar")]),
])
def test_spans_are_tidy_around_quotes_and_heads(run, text, expected):
    assert ents(run(text)) == expected


def test_retweet_marker_is_not_rt(run):
    doc = run("RT : نقلت القوات الأمريكية سجناء")
    assert ents(doc) == [("القوات الأمريكية", "us_forces")]
    assert ("RT", "rt") in ents(run("قالت قناة RT إن"))


@pytest.mark.parametrize("text,span,actor", [
    ("ذكرت قناة الجزيرة أن", "الجزيرة", "al_jazeera"),
    ("وقال مراسل الميادين إن", "الميادين", "al_mayadeen"),
    ("نقلت “العربية” عن مصادر", "العربية", "al_arabiya"),
    ("الرياض (واس) - أعلنت وزارة الداخلية", "واس", "spa"),
    ("المنامة (بنا) - أعلن", "بنا", "bna"),
    ("قال قيادي في حركة فتح", "حركة فتح", "fatah"),
    ("قال الرئيس الأسد إن", "الأسد", "bashar_al_assad"),
    ("أعلن تنظيم القاعدة مسؤوليته", "تنظيم القاعدة", "al_qaeda"),
    ("اجتمع مجلس الأمن القومي الأمريكي", "مجلس الأمن القومي الأمريكي", "us_nsc"),   # longer than the blocker
    ("قال قيادي في «الحشد» إن", "الحشد", "pmf"),          # cue two back through a preposition
    ("وصلت مساعدات مركز الملك سلمان للإغاثة", "مركز الملك سلمان للإغاثة", "ksrelief"),
    ("أعلنت “القاعدة” مسؤوليتها", "القاعدة", "al_qaeda"),
])
def test_guarded_names_with_cues(run, text, span, actor):
    assert actor_of(run(text), span).actor.id == actor


def test_guarded_names_without_cue_are_left(run):
    assert ents(run("قالت الميادين إن")) == []
    assert ents(run("سار الأسد في الغابة")) == []


def test_carrier_line_is_a_cue(run):
    doc = run("قصف على القرية وسقوط جرحى.\nالمصدر: الجزيرة")
    assert ("الجزيرة", "al_jazeera") in ents(doc)
    assert ("العربية", "al_arabiya") in ents(run("قتل ثلاثة أشخاص في انفجار. - العربية"))
    # a sentence-final word is not an agency signature
    assert ents(run("اندلعت اشتباكات في عدة مناطق ملتهبة أخرى بالمنطقة العربية.")) == []


# -- ambiguity and descriptors ---------------------------------------------------------------------

def test_ambiguous_name_resolved_from_document(run):
    doc = run("قصف الجيش الوطني مواقع قسد قرب منبج بدعم تركي")
    e = actor_of(doc, "الجيش الوطني")
    assert e.actor.id == "sna" and "sna" in e.extra["candidates"] and e.extra["resolved_by"]
    doc = run("تقدمت قوات حفتر وقال الجيش الوطني إن الهجوم على طرابلس مستمر، بحسب المجلس الرئاسي الليبي")
    assert actor_of(doc, "الجيش الوطني").actor.id == "lna"


def test_ambiguous_name_left_open_without_context(run):
    e = actor_of(run("أعلن الجيش الوطني السيطرة على التلة"), "الجيش الوطني")
    assert e.actor is None and e.label == "ORG" and e.type in ("armed_group", None)
    assert set(e.extra["candidates"]) >= {"sna", "lna"} and e.extra["reason"]


def test_houthi_surname_is_ambiguous_until_named(run):
    e = actor_of(run("قال الحوثي في خطاب"), "الحوثي")
    assert e.actor is None and set(e.extra["candidates"]) == {"houthis", "abdulmalik_al_houthi"}
    doc = run("قال عبد الملك الحوثي في خطاب. وأضاف الحوثي أن")
    assert [x for x in ents(doc) if x[0] == "الحوثي"] == [("الحوثي", "abdulmalik_al_houthi")]


def test_descriptor_needs_exactly_one_candidate(run):
    assert ents(run("أعلن التنظيم مسؤوليته")) == []
    both = run("تنظيم القاعدة وداعش: أعلن التنظيم مسؤوليته")
    assert not [e for e in both.entities if e.text == "التنظيم"]
    one = run("هاجم داعش القرية. وأعلن التنظيم مسؤوليته")
    assert ("التنظيم", "isis") in ents(one)
    longer = run("هاجم داعش القرية. وقال التنظيم الدولي للإخوان")
    assert not [e for e in longer.entities if e.text == "التنظيم"]
    off = isnad.Pipeline(PRE + ["actors"], config={"actors": {"descriptors": False}})
    assert ("التنظيم", "isis") not in ents(off("هاجم داعش القرية. وأعلن التنظيم مسؤوليته"))


# -- reconciliation with NER ------------------------------------------------------------------------

class FakeNer(Stage):
    """Stands in for the NER stage: tags given substrings with given labels."""
    name = "ner"
    needs = frozenset({"tokens"})
    provides = frozenset({"entities"})

    def __init__(self, spans):
        super().__init__()
        self.spans = spans

    def process(self, doc):
        for i, (sub, label) in enumerate(self.spans):
            s = doc.text.index(sub)
            doc.entities.append(Entity(f"n{i}", s, s + len(sub), sub, label, extra={"score": 0.9}))


def with_ner(text, spans):
    from isnad.stages.actors import ActorsStage
    nlp = isnad.Pipeline(PRE + [FakeNer(spans), ActorsStage()])
    return nlp(text)


def test_ner_and_registry_reconcile():
    text = "قال مسلحو قوات سوريا الديمقراطية إن وكالة سبوتنيك كذبت، وإن داعش هرب، بحسب أحمد الحسن."
    doc = with_ner(text, [("سوريا", "LOC"), ("وكالة سبوتنيك", "ORG"), ("داعش", "PERS"),
                          ("أحمد الحسن", "PERS")])
    got = [(e.id, e.text, e.label, e.actor.id if e.actor else None, e.extra["source"]) for e in doc.entities]
    assert got == [
        ("e1", "قوات سوريا الديمقراطية", "ORG", "sdf", "ner+registry"),   # registry span, longer
        ("e2", "وكالة سبوتنيك", "ORG", "sputnik", "ner+registry"),       # NER span contains the name
        ("e3", "داعش", "ORG", "isis", "ner+registry"),                   # label refined from the type
        ("e4", "أحمد الحسن", "PERS", None, "ner"),                        # untouched
    ]
    assert doc.entities[1].extra["score"] == 0.9                       # NER extras kept
    isnad.validate(doc.to_json())


def test_ner_span_merging_two_actors_is_split():
    doc = with_ner("هاجمت قسد وداعش القرية", [("قسد وداعش", "ORG")])
    assert [(e.text, e.actor.id) for e in doc.entities] == [("قسد", "sdf"), ("داعش", "isis")]


def test_stage_registered_after_doc_kind():
    from isnad.stages import DEFAULT, REGISTRY
    assert "actors" in REGISTRY and DEFAULT.index("actors") > DEFAULT.index("doc_kind")
    if "ner" in DEFAULT:
        assert DEFAULT.index("ner") == DEFAULT.index("actors") - 1


# -- the string API -----------------------------------------------------------------------------------

def test_resolve_strings():
    assert resolve("ولـ“داعش”").id == "isis"
    assert resolve("وكالة “سبوتنيك”").id == "sputnik"
    assert resolve("سانا").id == "sana"
    assert resolve("الجزيرة").id == "al_jazeera"        # a string given as a name needs no cue
    assert resolve("SDF").id == "sdf"
    assert resolve("Syrian Observatory for Human Rights").id == "sohr"
    assert resolve("الجيش الوطني") is None
    assert {a.id for a in candidates("الجيش الوطني")} >= {"sna", "lna"}
    assert resolve("مصادر خاصة") is None
    assert resolve("داعش والقاعدة") is None                 # two names, not one
    assert resolve("") is None and resolve("   ") is None and resolve("😀") is None


def test_labels_follow_types(reg):
    for a in reg:
        if a.type == "person":
            assert a.label == "PERS"
        elif a.type == "state" and a.extra.get("kind") is None:
            assert a.label == "LOC", a.id
        elif a.type != "state":
            assert a.label == LABEL_OF_TYPE.get(a.type, "ORG"), a.id


# -- bad input -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "😀😀😀 🇸🇾", "No Arabic here at all, just words.", "١٢٣ ٤٥٦",
    "ـــــــــ", "داعش" * 500, "“”«»()[]", "\u200f\u200e\u202b",
])
def test_bad_input_never_crashes(run, text):
    doc = run(text)
    isnad.validate(doc.to_json())


def test_long_text(run):
    text = " ".join(["داعش", "وقسد", "كلمة", "الجيش", "الوطني"] * 2000)      # 10,000 tokens, one sentence
    doc = run(text)
    assert sum(1 for e in doc.entities if e.actor and e.actor.id == "isis") == 2000
    assert sum(1 for e in doc.entities if e.actor and e.actor.id == "sdf") == 2000
    assert doc.entities[-1].id == f"e{len(doc.entities)}"
    isnad.validate(doc.to_json())


def test_document_without_tokens_is_left_alone():
    from isnad.stages.actors import ActorsStage
    doc = Document("نص بلا رموز")
    ActorsStage().process(doc)
    assert doc.entities == []
