import csv
import io
import json

from isnad.cli import main


def _run(capsys, *argv):
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_export_from_records_and_from_raw_documents(tmp_path, capsys, example_text):
    rec_file = tmp_path / "ex.jsonl"
    rc, _, _ = _run(capsys, "analyze", "--published", "2022-01-27", "-f", "jsonl", "-o", str(rec_file))
    assert rc == 0
    rc, out, err = _run(capsys, "export", "-f", "csv", str(rec_file))
    assert rc == 0 and "rows written" in err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["doc_id"] for r in rows)
    # every claim row's text is the record's text at its offsets
    text = json.loads(rec_file.read_text(encoding="utf-8"))["text"]
    assert all(text[int(r["start"]):int(r["end"])] == r["claim"] for r in rows)
    assert any(r["innermost_kind"] == "anonymous" for r in rows)

    raw = tmp_path / "post.txt"
    raw.write_text(example_text, encoding="utf-8")
    rc, out2, _ = _run(capsys, "export", "-f", "plover", "--published", "2022-01-27", str(raw))
    assert rc == 0
    events = [json.loads(line) for line in out2.splitlines()]
    assert events and all(e["date"] for e in events)


def test_export_bad_record_line_is_reported_and_others_kept(tmp_path, capsys):
    rec_file = tmp_path / "ex.jsonl"
    assert main(["analyze", "--published", "2022-01-27", "-f", "jsonl", "-o", str(rec_file)]) == 0
    capsys.readouterr()
    good = rec_file.read_text(encoding="utf-8").strip()
    rec_file.write_text(good + "\n{not json\n" + good + "\n", encoding="utf-8")
    rc, out, err = _run(capsys, "export", "-f", "csv", str(rec_file))
    assert rc == 1 and "line 2" in err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len({r["claim_id"] for r in rows}) * 2 == len(rows)
