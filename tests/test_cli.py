"""`isnad analyze` and `isnad --version` end to end: the bundled example in every
output format, -o, stdin, the fixtures folder.  Most tests call cli.main in
process (the pipeline's resources load once); two run the real command."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import regex

import isnad
from isnad.cli import main

FX = Path(__file__).parent / "fixtures" / "readers"
ARABIC = regex.compile(r"\p{Arabic}{3,}")


def analyze(capsys, *args):
    rc = main(["analyze", "--no-progress", *map(str, args)])
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


def test_json_of_the_bundled_example_validates(capsys):
    rc, out, err = analyze(capsys, "-f", "json")
    assert rc == 0, err
    rec = json.loads(out)
    isnad.validate(rec)
    assert rec["text"] == isnad.example_text()
    assert rec["lang"] == "ar" and rec["meta"]["input"].endswith("sputnik_retweet.txt")


def test_events_profile_is_chosen_and_recorded(capsys, tmp_path):
    """--events-profile broad: the broad reading's classifier marks a sentence that names protesters
    as reporting a protest; the record says which profile set `salient` (meta.events_profile)."""
    f = tmp_path / "p.txt"
    f.write_text("وقال أحد المتظاهرين إن الشرطة أطلقت الغاز المسيل للدموع على المتظاهرين أمام مبنى البرلمان.\n",
                 encoding="utf-8")
    recs = {}
    for prof in ("crowd", "broad"):
        rc, out, err = analyze(capsys, "-f", "json", "--events-profile", prof, f)
        assert rc == 0, err
        recs[prof] = json.loads(out)
        isnad.validate(recs[prof])
        assert recs[prof]["meta"]["events_profile"] == prof
    assert [e.get("salient") for e in recs["broad"]["events"] if e["type"] == "PROTEST"] == [True]
    assert "PROTEST" not in [e["type"] for e in recs["crowd"]["events"]]


def test_default_format_is_json(capsys):
    rc, out, _ = analyze(capsys)
    assert rc == 0 and json.loads(out)["schema"] == "isnad/1"


def test_jsonl(capsys):
    rc, out, _ = analyze(capsys, "-f", "jsonl", "--published", "2022-01-27")
    lines = out.splitlines()
    assert rc == 0 and len(lines) == 1
    rec = json.loads(lines[0])
    isnad.validate(rec)
    assert rec["published"] == "2022-01-27"


def test_pretty_shows_arabic(capsys):
    rc, out, _ = analyze(capsys, "-f", "pretty")
    assert rc == 0 and ARABIC.search(out)
    rc, out, _ = analyze(capsys, "-f", "pretty", "--rtl", "logical")
    assert "نقلت القوات الأمريكية في سوريا" in out


def test_html_is_well_formed_self_contained_and_rtl(capsys):
    rc, out, _ = analyze(capsys, "-f", "html")
    assert rc == 0
    assert out.startswith("<!DOCTYPE html>")
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.tag == "html" and root.get("dir") == "rtl"
    for el in root.iter():
        for attr in ("src", "href"):
            v = el.get(attr)
            assert v is None or not re.match(r"\s*(https?:)?//", v, re.I), (el.tag, v)
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", out, re.I)
    assert "<script" not in out and "<link" not in out and "@import" not in out
    arts = [el for el in root.iter("article")]
    assert arts and arts[0].get("dir") == "rtl" and arts[0].get("lang") == "ar"
    text_div = next(el for el in arts[0].iter("div") if el.get("class") == "text")
    assert "".join(text_div.itertext()) == isnad.example_text()


def test_html_highlights_spans_by_offsets(nlp):
    from isnad.io.html import render_page
    text = "قالت وكالة سانا إن انفجاراً وقع في مدينة حلب أمس."
    rec = nlp(text, published="2022-01-27").to_json()
    i, j = text.index("سانا"), text.index("حلب")
    rec["entities"] = [{"id": "e1", "start": i, "end": i + 4, "text": "سانا", "label": "ORG", "type": None, "actor": None}]
    rec["places"] = [{"id": "p1", "start": j, "end": j + 3, "text": "حلب", "name": "Aleppo", "lat": 36.2, "lon": 37.15,
                      "country": "SY", "admin1": None, "admin2": None, "feature": "city", "precision": "city",
                      "gazetteer_id": "geonames:170063", "no_match": False, "reason": None, "candidates": []}]
    rec["attributions"] = [{"id": "a1", "cue": {"start": 0, "end": 4, "text": "قالت"}, "source": "s1",
                            "content": {"start": i + 8, "end": len(text) - 1}, "chain": ["s1"], "hedges": []}]
    rec["sources"] = [{"id": "s1", "name": "سانا", "kind": "agency", "mentions": [{"start": i, "end": i + 4}],
                       "actor": None}]
    isnad.validate(rec)
    page = render_page([rec])
    root = ET.fromstring(page.split("\n", 1)[1])
    spans = {"".join(s.itertext()): s.get("class") for s in root.iter("span") if s.get("title")}
    assert "ent" in spans["سانا"] and "src" in spans["سانا"]
    assert "place" in spans["حلب"] and "content" in spans["حلب"]
    assert "cue" in spans["قالت"]
    tables = {h.text.split(" (")[0]: h for h in root.iter("h3")}
    assert {"entities", "places", "times", "attributions", "claims", "events"} <= set(tables)
    assert "Aleppo" in page and "36.2000, 37.1500" in page


def test_output_file(tmp_path, capsys):
    out_path = tmp_path / "out.json"
    rc, out, _ = analyze(capsys, "-o", out_path)
    assert rc == 0 and out == ""
    isnad.validate(json.loads(out_path.read_text(encoding="utf-8")))


def test_output_file_inside_an_input_folder_is_not_read_back(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("خبر قصير عن افتتاح جسر جديد في مدينة الرقة.", encoding="utf-8")
    rc, _, err = analyze(capsys, tmp_path, "-f", "jsonl", "-o", tmp_path / "out.jsonl")
    assert rc == 0, err
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_stdin(monkeypatch, capsys):
    text = "أفادت مصادر محلية بسماع دوي انفجار في مدينة الحسكة صباح اليوم."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    rc, out, _ = analyze(capsys, "-", "-f", "json")
    rec = json.loads(out)
    assert rc == 0 and rec["text"] == text and rec["meta"]["input"] == "<stdin>"
    isnad.validate(rec)


def test_stdin_jsonl_of_tweets(monkeypatch, capsys):
    tweets = json.loads((FX / "tweets_v1.json").read_text(encoding="utf-8"))
    data = "\n".join(json.dumps(t, ensure_ascii=False) for t in tweets).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    rc, out, _ = analyze(capsys, "-", "-f", "jsonl")
    recs = [json.loads(x) for x in out.splitlines()]
    assert rc == 0 and [r["kind"] for r in recs] == ["post", "retweet", "post"]
    assert recs[1]["meta"]["input"] == "<stdin>:line 2"


def test_fixtures_folder_in_every_format(tmp_path, capsys):
    for fmt in ("json", "jsonl", "pretty", "html"):
        rc, out, err = analyze(capsys, FX, "-f", fmt, "-o", tmp_path / f"out.{fmt}")
        assert rc == 1                                    # posts_bad_line.jsonl line 3
        assert err.count("isnad: ") == 1 and "posts_bad_line.jsonl:line 3" in err
    recs = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(recs) >= 29
    for r in recs:
        if "error" not in r:
            isnad.validate(r)
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    ET.fromstring(page.split("\n", 1)[1])
    assert page.count("<article") == len(recs)


def test_input_format_and_text_column_options(tmp_path, capsys):
    p = tmp_path / "x.csv"
    p.write_text("n,matn\n1,خبر عن وصول قافلة مساعدات إلى مدينة دير الزور.\n", encoding="utf-8")
    rc, out, _ = analyze(capsys, p, "--text-column", "matn", "-f", "jsonl")
    assert rc == 0 and json.loads(out)["text"].startswith("خبر عن وصول")
    rc, out, _ = analyze(capsys, p, "--input-format", "text", "-f", "jsonl")
    assert rc == 0 and json.loads(out)["text"].startswith("n,matn")


def _run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "isnad.cli", *args], input=stdin, capture_output=True,
                          timeout=300)


def test_version_command():
    p = _run("--version")
    assert p.returncode == 0
    assert p.stdout.decode().strip() == f"isnad {isnad.__version__}"


def test_real_command_with_stdin_and_exit_status():
    p = _run("analyze", "-", "-f", "jsonl", stdin="خبر عن حريق في سوق مدينة إدلب.".encode())
    assert p.returncode == 0, p.stderr.decode()
    isnad.validate(json.loads(p.stdout))
    p = _run("analyze", "/no/such/file.txt", "-f", "jsonl")
    assert p.returncode == 1 and b"/no/such/file.txt" in p.stderr
    assert json.loads(p.stdout)["error"]["kind"] == "not_found"
    p = _run("analyze", "-f", "nope")
    assert p.returncode == 2
