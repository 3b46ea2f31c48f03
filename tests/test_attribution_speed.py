"""QA-4: attribution and claims stay near-linear on long runs of reporting clauses.

Before the fix, ``"قال إن " × 4000`` (8,000 tokens, one sentence) took 14 s of CPU here
(attribution 11.8 s + claims 2.2 s; QA measured ~26 s under load) and ``'قال "' × 4000``
10.4 s: every cue rescanned the sentence, every pair of attributions was compared.  Now
they take 0.37 s and 0.29 s.  The bound below is CPU time (``time.process_time``, not wall
clock) with >20x headroom over the current figure; the ratio check (x4 input: linear ≈ 4x,
the old code 18x) needs no absolute threshold at all.
"""
import time

import pytest

from isnad.pipeline import Pipeline
from isnad.stages.attribution import AttributionStage
from isnad.stages.claims import ClaimsStage

UPSTREAM = ["normalize", "language", "segment", "tokenize", "doc_kind"]


@pytest.fixture(scope="module")
def prep():
    return Pipeline(UPSTREAM)


def _cpu(prep, text: str) -> tuple[float, object]:
    doc = prep(text)
    att, cla = AttributionStage(), ClaimsStage()
    t0 = time.process_time()
    att.process(doc)
    cla.process(doc)
    return time.process_time() - t0, doc


@pytest.mark.parametrize("unit", ["قال إن ", 'قال "'])
def test_long_runs_of_reporting_clauses_take_linear_time(prep, unit):
    small, _ = _cpu(prep, unit * 1000)
    big, doc = _cpu(prep, unit * 4000)
    assert len(doc.attributions) >= 3900          # every clause is still read
    assert big < 8.0, f"{unit!r} x 4000: {big:.1f} s CPU (was ~23-35 s before QA-4)"
    # 4x the input: linear ≈ 4x the time, quadratic ≈ 16x
    assert big < 10 * max(small, 0.02), f"{unit!r}: x1000 {small:.2f} s, x4000 {big:.2f} s"
