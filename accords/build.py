"""The runner: the only place that reads seeds and writes outputs.

seeds → documents → facts → records → tables → data package (+ pages → site).
Everything is written into a fresh temporary folder beside ``OUT`` and swapped into
place only when complete and validated, so a failed build leaves ``OUT`` untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from accords import __version__
from accords.documents import SeedError, SeedErrors, load_seeds
from accords.extract import extract
from accords.package import validate_package, write_package
from accords.resolve import resolve
from accords.tables import build_tables


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
    return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_data(seeds: Path, data_dir: Path, repo: Path) -> tuple[dict[str, list[dict[str, object]]], list[SeedError]]:
    """Load, extract, resolve and write the validated package into ``data_dir``."""
    docs, problems = load_seeds(seeds)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise SeedErrors(errors)
    facts = [extract(d) for d in docs]
    tables = build_tables(resolve(facts))
    path = write_package(tables, data_dir, version=__version__, created=created_time(repo))
    issues = validate_package(path)
    if issues:
        raise BuildError("the data package does not validate:\n" + "\n".join(issues))
    return tables, [p for p in problems if p.warning]


def build(seeds: Path, out: Path, *, site: bool = True, repo: Path | None = None) -> BuildResult:
    """Build data (and site) into a temporary folder, then swap it into ``out``."""
    repo = repo or Path.cwd()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        tables, warnings = build_data(seeds, tmp / "data", repo)
        if site:
            from accords.site import build_site

            build_site(tmp / "data", tmp, repo_root=repo, seeds_dir=seeds)
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildResult(out, {k: len(v) for k, v in tables.items()}, warnings)


def _swap(new: Path, out: Path) -> None:
    old = out.parent / f".{out.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)
