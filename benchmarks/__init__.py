"""Benchmarks: ``make bench`` (or ``python -m benchmarks``) runs them all.

Each ``bench_*.py`` module defines ``benchmarks() -> list[Row]``; the runner
prints one table of medians, with ratios where a row has a baseline.
"""
