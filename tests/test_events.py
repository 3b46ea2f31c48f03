"""The events stage: triggers, context filters, arguments, size, status, ACLED, robustness.

Sentences here are written for the tests (no corpus text).  Most tests run the stage on the
base pipeline (normalize → tokenize) and inject what other stages would find (entities,
sources, claims), so they hold whichever of those stages run in DEFAULT.
"""
import time

import pytest

import isnad
from isnad.document import Actor, Claim, Entity, Mention, Source
from isnad.resources.catalogue import load_yaml
from isnad.stages import DEFAULT, REGISTRY
from isnad.stages.events import EventsStage, lexicon
from isnad.text.inflect import noun_forms, verb_forms

BASE = ["normalize", "language", "segment", "tokenize"]


@pytest.fixture(scope="module")
def base():
    return isnad.load(BASE)


@pytest.fixture(scope="module")
def stage():
    return EventsStage()


def run(base, stage, text, entities=(), sources=(), claims=(), published="2022-01-27"):
    doc = base(text, published=published)
    for k, (s, label, actor) in enumerate(entities, 1):
        i = text.index(s)
        a = Actor(actor[0], actor[1], actor[2]) if actor else None
        doc.entities.append(Entity(f"e{k}", i, i + len(s), s, label, None, a))
    doc.sources.extend(sources)
    doc.claims.extend(claims)
    stage.process(doc)
    return doc


def types(doc):
    return [(e.type, e.trigger.text) for e in doc.events]


# --------------------------------------------------------------------------- registry, data

def test_registered_last_in_default():
    assert REGISTRY["events"] == "isnad.stages.events:EventsStage"
    assert DEFAULT[-1] == "events"
    assert EventsStage.needs == frozenset({"tokens"}) and EventsStage.provides == frozenset({"events"})


def test_lexicon_types_and_modes_are_plover():
    plover = load_yaml("events/plover.yaml")["types"]
    lex = lexicon()
    assert lex.n_curated > 40 and len(lex.matcher) > 10000
    for e in lex.entries:
        assert e.type in plover
        if e.mode is not None:
            assert e.mode in (plover[e.type].get("modes") or {}), (e.id, e.mode)
    # the PETRARCH seed is in, but never overrides a curated word
    assert any(e.source == "petrarch" for e in lex.entries)
    assert {e.source for e in lex.entries if e.id.startswith("petrarch.")} == {"petrarch"}


def test_acled_names_are_acled():
    tab = load_yaml("events/acled.yaml")
    names = tab["event_types"]
    for r in tab["rules"]:
        et, sub = r["acled"]
        assert et in names and sub in names[et]
    for raw in load_yaml("events/triggers.yaml")["entries"]:
        if raw.get("acled"):
            et, sub = raw["acled"]
            assert et in names and sub in names[et], raw["id"]


def test_inflection():
    f = verb_forms("قتل")
    assert {"قتل", "قتلت", "قتلوا", "يقتل", "يقتلون", "سيقتل", "قتلوه", "يقتلونهم"} <= f
    assert "سافر" not in verb_forms("فرّ")          # س + افر would read "travelled"
    assert {"استولوا", "يستولي", "استولت"} <= verb_forms("استولى")
    assert {"يصيب", "اصابت"} <= verb_forms("أصاب", "يصيب")
    n = noun_forms("غارة")
    assert {"غاره", "الغاره", "غارتها"} <= n
    assert "كميه" not in noun_forms("كمين")            # not a sound plural: no construct كمي+ه
    assert "احتجاجا" in noun_forms("احتجاج")


# --------------------------------------------------------------------------- triggers

