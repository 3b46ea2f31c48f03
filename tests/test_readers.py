"""Input readers: every format on real-shaped fixtures (tests/fixtures/readers), format
detection from content, encodings, and records that validate after the pipeline."""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import isnad
from isnad.io.readers import (DecodeError, InputDoc, InputFailure, decode_bytes, detect_format,
                              parse_date, plausible_text, read_bytes, read_inputs)
from isnad.runner import analyze_inputs

FX = Path(__file__).parent / "fixtures" / "readers"


def docs_of(*paths, **kw):
    items = list(read_inputs([str(p) for p in paths], **kw))
    return [x for x in items if isinstance(x, InputDoc)], [x for x in items if isinstance(x, InputFailure)]


# ----------------------------------------------------------------- plain text and encodings

def test_plain_text_is_one_document_untouched():
    docs, fails = docs_of(FX / "plain.txt")
    assert not fails and len(docs) == 1
    assert docs[0].text == (FX / "plain.txt").read_text(encoding="utf-8")
    assert docs[0].origin.endswith("plain.txt")


def test_windows_1256_is_detected_and_decoded():
    expected = ("قالت وكالة الأنباء المحلية إن محافظة اللاذقية شهدت أمس هطولات مطرية غزيرة أدت إلى "
                "ارتفاع منسوب المياه في السدود.\n")
    docs, fails = docs_of(FX / "cp1256.txt")
    assert not fails
    assert docs[0].text.startswith(expected)
    assert docs[0].meta["encoding"] == "windows-1256"


def test_utf16_with_bom():
    docs, _ = docs_of(FX / "utf16.txt")
    assert docs[0].text.startswith("ذكرت مصادر أهلية أن حافلة ركاب انقلبت")
    assert docs[0].meta["encoding"] == "utf-16"


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_by_nul_pattern(enc):
    text = isnad.example_text()
    assert decode_bytes(text.encode(enc)) == text


def test_utf8_bom_is_stripped_and_offsets_count_from_the_text():
    text = "قال مصدر محلي إن الطريق مغلق."
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode()) == text


def test_random_bytes_are_not_decoded_as_windows_1256():
    rng = random.Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(128, 256) for _ in range(3000))
        with pytest.raises(DecodeError) as e:
            decode_bytes(data)
        assert e.value.kind == "encoding"
    # random Arabic letters only (every byte a windows-1256 letter or space): still not text
    letters = list(range(0xC1, 0xDB)) + [0x20] * 4
    with pytest.raises(DecodeError):
        decode_bytes(bytes(rng.choice(letters) for _ in range(3000)))


def test_damaged_utf8_is_reported_with_its_position():
    data = bytearray(isnad.example_text().encode())
    data[500] = 0xFF
    with pytest.raises(DecodeError) as e:
        decode_bytes(bytes(data))
    # byte 500 breaks the two-byte character starting at 499 (Arabic is two bytes a letter)
    assert e.value.kind == "encoding" and "byte 499, line 3" in e.value.message


def test_latin1_read_as_arabic_would_be_mojibake():
    ok, why = plausible_text("Le prىsident a dىclarى ـ la presse que la situation ىtait trةs grave ىvidemment.")
    assert not ok and "mix" in why


def test_utf8_arabic_read_as_cp1256_is_not_plausible():
    moj = isnad.example_text().encode("utf-8").decode("cp1256", errors="replace")
    assert not plausible_text(moj)[0]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_documents_or_failures_never_an_exception(data):
    for item in read_bytes(data, "fuzz"):
        assert isinstance(item, (InputDoc, InputFailure))
        if isinstance(item, InputDoc):
            item.text.encode("utf-8")      # writable: no lone surrogates


# ----------------------------------------------------------------- JSONL, CSV, JSON records

def test_jsonl_records_with_ids_dates_and_meta():
    docs, fails = docs_of(FX / "posts.jsonl")
    assert not fails
    assert [d.origin.rsplit(":", 1)[1] for d in docs] == ["line 1", "line 2", "line 3"]
    assert [d.id for d in docs] == ["p1", "p2", "p3"]
    assert [d.published for d in docs] == ["2022-01-27", "2022-01-27", "2022-01-28"]
    assert docs[0].meta["url"] == "https://social.example/p/1"
    assert docs[0].meta["author"] == "@deir_voice"
    assert docs[0].text.startswith("قصف مدفعي")


