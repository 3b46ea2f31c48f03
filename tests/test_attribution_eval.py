"""`isnad eval attribution` on the annotated SaudiNewsNet articles (standoff annotations)."""
from conftest import require_shared


def test_annotations_are_standoff_only():
    import json
    from isnad.evaluation.attribution import DATA
    for split in ("dev", "test", "holdout", "final", "blind2", "blind3", "blind4"):
        for line in (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
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
    for split in ("test", "final", "blind3"):
        r = evaluate(split)
        assert r["articles"] >= 25
        assert r["cue_exact"]["f1"] >= 0.92, split
        assert r["source_overlap"]["f1"] >= 0.90, split