@pytest.mark.parametrize("text,etype", [
    ("قصفت الطائرات الحربية قرية في ريف إدلب.", "ASSAULT"),
    ("شنت طائرات التحالف غارة على مواقع التنظيم.", "ASSAULT"),
    ("وقع تفجير بسيارة مفخخة قرب السوق.", "ASSAULT"),
    ("اندلعت اشتباكات عنيفة بين الطرفين.", "ASSAULT"),
    ("هاجم مسلحون حاجزا للشرطة.", "ASSAULT"),
    ("قتل خمسة أشخاص في الهجوم.", "ASSAULT"),
    ("اختطف مسلحون صحفيا في المدينة.", "ASSAULT"),
    ("اعتقلت قوات الأمن عشرين شخصا.", "COERCE"),
    ("استولى المسلحون على السجن.", "COERCE"),
    ("انسحبت القوات من ثلاث نقاط.", "RETREAT"),
    ("تظاهر المئات أمام مقر الحكومة.", "PROTEST"),
    ("فر عدد من السجناء من السجن المركزي.", "ESCAPE"),
    ("نقلت القوات الأمريكية عددا من المعتقلين إلى القاعدة.", "MOBILIZE"),
    ("وسط رصد مستمر لطائرات الاستطلاع فوق المنطقة.", "MOBILIZE"),
])
def test_conflict_triggers(base, stage, text, etype):
    doc = run(base, stage, text)
    assert etype in [t for t, _ in types(doc)], (text, types(doc))


def test_clitics_and_forms(base, stage):
    doc = run(base, stage, "وبالقصف المدفعي. وللاشتباكات. وسيهاجمون.")
    got = [e.trigger.text for e in doc.events]
    assert got == ["القصف المدفعي", "لاشتباكات", "سيهاجمون"], got
    assert "future" in doc.events[2].extra["aux"]


@pytest.mark.parametrize("text,etype", [
    ("ونقلت وكالة “سبوتنيك” عن مصادر خاصة أن الوضع هادئ.", "MOBILIZE"),   # a quotation verb
    ("وصلت حافلات نقل الركاب إلى المحطة.", "MOBILIZE"),                  # a kind of bus
    ("استيقظ الأهالي فجر اليوم على أصوات الطيور.", "ASSAULT"),           # فجر = dawn
    ("حلقت طائرة مسيرة فوق الحي.", "PROTEST"),                          # مسيرة = drone
    ("فر آلاف المدنيين من القصف.", "ESCAPE"),                           # flight, not a prison break
])
def test_context_blocks(base, stage, text, etype):
    doc = run(base, stage, text)
    assert etype not in [t for t, _ in types(doc)], (text, types(doc))


def test_attribution_cue_is_never_an_event(base, stage):
    from isnad.document import Attribution, TextSpan
    text = "ونقلت الوكالة أن القوات نقلت المعتقلين."
    doc = base(text)
    i = text.index("ونقلت") + 1
    doc.sources.append(Source("s1", "الوكالة", "agency", [Mention(6, 13)]))
    doc.attributions.append(Attribution("a1", TextSpan(i, i + 4, text[i:i + 4]), "s1",
                                        TextSpan(17, len(text)), ["s1"]))
    EventsStage().process(doc)
    assert [e.trigger.text for e in doc.events] == ["نقلت"]
    assert doc.events[0].trigger.start > 17


def test_negation_future_and_merging(base, stage):
    doc = run(base, stage, "لم تنسحب القوات من المدينة.")
    assert doc.events and doc.events[0].status == "denied" and "negation" in doc.events[0].extra["aux"]
    doc = run(base, stage, "ستقصف الطائرات المواقع غدا.")
    assert "future" in doc.events[0].extra["aux"]
    # one attack told with several trigger words is one event, named by the most specific
    doc = run(base, stage, "قتل عشرة أشخاص في هجوم انتحاري بسيارة مفخخة استهدف سوقا.")
    assault = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(assault) == 1 and assault[0].mode == "suicide-attack"
    assert assault[0].acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb"}


