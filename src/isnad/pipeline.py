"""The pipeline: an ordered list of stages, each declaring what it needs and provides.

Modelled on Stanza's processors: every stage class names the capabilities it
``needs`` and ``provides``; :class:`Pipeline` checks, when it is built, that each
stage's needs are provided by an earlier stage (or by the document itself:
``text``), and fails with a message naming the stage and what is missing.
Stages are looked up by name in :data:`isnad.stages.REGISTRY`, so later work adds
a stage by adding a module and a registry line, without touching the others.
"""
from __future__ import annotations

import datetime as _dt
import importlib
from typing import Any, Iterable, Iterator

from .document import Document
from .errors import PipelineError

BASE_CAPABILITIES = frozenset({"text"})


class Stage:
    """One job over a document.  Subclasses set ``name``, ``needs``, ``provides``
    and implement :meth:`process`.  Heavy resources are loaded in ``__init__``
    (once per pipeline) through :mod:`isnad.resources.catalogue`, which caches
    them per process."""

    name: str = "stage"
    needs: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __init__(self, **config: Any):
        self.config = config

    def process(self, doc: Document) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: needs {sorted(self.needs)} provides {sorted(self.provides)}>"


def _stage_class(name: str) -> type[Stage]:
    from .stages import REGISTRY
    try:
        target = REGISTRY[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(REGISTRY)}") from None
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


class Pipeline:
    """Run documents through stages in order.  Build with :func:`isnad.load`."""

    def __init__(self, stages: Iterable[str | Stage], config: dict[str, dict] | None = None):
        config = config or {}
        self.stages: list[Stage] = []
        for s in stages:
            if isinstance(s, Stage):
                self.stages.append(s)
            else:
                cls = _stage_class(s)
                self.stages.append(cls(**config.get(s, {})))
        self._check()

    def _check(self) -> None:
        have = set(BASE_CAPABILITIES)
        for stage in self.stages:
            missing = set(stage.needs) - have
            if missing:
                providers = _providers(missing)
                hint = "; ".join(f"{m!r} is provided by {', '.join(p) or 'no known stage'}"
                                 for m, p in sorted(providers.items()))
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(sorted(missing))}, which no earlier "
                    f"stage provides ({hint}): put those stages before {stage.name!r}")
            have |= set(stage.provides)
        self.provides = frozenset(have)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, text: str | Document, *, published: str | _dt.date | None = None,
                 id: str | None = None, meta: dict | None = None, kind: str | None = None) -> Document:
        if isinstance(text, Document):
            doc = text
        else:
            doc = Document(text, id=id, published=_iso_date(published), meta=meta, kind=kind)
        if published is not None and doc.published is None:
            doc.published = _iso_date(published)
        for stage in self.stages:
            stage.process(doc)
            doc.provided |= stage.provides
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    def __repr__(self) -> str:
        return f"<Pipeline {' → '.join(self.names)}>"


def _providers(caps: set[str]) -> dict[str, list[str]]:
    from .stages import REGISTRY
    out: dict[str, list[str]] = {c: [] for c in caps}
    for name in REGISTRY:
        try:
            cls = _stage_class(name)
        except Exception:     # a stage that fails to import cannot provide anything
            continue
        for c in caps & set(cls.provides):
            out[c].append(name)
    return out


def _iso_date(value: str | _dt.date | _dt.datetime | None) -> str | None:
    """``YYYY-MM-DD`` from a date, datetime or ISO-like string; ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = str(value).strip()
    try:
        return _dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        raise ValueError(f"not a date (want YYYY-MM-DD): {value!r}") from None


def load(stages: Iterable[str] | None = None, *, exclude: Iterable[str] = (),
         config: dict[str, dict] | None = None) -> Pipeline:
    """The default pipeline (or the named stages, in order).

    >>> nlp = load()
    >>> doc = nlp("قالت وكالة سانا إن ...", published="2022-01-27")
    """
    from .stages import DEFAULT
    names = list(stages) if stages is not None else list(DEFAULT)
    skip = set(exclude)
    return Pipeline([n for n in names if n not in skip], config=config)
