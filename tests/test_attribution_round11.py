"""Round 11 (issue #6): the error families of blind10's first run as general rules, on invented
sentences (no corpus text)."""
from attribution_common import attr, nlp, cues, one, ctext, src, vias, ante  # noqa: F401 (fixtures and views)


# -- missed cues -------------------------------------------------------------------------------------
def test_relative_clause_after_a_comma_has_its_head_as_source(nlp):
    doc = nlp("ولقيت الحملة ترحيبا واسعا لدى المواطنين في مدينة جدة، الذين اعتبروا القرار خطوة مهمة.")
    a = one(doc, "اعتبروا")
    assert src(doc, a) == "المواطنين في مدينة جدة"
    assert ctext(doc, a) == "القرار خطوة مهمة"
    doc = nlp("وتصاعد الغضب بين الأهالي، الذين اتهموا الجماعة بخداع أبنائهم.")
    assert src(doc, one(doc, "اتهموا")) == "الأهالي"


def test_wasf_with_a_dual_object_pronoun(nlp):
    doc = nlp("ووصفتهما الشرطة بأنهما خطيران على الأمن.")
    a = one(doc, "وصفتهما")
    assert src(doc, a) == "الشرطة"
    assert ctext(doc, a) == "خطيران على الأمن"


def test_istarsala_bil_qawl(nlp):
    doc = nlp("واسترسلت المصادر بالقول إن بعض الأسر رفضت تسلم الجثث.")
    a = one(doc, "استرسلت")
    assert src(doc, a) == "المصادر"
    assert ctext(doc, a) == "بعض الأسر رفضت تسلم الجثث"
    # without بالقول the verb is no cue (went on at length)
    assert "استرسلت" not in cues(nlp("واسترسلت المصادر في الحديث عن الماضي."))


# -- false cues --------------------------------------------------------------------------------------
def test_first_person_ra_a_inside_a_quotation_is_the_speakers_view(nlp):
    doc = nlp("وقال الوزير: «نرى أن الحل قريب، ونرى أنه لن يتأخر».")
    assert cues(doc) == ["قال"]
    # with the explicit pronoun it stays a cue (ونحن نرى أن …)
    doc = nlp("وقال الوزير: «ونحن نرى أن الحل قريب».")
    assert "نرى" in cues(doc)


def test_an_ideology_does_not_speak(nlp):
    doc = nlp("ويتبع المتهمان “أيديولوجية متطرفة” ترى أنه لا مكان للآخرين.")
    assert "ترى" not in cues(doc)


def test_agentless_charge_is_no_cue(nlp):
    assert cues(nlp("وجهت اليوم الاثنين اتهامات لثلاثة شبان بإشعال حريق في سوق المدينة.")) == []
    # a named court charging stays a cue
    doc = nlp("ووجهت محكمة أميركية تهمة التورط بالإرهاب إلى رجل من ولاية أوهايو.")
    assert "ووجهت" in cues(doc) or "وجهت" in cues(doc)


def test_state_of_emergency_declared_by_an_unlisted_subject(nlp):
    assert cues(nlp("وأعلن المتمردون حالة الطوارئ في المدينة، واعتقلوا عشرات الناشطين.")) == []


def test_ma_clause_subject_is_evidence(nlp):
    doc = nlp("وأضاف الوزير أن ما أعلن عن اعتقال الخلية يؤكد أن البلاد مستهدفة.")
    assert cues(doc) == ["أضاف"]
    # a pro-drop أكد after a full stop is still a cue
    doc = nlp("وقال الوزير إن ما يجري في المنطقة خطير. وأكد أن الحكومة مستعدة.")
    assert "أكد" in cues(doc)


def test_recognition_is_no_admission(nlp):
    doc = nlp("وقال المسؤول إن الحكومة اعترفت بشرعية المجلس الجديد.")
    assert cues(doc) == ["قال"]
    doc = nlp("وقالت الوزارة إن المتهمين اعترفوا باستلام الأسلحة من الخارج.")
    assert "اعترفوا" in cues(doc)


def test_directives_after_akkada_and_shaddada_ala(nlp):
    assert cues(nlp("وأكد المدير على أن تتضمن المناهج دروسا عن السلامة المرورية.")) == []
    doc = nlp("وعقد المدير اجتماعا مع رؤساء الأقسام، مشددا على سرعة إنجاز المشاريع المتأخرة.")
    assert "مشددا" not in cues(doc)
    # importance, necessity and a statement after على أن stay cues
    assert "شدد" in cues(nlp("وشدد الوزير على ضرورة حل الأزمة سياسيا."))
    assert "شددت" in cues(nlp("وشددت الوزارة على أن تلك التصريحات لا تمثل الحكومة."))


