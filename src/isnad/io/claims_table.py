"""Claims as a flat CSV table: one row per claim with the chain that carries it.

What a verification desk sorts and filters first: which claims rest on whom,
with what status and how check-worthy.  The chain is written outermost first as
``kind:name`` links joined by `` → ``.
"""
from __future__ import annotations

import csv
from typing import Iterable

COLUMNS = ["doc_id", "claim_id", "start", "end", "claim", "status", "checkworthiness",
           "chain", "innermost_source", "innermost_kind", "chain_inherited", "published", "input"]


def claim_rows(records: Iterable[dict]):
    for rec in records:
        if "error" in rec:
            continue
        sources = {s["id"]: s for s in rec.get("sources", [])}
        for c in rec.get("claims", []):
            links = [sources[x] for x in c.get("chain", []) if x in sources]
            inner = links[-1] if links else None
            yield {
                "doc_id": rec["id"], "claim_id": c["id"], "start": c["start"], "end": c["end"],
                "claim": c["text"], "status": c.get("status"),
                "checkworthiness": "" if c.get("checkworthiness") is None else f"{c['checkworthiness']:.3f}",
                "chain": " → ".join(f"{s['kind']}:{s.get('name') or '?'}" for s in links),
                "innermost_source": inner.get("name") if inner else "",
                "innermost_kind": inner["kind"] if inner else "",
                "chain_inherited": bool(c.get("chain_inherited")),
                "published": rec.get("published") or "", "input": rec.get("meta", {}).get("input", ""),
            }


def export_claims_csv(records: Iterable[dict], out) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS)
    w.writeheader()
    n = 0
    for row in claim_rows(records):
        w.writerow(row)
        n += 1
    return n
