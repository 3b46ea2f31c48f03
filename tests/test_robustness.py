"""Robustness of the whole default pipeline on generated and hostile text.

Every input here must give a record that passes every invariant of
``tests/test_integration.py`` (:func:`violations`, less the open issues listed
in ``KNOWN_OPEN`` there), serialise to JSON and render as pretty text and HTML,
in bounded time.  Three parts:

* hypothesis fuzzing on text mixed from Arabic words the lexicons know, single
  characters (letters, diacritics, tatweel, bidi and zero-width marks, Arabic-Indic
  digits, Latin, emoji, quotes, unbalanced brackets, control characters, odd
  line and space separators) and arbitrary short strings;
* explicit hostile inputs (empty, whitespace, one tatweel, only diacritics, only
  punctuation, a 10,000-token sentence, a 200,000-character token, 5,000 × قال,
  NUL and control characters, lone surrogates, bidi marks everywhere);
* invariance: inserting marks the normalised view deletes (bidi marks, tatweel,
  diacritics) or changing line-end and space conventions changes no annotation;
* regression tests for the bugs this suite found and that were fixed here.

Lone surrogates (possible only through the Python API: the readers replace
them with U+FFFD, see tests/test_bad_input.py) are *handled*, not rejected: the
record keeps the text exactly as given, as the contract says, the stages treat
them as opaque symbols, and the record serialises with ``json.dumps`` (escaped).

Timing: each hostile case asserts only a generous hang guard (:data:`HANG_S`);
the measured figures and the super-linear stages are in notes/QA.md, speed
targets in bench/.
"""
from __future__ import annotations

import gc
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from isnad.io.html import render_page
from isnad.io.pretty import render
from isnad.text.normalize import normalize
from isnad.text.tokenize import iter_tokens

from test_integration import KNOWN_OPEN, unexpected, violations

HANG_S = 60.0          # a hang guard, not a speed target (figures: notes/QA.md)
PUB = "2015-08-01"


def check(nlp, text, published=PUB, **kw):
    """Analyse, check every invariant, serialise and render; return the record."""
    rec = nlp(text, published=published, **kw).to_json()
    assert rec["text"] == text
    vs = unexpected(violations(rec))
    assert not vs, vs[:5]
    json.loads(json.dumps(rec))
    render(rec, rtl="visual", width=100)
    render_page([rec])
    return rec


# --------------------------------------------------------------------------- fuzzing

WORDS = (
    "قال أعلن أكدت مصادر خاصة المصدر: وكالة سانا سبوتنيك رويترز نقلا عن حسب بزعم إن أن الجيش قوات "
    "سوريا الديمقراطية قسد داعش التحالف الدولي حلب دمشق الحسكة غويران البوكمال دير الزور بغداد الموصل "
    "الرياض المملكة الولايات المتحدة الأمريكية أمس اليوم الماضي الجاري يناير كانون الثاني شوال هـ عام "
    "سنة قبل منذ بعد ثلاثة أيام الخميس يوم صباح مساء الساعة قتل مقتل هجوم قصف انفجار اعتقال تظاهرة "
    "نفى ونفت جرحى قتلى شخصا عشرات 20 2015 1436 ٢٠١٥ 3.5 و ف ب ل ك لل وب بال في من على إلى عن مع "
    "المحيط الهادي شرق غرب ريف الرئيس بشار الأسد أوباما وزير الخارجية المتحدث باسم RT @user #حلب "
    "https://t.co/x : « » \" “ ” ( ) [ ] . ، ؛ ؟ ! - — …").split()
CHARS = (list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى")
         + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")
         + list("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
                "\u200b\u200c\u200d\ufeff\u00ad")
         + list("0123456789٠١٢٣٤٥٦٧٨٩") + list("abcXYZé")
         + ["😀", "🔴", "🇸🇾", "👍🏽", "\U0001D400"]
         + list("\"'“”«»‘’()[]{}<>") + list(".,;:!?؟،؛…-–—/\\#@%٪&*_")
         + list(" \n\t\r\u00a0\u2028\u2029\x0b\x0c\x85\x1c")
         + ["\x00", "\x01", "\x1b", "\x7f", "\ufffd"])
# Lone surrogates (QA-6, fixed) are in the fuzz alphabet too.
SURROGATES = ["\ud83d", "\udc00"]
CHARS = CHARS + SURROGATES
# Presentation forms (QA-12, QA-15, QA-17): letter glyphs, ligatures, haraka glyphs, their
# punctuation and symbols, and Persian letters.
CHARS = CHARS + list("ﺍﻟﻤﺔﺓﻪﻭﺑﻻﻷﻹﻵﻼﷲﷺﰀﳲﹰﹱﹶﹷﹼﹿﱞ﴾﴿﷼﷽گپچژکی")
WORDS = WORDS + ("ﻭﻗﺎﻝ ﺍﻟﻤﺘﺤﺪﺙ ﺃﻋﻠﻦ ﺣﻠﺐ ﺍﻷﺭﺩﻥ ﺍﻻﻧﻔﺠﺎﺭ ﻭﻻ ﺍﻹﺭﻫﺎﺏ ﻟﻶﺧﺮ ﻃﺎﻟﺒﺔ ﺍﻟﺜﻼﺛﺎء").split()
SEPS = [" ", " ", " ", "\n", "", ". ", "، ", "\n\n", " « ", " » ", ": "]

noisy = st.lists(st.tuples(st.one_of(st.sampled_from(WORDS), st.sampled_from(CHARS), st.text(max_size=4)),
                           st.sampled_from(SEPS)),
                 min_size=1, max_size=150).map(lambda xs: "".join(a + b for a, b in xs))
wordy = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" "] * 6 + SEPS)),
                 min_size=1, max_size=120).map(lambda xs: "".join(a + b for a, b in xs))
FUZZ = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(text=noisy, published=st.sampled_from([None, PUB]))
def test_fuzz_noisy_text(nlp, text, published):
    check(nlp, text, published)


@FUZZ
@given(text=wordy, published=st.sampled_from([None, PUB]))
def test_fuzz_lexicon_words(nlp, text, published):
    check(nlp, text, published)


# --------------------------------------------------------------------------- hostile inputs

def _long_sentence(n: int) -> str:
    words = [w for w in WORDS if any("\u0621" <= c <= "\u064a" for c in w)]
    return " ".join(words[(i * 7919) % len(words)] for i in range(n))


def _marks_everywhere(text: str) -> str:
    return "".join(c + "\u200f" if i % 2 else "\u200e" + c for i, c in enumerate(text))


