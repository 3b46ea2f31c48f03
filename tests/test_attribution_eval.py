"""`isnad eval attribution` on the annotated SaudiNewsNet articles (standoff annotations)."""
from conftest import require_shared


def test_annotations_are_standoff_only():
    import json
    from isnad.evaluation.attribution import DATA
    files = sorted(DATA.glob("*.jsonl"))
    assert {"dev.jsonl", "blind4.jsonl", "blind4_iaa.jsonl", "blind5.jsonl"} <= {f.name for f in files}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            assert set(rec) == {"key", "h", "attributions"}
            for a in rec["attributions"]:
                for k in ("cue", "source", "via", "antecedent", "content"):
                    if a.get(k):
                        assert set(a[k]) == {"start", "end", "h"}     # offsets and a hash, no text


def test_eval_attribution_targets():
    """Regression guard on the splits the rules were last checked on (see
    training/attribution/README.md for the blind first-run figures)."""
    require_shared("saudinewsnet", "dataset")
    from isnad.evaluation.attribution import evaluate
    for split in ("test", "final", "blind3", "blind4"):
        r = evaluate(split)
        assert r["articles"] >= 25
        assert r["cue_exact"]["f1"] >= 0.92, split
        assert r["source_overlap"]["f1"] >= 0.90, split


def test_gold_vs_agreement():
    """Inter-annotator agreement on 12 blind4 articles (second annotator, blind4_iaa.jsonl)."""
    require_shared("saudinewsnet", "dataset")
    from isnad.evaluation.attribution import evaluate
    r = evaluate("blind4", gold_vs="blind4_iaa")
    assert r["articles"] == 12
    assert r["cue_exact"]["f1"] >= 0.95
