"""``accords diff``: two tiny builds compared by id, table by table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from accords.cli import main
from accords.diff import diff_packages
from accords.diffmd import md, render_markdown

MEETING = ["meeting_id", "label", "city", "source_ids"]
CITATION = ["citation_id", "table", "record_id", "field", "source_id", "quote"]
SOURCE = ["source_id", "file"]


def write_build(root: Path, tables: dict[str, tuple[list[str], list[list[str]]]],
                version: str = "1.0.0") -> Path:
    """A minimal built data folder: one CSV per table, keyed by its first column."""
    root.mkdir(parents=True)
    resources = []
    for name, (fields, rows) in tables.items():
        with (root / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows([fields, *rows])
        resources.append({
            "name": name, "path": f"{name}.csv", "format": "csv",
            "schema": {"fields": [{"name": f, "type": "string"} for f in fields],
                       "primaryKey": [fields[0]]},
        })
    descriptor = {"name": "accords", "version": version, "resources": resources}
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return root


def tables(meetings: list[list[str]], citations: list[list[str]],
           meeting_fields: list[str] = MEETING) -> dict[str, tuple[list[str], list[list[str]]]]:
    return {
        "sources": (SOURCE, [["src-1", "01_az.txt"], ["src-2", "02_en.txt"]]),
        "meetings": (meeting_fields, meetings),
        "citations": (CITATION, citations),
    }


OLD_MEETINGS = [
    ["mtg-a", "AZ–UZ meeting, Baku", "Baku", "src-1"],
    ["mtg-b", "AZ–KZ meeting", "", "src-1"],
    ["mtg-c", "AZ–TR meeting", "Ankara", "src-1"],
]
NEW_MEETINGS = [
    ["mtg-a", "AZ–UZ meeting, Baku", "Baku", "src-1"],  # unchanged
    ["mtg-b", "AZ–KZ meeting, Astana", "Astana", "src-1"],  # changed: label, city
    ["mtg-d", "AZ–UZ talks <b>|x|</b>", "Tashkent", "src-2"],  # added (mtg-c removed)
]
NEW_CITATIONS = [
    ["cit-1", "meetings", "mtg-b", "city", "src-1", "Astanada"],
    ["cit-2", "meetings", "mtg-d", "city", "src-2", "in [Tashkent](javascript:x)"],
]


@pytest.fixture()
def builds(tmp_path: Path) -> tuple[Path, Path]:
    old = write_build(tmp_path / "old", tables(OLD_MEETINGS, []))
    new = write_build(tmp_path / "new", tables(NEW_MEETINGS, NEW_CITATIONS), version="1.1.0")
    return old, new


def test_added_removed_changed_by_id(builds: tuple[Path, Path]) -> None:
    result = diff_packages(*builds)
    meetings = next(t for t in result.tables if t.name == "meetings")
    assert [r["meeting_id"] for r in meetings.added] == ["mtg-d"]
    assert [r["meeting_id"] for r in meetings.removed] == ["mtg-c"]
    assert [(c.id, c.fields) for c in meetings.changed] == [("mtg-b", ["label", "city"])]
    assert meetings.changed[0].old["city"] is None  # an empty CSV cell is no value
    sources = next(t for t in result.tables if t.name == "sources")
    assert sources.empty
    assert not result.schema_changed and result.bump == "minor"
    assert (result.old_version, result.new_version) == ("1.0.0", "1.1.0")


def test_markdown_shows_counts_new_facts_and_quotes(builds: tuple[Path, Path]) -> None:
    text = render_markdown(diff_packages(*builds))
    assert "| meetings | 1 | 1 | 1 |" in text
    assert "| sources | 0 | 0 | 0 |" in text
    assert "**minor** release" in text
    assert "### meetings: added" in text and "### meetings: removed" in text
    assert "`city`: — → Astana" in text
    assert f"«Astanada» ({md('01_az.txt')})" in text
    # data is inert: no tag, link or table cell can come out of it
    assert "<b>" not in text and "[Tashkent]" not in text and "|x|" not in text
    assert "&#60;b&#62;&#124;x&#124;&#60;/b&#62;" in text
    assert "citations: added" not in text  # citations appear under their records


def test_max_rows_limits_the_lists(builds: tuple[Path, Path]) -> None:
    text = render_markdown(diff_packages(*builds), max_rows=0)
    assert "| meetings | 1 | 1 | 1 |" in text and "###" not in text


def test_schema_change_calls_for_major(tmp_path: Path) -> None:
    old = write_build(tmp_path / "old", tables(OLD_MEETINGS, []))
    renamed = ["meeting_id", "label", "town", "source_ids"]
    new = write_build(tmp_path / "new", tables(OLD_MEETINGS, [], renamed))
    result = diff_packages(old, new)
    meetings = next(t for t in result.tables if t.name == "meetings")
    assert (meetings.fields_added, meetings.fields_removed) == (["town"], ["city"])
    assert result.schema_changed and result.bump == "major"
    assert "the next release is **2.0.0**" in render_markdown(result)


def test_identical_builds_have_no_change(builds: tuple[Path, Path]) -> None:
    result = diff_packages(builds[1], builds[1])
    assert all(t.empty for t in result.tables) and result.bump == "none"


def test_cli_json_and_errors(builds: tuple[Path, Path], tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--format", "json", str(builds[0]), str(builds[1])]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bump"] == "minor"
    assert [r["meeting_id"] for r in data["tables"]["meetings"]["added"]] == ["mtg-d"]
    assert main(["diff", str(tmp_path / "nowhere"), str(builds[1])]) == 2
    assert "no datapackage.json" in capsys.readouterr().err


def test_real_build_against_itself(seeds_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(seeds_build), str(seeds_build)]) == 0
    out = capsys.readouterr().out
    assert "**none** release" in out and "| citations | 0 | 0 | 0 |" in out
