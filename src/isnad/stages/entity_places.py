"""Stage: align the NER's LOC entities with the place mentions the gazetteer resolved.

The statistical tagger works on ANERcorp-style tokens, so two things it gets wrong
are visible in every record next to the places, which come from the gazetteer:

* a multi-word name split into fragments (``دير`` + ``الزور`` as two LOC entities
  where the places list has one ``دير الزور``);
* a proclitic kept inside the span (``لآسيا``, ``والولايات المتحدة`` where the place
  is ``آسيا``, ``الولايات المتحدة``).

For every resolved place (``no_match`` false) that overlaps entities, when all of
those entities are NER-only ``LOC`` entities (``source: "ner"``: registry actors are
the actors stage's business) and they lie inside the place span, allowing before it
only a proclitic of the same written word (و ف ب ل ك and their combinations), they
are replaced by one ``LOC`` entity with the place's span.  The new entity says
``source: "ner+gazetteer"``, links the place in ``place`` and keeps the tagger's
spans in ``ner_spans``; the place links the entity in ``entity``.  An entity that
reaches past the end of the place, or one of another label, is left as it is: the
two stages disagree and the record shows both.  Nothing is added where the tagger
found nothing (a place's descriptor such as ``البلاد`` is not a named entity).

Entities are renumbered in text order afterwards and every reference made to them
so far (``entity`` of places, ``antecedent`` of descriptor entities) is rewritten,
so the stage must run right after ``places`` and before the stages that cite
entities (attribution, claims, events).

Written here rather than in the places stage because it is a reconciliation of two
stages' outputs, like the actors stage's reconciliation of the NER with the registry.
"""
from __future__ import annotations

from bisect import bisect_left

from ..document import Entity
from ..pipeline import Stage
from ..text.normalize import normalize

PROCLITIC_LETTERS = frozenset("وفبلك")
MAX_PROCLITIC = 3          # وبال → وب + ال: the ال stays in the place span


class EntityPlacesStage(Stage):
    name = "entity_places"
    needs = frozenset({"places"})          # and whatever entities the NER and actors stages left
    provides = frozenset({"entity_places"})

    def process(self, doc) -> None:
        ents = sorted(doc.entities, key=lambda e: (e.start, e.end))
        if not ents or not doc.places:
            return
        text = doc.text
        starts = [e.start for e in ents]
        longest = max(e.end - e.start for e in ents)
        replaced: dict[int, Entity] = {}        # id(old entity) -> new entity
        new_ents: list[Entity] = []
        place_of: dict[int, object] = {}        # id(new entity) -> place
        for p in sorted(doc.places, key=lambda p: (p.start, p.end)):
            if p.no_match or p.start >= p.end:
                continue
            ov = _overlapping(ents, starts, longest, p.start, p.end)
            ov = [e for e in ov if id(e) not in replaced]
            if not ov or not _mergeable(text, ov, p.start, p.end):
                continue
            if len(ov) == 1 and ov[0].start == p.start and ov[0].end == p.end:
                ov[0].extra.setdefault("place", p.id)
                continue
            old = ov[0]
            extra = {k: v for k, v in old.extra.items() if k not in ("source", "place")}
            extra.update({"source": "ner+gazetteer", "place": p.id,
                          "ner_spans": [[e.start, e.end] for e in ov]})
            ent = Entity("", p.start, p.end, text[p.start:p.end], "LOC", old.type, old.actor, extra)
            for e in ov:
                replaced[id(e)] = ent
            new_ents.append(ent)
            place_of[id(ent)] = p
        if not replaced:
            return
        kept = [e for e in ents if id(e) not in replaced] + new_ents
        kept.sort(key=lambda e: (e.start, e.end))
        old_ids = {e.id: e for e in ents}
        for i, e in enumerate(kept, 1):
            e.id = f"e{i}"
        new_id = {oid: (replaced.get(id(e)) or e).id for oid, e in old_ids.items()}
        for e in kept:
            ante = e.extra.get("antecedent")
            if isinstance(ante, str) and ante in new_id:
                e.extra["antecedent"] = new_id[ante]
        for p in doc.places:
            ref = p.extra.get("entity") if hasattr(p, "extra") else None
            if isinstance(ref, str) and ref in new_id:
                p.extra["entity"] = new_id[ref]
        for e in new_ents:
            place_of[id(e)].extra["entity"] = e.id
        doc.entities = kept


def _overlapping(ents, starts, longest, s, e):
    out = []
    j = bisect_left(starts, e) - 1
    while j >= 0 and ents[j].start >= s - longest:
        if ents[j].end > s:
            out.append(ents[j])
        j -= 1
    out.reverse()
    return out


def _mergeable(text: str, ov: list[Entity], ps: int, pe: int) -> bool:
    for e in ov:
        if e.label != "LOC" or e.extra.get("source", "ner") != "ner" or e.actor is not None:
            return False
        if e.end > pe:
            return False
        if e.start < ps:
            prefix = text[e.start:ps]
            # read normalised: presentation-form glyphs (ﻭ ﺏ) are those letters, a mark is no letter
            # (notes/QA.md QA-15)
            letters = normalize(prefix)
            if len(prefix) > MAX_PROCLITIC or not letters or not set(letters) <= PROCLITIC_LETTERS:
                return False
    return True
