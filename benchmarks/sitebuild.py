"""The site stages, split so each is timed: render pages, mkdocs as Accords configures it,
and mkdocs-material bare on the same pages (the yardstick for the site figure).

The rendering and the Accords build mirror :func:`accords.site.build_site` (hand-written
docs copied, pages rendered, a derived config that INHERITs mkdocs.yml, ``mkdocs build
--strict``), without its accuracy measurement against the gold articles, which the
synthetic corpus has none of.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from accords.pages import render_pages


def build_pages(data: Path, seeds: Path, docs: Path, repo: Path) -> int:
    """Render every page into ``docs``; return how many Markdown pages there are."""
    shutil.rmtree(docs, ignore_errors=True)
    if (repo / "docs").is_dir():
        shutil.copytree(repo / "docs", docs)
    docs.mkdir(parents=True, exist_ok=True)
    render_pages(data, docs, seeds_dir=seeds)
    return sum(1 for _ in docs.rglob("*.md"))


def build_site_only(docs: Path, site: Path, config: Path, repo: Path) -> None:
    """mkdocs with Accords' configuration (strict), as ``accords build`` runs it."""
    derived = {"INHERIT": str((repo / "mkdocs.yml").resolve()), "docs_dir": str(docs.resolve()),
               "site_dir": str(site.resolve())}
    _mkdocs(config, derived, site, strict=True)


def build_bare(docs: Path, site: Path, config: Path, repo: Path, *, extensions: bool = False) -> None:
    """mkdocs-material with a minimal configuration: the theme, its default search, and
    the same navigation (without it, every page would list all the others).

    Bare mkdocs leaves the Markdown inside the pages' ``<div markdown>`` blocks (each fact
    with its citations) as raw HTML: their links and citation paragraphs are not rendered
    at all, so it does less work than any build that shows the pages as written. With
    ``extensions``, it also gets Accords' Markdown extensions (md_in_html, attr_list …) and
    renders the same HTML: the difference to Accords' build is then its configuration only."""
    bare: dict[str, Any] = {"site_name": "Bare", "docs_dir": str(docs.resolve()), "site_dir": str(site.resolve()),
                            "theme": {"name": "material"}}
    accords = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("nav", "not_in_nav", *(("markdown_extensions",) if extensions else ())):
        if key in accords:
            bare[key] = accords[key]
    _mkdocs(config, bare, site, strict=False)


def _mkdocs(config: Path, settings: dict[str, Any], site: Path, *, strict: bool) -> None:
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config), "-d", str(site.resolve())]
    if strict:
        command.insert(4, "--strict")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs failed ({result.returncode}):\n{result.stdout}{result.stderr}")
