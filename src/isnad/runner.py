"""Batch analysis: inputs → records, one bad document never stopping the others."""
from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass
from typing import Iterable, Iterator

from .document import Document, text_id
from .io.readers import InputDoc, InputFailure


@dataclass
class BatchStats:
    ok: int = 0
    failed: int = 0


def analyze_inputs(items: Iterable[InputDoc | InputFailure], nlp, *, published: str | None = None,
                   stats: BatchStats | None = None, debug: bool = False) -> Iterator[dict]:
    """Yield one record per input item: the analysed document, or an error record
    ``{"id", "error": {"kind", "message", "origin"}}``."""
    stats = stats if stats is not None else BatchStats()
    for item in items:
        if isinstance(item, InputFailure):
            stats.failed += 1
            yield item.to_record()
            continue
        try:
            meta = dict(item.meta)
            meta.setdefault("input", item.origin)
            doc = Document(item.text, id=item.id or text_id(item.text), meta=meta, kind=item.kind,
                           published=item.published)
            doc = nlp(doc, published=published)
            rec = doc.to_json()
        except Exception as e:  # a stage failed on this document: report it, keep the batch going
            stats.failed += 1
            if debug:
                traceback.print_exc(file=sys.stderr)
            yield InputFailure(item.origin, "processing", f"{type(e).__name__}: {e}", id=item.id).to_record()
            continue
        stats.ok += 1
        yield rec
