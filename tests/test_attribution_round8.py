"""Round 8 (issue #6): constructions learnt from the spent evaluation splits, on invented sentences."""
from attribution_common import attr, one, ctext, src, vias  # noqa: F401 (fixtures and views)


def test_naqala_with_a_time_adverb_before_an(attr):
    # نقلت X اليوم السبت عن Y قوله: the time adverb does not hide the inner source
    doc = attr("ونقلت وكالة الأنباء الرسمية اليوم السبت عن الوزير قوله «لن نتراجع عن الاتفاق».")
    a = one(doc, "نقلت")
    assert src(doc, a) == "الوزير"
    assert vias(doc, a) == ["وكالة الأنباء الرسمية"]


def test_short_quotation_closing_the_sentence(attr):
    # وقال المعهد «…». — a short quotation after an organisation is what it said, not its name
    doc = attr("وقال المعهد في بيانه الأول «نحن محايدون تماما». وأضاف المركز «سنواصل العمل».")
    a = one(doc, "قال")
    assert src(doc, a) == "المعهد" and ctext(doc, a) == "«نحن محايدون تماما»"
    doc = attr("وقال المعهد «نحن محايدون».")
    a = one(doc, "قال")
    assert src(doc, a) == "المعهد" and ctext(doc, a) == "«نحن محايدون»"


def test_title_chain_running_into_an_is_the_subject(attr):
    # a cue that takes a noun-phrase content (أكد): a noun phrase running straight into a bare
    # أن/إن is all subject, not subject + object
    doc = attr("وأكد وكيل أمين منطقة المدينة المنورة للدراسات المهندس سعد الحربي أن المشروع اكتمل.")
    a = one(doc, "أكد")
    assert src(doc, a) == "وكيل أمين منطقة المدينة المنورة للدراسات المهندس سعد الحربي"
    assert ctext(doc, a) == "المشروع اكتمل"
    doc = attr("وأكد بيان البيت الأبيض أن البلدين سيبقيان موحدين.")
    assert src(doc, one(doc, "أكد")) == "بيان البيت الأبيض"
    # an object before أن is still an object when the verb describes (وصف X Y بأنه)
    doc = attr("ووصف الوزير القرار بأنه خاطئ.")
    assert src(doc, one(doc, "وصف")) == "الوزير"


def test_envoy_title_with_lada(attr):
    # لدى after سفير/مندوب is part of the title, not a medium
    doc = attr("وقالت مندوبة الولايات المتحدة لدى الأمم المتحدة سارة جونز إن واشنطن قلقة.")
    assert src(doc, one(doc, "قالت")) == "مندوبة الولايات المتحدة لدى الأمم المتحدة سارة جونز"
    doc = attr("وقال الوزير لدى وصوله إلى المطار إن الزيارة ناجحة.")
    assert src(doc, one(doc, "قال")) == "الوزير"


def test_occasion_after_the_source_is_not_in_its_span(attr):
    # في + a possessed noun (في تسويغه، في عددها) or a phase (في بداية …) and غداة + an event are
    # the occasion of the speech, not a PP of the source; an organisational PP stays
    doc = attr("يقول الشاعر في تسويغه للعنوان «الكتابة حياة أخرى».")
    assert src(doc, one(doc, "يقول")) == "الشاعر"
    doc = attr("وقال الأمير في بداية الاستقبال: «أهلا بكم في بلدكم».")
    assert src(doc, one(doc, "قال")) == "الأمير"
    doc = attr("وقال الوزير غداة لقائه نظيره الروسي «بحثنا الملف السوري».")
    assert src(doc, one(doc, "قال")) == "الوزير"
    doc = attr("وأعلنت دائرة العلاقات الخارجية في حكومة الإقليم أمس أن المكتب سيفتتح قريبا.")
    assert src(doc, one(doc, "أعلنت")) == "دائرة العلاقات الخارجية في حكومة الإقليم"


