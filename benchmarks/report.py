"""Benchmark results → a Markdown table (printed) and the generated part of docs/performance.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
DATA_STAGES = ("load", "extract", "resolve", "tables", "package")
COLUMNS = ("articles", "jobs", *DATA_STAGES, "data", "pages", "site", "bare mkdocs", "bare + md", "total",
           "extract art/s", "data art/s", "pages/s", "site ÷ bare", "site ÷ bare + md", "peak MB")

Result = dict[str, Any]


def stage_table(results: list[Result]) -> str:
    """One row per corpus size and number of processes; seconds unless named otherwise."""
    rows = []
    for r in results:
        site = r.get("site")
        for jobs, d in sorted(r["data"].items(), key=lambda kv: int(kv[0])):
            st = d["stages"]
            cells = [f"{r['n']:,}", str(jobs), *(_s(st[s]) for s in DATA_STAGES), _s(d["data_total"])]
            if site:
                ss = site["stages"]
                bare_md = ss.get("bare_md")  # not in the results of older benchmarks
                cells += [_s(ss["pages"]), _s(ss["site"]), _s(ss["bare"]), "–" if bare_md is None else _s(bare_md),
                          _s(d["data_total"] + ss["pages"] + ss["site"])]
            else:
                cells += ["–"] * 5
            cells += [f"{r['n'] / st['extract']:.0f}", f"{r['n'] / d['data_total']:.0f}"]
            if site:
                cells += [f"{site['pages'] / ss['site']:.0f}", f"{ss['site'] / ss['bare']:.2f}×",
                          "–" if bare_md is None else f"{ss['site'] / bare_md:.2f}×"]
            else:
                cells += ["–"] * 3
            peak = max(d["peak_mb"], d["child_peak_mb"])
            cells.append(f"{peak:.0f}" + (f" / {site['child_peak_mb']:.0f}" if site else ""))
            rows.append(cells)
    return _markdown(COLUMNS, rows)


def incremental_table(results: list[Result]) -> str:
    cols = ("articles", "jobs", "cold build, empty cache", "rebuild, nothing changed", "rebuild, one seed added",
            "cached = uncached", "jobs 1 = jobs 2")
    rows = []
    for r in results:
        inc = r.get("incremental")
        if not inc:
            continue
        rows.append([f"{r['n']:,}", str(inc["jobs"]), _s(inc["cold"]["total"]), _s(inc["warm"]["total"]),
                     _s(inc["add_one"]["total"]), _yes(r.get("identical_cache")), _yes(r.get("identical_jobs"))])
    return _markdown(cols, rows)


def rebuild_table(results: list[Result]) -> str:
    """Each rebuild by stage, with the CPU seconds it used and the seconds the hypervisor gave
    to other machines meanwhile (steal): a wall time well above the CPU time, or much steal,
    means the machine was short of CPU, not that the code got slower."""
    cols = ("articles", "rebuild", *DATA_STAGES, "total", "CPU s", "steal s")
    rows = []
    for r in results:
        inc = r.get("incremental")
        if not inc:
            continue
        for name, label in (("warm", "nothing changed"), ("add_one", "one seed added")):
            run = inc[name]
            if "cpu" not in run:  # results of an older benchmark
                continue
            steal = run.get("steal")
            rows.append([f"{r['n']:,}", label, *(_s(run["stages"][s]) for s in DATA_STAGES), _s(run["total"]),
                         _s(run["cpu"]), "–" if steal is None else _s(steal)])
    return _markdown(cols, rows) if rows else ""


def corpus_table(results: list[Result]) -> str:
    cols = ("articles", "events", "mean size", "languages", "sources with a meeting", "sources with an agreement",
            "meetings", "agreements", "people", "pages")
    rows = []
    for r in results:
        d = next(iter(r["data"].values()))
        c, y = d["counts"], d["yield"]
        pages = str(r["site"]["pages"]) if r.get("site") else "–"
        rows.append([f"{r['n']:,}", f"{r['events']:,}", f"{r['mean_bytes']:,.0f} B", ", ".join(r["languages"]),
                     f"{y['meetings']:.0%}", f"{y['agreements']:.0%}", f"{c['meetings']:,}", f"{c['agreements']:,}",
                     f"{c['people']:,}", pages])
    return _markdown(cols, rows)


def machine_list(machine: dict[str, str], busy: str) -> str:
    names = {"cpu": "CPU", "cores": "cores", "memory": "memory", "python": "Python", "os": "system",
             "mkdocs": "site tools", "load": "load average at the start (1, 5, 15 min)"}
    lines = [f"- **{names[k]}**: {v}" for k, v in machine.items()]
    lines.append(f"- **while it ran**: {busy}")
    return "\n".join(lines)


def targets(results: list[Result]) -> str:
    """The issue's targets, each with what this run measured."""
    lines = []
    big = max(results, key=lambda r: r["n"])
    one = big["data"].get("1") or next(iter(big["data"].values()))
    lines.append(_target("Extraction ≥ 200 articles/s per core (3 KB articles)",
                         big["n"] / one["stages"]["extract"] >= 200,
                         f"{big['n'] / one['stages']['extract']:.0f} articles/s on 1 process at {big['n']:,} articles"))
    small = min(results, key=lambda r: r["n"])
    if small is not big:
        worst = max(DATA_STAGES, key=lambda s: _per_article(big, s) / max(_per_article(small, s), 1e-9))
        ratio = _per_article(big, worst) / max(_per_article(small, worst), 1e-9)
        lines.append(_target("Stages scale linearly (time per article flat as the corpus grows)", ratio < 1.5,
                             f"the least linear stage, {worst}, takes {ratio:.2f}× the time per article at "
                             f"{big['n']:,} as at {small['n']:,}"))
    ten = next((r for r in results if r["n"] >= 10_000), None)
    if ten is not None and "2" in ten["data"]:
        d = ten["data"]["2"]
        peak = max(d["peak_mb"], d["child_peak_mb"])
        lines.append(_target("10,000 articles → validated data package in < 60 s on 2 cores, < 2 GB",
                             d["data_total"] < 60 and peak < 2048,
                             f"{d['data_total']:.1f} s, peak {peak:.0f} MB"))
        inc = ten.get("incremental")
        if inc:
            lines.append(_target("One seed added to 10,000 → data rebuilt in < 5 s", inc["add_one"]["total"] < 5,
                                 f"{inc['add_one']['total']:.1f} s"))
    else:
        lines.append("- 10,000 articles (data package in < 60 s, one seed added in < 5 s): not measured in this "
                     "run; run `make bench BENCH_SIZES=10000`.")
    sited = [r for r in results if r.get("site")]
    if sited:
        r = min(sited, key=lambda x: abs(x["site"]["pages"] - 5000))
        ss = r["site"]["stages"]
        rendered = (f"; {ss['site'] / ss['bare_md']:.2f}× of bare mkdocs-material with the pages' Markdown "
                    "extensions, which renders what bare mkdocs leaves as raw HTML") if "bare_md" in ss else ""
        lines.append(_target("Site build within 1.2× of bare mkdocs-material", ss["site"] <= 1.2 * ss["bare"],
                             f"{ss['site'] / ss['bare']:.2f}× at {r['site']['pages']:,} pages{rendered}"))
        lines.append(_target("≥ 100 pages/s (at about 5,000 pages)", r["site"]["pages"] / ss["site"] >= 100,
                             f"{r['site']['pages'] / ss['site']:.0f} pages/s at {r['site']['pages']:,} pages"))
    lines.append(_target("Cached, uncached and parallel builds are byte-identical",
                         all(r.get("identical_cache") is not False and r.get("identical_jobs") is not False
                             for r in results), "compared file by file for every size"))
    return "\n".join(lines)