def test_csv_with_quoted_multiline_field_and_line_numbers():
    docs, fails = docs_of(FX / "articles.csv")
    assert not fails and len(docs) == 3
    assert [d.origin.rsplit(":", 1)[1] for d in docs] == ["line 2", "line 3", "line 5"]
    a2 = docs[1]
    assert a2.id == "a2" and a2.published == "2022-01-28"
    assert "\nوأكد رئيس المجلس أن \"الحلول المؤقتة لم تعد كافية\"" in a2.text
    assert a2.meta["outlet"] == "صحيفة الوادي" and a2.meta["title"] == "اجتماع المجلس المحلي"
    assert docs[2].published is None and "url" not in docs[2].meta


def test_text_column_option(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("key;headline_ar;notes\nk1;انفجار في مستودع للذخيرة قرب مطار حماة;x\n", encoding="utf-8")
    docs, fails = docs_of(p, text_column="headline_ar")
    assert not fails and docs[0].text == "انفجار في مستودع للذخيرة قرب مطار حماة"
    assert docs[0].meta["key"] == "k1"


def test_text_column_names_are_found_case_insensitively(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"Full_Text": "نص التغريدة الكاملة", "Date": "2022-01-02"}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    docs, _ = docs_of(p)
    assert docs[0].text == "نص التغريدة الكاملة" and docs[0].published == "2022-01-02"


def test_json_array_of_records_and_wrapped_list(tmp_path):
    arts = [{"source": "alwadi", "url": "u1", "title": "t", "content": "خبر أول عن افتتاح مدرسة."},
            {"source": "alwadi", "url": "u2", "title": "t2", "content": "خبر ثان عن إغلاق طريق."}]
    p = tmp_path / "day.json"
    p.write_text(json.dumps(arts, ensure_ascii=False), encoding="utf-8")
    docs, _ = docs_of(p)
    assert [d.origin.split("#")[1] for d in docs] == ["item 1", "item 2"]
    assert docs[0].meta["outlet"] == "alwadi" and docs[1].text == "خبر ثان عن إغلاق طريق."
    q = tmp_path / "wrapped.json"
    q.write_text(json.dumps({"articles": arts}, ensure_ascii=False), encoding="utf-8")
    docs, _ = docs_of(q)
    assert len(docs) == 2 and docs[1].origin.endswith("#articles item 2")


def test_unparsable_date_is_kept_with_a_reason_not_guessed(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"text": "نص", "date": "الخميس الماضي"}, ensure_ascii=False) + "\n", encoding="utf-8")
    d = docs_of(p)[0][0]
    assert d.published is None and d.meta["published_raw"] == "الخميس الماضي" and d.meta["published_reason"]


@pytest.mark.parametrize("value,expected", [
    ("2022-01-27", "2022-01-27"), ("2022-01-27T23:30:00-05:00", "2022-01-27"), ("2022/1/5", "2022-01-05"),
    ("Wed Jan 26 22:40:05 +0000 2022", "2022-01-26"), ("Thu, 27 Jan 2022 01:15:00 +0300", "2022-01-27"),
    (1643241600, "2022-01-27"), ("1643241600000", "2022-01-27"), ("2022-13-40", None), ("أمس", None),
    (None, None), ("", None), (True, None)])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# ----------------------------------------------------------------- tweets

def test_tweets_v1_plain_retweet_and_quote():
    docs, fails = docs_of(FX / "tweets_v1.json")
    assert not fails and len(docs) == 3
    plain, rt, quote = docs
    assert plain.origin.endswith("tweets_v1.json#tweet 1")
    assert plain.id == "1486301234567890001" and plain.kind == "post" and plain.published == "2022-01-26"
    assert plain.meta["platform"] == "twitter" and plain.meta["author"] == "@halab_news"
    # retweet: the full text of the original (extended_tweet), not the truncated "RT @…" copy
    assert rt.kind == "retweet"
    assert rt.text.endswith("وسط تحليق مكثف لطيران التحالف فوق المنطقة.") and not rt.text.startswith("RT")
    assert rt.meta["retweeted_by"] == "@raqqa_post"
    assert rt.meta["author"] == rt.meta["original_author"] == "@sputnik_ar"
    assert rt.published == "2022-01-26" and rt.meta["retweeted_at"] == "2022-01-27"
    assert rt.meta["retweet_of"]["id"] == "1486431000000000000"
    # quote: the quoting tweet is the document, the quoted one in meta
    assert quote.kind == "post" and quote.text.startswith("هذا الخبر غير دقيق")
    assert quote.meta["quoted"]["author"] == "@sputnik_ar"
    assert quote.meta["quoted"]["text"].startswith("مصادر محلية: القوات الأمريكية")


