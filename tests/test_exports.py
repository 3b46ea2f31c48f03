"""PLOVER JSONL, ACLED-style CSV and GeoJSON exports of event records."""
import csv
import io
import json

import isnad
from isnad.io.exports import ACLED_COLUMNS, ISNAD_COLUMNS, export_acled, export_geojson, export_plover

TEXT = ("قالت مصادر محلية إن خمسة أشخاص قتلوا وأصيب 13 آخرون في قصف مدفعي على بلدة في ريف حلب أمس. "
        "واتهمت الحكومة المعارضة بالوقوف وراء الهجوم.")


def _record(nlp):
    return nlp(TEXT, published="2022-01-27").to_json()


def test_plover_jsonl(nlp, tmp_path):
    rec = _record(nlp)
    out = io.StringIO()
    n = export_plover([rec, {"id": "bad", "error": {"kind": "x", "message": "y"}}], out)
    lines = out.getvalue().splitlines()
    assert n == len(lines) == len(rec["events"]) and n >= 1
    objs = [json.loads(x) for x in lines]
    for o in objs:
        for k in ("id", "date", "actor", "source", "recipient", "event", "mode", "event_loc", "size",
                  "dead", "injured", "text", "cite_info", "quad_code", "event_scale", "isnad"):
            assert k in o
        assert o["date"] == "2022-01-27" or o["isnad"]["date_source"] == "event"
        assert o["isnad"]["status"] in ("asserted", "reported", "alleged", "denied")
        assert o["isnad"]["evidence"][0]["role"] == "trigger"
        assert o["text"] and o["text"] in rec["text"]
    assault = [o for o in objs if o["event"] == ["ASSAULT"]]
    assert assault and assault[0]["dead"] == 5 and assault[0]["injured"] == 13
    assert assault[0]["mode"] == ["heavy-weapons"] and assault[0]["quad_code"] == 4
    # a path works too
    p = tmp_path / "events.jsonl"
    assert export_plover([rec], p) == n and p.read_text(encoding="utf-8").count("\n") == n


def test_acled_csv(nlp, tmp_path):
    rec = _record(nlp)
    out = io.StringIO()
    n = export_acled([rec], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0].keys()) == ACLED_COLUMNS + ISNAD_COLUMNS
    assert n == len(rows)
    # verbal acts (ACCUSE) are not ACLED events
    assert all(r["plover_type"] != "ACCUSE" for r in rows)
    r = next(r for r in rows if r["plover_type"] == "ASSAULT")
    assert r["event_type"] == "Explosions/Remote violence"
    assert r["sub_event_type"] == "Shelling/artillery/missile attack"
    assert r["fatalities"] == "5" and r["fatalities_known"] == "true"
    assert r["event_date"] and r["time_precision"] in ("1", "2", "3")
    assert r["status"] in ("reported", "alleged", "asserted") and json.loads(r["evidence"])
    assert export_acled([rec], tmp_path / "a.csv", all_types=True) >= n


def test_geojson(nlp):
    rec = _record(nlp)
    out = io.StringIO()
    n = export_geojson([rec], out)
    gj = json.loads(out.getvalue())
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == n
    for f in gj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["role"] in ("event", "origin", "destination")


def test_example_exports(example_record):
    out = io.StringIO()
    n = export_plover([example_record], out)
    assert n == len(example_record["events"])
    out = io.StringIO()
    export_acled([example_record], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert any(r["plover_type"] == "RETREAT" and r["sub_event_type"] == "Non-violent transfer of territory"
               for r in rows)
    out = io.StringIO()
    export_geojson([example_record], out)
    json.loads(out.getvalue())


def test_empty_inputs():
    for fn in (export_plover, export_acled, export_geojson):
        out = io.StringIO()
        assert fn([], out) == 0
        assert fn([{"id": "x", "error": {"kind": "read", "message": "m"}}], out) == 0
    doc = isnad.Document("لا شيء هنا")
    out = io.StringIO()
    assert export_plover([doc.to_json()], out) == 0
