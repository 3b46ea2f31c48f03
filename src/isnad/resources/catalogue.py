"""One loader for every packaged data file, cached per process.

Data files live under ``isnad/resources`` (lexicons, registry, gazetteer) and
``isnad/models`` (trained artefacts).  Stages ask for them by relative path:
``load_yaml("lexicons/carriers.yaml")``.  Each file is read once per process
(``functools.lru_cache``), so building several pipelines costs nothing more.
:func:`catalogue` lists every file with its size and SHA-256, which
``isnad resources`` prints so a deployment can check what it runs on.
"""
from __future__ import annotations

import csv
import hashlib
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import ResourceError

_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when available: ~10x faster

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
ROOTS = {"resources": PACKAGE_ROOT / "resources", "models": PACKAGE_ROOT / "models"}


def resource_path(rel: str, root: str = "resources") -> Path:
    p = ROOTS[root] / rel
    if not p.exists():
        raise ResourceError(f"packaged resource missing: {root}/{rel} (reinstall isnad)")
    return p


@lru_cache(maxsize=None)
def load_yaml(rel: str, root: str = "resources"):
    p = resource_path(rel, root)
    try:
        with p.open(encoding="utf-8") as f:
            return yaml.load(f, Loader=_YamlLoader)
    except yaml.YAMLError as e:
        raise ResourceError(f"{root}/{rel}: not valid YAML: {e}") from e


@lru_cache(maxsize=None)
def load_tsv(rel: str, root: str = "resources") -> tuple[dict, ...]:
    """Rows of a TSV with a header line; lines starting with '#' are comments."""
    p = resource_path(rel, root)
    with p.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if not ln.startswith("#") and ln.strip()]
    return tuple(csv.DictReader(lines, delimiter="\t"))


def catalogue() -> list[dict]:
    out = []
    for root_name, root in ROOTS.items():
        if not root.exists():
            continue
        for p in sorted(root.rglob("*")):
            if p.is_file() and p.suffix not in (".py", ".pyc"):
                data = p.read_bytes()
                out.append({"path": f"{root_name}/{p.relative_to(root)}", "bytes": len(data),
                            "sha256": hashlib.sha256(data).hexdigest()})
    return out
