"""The extraction cache and parallel extraction never change what a build publishes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accords import batch, lexicon
from accords.batch import extract_all
from accords.build import build_data
from accords.cache import ExtractCache
from accords.documents import load_seeds
from accords.extract import extract
from accords.factjson import facts_from_json, facts_to_json
from accords.model import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _same_files(a: Path, b: Path) -> None:
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    found, _ = load_seeds(SEEDS)
    return found


def test_facts_round_trip_through_json(docs: list[Document]) -> None:
    for doc in docs:
        facts = extract(doc)
        stored = json.loads(json.dumps(facts_to_json(facts), ensure_ascii=False))
        assert facts_from_json(doc, stored) == facts, doc.file


def test_second_run_hits_and_returns_the_same_facts(tmp_path: Path, docs: list[Document]) -> None:
    cold = ExtractCache(tmp_path)
    first = extract_all(docs, cache=cold)
    assert (cold.stats.hits, cold.stats.misses) == (0, len(docs))
    warm = ExtractCache(tmp_path)
    second = extract_all(docs, cache=warm)
    assert (warm.stats.hits, warm.stats.misses) == (len(docs), 0)
    assert second == first == [extract(d) for d in docs]


def test_an_edited_seed_misses(tmp_path: Path, docs: list[Document]) -> None:
    from dataclasses import replace

    extract_all(docs, cache=ExtractCache(tmp_path))
    edited = [replace(docs[0], sha256="0" * 64), *docs[1:]]
    cache = ExtractCache(tmp_path)
    extract_all(edited, cache=cache)
    assert (cache.stats.hits, cache.stats.misses) == (len(docs) - 1, 1)


def test_a_lexicon_change_invalidates_exactly_its_language(tmp_path: Path, docs: list[Document],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    extract_all(docs, cache=ExtractCache(tmp_path))
    real = lexicon.fingerprint
    monkeypatch.setattr(lexicon, "fingerprint", lambda lang=None: real(lang) + ("-edited" if lang == "az" else ""))
    cache = ExtractCache(tmp_path)
    extract_all(docs, cache=cache)
    az = sum(1 for d in docs if d.language == "az")
    assert 0 < az < len(docs)
    assert (cache.stats.misses, cache.stats.hits) == (az, len(docs) - az)


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": 1, "key": "x", "facts": {}}', b"\xff\xfe",
                                    b"[1, 2, 3]"])
def test_a_corrupt_entry_is_rebuilt_not_fatal(tmp_path: Path, docs: list[Document], damage: bytes) -> None:
    expected = extract_all(docs, cache=ExtractCache(tmp_path))
    victim = ExtractCache(tmp_path)
    entry = victim.path(victim.key(docs[0]))
    entry.write_bytes(damage)
    assert extract_all(docs, cache=victim) == expected
    assert victim.stats.unreadable == 1
    again = ExtractCache(tmp_path)
    extract_all(docs, cache=again)
    assert again.stats.hits == len(docs)  # the entry was written back


def test_an_entry_with_a_wrongly_typed_value_is_rebuilt(tmp_path: Path, docs: list[Document]) -> None:
    doc = next(d for d in docs if extract(d).meetings)
    cache = ExtractCache(tmp_path)
    expected = extract_all([doc], cache=cache)
    path = cache.path(cache.key(doc))
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["facts"]["meetings"][0]["date"]["year"] = "2025"  # a string where an int belongs
    path.write_text(json.dumps(entry), encoding="utf-8")
    victim = ExtractCache(tmp_path)
    assert extract_all([doc], cache=victim) == expected
    assert victim.stats.unreadable == 1


def test_cached_and_uncached_builds_are_byte_identical(tmp_path: Path) -> None:
    build_data(SEEDS, tmp_path / "plain", ROOT)
    build_data(SEEDS, tmp_path / "cold", ROOT, cache_dir=tmp_path / "cache")
    build_data(SEEDS, tmp_path / "warm", ROOT, cache_dir=tmp_path / "cache")
    _same_files(tmp_path / "plain", tmp_path / "cold")
    _same_files(tmp_path / "plain", tmp_path / "warm")


def test_one_and_two_processes_give_identical_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "MIN_PARALLEL", 2)  # use the pool even for the few seeds here
    build_data(SEEDS, tmp_path / "one", ROOT, jobs=1)
    build_data(SEEDS, tmp_path / "two", ROOT, jobs=2)
    _same_files(tmp_path / "one", tmp_path / "two")


def test_the_cache_survives_a_build_into_the_same_folder(tmp_path: Path) -> None:
    from accords.build import build

    out = tmp_path / "out"
    build(SEEDS, out, site=False, repo=ROOT)
    entries = sorted(p.name for p in (out / ".cache" / "extract").rglob("*.json"))
    assert entries
    build(SEEDS, out, site=False, repo=ROOT)
    assert sorted(p.name for p in (out / ".cache" / "extract").rglob("*.json")) == entries
