"""Published tables -> Markdown pages for mkdocs, via the jinja2 templates in templates/.

Pages are rendered from the CSVs and datapackage.json only. Every data value is
untrusted: templates print it through `md_text` (the environment's finalize), which
turns HTML- and Markdown-special characters into numeric entities, so a title like
`<script>` or `[x](javascript:…)` shows literally and parses as nothing. Snippets of
markup are built (accords.views, accords.charts) from validated ids and escaped values
and passed as Markup.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from accords.bundle import readme, write_zip
from accords.markup import checked, finalize, human, join, md_text, plural, weblink, yaml_str
from accords.views import SECTIONS, Row, Site, search_keys

__all__ = ["ENV", "RESERVED", "check_quotes", "checked", "load_tables", "md_text", "render_pages"]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True,
        finalize=finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Builtins that return Markup from unescaped data would bypass md_text: drop them.
    for name in (
        "safe",
        "e",
        "escape",
        "forceescape",
        "replace",
        "tojson",
        "urlize",
        "xmlattr",
        "indent",
        "format",
    ):
        del env.filters[name]
    env.filters["join"] = join
    env.filters["md"] = md_text
    env.filters["yaml_str"] = yaml_str
    env.filters["weblink"] = weblink
    env.filters["human"] = human
    env.filters["plural"] = plural
    env.filters["anchor"] = lambda key: Markup(checked("citations", key))
    env.filters["datafile"] = lambda name: Markup(checked("data", name))
    return env


ENV = _environment()


def load_tables(data_dir: Path) -> tuple[dict[str, list[Row]], dict[str, Any]]:
    """Each CSV resource of datapackage.json as rows of str, list fields split."""
    package: dict[str, Any] = json.loads((data_dir / "datapackage.json").read_text("utf-8"))
    tables: dict[str, list[Row]] = {}
    for resource in package["resources"]:
        path = str(resource.get("path", ""))
        if not path.endswith(".csv"):
            continue
        frame = pd.read_csv(data_dir / checked("data", path), dtype=str, keep_default_na=False)
        rows: list[Row] = [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
        for spec in resource["schema"]["fields"]:
            if spec.get("type") == "list":
                sep = spec.get("delimiter", ",")
                for row in rows:
                    row[spec["name"]] = [v for v in row[spec["name"]].split(sep) if v]
        tables[resource["name"]] = rows
    return tables, package


def _copy_data(data_dir: Path, package: dict[str, Any], dest: Path) -> dict[str, list[str]]:
    """Copy datapackage.json and every resource's file; return CSV table -> its files.

    A table's files are its CSV and, when present, its Parquet twin (same stem).
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(data_dir / "datapackage.json", dest / "datapackage.json")
    files: dict[str, list[str]] = {}
    for resource in package["resources"]:
        path = checked("data", str(resource.get("path", "")))
        if (data_dir / path).is_file():
            shutil.copy2(data_dir / path, dest / path)
        if path.endswith(".csv"):
            twin = path[: -len(".csv")] + ".parquet"
            if (data_dir / twin).is_file():
                shutil.copy2(data_dir / twin, dest / twin)
            files[str(resource["name"])] = [path] + [twin] * (data_dir / twin).is_file()
    return files


def render_pages(
    data_dir: Path,
    docs_out: Path,
    *,
    seeds_dir: Path | None = None,
    accuracy: list[dict[str, Any]] | None = None,
) -> list[Path]:
    """Render every page of the site into `docs_out`; return the Markdown files written.

    With `seeds_dir`, each citation's quote is first checked against its seed file.
    `accuracy` (see accords.accuracy) replaces the ACCURACY_MARKER line of a hand-written
    method.md already in `docs_out`.
    """
    tables, package = load_tables(data_dir)
    if seeds_dir is not None:
        check_quotes(tables, seeds_dir)
    for section in (*SECTIONS, "data"):
        shutil.rmtree(docs_out / section, ignore_errors=True)
    files = _copy_data(data_dir, package, docs_out / "data")
    rows = {name: len(table) for name, table in tables.items()}
    write_zip(docs_out / "data", files, readme(package, files, rows))
    site = Site(tables, package, files, extra_pages=_hand_written(docs_out))
    written = []
    for rel, template, context in site.pages():
        path = docs_out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        page = ENV.get_template(template).render(context)
        if rel.split("/", 1)[0] in SECTIONS:
            page += search_keys(page)  # the names on the page in every spelling, for search
        path.write_text(page, encoding="utf-8")
        written.append(path)
    method = docs_out / "method.md"
    if method.is_file():
        text = method.read_text(encoding="utf-8")
        if ACCURACY_MARKER in text:
            table = ENV.get_template("accuracy.md.j2").render(sets=accuracy or [])
            method.write_text(text.replace(ACCURACY_MARKER, table), encoding="utf-8")
            written.append(method)
    return written


ACCURACY_MARKER = "<!-- accords:accuracy -->"
"""The line of docs/method.md that the build replaces with the measured accuracy."""


RESERVED = ("index.md", "data.md", "data", *SECTIONS)
"""Top-level names in docs/ that render_pages writes (and clears first)."""


def _hand_written(docs_out: Path) -> set[str]:
    return {p for p in ("method.md", "contribute.md") if (docs_out / p).is_file()}


def check_quotes(tables: dict[str, list[Row]], seeds_dir: Path) -> None:
    """Raise if a citation's quote is not the slice start:end of its seed file."""
    files = {row["source_id"]: row["file"] for row in tables.get("sources", [])}
    texts: dict[str, str] = {}
    for cit in tables.get("citations", []):
        name = files[cit["source_id"]]
        if name not in texts:
            texts[name] = (seeds_dir / checked("data", name)).read_text(encoding="utf-8")
        if texts[name][int(cit["start"]) : int(cit["end"])] != cit["quote"]:
            raise ValueError(f"{cit['citation_id']}: quote is not {name}[start:end]")
