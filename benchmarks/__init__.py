"""Accords' benchmark: a synthetic corpus, each build stage timed, results in docs/performance.md.

Run it with ``make bench`` or ``.venv/bin/python -m benchmarks --help``.
"""
