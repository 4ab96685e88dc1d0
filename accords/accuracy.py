"""The measured accuracy shown on the method page: accords.evaluate run at build time.

For each gold folder present (tests/gold/seeds, tests/gold/dev), the built data package
is scored against the gold files whose article is in the build; the result is plain
rows for the `accuracy.md.j2` template.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accords.evaluate import TABLES, evaluate

GOLD_SETS = (
    ("seeds", "The founding seeds"),
    ("dev", "The development articles"),
)


def measure(data_dir: Path, gold_root: Path, seeds_dir: Path) -> list[dict[str, Any]]:
    """One entry per gold folder with at least one of its articles in the build."""
    out: list[dict[str, Any]] = []
    for name, title in GOLD_SETS:
        folder = gold_root / name
        gold = sorted(folder.glob("*.json")) if folder.is_dir() else []
        if not gold:
            continue
        report = evaluate(folder, data_dir, seeds_dir)
        missing = sum(1 for m in report.misses if m.endswith(": source not in the build"))
        if missing == len(gold):
            continue
        out.append(
            {
                "title": title,
                "path": f"tests/gold/{name}",
                "articles": len(gold) - missing,
                "missing": missing,
                "scores": [
                    {
                        "table": t,
                        "precision": f"{s.precision:.2f}",
                        "recall": f"{s.recall:.2f}",
                        "f1": f"{s.f1:.2f}",
                        "tp": s.tp,
                        "fp": s.fp,
                        "fn": s.fn,
                    }
                    for t, s in ((t, report.scores[t]) for t in TABLES)
                ],
                "citations_ok": report.citations_ok,
                "citations_total": report.citations_total,
                "false_signings": report.false_signings,
                "languages": [
                    {"language": lang, "recall": [f"{row[t].recall:.2f}" for t in TABLES]}
                    for lang, row in sorted(report.by_language.items())
                ],
            }
        )
    return out
