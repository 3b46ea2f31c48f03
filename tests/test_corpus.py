"""The corpus layer (isnad.corpus): ingest, near-duplicates, stories, search, export from a store.

Real analysis of short Arabic documents written for these tests (tests/fixtures/corpus) and the
bundled example; a temporary SQLite store per module.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from isnad import cli
from isnad.corpus import Store
from isnad.corpus import dedup
from isnad.corpus.search import QueryError, matching_ids, parse_query, search
from isnad.corpus.stories import stories

FIX = Path(__file__).parent / "fixtures" / "corpus"
EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "isnad" / "examples" / "sputnik_retweet.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    """A store filled through the CLI, as a user would: articles + the bundled example."""
    path = tmp_path_factory.mktemp("corpus") / "isnad.db"
    rc = cli.main(["ingest", str(FIX / "articles.jsonl"), str(EXAMPLE), "--db", str(path),
                   "--published", "2022-01-27", "--no-progress"])
    assert rc == 0
    return path


@pytest.fixture(scope="module")
def store(db):
    s = Store(str(db))
    yield s
    s.close()


def ids(res) -> set[str]:
    return {r["id"] for r in res["results"]}


def test_ingest_is_idempotent(db, store, capsys):
    before = store.counts()["documents"]
    assert before == 5
    rc = cli.main(["ingest", str(FIX / "articles.jsonl"), str(EXAMPLE), "--db", str(db),
                   "--published", "2022-01-27", "--no-progress"])
    assert rc == 0
    err = capsys.readouterr().err
    assert "0 new, 5 already stored, 0 failed" in err
    assert store.counts()["documents"] == before


def test_record_files_are_ingested_without_reanalysis(tmp_path, store):
    recs = list(store.records(["iraq-003", "post-009"]))
    f = tmp_path / "recs.jsonl"
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    other = tmp_path / "other.db"
    assert cli.main(["ingest", str(f), "--db", str(other), "--no-progress"]) == 0
    s2 = Store(str(other))
    assert {r["id"] for r in s2.records()} == {"iraq-003", "post-009"}
    assert s2.get("iraq-003") == recs[0]


def test_same_id_different_text_is_kept_apart(tmp_path, store):
    s2 = Store(str(tmp_path / "ids.db"))
    rec = store.get("post-009")
    assert s2.add(rec) == ("new", "post-009")
    changed = dict(rec, text=rec["text"] + " تحديث")
    status, doc_id = s2.add(changed)
    assert status == "new" and doc_id.startswith("post-009~")
    assert s2.add(changed) == ("already", doc_id)


def test_bad_document_in_a_batch_does_not_lose_the_others(tmp_path, capsys):
    path = tmp_path / "bad.db"
    rc = cli.main(["ingest", str(FIX / "batch_with_bad.jsonl"), "--db", str(path), "--no-progress"])
    assert rc == 1
    err = capsys.readouterr().err
    assert "batch_with_bad.jsonl:line 2" in err and "2 new, 0 already stored, 1 failed" in err
    s = Store(str(path))
    assert {r["id"] for r in s.records()} == {"ok-101", "ok-103"}
    assert s.counts()["failures"] == 1


def test_republication_is_linked(store):
    links = {(ln["doc_a"], ln["doc_b"]): ln for ln in store.links()}
    ln = links[("wire-001", "daily-017")]
    assert ln["kind"] == "republication" and 0.5 <= ln["jaccard"] < 0.9
    assert not any("iraq-003" in k for k in links)


def test_republication_forms_one_story_with_the_earliest_as_origin(store):
    items = stories(store)
    assert len(items) == 1
    s = items[0]
    assert s["origin"] == "wire-001" and s["size"] == 2
    assert [d["id"] for d in s["documents"]] == ["wire-001", "daily-017"]
    assert s["date_range"] == ["2022-01-21", "2022-01-22"]
    assert s["outlets"][:2] == ["وكالة الخبر", "صحيفة اليوم"]
    assert s["claims"] == sum(len(store.get(d)["claims"]) for d in ("wire-001", "daily-017"))
    assert s["id"] == stories(store)[0]["id"]          # deterministic
    assert s["state_media"] == [] and s["state_media_involved"] is False


def test_story_reports_state_media_and_innermost_sources(store, tmp_path):
    rec = store.get("b9d3c16ed7f83b09")
    s2 = Store(str(tmp_path / "sm.db"))
    s2.add(rec)
    copy = dict(rec, id="repost", published="2022-01-28",
                text="نقلا عن وكالة سبوتنيك:\n" + rec["text"].replace("“", '"').replace("”", '"'))
    s2.add(copy)
    (story,) = stories(s2)
    assert story["origin"] == "b9d3c16ed7f83b09"
    assert story["state_media_involved"] and story["state_media"][0]["actor"] == "sputnik"
    assert story["innermost_sources"].get("anonymous", 0) > 0


def test_dedup_thresholds_on_real_text():
    text = EXAMPLE.read_text(encoding="utf-8")
    a = dedup.signature(text)
    # re-punctuated, hamza/taa-marbuta variants: the same text to the shingler
    b = dedup.signature(text.replace("أ", "ا").replace("،", " ").replace("ة ", "ه "))
    assert a.full.jaccard(b.full) >= dedup.DUPLICATE
    other = dedup.signature((FIX / "articles.jsonl").read_text(encoding="utf-8"))
    assert a.full.jaccard(other.full) < 0.2


def test_wire_lead_inside_a_longer_article_is_a_shared_lead():
    recs = [json.loads(x) for x in (FIX / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    lead = recs[0]["text"]
    longer = lead + " " + recs[2]["text"] + " " + recs[3]["text"] + " " + recs[2]["text"]
    idx = dedup.DedupIndex()
    idx.add("short", dedup.signature(" ".join(lead.split()[:55])))
    found = idx.add("long", dedup.signature(longer))
    assert [(x.other, x.kind) for x in found] == [("short", "shared_lead")]


def test_index_rebuilds_from_the_database(db):
    fresh = Store(str(db))                      # a new process would do the same
    idx = fresh.dedup_index()
    assert len(idx) == 5 and "wire-001" in idx
    rec = fresh.get("wire-001")
    assert [x.other for x in idx.links("x", dedup.signature(rec["text"]))][:1] == ["wire-001"]


def test_search_text_is_normalised(store):
    # wire-001 writes الحسكة, daily-017 writes الحسكه: both spellings find both
    for q in ("الحسكة", "الحسكه"):
        got = ids(search(store, q))
        assert {"wire-001", "daily-017", "b9d3c16ed7f83b09"} <= got, q
        assert "iraq-003" not in got
    # a proclitic in the text (بالحسكة in wire-001's title) is found from the bare word, and vice versa
    assert ids(search(store, "بالحسكه")) == {"wire-001"}
    res = search(store, "خوفا")                 # خوفاً (tanwin) in daily-017
    assert ids(res) == {"wire-001", "daily-017"}
    hit = res["results"][0]
    a, b = hit["match"]
    assert hit["snippet"][a:b].startswith("خوف")


def test_search_phrase_and_all_words(store):
    assert ids(search(store, '"سجن الصناعة"')) == {"wire-001", "daily-017", "b9d3c16ed7f83b09"}
    assert ids(search(store, "الموصل الخفاجي")) == {"iraq-003"}
    assert ids(search(store, "الموصل سبوتنيك")) == set()


def test_search_by_actor_and_place(store):
    assert {"wire-001", "daily-017", "b9d3c16ed7f83b09"} <= ids(search(store, "actor:sdf"))
    assert "iraq-003" not in ids(search(store, "actor:sdf"))
    hasakah = {"wire-001", "daily-017", "b9d3c16ed7f83b09"}
    for q in ("place:الحسكة", "place:الحسكه", "place:Hasakah", "place:geonames:173811"):
        assert ids(search(store, q)) == hasakah, q
    assert ids(search(store, "place:الموصل")) == {"iraq-003"}
    assert ids(search(store, "actor:sputnik place:الحسكة")) == {"b9d3c16ed7f83b09"}


def test_search_by_event_type_and_status(store):
    rec = store.get("iraq-003")
    denied = [e for e in rec["events"] if e["status"] == "denied"]
    assert denied, "the denial in iraq-003 should give a denied event"
    assert ids(search(store, "status:denied")) == {"iraq-003"}
    assert "iraq-003" in ids(search(store, f"type:{denied[0]['type']} status:denied"))
    some = store.get("wire-001")["events"][0]
    assert "wire-001" in ids(search(store, f"type:{some['type'].lower()}"))


def test_search_by_date_kind_and_source(store):
    assert ids(search(store, "from:2022-02-01 to:2022-03-31")) == {"iraq-003", "post-009"}
    assert ids(search(store, "to:2022-01-21")) == {"wire-001"}
    assert ids(search(store, "kind:retweet")) == {"b9d3c16ed7f83b09"}
    assert "b9d3c16ed7f83b09" in ids(search(store, "source:anonymous"))
    assert "post-009" in ids(search(store, "source:local"))


def test_search_results_and_paging(store):
    res = search(store, "سوريا", limit=1)
    assert res["total"] >= 3 and len(res["results"]) == 1
    r = res["results"][0]
    assert set(r) >= {"id", "published", "kind", "snippet", "match", "counts"}
    assert r["counts"]["claims"] == len(store.get(r["id"])["claims"])
    nxt = search(store, "سوريا", limit=1, offset=1)["results"][0]
    assert nxt["id"] != r["id"]


def test_bad_queries_are_usage_errors(db, capsys):
    with pytest.raises(QueryError):
        parse_query("from:2022-13-40")
    with pytest.raises(QueryError):
        parse_query("status:maybe")
    assert cli.main(["search", "to:yesterday", "--db", str(db)]) == 2
    assert "to:" in capsys.readouterr().err
    assert cli.main(["search", "x", "--db", str(db.parent / "missing.db")]) == 1


def test_cli_search_and_stories(db, capsys):
    assert cli.main(["search", "الحسكه", "actor:sdf", "--db", str(db), "-f", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 3
    assert cli.main(["stories", "--db", str(db), "-f", "pretty"]) == 0
    assert "origin: wire-001" in capsys.readouterr().out


def test_export_plover_from_the_store(db, tmp_path, store):
    out = tmp_path / "events.jsonl"
    assert cli.main(["export", "-f", "plover", "--db", str(db), "--query", "place:الحسكة", "-o", str(out)]) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["event"] for r in rows)
    expected = sum(len(store.get(d)["events"]) for d in matching_ids(store, "place:الحسكة"))
    assert len(rows) == expected
    assert {r["id"].rsplit("-ev", 1)[0] for r in rows} <= {"wire-001", "daily-017", "b9d3c16ed7f83b09"}


def test_export_usage(db):
    assert cli.main(["export", "-f", "csv"]) == 2
    assert cli.main(["export", "-f", "csv", "--db", str(db), "x.json"]) == 2


@pytest.mark.skipif(not os.environ.get("ISNAD_TEST_POSTGRES"),
                    reason="set ISNAD_TEST_POSTGRES=postgresql://... to test against a PostgreSQL server")
def test_postgres_store(store):  # pragma: no cover - needs a server
    pg = Store(os.environ["ISNAD_TEST_POSTGRES"])
    for d in ("wire-001", "daily-017", "iraq-003"):
        pg.add(store.get(d))
    assert {"wire-001", "daily-017"} <= ids(search(pg, "الحسكه"))
    assert ids(search(pg, "status:denied")) == {"iraq-003"}
    assert stories(pg)[0]["origin"] == "wire-001"


def test_like_fallback_gives_the_same_hits(db):
    """Other databases (PostgreSQL) search the stored normalised text with LIKE: same answers."""
    s = Store(str(db))
    s.fts = False
    s.word_function = False     # the regular-expression word match PostgreSQL would run
    for q in ("الحسكه", "بالحسكة", '"سجن الصناعة"', "الموصل الخفاجي", "في", "سوريا actor:sdf"):
        assert ids(search(s, q, limit=50)) == ids(search(Store(str(db)), q, limit=50)), q


_OTHER_TEXTS = {"other-1": "أفاد سكان بأن دوي انفجارات سمع قرب المبنى طوال ساعات الليل الماضية.",
                "late-1": "تجددت المواجهات بعد أسابيع من الهدوء النسبي وفق ما ذكره شهود.",
                "wide-1": "شهدت البلاد موجة توتر جديدة خلال عطلة نهاية الأسبوع بحسب مراقبين."}


def _event_record(doc_id, published, typ, gid, precision):
    text = _OTHER_TEXTS[doc_id]
    return {"schema": "isnad/1", "id": doc_id, "text": text, "lang": "ar", "kind": "post",
            "published": published, "meta": {"outlet": "another"}, "sentences": [], "entities": [],
            "places": [{"id": "p1", "start": 0, "end": 2, "text": text[:2], "name": "x", "gazetteer_id": gid,
                        "precision": precision, "no_match": False}],
            "times": [], "sources": [], "attributions": [], "claims": [],
            "events": [{"id": "v1", "type": typ, "place": "p1", "time": None, "status": "reported"}],
            "narratives": []}


def test_stories_by_event_type_and_place_within_three_days(store, tmp_path):
    wire = store.get("wire-001")
    placed = {p["id"]: p for p in wire["places"]}
    ev = next(e for e in wire["events"] if e.get("place") and
              placed[e["place"]].get("precision") not in ("country", "region", "admin1"))
    gid = placed[ev["place"]]["gazetteer_id"]
    s2 = Store(str(tmp_path / "ev.db"))
    s2.add(wire)
    s2.add(_event_record("other-1", "2022-01-23", ev["type"], gid, "point"))
    s2.add(_event_record("late-1", "2022-02-20", ev["type"], gid, "point"))
    s2.add(_event_record("wide-1", "2022-01-22", ev["type"], "geonames:163843", "country"))
    assert stories(s2) == []                       # no shared words
    (st,) = stories(s2, events=True)
    assert [d["id"] for d in st["documents"]] == ["wire-001", "other-1"]
    assert st["links"][0]["kind"] == "same_event" and st["links"][0]["place"] == gid


def test_eval_dedup_on_saudinewsnet(capsys):
    """Republished wire stories in real newspapers are linked (300 articles: a few seconds)."""
    from conftest import require_shared

    from isnad.evaluation import dedup as ev
    require_shared("saudinewsnet", "dataset")
    res = ev.evaluate(300)
    assert res["articles"] == 300 and res["outlets"] >= 5
    assert res["links"].get("republication", 0) > 0 and res["stories_multi_outlet"] > 0
    rp = res["recall_proxy"]
    assert rp["pairs"] == 0 or rp["same_story"] / rp["pairs"] >= 0.9
    for row in ev.read_judgements():     # standoff only: keys and short hashes, no text
        assert set(row["a"]) <= set("0123456789-.zip:") and len(row["sha_a"]) == 6


def test_two_stores_on_one_database_see_each_others_documents(tmp_path, store):
    """A web server and an `isnad ingest` run share the database: links cross between them."""
    path = str(tmp_path / "shared.db")
    server, cli_run = Store(path), Store(path)
    assert len(server.dedup_index()) == 0 and len(cli_run.dedup_index()) == 0   # both indexes built, empty
    assert server.add(store.get("wire-001"))[0] == "new"
    assert cli_run.add(store.get("daily-017"))[0] == "new"   # links to what the server stored
    assert server.links() == cli_run.links()
    assert [(ln["doc_a"], ln["doc_b"]) for ln in server.links()] == [("wire-001", "daily-017")]
    assert cli_run.add(store.get("wire-001")) == ("already", "wire-001")


def test_odd_records_are_stored_or_logged_never_crash(tmp_path):
    s = Store(str(tmp_path / "odd.db"))
    odd = {"schema": "isnad/1", "id": "x" * 1000, "text": "نص قصير 🙂 <b>", "published": "yesterday",
           "meta": ["not", "a", "dict"], "entities": [{"id": "e1", "actor": "not-a-dict"}, "junk"],
           "places": [{"id": "p1", "gazetteer_id": None, "name": None}], "sources": [None, {"kind": 7}],
           "events": [{"type": 42, "status": None, "place": "nowhere"}], "claims": [{"chain": ["s9"]}]}
    status, doc_id = s.add(odd)
    assert status == "new" and len(doc_id) <= 200
    assert s.get(doc_id)["id"] == "x" * 1000           # the record itself is kept as given
    assert search(s, "نص")["results"][0]["published"] is None
    counts = s.add_many([{"id": "e", "error": {"kind": "processing", "message": "boom"}}, "not a record",
                         {"id": "no-text"}, odd])
    assert counts == {"failed": 3, "already": 1}
    assert s.counts()["failures"] == 3
