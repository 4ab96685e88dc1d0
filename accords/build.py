"""The runner: the only place that reads seeds and writes outputs.

seeds → documents → facts → records → tables → data package (+ pages → site).
Everything is written into a fresh temporary folder beside ``OUT`` and swapped into
place only when complete and validated, so a failed build leaves ``OUT`` untouched.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from accords.batch import extract_all
from accords.cache import CACHE_DIR, ExtractCache
from accords.curation import load_curation
from accords.documents import SeedError, SeedErrors, load_seeds
from accords.documents import memo_version as documents_memo_version
from accords.memo import Memo
from accords.overrides import apply_overrides, carry_moved
from accords.package import descriptor_memo_version, validate_package, write_package
from accords.release import read_version
from accords.resolve import memo_version as resolve_memo_version
from accords.resolve import resolve
from accords.tables import build_tables

CURATION_DIR = "curation"  # judgements.yml and overrides.yml, beside seeds/


class BuildError(RuntimeError):
    """A build stage failed; the message says which and why."""


@dataclass
class BuildResult:
    out: Path
    counts: dict[str, int]
    warnings: list[SeedError]


def created_time(repo: Path) -> str:
    """The build's ``created`` stamp: SOURCE_DATE_EPOCH, else the last commit's time (reproducible)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        try:
            out = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%ct"], capture_output=True,
                                 text=True, check=False, timeout=10)
            epoch = out.stdout.strip() if out.returncode == 0 else ""
        except (OSError, subprocess.SubprocessError):
            epoch = ""
    seconds = int(epoch) if epoch.isdigit() else 0
    return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextmanager
def _stage(timings: dict[str, float] | None, name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    # What a stage hands on lives to the end of the build: frozen, the cyclic collector
    # stops walking it again and again, which made later stages slower per article the
    # larger the corpus (refcounting still frees it; `_collector` thaws it at the end).
    gc.freeze()
    if timings is not None:
        timings[name] = time.perf_counter() - start


@contextmanager
def _collector() -> Iterator[None]:
    """The cyclic collector tuned for a build, which makes millions of small objects and
    almost no cycles: it runs after every 200,000 allocations, not 700, as mypy runs it;
    refcounting frees everything else as usual. Restored, and thawed, afterwards."""
    thresholds = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def build_data(seeds: Path, data_dir: Path, repo: Path, *, jobs: int = 1, cache_dir: Path | None = None,
               timings: dict[str, float] | None = None,
               ) -> tuple[dict[str, list[dict[str, object]]], list[SeedError]]:
    """Load, extract (in ``jobs`` processes, reusing ``cache_dir``), resolve and write the
    validated package into ``data_dir``; each stage's seconds go into ``timings``."""
    with _collector():
        return _build_data(seeds, data_dir, repo, jobs=jobs, cache_dir=cache_dir, timings=timings)


def _build_data(seeds: Path, data_dir: Path, repo: Path, *, jobs: int, cache_dir: Path | None,
                timings: dict[str, float] | None,
                ) -> tuple[dict[str, list[dict[str, object]]], list[SeedError]]:
    memos = _Memos(cache_dir)
    with _stage(timings, "load"):
        docs, problems = load_seeds(seeds, memos.documents)
        errors = [p for p in problems if not p.warning]
        try:
            curation = load_curation(repo / CURATION_DIR)
        except SeedErrors as exc:  # reported together with the seeds' errors
            errors.extend(exc.errors)
    if errors:
        raise SeedErrors(errors)
    extract_cache = ExtractCache(cache_dir) if cache_dir is not None else None
    with _stage(timings, "extract"):
        facts = extract_all(docs, jobs=jobs, cache=extract_cache)
    with _stage(timings, "resolve"):
        keys = {d.source_id: extract_cache.key(d) for d in docs} if extract_cache is not None else None
        resolved = resolve(facts, curation, solo_memo=memos.solo, facts_keys=keys)
    with _stage(timings, "tables"):
        tables = carry_moved(apply_overrides(build_tables(resolved), curation.overrides, curation.overrides_file),
                             curation.moved)
    with _stage(timings, "package"):
        path = write_package(tables, data_dir, version=read_version(repo), created=created_time(repo))
        issues = validate_package(path, memos.descriptor)
    if issues:
        raise BuildError("the data package does not validate:\n" + "\n".join(issues))
    memos.save()  # only after a valid build: a failed one leaves the memos as they were
    return tables, [p for p in problems if p.warning]


class _Memos:
    """The small per-stage memos kept beside the extraction cache (see :mod:`accords.memo`)."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.documents = Memo(cache_dir / "documents.json", documents_memo_version()) if cache_dir else None
        self.solo = Memo(cache_dir / "resolved-alone.json", resolve_memo_version()) if cache_dir else None
        self.descriptor = Memo(cache_dir / "valid-descriptors.json", descriptor_memo_version()) if cache_dir else None

    def save(self) -> None:
        for memo in (self.documents, self.solo, self.descriptor):
            if memo is not None:
                memo.save()


def build(seeds: Path, out: Path, *, site: bool = True, repo: Path | None = None, jobs: int = 1,
          cache: bool = True) -> BuildResult:
    """Build data (and site) into a temporary folder, then swap it into ``out``.

    With ``cache``, extraction results are kept in ``out/.cache/extract`` across builds.
    """
    repo = repo or Path.cwd()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _recover(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        cache_dir = out / CACHE_DIR / "extract" if cache else None
        tables, warnings = build_data(seeds, tmp / "data", repo, jobs=jobs, cache_dir=cache_dir)
        if site:
            from accords.site import build_site

            build_site(tmp / "data", tmp, repo_root=repo, seeds_dir=seeds)
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildResult(out, {k: len(v) for k, v in tables.items()}, warnings)


def _recover(out: Path) -> None:
    """Put back the last good build if a swap was cut off between its two renames."""
    old = out.parent / f".{out.name}.old"
    if old.is_dir() and not out.exists():
        old.rename(out)


def _swap(new: Path, out: Path) -> None:
    old = out.parent / f".{out.name}.old"
    _recover(out)
    shutil.rmtree(old, ignore_errors=True)
    if (out / CACHE_DIR).is_dir() and not (new / CACHE_DIR).exists():
        (out / CACHE_DIR).rename(new / CACHE_DIR)  # the cache outlives the build it served
    if out.exists():
        out.rename(old)
    try:
        new.rename(out)
    except BaseException:  # the last good build goes back in place, with its cache
        _recover(out)
        if (new / CACHE_DIR).is_dir() and out.is_dir() and not (out / CACHE_DIR).exists():
            (new / CACHE_DIR).rename(out / CACHE_DIR)
        raise
    shutil.rmtree(old, ignore_errors=True)