def test_noun_phrase_content_after_a_titled_subject(attr):
    # أكد/اعتبر X + a noun-phrase content: a demonstrative after a definite subject opens the
    # content; a demonstrative genitive (أصحاب هذه المبادرة) stays in the subject
    doc = attr("واعتبر الدكتور الزياني هذه التصريحات استفزازية.")
    assert src(doc, one(doc, "اعتبر")) == "الدكتور الزياني"
    doc = attr("وقال أصحاب هذه المبادرة: إنها تهدف إلى التضامن.")
    assert src(doc, one(doc, "قال")) == "أصحاب هذه المبادرة"


def test_link_label_holds_no_cue(attr):
    # round 8 convention: a رابط الخبر line is a linked headline, not reported speech
    doc = attr("وقال الوزير إن الاتفاق قريب.\nرابط الخبر بصحيفة الوئام: الوزير: الاتفاق قريب")
    assert [a.cue.text for a in doc.attributions] == ["قال"]
    doc = attr("وقال الوزير إن الاتفاق قريب.\nرابط الخبر بصحيفة الوئام: الرئيسان يؤكدان أهمية الاتفاق")
    assert [a.cue.text for a in doc.attributions] == ["قال"]


def test_announcing_a_state_is_a_deed(attr):
    doc = attr("وكانت الأمم المتحدة أعلنت الدرجة الثالثة من حالة الطوارئ في اليمن.")
    assert [a.cue.text for a in doc.attributions] == []
    doc = attr("وأعلنت الحكومة حالة الطوارئ في البلاد.")
    assert [a.cue.text for a in doc.attributions] == []


def test_a_subject_that_cannot_speak(attr):
    # non_speaker_heads (sources.yaml): a situation or evidence "confirms" — no reported speech
    doc = attr("وأضاف الوزير أن الوضع في المنطقة يؤكد أن الخطر حقيقي.")
    assert [a.cue.text for a in doc.attributions] == ["أضاف"]
    doc = attr("لكن خبرتنا السابقة تقول إن الاتفاق لن يصمد.")
    assert [a.cue.text for a in doc.attributions] == []
    doc = attr("والوزارة تؤكد أن الخطر حقيقي.")
    assert [a.cue.text for a in doc.attributions] == ["تؤكد"]


def test_material_between_subject_and_quotation(attr):
    # an unmarked anonymity clause, then a quotation without a colon: the clause stays in the source
    doc = attr("وصرح مسؤول أمني رفض الكشف عن هويته «نؤكد أن المنفذ رجل في العشرين».")
    a = one(doc, "صرح")
    assert src(doc, a) == "مسؤول أمني رفض الكشف عن هويته"
    assert ctext(doc, a).startswith("«نؤكد")
    # an aside وهو … running to the colon is outside the source
    doc = attr("وقال النائب سعد الحربي رئيس لجنة الشؤون الخارجية وهو مستقل: نحن نملك النفوذ.")
    a = one(doc, "قال")
    assert src(doc, a) == "النائب سعد الحربي رئيس لجنة الشؤون الخارجية"
    assert ctext(doc, a) == "نحن نملك النفوذ"
    # a prepositional cue between dashes after the medium
    doc = attr('وقالت الوزارة في بيان -بحسب وكالة الأنباء الرسمية- "نرحب بالقرار".')
    a = one(doc, "قالت")
    assert src(doc, a) == "الوزارة" and ctext(doc, a) == '"نرحب بالقرار"'


def test_wafq_ma_naqalathu(attr):
    doc = attr("وعقد الوزراء اجتماعا تنسيقيا مساء الأحد، وفق ما نقلته وكالة الأنباء الرسمية.")
    a = one(doc, "وفق ما نقلته")
    assert src(doc, a) == "وكالة الأنباء الرسمية"
    # a carrier relative clause is still no cue (round 7 convention)
    doc = attr("وقال الرئيس في تصريحات نقلتها صحيفة الحياة إن الوضع مستقر.")
    assert [a.cue.text for a in doc.attributions] == ["قال"]


def test_passive_carrier_is_the_via(attr):
    doc = attr("وقالت القيادة العامة في بيان بث على وكالة الأنباء الرسمية إن الجنود قتلوا.")
    a = one(doc, "قالت")
    assert src(doc, a) == "القيادة العامة" and vias(doc, a) == ["وكالة الأنباء الرسمية"]


