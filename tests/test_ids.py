"""Identity over time (issue 4): ids come from content and stay stable when other
seeds are added, removed or edited; a merge that changes an id leaves a redirect."""

from __future__ import annotations

from pathlib import Path

import pytest

from accords.documents import load_seeds
from accords.extract import extract
from accords.ids import make_id
from accords.resolve import resolve
from accords.tables import build_tables

ROOT = Path(__file__).resolve().parents[1]
ID_COLUMNS = {"sources": "source_id", "meetings": "meeting_id", "participants": "participant_id",
              "agreements": "agreement_id", "signatories": "signatory_id", "people": "person_id"}
NEW_SEED = """---
url: https://example.org/kz-kg
outlet: Example News
published: 2026-02-10
language: en
---
Astana, February 10. Kazakhstan's Minister of Foreign Affairs Murat Nurtleu met with the Minister of
Foreign Affairs of Kyrgyzstan Zheenbek Kulubaev in Astana on 10 February 2026.
"""


SAME_DAY_SEED = """---
url: https://example.org/az-uz-fm
outlet: Example News
language: ru
---
Министр иностранных дел Азербайджана Джейхун Байрамов 3 декабря встретился в Баку с министром
иностранных дел Узбекистана Бахтиёром Саидовым.
"""


def _ids(seeds: Path) -> dict[str, dict[str, set[str]]]:
    """Per table: id → the files its row comes from."""
    docs, _ = load_seeds(seeds)
    tables = build_tables(resolve([extract(d) for d in docs]))
    files = {d.source_id: d.file for d in docs}
    out: dict[str, dict[str, set[str]]] = {}
    for table, column in ID_COLUMNS.items():
        rows = tables[table]
        out[table] = {str(r[column]): {files[str(s)] for s in _sources(r)} for r in rows}
    people_files: dict[str, set[str]] = {}
    for table in ("participants", "signatories"):
        for r in tables[table]:
            people_files.setdefault(str(r["person_id"]), set()).update(files[str(s)] for s in _sources(r))
    out["people"] = {pid: people_files.get(pid, set()) for pid in out["people"]}
    return out


def _sources(row: dict[str, object]) -> list[object]:
    listed = row.get("source_ids")
    if isinstance(listed, list):
        return listed
    return [row["source_id"]] if "source_id" in row else []


def _copy(dest: Path, skip: str = "") -> Path:
    dest.mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        if p.name != skip:
            (dest / p.name).write_bytes(p.read_bytes())
    return dest


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, set[str]]]:
    return _ids(_copy(tmp_path_factory.mktemp("base") / "seeds"))


def _unchanged(before: dict[str, dict[str, set[str]]], after: dict[str, dict[str, set[str]]],
               touched: str) -> None:
    for table, rows in before.items():
        for rid, files in rows.items():
            if touched not in files:
                assert rid in after[table], f"{table} {rid} (from {sorted(files)}) changed id"


def test_adding_a_seed_changes_no_existing_id(tmp_path: Path, baseline: dict[str, dict[str, set[str]]]) -> None:
    seeds = _copy(tmp_path / "seeds")
    (seeds / "90_en.txt").write_text(NEW_SEED, encoding="utf-8")
    after = _ids(seeds)
    _unchanged(baseline, after, "90_en.txt")
    assert len(after["meetings"]) == len(baseline["meetings"]) + 1  # the new seed was read


def test_another_meeting_of_the_same_states_and_day_changes_no_id(
        tmp_path: Path, baseline: dict[str, dict[str, set[str]]]) -> None:
    """The seeds report an Azerbaijan–Uzbekistan meeting in Baku on 3 December 2025. A new seed,
    named to sort first, reports another one that day (other ministers, no year): it is a
    meeting of its own, and no existing id moves to it or changes."""
    seeds = _copy(tmp_path / "seeds")
    (seeds / "0_ru.txt").write_text(SAME_DAY_SEED, encoding="utf-8")
    after = _ids(seeds)
    _unchanged(baseline, after, "0_ru.txt")
    assert len(after["meetings"]) == len(baseline["meetings"]) + 1
    new = [rid for rid, files in after["meetings"].items() if files == {"0_ru.txt"}]
    assert len(new) == 1 and new[0] not in baseline["meetings"]


@pytest.mark.parametrize("seed", ["02_en.txt", "07_ru.txt", "003_e86ccfd30ea40784.txt"])
def test_removing_a_seed_changes_no_unrelated_id(tmp_path: Path, baseline: dict[str, dict[str, set[str]]],
                                                 seed: str) -> None:
    after = _ids(_copy(tmp_path / "seeds", skip=seed))
    _unchanged(baseline, after, seed)


def test_editing_a_seed_changes_no_id_it_does_not_touch(tmp_path: Path,
                                                        baseline: dict[str, dict[str, set[str]]]) -> None:
    seeds = _copy(tmp_path / "seeds")
    path = seeds / "10_en.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  ", " ") + "\nThe article was updated with a photo gallery.\n", encoding="utf-8")
    after = _ids(seeds)
    _unchanged(baseline, after, "none")  # even the edited seed's own records keep their ids


def test_a_merge_that_changes_an_id_leaves_a_redirect() -> None:
    docs, _ = load_seeds(ROOT / "seeds")
    facts = [extract(d) for d in docs]
    merged = resolve(facts)
    live = {m.meeting_id for m in merged.meetings} | {a.agreement_id for a in merged.agreements} | \
        {p.person_id for p in merged.people}
    redirects = {r.old_id: r.new_id for r in merged.redirects}
    for f in facts:  # each seed alone: the ids it had before any other report joined it
        alone = resolve([f])
        for rid in [m.meeting_id for m in alone.meetings] + [a.agreement_id for a in alone.agreements]:
            assert rid in live or redirects.get(rid) in live, f"{f.document.file}: {rid} vanished"
    assert all(new in live for new in redirects.values())
    assert not set(redirects) & live


@pytest.mark.parametrize("parts", [(), ("",), ("az,uz", "2025-12-03", "000.txt#m1"), (None, 3, ("a", "b")),
                                   ("Kəmaləddin", "\x1f", 2.5)])
def test_make_id_is_sha1_of_each_parts_repr_and_a_separator(parts: tuple[object, ...]) -> None:
    """The published id scheme, written the plain way: ids stay what earlier releases published."""
    import hashlib

    h = hashlib.sha1()
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x1f")
    assert make_id("mtg", *parts) == f"mtg-{h.hexdigest()[:12]}"
