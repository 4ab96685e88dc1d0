"""The benchmark's synthetic corpus: deterministic, multilingual, and read by the extractor;
and resolution's blocking keys find every merge that comparing all pairs would."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import accords.resolve as resolve_module
from accords.batch import extract_all
from accords.documents import load_seeds
from accords.names import skeleton
from accords.resolve import resolve
from benchmarks.corpus import corpus, languages, write_corpus
from benchmarks.measure import measure_incremental
from benchmarks.report import DATA_STAGES, rebuild_table, stage_table, write_page
from benchmarks.scripts import render
from benchmarks.world import _GIVEN, _SURNAMES

ROOT = Path(__file__).resolve().parent.parent


def test_the_corpus_is_a_function_of_its_seed_and_size() -> None:
    a = [(x.name, x.text) for x in corpus(40, "s1")]
    assert a == [(x.name, x.text) for x in corpus(40, "s1")]
    assert a[:15] == [(x.name, x.text) for x in corpus(15, "s1")]  # a smaller corpus is a prefix
    assert a != [(x.name, x.text) for x in corpus(40, "s2")]


def test_the_corpus_covers_every_language_with_3kb_articles_and_cross_language_reports() -> None:
    articles = list(corpus(60))
    assert {a.language for a in articles} == set(languages()) and len(languages()) >= 5
    sizes = [len(a.text.encode("utf-8")) for a in articles]
    assert 2500 < sum(sizes) / len(sizes) < 3600
    per_event = Counter(a.event.number for a in articles)
    twice = [n for n, c in per_event.items() if c > 1]
    assert twice
    langs = {a.language for a in articles if a.event.number == twice[0]}
    assert len(langs) == per_event[twice[0]]  # each report of one event in another language


def test_names_keep_one_skeleton_in_every_script() -> None:
    for pool in (_GIVEN, _SURNAMES):
        for names in pool.values():
            for name in names:
                assert len({skeleton(render(name, lang)) for lang in ("az", "en", "uz", "ru", "ky")}) == 1, name


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(folder, 120)
    return folder


def test_synthetic_articles_yield_their_meetings_and_agreements(synthetic: Path) -> None:
    docs, problems = load_seeds(synthetic)
    assert not [p for p in problems if not p.warning]
    facts = extract_all(docs)
    events = {a.name: a.event for a in corpus(120)}
    found = [f for f in facts if f.meetings and set(f.meetings[0].countries) == set(events[f.document.file].countries)]
    assert len(found) >= 0.9 * len(facts)
    signed = sum(len(e.signed) for e in (events[f.document.file] for f in facts))
    assert sum(len(f.agreements) for f in facts) >= 0.9 * signed


def test_blocking_keys_merge_exactly_what_all_pairs_would(synthetic: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, _ = load_seeds(synthetic)
    facts = extract_all(docs)
    blocked = resolve(facts)
    monkeypatch.setattr(resolve_module, "_candidate_pairs",
                        lambda members, persons: [(i, j) for i in range(len(members))
                                                  for j in range(i + 1, len(members))])
    assert resolve(facts) == blocked
    assert len(blocked.meetings) < sum(len(f.meetings) for f in facts)  # reports of one event were merged


def test_the_performance_page_has_a_generated_section(tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    page.write_text((ROOT / "docs" / "performance.md").read_text(encoding="utf-8"), encoding="utf-8")
    write_page(page, "| a |\n|---|\n| 1 |")
    text = page.read_text(encoding="utf-8")
    assert "| 1 |" in text and text.count("<!-- bench:start -->") == 1


def test_a_measured_rebuild_reports_its_cpu_seconds_and_the_machine_s_steal(tmp_path: Path) -> None:
    articles = write_corpus(tmp_path / "seeds", 13)
    extra = tmp_path / "extra"
    extra.mkdir()
    (tmp_path / "seeds" / articles[-1].name).rename(extra / articles[-1].name)
    inc = measure_incremental(tmp_path / "seeds", extra / articles[-1].name, tmp_path / "out", jobs=1)
    for name in ("cold", "warm", "add_one"):
        run = inc[name]
        assert run["cpu"] > 0 and set(run["stages"]) == set(DATA_STAGES)
        assert run["steal"] is None or run["steal"] >= 0
    table = rebuild_table([{"n": 12, "incremental": inc}]).splitlines()
    assert table[0].startswith("| articles | rebuild | load |") and len(table) == 4  # header, rule, two rebuilds
    assert table[3].startswith("| 12 | one seed added |")
    assert rebuild_table([{"n": 12, "incremental": {"warm": {"total": 1.0}, "add_one": {"total": 1.0}}}]) == ""


def test_the_site_figures_name_both_yardsticks_and_read_older_results() -> None:
    data = {"1": {"stages": dict.fromkeys(DATA_STAGES, 1.0), "data_total": 5.0, "peak_mb": 100.0,
                  "child_peak_mb": 50.0}}
    site = {"pages": 600, "child_peak_mb": 80.0, "stages": {"pages": 1.0, "site": 12.0, "bare": 8.0, "bare_md": 10.0}}
    row = stage_table([{"n": 100, "data": data, "site": site}]).splitlines()[2].split(" | ")
    assert row[-3:-1] == ["1.50×", "1.20×"]  # ÷ bare, ÷ bare with the pages' Markdown extensions
    older = {**site, "stages": {k: v for k, v in site["stages"].items() if k != "bare_md"}}
    row = stage_table([{"n": 100, "data": data, "site": older}]).splitlines()[2].split(" | ")
    assert row[-3:-1] == ["1.50×", "–"]


@pytest.mark.parametrize("content", [None, "# Performance\n\nno markers here\n"])
def test_a_page_that_cannot_take_the_results_is_refused_before_the_run(tmp_path: Path, content: str | None,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.run import main

    page = tmp_path / "performance.md"
    if content is not None:
        page.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["--sizes", "100000", "--page", str(page), "--work", str(tmp_path / "work")])
    assert stop.value.code == 2
    assert str(page) in capsys.readouterr().err
    assert not (tmp_path / "work").exists()  # refused before any corpus was written
