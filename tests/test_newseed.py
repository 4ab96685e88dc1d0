"""``accords new-seed``: a well-formed seed that the loader accepts, never an overwrite."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from accords.cli import main
from accords.documents import load_seeds
from accords.newseed import NewSeedError, SeedMeta, default_name, new_seed

TEXT = "Azərbaycan və Özbəkistan arasında əməkdaşlıq planı imzalanıb.\r\nBakı, 3 dekabr.\n"
META = SeedMeta("https://example.org/news/1?a=b#c", "Trend News", "2025-12-03", "az",
                title='Plan: "signed" # 1', license="CC-BY-4.0")


def test_writes_a_seed_the_loader_accepts(tmp_path: Path) -> None:
    path = new_seed(tmp_path, META, TEXT)
    assert path.name == default_name(META) and path.name.startswith("2025-12-03-trend-news-")
    docs, problems = load_seeds(tmp_path)
    assert not problems and len(docs) == 1
    doc = docs[0]
    assert doc.meta == {"title": 'Plan: "signed" # 1', "url": META.url, "outlet": "Trend News",
                        "language": "az", "published": "2025-12-03", "license": "CC-BY-4.0"}
    assert doc.text[doc.body_start :] == "Azərbaycan və Özbəkistan arasında əməkdaşlıq planı " \
        "imzalanıb.\nBakı, 3 dekabr.\n"
    assert b"\r" not in path.read_bytes()


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("an older seed", encoding="utf-8")
    with pytest.raises(NewSeedError, match="never overwritten"):
        new_seed(tmp_path, META, TEXT, name="mine")
    assert path.read_text(encoding="utf-8") == "an older seed"


@pytest.mark.parametrize(("meta", "name", "needle"), [
    (SeedMeta("javascript:alert(1)", "T", "2025-12-03", "az"), None, "http(s)"),
    (SeedMeta("ftp://example.org/x", "T", "2025-12-03", "az"), None, "http(s)"),
    (SeedMeta("https://example.org/x", "T", "2025-13-01", "az"), None, "calendar date"),
    (SeedMeta("https://example.org/x", "T", "yesterday", "az"), None, "calendar date"),
    (SeedMeta("https://example.org/x", "T", "2025", "zz"), None, "no lexicon"),
    (SeedMeta("https://example.org/x", "T", "2025", "az"), "Bad Name", "file name"),
])
def test_refuses_bad_input(tmp_path: Path, meta: SeedMeta, name: str | None, needle: str) -> None:
    with pytest.raises(NewSeedError) as info:
        new_seed(tmp_path, meta, TEXT, name=name)
    assert any(needle in p for p in info.value.problems), info.value.problems
    assert not list(tmp_path.iterdir())


def test_refuses_an_article_already_seeded(tmp_path: Path) -> None:
    new_seed(tmp_path, META, TEXT)
    other = SeedMeta(META.url, "Other", "2025-12-04", "az")
    with pytest.raises(NewSeedError, match="same url"):
        new_seed(tmp_path, other, "A different text.")
    with pytest.raises(NewSeedError, match="same text"):
        new_seed(tmp_path, SeedMeta("https://example.org/2", "T", "2025", "az"), TEXT)


def test_cli_reads_stdin_and_prints_next_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT))
    args = ["new-seed", "--url", "https://example.org/9", "--outlet", "Report.az",
            "--published", "2025-12", "--language", "az", "--seeds", str(tmp_path),
            "--name", "report-az-9"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "report-az-9.txt" in out and "accords check" in out and "make test" in out
    assert (tmp_path / "report-az-9.txt").is_file()
    monkeypatch.setattr("sys.stdin", io.StringIO(TEXT))
    assert main(args) == 2
    assert "never overwritten" in capsys.readouterr().err