def test_honorific_after_a_participle(attr):
    doc = attr("وأشاد الأمير بجهود الجنود، مشيرًا سموّه إلى أن العملية نجحت.")
    a = one(doc, "مشيرًا")
    assert ctext(doc, a) == "العملية نجحت"


def test_bihasab_document_fa_inna(attr):
    # بحسب القرار فإن …: a document before فإن is cited, its content runs to the sentence end
    doc = attr("وبحسب القرار فإن الفريق سيحدد المسؤولين عن الهجمات.")
    a = one(doc, "بحسب")
    assert src(doc, a) == "القرار" and ctext(doc, a) == "الفريق سيحدد المسؤولين عن الهجمات"
    # a norm followed is still no source
    assert [a.cue.text for a in attr("وحسب الأولوية فإن الفريق سيبدأ بالمدارس.").attributions] == []


def test_weekday_as_a_family_name(attr):
    doc = attr("وأكد أمين عام الاتحاد أحمد الخميس أن القرار نهائي. وقال الخميس في تصريح خاص إن البطولة ستقام. "
               "وأعلن الجيش الخميس مقتل عشرة مسلحين.")
    assert src(doc, one(doc, "أكد")) == "أمين عام الاتحاد أحمد الخميس"
    assert src(doc, one(doc, "قال")) == "الخميس"
    assert src(doc, one(doc, "أعلن")) == "الجيش"


def test_paper_given_a_copy_is_the_via(attr):
    doc = attr("وأكدت الجبهة في بيان صحافي زودت «الرياض» بنسخة منه أمس بأن حملة الاعتقال مستمرة.")
    a = one(doc, "أكدت")
    assert src(doc, a) == "الجبهة" and vias(doc, a) == ["الرياض"]
    assert ctext(doc, a) == "حملة الاعتقال مستمرة"


def test_afada_with_an_agency_object(attr):
    # أفاد X وكالةَ Y أنه …: the agency is whom the source told (via), not part of the source
    doc = attr("وأفاد مصدر دبلوماسي تركي وكالة فرانس برس، أنه تم تأجيل الزيارة.")
    a = one(doc, "أفاد")
    assert src(doc, a) == "مصدر دبلوماسي تركي" and vias(doc, a) == ["وكالة فرانس برس"]
    doc = attr("وأفادت وكالة الأنباء الرسمية بأن الزيارة تأجلت.")
    assert src(doc, one(doc, "أفادت")) == "وكالة الأنباء الرسمية"


def test_one_of_apposition_stays_in_the_source(attr):
    doc = attr("وقالت سارة جونز إحدى الناطقات باسم البرنامج لوكالة فرانس برس إن السفينة ستصل غدا.")
    a = one(doc, "قالت")
    assert src(doc, a) == "سارة جونز إحدى الناطقات باسم البرنامج" and vias(doc, a) == ["وكالة فرانس برس"]
    doc = attr("وأعلن العميد صالح حسن أحد القادة المشاركين في تحرير عدن لـ «المدينة»: إنّ المحافظة محررة.")
    a = one(doc, "أعلن")
    assert src(doc, a) == "العميد صالح حسن أحد القادة المشاركين في تحرير عدن" and vias(doc, a) == ["المدينة"]


def test_special_statement_to_a_paper(attr):
    doc = attr("وأضاف الوزير في تصريح خاص بـ«عكاظ»، «لن نتراجع عن القرار».")
    a = one(doc, "أضاف")
    assert src(doc, a) == "الوزير" and vias(doc, a) == ["عكاظ"]


def test_khatama_x_qaila(attr):
    # ختم X قائلا «…» has the verb as cue (GUIDELINES blind6), like ختم X بالقول
    doc = attr("وختم الوزير قائلا «سنواصل العمل».")
    assert [a.cue.text for a in doc.attributions] == ["ختم"]
    assert src(doc, one(doc, "ختم")) == "الوزير"


def test_mutahaddithan_an(attr):
    doc = attr("وقال المسؤول إن الاتفاق أقر، متحدثا عن «تفاصيل يجري بحثها».")
    a = one(doc, "متحدثا")
    assert ctext(doc, a) == "«تفاصيل يجري بحثها»"
    doc = attr("وقالت متحدثة باسم الشرطة إن السائح أصيب بجروح طفيفة.")
    assert [a.cue.text for a in doc.attributions] == ["قالت"]
    assert src(doc, one(doc, "قالت")) == "متحدثة باسم الشرطة"


