"""``accords diff OLD NEW``: what changed in the data between two builds, by id, per table.

Each build is read through its own ``datapackage.json`` (the CSV resources and their
primary keys), so two builds with different schemas can be compared: values are
compared as the CSV text, fields present in only one build are reported as schema
changes. Output is Markdown (:mod:`accords.diffmd`: the pull-request summary and the
release notes) or JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from accords.release import Bump, required_bump, schema_fingerprint

Row = dict[str, str | None]


@dataclass
class Change:
    """One row present in both builds whose values differ."""

    id: str
    old: Row
    new: Row
    fields: list[str]


@dataclass
class TableDiff:
    """Rows added, removed and changed in one table, and its fields added and removed."""

    name: str
    key: str
    added: list[Row] = field(default_factory=list)
    removed: list[Row] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    fields_added: list[str] = field(default_factory=list)
    fields_removed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when nothing changed in this table."""
        return not (self.added or self.removed or self.changed
                    or self.fields_added or self.fields_removed)


@dataclass
class PackageDiff:
    """The whole change; ``old`` and ``new`` are the two builds' tables (for quotes)."""

    old_version: str | None
    new_version: str | None
    schema_changed: bool
    tables: list[TableDiff]
    tables_added: list[str]
    tables_removed: list[str]
    old: dict[str, list[Row]]
    new: dict[str, list[Row]]

    @property
    def bump(self) -> Bump:
        """The version step this change calls for (Frictionless data-package rules)."""
        return required_bump(
            self.schema_changed,
            sum(len(t.added) for t in self.tables),
            sum(len(t.changed) for t in self.tables),
            sum(len(t.removed) for t in self.tables),
        )

    def to_json(self) -> dict[str, Any]:
        """Everything but the full tables, as plain JSON values."""
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "bump": self.bump,
            "schema_changed": self.schema_changed,
            "tables_added": self.tables_added,
            "tables_removed": self.tables_removed,
            "tables": {t.name: asdict(t) for t in self.tables},
        }


class DiffError(Exception):
    """A build folder cannot be read; the message says which and why."""


@dataclass
class Resource:
    """One CSV table of a build: primary key, column names and rows (``""`` read as None)."""

    key: str
    fields: list[str]
    rows: list[Row]


def read_package(data_dir: Path) -> tuple[dict[str, Any], dict[str, Resource]]:
    """The descriptor of the build in ``data_dir`` and its CSV tables by name."""
    path = data_dir / "datapackage.json"
    if not path.is_file():
        raise DiffError(f"{data_dir}: no datapackage.json (build it with `accords build`)")
    descriptor: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    tables: dict[str, Resource] = {}
    for res in descriptor.get("resources", []):
        if res.get("format") != "csv":
            continue
        key = ",".join(res.get("schema", {}).get("primaryKey", []))
        if not key:
            raise DiffError(f"{path}: resource {res.get('name')!r} has no primary key")
        with (data_dir / res["path"]).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = [{k: (v if v != "" else None) for k, v in r.items()} for r in reader]
            tables[res["name"]] = Resource(key, list(reader.fieldnames or []), rows)
    return descriptor, tables


def _row_id(row: Row, key: str) -> str:
    return ",".join(row.get(k) or "" for k in key.split(","))


def diff_table(name: str, old: Resource | None, new: Resource) -> TableDiff:
    """Compare two versions of one table by the new version's primary key."""
    out = TableDiff(name, new.key)
    if old is not None:
        out.fields_added = [f for f in new.fields if f not in old.fields]
        out.fields_removed = [f for f in old.fields if f not in new.fields]
    before = {_row_id(r, new.key): r for r in (old.rows if old is not None else [])}
    after = {_row_id(r, new.key): r for r in new.rows}
    common = [f for f in new.fields if old is not None and f in old.fields]
    out.added = [after[k] for k in sorted(after.keys() - before.keys())]
    out.removed = [before[k] for k in sorted(before.keys() - after.keys())]
    for k in sorted(after.keys() & before.keys()):
        fields = [f for f in common if before[k].get(f) != after[k].get(f)]
        if fields:
            out.changed.append(Change(k, before[k], after[k], fields))
    return out


def diff_packages(old_dir: Path, new_dir: Path) -> PackageDiff:
    """The change from the build in ``old_dir`` to the build in ``new_dir``."""
    old_desc, old = read_package(old_dir)
    new_desc, new = read_package(new_dir)
    tables = [diff_table(name, old.get(name), res) for name, res in new.items()]
    return PackageDiff(
        old_version=old_desc.get("version"),
        new_version=new_desc.get("version"),
        schema_changed=schema_fingerprint(old_desc) != schema_fingerprint(new_desc),
        tables=tables,
        tables_added=[n for n in new if n not in old],
        tables_removed=[n for n in old if n not in new],
        old={n: res.rows for n, res in old.items()},
        new={n: res.rows for n, res in new.items()},
    )


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``accords diff``."""
    p = sub.add_parser("diff", help="show the data change between two builds",
                       description="Compare two built data folders (each with its "
                       "datapackage.json) by id, table by table: rows added, removed and "
                       "changed, with the quotes of the new facts.")
    p.add_argument("old", type=Path, metavar="OLD_DATA_DIR",
                   help="the earlier build, e.g. base/data")
    p.add_argument("new", type=Path, metavar="NEW_DATA_DIR",
                   help="the later build, e.g. build/data")
    p.add_argument("--format", choices=("markdown", "json"), default="markdown",
                   help="markdown (default; for job summaries and release notes) or json")
    p.add_argument("--max-rows", type=int, default=50, metavar="N",
                   help="list at most N rows per table and kind of change "
                   "(default 50; 0: counts only)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``accords diff`` with parsed arguments; return the exit status."""
    from accords.diffmd import render_markdown

    try:
        result = diff_packages(args.old, args.new)
    except (DiffError, OSError, ValueError, KeyError) as exc:
        print(f"accords diff: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        print(render_markdown(result, max_rows=args.max_rows), end="")
    return 0
