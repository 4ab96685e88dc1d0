"""The data package as one download: a zip with every file and a README.

The zip is byte-identical for identical inputs: entries in sorted order under one
folder, a fixed timestamp (1980-01-01, the earliest a zip can hold), fixed permissions
and one compression level.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

ZIP_NAME = "accords-data.zip"
FOLDER = "accords-data"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def cite_as(package: dict[str, Any]) -> str:
    """How to cite this version of the data package, as one line of plain text."""
    authors = ", ".join(
        str(c.get("title")) for c in package.get("contributors", []) if c.get("title")
    )
    created = str(package.get("created", ""))[:10]
    year = f" ({created[:4]})" if created else ""
    parts = [
        f"{authors or 'Accords contributors'}{year}.",
        f"{package.get('title') or package.get('name', 'Accords')}.",
        f"Data package, version {package.get('version', '?')}"
        + (f", created {created}." if created else "."),
    ]
    return " ".join(parts)


def licence_names(package: dict[str, Any]) -> list[str]:
    return [str(lic.get("title") or lic.get("name")) for lic in package.get("licenses", [])]


def readme(package: dict[str, Any], files: dict[str, list[str]], rows: dict[str, int]) -> str:
    """README.md of the zip: what each file holds, how to load and cite it, its licence."""
    descriptions = {str(r["name"]): str(r.get("description", "")) for r in package["resources"]}
    lines = [
        f"# {package.get('title') or 'Accords'}",
        "",
        str(package.get("description", "")),
        "",
        f"Version {package.get('version', '?')}"
        + (f", created {package['created']}." if package.get("created") else "."),
        "",
        "## Files",
        "",
        "- `datapackage.json`: the Frictionless Data Package v2 descriptor (tables, columns,",
        "  types, keys). Validate with `frictionless validate datapackage.json`.",
    ]
    for name in sorted(files):
        names = " and ".join(f"`{f}`" for f in files[name])
        lines.append(f"- {names}: {rows.get(name, 0)} rows. {descriptions.get(name, '')}")
    lines += [
        "",
        "CSV files are UTF-8 with a header row; list values are joined by the delimiter the",
        "descriptor gives for the field. The Parquet files hold the same rows, typed.",
        "",
        "## Load",
        "",
        "```python",
        "import pandas as pd",
        'meetings = pd.read_parquet("meetings.parquet")',
        "",
        "from frictionless import Package",
        'package = Package("datapackage.json")',
        'agreements = package.get_resource("agreements").read_rows()',
        "```",
        "",
        "```sql",
        "-- DuckDB",
        "SELECT * FROM 'agreements.parquet' ORDER BY signed_date DESC;",
        "```",
        "",
        "## Licence",
        "",
        f"The data: {', '.join(licence_names(package)) or 'see datapackage.json'}. Quoted",
        "passages remain the work of their publishers and are quoted as evidence; the full",
        "text of an article (column `text` of `sources`) is included only when the article's",
        "own licence allows it.",
        "",
        "## Cite",
        "",
        cite_as(package),
        "",
    ]
    return "\n".join(lines)


def write_zip(data_dir: Path, files: dict[str, list[str]], text: str) -> Path:
    """Write `data_dir`/ZIP_NAME holding README.md, datapackage.json and every table file."""
    names = ["datapackage.json", *sorted(f for group in files.values() for f in group)]
    path = data_dir / ZIP_NAME
    with zipfile.ZipFile(path, "w") as archive:
        entries = [("README.md", text.encode("utf-8"))]
        entries += [(name, (data_dir / name).read_bytes()) for name in names]
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)
    return path
