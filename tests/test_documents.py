from pathlib import Path

import pytest

from accords.documents import load_seed, load_seeds


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_front_matter_offsets_index_the_whole_file(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", "---\nurl: https://example.org/x\nlanguage: en\n---\nBody text.")
    doc, errs = load_seed(p, tmp_path)
    assert doc is not None and not errs
    assert doc.text[doc.body_start :] == "Body text."
    assert doc.meta == {"url": "https://example.org/x", "language": "en"}


@pytest.mark.parametrize(("data", "needle"), [
    (b"\xff\xfe bad", "not valid UTF-8"),
    ("   \n\n", "empty"),
    (b"abc\x00def", "binary"),
    ("---\nurl: javascript:alert(1)\n---\ntext", "http(s)"),
    ("---\npublished: yesterday\n---\ntext", "YYYY-MM-DD"),
    ("---\ntitle: [unclosed\n---\ntext", "not valid YAML"),
])
def test_bad_seeds_get_clear_errors(tmp_path: Path, data: bytes | str, needle: str) -> None:
    doc, errs = load_seed(write(tmp_path, "bad.txt", data), tmp_path)
    assert doc is None
    assert any(needle in str(e) and "bad.txt" in str(e) for e in errs), errs


def test_unknown_key_is_a_warning(tmp_path: Path) -> None:
    doc, errs = load_seed(write(tmp_path, "a.txt", "---\nauthor: X\n---\ntext"), tmp_path)
    assert doc is not None and errs and all(e.warning for e in errs)


def test_duplicate_content_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "same text")
    write(tmp_path, "b.txt", "same text")
    docs, errs = load_seeds(tmp_path)
    assert len(docs) == 1 and any("same content as a.txt" in str(e) for e in errs)


def test_language_is_detected_when_absent(tmp_path: Path) -> None:
    doc, _ = load_seed(write(tmp_path, "a.txt", "Azərbaycan və Özbəkistan arasında əməkdaşlıq planı imzalanıb."),
                       tmp_path)
    assert doc is not None and doc.language == "az"


@pytest.mark.parametrize("value", ["2025-13-01", "2025-02-30", "2025-00"])
def test_an_impossible_date_is_an_error_not_a_crash(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, "a.txt", f"---\nurl: https://example.org/a\npublished: {value}\n---\nText.\n")
    doc, problems = load_seed(path, tmp_path)
    errors = [p for p in problems if not p.warning]
    assert errors and errors[0].line == 3 and value in errors[0].message