def test_tweets_v2_with_includes():
    docs, fails = docs_of(FX / "tweets_v2.json")
    assert not fails and len(docs) == 3
    rt, quote, long_ = docs
    assert rt.kind == "retweet" and rt.text.startswith("دمشق-سانا: وصول قافلة") and not rt.text.endswith("…")
    assert rt.meta["retweeted_by"] == "@deir_voice" and rt.meta["original_author"] == "@SANA_ar"
    assert rt.published == "2022-01-28"
    assert quote.meta["quoted"]["id"] == "1486990000000000050" and quote.meta["author"] == "@relief_watch"
    assert long_.text.endswith("فيما لم تصدر البلدية أي توضيح.")          # note_tweet preferred
    assert long_.published == "2022-01-29" and long_.origin.endswith("#tweet 3")


def test_tweets_jsonl_and_retweet_without_includes(tmp_path):
    v1 = json.loads((FX / "tweets_v1.json").read_text(encoding="utf-8"))
    p = tmp_path / "stream.jsonl"
    lines = [json.dumps(t, ensure_ascii=False) for t in v1] + ['{"delete": {"status": {"id": 1}}}']
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, fails = docs_of(p)
    assert not fails and [d.kind for d in docs] == ["post", "retweet", "post"]
    assert docs[1].origin.endswith(":line 2")
    resp = {"data": [{"id": "9", "text": "RT @x: نص مقطوع…", "author_id": "1",
                      "referenced_tweets": [{"type": "retweeted", "id": "8"}]}],
            "includes": {"users": [{"id": "1", "username": "y"}]}}
    d = list(read_bytes(json.dumps(resp, ensure_ascii=False).encode(), "r.json"))[0]
    assert d.kind == "retweet" and d.text.startswith("RT @x:") and "reason" in d.meta["retweet_of"]


def test_tweet_html_escapes_are_undone():
    t = {"id_str": "1", "full_text": "الماء &amp; الكهرباء &lt;مقطوعة&gt;", "user": {"screen_name": "a"},
         "created_at": "Wed Jan 26 22:40:05 +0000 2022"}
    d = list(read_bytes(json.dumps(t, ensure_ascii=False).encode(), "t.json"))[0]
    assert d.text == "الماء & الكهرباء <مقطوعة>"


# ----------------------------------------------------------------- Telegram

def test_telegram_export():
    docs, fails = docs_of(FX / "telegram" / "result.json")
    assert not fails
    assert [d.origin.rsplit("#", 1)[1] for d in docs] == ["message 2", "message 3", "message 5", "message 6"]
    m2, m3, m5, m6 = docs
    assert all(d.meta["platform"] == "telegram" for d in docs)
    assert m2.kind == "post" and m2.published == "2022-01-21" and m2.meta["channel"] == "شبكة أخبار الشرقية"
    assert m3.kind == "forward" and m3.meta["forwarded_from"] == "وكالة أنباء هاوار"
    assert m3.text == ("عاجل | قوات سوريا الديمقراطية تعلن استعادة السيطرة على أجزاء من السجن، وتقول إن "
                       "#الحسكة تشهد حظر تجوال كاملاً.\nhttps://example.org/news/123")
    assert m5.text == "مصادر محلية لـ@hasakah_now: وصول تعزيزات عسكرية إلى المدينة من جهة الشدادي."
    assert m5.meta["reply_to_message_id"] == 2
    assert m6.meta["media"] == "photo"          # a captioned photo is a document; a bare one is not
    assert len({d.id for d in docs}) == 4


def test_telegram_full_account_export(tmp_path):
    chat = json.loads((FX / "telegram" / "result.json").read_text(encoding="utf-8"))
    other = {"name": "مجموعة", "type": "private_group", "id": 55,
             "messages": [{"id": 1, "type": "message", "date": "2022-02-01T10:00:00", "from": "سامر",
                           "text": "تم تأجيل الاجتماع إلى الغد."}]}
    p = tmp_path / "result.json"
    p.write_text(json.dumps({"about": "...", "chats": {"about": "...", "list": [chat, other]}}, ensure_ascii=False),
                 encoding="utf-8")
    docs, _ = docs_of(p)
    assert len(docs) == 5 and docs[-1].origin.endswith("#chat 55 message 1")
    assert docs[-1].meta["author"] == "سامر"


# ----------------------------------------------------------------- HTML, RSS, Atom

def test_html_article_main_text_and_metadata():
    docs, fails = docs_of(FX / "article.html")
    assert not fails and len(docs) == 1
    d = docs[0]
    assert d.kind == "article" and d.published == "2022-01-19"
    assert "غمرت مياه الأمطار الغزيرة" in d.text and "بتأمين حصى لرصف الممرات" in d.text
    for boiler in ("الرئيسية", "إعلان", "جميع الحقوق محفوظة", "اقرأ أيضاً", "dataLayer", "سياسة الخصوصية"):
        assert boiler not in d.text, boiler
    assert d.meta["title"] == "الأمطار الغزيرة تغمر مخيمات النازحين شمال إدلب"
    assert d.meta["author"] == "سلمى الحسن" and d.meta["site_name"] == "صحيفة الوادي"
    assert d.meta["url"] == "https://alwadi-news.example/ar/news/2022/01/19/idlib-camps-flood"


