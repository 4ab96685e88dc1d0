"""Curation as data (issue 4): judgements the resolver obeys, overrides with reasons,
redirects for ids that a merge or a judgement moved, and clear errors for bad files."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from accords.build import build_data
from accords.curation import load_curation
from accords.documents import SeedErrors, load_seeds
from accords.extract import extract
from accords.resolve import Resolved, resolve

HEAD = "---\nurl: https://example.org/{name}\noutlet: Example News\npublished: {pub}\nlanguage: en\n---\n"
MEET = ("{city}, December {day}. Azerbaijani Defence Minister Zakir Hasanov met with Uzbekistan's "
        "Minister of Defence Bakhodir Kurbanov in {city} on {day} December 2025.{extra}\n")
SIGN = " The ministers signed a plan of military cooperation for 2026."


def _seed(folder: Path, name: str, day: int, city: str, extra: str = "") -> None:
    text = HEAD.format(name=name, pub=f"2025-12-{day:02d}") + MEET.format(city=city, day=day, extra=extra)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "curation").mkdir()
    _seed(seeds, "a", 3, "Baku")
    _seed(seeds, "b", 4, "Tashkent", SIGN)
    _seed(seeds, "c", 3, "Baku", SIGN)  # a second report of a's meeting
    return tmp_path


def _resolve(repo: Path) -> Resolved:
    docs, _ = load_seeds(repo / "seeds")
    return resolve([extract(d) for d in docs], load_curation(repo / "curation"))


def _source(res: Resolved, name: str) -> str:
    return next(d.source_id for d in res.documents if d.file == f"{name}.txt")


def _write(repo: Path, file: str, text: str) -> None:
    (repo / "curation" / file).write_text(text, encoding="utf-8")


def test_automatic_resolution_merges_same_day_reports_and_keeps_other_days_apart(repo: Path) -> None:
    res = _resolve(repo)
    assert sorted(m.source_ids for m in res.meetings) == sorted(
        [sorted([_source(res, "a"), _source(res, "c")]), [_source(res, "b")]])
    assert len({p.person_id for p in res.people}) == 2


def test_same_judgement_joins_two_meetings_and_redirects_the_old_ids(repo: Path) -> None:
    auto = _resolve(repo)
    ids = sorted(m.meeting_id for m in auto.meetings)
    _write(repo, "judgements.yml", f"- left: {ids[0]}\n  right: {ids[1]}\n  judgement: same\n"
                                   "  who: octocat\n  when: 2026-11-22\n  reason: one visit, two days\n")
    res = _resolve(repo)
    assert len(res.meetings) == 1
    new = res.meetings[0].meeting_id
    assert len(res.meetings[0].source_ids) == 3
    moved = {r.old_id: (r.new_id, r.reason) for r in res.redirects}
    for old in ids:
        if old != new:
            assert moved[old] == (new, "curation")


def test_not_same_judgement_splits_one_sources_report_out(repo: Path) -> None:
    auto = _resolve(repo)
    merged = next(m for m in auto.meetings if len(m.source_ids) == 2)
    c = _source(auto, "c")
    _write(repo, "judgements.yml", f"- left: {merged.meeting_id}@{_source(auto, 'a')}\n"
                                   f"  right: {merged.meeting_id}@{c}\n  judgement: not_same\n"
                                   "  who: octocat\n  when: 2026-11-22\n")
    res = _resolve(repo)
    assert len(res.meetings) == 3
    assert [m.source_ids for m in res.meetings if c in m.source_ids] == [[c]]
    assert len({m.meeting_id for m in res.meetings}) == 3
    # the agreement of c follows its own meeting, and the old merged id is redirected
    agr = next(a for a in res.agreements if c in a.source_ids)
    assert agr.meeting_id in {m.meeting_id for m in res.meetings if m.source_ids == [c]}
    # the part with the first report keeps the id; the part split off gets its own
    kept = next(m for m in res.meetings if m.meeting_id == merged.meeting_id)
    assert kept.source_ids == [_source(res, "a")]


def test_person_judgements_split_and_join(repo: Path) -> None:
    auto = _resolve(repo)
    hasanov = next(p for p in auto.people if p.name_en == "Zakir Hasanov")
    kurbanov = next(p for p in auto.people if p.name_en == "Bakhodir Kurbanov")
    b = _source(auto, "b")
    _write(repo, "judgements.yml",
           f"- left: {hasanov.person_id}\n  right: {hasanov.person_id}@{b}\n  judgement: not_same\n"
           "  who: octocat\n  when: 2026-11-22\n  reason: a namesake\n")
    res = _resolve(repo)
    assert len([p for p in res.people if p.name_en == "Zakir Hasanov"]) == 2
    assert hasanov.person_id in {p.person_id for p in res.people}  # the first keeps its id
    _write(repo, "judgements.yml", f"- left: {hasanov.person_id}\n  right: {kurbanov.person_id}\n"
                                   "  judgement: same\n  who: octocat\n  when: 2026-11-22\n")
    res = _resolve(repo)
    assert len(res.people) == 1
    assert {r.old_id for r in res.redirects if r.reason == "curation"} == \
        {hasanov.person_id, kurbanov.person_id} - {res.people[0].person_id}


def _rows(data: Path, table: str) -> list[dict[str, str]]:
    with (data / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_overrides_set_and_suppress_with_corrections_published(repo: Path, tmp_path: Path) -> None:
    auto = _resolve(repo)
    agr = next(a for a in auto.agreements)
    other = next(m for m in auto.meetings if m.meeting_id != agr.meeting_id)
    _write(repo, "overrides.yml",
           f"- id: {agr.agreement_id}\n  field: title_en\n  value: Military Cooperation Plan for 2026\n"
           "  reason: the official English title\n  who: octocat\n  when: 2026-11-22\n"
           f"- id: {other.meeting_id}\n  action: suppress\n  reason: a duplicate report\n"
           "  who: octocat\n  when: 2026-11-22\n")
    data = tmp_path / "out" / "data"
    build_data(repo / "seeds", data, repo)
    agreements = {r["agreement_id"]: r for r in _rows(data, "agreements")}
    assert agreements[agr.agreement_id]["title_en"] == "Military Cooperation Plan for 2026"
    assert other.meeting_id not in {r["meeting_id"] for r in _rows(data, "meetings")}
    assert other.meeting_id not in {r["meeting_id"] for r in _rows(data, "participants")}
    cites = _rows(data, "citations")
    assert not [c for c in cites if c["record_id"] == other.meeting_id]
    assert not [c for c in cites if c["record_id"] == agr.agreement_id and c["field"] == "title_en"]
    corrections = {r["action"]: r for r in _rows(data, "corrections")}
    assert corrections["set"]["reason"] == "the official English title"
    assert corrections["set"]["new_value"] == '"Military Cooperation Plan for 2026"'
    assert corrections["suppress"]["record_id"] == other.meeting_id


def test_override_follows_a_redirect(repo: Path, tmp_path: Path) -> None:
    shutil.move(repo / "seeds" / "c.txt", tmp_path / "c.txt")
    alone = _resolve(repo)
    meeting_a = next(m for m in alone.meetings if m.city == "Baku").meeting_id
    shutil.move(tmp_path / "c.txt", repo / "seeds" / "c.txt")
    _write(repo, "overrides.yml", f"- id: {meeting_a}\n  field: city\n  value: Ganja\n"
                                  "  reason: test\n  who: octocat\n  when: 2026-11-22\n")
    data = tmp_path / "out" / "data"
    build_data(repo / "seeds", data, repo)
    assert "Ganja" in {r["city"] for r in _rows(data, "meetings")}


BAD_JUDGEMENTS = [
    ("- left: mtg-0123\n  right: mtg-0123456789ab\n  judgement: same\n  who: a\n  when: 2026-11-22\n",
     1, "'left' is not a record reference"),
    ("# comment\n- left: mtg-0123456789ab\n  right: per-0123456789ab\n  judgement: same\n  who: a\n"
     "  when: 2026-11-22\n", 2, "different kinds of record"),
    ("- left: mtg-0123456789ab\n  right: mtg-00000000000b\n  judgement: maybe\n  who: a\n  when: 2026-11-22\n",
     1, "'judgement' must be same or not_same"),
    ("- left: mtg-0123456789ab\n  right: mtg-00000000000b\n  judgement: same\n  when: 2026-11-22\n",
     1, "'who' is missing"),
    ("- left: mtg-0123456789ab\n  right: mtg-00000000000b\n  judgement: same\n  who: a\n  when: soon\n",
     1, "'when' is missing or not a date"),
    ("- left: mtg-0123456789ab\n  right: mtg-00000000000b\n  judgement: same\n  who: a\n  when: 2026-11-22\n"
     "  colour: red\n", 1, "unknown key 'colour'"),
    ("- left: mtg-0123456789ab\n  right: mtg-00000000000b@src-00000000000c\n  judgement: same\n  who: a\n"
     "  when: 2026-11-22\n", 1, "not @src parts"),
    ("- left: mtg-0123456789ab\n  right: mtg-00000000000b\n  judgement: same\n  who: a\n  when: 2026-11-22\n"
     "- left: mtg-00000000000b\n  right: mtg-0123456789ab\n  judgement: not_same\n  who: a\n  when: 2026-11-22\n",
     6, "contradicts the judgement on line 1"),
    ("- left: [unclosed\n", None, "is not valid YAML"),
    ("left: mtg-0123456789ab\n", 1, "must be a YAML list"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD_JUDGEMENTS)
def test_bad_judgements_name_file_line_and_fix(tmp_path: Path, text: str, line: int | None, message: str) -> None:
    (tmp_path / "judgements.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SeedErrors) as exc:
        load_curation(tmp_path)
    err = next(e for e in exc.value.errors if message in e.message)
    assert err.file.endswith("judgements.yml")
    assert err.fix
    if line is not None:
        assert err.line == line


BAD_OVERRIDES = [
    ("- id: agr-0123456789ab\n  field: colour\n  value: x\n  reason: r\n  who: a\n  when: 2026-11-22\n",
     "is not a column of agreements"),
    ("- id: agr-0123456789ab\n  field: meeting_id\n  value: mtg-0123456789ab\n  reason: r\n  who: a\n"
     "  when: 2026-11-22\n", "cannot be overridden"),
    ("- id: agr-0123456789ab\n  field: kind\n  value: treaty-ish\n  reason: r\n  who: a\n  when: 2026-11-22\n",
     "must be one of"),
    ("- id: agr-0123456789ab\n  field: valid_from\n  value: soon\n  reason: r\n  who: a\n  when: 2026-11-22\n",
     "must be an integer"),
    ("- id: agr-0123456789ab\n  field: signed_date\n  value: 3 May\n  reason: r\n  who: a\n  when: 2026-11-22\n",
     "must match"),
    ("- id: agr-0123456789ab\n  field: title_en\n  value: x\n  who: a\n  when: 2026-11-22\n", "'reason' is missing"),
    ("- id: agr-0123456789ab\n  action: suppress\n  value: x\n  reason: r\n  who: a\n  when: 2026-11-22\n",
     "takes no field or value"),
    ("- id: agr-0123456789ab\n  action: delete\n  reason: r\n  who: a\n  when: 2026-11-22\n",
     "'action' must be set or suppress"),
    ("- id: javascript:alert(1)\n  action: suppress\n  reason: r\n  who: a\n  when: 2026-11-22\n",
     "'id' is not a published id"),
]


@pytest.mark.parametrize(("text", "message"), BAD_OVERRIDES)
def test_bad_overrides_name_file_line_and_fix(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "overrides.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SeedErrors) as exc:
        load_curation(tmp_path)
    err = next(e for e in exc.value.errors if message in e.message)
    assert err.file.endswith("overrides.yml") and err.line == 1 and err.fix


@pytest.mark.parametrize(("text", "message"), [
    ('- {old: mtg-0123456789ab, new: javascript, release: "1.1.0"}\n', "'new' must be a meeting"),
    ('- {old: mtg-0123456789ab, new: agr-0123456789ab, release: "1.1.0"}\n', "of one table"),
    ("- {old: mtg-0123456789ab, new: mtg-0123456789ac, release: soon}\n", "'release' must be"),
])
def test_bad_moves_name_file_line_and_fix(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "moved.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SeedErrors) as exc:
        load_curation(tmp_path)
    err = next(e for e in exc.value.errors if message in e.message)
    assert err.file.endswith("moved.yml") and err.line == 1 and err.fix


def test_dangling_references_stop_the_build_and_keep_the_last_good_one(repo: Path) -> None:
    from accords.cli import main

    out = repo / "build"
    seeds = str(repo / "seeds")
    import os

    cwd = os.getcwd()
    os.chdir(repo)
    try:
        assert main(["build", "--no-site", "--seeds", seeds, "--out", str(out)]) == 0
        before = {p.name: p.read_bytes() for p in (out / "data").iterdir()}
        _write(repo, "judgements.yml", "- left: mtg-0123456789ab\n  right: mtg-00000000000b\n"
                                       "  judgement: same\n  who: a\n  when: 2026-11-22\n")
        with pytest.raises(SeedErrors) as exc:
            build_data(repo / "seeds", repo / "tmp-data", repo)
        assert "names no record of this build" in str(exc.value)
        assert main(["build", "--no-site", "--seeds", seeds, "--out", str(out)]) == 2
        _write(repo, "judgements.yml", "")
        _write(repo, "overrides.yml", "- id: agr-0123456789ab\n  action: suppress\n  reason: r\n  who: a\n"
                                      "  when: 2026-11-22\n")
        assert main(["build", "--no-site", "--seeds", seeds, "--out", str(out)]) == 2
        assert {p.name: p.read_bytes() for p in (out / "data").iterdir()} == before
    finally:
        os.chdir(cwd)


def test_the_repository_curation_files_are_valid() -> None:
    root = Path(__file__).resolve().parents[1]
    load_curation(root / "curation")
