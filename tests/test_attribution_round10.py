"""Round 10 (issue #6): source extents and cue families generalised from the error classes of the
spent splits (dev … blind9), on invented sentences (no corpus text)."""
from attribution_common import attr, nlp, cues, one, ctext, src, vias, ante  # noqa: F401 (fixtures and views)


# -- source extents: appositions before the cue's own preposition ----------------------------------
def test_title_after_a_name_before_the_cues_preposition(nlp):
    doc = nlp("وأكد الدكتور سامي حسن استاذ العلوم السياسية على اهمية الدعم العربي.")
    a = one(doc, "أكد")
    assert src(doc, a) == "الدكتور سامي حسن استاذ العلوم السياسية"
    assert ctext(doc, a) == "اهمية الدعم العربي"
    # a real object of a cue that takes one still splits off (حذر X Y من)
    doc = nlp("وحذر الوزير خالد سعيد عملاء إيران من العبث بأمن البلاد.")
    assert src(doc, one(doc, "حذر")) == "الوزير خالد سعيد"


def test_place_inside_a_title_before_a_name(nlp):
    doc = nlp("وأفاد مدير مكتب الحملة الوطنية السعودية بلبنان وليد بن علي الجلال بمواصلة الحملة هذا العام.")
    a = one(doc, "أفاد")
    assert src(doc, a) == "مدير مكتب الحملة الوطنية السعودية بلبنان وليد بن علي الجلال"
    assert ctext(doc, a).startswith("بمواصلة") or ctext(doc, a).startswith("مواصلة")


def test_imam_is_a_title_not_the_preposition_amam(nlp):
    doc = nlp("وقال الشيخ سعود الفلاني إمام وخطيب الجامع الكبير إن الهجوم جبان.")
    assert src(doc, one(doc, "قال")) == "الشيخ سعود الفلاني إمام وخطيب الجامع الكبير"
    doc = nlp("وقال الوزير أمام البرلمان إن الهجوم جبان.")
    assert src(doc, one(doc, "قال")) == "الوزير"


def test_relative_clause_on_the_subject_runs_to_the_complementizer(attr):
    doc = attr("وأضاف المتهم الذي سيمثل أمام المحكمة في ألمانيا بأنه يريد محاكمة عادلة.")
    assert src(doc, one(doc, "أضاف")) == "المتهم الذي سيمثل أمام المحكمة في ألمانيا"
    # … or to the comma before a medium; a bare time word after it is the cue's
    doc = attr("وقالت الهيئة التي نشرت تقريرها في نهاية مارس، في بريد الكتروني للوكالة انها احصت الوافدين.")
    assert src(doc, one(doc, "قالت")) == "الهيئة التي نشرت تقريرها في نهاية مارس"


def test_construct_genitive_of_a_speech_noun_after_bihasab(attr):
    doc = attr("وبحسب بيانات الدعوى، سافر الرجلان إلى سوريا.")
    a = one(doc, "بحسب")
    assert src(doc, a) == "الدعوى" and ctext(doc, a) == "سافر الرجلان إلى سوريا"
    doc = attr("وبحسب بيانات السلطات، اعترف المتهمان.")
    assert src(doc, one(doc, "بحسب")) == "السلطات"


def test_source_after_lil_starts_at_the_articles_lam(attr):
    doc = attr("وصفق الجمهور للنجم العراقي الذي تحدث في تصريح صحفي عن أسباب غيابه قائلاً: «أحاول دائماً التجديد».")
    a = one(doc, "تحدث")
    assert src(doc, a) == "لنجم العراقي"
    assert ctext(doc, a) == "«أحاول دائماً التجديد»"
    assert "قائلاً" not in cues(doc)


def test_fa_inna_ends_a_prepositional_object(attr):
    doc = attr("ورغم إنفاق النادي 70 مليونا وفقا لما ذكرته وسائل الإعلام فإنه لم يتطور.")
    assert src(doc, one(doc, "وفقا لما ذكرته")) == "وسائل الإعلام"


