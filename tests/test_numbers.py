import pytest

from isnad.text.numbers import (find_numbers, number_at, numbers_in_text, parse_number,
                                parse_quantity)


@pytest.mark.parametrize("text,value", [
    ("ثلاثة", 3), ("ثلاث", 3), ("واحد", 1), ("اثنين", 2), ("عشرة", 10), ("أحد عشر", 11),
    ("إحدى عشرة", 11), ("ثلاثة عشر", 13), ("عشرين", 20), ("خمسة وعشرين", 25),
    ("خمسة و عشرين", 25), ("سبعمائة وخمسين", 750), ("ثلاث مائة", 300), ("مئتين", 200),
    ("مئة وعشرة", 110), ("مئة وثلاثة عشر", 113), ("ثلاثمائة وستة وخمسين", 356),
    ("ألف", 1000), ("ألفين", 2000), ("ثلاثة آلاف", 3000), ("خمسين ألفا", 50000),
    ("مائة ألف", 100000), ("ألف وخمسمائة", 1500), ("ألفين وخمسة عشر", 2015),
    ("مليون ونصف", 1_500_000), ("مليونين", 2_000_000),
    # ordinals and definite numerals
    ("العشرين", 20), ("الحادي والعشرين", 21), ("الحادية عشرة", 11), ("الثالث عشر", 13),
    ("الأول", 1), ("الثانية", 2), ("الثلاثين", 30), ("الـ20", 20),
    # digits
    ("750", 750), ("٧٥٠", 750), ("۷۵۰", 750), ("1,500", 1500), ("2.5", 2.5),
    ("2.5 مليون", 2_500_000), ("3 آلاف", 3000), ("٢٠٢٢", 2022),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "الحادي", "أحد", "عشرات", "بين 10 و15", "الوزير",
                                  "ثلاثة رجال", "مليون ونصف رجل", "😀", "abc"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_ordinal_flag():
    assert parse_quantity("العشرين").ordinal
    assert parse_quantity("الحادي والعشرين").ordinal
    assert not parse_quantity("عشرين").ordinal


@pytest.mark.parametrize("text,kind,low,high,qual", [
    ("عشرات", "vague", 10, 99, None),
    ("مئات", "vague", 100, 999, None),
    ("عشرات الآلاف", "vague", 10_000, 99_999, None),
    ("مئات الآلاف", "vague", 100_000, 999_999, None),
    ("بضعة", "vague", 3, 9, None),
    ("بين 10 و15", "range", 10, 15, None),
    ("بين عشرة وخمسة عشر", "range", 10, 15, None),
    ("من 10 إلى 15", "range", 10, 15, None),
    ("3 أو 4", "range", 3, 4, None),
    ("10 - 15", "range", 10, 15, None),
    ("أكثر من 100", "exact", 101, None, "more_than"),
    ("ما لا يقل عن 20", "exact", 20, None, "at_least"),
    ("20 على الأقل", "exact", 20, None, "at_least"),
    ("أقل من 10", "exact", None, 9, "less_than"),
    ("نحو 3 آلاف", "exact", None, None, "about"),
    ("حوالي 50", "exact", None, None, "about"),
])
def test_quantities(text, kind, low, high, qual):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.kind, q.low, q.high, q.qualifier) == (kind, low, high, qual)


def test_percent_is_flagged():
    assert parse_quantity("20%").percent
    assert parse_quantity("20 في المائة").percent
    assert not parse_quantity("20").percent


def test_spans_in_text_leave_clitics_out():
    t = "قتل 750 شخصا وأصيب أكثر من مئة وثلاثة، ونزح عشرات الآلاف في الحادي والعشرين من يناير وبثلاثة أيام"
    found = numbers_in_text(t)
    for sp in found:
        assert t[sp.start:sp.end] == sp.text
    texts = [sp.text for sp in found]
    assert texts == ["750", "أكثر من مئة وثلاثة", "عشرات الآلاف", "الحادي والعشرين", "ثلاثة"]
    assert [sp.value for sp in found] == [750, 103, None, 21, 3]


def test_on_a_pipeline_document(nlp):
    doc = nlp("ونقلت 750 من أفراد “داعش”، وقالت إن ثلاث حافلات خرجت في العشرين من الجاري.")
    found = find_numbers(doc)
    assert [(s.text, s.value) for s in found] == [("750", 750), ("ثلاث", 3), ("العشرين", 20)]
    i = found[2].tok_start
    assert number_at(doc, i).value == 20


def test_bad_input_never_crashes():
    for t in ["", " ", "😀" * 50, "ا" * 10000, "1" * 500, "و و و", "بين", "بين 10", "من 5",
              "أكثر من", "الـ", "1,2,3,4", "1.2.3", "." * 100, "ثلاثة " * 3000]:
        numbers_in_text(t)
        parse_quantity(t)
        parse_number(t)
