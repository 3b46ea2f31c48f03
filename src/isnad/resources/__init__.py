"""Packaged data: lexicons, the actor registry, gazetteer, ontologies (see catalogue)."""
