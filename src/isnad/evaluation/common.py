"""Shared helpers for evaluations: finding ../shared/data, and P/R/F1."""
from __future__ import annotations

import os
from pathlib import Path


class DataMissing(Exception):
    """The evaluation data is not on this machine (a user's machine has no ../shared)."""


def shared_data(*parts: str) -> Path:
    """Path under ``shared/data``: $ISNAD_SHARED_DATA, else ``shared/data`` beside the
    checkout (../shared/data from the repo root or the current directory)."""
    candidates = []
    env = os.environ.get("ISNAD_SHARED_DATA")
    if env:
        candidates.append(Path(env))
    here = Path(__file__).resolve()
    for base in [Path.cwd(), *Path.cwd().parents, *here.parents]:
        candidates.append(base / "shared" / "data")
        candidates.append(base.parent / "shared" / "data")
    for c in candidates:
        p = c.joinpath(*parts)
        if p.exists():
            return p
    raise DataMissing(f"evaluation data not found: shared/data/{'/'.join(parts)} "
                      f"(set ISNAD_SHARED_DATA to the shared/data folder)")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
