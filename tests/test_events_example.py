"""The bundled example (a retweeted Sputnik story) yields the events the issue lists, each
alleged or reported with its chain.  Checks on arguments from other stages (entities, places,
times, claims) apply when those stages ran, so the test holds while they land in DEFAULT."""
import isnad


def _events(rec, etype, subtype=None):
    return [e for e in rec["events"] if e["type"] == etype and (subtype is None or e.get("subtype") == subtype)]


def _by_id(rec):
    out = {}
    for name in ("entities", "places", "times", "sources", "claims"):
        for x in rec[name]:
            out[x["id"]] = x
    return out


def _texts(rec, ids):
    by = _by_id(rec)
    return [by[i]["text"] for i in ids if i in by]


def test_example_events(example_record):
    rec = example_record
    isnad.validate(rec)
    by = _by_id(rec)
    have_entities = bool(rec["entities"])

    # the transfer: US forces move 750 ISIS members from Sina'a prison (Hasakah) toward the Deir ez-Zor desert
    transfers = _events(rec, "MOBILIZE", "transfer")
    assert any(e["size"]["count"] == 750 for e in transfers)
    lede = min(transfers, key=lambda e: e["trigger"]["start"])
    assert lede["trigger"]["text"] == "نقلت" and lede["trigger"]["start"] < 20
    if have_entities:
        assert "القوات الأمريكية" in _texts(rec, lede["actor"])
        assert any("داعش" in t for t in _texts(rec, lede["target"]))
        with750 = next(e for e in transfers if e["size"]["count"] == 750)
        assert "القوات الأمريكية" in _texts(rec, with750["actor"])
    if rec["places"]:
        origin = by.get(lede.get("place_origin") or lede["place"])
        assert origin and ("سجن" in origin["text"] or "الحسكة" in origin["text"])
        dest = by.get(lede.get("place_destination"))
        assert dest and "دير الزور" in dest["text"]

    # the prison takeover by ISIS detainees "in the twentieth of this month"
    takeovers = _events(rec, "COERCE", "takeover")
    assert len(takeovers) >= 1
    if rec["times"]:
        assert any(by.get(e["time"], {}).get("value") == "2022-01-20" for e in takeovers)
    assert all(e["acled"]["event_type"] == "Battles" for e in takeovers)

    # the escape, the clashes with the SDF, the withdrawal from 3 points, the reconnaissance flights
    assert _events(rec, "ESCAPE")
    clashes = _events(rec, "ASSAULT", "clash")
    assert len(clashes) >= 3
    if have_entities:
        assert any("قوات سوريا الديمقراطية" in _texts(rec, e["actor"]) for e in clashes)
    withdraw = _events(rec, "RETREAT")
    assert any(e["mode"] == "withdraw" and e["size"]["count"] == 3 for e in withdraw)
    assert _events(rec, "MOBILIZE", "surveillance")

    # each alleged or reported, with the chain that carries it
    for e in rec["events"]:
        assert e["status"] in ("alleged", "reported"), (e["trigger"], e["status"])
        if rec["claims"]:
            assert e["claim"] and e["chain"], e["trigger"]
    if rec["sources"]:
        assert lede["status"] == "alleged"
        with750 = next(e for e in transfers if e["size"]["count"] == 750)
        assert with750["status"] == "alleged"
        kinds = [by[s]["kind"] for s in with750["chain"]]
        assert "anonymous" in kinds


def test_example_quotation_verbs_are_not_transfers(example_record):
    # "ونقلت وكالة سبوتنيك عن …", "ونقلت المصادر عن …", "الوكالة نقلت عن …" are quotations
    text = example_record["text"]
    for e in _events(example_record, "MOBILIZE", "transfer"):
        after = text[e["trigger"]["end"]:e["trigger"]["end"] + 30]
        assert " عن " not in after[:25].replace("“", " ").replace("”", " ") or "الأمريكية" in after