# -- cue families -----------------------------------------------------------------------------------
def test_bayyana_after_a_noun_is_the_preposition(attr):
    doc = attr("وقالت زهرة المسؤولة المحلية في القرية التي تمثل القبيلة أغلبية بين سكانها، إن ثمانية قتلوا.")
    assert "بين" not in cues(doc)
    doc = attr("وفي السياق ذاته بين المهندس سامي أن الأعمال بدأت.")
    assert src(doc, one(doc, "بين")) == "المهندس سامي"
    doc = attr("وبين الوزير أن الأعمال بدأت.")
    assert cues(doc) == ["بين"]


def test_the_two_parties_of_a_joint_statement(attr):
    doc = attr("وأكد الجانبان على أهمية العمل المشترك في مكافحة الإرهاب.")
    a = one(doc, "أكد")
    assert src(doc, a) == "الجانبان" and ctext(doc, a) == "أهمية العمل المشترك في مكافحة الإرهاب"
    doc = attr("كما أكد الطرفان رفضهما القاطع للتدخل.")
    assert src(doc, one(doc, "أكد")) == "الطرفان"


def test_ma_qalahu_min_anna(nlp):
    doc = nlp("ووافق الرئيس على ما قاله الوزير خالد سعيد في مؤتمر صحفي من أن الحرب انتهت.")
    a = one(doc, "قاله")
    assert src(doc, a) == "الوزير خالد سعيد" and ctext(doc, a) == "الحرب انتهت"
    # ما قاله X without من أن refers to words reported elsewhere: no cue
    assert cues(nlp("وهذا ما قاله الوزير أمس.")) == []


def test_the_subject_of_ma_qalahu_speaks_on(attr):
    doc = attr("وذكّرت الوزارة بما قاله الرئيس هادي في هذا الصدد، حيث أكد أن النصر قريب.")
    assert "الرئيس هادي" in ante(doc, one(doc, "أكد"))


def test_the_late_is_part_of_a_title(nlp):
    doc = nlp("ووافق الرئيس على ما قاله الأمير الراحل سعود الفيصل في مجلس العلاقات من أن واشنطن أخطأت.")
    assert src(doc, one(doc, "قاله")) == "الأمير الراحل سعود الفيصل"


def test_tahaddatha_an_then_qaailan_is_one_attribution(attr):
    doc = attr("وتحدث الوزير عن الأزمة قائلا: «سنعمل بجد».")
    assert cues(doc) == ["تحدث"]
    assert ctext(doc, one(doc, "تحدث")) == "«سنعمل بجد»"
    # after a comma قائلا is its own attribution (blind6)
    doc = attr("وتحدث الوزير عن الأزمة، قائلا: «سنعمل بجد».")
    assert "تحدث" in cues(doc) and "قائلا" in cues(doc)


def test_subjectless_tahaddatha_an_continues_the_speaker(attr):
    doc = attr("وأضاف الوزير أن الوضع مستقر. وتحدث عن المدة التي قضاها في السجن، مشيراً إلى أنه لم يلق محاميا.")
    a = one(doc, "تحدث")
    assert src(doc, a) is None and "الوزير" in ante(doc, a)
    assert ctext(doc, a) == "المدة التي قضاها في السجن"
    # without a speaker just before, a topic verb stays no cue
    assert cues(attr("وتحدث عن المدة التي قضاها في السجن.")) == []


def test_zaada_with_a_quotation(attr):
    doc = attr("وتابع قائلا «إن الوزراء يعملون». وزاد «تم وضع خطط أمنية للأحياء».")
    assert ctext(doc, one(doc, "زاد")) == "«تم وضع خطط أمنية للأحياء»"
    assert cues(attr("وزاد عدد القتلى إلى عشرين.")) == []


def test_sharaha_after_an_explicit_speaker(attr):
    doc = attr("وشرح الرئيس: «ليس هناك حد للتلوث حتى الآن».")
    assert src(doc, one(doc, "شرح")) == "الرئيس"
    assert cues(attr("وقدم المحاضر أمثلة وشرح الحالات بشكل دقيق.")) == []


