"""Write a benchmark's latest figures into bench/README.md between its own markers.

Every benchmark owns one block ``<!-- bench_NAME:start --> … <!-- bench_NAME:end -->``;
the first time, the block is appended under a new section with the given intro.
"""
from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def write_block(name: str, text: str, *, heading: str, intro: str = "", readme: Path = README) -> None:
    start, end = markers(name)
    body = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    block = f"{start}\n{text}\n{end}"
    if start in body and end in body:
        a, b = body.index(start), body.index(end) + len(end)
        body = body[:a] + block + body[b:]
    else:
        body = body.rstrip("\n") + f"\n\n## {heading}\n\n" + (f"{intro}\n\n" if intro else "") + block + "\n"
    readme.write_text(body, encoding="utf-8")