def test_rss_feed():
    docs, fails = docs_of(FX / "feed_rss.xml")
    assert not fails and len(docs) == 3
    assert [d.origin.rsplit("#", 1)[1] for d in docs] == ["entry 1", "entry 2", "entry 3"]
    e1, e2, _ = docs
    assert e1.meta["outlet"] == "صحيفة الوادي - آخر الأخبار" and e1.kind == "article"
    assert e1.published == "2022-01-27" and e1.id == "alwadi-2022-0127-001"
    assert e1.text.startswith("انقطاع المياه عن أحياء في مدينة الحسكة لليوم الثالث\n\n")
    assert "غويران والزهور" in e1.text and "<" not in e1.text and "alert" not in e1.text
    assert "تشمل جميع المحافظات." in e2.text        # content:encoded preferred to description


def test_atom_feed():
    docs, fails = docs_of(FX / "feed_atom.xml")
    assert not fails and len(docs) == 2
    assert docs[0].published == "2022-01-28" and docs[0].meta["author"] == "مراسل المرصد"
    assert "ولم تتبنَّ أي جهة التفجير حتى الآن." in docs[0].text
    assert docs[1].published == "2022-01-27" and docs[0].meta["outlet"] == "مرصد الجزيرة السورية"


# ----------------------------------------------------------------- detection and override

@pytest.mark.parametrize("fixture,fmt", [
    ("plain.txt", "text"), ("posts.jsonl", "jsonl"), ("articles.csv", "csv"), ("tweets_v1.json", "json"),
    ("tweets_v2.json", "json"), ("telegram/result.json", "json"), ("article.html", "html"),
    ("feed_rss.xml", "rss"), ("feed_atom.xml", "rss")])
def test_format_is_detected_from_content_not_extension(fixture, fmt):
    text = (FX / fixture).read_text(encoding="utf-8")
    assert detect_format(text, "renamed.txt") == fmt
    assert detect_format(text, None) == fmt


def test_renamed_files_still_read_by_content(tmp_path):
    for src, n in (("tweets_v1.json", 3), ("feed_rss.xml", 3), ("posts.jsonl", 3), ("article.html", 1)):
        dst = tmp_path / (Path(src).stem + ".dat")
        shutil.copy(FX / src, dst)
        docs, fails = docs_of(dst)
        assert len(docs) == n and not fails, src


def test_text_that_looks_like_json_or_markup_stays_text():
    for t in ("[عاجل] انفجار في مدينة الباب", "<عاجل> انفجار في مدينة الباب", "{تحديث} وصول قافلة"):
        assert detect_format(t, "x.txt") == "text"


def test_input_format_override(tmp_path):
    docs, _ = docs_of(FX / "posts.jsonl", fmt="text")
    assert len(docs) == 1 and docs[0].text.count("\n") == 3
    p = tmp_path / "x.txt"
    p.write_text("<p>نص <b>قصير</b> في فقرة</p>", encoding="utf-8")
    assert docs_of(p, fmt="text")[0][0].text.startswith("<p>")
    assert docs_of(p, fmt="html")[0][0].text == "نص قصير في فقرة"
    _, fails = docs_of(FX / "plain.txt", fmt="telegram")
    assert fails[0].kind in ("malformed", "unsupported")
    with pytest.raises(ValueError):
        list(read_inputs([str(FX / "plain.txt")], fmt="docx"))


# ----------------------------------------------------------------- through the pipeline

def test_every_fixture_document_validates_after_the_pipeline(nlp):
    items = list(read_inputs([str(FX)]))
    recs = list(analyze_inputs(items, nlp))
    good = [r for r in recs if "error" not in r]
    bad = [r for r in recs if "error" in r]
    assert len(good) >= 28
    assert [r["error"]["origin"].rsplit("/", 1)[1] for r in bad] == ["posts_bad_line.jsonl:line 3"]
    for r in good:
        isnad.validate(r)
        assert r["meta"]["input"]
    by_id = {r["id"]: r for r in good}
    assert by_id["1486576000000000002"]["kind"] == "retweet"
    assert by_id["telegram-1234567890-3"]["kind"] == "forward"
    assert by_id["p1"]["published"] == "2022-01-27"
