"""Writers: records → json, jsonl, pretty (terminal), html."""
from __future__ import annotations

import json
from typing import IO


def dumps(record: dict, *, indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


def write_json(records: list[dict], out: IO[str]) -> None:
    """One record → one JSON object; several → one object per line (as jsonl)."""
    if len(records) == 1:
        out.write(dumps(records[0], indent=2) + "\n")
    else:
        write_jsonl(records, out)


def write_jsonl(records, out: IO[str]) -> None:
    for r in records:
        out.write(dumps(r) + "\n")
