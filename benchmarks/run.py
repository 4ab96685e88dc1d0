"""``python -m benchmarks``: generate corpora, measure every stage, print and record the results.

For each size N: the synthetic corpus of N articles (and one more, for the incremental
rebuild) is written to WORK/nN/seeds; each measurement runs in a fresh process
(:mod:`benchmarks.measure`); the data packages built with 1 and 2 processes, and with
and without the extraction cache, are compared file by file.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import report
from benchmarks.corpus import DEFAULT_SEED, corpus, languages
from benchmarks.machine import describe, load_average

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (default: 100,1000)")
    parser.add_argument("--jobs", default="1,2", help="extraction processes to compare (default: 1,2)")
    parser.add_argument("--seed", default=DEFAULT_SEED, help="the corpus generator's seed")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench", help="scratch folder")
    parser.add_argument("--page", type=Path, default=ROOT / "docs" / "performance.md",
                        help="the page whose generated section to rewrite ('' to skip)")
    parser.add_argument("--no-site", action="store_true", help="skip pages, site and the bare mkdocs build")
    parser.add_argument("--no-incremental", action="store_true", help="skip the cached rebuilds")
    args = parser.parse_args(argv)
    if str(args.page) not in ("", "."):
        problem = report.page_problem(args.page)
        if problem is not None:  # said before the run, not after half an hour of it
            parser.error(f"--page {args.page}: {problem} (give the Performance page, or --page '' to write none)")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    machine = describe()
    loads: list[float] = [load_average()]
    results: list[dict[str, Any]] = []
    started = time.perf_counter()
    for n in sizes:
        results.append(_one_size(n, jobs, args, loads))
        print(report.stage_table(results[-1:]), file=sys.stderr)
    loads.append(load_average())
    busy = (f"1-minute load average between {min(loads):.2f} and {max(loads):.2f} "
            f"(sampled before each measurement, on {machine['cores']} cores); the whole run took "
            f"{time.perf_counter() - started:.0f} s")
    generated = "\n\n".join([
        "### Machine", report.machine_list(machine, busy),
        "### Corpus", report.corpus_table(results),
        "### Stages (seconds)", report.stage_table(results),
        "### Incremental builds (seconds)", report.incremental_table(results),
        *(["#### The rebuilds by stage", rebuilds] if (rebuilds := report.rebuild_table(results)) else []),
        "### Targets", report.targets(results),
    ])
    print(generated)
    args.work.mkdir(parents=True, exist_ok=True)
    (args.work / "results.json").write_text(json.dumps({"machine": machine, "busy": busy, "results": results},
                                                       indent=1), encoding="utf-8")
    if str(args.page) not in ("", "."):
        report.write_page(args.page, generated)
        print(f"wrote {args.page}", file=sys.stderr)
    return 0


def _one_size(n: int, jobs: list[int], args: argparse.Namespace, loads: list[float]) -> dict[str, Any]:
    base = args.work / f"n{n}"
    seeds, extra = base / "seeds", base / "extra"
    for folder in (seeds, extra):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    articles = list(corpus(n + 1, args.seed))
    for a in articles:
        (seeds if a is not articles[-1] else extra).joinpath(a.name).write_text(a.text, encoding="utf-8")
    head = articles[:-1]
    result: dict[str, Any] = {
        "n": n, "events": len({a.event.number for a in head}), "languages": languages(),
        "mean_bytes": sum(len(a.text.encode("utf-8")) for a in head) / max(1, n), "data": {},
    }
    for j in jobs:
        loads.append(load_average())
        result["data"][str(j)] = _measure("data", "--seeds", seeds, "--out", base / f"jobs{j}", "--jobs", j)
    first = base / f"jobs{jobs[0]}" / "data"
    if len(jobs) > 1:
        result["identical_jobs"] = all(_same_tree(first, base / f"jobs{j}" / "data") for j in jobs[1:])
    if not args.no_site:
        loads.append(load_average())
        result["site"] = _measure("site", "--seeds", seeds, "--data", first, "--out", base / "site",
                                  "--repo", ROOT)
    if not args.no_incremental:
        loads.append(load_average())
        inc = _measure("incremental", "--seeds", seeds, "--extra", extra / articles[-1].name,
                       "--out", base / "incremental", "--jobs", max(jobs))
        inc["jobs"] = max(jobs)
        result["incremental"] = inc
        result["identical_cache"] = all(_same_tree(first, base / "incremental" / f"data-{name}")
                                        for name in ("cold", "warm"))
    return result


def _measure(mode: str, *options: object) -> dict[str, Any]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
    command = [sys.executable, "-m", "benchmarks.measure", mode, *(str(o) for o in options)]
    print("$ " + " ".join(command[1:]), file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _same_tree(a: Path, b: Path) -> bool:
    """Both folders hold the same files with the same bytes."""
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)
