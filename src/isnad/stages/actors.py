"""Stage: canonical actors from the registry, reconciled with the NER entities.

Runs after ``ner`` when it is in the pipeline (it reads ``doc.entities`` but
does not need them).  For every registry name in the text (clitic- and
normalisation-aware longest match through :class:`isnad.text.matcher.PhraseMatcher`,
see :mod:`isnad.actors`):

* a registry hit on the span of an NER entity refines it: ``type`` and
  ``actor`` are filled and the label follows the actor's type (state → LOC;
  forces, groups, coalitions, media, igo/ngo, parties → ORG; person → PERS);
* a hit that overlaps NER entities yields one entity: the NER span when that
  entity contains the hit and no other hit (``وكالة سبوتنيك`` tagged whole by
  NER keeps its span, less a proclitic the tagger kept: ``والولايات المتحدة``
  gives ``الولايات المتحدة``), else the registry span (NER ``سوريا`` inside
  ``قوات سوريا الديمقراطية`` gives way);
* a hit where NER found nothing adds an entity.

An ambiguous name (``الجيش الوطني``, ``قوات التحالف``, ``الحوثي``) is resolved
from the document — an actor it may name that is also named unambiguously, or
the one whose country matches the other actors of the document — or left with
``actor: null``, ``candidates`` and a ``reason``.

Generic descriptors: ``التنظيم`` (and the other ``coref`` words of the
registry) is linked only when exactly one actor that declares it is named in the
document — then the entity carries ``"mention": "descriptor"`` and
``"antecedent"`` (the first named mention) — and is left alone otherwise.
``الوكالة`` / ``القناة`` alone are never actor mentions (no actor declares them).
Set ``descriptors=False`` in the stage config to skip descriptor linking.

Entity ids are renumbered ``e1, e2 ...`` in text order after reconciliation;
each entity says where it came from in ``source`` (``ner``, ``registry``,
``ner+registry``).
"""
from __future__ import annotations

from bisect import bisect_left

from ..actors import Hit, Registry, registry
from ..document import Entity
from ..pipeline import Stage


