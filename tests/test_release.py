"""Data releases: the version follows the Frictionless rules and has a changelog entry."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from accords.release import (
    CHANGELOG,
    SCHEMA_FINGERPRINTS,
    bumped,
    changelog_releases,
    parse_version,
    read_version,
    required_bump,
    schema_fingerprint,
)
from accords.schema import datapackage_descriptor

ROOT = Path(__file__).resolve().parent.parent
VERSION = read_version(ROOT)


def test_schema_fingerprint_matches_the_major_version() -> None:
    major = parse_version(VERSION)[0]
    found = schema_fingerprint(datapackage_descriptor(VERSION))
    assert SCHEMA_FINGERPRINTS.get(major) == found, (
        f"The tables' shape (names, field order, types, keys) differs from version {major}'s.\n"
        f"Renaming, removing, adding, re-ordering or retyping a field is a major change:\n"
        f"add {{{major + 1}: \"{found}\"}} to SCHEMA_FINGERPRINTS in accords/release.py and cut "
        f"release {bumped(VERSION, 'major')} (accords release: see CONTRIBUTING.md). (Before the first "
        f"release of major {major} is tagged, replace the fingerprint of {major} instead.)"
    )


def test_changelog_lists_the_current_version_first() -> None:
    releases = changelog_releases((ROOT / CHANGELOG).read_text(encoding="utf-8"))
    assert releases, f"{CHANGELOG} has no '## X.Y.Z — YYYY-MM-DD' heading"
    versions = [parse_version(v) for v, _ in releases]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    dates = [d for _, d in releases]
    assert dates == sorted(dates, reverse=True)


def test_every_major_version_has_a_fingerprint() -> None:
    releases = changelog_releases((ROOT / CHANGELOG).read_text(encoding="utf-8"))
    assert {parse_version(v)[0] for v, _ in releases} <= set(SCHEMA_FINGERPRINTS)


def test_build_carries_the_version(seeds_build: Path) -> None:
    descriptor = json.loads((seeds_build / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == VERSION
    assert schema_fingerprint(descriptor) == SCHEMA_FINGERPRINTS[parse_version(VERSION)[0]]


def _fields(d: dict[str, Any]) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = d["resources"][0]["schema"]["fields"]
    return fields


@pytest.mark.parametrize(("change", "same"), [
    (lambda d: _fields(d)[1].update(description="new words"), True),
    (lambda d: _fields(d)[1].update(constraints={"required": True}), True),
    (lambda d: d.update(version="9.9.9", created="2030-01-01T00:00:00Z"), True),
    (lambda d: _fields(d)[1].update(name="renamed"), False),
    (lambda d: _fields(d)[1].update(type="integer"), False),
    (lambda d: _fields(d).pop(), False),
    (lambda d: _fields(d).reverse(), False),
    (lambda d: d["resources"].pop(), False),
])
def test_fingerprint_sees_shape_not_words(change: Any, same: bool) -> None:
    before = datapackage_descriptor("1.0.0")
    after = copy.deepcopy(before)
    change(after)
    assert (schema_fingerprint(before) == schema_fingerprint(after)) is same


@pytest.mark.parametrize(("args", "bump", "next_version"), [
    ((True, 0, 0, 0), "major", "2.0.0"),
    ((False, 3, 1, 1), "minor", "1.3.0"),
    ((False, 0, 2, 0), "patch", "1.2.4"),
    ((False, 0, 0, 1), "patch", "1.2.4"),
    ((False, 0, 0, 0), "none", "1.2.3"),
])
def test_required_bump(args: tuple[bool, int, int, int], bump: str, next_version: str) -> None:
    assert required_bump(*args) == bump
    assert bumped("1.2.3", required_bump(*args)) == next_version


def test_root_datapackage_has_the_version() -> None:
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == VERSION


def _build(seeds: Path, repo: Path, out: Path) -> Path:
    from accords.build import build_data

    build_data(seeds, out, repo)
    return out


def test_accords_release_cuts_the_next_version_from_the_diff(tmp_path: Path) -> None:
    """A seed added since the last release: a minor release, its entry with the diff at the top of
    the changelog, and the repository's datapackage.json at the new version."""
    from accords.cli import main

    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / CHANGELOG).write_text("# Changelog\n\nIntro.\n\n## 1.0.0 — 2026-11-22\n\nFirst.\n", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("06_az.txt", "07_ru.txt"):
        (seeds / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    old = _build(seeds, repo, tmp_path / "old")
    (seeds / "12_uz.txt").write_bytes((ROOT / "seeds" / "12_uz.txt").read_bytes())
    new = _build(seeds, repo, tmp_path / "new")
    args = ["release", str(old), str(new), "--repo", str(repo), "--date", "2026-11-29"]
    assert main(args) == 0
    text = (repo / CHANGELOG).read_text(encoding="utf-8")
    assert changelog_releases(text) == [("1.1.0", "2026-11-29"), ("1.0.0", "2026-11-22")]
    assert text.index("Intro.") < text.index("## 1.1.0") < text.index("| meetings |") < text.index("## 1.0.0")
    assert read_version(repo) == "1.1.0"
    assert json.loads((repo / "datapackage.json").read_text(encoding="utf-8"))["version"] == "1.1.0"
    assert main(args) == 2  # the old data is no longer the last release
    same = _build(seeds, repo, tmp_path / "same")
    assert main(["release", str(same), str(same), "--repo", str(repo)]) == 0  # nothing to release
    assert changelog_releases((repo / CHANGELOG).read_text(encoding="utf-8"))[0][0] == "1.1.0"


def _cite(rid: str, field: str, source: str, start: int) -> dict[str, object]:
    return {"record_id": rid, "field": field, "source_id": source, "start": start, "end": start + 5}


def test_moved_ids_follow_the_facts_to_their_new_records() -> None:
    from accords.release import moved_ids

    old = {"meetings": [{"meeting_id": "mtg-aaaaaaaaaaaa"}, {"meeting_id": "mtg-cccccccccccc"}],
           "people": [{"person_id": "per-aaaaaaaaaaaa"}],
           "participants": [{"participant_id": "par-aaaaaaaaaaaa", "person_id": "per-aaaaaaaaaaaa"}],
           "redirects": [{"old_id": "mtg-000000000000", "new_id": "mtg-aaaaaaaaaaaa"}],
           "citations": [_cite("mtg-aaaaaaaaaaaa", "date", "src-1", 10), _cite("mtg-aaaaaaaaaaaa", "city", "src-1", 40),
                         _cite("mtg-cccccccccccc", "date", "src-2", 10),
                         _cite("par-aaaaaaaaaaaa", "name", "src-1", 70)]}
    new = {"meetings": [{"meeting_id": "mtg-bbbbbbbbbbbb"}, {"meeting_id": "mtg-dddddddddddd"},
                        {"meeting_id": "mtg-cccccccccccc"}],
           "people": [{"person_id": "per-bbbbbbbbbbbb"}],
           "participants": [{"participant_id": "par-bbbbbbbbbbbb", "person_id": "per-bbbbbbbbbbbb"}],
           "citations": [_cite("mtg-bbbbbbbbbbbb", "date", "src-1", 10), _cite("mtg-bbbbbbbbbbbb", "city", "src-1", 40),
                         _cite("mtg-dddddddddddd", "date", "src-1", 10),  # fewer shared passages
                         _cite("mtg-cccccccccccc", "date", "src-2", 10),
                         _cite("par-bbbbbbbbbbbb", "name", "src-1", 70)]}
    assert moved_ids(old, new) == [("mtg-000000000000", "mtg-bbbbbbbbbbbb"),  # an old redirect leads on
                                   ("mtg-aaaaaaaaaaaa", "mtg-bbbbbbbbbbbb"),
                                   ("per-aaaaaaaaaaaa", "per-bbbbbbbbbbbb")]


def test_moves_of_earlier_releases_are_published_as_redirects() -> None:
    from accords.curation import Moved
    from accords.overrides import carry_moved

    tables: dict[str, list[dict[str, object]]] = {
        "meetings": [{"meeting_id": "mtg-cccccccccccc"}], "agreements": [], "people": [],
        "redirects": [{"old_id": "mtg-bbbbbbbbbbbb", "new_id": "mtg-cccccccccccc", "table": "meetings",
                       "reason": "merge"}]}
    moved = [Moved("mtg-aaaaaaaaaaaa", "mtg-bbbbbbbbbbbb", "1.1.0", 4),  # a chain through a merge
             Moved("mtg-cccccccccccc", "mtg-eeeeeeeeeeee", "1.1.0", 5),  # names a record again: left out
             Moved("mtg-dddddddddddd", "mtg-ffffffffffff", "1.1.0", 6)]  # leads nowhere: left out
    rows = carry_moved(tables, moved)["redirects"]
    assert [(r["old_id"], r["new_id"], r["reason"]) for r in rows] == [
        ("mtg-aaaaaaaaaaaa", "mtg-cccccccccccc", "release"), ("mtg-bbbbbbbbbbbb", "mtg-cccccccccccc", "merge")]
