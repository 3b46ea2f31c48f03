"""isnad: who claims what happened, to whom, where, when, on whose word.

>>> import isnad
>>> nlp = isnad.load()
>>> doc = nlp(text, published="2022-01-27")
>>> record = doc.to_json()
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _version

from .document import Document
from .errors import InputError, IsnadError, PipelineError, ResourceError
from .pipeline import Pipeline, Stage, load

try:
    __version__ = _version("isnad")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+src"

__all__ = ["Document", "Pipeline", "Stage", "load", "validate", "example_text",
           "IsnadError", "InputError", "PipelineError", "ResourceError", "__version__"]


def example_text() -> str:
    """The bundled example document (a retweeted Sputnik story)."""
    from importlib.resources import files
    return files("isnad").joinpath("examples/sputnik_retweet.txt").read_text(encoding="utf-8")


def validate(record: dict) -> None:
    """Validate a record against the packaged isnad/1 JSON Schema and check that
    every span's ``text`` equals ``record["text"][start:end]``.  Raises
    ``jsonschema.ValidationError`` or ``ValueError``."""
    from .schema import check_spans, validator
    validator().validate(record)
    check_spans(record)