HOSTILE = {
    "empty": "",
    "whitespace": " \n\t\r\n \u00a0\u2028 \u3000 ",
    "one_tatweel": "\u0640",
    "only_diacritics": "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670" * 20,
    "only_punctuation": "؟!.،؛:\"«»()[]{}…—-/\\" * 20,
    "sentence_10000_tokens": _long_sentence(10_000),
    "token_200000_chars": "بحلب" * 50_000,
    "latin_token_200000_chars": "x" * 200_000,
    "digits_200000": "٣" * 200_000,
    "qal_5000": "قال " * 5000,
    "qal_5000_lines": "قال\n" * 5000,
    "nul_and_controls": "قال\x00 الوزير\x01 إن\x02 القوات\x1b[31m دخلت\x7f حلب\x08 أمس\x0b\x0c\x1c\x1d\x1e\x1f.",
    "lone_surrogates": "قال \ud83d مصدر \udc00 إن القوات دخلت حلب \udfff أمس.",
    "bidi_between_words": "\u202b\u200fقال\u200f \u2067المصدر\u2069 \u200eإن\u200e القوات\u202c دخلت\u061c حلب أمس\u200f.",
    "bidi_everywhere": _marks_everywhere("قال المصدر إن القوات الأمريكية دخلت حلب يوم الخميس الماضي."),
    "unbalanced": "((( قال «المصدر إن [القوات { دخلت \" حلب “ أمس ))) ]]] »»",
    "emoji_only": "😀🔴🇸🇾👍🏽" * 100,
    "retweet_chain": "RT @a: RT @b: RT @c: " * 50 + "قال مصدر إن",
}




@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input(nlp, name):
    text = HOSTILE[name]
    t0 = time.perf_counter()
    rec = check(nlp, text)
    assert time.perf_counter() - t0 < HANG_S
    assert rec["id"] and rec["schema"] == "isnad/1"


def test_hostile_inputs_in_a_batch_through_the_cli(tmp_path, capsys):
    """The same inputs as files through `isnad analyze` (readers, runner, writers): one
    good record each (lone surrogates cannot be written to a UTF-8 file: left out)."""
    from isnad.cli import main
    names = [n for n in HOSTILE if HOSTILE[n].strip() and n != "lone_surrogates"
             and len(HOSTILE[n]) < 5_000]
    for n in names:
        (tmp_path / f"{n}.txt").write_text(HOSTILE[n], encoding="utf-8", newline="")
    for fmt in ("jsonl", "pretty", "html"):
        rc = main(["analyze", "--no-progress", "-f", fmt, *sorted(map(str, tmp_path.glob("*.txt")))])
        out = capsys.readouterr().out
        if fmt == "jsonl":
            recs = [json.loads(line) for line in out.splitlines() if line.strip()]
            bad = [r for r in recs if "error" in r]
            # the reader may refuse a file as binary or empty (an error record), never crash
            assert all(r["error"]["kind"] in ("binary", "empty") for r in bad), bad
            for r in recs:
                if "error" not in r:
                    assert not unexpected(violations(r))
            assert len(recs) == len(names)
        assert rc in (0, 1) and out


def test_lone_surrogates_are_kept_and_offsets_hold(nlp):
    text = HOSTILE["lone_surrogates"]
    doc = nlp(text, published=PUB)
    assert doc.text == text and len(doc.id) == 16
    assert [doc.text[t.start:t.end] for t in doc.times] == ["أمس"]
    assert any(p.text == "حلب" for p in doc.places)
    assert "\\ud83d" in json.dumps(doc.to_json())


# --------------------------------------------------------------------------- invariance

def _signature(rec: dict) -> dict:
    """What a record says, independent of offsets and of characters normalisation deletes."""
    t = rec["text"]

    def _sorted(xs):            # by repr: an unresolved time's value or an actor id may be None
        return sorted(xs, key=repr)

    def n(s, e):
        return " ".join(normalize(t[s:e]).split())

    return {
        "entities": _sorted((n(x["start"], x["end"]), x["label"], (x["actor"] or {}).get("id"))
                           for x in rec["entities"]),
        "places": _sorted((n(x["start"], x["end"]), x["gazetteer_id"]) for x in rec["places"]),
        "times": _sorted((n(x["start"], x["end"]), x["value"], x["precision"]) for x in rec["times"]),
        "cues": _sorted(n(a["cue"]["start"], a["cue"]["end"]) for a in rec["attributions"]),
        "sources": _sorted((" ".join(normalize(s["name"]).split()), s["kind"]) for s in rec["sources"]),
        "claims": len(rec["claims"]),
        "events": _sorted((e["type"], n(e["trigger"]["start"], e["trigger"]["end"]), e["status"])
                         for e in rec["events"]),
        "kind": rec["kind"],
        "carriers": [(c["role"], normalize(c["name"] or "")) for c in rec["meta"].get("carriers", [])],
    }


def _word_boundaries(text: str, mark: str) -> str:
    out, last = [], 0
    for s, e, kind in iter_tokens(text):
        out.append(text[last:s])
        out.append(mark + text[s:e] if kind in ("word", "latin") else text[s:e])
        last = e
    out.append(text[last:])
    return "".join(out)


def _inside_words(text: str, mark: str, every: int) -> str:
    out, last = [], 0
    for s, e, kind in iter_tokens(text):
        out.append(text[last:s])
        w = text[s:e]
        if kind == "word" and len(w) > 3:
            w = "".join(c + (mark if i % every == 1 and i < len(w) - 1 else "") for i, c in enumerate(w))
        out.append(w)
        last = e
    out.append(text[last:])
    return "".join(out)