def test_barrara_ila_anna(attr):
    doc = attr("وبرر الوزير القرار بأن الظروف تغيرت.")
    a = one(doc, "برر")
    assert src(doc, a) == "الوزير" and ctext(doc, a) == "الظروف تغيرت"
    assert cues(attr("الغاية تبرر الوسيلة.")) == []
    assert cues(attr("ولا يوجد ما يبرر ذلك علميا.")) == []


def test_barrara_with_ila_anna_after_a_named_subject(nlp):
    doc = nlp("برر زعيم الحوثيين عبدالملك الحوثي، هزيمة ميليشياته في عدن إلى أن الجنود كانوا في إجازة.")
    a = one(doc, "برر")
    assert ctext(doc, a) == "الجنود كانوا في إجازة"


def test_a_law_passed_is_no_speaker(attr):
    doc = attr("وبعد النقاش أقرّ هذا القانون «حول مكافحة الإرهاب» في جلسة مغلقة.")
    assert cues(doc) == []


def test_pointing_to_an_interview_is_a_topic(attr):
    assert cues(attr("وأشارت الصحيفة إلى المقابلة التي أجراها المذيع مع الرئيس.")) == []
    doc = attr("وأشار إلى أن الحوار جرى في أجواء إيجابية.")
    assert cues(doc) == ["أشار"]


def test_biqawlihi(nlp):
    doc = nlp("انتقد الرئيس الأمريكي باراك أوباما رئيس الوزراء الإسرائيلي بنيامين نتنياهو، بقوله إنه الزعيم الوحيد الذي يتدخل.")
    a = one(doc, "قوله")
    assert src(doc, a) is None and ctext(doc, a) == "الزعيم الوحيد الذي يتدخل"
    assert "الرئيس الأمريكي باراك أوباما" in ante(doc, a)
    # after a cue verb بقوله opens that verb's content and is no second cue
    doc = nlp("وأجاب أوباما بالنفي بقوله: «لا أذكر مثيلا لذلك».")
    assert cues(doc) == ["أجاب"] and ctext(doc, one(doc, "أجاب")) == "«لا أذكر مثيلا لذلك»"


def test_quoted_outlet_told_before_the_source(attr):
    doc = attr('أبلغ "الاقتصادية" مصدر في وزارة الداخلية أن الإرهابي نفذ إلى المسجد.')
    a = one(doc, "أبلغ")
    assert src(doc, a) == "مصدر في وزارة الداخلية" and vias(doc, a) == ["الاقتصادية"]


def test_saudi_services_named_by_their_field(attr):
    doc = attr("وكشفت الجوازات عن أن أصحاب السوابق بإمكانهم تصحيح أوضاعهم.")
    assert src(doc, one(doc, "كشفت")) == "الجوازات"


def test_yara_fihi_in_a_relative_clause(attr):
    doc = attr("ويثير القانون انتقادات من قبل المجتمع المدني الذي يرى فيه تهديدات للحريات.")
    a = one(doc, "يرى")
    assert ctext(doc, a).startswith("تهديدات للحريات")


def test_the_name_ali_before_a_verb_is_no_preposition(nlp):
    doc = nlp("ويحل القانون محل قانون صادر في عهد زين العابدين بن علي يقول المدافعون عن حقوق الانسان: "
              "إنه كان يستخدم لقمع المعارضة.")
    assert src(doc, one(doc, "يقول")) == "المدافعون عن حقوق الانسان"


def test_outlet_told_ends_before_its_issue(attr):
    doc = attr("وقال رئيس الاتحاد في تصريحات لصحيفة «الحياة» اللندنية الصادرة أمس: «يتعين على الدولة التحرك».")
    assert vias(doc, one(doc, "قال")) == ["صحيفة «الحياة» اللندنية"]


