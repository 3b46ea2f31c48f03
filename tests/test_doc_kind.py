import pytest


@pytest.mark.parametrize("text,kind,roles,name", [
    ("RT @AlertSyria: القوات الأمريكية تنقل سجناء", "retweet", ["retweet"], "@AlertSyria"),
    ("Forwarded from قناة الخبر\nانفجار في المدينة", "forward", ["forward"], "قناة الخبر"),
    ("منقول عن صفحة أخبار الحسكة: اشتباكات عنيفة", "forward", ["forward"], None),
    ("الرياض (واس) - أعلنت وزارة الداخلية اليوم عن القبض على خلية. وأضافت أن التحقيق جار.",
     "article", ["dateline"], "واس"),
    ("دمشق-سانا- أكد وزير الخارجية أن الحل سياسي. وقال إن الحوار مستمر.", "article", ["dateline"], "سانا"),
    ("قتل ثلاثة أشخاص في انفجار سيارة مفخخة. وأصيب آخرون بجروح. - رويترز", "article", ["source_line"], "رويترز"),
    ("اندلعت اشتباكات في المدينة وأغلقت الطرق. وقال شهود إن الوضع متوتر.\n(أ ف ب)", "article", ["source_line"], "أ ف ب"),
    ("قصف مدفعي على القرية.\nالمصدر: «الأناضول»", "post", ["source_line"], "الأناضول"),
])
def test_carriers_and_kind(nlp, text, kind, roles, name):
    doc = nlp(text)
    assert doc.kind == kind
    assert [c["role"] for c in doc.meta["carriers"]] == roles
    c = doc.meta["carriers"][0]
    if name:
        assert c["name"] == name
        if "name_start" in c:
            assert doc.text[c["name_start"]:c["name_end"]] == name


def test_reader_hints_are_kept(nlp):
    from isnad import Document
    doc = nlp(Document("نص منقول", kind="forward", meta={"forwarded_from": "Syria Now", "platform": "telegram"}))
    assert doc.kind == "forward" and doc.meta["carriers"][0]["name"] == "Syria Now"


def test_no_carriers_in_plain_article(nlp):
    para = "افتتح الأمير مشروعا جديدا في المدينة. وحضر الحفل عدد من المسؤولين. وقال إن المشروع مهم. "
    doc = nlp(para * 4)
    assert doc.meta["carriers"] == [] and doc.kind == "article"
    short = nlp("انفجار قرب السوق الآن #عاجل")
    assert short.meta["carriers"] == [] and short.kind == "post"


def test_sentence_final_outlet_word_is_not_a_signature(nlp):
    doc = nlp("قال الوزير إن التعاون يشمل دول المنطقة العربية. وأكد أن الاجتماع القادم في الرياض.\n"
              "وأضاف أن الاتفاق يعزز الأمن في المنطقة العربية.")
    assert doc.meta["carriers"] == []