VARIANTS = {
    "rlm_before_words": lambda t: _word_boundaries(t, "\u200f"),
    "isolates_around_words": lambda t: _word_boundaries(t, "\u2067").replace(" ", "\u2069 "),
    "zwnj_before_words": lambda t: _word_boundaries(t, "\u200c"),
    "tatweel_inside_words": lambda t: _inside_words(t, "\u0640", 3),
    "fatha_inside_words": lambda t: _inside_words(t, "\u064e", 2),
    "nbsp_for_spaces": lambda t: t.replace(" ", "\u00a0"),
    "crlf_line_ends": lambda t: t.replace("\n", "\r\n"),
    "arabic_indic_digits": lambda t: t.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_invariance_on_the_example(nlp, example_text, example_record, variant):
    text = VARIANTS[variant](example_text)
    assert text != example_text
    rec = check(nlp, text, "2022-01-27")
    assert _signature(rec) == _signature(example_record)


def test_invariance_on_real_articles(nlp):
    from test_integration import analyse, snn_sample
    sample = snn_sample()[::15]
    diffs = []
    for origin, item, published in sample:
        base = _signature(analyse(nlp, item, published))
        for variant in ("rlm_before_words", "tatweel_inside_words", "crlf_line_ends"):
            rec = nlp(VARIANTS[variant](item.text), published=published, meta=dict(item.meta)).to_json()
            assert not unexpected(violations(rec))
            sig = _signature(rec)
            if sig != base:
                diffs.append((origin, variant, {k: (base[k], sig[k]) for k in base if base[k] != sig[k]}))
    assert not diffs, diffs[:2]


# --------------------------------------------------------------------------- regressions

@pytest.mark.parametrize("text", [
    "قبل 130 ألف سنة", "قبل 10000000 يوم", "بعد 5000000 سنة", "منذ 3000000 أسبوع", "بعد 100000 شهر",
    "قبل 2016 عاما", "بعد 7985 عام", "قبل مليار سنة", "قبل 999999999999999999999 يوم",
])
def test_times_offsets_past_the_calendar_stay_unresolved(nlp, text):
    """Found here: "قبل 130 ألف سنة" gave the value "-127985" (schema-invalid), and
    "قبل 10000000 يوم" crashed the times stage with OverflowError."""
    rec = check(nlp, f"عاش البشر في المنطقة {text}.")
    (t,) = rec["times"]
    assert t["value"] is None and t["precision"] == "unresolved" and "9999" in t["reason"]


def test_times_offsets_at_the_calendar_edges_resolve(nlp):
    assert [t.value for t in nlp("قبل 2014 عاما", published=PUB).times] == ["0001"]
    assert [t.value for t in nlp("بعد 7984 عاما", published=PUB).times] == ["9999"]


def test_time_expressions_stop_at_line_breaks(nlp):
    """Found on SaudiNewsNet: "هيئة التحقيق والادعاء العام" ending a line and a
    timestamp opening the next gave the time "العام \\n 2015" (year 2015)."""
    rec = check(nlp, "وأحالت الهيئة المخالفات إلى هيئة التحقيق والادعاء العام \n 2015-08-10 (1436/10/25) 16:09:03 \n"
                     "وأعلنت الهيئة فرض غرامة.")
    assert [t["text"] for t in rec["times"]] == ["2015-08-10 (1436/10/25)"]
    rec = check(nlp, "قوات\nيناير\n\nيناير\n")
    assert [t["text"] for t in rec["times"]] == ["يناير", "يناير"]
    rec = check(nlp, "الأحد\n2 أغسطس")
    assert [t["text"] for t in rec["times"]] == ["الأحد", "2 أغسطس"]
    rec = check(nlp, "قال الوزير اليوم (الاثنين\u2028) إن الاجتماع انتهى.")   # found by mutation
    assert [t["text"] for t in rec["times"]] == ["اليوم (الاثنين"]
    rec = check(nlp, "يوم 16\nحتى 20 سبتمبر 2015")          # no day range over the line break
    assert [t["text"] for t in rec["times"]] == ["20 سبتمبر 2015"]
    assert [t["text"] for t in check(nlp, "من 16 حتى 20 سبتمبر 2015")["times"]] == ["16", "20 سبتمبر 2015"]


@pytest.mark.parametrize("text,stage,inside", [
    ("انسحبت قوات\nسوريا الديمقراطية من المدينة", "entities", "قوات\nسوريا الديمقراطية"),
    ("وصلت التعزيزات إلى عين\n\nالأسد", "places", "عين\n\nالأسد"),
    ("قتل خمسة أشخاص في هجوم\nانتحاري", "events", "هجوم\nانتحاري"),
])
def test_lexicon_phrases_stop_at_line_breaks(nlp, text, stage, inside):
    """Found by fuzzing: PhraseMatcher matched phrases over sentence boundaries
    (an actor, a place, an event trigger running over a line break)."""
    rec = check(nlp, text)
    spans = [rec["text"][x["trigger"]["start"]:x["trigger"]["end"]] if stage == "events" else x["text"]
             for x in rec[stage]]
    assert inside not in spans
    joined = nlp(text.replace("\n\n", " ").replace("\n", " "))
    assert getattr(joined, stage), f"the one-line form should still give {stage}"


@pytest.mark.parametrize("text,tokens", [
    ("\u0670أوباما قال", ["\u0670", "أوباما", "قال"]),      # a stray leading mark is its own token
    ("\u0640حلب مدينة", ["\u0640", "حلب", "مدينة"]),         # so is a leading tatweel
    ("ISISداعش", ["ISIS", "داعش"]),                          # Latin never swallows Arabic letters
    ("éحلب", ["é", "حلب"]),
    ("O’Neil-Smith don't", ["O’Neil-Smith", "don't"]),
])
def test_tokens_never_start_with_a_mark_or_mix_scripts(text, tokens):
    """Found by fuzzing: "\u0670أوباما" was one Latin token, so the actor matched inside it
    (an entity starting inside a token) and Arabic clitic readings were lost."""
    assert [text[s:e] for s, e, _ in iter_tokens(text)] == tokens


def test_stray_mark_before_a_name(nlp):
    rec = check(nlp, "\u0670أوباما قال إن الاتفاق جيد")
    assert [e["text"] for e in rec["entities"]] == ["أوباما"]


@pytest.mark.parametrize("joiner", ["\u200d", "\u200c"])
def test_spans_end_after_a_trailing_joiner(nlp, joiner):
    """Found by mutating articles: ZWJ/ZWNJ after a word belong to its token, but spans
    ending on the word stopped before them (a cue ending inside a token)."""
    rec = check(nlp, f"وقالت{joiner} المصادر إن القوات دخلت حلب{joiner} أمس{joiner}.")
    assert [a["cue"]["text"] for a in rec["attributions"]] == [f"قالت{joiner}"]
    assert [t["text"] for t in rec["times"]] == [f"أمس{joiner}"]


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u2067", "\ufeff"])
def test_carriers_ignore_bidi_marks(nlp, mark):
    """Found by the invariance test: a right-to-left mark before "RT" or before the
    "المصدر:" label hid the retweet and the source line."""
    text = f"{mark}RT {mark}@AlertSyria{mark}: قصف على المدينة.\n{mark}المصدر: {mark}“سبوتنيك”"
    doc = nlp(text)
    assert doc.kind == "retweet"
    roles = [(c["role"], c["name"]) for c in doc.meta["carriers"]]
    assert roles == [("retweet", "@AlertSyria"), ("source_line", "سبوتنيك")]
    for c in doc.meta["carriers"]:
        assert text[c["name_start"]:c["name_end"]] == c["name"]


def test_carriers_ignore_tatweel_and_diacritics(nlp):
    doc = nlp("قتل ثلاثة أشخاص في انفجار سيارة مفخخة.\nالمصـدر: وكالة الأناضول")
    (c,) = doc.meta["carriers"]
    assert c["role"] == "source_line" and c["name"] == "وكالة الأناضول"
    doc = nlp("دمشق-سانـا- أكد وزير الخارجية أن الحل سياسي. وقال إن الحوار مستمر.")
    (c,) = doc.meta["carriers"]
    assert c["role"] == "dateline" and c["name"] == "سانـا" and doc.text[c["start"]:c["end"]] == "سانـا"


def test_matcher_prefilter_finds_what_a_full_scan_finds(nlp, example_text):
    """PhraseMatcher.find skips tokens whose form starts no phrase (a speed-up found by
    bench/profile_pipeline.py): it must find exactly what trying every token finds."""
    from isnad.actors import registry
    from isnad.stages.attribution import lexicon as attribution_lexicon
    from isnad.text.matcher import PhraseMatcher

    def brute(m, doc, overlapping):
        out, i = [], 0
        while i < len(doc.tokens):
            x = m.match_at(doc, i)
            if x is not None:
                out.append((x.start, x.end, x.tok_start, x.tok_end, x.prefix, x.phrase))
                if not overlapping:
                    i = x.tok_end
                    continue
            i += 1
        return out

    reg, lex = registry(), attribution_lexicon()
    matchers = [reg.free, reg.guarded, reg.coref, lex.cues, lex.hedges, lex.heads]
    texts = [example_text, HOSTILE["bidi_between_words"], HOSTILE["unbalanced"], _long_sentence(300),
             "وللتحالف الدولي ولقوات سوريا الديمقراطية وبالحسكة «داعش» قال"]
    for text in texts:
        doc = nlp(text)
        for m in matchers:
            for overlapping in (False, True):
                got = [(x.start, x.end, x.tok_start, x.tok_end, x.prefix, x.phrase)
                       for x in m.find(doc, overlapping=overlapping)]
                assert got == brute(m, doc, overlapping)
    m = PhraseMatcher([("حلب", 1)])
    doc = nlp("وصلنا إلى حمص ثم حلب")
    assert [x.phrase for x in m.find(doc)] == ["حلب"]
    m.add("حمص", 2)                      # the memo of first words is reset by add()
    assert [x.phrase for x in m.find(doc)] == ["حمص", "حلب"]


@pytest.mark.parametrize("text,role,name", [
    ("قصف على القرية.\nالمصدر: وكالة سانا. ترجمة: أحمد", "source_line", "وكالة سانا"),
    ("Forwarded from قناة الخبر. عاجل\nانفجار في المدينة", "forward", "قناة الخبر"),
])
def test_carrier_names_end_with_their_sentence(nlp, text, role, name):
    """Found by fuzzing: a source line "المصدر: X. Y" named "X. Y", and the attribution
    stage made a source mention over the sentence boundary from it."""
    rec = check(nlp, text)
    (c,) = [c for c in rec["meta"]["carriers"] if c["role"] == role]
    assert c["name"] == name and rec["text"][c["name_start"]:c["name_end"]] == name


# --------------------------------------------------------------------------- open issues
# Bugs in stages owned by others, written up in notes/QA.md.  Each test is an
# xfail with the reproducer: it passes (XPASS in the summary) once the owner
# fixes the bug; then remove the entry here and in KNOWN_OPEN.

OPEN_REPRODUCERS: list = [
    # QA-16 attribution: the source of a prepositional cue (حسب) whose object opens with a quote
    # runs over a line break or an ellipsis into the next sentence (not new today: also at c6355d8)
    ("QA-16", "sources.mentions.sentence", "وارتفعت الأسعار حسب «الهيئة العامة\nللإحصاء».", {}),
    ("QA-16", "sources.mentions.sentence", "وارتفعت الأسعار حسب \"الهيئة العامة\u2028للإحصاء\".", {}),
    ("QA-16", "sources.mentions.sentence", "وارتفعت الأسعار حسب «… وزارة المالية».", {}),
]


if OPEN_REPRODUCERS:                  # (no empty parametrisation: it would only report a skip)
    @pytest.mark.parametrize("qa,category,text,meta", OPEN_REPRODUCERS,
                             ids=[f"{q}-{i}" for i, (q, *_rest) in enumerate(OPEN_REPRODUCERS)])
    @pytest.mark.xfail(reason="open issue in another stage, see notes/QA.md", strict=False)
    def test_known_open_issue(nlp, qa, category, text, meta):
        rec = nlp(text, published=PUB, meta=meta).to_json()
        assert not [v for v in violations(rec) if v[0] == category]


@pytest.mark.parametrize("text,name", [
    ("وارتفع عدد السكان وفقا ﻵخر البيانات المتاحة.", "ﻵخر البيانات المتاحة"),
    ("وارتفع عدد السكان وفقا لِآخر البيانات المتاحة.", "آخر البيانات المتاحة"),
    ("وارتفع عدد السكان وفقا لآخر البيانات المتاحة.", "آخر البيانات المتاحة"),
])
def test_l_clitic_is_cut_through_the_normalised_view(nlp, text, name):
    """QA-16 (c), fixed: the source after a prepositional cue + ل was cut one code point into the
    token in the original text; a lam-alef glyph (ﻵ = ل + آ) was cut inside, and a mark after ل began
    the name.  Now read through the normalised view: the glyph kept whole, the mark skipped."""
    rec = check(nlp, text)
    assert [rec["text"][m["start"]:m["end"]] for s in rec["sources"] for m in s["mentions"]] == [name]


@pytest.mark.parametrize("form", ["zwj", "tatweel", "glyphs"])
def test_ta_marbuta_in_attribution_read_as_written(nlp, form):
    """QA-16 (b), fixed: attribution's "a word written with ة is no verb + pronoun" checks (عدة "several" is not
    عدّه "deemed it", حديثة not حديثه) read the raw surface's last character: a trailing ZWJ, a tatweel
    after the ة or a presentation-form ﺓ hid it and عدة became a reporting cue.  Both stages now ask
    isnad.text.normalize.written_last_letter."""
    text = "وتدخلت عدة جهات رسمية وتم إغلاق المحل للتأكد من سلامة الأغذية."
    assert not nlp(text).attributions
    text = {"zwj": text.replace("عدة ", "عدة\u200d "), "tatweel": text.replace("عدة ", "عدةـ "),
            "glyphs": _presentation_forms(text)}[form]
    assert not nlp(text).attributions


def test_known_open_categories_have_reproducers():
    assert set(KNOWN_OPEN) <= {c for _, c, _, _ in OPEN_REPRODUCERS}


# Fixed open issues: the reproducers stay as regression tests.
FIXED_REPRODUCERS = [
    # QA-6 ner: lone surrogates crashed the CRF tagger (UnicodeEncodeError in pycrfsuite)
    ("QA-6", "crash", "قال \ud83d المصدر إن القوات دخلت حلب.", {}),
    # QA-2 attribution: a colon quotation's speaker runs back over a sentence boundary: a line
    # break other than \n, or the closing quote of the sentence before
    ("QA-2", "sources.mentions.sentence", "عاجل\nوكالة رويترز\u2028المتحدث: وقع انفجار في المدينة.", {}),
    ("QA-2", "sources.mentions.sentence", 'عندما قالت: "هل هذا الأمر طبيعي؟" فكان جوابي: "نعم هذا طبيعي".', {}),
    # QA-1 attribution: an implicit cue inside a quotation takes the outlet as its
    # source but keeps the enclosing attribution's chain, which ends with another source
    ("QA-1", "attributions.chain",
     "وكتب الباحث في تقريره:\n«لم تتغير الأوضاع كثيرا، وتشير إلى أن النمو تباطأ.»", {"outlet": "alyaum"}),
    # QA-3 places: a direction word shifted the point off the globe (schema-invalid record);
    # fixed in 4bb18aa
    ("QA-3", "validate", "كان الأعلى في منطقة غرب المحيط الهادي.", {}),
    ("QA-3", "validate", "في شمال المحيط المتجمد الشمالي", {}),
    ("QA-3", "validate", "جنوب القارة القطبية الجنوبية", {}),
    # QA-7 attribution: TypeError in _verb ('NoneType' object is not subscriptable)
    ("QA-7", "crash", "وكانت حركة طالبان حذرت أخيرا تنظيم داعش من التمدد في أفغانستان.", {}),
]


@pytest.mark.parametrize("qa,category,text,meta", FIXED_REPRODUCERS,
                         ids=[f"{q}-{i}" for i, (q, *_rest) in enumerate(FIXED_REPRODUCERS)])
def test_fixed_issue(nlp, qa, category, text, meta):
    rec = nlp(text, published=PUB, meta=meta).to_json()
    assert not [v for v in violations(rec) if v[0] == category]


# --------------------------------------------------------------------------- growth with size
# QA-8 … QA-11 (notes/QA.md): stages whose time grows faster than the input on long
# documents.  Timed by CPU time of the one stage at n and 4n repetitions of a pattern;
# linear is x4, quadratic x16.  The open ones are xfail (XPASS once fixed).

def _stage_cpu(nlp, text: str, stage: str) -> float:
    from isnad.document import Document
    doc = Document(text, published=PUB, meta={"outlet": "alyaum"})
    spent = 0.0
    for st in nlp.stages:
        if st.name == stage:
            # the cyclic garbage collector's passes grow with everything alive, whatever the
            # stage does: measure the stage's own work (QA-9 at x4 input: x9 with it, x3.4 without)
            gc.collect()
            gc.disable()
            try:
                t0 = time.process_time()
                st.process(doc)
                spent = time.process_time() - t0
            finally:
                gc.enable()
        else:
            st.process(doc)
        doc.provided |= st.provides
    return spent


def _growth(nlp, pattern, n: int, stage: str) -> float:
    make = pattern if callable(pattern) else (lambda k: pattern * k)
    small = _stage_cpu(nlp, make(n), stage)
    big = _stage_cpu(nlp, make(4 * n), stage)
    return big / max(small, 0.01)


_SOURCES = ["وقالت وكالة رويترز", "وقالت وكالة فرانس برس", "وقال مصدر عسكري", "وقال شاهد عيان"]


def _claims_from_four_sources(n: int) -> str:
    return "".join(f"{_SOURCES[k % 4]} إن القوات دخلت المدينة رقم {k} صباحا. "
                   f"وانسحب الجيش من القرية رقم {k} مساء. " for k in range(n))


def _attacks_and_protests(n: int) -> str:
    return "".join(f"وقال مصدر عسكري إن مسلحين هاجموا قرية في ريف حلب وقتلوا {k % 9 + 2} مدنيين. "
                   "وتظاهر العشرات في دمشق. " for k in range(n))


OPEN_GROWTH: list = []

# Fixed: the same measurement is a regression test (x4 input must stay well under x16).
FIXED_GROWTH = [
    # QA-9 places: _adjective_of_place looked at every mention for each الشقيق/سورية, and the
    # NER-LOC containment pass listed every kept mention for each LOC entity
    ("QA-9", "places", "اليمن الشقيق والعراق الشقيق وسورية الشقيقة ", 400),
    # QA-8 attribution: _verb built the whole rest of the sentence ("tail") for every cue; now at
    # most six words (only a tail of 1-5 matters)
    ("QA-8", "attribution", "قال وأضاف وأكد وأعلن ونفى ", 500),
    # QA-11 claims: _echoes and sourcing_summary compared every pair of claims; now an inverted
    # index of claim words (identical figures on 400 SaudiNewsNet articles)
    ("QA-11", "claims", _claims_from_four_sources, 150),
    # QA-10 events: the claim / attribution holding each event and the entities and places of its
    # window were found by scans over the whole document, per event; now bisection.  At this size
    # the old stage grew x6.9 and the fixed one x3.8 (the quadratic part only dominates later,
    # so the bound is tighter than 8)
    ("QA-10", "events", _attacks_and_protests, 400),
]
_GROWTH_LIMIT = {"QA-10": 5.5}


@pytest.mark.parametrize("qa,stage,pattern,n", FIXED_GROWTH, ids=[q for q, *_ in FIXED_GROWTH])
def test_fixed_growth(nlp, qa, stage, pattern, n):
    assert _growth(nlp, pattern, n, stage) < _GROWTH_LIMIT.get(qa, 8)


if OPEN_GROWTH:                       # (no empty parametrisation: it would only report a skip)
    @pytest.mark.parametrize("qa,stage,pattern,n", OPEN_GROWTH, ids=[q for q, *_ in OPEN_GROWTH])
    @pytest.mark.xfail(reason="open super-linear stage, see notes/QA.md", strict=False)
    def test_known_open_growth(nlp, qa, stage, pattern, n):
        assert _growth(nlp, pattern, n, stage) < 8


def test_find_numbers_by_sentence_is_the_old_scan(nlp):
    """QA-10: find_numbers(doc, start, end) found its first token by a scan from token 0,
    so the events stage (one call per sentence) was quadratic in the document; now the
    start is bisected: the same numbers as the scan."""
    from isnad.text.numbers import find_numbers, number_at, quantity_at

    def scan(doc, start, end):
        toks, out, i = doc.tokens, [], 0
        while i < len(toks) and toks[i].end <= start:
            i += 1
        while i < len(toks) and toks[i].end <= end:
            sp = quantity_at(doc, i, end) or number_at(doc, i, end)
            if sp is not None:
                out.append(sp)
                i = sp.tok_end
                continue
            i += 1
        return out

    text = "".join(f"قتل {k} أشخاص وأصيب نحو عشرين آخرين، ٣ منهم بجروح.\nخمسة وعشرون ألفا في {k % 7}. "
                   for k in range(200))
    doc = nlp(text)
    assert len(doc.sentences) >= 400
    got = [find_numbers(doc, s.start, s.end) for s in doc.sentences]
    assert got == [scan(doc, s.start, s.end) for s in doc.sentences]
    assert sum(map(len, got)) >= 800
    assert find_numbers(doc, 5, 5) == scan(doc, 5, 5) and find_numbers(doc, len(text), len(text)) == []


def test_a_mixed_batch_names_each_bad_input_and_goes_on(tmp_path, capsys):
    """QA sweep of 2026-11-26: one batch with a JSONL holding a malformed line, a
    non-object line and a non-string text, a binary file, an empty file, invalid UTF-8
    in the middle of a text file, UTF-16 text and hostile HTML: each error record and
    stderr line names the input (and the line or byte); every good document is analysed."""
    from isnad.cli import main
    good = ["نفت إيران أي تدخل في اليمن الشقيق.", "رابط الخبر بصحيفة الوئام: السيسي وهادي يؤكدان «»"]
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "g1", "text": good[0]}, ensure_ascii=False) + "\n"
        + '{"id": "b2", "text": "قال المصدر إن \n' + "[1, 2]\n" + '{"id": "b4", "text": 5}\n'
        + json.dumps({"id": "g5", "text": good[1]}, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.txt").write_bytes("قال الوزير".encode() + b"\xff\xfe\xc3" + "إن القوات دخلت حلب".encode())
    (tmp_path / "e.txt").write_bytes("قال الوزير إن القوات دخلت حلب.".encode("utf-16"))
    (tmp_path / "f.html").write_text(
        "<html><head><script>alert(1)</script></head><body>" + "<div>" * 2000
        + "<p>قال المتحدث: «نعم» في سورية الشقيقة</p><!-- unclosed <p onclick='x'>&#0;&#xD800;&bogus;",
        encoding="utf-8")
    rc = main(["analyze", "--no-progress", "-f", "jsonl", *sorted(map(str, tmp_path.iterdir()))])
    cap = capsys.readouterr()
    recs = [json.loads(line) for line in cap.out.splitlines()]
    errors = {r["error"]["origin"].replace(str(tmp_path) + "/", ""): r["error"]["kind"] for r in recs if "error" in r}
    assert errors == {"a.jsonl:line 2": "malformed", "a.jsonl:line 3": "malformed", "a.jsonl:line 4": "malformed",
                      "b.bin": "binary", "c.txt": "empty", "d.txt": "encoding"}
    assert "byte 19" in next(r["error"]["message"] for r in recs if r.get("error", {}).get("kind") == "encoding")
    for origin in errors:
        assert origin in cap.err
    ok = [r for r in recs if "error" not in r]
    assert [r["text"] for r in ok][:2] == good and len(ok) == 4
    for r in ok:
        assert not unexpected(violations(r))
    assert "alert(1)" not in ok[3]["text"] and "سورية" in ok[3]["text"]
    assert rc == 1


# --------------------------------------------------------------------------- presentation forms (QA-12)

def _presentation_forms(text: str, ligatures: bool = True) -> str:
    """Letters → isolated presentation-form glyphs (as PDF copy-paste emits them), lam + alef →
    the lam-alef ligatures ﻻ ﻷ ﻹ ﻵ."""
    import unicodedata
    forms = {}
    for cp in range(0xFEFC, 0xFE70 - 1, -1):
        nf = unicodedata.normalize("NFKC", chr(cp))
        if len(nf) == 1:
            forms[nf] = chr(cp)
    if ligatures:
        for k, v in {"لا": "ﻻ", "لأ": "ﻷ", "لإ": "ﻹ", "لآ": "ﻵ"}.items():
            text = text.replace(k, v)
    return "".join(forms.get(c, c) for c in text)


PRESENTATION_HOSTILE = [
    "ﷲ ﷺ ﻻ ﻷ ﻹ ﻵ ﻼ ﻸ ﻺ ﻶ ﷽ ﰀ ﱞ ﳲ ﹰ ﹱ ﹲ ﹴ ﹶ ﹷ ﹸ ﹹ ﹺ ﹻ ﹼ ﹽ ﹾ ﹿ ﴾ﺣﻠﺐ﴿ ﷼",
    "ﻗﺎﻝَ\u0640 ﺍﻟﻤﺘﺤﺪﺙُ\u200d ﺇﻥّ ﺍﻟﻘﻮﺍﺕ ﺩﺧﻠﺖ ﺣﻠﺐ\u200d ﺃﻣﺲﹿ. ﻭﺃﺿﺎﻑ ﻻﺟﺌﻮﻥ ﻷﻥ ﺍﻹﺭﻫﺎﺑﻴﻴﻦ ﻗﺼﻔﻮﺍ ﻣﺪﻳﻨﺔ ﺍﻟﻤﻮﺻﻞ.",
    "قال ﺍﻟﻤﺘﺤﺪﺙ إن ﻗﻮﺍﺕ سوريا الديمقراطية ﺩﺧﻠﺖ ﺍﻟﺮﻗﺔ😀 \u202eﺃﻣﺲ\u202c ISISﺩﺍﻋﺶ \ud83d ﻻ ﻋﺒﺪﷲ.",
    "گفت سخنگوی ارتش که نیروها وارد حلب شدند. ﮔﻔﺖ ﭘﻴﺎﻡ ژاله ۱۲۳ ﻛﻰ",
    "ﻻ" * 30_000,
    " ".join(["ﺍﻻﻧﻔﺠﺎﺭ ﻓﻲ ﺍﻷﺭﺩﻥ ﻭﻻ ﻳﺰﺍﻝ ﺍﻹﺭﻫﺎﺏ"] * 1_500),        # one 10,500-token sentence
]


@pytest.mark.parametrize("k", range(len(PRESENTATION_HOSTILE)))
def test_presentation_forms_offsets_hold(nlp, k):
    """QA-12: the normaliser expands ligatures (one glyph → several letters): the offset maps
    stay monotone and complete, and every stage's spans stay on the original text."""
    from isnad.text.normalize import NormalizedText
    text = PRESENTATION_HOSTILE[k]
    n = NormalizedText(text)
    assert len(n.to_orig) == len(n.text) + 1 and len(n.to_norm) == len(text) + 1
    assert all(a <= b for a, b in zip(n.to_orig, n.to_orig[1:]))
    assert all(a <= b for a, b in zip(n.to_norm, n.to_norm[1:]))
    assert all(n.to_orig[n.to_norm[j]] >= j for j in range(0, len(text), 7))
    assert normalize(text) == n.text
    step = max(1, len(n.text) // 300)
    for i in range(0, len(n.text), step):
        a, b = n.orig_span(i, min(i + 3, len(n.text)))
        assert 0 <= a <= b <= len(text)
    check(nlp, text)


def test_lam_alef_ligatures_read_as_their_letters(nlp):
    """QA-12: the lam-alef ligature was left as it was by the normaliser, so in text written with
    presentation forms every word holding لا/لأ/لإ/لآ matched nothing (on 30 SaudiNewsNet articles so
    written: 35 of 108 times, 24 of 172 places, 26 sources, 13 events changed; now 2, 3, 4, 3)."""
    letters = "وقال المتحدث باسم الجيش الأردني يوم الأحد إن الانفجار وقع في الإسكندرية ولا يزال الأمن مفقودا."
    glyphs = _presentation_forms(letters)
    assert "ﻷ" in glyphs and "ﻻ" in glyphs and "ﻹ" in glyphs
    rec, base = check(nlp, glyphs), check(nlp, letters)
    assert _signature(rec) == _signature(base)
    assert [rec["text"][t["start"]:t["end"]] for t in rec["times"]] == [_presentation_forms("يوم الأحد")]
    assert _presentation_forms("الإسكندرية") in [p["text"] for p in rec["places"]]


# --------------------------------------------------------------------------- events profiles (QA-13)

def test_events_profile_is_on_every_record(nlp):
    """QA-13: meta.events_profile (what `salient` means) was missing from records with no token
    (empty or blank documents), so a batch's records disagreed on the key."""
    import isnad
    broad = isnad.load(["normalize", "language", "segment", "tokenize", "events"],
                       config={"events": {"profile": "broad"}})
    for text in ("", " \n\u2028 ", "😀", "تظاهر العشرات في دمشق"):
        assert broad(text).meta["events_profile"] == "broad"
        assert nlp(text).meta["events_profile"] == "crowd"


@pytest.mark.parametrize("profile,classifier", [("crowd", "broad"), ("broad", "crowd")])
def test_events_profile_and_classifier_cannot_disagree(profile, classifier):
    """QA-13: profile "crowd" with the broad classifier recorded meta.events_profile "crowd" while
    `salient` came from the broad classifier (and the converse): now refused."""
    from isnad.stages.events import EventsStage
    with pytest.raises(ValueError, match="classifier"):
        EventsStage(profile=profile, classifier=classifier)
    assert EventsStage(classifier=classifier).profile == classifier
    assert EventsStage(profile=profile, classifier=profile).profile == profile


def test_events_indexes_answer_like_the_scans_they_replace():
    """QA-10's per-event indexes against the scans they replaced, on random spans (ties, empty
    windows, items wider than the bisection width, a zero width)."""
    import random
    from isnad.document import TextSpan
    from isnad.stages.events import _ByToken, _Containing
    rng = random.Random(12)
    for _ in range(1500):
        trip = [(a, a + rng.randint(0, 4), k) for k, a in enumerate(rng.randint(0, 40)
                                                                     for _ in range(rng.randint(0, 30)))]
        lo = rng.randint(-2, 42)
        hi = lo + rng.randint(-3, 20)
        assert _ByToken(trip).within(lo, hi) == [t for t in trip if t[0] in range(lo, hi)]
        items = []
        for _ in range(rng.randint(0, 25)):
            s = rng.randint(0, 5000)
            items.append(TextSpan(s, s + rng.choice([0, 1, 5, 50, 1999, 2000, 2001, 4000])))
        s = rng.randint(0, 6000)
        e = s + rng.randint(0, 300)
        best = None
        for x in items:
            if x.start <= s and e <= x.end and (best is None or x.end - x.start < best.end - best.start):
                best = x
        assert _Containing(items, rng.choice([2000, 10, 0])).smallest(s, e) is best


def test_broad_profile_on_many_events_grows_linearly():
    """The broad profile on QA-10's pattern (many events, claims and attributions): x4 input gave
    x3.8–4.9 events time (crowd x4.4–4.7); and its records hold on presentation forms too."""
    import isnad
    broad = isnad.load(config={"events": {"profile": "broad"}})
    assert _growth(broad, _attacks_and_protests, 200, "events") < _GROWTH_LIMIT["QA-10"]   # x3.0-4.4 measured
    rec = check(broad, _presentation_forms(_attacks_and_protests(40)), meta={"outlet": "alyaum"})
    assert len(rec["events"]) == 80 and rec["meta"]["events_profile"] == "broad"


# --------------------------------------------------------------------------- isnad eval events arguments (QA-14)

@pytest.mark.parametrize("argv,says", [
    (["--types", ","], "no event type"),
    (["--types", "FIGHT"], "no arabic-event-gsr gold for FIGHT"),
    (["--types", "protest,Bogus"], "BOGUS"),
    (["--limit", "-3"], "negative"),
    (["--errors", "-1"], "negative"),
    (["--gold", "audited", "--split", "all"], "one at a time"),
    (["--gold", "audited", "--split", "dev", "--data", "news"], "--data news"),
    (["--gold", "audited", "--data", "validation", "--profile", "broad"], "--data validation"),
])
def test_eval_events_refuses_bad_arguments_before_any_work(argv, says, capsys, monkeypatch):
    """QA-14: `isnad eval events --types ,` scored nothing with status 0; `--types FIGHT` said the data
    folder was missing; `--limit -3` silently dropped the last three sentences of every file;
    `--gold audited` was ignored by --data news/validation.  Each is refused with status 1 before a
    pipeline is built (the pipeline loader must not be called)."""
    from isnad.cli import main
    import isnad.evaluation.events as ev

    def no_pipeline(args):
        raise AssertionError("the pipeline was built")
    monkeypatch.setattr(ev, "_pipeline", no_pipeline)
    assert main(["eval", "events", "--fast", *argv]) == 1
    assert says in capsys.readouterr().err


# --------------------------------------------------------------------------- presentation forms in the stages (QA-15, QA-17)

def test_presentation_forms_give_the_letters_annotations(nlp):
    """QA-15: with the normaliser fixed, the stages that read the original characters still differed
    on presentation-form text: the NER tagger saw glyph codes it never learnt (on 30 SaudiNewsNet
    articles so written 88 of 346 entities changed), the actors stage kept a proclitic glyph in the
    span (ﺑﺎﻟﻌﺮﺍﻕ), entity_places did not trim ﻭ from a place's NER span (ﻭﺍﻟﺮﻳﺎﺽ), and the events
    stage's ta-marbuta guard (QA-5) missed ﺔ, so طالبة "a student" was a REQUEST.  Now, on 150 such
    articles, 0 of 2,298 entities, 0 places and 0 times differ."""
    letters = ("وقال مسؤول في الأمم المتحدة إن القوات انسحبت من العراق وفرنسا. وقالت طالبة في الجامعة "
               "إن الامتحان صعب. وزار الوزير بالعراق مدينة الموصل. وزار الأمير الرياض والمدينة المنورة ثم "
               "والرياض مرة أخرى وبالأحساء.")
    glyphs = _presentation_forms(letters, ligatures=False)
    rec, base = check(nlp, glyphs), check(nlp, letters)
    assert _signature(rec)["entities"] == _signature(base)["entities"]
    assert _signature(rec) == _signature(base)
    assert not [e for e in rec["events"] if e["type"] == "REQUEST"]


@pytest.mark.parametrize("variant", ["letters", "glyphs", "zwj", "tatweel"])
def test_ta_marbuta_guard_sees_the_written_letter(variant):
    """QA-15: the events stage's guard "a word written with ة is no verb with a pronoun" (QA-5) read
    the last code point: a presentation-form ﺔ, a trailing ZWJ (spans end after it, F10) or a
    tatweel after the ة hid the ة, and طالبة (a student) became the REQUEST طالبه (demanded him)."""
    import isnad
    text = "وقالت طالبة في الجامعة إن الامتحان صعب."
    text = {"letters": text, "glyphs": _presentation_forms(text), "zwj": text.replace("طالبة", "طالبة\u200d"),
            "tatweel": text.replace("طالبة", "طالبةـ")}[variant]
    nlp = isnad.load(["normalize", "language", "segment", "tokenize", "events"])
    assert [e.type for e in nlp(text).events] == []
    assert [e.type for e in nlp(_presentation_forms("وطالبه المتظاهرون بالرحيل.")).events] == ["REQUEST"]


@pytest.mark.parametrize("text,tokens", [
    ("إلى ﴾حلب﴿ أمس", ["إلى", "﴾", "حلب", "﴿", "أمس"]),
    ("السعر﷼ في", ["السعر", "﷼", "في"]),
    ("﷽ قال", ["﷽", "قال"]),
    ("ﷲ ﷺ ﻻ", ["ﷲ", "ﷺ", "ﻻ"]),
    ("ﹸالحسكة ﳲﺭﻭﻱﺕﺭﺯ", ["ﹸ", "الحسكة", "ﳲ", "ﺭﻭﻱﺕﺭﺯ"]),      # a haraka glyph is a mark (F4)
    ("ﺹﹰﺏﺍﺡ قالﹶ", ["ﺹﹰﺏﺍﺡ", "قالﹶ"]),
])
def test_presentation_form_punctuation_is_no_letter(text, tokens):
    """QA-17: the tokenizer took the whole presentation-form blocks as letters, so the ornate
    parentheses around a quoted verse and the rial sign glued onto the word (﴾حلب﴿: no place)."""
    assert [text[s:e] for s, e, _ in iter_tokens(text)] == tokens


def test_a_place_inside_ornate_parentheses(nlp):
    assert [p["text"] for p in check(nlp, "وصلت القوات إلى ﴾حلب﴿ أمس.")["places"]] == ["حلب"]


@pytest.mark.parametrize("text", [
    "« ﹸالحسكة » الخارجية", "الخارجيةﻡﻕﺕﻝ\nپ: ﹼﻡﻕﺕﻝ", "ﺏ ﻷ، ﹿﻕﺕﻝ. RT", "ﹺﺃﻉﻝﻥ « 20\nﺭﻭﻱﺕﺭﺯ", "ﹹﺃﻉﻝﻥ: —.", "ﹺأوباما\n😀",
])
def test_a_word_after_a_haraka_glyph(nlp, text):
    """QA-17, found by fuzzing presentation forms once the normaliser deleted the haraka glyphs
    (QA-12): a word starting with one (ﹸالحسكة) was one token, and the place, cue, trigger or
    entity matched in it started inside that token."""
    check(nlp, text)


@pytest.mark.parametrize("command", ["export", "ingest"])
def test_export_and_ingest_take_the_events_profile(tmp_path, monkeypatch, capsys, command):
    """QA-13: `isnad export` and `isnad ingest` analysed documents with the crowd profile only (no
    --events-profile); now they take it like `isnad analyze`, and the records say which."""
    import isnad
    from isnad.cli import main
    seen = []
    real = isnad.load

    def spy(*a, **kw):
        seen.append(((kw.get("config") or {}).get("events") or {}).get("profile"))
        return real(*a, **kw)
    monkeypatch.setattr(isnad, "load", spy)
    doc = tmp_path / "a.txt"
    doc.write_text("تظاهر العشرات في دمشق أمس احتجاجا على الغلاء.", encoding="utf-8")
    if command == "export":
        assert main(["export", "-f", "geojson", "--events-profile", "broad", str(doc)]) == 0
    else:
        db = str(tmp_path / "s.db")
        assert main(["ingest", "--no-progress", "--db", db, "--events-profile", "broad", str(doc)]) == 0
        from isnad.corpus.store import Store, db_url
        (rec,) = list(Store(db_url(db)).records())
        assert rec["meta"]["events_profile"] == "broad"
    capsys.readouterr()
    assert seen == ["broad"]