class ActorsStage(Stage):
    name = "actors"
    needs = frozenset({"tokens"})
    provides = frozenset({"actors"})

    def __init__(self, **config):
        super().__init__(**config)
        self.registry: Registry = registry()
        self.descriptors = bool(config.get("descriptors", True))

    def process(self, doc) -> None:
        if not doc.tokens or doc.norm is None:
            self._renumber(doc, {})
            return
        reg = self.registry
        hits = reg.match(doc, carrier_spans=_carrier_name_spans(doc))
        hits = [h for h in hits if not _inside_rt_marker(doc, h)]
        resolved = reg.resolve_context(hits, doc.published)
        new: list[tuple[Hit, Entity]] = []
        for i, h in enumerate(hits):
            new.append((h, self._entity_for(h, resolved.get(i))))
        merged = self._reconcile(doc, new)
        antecedents: dict[int, Entity] = {}
        if self.descriptors:
            merged, antecedents = self._descriptors(doc, merged)
        merged.sort(key=lambda e: (e.start, e.end))
        doc.entities = merged
        self._renumber(doc, antecedents)

    # -- entities from hits ------------------------------------------------------
    def _entity_for(self, h: Hit, res) -> Entity:
        reg = self.registry
        text_span = ""  # set from doc.text in _reconcile
        if not h.ambiguous:
            a = reg[h.actor_ids[0]]
            return Entity("", h.start, h.end, text_span, a.label, a.type, a.to_actor(),
                          {"source": "registry"})
        aid, reason = res if res else (None, "ambiguous name")
        cands = [reg[i] for i in h.actor_ids]
        if aid is not None:
            a = reg[aid]
            return Entity("", h.start, h.end, text_span, a.label, a.type, a.to_actor(),
                          {"source": "registry", "candidates": list(h.actor_ids), "resolved_by": reason})
        types = {c.type for c in cands}
        labels = {c.label for c in cands}
        return Entity("", h.start, h.end, text_span, labels.pop() if len(labels) == 1 else "ORG",
                      types.pop() if len(types) == 1 else None, None,
                      {"source": "registry", "candidates": list(h.actor_ids), "reason": reason})

    def _reconcile(self, doc, new: list[tuple[Hit, Entity]]) -> list[Entity]:
        ner = sorted(doc.entities, key=lambda e: (e.start, e.end))
        text = doc.text
        out: list[Entity] = []
        used_ner: set[int] = set()
        # NER entities each hit overlaps, and hits each NER entity overlaps
        starts = [e.start for e in ner]
        longest = max((e.end - e.start for e in ner), default=0)
        hit_ner: list[list[int]] = []
        ner_hits: dict[int, list[int]] = {}
        for k, (h, _) in enumerate(new):
            ov = []
            j = bisect_left(starts, h.end) - 1
            while j >= 0 and ner[j].start >= h.start - longest:
                if ner[j].end > h.start:
                    ov.append(j)
                j -= 1
            ov.reverse()
            hit_ner.append(ov)
            for jj in ov:
                ner_hits.setdefault(jj, []).append(k)
        for k, (h, ent) in enumerate(new):
            ov = hit_ner[k]
            start, end = h.start, h.end
            extra = dict(ent.extra)
            if ov:
                # one NER entity that contains this hit and no other: keep its (longer) span
                if len(ov) == 1 and len(ner_hits[ov[0]]) == 1:
                    e = ner[ov[0]]
                    if e.start <= h.start and h.end <= e.end:
                        # ... but not a proclitic the tagger kept (والولايات المتحدة)
                        start = h.start if _proclitic_only(text[e.start:h.start]) else e.start
                        end = e.end
                ner_extra = {}
                for jj in ov:
                    ner_extra.update(ner[jj].extra)
                    used_ner.add(jj)
                labels = {ner[jj].label for jj in ov}
                ner_extra.update(extra)
                extra = ner_extra
                extra["source"] = "ner+registry"
                if ent.actor is None and len(labels) == 1 and ent.label == "ORG" and ent.type is None:
                    ent.label = labels.pop()       # unresolved name: keep NER's label
            out.append(Entity("", start, end, text[start:end], ent.label, ent.type, ent.actor, extra))
        for jj, e in enumerate(ner):
            if jj not in used_ner:
                e.extra.setdefault("source", "ner")
                out.append(e)
        return out

    # -- descriptors ----------------------------------------------------------------
    def _descriptors(self, doc, ents: list[Entity]) -> tuple[list[Entity], dict[int, Entity]]:
        reg = self.registry
        named: dict[str, Entity] = {}
        for e in sorted(ents, key=lambda e: e.start):
            if e.actor is not None and e.actor.id not in named:
                named[e.actor.id] = e
        antecedents: dict[int, Entity] = {}
        if not named:
            return ents, antecedents
        spans = sorted((e.start, e.end) for e in ents)
        added: list[Entity] = []
        for m in reg.coref.find(doc):
            cands = [aid for aid in m.payloads if aid in named]
            if len(cands) != 1:
                continue
            if _overlaps(spans, m.start, m.end):
                continue
            # a descriptor is a whole noun phrase: "التنظيم" followed by a definite word
            # ("التنظيم الدولي", "الشبكة الكهربائية") is a longer phrase that names
            # something else
            nxt = doc.tokens[m.tok_end] if m.tok_end < len(doc.tokens) else None
            if nxt is not None and nxt.kind == "word" and nxt.norm.startswith("ال") \
                    and nxt.sent == doc.tokens[m.tok_start].sent:
                continue
            a = reg[cands[0]]
            ent = Entity("", m.start, m.end, doc.text[m.start:m.end], a.label, a.type, a.to_actor(),
                         {"source": "registry", "mention": "descriptor"})
            antecedents[id(ent)] = named[a.id]
            added.append(ent)
        return ents + added, antecedents

    # -- ids ------------------------------------------------------------------------
    @staticmethod
    def _renumber(doc, antecedents: dict[int, Entity]) -> None:
        doc.entities.sort(key=lambda e: (e.start, e.end))
        for i, e in enumerate(doc.entities, 1):
            e.id = f"e{i}"
        for e in doc.entities:
            ante = antecedents.get(id(e))
            if ante is not None:
                e.extra["antecedent"] = ante.id


def _proclitic_only(prefix: str) -> bool:
    """Is ``prefix`` (the part of an NER span before a registry hit) only proclitic
    letters of the same written word (و ف ب ل ك, at most three)?  Read normalised: presentation
    forms (ﻭ ﺑ ﻟ, as PDF copy-paste writes them) are those letters too (notes/QA.md QA-15)."""
    from ..text.normalize import normalize
    p = normalize(prefix)
    return 0 < len(prefix) <= 3 and 0 < len(p) <= 3 and set(p) <= set("وفبلك")


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _carrier_name_spans(doc) -> list[tuple[int, int]]:
    """Name spans of the carriers doc_kind found (source lines, datelines), which
    count as a cue for guarded names.  A trailing agency signature counts only when
    it stands apart (after a line break, a dash or a bracket): doc_kind also takes
    a sentence-final word such as "... بالمنطقة العربية." for one."""
    out = []
    text = doc.text
    for c in doc.meta.get("carriers") or []:
        if not isinstance(c, dict) or c.get("name_start") is None or c.get("name_end") is None:
            continue
        if c.get("agency"):
            j = c["name_start"] - 1
            while j >= 0 and text[j] in " \t([":
                j -= 1
            if j >= 0 and text[j] not in "\n-–—":
                continue
        out.append((c["name_start"], c["name_end"]))
    return out


def _inside_rt_marker(doc, h: Hit) -> bool:
    """A hit inside a retweet prefix ("RT :" is not RT the channel), unless it is
    the retweeted account's name."""
    for c in doc.meta.get("carriers") or []:
        if not isinstance(c, dict) or c.get("role") != "retweet" or c.get("start") is None:
            continue
        if c["start"] <= h.start and h.end <= c["end"]:
            ns, ne = c.get("name_start"), c.get("name_end")
            if ns is None or not (ns <= h.start and h.end <= ne):
                return True
    return False
