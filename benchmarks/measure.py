"""One measured run, in a fresh process so its peak memory is its own.

``python -m benchmarks.measure MODE ...`` prints one JSON object on stdout:

- ``data``: ``accords.build.build_data`` on a seeds folder, with each stage's wall
  seconds (load, extract, resolve, tables, package), CPU seconds and peak memory;
- ``site``: the pages rendered from a data folder, then mkdocs-material twice on
  them: with Accords' configuration and with a bare one (see :mod:`benchmarks.sitebuild`);
- ``incremental``: a build that fills an empty extraction cache, a rebuild with
  nothing changed, and a rebuild with one seed more.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import time
from pathlib import Path
from typing import Any

# accords.build and the site tools are imported where used: extraction workers start
# with "spawn" and re-import this main module, which should stay light.


def peak_mb() -> dict[str, float]:
    """Peak resident memory so far of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb": round(own, 1), "child_peak_mb": round(child, 1)}


def cpu_seconds() -> float:
    """CPU seconds used by this process and its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def steal_seconds() -> float | None:
    """CPU seconds the hypervisor has given to other machines so far (all cores; the
    ``steal`` column of ``/proc/stat``), or ``None`` where the system does not say."""
    try:
        fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def _less(after: float | None, before: float | None) -> float | None:
    return None if after is None or before is None else round(after - before, 2)


def measure_data(seeds: Path, out: Path, jobs: int) -> dict[str, Any]:
    from accords.build import build_data

    shutil.rmtree(out, ignore_errors=True)
    timings: dict[str, float] = {}
    cpu = cpu_seconds()
    start = time.perf_counter()
    tables, _ = build_data(seeds, out / "data", out, jobs=jobs, timings=timings)
    wall = time.perf_counter() - start
    counts = {name: len(rows) for name, rows in tables.items()}
    return {"stages": timings, "data_total": wall, "cpu": cpu_seconds() - cpu, "counts": counts,
            "yield": _yield(tables), **peak_mb()}


def _yield(tables: dict[str, list[dict[str, object]]]) -> dict[str, float]:
    """Share of sources cited by a meeting, and by an agreement."""
    sources = len(tables["sources"]) or 1

    def cited(table: str) -> float:
        ids = {s for row in tables[table] for s in row["source_ids"]}  # type: ignore[attr-defined]
        return round(len(ids) / sources, 3)

    return {"meetings": cited("meetings"), "agreements": cited("agreements")}


def measure_site(data: Path, seeds: Path, out: Path, repo: Path) -> dict[str, Any]:
    from benchmarks.sitebuild import build_bare, build_pages, build_site_only

    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    pages = build_pages(data, seeds, out / "docs", repo)
    t_pages = time.perf_counter() - start
    start = time.perf_counter()
    build_site_only(out / "docs", out / "site", out / "mkdocs.yml", repo)
    t_site = time.perf_counter() - start
    start = time.perf_counter()
    build_bare(out / "docs", out / "bare", out / "bare.yml", repo)
    t_bare = time.perf_counter() - start
    start = time.perf_counter()
    build_bare(out / "docs", out / "bare-md", out / "bare-md.yml", repo, extensions=True)
    t_bare_md = time.perf_counter() - start
    return {"pages": pages, "stages": {"pages": t_pages, "site": t_site, "bare": t_bare, "bare_md": t_bare_md},
            **peak_mb()}


def measure_incremental(seeds: Path, extra: Path, out: Path, jobs: int) -> dict[str, Any]:
    """Cold build into an empty cache, unchanged rebuild, rebuild with the seed ``extra`` added."""
    from accords.build import build_data

    shutil.rmtree(out, ignore_errors=True)
    cache = out / "cache"
    plus = out / "seeds-plus"
    plus.mkdir(parents=True)
    for p in seeds.iterdir():
        os.link(p, plus / p.name)
    result: dict[str, Any] = {}
    for name, folder in (("cold", seeds), ("warm", seeds), ("add_one", plus)):
        if name == "add_one":
            shutil.copy2(extra, plus / extra.name)
        timings: dict[str, float] = {}
        cpu, steal = cpu_seconds(), steal_seconds()
        start = time.perf_counter()
        build_data(folder, out / f"data-{name}", out, jobs=jobs, cache_dir=cache, timings=timings)
        result[name] = {"total": time.perf_counter() - start, "stages": timings, "cpu": cpu_seconds() - cpu,
                        "steal": _less(steal_seconds(), steal)}
    result.update(peak_mb())
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.measure", description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("data", "site", "incremental"))
    parser.add_argument("--seeds", type=Path, required=True, help="the seeds folder")
    parser.add_argument("--out", type=Path, required=True, help="a scratch folder (replaced)")
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes (data, incremental)")
    parser.add_argument("--data", type=Path, help="the data folder to render (site)")
    parser.add_argument("--extra", type=Path, help="the seed to add (incremental)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="the repository (site: docs/, mkdocs.yml)")
    args = parser.parse_args(argv)
    if args.mode == "data":
        result = measure_data(args.seeds, args.out, args.jobs)
    elif args.mode == "site":
        result = measure_site(args.data, args.seeds, args.out, args.repo)
    else:
        result = measure_incremental(args.seeds, args.extra, args.out, args.jobs)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