def test_tabaa_with_an_object_is_watching(nlp):
    doc = nlp("«الوطن» تابعت الكثير من المقاطع التي نشرتها الجماعة وآخرها صور قالت إنها لمعسكراتها.")
    assert "تابعت" not in cues(doc)
    doc = nlp("وتابعت الوزارة في بيانها أن الأوضاع مستقرة.")
    assert src(doc, one(doc, "تابعت")) == "الوزارة"
    doc = nlp("وقال المدير: \"نحن سعداء\". وتابع سالم وهو نائب رئيس الاتحاد حاليا: «هو رجل استثنائي».")
    assert "تابع" in cues(doc)


def test_permission_before_an_is_no_report(nlp):
    doc = nlp("وقال الشيخ: \"لا يحق لأحد أن يصف نفسه بأنه مسلم إلا إذا التزم\".")
    assert cues(doc) == ["قال"]


# -- later in the round ------------------------------------------------------------------------------
def test_claims_of_witnesses_after_wafq(nlp):
    doc = nlp("وكان المهاجم شابا وليس امرأة وفق ادعاءات الشهود، مرجحا أن يكون تنكر بزي نسائي.")
    assert src(doc, one(doc, "وفق")) == "الشهود"
    doc = nlp("وفر المسلحون من القرية، وفقا لشهادات الأهالي.")
    assert src(doc, one(doc, "وفقا")) == "الأهالي"


def test_indefinite_plural_participle_heads_an_unmarked_relative(nlp):
    doc = nlp("وتدور معركة بين مسؤولين يدعمون الاتفاق ومتشددين يعلنون تشككهم فيه.")
    a = one(doc, "يعلنون")
    assert src(doc, a) == "متشددين"
    assert ctext(doc, a) == "تشككهم فيه"
    doc = nlp("وخرج محتجون يقولون إن الانتخابات مزورة.")
    assert src(doc, one(doc, "يقولون")) == "محتجون"


def test_kama_without_a_comma_closing_the_sentence(nlp):
    doc = nlp("واستهدف هجوم آخر حاجزا امنيا في جنوب المدينة كما أفاد المرصد السوري لحقوق الإنسان.")
    a = one(doc, "أفاد")
    assert src(doc, a) == "المرصد السوري لحقوق الإنسان"
    assert ctext(doc, a) == "واستهدف هجوم آخر حاجزا امنيا في جنوب المدينة"
    # كما أعلن X + a noun phrase is "also announced": the content follows
    doc = nlp("وقتل خمسة جنود في الهجوم كما أعلن الجيش مقتل ثلاثة مسلحين.")
    assert ctext(doc, one(doc, "أعلن")) == "مقتل ثلاثة مسلحين"


def test_guards_read_on_unlabelled_text(nlp):
    # a causative ما-clause: the object speaks
    doc = nlp("وأثبتت التحقيقات أن الشاب لا ينتمي لأي تنظيم، ما جعل المخابرات الإسرائيلية تقول إنه «عمل فردي».")
    assert "تقول" in cues(doc)
    # تابع + a medium is still "went on"
    doc = nlp("وقال الكاتب: \"يجب أن نغضب\". وتابع في تغريدة أخرى \"يجب أن يهزنا ما حدث\".")
    assert "تابع" in cues(doc)
    # a first-person pronoun on لكن keeps نرى a cue (like ونحن نرى)
    doc = nlp("وقال الوزير: \"لكننا نرى أن هناك صراعا على المناصب\".")
    assert "نرى" in cues(doc)


def test_ma_clause_subject_before_awda_wa(nlp):
    doc = nlp("وقال الوزير: \"كان فكري منشغلا؛ ولكن ما سمعته منذ يومين عاد وأكد لي أن الحملة مستمرة\".")
    assert cues(doc) == ["قال"]
    # a person who "came back and confirmed" stays a speaker
    doc = nlp("وكان الوزير قد نفى الخبر، ثم عاد وأكد أن الاتفاق قائم.")
    assert "أكد" in cues(doc)
    # ما زال (still) is no ما-clause
    doc = nlp("وقال: ما زال هناك جماعات متطرفة ترى أن الدول مؤقتة.")
    assert "ترى" in cues(doc)


def test_addressee_ends_an_anonymity_clause_subject(nlp):
    doc = nlp("وقال مسؤول تركي رفض الكشف عن هويته لوكالة فرانس برس إن المنفذ شاب.")
    a = one(doc, "قال")
    assert src(doc, a) == "مسؤول تركي رفض الكشف عن هويته"
    assert vias(doc, a) == ["وكالة فرانس برس"]
    doc = nlp("وصرح مسؤول تركي رفض الكشف عن هويته لوكالة فرانس \"نؤكد أن المنفذ شاب\".")
    assert vias(doc, one(doc, "صرح")) == ["وكالة فرانس"]
