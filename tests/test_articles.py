"""Test articles written for each rule and trap, one folder per language, scored against gold.

``tests/articles/<lang>/<name>.txt`` is a short article in the style of real news;
``<name>.json`` beside it is its gold (the corpus format of ``tests/gold/README.md``).
All articles are built once into one data package (as ``accords evaluate
tests/articles --seeds tests/articles`` does), then each article is scored alone:
every table must be exact, with no false signing and every citation faithful.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accords.evaluate import TABLES, evaluate, format_report, gather_seeds, gold_paths

ARTICLES = Path(__file__).resolve().parent / "articles"

# Articles whose gold states what the text says but that the extractor does not get
# right yet: {file stem: reason}. Strict, so a fix shows up as XPASS.
KNOWN_FAILURES: dict[str, str] = {
}


def _cases() -> list[object]:
    cases: list[object] = []
    for path in gold_paths(ARTICLES):
        reason = KNOWN_FAILURES.get(path.stem)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        cases.append(pytest.param(path, id=f"{path.parent.name}/{path.stem}", marks=marks))
    return cases


@pytest.fixture(scope="module")
def articles_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Every test article built into one data package: (data folder, flat seeds folder)."""
    from accords.build import build_data

    root = tmp_path_factory.mktemp("articles")
    seeds = gather_seeds(ARTICLES, root / "seeds")
    build_data(seeds, root / "data", ARTICLES.parent.parent)
    return root / "data", seeds


def test_every_article_has_gold_and_text() -> None:
    texts = {p.stem for p in ARTICLES.rglob("*.txt")}
    golds = {p.stem for p in gold_paths(ARTICLES)}
    assert texts == golds
    for path in gold_paths(ARTICLES):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["file"] == f"{path.stem}.txt"
        assert gold["language"] == path.parent.name
        text = (path.parent / gold["file"]).read_text(encoding="utf-8")
        for p in gold["participants"]:
            assert p["name_as_written"] in text, p
    assert set(KNOWN_FAILURES) <= golds


def test_languages_are_detected() -> None:
    """Each article's body, front matter aside, is detected as the language of its folder."""
    from accords.documents import detect_language, parse_front_matter

    for path in sorted(ARTICLES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _, body_start, _ = parse_front_matter(path.name, text)
        assert detect_language(text[body_start:]) == path.parent.name, path.name


@pytest.mark.parametrize("gold", _cases())
def test_article_matches_gold(gold: Path, articles_build: tuple[Path, Path]) -> None:
    data, seeds = articles_build
    report = evaluate(gold, data, seeds)
    exact = all(report.scores[t].fp == 0 and report.scores[t].fn == 0 for t in TABLES)
    assert exact and report.false_signings == 0, format_report(report)
    assert report.citations_ok == report.citations_total
