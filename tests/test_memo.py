"""The small per-stage memos (front matter and language; ids of a seed resolved alone):
a remembered value is the value recomputed, and a memo of another version, a damaged
memo or an edited seed is recomputed, never trusted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from accords.batch import extract_all
from accords.build import build_data
from accords.cache import ExtractCache
from accords.curation import load_curation
from accords.documents import load_seeds, memo_version
from accords.memo import Memo
from accords.resolve import memo_version as resolve_memo_version
from accords.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _copy_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds


def test_a_remembered_load_equals_a_fresh_one(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    (seeds / "extra.txt").write_text("---\nlanguage: en\ncolour: blue\n---\nBaku, 3 December 2025. Talks.\n",
                                     encoding="utf-8")  # an unknown key: a warning that must come back too
    fresh = load_seeds(seeds)
    memo = Memo(tmp_path / "documents.json", memo_version())
    assert load_seeds(seeds, memo) == fresh and memo.misses == len(fresh[0])
    memo.save()
    again = Memo(tmp_path / "documents.json", memo_version())
    assert load_seeds(seeds, again) == fresh
    assert (again.hits, again.misses) == (len(fresh[0]), 0)
    assert any(p.warning and p.file == "extra.txt" for p in fresh[1])


def test_an_edited_seed_or_another_version_is_loaded_afresh(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    memo = Memo(tmp_path / "documents.json", memo_version())
    docs, _ = load_seeds(seeds, memo)
    memo.save()
    victim = docs[0].path
    victim.write_text(victim.read_text(encoding="utf-8").replace("---\n", "---\nlanguage: ru\n", 1)
                      if docs[0].text.startswith("---\n") else "---\nlanguage: ru\n---\n" + docs[0].text,
                      encoding="utf-8")
    edited = Memo(tmp_path / "documents.json", memo_version())
    found, _ = load_seeds(seeds, edited)
    assert (edited.hits, edited.misses) == (len(docs) - 1, 1)
    assert found[0].language == "ru" and found == load_seeds(seeds)[0]
    other = Memo(tmp_path / "documents.json", memo_version() + "-changed")
    load_seeds(seeds, other)
    assert other.hits == 0


@pytest.mark.parametrize("damage", [b"", b"{not json", b"[1, 2]", b'{"format": 1, "version": "x"}'])
def test_a_damaged_memo_file_is_an_empty_memo(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "documents.json"
    path.write_bytes(damage)
    memo = Memo(path, memo_version())
    assert load_seeds(SEEDS, memo) == load_seeds(SEEDS)
    assert memo.hits == 0


def test_a_wrongly_shaped_entry_is_recomputed(tmp_path: Path) -> None:
    path = tmp_path / "documents.json"
    memo = Memo(path, memo_version())
    fresh = load_seeds(SEEDS, memo)
    memo.save()
    body = json.loads(path.read_text(encoding="utf-8"))
    for entry in body["entries"].values():
        entry["language"] = 7  # not a language code
    path.write_text(json.dumps(body), encoding="utf-8")
    assert load_seeds(SEEDS, Memo(path, memo_version())) == fresh


def test_ids_remembered_per_seed_give_the_same_redirects(tmp_path: Path) -> None:
    docs, _ = load_seeds(SEEDS)
    cache = ExtractCache(tmp_path / "extract")
    facts = extract_all(docs, cache=cache)
    keys = {d.source_id: cache.key(d) for d in docs}
    curation = load_curation(ROOT / "curation")
    plain = resolve(facts, curation)
    memo = Memo(tmp_path / "alone.json", resolve_memo_version())
    assert resolve(facts, curation, solo_memo=memo, facts_keys=keys) == plain
    memo.save()
    warm = Memo(tmp_path / "alone.json", resolve_memo_version())
    assert resolve(facts, curation, solo_memo=warm, facts_keys=keys) == plain
    assert (warm.hits, warm.misses) == (len(docs), 0)


def test_a_build_with_memos_publishes_what_a_build_without_does(tmp_path: Path) -> None:
    build_data(SEEDS, tmp_path / "plain", ROOT)
    for run in ("cold", "warm"):
        build_data(SEEDS, tmp_path / run, ROOT, cache_dir=tmp_path / "cache")
        for f in sorted((tmp_path / "plain").iterdir()):
            assert (tmp_path / run / f.name).read_bytes() == f.read_bytes(), (run, f.name)
    assert {p.name for p in (tmp_path / "cache").glob("*.json")} == {"documents.json", "resolved-alone.json",
                                                                   "valid-descriptors.json"}