def test_kana_after_the_subject(attr):
    # يذكر أن X كانت (قد) أعلنت …: X is the subject, what follows the verb its content
    doc = attr("يذكر أن وزارة الدفاع كانت قد أعلنت الأحد مقتل 9 جنود إثر هجوم من «مجموعة مسلحة».")
    a = one(doc, "أعلنت")
    assert src(doc, a) == "وزارة الدفاع" and ctext(doc, a).startswith("مقتل 9 جنود")
    doc = attr("يذكر أن السلطات التونسية كانت أعلنت عن حزمة من القرارات الأمنية.")
    assert src(doc, one(doc, "أعلنت")) == "السلطات التونسية"


def test_left_subjects(attr):
    # a comma before قد (وكانت X …، قد أعلنت) and an accusative head after لكن (لكن متحدثا باسم …)
    doc = attr("وكانت وزارة الدفاع التركية، قد أعلنت أمس، انسحاب قواتها من المدينة.")
    assert src(doc, one(doc, "أعلنت")) == "وزارة الدفاع التركية"
    doc = attr("ولكن متحدثا باسم الشرطة قال إن انفجارات وقعت في المدينة.")
    assert src(doc, one(doc, "قال")) == "متحدثا باسم الشرطة"


def test_ali_after_a_title_is_a_name(attr):
    doc = attr("ونفى رئيس البرلمان علي أحمد ما قاله المعهد.")
    a = one(doc, "نفى")
    assert src(doc, a) == "رئيس البرلمان علي أحمد" and ctext(doc, a) == "ما قاله المعهد"
    doc = attr("وأكد رئيس الوزراء على أهمية الحوار.")
    assert src(doc, one(doc, "أكد")) == "رئيس الوزراء"


def test_carrier_before_a_noun_phrase_content(attr):
    # أكدت X في بيان بثته الليلة وكالة Y | تمكنها …: the carrier ends at the outlet's name
    doc = attr("وأكدت القيادة في بيان بثته الليلة وكالة الأنباء اليمنية الرسمية تمكنها من قطع طرق الإمداد.")
    a = one(doc, "أكدت")
    assert src(doc, a) == "القيادة" and vias(doc, a) == ["وكالة الأنباء اليمنية الرسمية"]
    assert ctext(doc, a) == "تمكنها من قطع طرق الإمداد"


def test_naqala_anhu(attr):
    # نقلت X عنه قوله …: X is the via, the source the antecedent of the pronoun
    doc = attr('وقال الوزير إن الاتفاق قريب. ونقلت صحيفة "حريت" عنه قوله "التغطية الجوية مهمة".')
    a = one(doc, "نقلت")
    assert src(doc, a) is None and vias(doc, a) == ['صحيفة "حريت"']
    assert a.source == one(doc, "قال").source


def test_time_adjuncts_end_an_addressee(attr):
    doc = attr("وقالت سارة جونز لوكالة فرانس برس قبيل وصول السفينة «ستكون أول سفينة تصل».")
    assert vias(doc, one(doc, "قالت")) == ["وكالة فرانس برس"]


def test_noun_phrase_content_with_a_non_speaker_head(attr):
    doc = attr("وقال الرئيس إن العلاقات قوية. كما أكد أهمية دور مصر في المنطقة.")
    a = one(doc, "أكد")
    assert src(doc, a) is None and ctext(doc, a) == "أهمية دور مصر في المنطقة"
    assert a.source == one(doc, "قال").source
    assert [a.cue.text for a in attr("لكن تقول لنا خبرتنا السابقة إن الاتفاق لن يصمد.").attributions] == []


def test_wasafa_with_a_pro_drop_subject(attr):
    doc = attr("وقال الوزير إن الوضع خطير، ووصف القتال بأنه «شرس».")
    a = one(doc, "وصف")
    assert src(doc, a) is None and ctext(doc, a) == "«شرس»"
    doc = attr("ووصف الوزير القتال بأنه «شرس».")
    assert src(doc, one(doc, "وصف")) == "الوزير"


