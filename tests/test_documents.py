import dataclasses
import os
from pathlib import Path

import pytest
from snapshot import strays, tree

from accords.cli import main as cli_main
from accords.documents import MAX_BYTES, SeedError, load_seed, load_seeds
from accords.extract import extract
from accords.model import Citation

ROOT = Path(__file__).resolve().parent.parent


def citations(obj: object) -> list[Citation]:
    """Every citation inside ``obj`` (facts, lists, dicts), in a fixed order."""
    if isinstance(obj, Citation):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [c for x in obj for c in citations(x)]
    if isinstance(obj, dict):
        return [c for k in sorted(obj, key=str) for c in citations(obj[k])]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [c for f in dataclasses.fields(obj) if f.name != "document"
                for c in citations(getattr(obj, f.name))]
    return []


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


# --- Bad seeds (issue 7): one specific error per case, naming the file, the line and the fix ---

NO_MEETING = "The weather in Baku was sunny on Tuesday, and the markets were calm.\n"


def only_error(problems: list[SeedError]) -> SeedError:
    errors = [p for p in problems if not p.warning]
    assert len(errors) == 1, problems
    return errors[0]


@pytest.mark.parametrize(("name", "data", "line", "message", "fix"), [
    ("latin1.txt", b"---\nlanguage: en\n---\nFirst line.\nCaf\xe9 society.\n", 5, "not valid UTF-8",
     "re-save the file as UTF-8"),
    ("surrogate.txt", b"Text \xed\xa0\x80", 1, "not valid UTF-8", "UTF-8"),
    ("empty.txt", b"", None, "empty", "paste the article text"),
    ("blank.txt", b" \t\n\r\n\n   \n", None, "only whitespace", "paste the article text"),
    ("bom_only.txt", "\ufeff\n\n".encode(), None, "only whitespace", "paste the article text"),
    ("punctuation.txt", b"... --- !!!\n", None, "no text", "paste the article text"),
    ("front_only.txt", b"---\nlanguage: en\n---\n\n", None, "no text after the front matter",
     "below the closing ---"),
    ("nul.txt", b"Some text\nmore\x00\x00 binary", 2, "binary data (NUL bytes)", "plain UTF-8 text"),
    ("utf16.txt", "Baku talks.\n".encode("utf-16"), 1, "UTF-16 text, not UTF-8", "re-save the file as UTF-8"),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "binary data (NUL bytes)", "plain UTF-8 text"),
    ("controls.txt", bytes(range(1, 9)) * 20 + b"abc", None, "looks binary", "plain UTF-8 text"),
    ("yaml.txt", b"---\nlanguage: en\ntitle: [unclosed\n---\nText.\n", 4, "not valid YAML", "key: value"),
    ("unclosed.txt", b"---\nlanguage: en\nText without a closing fence.\n", 1, "never closes", "add a line '---'"),
    ("list.txt", b"---\n- a\n- b\n---\nText.\n", 2, "must be 'key: value' lines", "key: value"),
    ("yesterday.txt", b"---\nlanguage: en\npublished: yesterday\n---\nText.\n", 3, "published must be",
     "2025-12-03"),
    ("feb30.txt", b"---\npublished: 2025-02-30\n---\nText.\n", 2, "2025-02-30", "correct the value"),
    ("month13.txt", b"---\npublished: 2025-13\n---\nText.\n", 2, "published must be", "2025-12-03"),
    ("js.txt", b"---\nlanguage: en\nurl: javascript:alert(1)\n---\nText.\n", 3, "http(s) address",
     "https://"),
    ("nohost.txt", b"---\nurl: https://\n---\nText.\n", 2, "http(s) address", "https://"),
    ("space_url.txt", b'---\nurl: "https://example.org/a b"\n---\nText.\n', 2, "http(s) address", "https://"),
    ("data_url.txt", b"---\nurl: data:text/html,<script>alert(1)</script>\n---\nText.\n", 2, "http(s) address",
     "https://"),
    ("twice.txt", b"---\nurl: https://a.org/x\nurl: https://b.org/y\n---\nText.\n", 3, "given twice",
     "keep one"),
    ("nested.txt", b"---\ntitle:\n  a: b\n---\nText.\n", 2, "single text value", "write it as text"),
    ("lang.txt", b"---\nlanguage: xx\n---\nText.\n", 2, "has no lexicon", "use one of"),
    ("Big Article.txt", b"Text.\n", None, "file name must be", "rename it, e.g. to big_article.txt"),
    ("maşq.txt", b"Text.\n", None, "file name must be", "rename it, e.g. to mashq.txt"),
    ("-rf.txt", b"Text.\n", None, "not start with '-'", "rename it, e.g. to rf.txt"),
    ("article.txt\n", b"Text.\n", None, "file name must be", "rename it"),
])
def test_each_bad_seed_gets_its_own_error(tmp_path: Path, name: str, data: bytes, line: int | None,
                                          message: str, fix: str) -> None:
    doc, problems = load_seed(write(tmp_path, name, data), tmp_path)
    err = only_error(problems)
    assert doc is None
    assert (err.file, err.line) == (name, line)
    assert message in err.message and fix in err.fix, err
    assert str(err).startswith(f"{name}:{line}: error: " if line else f"{name}: error: ")


