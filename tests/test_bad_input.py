"""Bad input: every case gives an error record naming the input and position, the
rest of the batch is still analysed, and the exit status says so (1), while
usage errors give 2."""
from __future__ import annotations

import io
import json
import struct
import sys
import time
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

import isnad
from isnad.cli import main
from isnad.io.html import render_page
from isnad.io.readers import InputDoc, InputFailure, read_bytes, read_inputs

FX = Path(__file__).parent / "fixtures" / "readers"
GOOD = "أعلن الدفاع المدني في مدينة إدلب إخماد حريق اندلع في سوق الهال صباح اليوم دون إصابات."


def png_bytes(w: int = 4, h: int = 3) -> bytes:
    """A real (tiny, valid) PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes([200, 30, 30] * w) for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def run(capsys, *args):
    rc = main(["analyze", "--no-progress", "-f", "jsonl", *map(str, args)])
    cap = capsys.readouterr()
    recs = [json.loads(line) for line in cap.out.splitlines() if line.strip()]
    return rc, recs, cap.err


def errors(recs):
    return [r for r in recs if "error" in r]


def good(recs):
    return [r for r in recs if "error" not in r]


def test_error_record_form():
    rec = InputFailure("a.jsonl:line 7", "malformed", "a.jsonl:line 7: invalid JSON").to_record()
    assert rec == {"id": "a.jsonl:line 7", "error": {"kind": "malformed", "message": "a.jsonl:line 7: invalid JSON",
                                                     "origin": "a.jsonl:line 7"}}


def test_empty_and_whitespace_only_files(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n  \u00a0\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    rc, recs, err = run(capsys, tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "good.txt")
    assert rc == 1
    e1, e2 = errors(recs)
    assert e1["error"]["kind"] == "empty" and "empty.txt" in e1["error"]["origin"] and "0 bytes" in e1["error"]["message"]
    assert e2["error"]["kind"] == "empty" and "whitespace-only" in e2["error"]["message"]
    assert len(good(recs)) == 1 and good(recs)[0]["text"] == GOOD
    assert "empty.txt" in err and "blank.txt" in err


def test_binary_png(tmp_path, capsys):
    (tmp_path / "photo.png").write_bytes(png_bytes())
    (tmp_path / "no_extension").write_bytes(png_bytes())
    rc, recs, err = run(capsys, tmp_path / "photo.png", tmp_path / "no_extension")
    assert rc == 1 and len(errors(recs)) == 2
    for r in recs:
        assert r["error"]["kind"] == "binary" and "PNG" in r["error"]["message"]
    assert "photo.png" in err


@pytest.mark.parametrize("data,what", [(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
                                       (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
                                       (b"\x7fELF\x02\x01\x01\x00", "ELF"),
                                       (bytes(range(256)) * 4, "NUL")])
def test_other_binaries(data, what):
    (item,) = read_bytes(data, "blob")
    assert isinstance(item, InputFailure) and item.kind == "binary" and what in item.message


def test_undecodable_bytes_are_an_encoding_error_not_mojibake():
    import random
    rng = random.Random(3)
    data = bytes(rng.randrange(128, 256) for _ in range(5000))
    (item,) = read_bytes(data, "noise.txt")
    assert item.kind == "encoding" and "noise.txt" in item.message and "UTF-8" in item.message


def test_fifty_megabyte_text_is_too_large_by_default(tmp_path, capsys):
    big = tmp_path / "big.txt"
    line = ("خبر " * 24 + "\n").encode("utf-8")           # 100 characters a line
    with open(big, "wb") as f:
        f.write(line * (50_000_000 // len(line) + 1))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    t0 = time.perf_counter()
    rc, recs, err = run(capsys, big, tmp_path / "good.txt")
    assert time.perf_counter() - t0 < 30
    assert rc == 1
    (e,) = errors(recs)
    assert e["error"]["kind"] == "too_large" and e["error"]["origin"].endswith("big.txt")
    assert "--max-chars" in e["error"]["message"] and "2,000,000" in e["error"]["message"]
    assert len(good(recs)) == 1


def test_max_chars_raises_and_lowers_the_limit(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text(GOOD * 30, encoding="utf-8")
    rc, recs, _ = run(capsys, p, "--max-chars", "1000")
    assert rc == 1 and recs[0]["error"]["kind"] == "too_large" and "--max-chars" in recs[0]["error"]["message"]
    rc, recs, _ = run(capsys, p, "--max-chars", "5000")
    assert rc == 0 and recs[0]["text"] == GOOD * 30


def test_jsonl_with_one_malformed_line(capsys):
    rc, recs, err = run(capsys, FX / "posts_bad_line.jsonl")
    assert rc == 1
    (e,) = errors(recs)
    assert e["error"]["kind"] == "malformed"
    assert e["error"]["origin"].endswith("posts_bad_line.jsonl:line 3") and "line 3" in e["error"]["message"]
    assert [r["id"] for r in good(recs)] == ["b1", "b2", "b4"]
    assert "posts_bad_line.jsonl:line 3" in err


def test_jsonl_line_without_text_field_and_non_object(tmp_path, capsys):
    p = tmp_path / "x.jsonl"
    p.write_text('{"text": "%s"}\n{"headline": "no text", "lang": "ar"}\n[1, 2]\n' % GOOD, encoding="utf-8")
    rc, recs, _ = run(capsys, p)
    assert rc == 1 and len(good(recs)) == 1
    e2, e3 = errors(recs)
    assert e2["error"]["kind"] == "missing_column" and "headline" in e2["error"]["message"]
    assert e2["error"]["origin"].endswith(":line 2")
    assert e3["error"]["kind"] == "malformed" and "array" in e3["error"]["message"]


def test_csv_without_the_text_column(tmp_path, capsys):
    p = tmp_path / "news.csv"
    p.write_text("id,date,headline,link\n1,2022-01-27,عنوان,https://example.org/1\n", encoding="utf-8")
    rc, recs, err = run(capsys, p)
    assert rc == 1
    (e,) = recs
    assert e["error"]["kind"] == "missing_column"
    for col in ("id", "date", "headline", "link"):
        assert col in e["error"]["message"]
    assert "--text-column" in e["error"]["message"]
    rc, recs, _ = run(capsys, p, "--text-column", "body")
    assert rc == 1 and "'body'" in recs[0]["error"]["message"]
    rc, recs, _ = run(capsys, p, "--text-column", "headline")
    assert rc == 0 and recs[0]["text"] == "عنوان" and recs[0]["published"] == "2022-01-27"


def test_csv_row_with_too_many_fields(tmp_path, capsys):
    p = tmp_path / "x.csv"
    p.write_text(f"id,text\n1,{GOOD}\n2,نص فيه, فاصلة غير محمية\n", encoding="utf-8")
    rc, recs, _ = run(capsys, p)
    assert rc == 1 and recs[0]["id"] == "1"
    assert recs[1]["error"]["kind"] == "malformed" and recs[1]["error"]["origin"].endswith("x.csv:line 3")


def test_nonexistent_path_does_not_stop_the_batch(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    rc, recs, err = run(capsys, tmp_path / "missing.txt", tmp_path / "good.txt")
    assert rc == 1
    assert recs[0]["error"]["kind"] == "not_found" and "missing.txt" in recs[0]["error"]["message"]
    assert recs[1]["text"] == GOOD
    assert "missing.txt" in err


def test_directory_with_mixed_files(tmp_path, capsys):
    d = tmp_path / "inbox"
    (d / "sub" / "deeper").mkdir(parents=True)
    (d / ".git").mkdir()
    (d / "b.txt").write_text(GOOD, encoding="utf-8")
    (d / "a.png").write_bytes(png_bytes())
    (d / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (d / ".git" / "config").write_text("[core]", encoding="utf-8")
    (d / "sub" / "posts.jsonl").write_bytes((FX / "posts.jsonl").read_bytes())
    (d / "sub" / "deeper" / "win.txt").write_bytes((FX / "cp1256.txt").read_bytes())
    (d / "sub" / "zero.txt").write_bytes(b"")
    (d / "c.zip").write_bytes(b"PK\x03\x04" + bytes(40))
    rc, recs, _ = run(capsys, d)
    assert rc == 1
    origins = [(r.get("error") or {}).get("origin") or r["meta"]["input"] for r in recs]
    names = [o.replace(str(d) + "/", "") for o in origins]
    # recursed, sorted by name, a folder's files before its subfolders; hidden files and folders skipped
    assert names == ["a.png", "b.txt", "c.zip", "sub/posts.jsonl:line 1", "sub/posts.jsonl:line 2",
                     "sub/posts.jsonl:line 3", "sub/zero.txt", "sub/deeper/win.txt"]
    kinds = {n: (r.get("error") or {}).get("kind") for n, r in zip(names, recs)}
    assert kinds["a.png"] == "binary" and kinds["c.zip"] == "binary" and kinds["sub/zero.txt"] == "empty"
    assert len(good(recs)) == 5
    for r in good(recs):
        isnad.validate(r)


def test_empty_directory(tmp_path):
    (tmp_path / ".only_hidden").write_text("x")
    (item,) = read_inputs([str(tmp_path)])
    assert item.kind == "empty" and "no files" in item.message


def test_hostile_html_is_safe(tmp_path):
    depth = 50_000
    page = ("<html><head><title>t</title><script>document.write('<p>حقن</p>')</script></head><body>"
            + "<div>" * depth + "<p onclick=\"steal()\">خبر عن افتتاح مدرسة جديدة في مدينة حلب بعد ترميمها.</p>"
            + "</div>" * depth + "<style>p{color:red}</style><img src=x onerror=alert(1)>"
            + "<script>alert('xss')</script><iframe src='javascript:alert(1)'></iframe></body></html>")
    p = tmp_path / "evil.html"
    p.write_text(page, encoding="utf-8")
    t0 = time.perf_counter()
    items = list(read_inputs([str(p)]))
    assert time.perf_counter() - t0 < 20
    (d,) = items
    assert isinstance(d, InputDoc)
    assert "افتتاح مدرسة جديدة" in d.text
    for bad in ("alert", "steal", "document.write", "color:red", "حقن"):
        assert bad not in d.text


def test_unclosed_and_garbage_html_never_crashes():
    for markup in ("<html><body><p>نص <b>بلا <i>إغلاق", "<html>" + "<table><tr><td>" * 5000,
                   "<!DOCTYPE html><html><body></body></html>", "<html><body><script>only()</script>"):
        for item in read_bytes(markup.encode(), "x.html"):
            assert isinstance(item, (InputDoc, InputFailure))


def test_hostile_text_cannot_inject_html(nlp):
    text = ('قال "المصدر" <script>alert(1)</script> إن <img src=x onerror=alert(2)> ' "' & \" ]]> "
            "\x01\x1b <!-- --> </div></body>")
    doc = nlp(text)
    rec = doc.to_json()
    rec["meta"] = {"url": "javascript:alert(3)", "author": "<b onmouseover=x>", "title": "</title><script>"}
    # a later stage's spans, overlapping and nested, some out of range: rendered by offsets, never broken
    rec["entities"] = [{"id": "e1", "start": 0, "end": 3, "text": text[0:3], "label": "PERS<x>", "type": None,
                        "actor": None},
                       {"id": "e2", "start": 2, "end": 20, "text": text[2:20], "label": "ORG", "type": None,
                        "actor": {"id": "a", "name": "<svg/onload=1>", "type": "x", "wikidata": None}},
                       {"id": "e3", "start": 5, "end": 10_000, "text": "", "label": "LOC", "type": None, "actor": None}]
    page = render_page([rec, {"id": "<x>", "error": {"kind": "k", "message": "<script>", "origin": "<o>"}}])
    assert "<script" not in page and "<img" not in page and "<svg" not in page and "<b " not in page
    assert "javascript:alert(3)" in page          # shown as text only
    root = ET.fromstring(page.split("\n", 1)[1])   # well-formed
    texts = "".join(root.itertext())
    assert "<script>alert(1)</script>" in texts      # the hostile text is displayed, as text


def test_lone_surrogates_in_json_are_replaced(capsys, tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"text": "خبر \\ud83d عاجل", "author": "\\udc00x"}\n', encoding="utf-8")
    rc, recs, _ = run(capsys, p)
    assert rc == 0 and recs[0]["text"] == "خبر \ufffd عاجل" and recs[0]["meta"]["author"] == "\ufffdx"


def test_deeply_nested_json_is_malformed_not_a_crash():
    (item,) = read_bytes(b"[" * 200_000, "deep.json")
    assert item.kind == "malformed"


def test_telegram_export_without_text_messages(tmp_path):
    p = tmp_path / "result.json"
    p.write_text(json.dumps({"name": "c", "type": "public_channel", "id": 1, "messages": [
        {"id": 1, "type": "service", "action": "pin_message", "text": ""},
        {"id": 2, "type": "message", "photo": "photos/1.jpg", "text": ""}]}), encoding="utf-8")
    (item,) = read_inputs([str(p)])
    assert item.kind == "empty" and "2 messages" in item.message


def test_empty_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    rc, recs, err = run(capsys, "-")
    assert rc == 1 and recs[0]["error"]["origin"] == "<stdin>" and recs[0]["error"]["kind"] == "empty"


def test_all_good_exits_zero(capsys):
    rc, recs, err = run(capsys, FX / "posts.jsonl", FX / "plain.txt")
    assert rc == 0 and len(recs) == 4 and not err


@pytest.mark.parametrize("args", [["analyze", "-f", "docx"], ["analyze", "--input-format", "pdf", "x"],
                                  ["analyze", "--max-chars", "-5", "x"], ["analyze", "--published", "yesterday"],
                                  ["frobnicate"]])
def test_usage_errors_exit_2(args, capsys):
    with pytest.raises(SystemExit) as e:
        main(args)
    assert e.value.code == 2
    capsys.readouterr()


def test_no_command_exits_2(capsys):
    assert main([]) == 2
    capsys.readouterr()


def test_unwritable_output_exits_2(tmp_path, capsys):
    rc = main(["analyze", "--no-progress", "-o", str(tmp_path / "no" / "such" / "dir" / "out.json")])
    assert rc == 2 and "cannot write" in capsys.readouterr().err
