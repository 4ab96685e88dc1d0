"""Data releases: the package ``version`` under the Frictionless data-package rules.

- **major**: the shape changed: a table or field renamed, removed, added, re-ordered
  or retyped, or a key changed (:func:`schema_fingerprint` differs);
- **minor**: data added (new rows);
- **patch**: fixes to existing data (rows changed or removed).

The version is the newest release heading of ``docs/changelog.md`` (:func:`read_version`),
where every release has an entry with its ``accords diff``; the site publishes it.
``accords release OLD NEW`` cuts the next one: it compares the last release's data with
the new build, takes the step the change calls for, and writes the entry and the
repository's ``datapackage.json``. Each major version's schema fingerprint is recorded
in :data:`SCHEMA_FINGERPRINTS`, so a test fails when the shape changes without a new
major version.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
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


def read_version(repo: Path) -> str:
    """The data's version: the newest release of ``repo``'s changelog (``0.0.0`` without one)."""
    path = repo / CHANGELOG
    releases = changelog_releases(path.read_text(encoding="utf-8")) if path.is_file() else []
    return releases[0][0] if releases else "0.0.0"


def add_release(changelog: str, version: str, date: str, body: str) -> str:
    """``changelog`` with a ``## version — date`` entry holding ``body`` before the newest one."""
    entry = f"## {version} — {date}\n\n{body.rstrip()}\n\n"
    first = _HEADING.search(changelog)
    at = first.start() if first else len(changelog)
    head = changelog[:at] if first else changelog.rstrip("\n") + "\n\n"
    return head + entry + changelog[at:]


_KEYS = {"meetings": "meeting_id", "agreements": "agreement_id"}


def moved_ids(old: Mapping[str, Sequence[Mapping[str, object]]], new: Mapping[str, Sequence[Mapping[str, object]]]
              ) -> list[tuple[str, str]]:
    """Ids of the old release's meetings, agreements and people that name no record of the new
    build, each with the new record that holds most of its facts: the one cited for the most
    of the same passages (source and span); people through the passages of their names."""
    def evidence(tables: Mapping[str, Sequence[Mapping[str, object]]]) -> dict[str, set[tuple[str, str, str]]]:
        found: dict[str, set[tuple[str, str, str]]] = {}
        owner = {str(r[k]): str(r["person_id"]) for t, k in (("participants", "participant_id"),
                                                              ("signatories", "signatory_id"))
                 for r in tables.get(t, [])}
        for c in tables.get("citations", []):
            rid = str(c["record_id"])
            span = (str(c["source_id"]), str(c["start"]), str(c["end"]))
            if rid[:3] in ("mtg", "agr"):
                found.setdefault(rid, set()).add(span)
            elif rid in owner and c["field"] == "name":
                found.setdefault(owner[rid], set()).add(span)
        return found

    live = {str(r[k]) for t, k in (*_KEYS.items(), ("people", "person_id")) for r in new.get(t, [])}
    before, after = evidence(old), evidence(new)
    by_span: dict[tuple[str, str, str], set[str]] = {}
    for rid, spans in after.items():
        for span in spans:
            by_span.setdefault(span, set()).add(rid)
    out: list[tuple[str, str]] = []
    for t, k in (*_KEYS.items(), ("people", "person_id")):
        for row in old.get(t, []):
            rid = str(row[k])
            if rid in live:
                continue
            votes: dict[str, int] = {}
            for span in before.get(rid, ()):
                for cand in by_span.get(span, ()):
                    if cand[:3] == rid[:3] and cand in live:
                        votes[cand] = votes.get(cand, 0) + 1
            if votes:
                out.append((rid, min(votes, key=lambda c: (-votes[c], c))))
    # the old release's own redirects lead on to where their targets are now
    moved = dict(out)
    redirected = {str(r["old_id"]) for r in new.get("redirects", [])}
    for r in old.get("redirects", []):
        rid, target = str(r["old_id"]), str(r["new_id"])
        target = target if target in live else moved.get(target, "")
        if rid not in live and rid not in redirected and rid not in moved and target:
            out.append((rid, target))
    return sorted(out)


def add_moved(text: str, moves: list[tuple[str, str]], version: str) -> str:
    """``curation/moved.yml`` with ``moves`` of release ``version`` added at its end."""
    head = text if text.strip() else MOVED_HEADER
    lines = [f"- {{old: {old}, new: {new}, release: \"{version}\"}}" for old, new in moves]
    return head.rstrip("\n") + "\n" + "\n".join(lines) + "\n"


MOVED_HEADER = """\
# Ids that earlier releases published and that name no record any more, each with the record
# that held its facts when the next release was cut. Written by `accords release`; every
# build publishes them in the redirects table, so old links and joins keep working.
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``accords release``."""
    p = sub.add_parser("release", help="cut a data release: version, changelog entry, datapackage.json",
                       description="Compare the last release's data (OLD_DATA_DIR, built from its tag) "
                       "with a new build, raise the version by the step the change calls for (Frictionless "
                       "data-package rules), add the entry with the diff to docs/changelog.md and write "
                       "the repository's datapackage.json. Then commit and tag data-vX.Y.Z.")
    p.add_argument("old", type=Path, metavar="OLD_DATA_DIR", help="the last release's data")
    p.add_argument("new", type=Path, metavar="NEW_DATA_DIR", help="the new build's data")
    p.add_argument("--repo", type=Path, default=Path("."), help="repository root (default: .)")
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="release date (default: today, UTC)")
    p.add_argument("--max-rows", type=int, default=50, metavar="N",
                   help="rows listed per table and kind of change in the entry (default 50)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``accords release``; 0 with nothing to release too, 2 when the inputs disagree."""
    from accords.diff import DiffError, diff_packages
    from accords.diffmd import render_markdown
    from accords.package import write_root_datapackage

    current = read_version(args.repo)
    try:
        diff = diff_packages(args.old, args.new)
    except (DiffError, OSError, ValueError, KeyError) as exc:
        print(f"accords release: {exc}", file=sys.stderr)
        return 2
    if diff.old_version != current:
        print(f"accords release: {args.old} holds version {diff.old_version}, but {CHANGELOG} is at {current}: "
              f"build the last release (git tag data-v{current}) as OLD_DATA_DIR", file=sys.stderr)
        return 2
    bump = diff.bump
    if bump == "none":
        print(f"nothing to release: the data is the same as {current}")
        return 0
    version = bumped(current, bump)
    diff.new_version = version
    date = args.date or datetime.now(tz=UTC).strftime("%Y-%m-%d")
    path = args.repo / CHANGELOG
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Changelog\n"
    path.write_text(add_release(text, version, date, render_markdown(diff, max_rows=args.max_rows)),
                    encoding="utf-8")
    write_root_datapackage(args.repo, version)
    from accords.package import read_tables

    moves = moved_ids(read_tables(args.old), read_tables(args.new))
    written = [CHANGELOG, "datapackage.json"]
    if moves:
        moved = args.repo / "curation" / "moved.yml"
        moved.parent.mkdir(parents=True, exist_ok=True)
        moved.write_text(add_moved(moved.read_text(encoding="utf-8") if moved.is_file() else "", moves, version),
                         encoding="utf-8")
        written.append(f"curation/moved.yml ({len(moves)} ids moved)")
    print(f"released {version} ({bump}): {', '.join(written)} written; commit them and tag the commit "
          f"data-v{version}")
    return 0
