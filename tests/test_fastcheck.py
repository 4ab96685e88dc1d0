"""The column-by-column check of a written package objects to what frictionless objects to.

A package of the real seeds is broken one way at a time (the file's declared bytes and
hash kept right, so that only the constraint fails); both :mod:`accords.fastcheck` and
frictionless must report it."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from accords import fastcheck

Rows = list[list[str]]


@pytest.fixture()
def package(seeds_build: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(seeds_build, copy)
    return copy


def _edit(folder: Path, table: str, change: Callable[[Rows], None]) -> None:
    """Change a table's CSV rows and declare its new bytes and hash."""
    path = folder / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    change(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    data = out.getvalue().encode("utf-8")
    path.write_bytes(data)
    descriptor = folder / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    for r in package["resources"]:
        if r["name"] == table:
            r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    descriptor.write_text(json.dumps(package, indent=2), encoding="utf-8")


def _set(field: str, value: str, row: int = 1) -> Callable[[Rows], None]:
    def change(rows: Rows) -> None:
        rows[row][rows[0].index(field)] = value
    return change


def _duplicate(rows: Rows) -> None:
    rows.append(list(rows[1]))


CASES = [
    ("sources", _set("file", ""), "required value"),
    ("meetings", _set("kind", "picnic"), "not one of"),
    ("meetings", _set("meeting_id", "mtg-XYZ"), "does not match"),
    ("citations", _set("start", "twelve"), "not an integer"),
    ("citations", _set("start", "-1"), "minimum"),
    ("sources", _duplicate, "duplicate"),
    ("participants", _set("meeting_id", "mtg-000000000000"), "is no meetings.meeting_id"),
]


@pytest.mark.parametrize(("table", "change", "message"), CASES, ids=[c[2] for c in CASES])
def test_each_broken_constraint_is_reported_by_both(package: Path, table: str, change: Callable[[Rows], None],
                                                    message: str) -> None:
    import frictionless

    assert fastcheck.problems(package / "datapackage.json") == []
    _edit(package, table, change)
    found = fastcheck.problems(package / "datapackage.json")
    assert any(message in p for p in found), found
    assert not frictionless.validate(str(package / "datapackage.json")).valid


def test_a_changed_file_and_a_twin_that_differs(package: Path) -> None:
    path = package / "meetings.csv"
    path.write_bytes(path.read_bytes().replace(b",", b";", 1))  # bytes no longer as declared
    assert any("hash" in p or "bytes" in p for p in fastcheck.problems(package / "datapackage.json"))
    _edit(package, "people", _set("name_en", "Someone Else"))  # the CSV now differs from its Parquet twin
    assert any("Parquet rows differ" in p for p in fastcheck.problems(package / "datapackage.json"))