def test_protesters_are_the_protest_actor(base, stage):
    # the participants word is the actor, before a name in subject position, whether it is the
    # trigger itself or merged into another protest trigger
    doc = run(base, stage, "هتف المتظاهرون أمام البرلمان بشعارات ضد الحكومة.",
              entities=[("البرلمان", "ORG", None)])
    ev = [e for e in doc.events if e.type == "PROTEST"]
    assert ev and ev[0].extra["arguments"]["actor"][0]["text"] == "المتظاهرون"
    a = ev[0].extra["arguments"]["actor"][0]
    assert doc.text[a["start"]:a["end"]] == a["text"]


def test_perpetrator_nouns_fill_an_empty_assault_actor(base, stage):
    def actors(text):
        ev = [e for e in run(base, stage, text).events if e.type == "ASSAULT"]
        return [a["text"] for a in ev[0].extra["arguments"]["actor"]] if ev else None
    assert actors("فجر انتحاري نفسه قرب دورية عسكرية.") == ["انتحاري"]
    assert actors("خطف مسلحون مجهولون مهندسا أجنبيا.") == ["مسلحون"]
    # victims after a number, and the adjective of an attack noun, are not the actor
    assert "مسلحين" not in actors("قتل الجيش ثلاثة مسلحين في اشتباك.")
    assert actors("أسفر هجوم انتحاري عن مقتل عشرة أشخاص.") == []


def test_ministry_is_not_a_visit(base, stage):
    # وزارة normalises to وزاره = و + زاره "and visited him": never a CONSULT
    assert not [e for e in run(base, stage, "قالت وزارة الداخلية إن الوضع هادئ.").events if e.type == "CONSULT"]
    assert [e for e in run(base, stage, "زار الرئيس الفرنسي بغداد أمس.").events if e.type == "CONSULT"]


def test_noun_negation_and_scheduled_events(base, stage):
    # a negated verb governs the quantified noun: no protest took place
    doc = run(base, stage, "لم تشهد المدينة أي مظاهرات أمس.")
    ev = [e for e in doc.events if e.type == "PROTEST"]
    assert ev and ev[0].status == "denied" and "negation" in ev[0].extra["aux"]
    # a future verb before a noun trigger, or a date word after it: scheduled, not reported
    for text in ("ستنظم النقابات مسيرة احتجاجية.", "نظمت النقابات مسيرة احتجاجية الأسبوع المقبل."):
        ev = [e for e in run(base, stage, text).events if e.type == "PROTEST"]
        assert ev and "future" in ev[0].extra["aux"], text
    # look-alikes of future verbs (سيارة، past سيطرت) and a past protest stay realis
    for text in ("انفجرت سيارة مفخخة قرب مظاهرة في بغداد.", "تظاهر آلاف الطلاب أمام الوزارة أمس."):
        ev = [e for e in run(base, stage, text).events if e.type == "PROTEST"]
        assert ev and "future" not in ev[0].extra["aux"] and ev[0].status != "denied", text


# --------------------------------------------------------------------------- size

def test_sizes(base, stage):
    doc = run(base, stage, "أسفر الهجوم عن مقتل 5 أشخاص وإصابة 13 آخرين بجروح.")
    ev = [e for e in doc.events if e.type == "ASSAULT"][0]
    assert ev.size["dead"] == 5 and ev.size["injured"] == 13
    doc = run(base, stage, "خلف القصف عشرات القتلى.")
    ev = doc.events[0]
    assert ev.size["dead"] is None
    assert any(d["kind"] == "vague" and d["slot"] == "dead" and d["low"] == 10 for d in ev.extra["size_detail"])
    doc = run(base, stage, "اعتقلت الشرطة 20 شخصا.")
    assert doc.events[0].size["arrested"] == 20
    doc = run(base, stage, "سقط بين 10 و15 قتيلا في الاشتباكات.")
    ev = [e for e in doc.events if e.type == "ASSAULT"][0]
    assert ev.size["dead"] == 10
    doc = run(base, stage, "نقلت القوات 750 من أفراد التنظيم.")
    assert doc.events[0].size["count"] == 750
    doc = run(base, stage, "خرجت ثلاث حافلات تقل معتقلين من السجن.")
    assert [e.size["count"] for e in doc.events if e.type == "MOBILIZE"] == [3]
    doc = run(base, stage, "قتل جندي في هجوم عام 2015.")           # a year is not a count
    assert all(v in (None, 1) for v in doc.events[0].size.values())


