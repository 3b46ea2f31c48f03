"""The corpus layer: a store of isnad/1 records with search, near-duplicate links and stories.

One job: package the corpus modules behind a small façade (``Store``, ``search``, ``stories``).
``store`` writes records and index tables (SQLAlchemy Core; SQLite by default, PostgreSQL by URL),
``dedup`` finds near-duplicates (datasketch MinHash LSH), ``search`` runs the query syntax,
``stories`` groups linked documents.  Corpus work takes finished records; it never reaches back
into a stage.
"""
from __future__ import annotations

from .store import DEFAULT_DB, Store, db_url  # noqa: F401

__all__ = ["DEFAULT_DB", "Store", "db_url"]
