"""Assemble OUT/docs (hand-written docs + rendered pages + data) and build OUT/site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from accords.accuracy import measure
from accords.pages import RESERVED, render_pages


class SiteBuildError(RuntimeError):
    """mkdocs build --strict failed; the message carries mkdocs' output."""


def build_site(
    data_dir: Path, out: Path, *, repo_root: Path, seeds_dir: Path | None = None
) -> Path:
    """Render the pages for the tables in `data_dir` and build the site; return OUT/site.

    With `seeds_dir`, each citation's quote is checked against its seed first, and the
    data is scored against the gold annotations in REPO/tests/gold for the method page.
    """
    docs, site = out / "docs", out / "site"
    shutil.rmtree(docs, ignore_errors=True)
    hand_written = repo_root / "docs"
    if hand_written.is_dir():
        clash = sorted(p.name for p in hand_written.iterdir() if p.name in RESERVED)
        if clash:
            raise SiteBuildError(f"docs/ must not hold generated names: {', '.join(clash)}")
        shutil.copytree(hand_written, docs)
    docs.mkdir(parents=True, exist_ok=True)
    accuracy = None
    if seeds_dir is not None:
        accuracy = measure(data_dir, repo_root / "tests" / "gold", seeds_dir)
    render_pages(data_dir, docs, seeds_dir=seeds_dir, accuracy=accuracy)
    config = out / "mkdocs.yml"
    derived = {
        "INHERIT": str((repo_root / "mkdocs.yml").resolve()),
        "docs_dir": str(docs.resolve()),
        "site_dir": str(site.resolve()),
    }
    config.write_text(yaml.safe_dump(derived, sort_keys=False), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "-f",
        str(config),
        "-d",
        str(site.resolve()),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SiteBuildError(
            f"mkdocs build --strict failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return site