# --------------------------------------------------------------------------- arguments

US = ("us_forces", "United States Armed Forces", "state_force")
ISIS = ("isis", "Islamic State", "armed_group")
SDF = ("sdf", "Syrian Democratic Forces", "armed_group")


def test_vso_actor_object_and_prepositions(base, stage):
    text = "نقلت القوات الأمريكية عددا من قياديي داعش من السجن باتجاه البادية."
    doc = run(base, stage, text, [("القوات الأمريكية", "ORG", US), ("داعش", "ORG", ISIS)])
    ev = doc.events[0]
    assert ev.actor == ["e1"] and ev.target == ["e2"]


def test_svo_and_passive(base, stage):
    text = "قالت المصادر إن القوات الأمريكية استغلت الفوضى ونقلت 750 من أفراد داعش."
    doc = run(base, stage, text, [("القوات الأمريكية", "ORG", US), ("داعش", "ORG", ISIS)])
    ev = [e for e in doc.events if e.type == "MOBILIZE"][0]
    assert ev.actor == ["e1"] and ev.target == ["e2"] and ev.size["count"] == 750
    text = "تم اعتقال عناصر من داعش من قبل القوات الأمريكية."
    doc = run(base, stage, text, [("داعش", "ORG", ISIS), ("القوات الأمريكية", "ORG", US)])
    ev = doc.events[0]
    assert ev.type == "COERCE" and ev.actor == ["e2"] and ev.target == ["e1"]


def test_clash_partners_and_noun_genitive(base, stage):
    text = "واندلاع الاشتباكات مع مسلحي قوات سوريا الديمقراطية في محيطه."
    doc = run(base, stage, text, [("قوات سوريا الديمقراطية", "ORG", SDF)])
    assert doc.events[0].actor == ["e1"]
    text = "خلال الساعات الأولى من استيلاء التنظيم عليه."
    doc = run(base, stage, text, [("التنظيم", "ORG", ISIS)])
    assert doc.events[0].type == "COERCE" and doc.events[0].actor == ["e1"]


def test_no_entities_gives_reasons_and_phrases(base, stage):
    doc = run(base, stage, "هاجم مسلحون مجهولون دورية للشرطة.")
    ev = doc.events[0]
    assert ev.actor == [] and "actor_reason" in ev.extra
    assert ev.extra["arguments"]["actor"][0]["text"].startswith("مسلحون")
    assert ev.place is None and ev.extra["place_reason"]
    assert ev.time is None and ev.extra["time_reason"]


# --------------------------------------------------------------------------- status, ACLED

def test_status_from_chain(base, stage):
    text = "وقالت المصادر إن القوات انسحبت من المدينة."
    src = [Source("s1", "سبوتنيك", "agency", [], "sputnik", {"actor_type": "media_state"}),
           Source("s2", "مصادر", "anonymous", [Mention(5, 12)])]
    claim = Claim("c1", 17, len(text), text[17:], None, ["s1", "s2"], None, {"status": "reported"})
    doc = run(base, stage, text, sources=src, claims=[claim])
    ev = doc.events[0]
    assert ev.claim == "c1" and ev.status == "alleged" and ev.extra["chain"] == ["s1", "s2"]
    # a named official source: the claim's status
    src = [Source("s1", "وزارة الدفاع", "official", [Mention(5, 12)])]
    claim = Claim("c1", 17, len(text), text[17:], None, ["s1"], None, {"status": "reported"})
    doc = run(base, stage, text, sources=src, claims=[claim])
    assert doc.events[0].status == "reported"
    claim = Claim("c1", 17, len(text), text[17:], None, ["s1"], None, {"status": "denied"})
    doc = run(base, stage, text, sources=src, claims=[claim])
    assert doc.events[0].status == "denied"
    doc = run(base, stage, "نفت الشرطة وقوع انفجار في المدينة.")
    assert doc.events[0].status == "denied"
    doc = run(base, stage, "انسحبت القوات من المدينة.")
    assert doc.events[0].status == "asserted" and doc.events[0].claim is None