def test_over_the_size_limit_is_refused_and_at_the_limit_accepted(tmp_path: Path) -> None:
    line = b"Azerbaijan and Uzbekistan signed a plan. " * 10 + b"\n"
    body = line * (MAX_BYTES // len(line))
    at_limit = write(tmp_path, "at_limit.txt", body + b"x" * (MAX_BYTES - len(body)))
    over = write(tmp_path, "over.txt", body + b"x" * (MAX_BYTES - len(body) + 1))
    doc, problems = load_seed(at_limit, tmp_path)
    assert doc is not None and not problems
    doc, problems = load_seed(over, tmp_path)
    err = only_error(problems)
    assert doc is None and "1,000,001 bytes, over the 1,000,000-byte limit" in err.message
    assert "split the article" in err.fix


def test_unknown_key_is_a_warning_with_its_line(tmp_path: Path) -> None:
    doc, problems = load_seed(write(tmp_path, "a.txt", "---\nlanguage: en\nauthor: X\n---\nText here.\n"),
                              tmp_path)
    assert doc is not None and doc.meta == {"language": "en"}
    assert [(p.line, p.warning) for p in problems] == [(3, True)]
    assert "unknown front-matter key 'author'" in problems[0].message and "use only" in problems[0].fix
    assert ": warning: " in str(problems[0])


def test_an_empty_value_counts_as_absent(tmp_path: Path) -> None:
    doc, problems = load_seed(write(tmp_path, "a.txt", "---\ntitle:\nlanguage: en\n---\nText here.\n"), tmp_path)
    assert doc is not None and not problems and doc.meta == {"language": "en"}


@pytest.mark.parametrize(("variant", "shift"), [
    ("lf", 0), ("crlf", 0), ("cr", 0), ("bom", 1), ("bom_crlf", 1),
])
def test_bom_and_crlf_are_accepted_and_citations_still_slice(tmp_path: Path, variant: str, shift: int) -> None:
    """Offsets index ``Path.read_text(encoding="utf-8")``: the BOM is character 0, and CRLF
    reads as one "\\n", so a CRLF seed cites exactly as its LF twin and a BOM seed one later."""
    original = (ROOT / "seeds" / "02_en.txt").read_bytes()
    data = original.replace(b"\n", b"\r\n") if "crlf" in variant else original
    data = original.replace(b"\n", b"\r") if variant == "cr" else data
    data = b"\xef\xbb\xbf" + data if "bom" in variant else data
    path = write(tmp_path, f"{variant}.txt", data)
    doc, problems = load_seed(path, tmp_path)
    assert doc is not None and not problems
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.meta["language"] == "en" and doc.meta["url"].startswith("https://news.az/")
    facts = extract(doc)
    twin = extract(load_seed(ROOT / "seeds" / "02_en.txt", ROOT / "seeds")[0] or pytest.fail("no twin"))
    cites, twin_cites = citations(facts), citations(twin)
    assert cites and len(cites) == len(twin_cites)
    for c, t in zip(cites, twin_cites, strict=True):
        assert doc.text[c.start : c.end] == c.quote == t.quote
        assert (c.start, c.end) == (t.start + shift, t.end + shift)
    assert len(facts.agreements) == len(twin.agreements) >= 1


def test_a_bom_or_crlf_copy_is_the_same_content(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"Azerbaijan and Uzbekistan signed a plan.\nIt was good.\n")
    write(tmp_path, "b.txt", b"\xef\xbb\xbfAzerbaijan and Uzbekistan signed a plan.\r\nIt was good.\r\n")
    write(tmp_path, "c.txt", b"---\nurl: https://example.org/c\n---\nAzerbaijan and Uzbekistan signed a plan.\n"
                             b"It was good.\n")
    docs, problems = load_seeds(tmp_path)
    assert [d.file for d in docs] == ["a.txt"]
    assert [(p.file, p.warning) for p in problems] == [("b.txt", False), ("c.txt", False)]
    assert all("same content as a.txt" in p.message and "delete one" in p.fix for p in problems)


def test_a_symlink_out_of_the_seeds_folder_is_refused(tmp_path: Path) -> None:
    seeds, outside = tmp_path / "seeds", tmp_path / "secret.txt"
    seeds.mkdir()
    outside.write_text("Azerbaijan and Uzbekistan signed a plan.\n", encoding="utf-8")
    (seeds / "link.txt").symlink_to(outside)
    (seeds / "inside.txt").write_text("Another article about Baku.\n", encoding="utf-8")
    (seeds / "alias.txt").symlink_to(seeds / "inside.txt")
    (seeds / "dangling.txt").symlink_to(seeds / "gone.txt")
    (seeds / "folder.txt").mkdir()
    os.mkfifo(seeds / "fifo.txt")  # a named pipe would block a plain read forever
    docs, problems = load_seeds(seeds)
    assert [d.file for d in docs] == ["alias.txt"]
    by_file = {p.file: p for p in problems}
    assert "symlink points outside the seeds folder" in by_file["link.txt"].message
    assert "copy the article into seeds/" in by_file["link.txt"].fix
    assert "same content as alias.txt" in by_file["inside.txt"].message  # a link is no second article
    assert "does not exist" in by_file["dangling.txt"].message
    assert "not a regular file" in by_file["folder.txt"].message
    assert "not a regular file" in by_file["fifo.txt"].message
    assert not any(p.warning for p in problems)


def test_every_error_of_a_run_is_reported_together(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"\xff bad")
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.txt", b"---\nurl: javascript:alert(1)\npublished: yesterday\n---\nText.\n")
    write(tmp_path, "d.txt", b"---\nauthor: X\n---\nA fine article about Baku.\n")
    docs, problems = load_seeds(tmp_path)
    assert [d.file for d in docs] == ["d.txt"]
    assert [(p.file, p.line, p.warning) for p in problems] == [
        ("a.txt", 1, False), ("b.txt", None, False), ("c.txt", 2, False), ("c.txt", 3, False), ("d.txt", 2, True)]


def test_a_seed_with_no_meeting_is_accepted_and_yields_nothing(tmp_path: Path) -> None:
    doc, problems = load_seed(write(tmp_path, "calm.txt", NO_MEETING), tmp_path)
    assert doc is not None and not problems
    facts = extract(doc)
    assert not facts.meetings and not facts.agreements


# --- The commands: non-zero exit, every error printed, the last good build unchanged ---

GOOD = ("Azerbaijani Defence Minister Zakir Hasanov met with the Minister of Defence of Uzbekistan "
        "Bakhodir Kurbanov in Baku on 3 December 2025.\n")


def test_accords_check_reports_each_problem_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = [write(tmp_path, "js.txt", b"---\nurl: javascript:alert(1)\n---\nText.\n"),
           write(tmp_path, "empty.txt", b"")]
    assert cli_main(["check", *map(str, bad), str(tmp_path / "missing.txt")]) != 0
    err = capsys.readouterr().err
    assert "js.txt:2: error: url must be an http(s) address" in err
    assert "empty.txt: error: file is empty" in err
    assert "missing.txt: error: does not exist" in err
    assert "Traceback" not in err


def test_accords_check_finds_duplicates_of_published_seeds_and_of_each_other(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    published = tmp_path / "seeds"
    published.mkdir()
    write(published, "02_en.txt", NO_MEETING)
    new = tmp_path / "new"
    new.mkdir()
    copy = write(new, "copy.txt", "---\noutlet: Other\n---\n" + NO_MEETING)  # other front matter, same text
    assert cli_main(["check", str(copy), "--against", str(published)]) == 2
    assert "copy.txt: error: same content as" in capsys.readouterr().err
    other = write(new, "fresh.txt", "Another article.\n")
    twin = write(new, "twin.txt", "Another article.\n")
    assert cli_main(["check", str(other), str(twin), "--against", str(published)]) == 2
    err = capsys.readouterr().err
    assert "twin.txt: error: same content as" in err and "fresh.txt: error" not in err
    # a seed checked where it is published is no duplicate of itself
    assert cli_main(["check", str(published / "02_en.txt"), "--against", str(published)]) == 0


def test_accords_check_says_when_a_seed_yields_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["check", str(write(tmp_path, "calm.txt", NO_MEETING))]) == 0
    out = capsys.readouterr().out
    assert "0 meeting(s)" in out and "no meeting or signed agreement found" in out


def test_accords_build_with_bad_seeds_fails_and_keeps_the_last_good_build(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds, out = tmp_path / "seeds", tmp_path / "build"
    seeds.mkdir()
    write(seeds, "good.txt", GOOD)
    assert cli_main(["build", "--seeds", str(seeds), "--out", str(out), "--no-site"]) == 0
    before = tree(out)
    assert "data/datapackage.json" in before
    write(seeds, "bad_utf8.txt", b"Caf\xe9\n")
    write(seeds, "good_copy.txt", GOOD.replace("\n", "\r\n"))
    write(seeds, "yaml.txt", b"---\ntitle: [x\n---\nText.\n")
    (seeds / "Bad Name.txt").write_text("Baku talks.\n", encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["build", "--seeds", str(seeds), "--out", str(out)]) != 0
    err = capsys.readouterr().err
    for expected in ("Bad Name.txt: error: file name must be", "bad_utf8.txt:1: error: not valid UTF-8",
                     "good_copy.txt: error: same content as good.txt",
                     "yaml.txt:3: error: front matter is not valid YAML",
                     "nothing was published"):
        assert expected in err, err
    assert "Traceback" not in err
    assert tree(out) == before
    assert strays(tmp_path, "build") == []
