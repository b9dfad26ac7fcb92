"""Run every benchmark module and print one table."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

from benchmarks._util import Row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("only", nargs="*", help="module names, e.g. bench_startup")
    args = parser.parse_args(argv)

    here = Path(__file__).parent
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_")
    )
    rows: list[Row] = []
    for name in names:
        if args.only and name not in args.only:
            continue
        print(f"running {name} ...", file=sys.stderr)
        module = importlib.import_module(f"benchmarks.{name}")
        rows.extend(module.benchmarks())

    print(format_table(rows))
    return 0


def format_table(rows: list[Row]) -> str:
    lines = [
        "| group | measure | median | ratio | note |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        lines.append(
            f"| {row.group} | {row.name} | {row.value:.4g} {row.unit} | {ratio} | "
            f"{row.note} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