def test_acled_by_actor_kind(base, stage):
    text = "استولى تنظيم داعش على البلدة."
    doc = run(base, stage, text, [("داعش", "ORG", ISIS)])
    assert doc.events[0].acled == {"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"}
    doc = run(base, stage, "استولى مسلحون على البلدة.")
    assert doc.events[0].acled["sub_event_type"] is None and doc.events[0].extra["acled_reason"]
    doc = run(base, stage, "اتهمت الحكومة المعارضة بالفساد.")
    ev = [e for e in doc.events if e.type == "ACCUSE"][0]
    assert ev.acled is None and "not an ACLED" in ev.extra["acled_reason"]


# --------------------------------------------------------------------------- robustness

@pytest.mark.parametrize("text", [
    "", " ", "😀😀😀", "Hello world, nothing here.", "ا" * 5000, "قصف " * 10000,
    "قتل 5 " * 3000, "١٢٣٤٥٦٧٨٩٠" * 100, "\u200f\u200e" * 50 + "قصف",
])
def test_bad_input_never_crashes(base, stage, text):
    t0 = time.time()
    doc = run(base, stage, text)
    assert time.time() - t0 < 20
    isnad.validate(doc.to_json())


def test_records_validate_with_default_pipeline(nlp):
    doc = nlp("قتل خمسة أشخاص وأصيب آخرون في قصف على بلدة في ريف حلب أمس، حسب مصادر محلية.",
              published="2022-01-27")
    rec = doc.to_json()
    isnad.validate(rec)
    assert any(e["type"] == "ASSAULT" for e in rec["events"])


def test_profiles_read_named_protesters_differently():
    """Protesters named without a gathering word: the broad profile reads a protest that happened
    (its own lexicon entry, issue #7 dev relabelling); the crowd profile does not.  A demand made
    BY the protesters does not make their protest irrealis (irrealis: false on participant nouns)."""
    import isnad
    stages = ["normalize", "language", "segment", "tokenize", "events"]
    text = "وطالب المتظاهرون بالإفراج عن زملائهم المعتقلين."
    broad = isnad.load(stages, config={"events": {"classifier": False, "profile": "broad"}})(text)
    crowd = isnad.load(stages, config={"events": {"classifier": False}})(text)
    b = [e for e in broad.events if e.type == "PROTEST"]
    assert [e.trigger.text for e in b] == ["المتظاهرون"]
    assert b[0].extra["lexicon"] == "protest.participants_mentioned"
    assert "hypothetical" not in (b[0].extra.get("aux") or [])
    assert not [e for e in crowd.events if e.type == "PROTEST"]
    # with a gathering word near (crowd profile too), a prevention aimed at the protesters
    # leaves their protest real: منع الجيش المتظاهرين من الوصول
    d = isnad.load(stages, config={"events": {"classifier": False}})(
        "ومنع الجيش مئات المتظاهرين من الوصول إلى الساحة.")
    p = [e for e in d.events if e.type == "PROTEST"]
    assert p and "hypothetical" not in (p[0].extra.get("aux") or [])
    # a call for a protest (the event noun itself) is still irrealis
    d = isnad.load(stages, config={"events": {"classifier": False}})("ودعا الحزب إلى مظاهرة في العاصمة.")
    p = [e for e in d.events if e.type == "PROTEST"]
    assert p and all("hypothetical" in (e.extra.get("aux") or []) for e in p)


def test_unknown_profile_is_a_clear_error():
    import pytest
    import isnad
    with pytest.raises(ValueError, match="profile"):
        isnad.load(["normalize", "tokenize", "events"], config={"events": {"profile": "loose"}})