def page_problem(page: Path) -> str | None:
    """Why ``page`` cannot take the results (missing, or without the markers), or None."""
    if not page.is_file():
        return "no such file"
    text = page.read_text(encoding="utf-8")
    if START not in text or END not in text.partition(START)[2]:
        return f"no {START} … {END} section to replace"
    return None


def write_page(page: Path, generated: str) -> None:
    """Replace the generated part of ``page`` (between the markers) with ``generated``."""
    text = page.read_text(encoding="utf-8")
    head, sep, rest = text.partition(START)
    _, sep2, tail = rest.partition(END)
    if not sep or not sep2:
        raise ValueError(f"{page}: no {START} … {END} section to replace")
    page.write_text(f"{head}{START}\n{generated.strip()}\n{END}{tail}", encoding="utf-8")


def _per_article(r: Result, stage: str) -> float:
    d = r["data"].get("1") or next(iter(r["data"].values()))
    return float(d["stages"][stage]) / int(r["n"])


def _target(name: str, met: bool, measured: str) -> str:
    return f"- {'**met**' if met else '**missed**'}: {name} — {measured}."


def _yes(value: object) -> str:
    return "–" if value is None else ("yes" if value else "**no**")


def _s(seconds: float) -> str:
    return f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"


def _markdown(cols: tuple[str, ...], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