def test_one_of_the_defendants_with_an_aside(attr):
    doc = attr("وتحدث أحد المتهمين، ويدعى خالد، في مقابلة إعلامية عن تجنيده للانضمام للتنظيم.")
    a = one(doc, "تحدث")
    assert src(doc, a) == "أحد المتهمين" and ctext(doc, a) == "تجنيده للانضمام للتنظيم"


def test_whom_one_listens_to_speaks_on(attr):
    doc = attr("وقال الوزير إن الحياة تعود. وتم خلال الاجتماع الاستماع إلى محافظ المدينة سالم الهادي عبر مداخلة هاتفية. "
               "وأشار إلى عودة بعض مرافق الشرطة.")
    assert "محافظ المدينة سالم الهادي" in ante(doc, one(doc, "أشار"))


def test_a_feminine_participle_after_a_statement_goes_on_with_the_ministry(attr):
    doc = attr("وكانت وزارة الدفاع قد أعلنت مقتل جنديين. وجاء في البيان، أن «الجنود تعرضوا لإطلاق نار»، "
               "مضيفة أنه «تم تطويق المنطقة».")
    assert "وزارة الدفاع" in ante(doc, one(doc, "مضيفة"))


def test_the_subject_of_the_sentence_initial_verb_speaks_on(attr):
    doc = attr("وتقدم المدير العام للفرع سالم الهادي إلى القيادة بصادق العزاء، وقال: عازمون على الوفاء بالعهد.")
    a = one(doc, "قال")
    assert src(doc, a) is None and "المدير العام للفرع سالم الهادي" in ante(doc, a)


def test_a_predicted_or_obliged_announcement_is_no_cue(attr):
    doc = attr("وتوقع رئيس المجلس أن يعلن خلال الأيام القادمة عن بدء عملية التحرير.")
    assert cues(doc) == ["توقع"]
    doc = attr("وقال الرئيس: «يتعين على الدولة والمجتمع أن يعلنا بوضوح أننا نقف ضد التطرف».")
    assert cues(doc) == ["قال"]
    # a reporting verb after أن with its own complementizer stays a cue
    doc = attr("وقال الوزير إن الحوار مهم، قبل أن يشدد أن غياب الدولة هو السبب.")
    assert "يشدد" in cues(doc)


def test_the_warned_party_after_a_named_speaker_is_a_via(attr):
    doc = attr("وحذر الرئيس المشرعين الأمريكيين من أن رفض الاتفاق يهدد مصداقية البلاد.")
    a = one(doc, "حذر")
    assert src(doc, a) == "الرئيس" and vias(doc, a) == ["المشرعين الأمريكيين"]
    assert ctext(doc, a) == "رفض الاتفاق يهدد مصداقية البلاد"


def test_wasafahu_in_a_relative_clause_on_the_thing_described(attr):
    doc = attr("وقال الرئيس إن الاتفاق جيد، واعتبر أن هذا الأمر الذي وصفه بـ«الخطير» يظل أفضل من الحرب.")
    a = one(doc, "وصفه")
    assert src(doc, a) is None and "الرئيس" in ante(doc, a)


def test_announcing_a_ceasefire_after_a_relative_clause_is_a_deed(attr):
    assert cues(attr("وأعلن التحالف الذي يقاتل المتمردين في الجنوب وقفا لإطلاق النار لمدة خمسة أيام.")) == []
    doc = attr("وأعلن التحالف الذي يقاتل المتمردين في الجنوب أن الهدنة انهارت.")
    assert cues(doc) == ["أعلن"]


def test_prepositional_object_stops_where_the_clause_goes_on(attr):
    doc = attr("وحسب شريط فيديو ظهرت الدبابات وهي تتحرك نحو المدينة.")
    assert src(doc, one(doc, "حسب")) == "شريط فيديو"
    doc = attr("ويقدر عدد المغردين، بحسب دراسات بحثية سابقة سبعة ملايين حساب.")
    assert src(doc, one(doc, "بحسب")) == "دراسات بحثية سابقة"
    # a number inside a name stays (قرار … رقم 833)
    doc = attr("وتم ترسيم الحدود طبقا لقرار مجلس الأمن الدولي رقم 833 الصادر عام 1993.")
    assert all("رقم" not in ctext(doc, a)[:4] for a in doc.attributions)


