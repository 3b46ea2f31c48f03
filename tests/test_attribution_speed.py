"""QA-4: attribution and claims stay near-linear on long runs of reporting clauses.

Before the fix, ``"قال إن " × 4000`` (8,000 tokens, one sentence) took ~23 s of CPU in
attribution and ~3 s in claims, and ``'قال "' × 4000`` ~35 s: every cue rescanned the
sentence, every pair of attributions was compared.  Now both take well under a second.
The bounds below are CPU time (``time.process_time``, not wall clock) with more than 10x
headroom over the current figure, and the quadratic code exceeded them 4-6 times over; the
ratio check says the same without any absolute threshold.
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