def test_subjectless_verb_aside_then_noun_phrase(attr):
    doc = attr("وأعربت الحكومة عن إدانتها للهجوم. وأكدت، في بيان صادر عن وزارة خارجيتها، تضامنها مع المملكة، "
               "مجددة موقف تونس الثابت.")
    a = one(doc, "أكدت")
    assert ctext(doc, a) == "تضامنها مع المملكة"
    assert ctext(doc, one(doc, "مجددة")) == "موقف تونس الثابت"
    # مجددا (again) is no cue
    assert [a.cue.text for a in attr("وقال الوزير مجددا إن الوضع خطير.").attributions] == ["قال"]


def test_tauudduhu_in_a_relative_clause(attr):
    # GUIDELINES blind6: تعدّه X + a noun phrase is a cue in a relative clause too
    doc = attr("وتستهدف الغارات مواقع الحزب الذي تعده الحكومة منظمة إرهابية.")
    assert "تعده" in [a.cue.text for a in doc.attributions]


def test_ilan_with_a_verbal_noun_content(attr):
    # إعلان X + an indefinite verbal noun (تحرير عدن) is a nominal cue with a noun-phrase content
    doc = attr("وذلك بعد ثلاثة أيام على إعلان الحكومة في المنفى تحرير عدن كبرى مدن الجنوب.")
    a = one(doc, "إعلان")
    assert src(doc, a) == "الحكومة في المنفى" and ctext(doc, a) == "تحرير عدن كبرى مدن الجنوب"
    assert [a.cue.text for a in attr("وجاء ذلك بعد إعلان الحكومة الجديدة في البلاد.").attributions] == []
    assert [a.cue.text for a in attr("وجاء ذلك بعد إعلان الحكومة حالة الطوارئ.").attributions] == []


def test_information_still_speaks(attr):
    # GUIDELINES blind4/blind7: المعلومات / المعطيات / تقارير تفيد بأن … stay cues
    doc = attr("وأشارت المصادر إلى أن المعطيات تفيد بأن الهجوم فشل.")
    assert "تفيد" in [a.cue.text for a in doc.attributions]


def test_ba_inside_the_subject_word(attr):
    # أفاد (preposition بـ): a subject whose first word starts with ب (بيان، a foreign name before أن)
    doc = attr("وأفاد بيان صادر عن قيادة الجيش اليوم بأنّ ثلاث طائرات حلقت فوق الجنوب.")
    a = one(doc, "أفاد")
    assert src(doc, a) == "بيان صادر عن قيادة الجيش" and ctext(doc, a) == "ثلاث طائرات حلقت فوق الجنوب"
    doc = attr("وأفاد باومجاردن أن الزيارة ستكون لها نتائج إيجابية.")
    assert src(doc, one(doc, "أفاد")) == "باومجاردن"


def test_nominal_genitive_title_chain_to_a_name():
    # with NER: the genitive of تأكيد runs to the end of the person's name in a long title chain
    from isnad.evaluation.attribution import pipeline
    nlp = pipeline()
    doc = nlp("وأبرزت الصحف تأكيد نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبد العزيز "
              "- حفظه الله -، أن الإرهاب لن ينال من الوطن.")
    a = one(doc, "تأكيد")
    assert src(doc, a) == "نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبد العزيز"


def test_country_subject_before_a_noun_phrase_content():
    # with NER: a place entity as the subject of a verb taking a noun-phrase content, coordinated too
    from isnad.evaluation.attribution import pipeline
    nlp = pipeline()
    doc = nlp("ونفت إيران أي تدخل في الشؤون الداخلية للبحرين.")
    a = one(doc, "نفت")
    assert src(doc, a) == "إيران" and ctext(doc, a) == "أي تدخل في الشؤون الداخلية للبحرين"
    doc = nlp("وفي أواخر الشهر الماضي أعلنت الولايات المتحدة وتركيا نيتهما توفير غطاء جوي.")
    assert src(doc, one(doc, "أعلنت")) == "الولايات المتحدة وتركيا"