def test_left_subject_without_its_conjunction(attr):
    doc = attr("وقتل ثلاثة عناصر في الكمين، والمصادر تتحدث عن تكتم الحزب على أسمائهم.")
    assert src(doc, one(doc, "تتحدث")) == "المصادر"


def test_information_obtained_by_an_outlet_from_sources(nlp):
    doc = nlp("ووفقا لمعلومات حصلت عليها «الحياة» من مصادرها في وزارة الدفاع فقد أبلغ الوزير خالد سعيد نظيره أن "
              "الطائرات لن تسلم، مؤكدا أن بغداد ستتحمل الخسارة.")
    a = one(doc, "وفقا")
    assert src(doc, a) == "مصادرها في وزارة الدفاع" and vias(doc, a) == ["الحياة"]
    assert "الوزير خالد سعيد" in ante(doc, one(doc, "مؤكدا"))


def test_feminine_titles_and_names_in_iya(attr):
    doc = attr("فيما كشفت الصحفية سامية الخطيب طريقة معاملة الأجهزة للمعتقلين، لافتة إلى أن الوضع صعب.")
    a = one(doc, "كشفت")
    assert src(doc, a) == "الصحفية سامية الخطيب"
    assert "الصحفية سامية الخطيب" in ante(doc, one(doc, "لافتة"))
    doc = attr("بدورها قالت محامية هيئة شؤون الأسرى «حنان الخطيب»: إن الأسرى مضربون.")
    assert src(doc, one(doc, "قالت")) == "محامية هيئة شؤون الأسرى «حنان الخطيب»"


def test_a_chain_of_descriptive_predicates_reports_nothing(attr):
    assert cues(attr("إن هذا الموقف يعكس بجلاء نواياها العدائية ويكشف بكل وضوح استراتيجيتها في المنطقة.")) == []
    assert cues(attr("وتحترم الشرائع السماوية التي تجرم المساس بالمقدسات وتؤكد على صونها.")) == []
    # a speech frame after the verb stays a cue
    doc = attr("وقال سائل: إنه يعاني من التهاب، ولم تتحسن حالته ويقول: استخدمت أدوية كثيرة.")
    assert "يقول" in cues(doc)


def test_a_place_after_bi_and_bayna_the_preposition_inside_the_subject(attr):
    doc = attr("وأفادت مريم سالم المسؤولة المحلية بقرية النخيل والتي تمثل القبيلة أغلبية بين سكانها، إن ثمانية قتلوا.")
    a = one(doc, "أفادت")
    assert src(doc, a) == "مريم سالم المسؤولة المحلية بقرية النخيل والتي تمثل القبيلة أغلبية بين سكانها"
    assert ctext(doc, a) == "ثمانية قتلوا"


def test_a_place_name_takes_no_genitive(nlp):
    doc = nlp("ووصف العقيد سالم الهادي مدير السجون بمنطقة جازان الحادث الإجرامي بالجبان.")
    a = one(doc, "وصف")
    assert src(doc, a) == "العقيد سالم الهادي مدير السجون بمنطقة جازان" and ctext(doc, a) == "الجبان"
    # a title after the place still opens the name (رئيس مجلس علماء باكستان الشيخ …)
    doc = nlp("وقال رئيس مجلس علماء باكستان الشيخ طاهر الأشرفي إن التفجير جريمة.")
    assert src(doc, one(doc, "قال")) == "رئيس مجلس علماء باكستان الشيخ طاهر الأشرفي"


def test_a_two_letter_sentence_verb_gives_the_clause_subject(attr):
    doc = attr("وشن رئيس وفد المعارضة سالم الهادي هجوما عنيفا على الحكومة التي اعتبرها فاقدة للشرعية، وقال إن "
               "الحكومة تعرقل السلام.")
    assert "رئيس وفد المعارضة سالم الهادي" in ante(doc, one(doc, "قال"))
