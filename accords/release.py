"""Data releases: the package ``version`` under the Frictionless data-package rules.

- **major**: the shape changed: a table or field renamed, removed, added, re-ordered
  or retyped, or a key changed (:func:`schema_fingerprint` differs);
- **minor**: data added (new rows);
- **patch**: fixes to existing data (rows changed or removed).

The version is :data:`accords.package.CONTRACT_VERSION`. Each major version's schema
fingerprint is recorded in :data:`SCHEMA_FINGERPRINTS`, so a test fails when the
shape changes without a new major version. Every release has an entry, with its
``accords diff``, in ``docs/changelog.md``, which the site publishes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Literal

Bump = Literal["major", "minor", "patch", "none"]

SCHEMA_FINGERPRINTS: dict[int, str] = {
    1: "5f02031ef0a37ae807843395ab8a79cf439e78f634ee7ce8b6bf047880b4d271",
}
"""Major version → :func:`schema_fingerprint` of its tables. Add a line for a new major."""

CHANGELOG = "docs/changelog.md"
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
_HEADING = re.compile(r"^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def parse_version(version: str) -> tuple[int, int, int]:
    """``"1.2.3"`` → ``(1, 2, 3)``; ValueError for anything else."""
    match = _VERSION.match(version)
    if match is None:
        raise ValueError(f"version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def _shape(descriptor: Mapping[str, object]) -> list[object]:
    """What a reader of the tables depends on: names, field order and types, keys."""
    out: list[object] = []
    resources = descriptor.get("resources", [])
    for res in resources if isinstance(resources, list) else []:
        schema = res.get("schema", {})
        fields = [
            [f.get("name"), f.get("type"), f.get("itemType"), f.get("delimiter")]
            for f in schema.get("fields", [])
        ]
        out.append([res.get("name"), res.get("path"), fields, schema.get("primaryKey"),
                    schema.get("foreignKeys")])
    return out


def schema_fingerprint(descriptor: Mapping[str, object]) -> str:
    """SHA-256 of the package's shape; descriptions and constraints are left out."""
    text = json.dumps(_shape(descriptor), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def required_bump(schema_changed: bool, added: int, changed: int, removed: int) -> Bump:
    """The smallest version step that a change of this kind calls for."""
    if schema_changed:
        return "major"
    if added:
        return "minor"
    if changed or removed:
        return "patch"
    return "none"


def bumped(version: str, bump: Bump) -> str:
    """``version`` raised by one ``bump`` step (unchanged for ``"none"``)."""
    major, minor, patch = parse_version(version)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version


def changelog_releases(text: str) -> list[tuple[str, str]]:
    """``(version, date)`` of every ``## X.Y.Z — YYYY-MM-DD`` heading, newest first."""
    return [(m.group(1), m.group(2)) for m in _HEADING.finditer(text)]
