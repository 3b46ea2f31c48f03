from isnad.document import Document
from isnad.text.matcher import PhraseMatcher
from isnad.text.segment import split_sentences
from isnad.text.tokenize import clitic_splits


def _sents(t):
    return [t[s:e] for s, e in split_sentences(t)]


def test_sentences_punctuation_and_lines():
    t = "قال الوزير إن الوضع مستقر. هل انتهى؟ نعم!\nسطر جديد بلا نقطة\n\n  سطر آخر."
    assert _sents(t) == ["قال الوزير إن الوضع مستقر.", "هل انتهى؟", "نعم!", "سطر جديد بلا نقطة", "سطر آخر."]


def test_sentences_not_inside_numbers_or_abbreviations():
    t = "ارتفع المؤشر 3.5 في المئة. وقال د. محمد إن وكالة أ.ف.ب. نقلت الخبر. Mr. Smith left."
    assert _sents(t) == ["ارتفع المؤشر 3.5 في المئة.", "وقال د. محمد إن وكالة أ.ف.ب. نقلت الخبر.", "Mr. Smith left."]


def test_sentence_keeps_closing_quote():
    t = "وأضافت أنه “تم تأمين الوصول.” ثم انتهى."
    assert _sents(t) == ["وأضافت أنه “تم تأمين الوصول.”", "ثم انتهى."]


def test_unbalanced_quotes_do_not_hold_sentences_open():
    t = "قال “إن الأمر انتهى. ثم رحل.\nسطر ثان “بلا إغلاق"
    assert _sents(t) == ["قال “إن الأمر انتهى.", "ثم رحل.", "سطر ثان “بلا إغلاق"]


def test_clitic_readings():
    assert (2, "الحسكه") in clitic_splits("وبالحسكه")
    assert (1, "التحالف") in clitic_splits("للتحالف")
    assert (1, "قسد") in clitic_splits("وقسد")
    assert clitic_splits("بادية")[0] == (0, "بادية")
    # stems are at least two letters
    assert all(len(stem) >= 2 for _, stem in clitic_splits("وب"))


def test_tokens_keep_offsets(nlp):
    t = "قالت لـ “التحالف الدولي” @user_1 #سوريا https://x.com/a?b=1 ١٢٫٥ 😀"
    doc = nlp(t)
    for tok in doc.tokens:
        assert doc.text[tok.start:tok.end]
        assert doc.norm.text[tok.nstart:tok.nend] == tok.norm
    kinds = {doc.text[t.start:t.end]: t.kind for t in doc.tokens}
    assert kinds["لـ"] == "word" and kinds["@user_1"] == "mention" and kinds["#سوريا"] == "hashtag"
    assert kinds["https://x.com/a?b=1"] == "url" and kinds["١٢٫٥"] == "number" and kinds["😀"] == "symbol"
    assert [tk.norm for tk in doc.tokens if tk.kind == "word"][:3] == ["قالت", "ل", "التحالف"]


def test_matcher_clitics_quotes_and_longest(nlp):
    m = PhraseMatcher([("التحالف الدولي", "coalition"), ("الحسكة", "hasakah"), ("قسد", "sdf"),
                       ("تنظيم داعش", "isis"), ("داعش", "isis"), ("دير الزور", "dez"),
                       ("ريف دير الزور", "dez-rural")])
    t = "طائرات تابعة لـ “التحالف الدولي” وللتحالف الدولي وبالحسكة وقسد تنظيم “داعش” بريف دير الزور"
    doc = nlp(t)
    found = [(doc.text[x.start:x.end], x.payloads[0], x.prefix) for x in m.find(doc)]
    assert found == [("التحالف الدولي", "coalition", ""), ("لتحالف الدولي", "coalition", "ول"),
                     ("الحسكة", "hasakah", "وب"), ("قسد", "sdf", "و"), ("تنظيم “داعش", "isis", ""),
                     ("ريف دير الزور", "dez-rural", "ب")]


def test_matcher_respects_token_boundaries(nlp):
    m = PhraseMatcher([("سوريا", 1)])
    doc = nlp("السوريانية والسوريا وسوريا")
    assert [doc.text[x.start:x.end] for x in m.find(doc)] == ["سوريا"]


def test_document_sentence_lookup(nlp):
    doc = nlp("جملة أولى. جملة ثانية.")
    assert doc.sentence_at(0) == 0 and doc.sentence_at(12) == 1 and doc.sentence_at(10) is None
