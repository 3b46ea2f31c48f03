"""The web interface and HTTP API (``isnad serve``): :func:`create_app` builds the FastAPI app.

One job: package the application; see :mod:`isnad.web.app`.
"""
from __future__ import annotations


def create_app(db: str | None = None):
    """The FastAPI application over the store ``db`` (imported lazily: FastAPI is only needed here)."""
    from .app import create_app as _create
    return _create(db)


__all__ = ["create_app"]
