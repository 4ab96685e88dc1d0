"""Property tests (issue 7): the loader and the extractor on arbitrary Unicode.

- the loader never raises: a seed is a document or a list of errors that name it, and a
  document's text is ``Path.read_text(encoding="utf-8")`` of its file;
- lone surrogates cannot be written as UTF-8: written with ``surrogatepass`` they are
  rejected as invalid UTF-8;
- the extractor never raises (mixed scripts, combining marks, RTL, NUL, surrogates), and
  every citation slices the text to its quote;
- tables built from a few generated articles have unique ids and resolving foreign keys.

The profile is derandomized (the same examples on every run) and small, so CI is fast
and never flaky.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_documents import citations

from accords import lexicon
from accords.documents import load_seed, load_seeds
from accords.extract import extract
from accords.model import Document
from accords.package import check_rows
from accords.resolve import resolve
from accords.schema import TABLES, TABLES_BY_NAME
from accords.tables import build_tables

settings.register_profile("accords", derandomize=True, deadline=None, max_examples=60, database=None,
                          print_blob=True, suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile("accords")

LANGUAGES = lexicon.available_languages()
SPECIAL = ["\x00", "\ufeff", "\r", "\n", "\t", "\u202e", "\u200f", "\u0301", "\u0308", "\u200b",
           "\u2028", "\xa0", "\x85", "\x0c", "«", "»", "“", "”", "„", '"', "'", "ʻ", "’", "-"]
LINES = ["\r\n", "---\n", "-\n", "\n\n", "\r\n---\r\n"]
WRITTEN = st.one_of(
    st.characters(),  # any code point but surrogates
    st.sampled_from(SPECIAL),
    st.characters(min_codepoint=0x0590, max_codepoint=0x06FF),  # Hebrew, Arabic (right to left)
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.characters(min_codepoint=0x0400, max_codepoint=0x04FF),  # Cyrillic
)
SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
NAMES = ["Zakir Hasanov", "Bakhodir Kurbanov", "Ilham Aliyev", "Шавкат Мирзиёев", "Botir Qudratxo‘jayev",
         "B. Kudratov", "Садыр Жапаров", "Jeenbek Kulubaev", "Kassym-Jomart Tokayev"]
PIECES = [*LINES, "3", "14", "2025", "2024-2025", "12.05.2024", "2025-12-03", "3-cü", ".", ",", ":", ";", "(", ")",
          " - ", "\n", "\n\n", "«", "»", '"', "“", "”", "„", "'", "{{ x }}", "<b>", "[a](javascript:x)"]


def vocabulary(lang: str) -> list[str]:
    """Words of the language's lexicon that the rules react to, plus names, numbers, marks."""
    data = lexicon.load(lang).data
    words: list[object] = []
    for cat in ("countries", "cities", "meeting_triggers", "document_kinds", "months", "institutions",
                "portfolios", "signer_refs"):
        for terms in (data.get(cat) or {}).values():
            words.extend(terms or [])
    for cat in ("signing_active", "signing_passive", "participation", "future", "held_verbs", "agent_markers",
                "role_glue", "home_refs", "generic_documents", "additive", "passive_aux"):
        words.extend(data.get(cat) or [])
    for pos in data.get("positions") or []:
        words.extend(pos.get("terms") or [])
    return sorted({str(w).replace("*", "") for w in words} | set(NAMES) | set(PIECES))


@st.composite
def articles(draw: st.DrawFn, lang: str | None = None, surrogates: bool = False) -> tuple[str, str]:
    """(language, text): lexicon words, names and dates, mixed with arbitrary characters."""
    lang = lang or draw(st.sampled_from(LANGUAGES))
    chars = st.one_of(WRITTEN, SURROGATE) if surrogates else WRITTEN
    word = st.one_of(st.sampled_from(vocabulary(lang)), st.text(chars, min_size=1, max_size=4))
    words = draw(st.lists(word, max_size=60))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "\n", ", ", ". ", "  "]), min_size=len(words),
                         max_size=len(words)))
    return lang, "".join(w + s for w, s in zip(words, seps, strict=True))


SEEDS = {p.name: load_seed(p, p.parent)[0] for p in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))}


@st.composite
def edited_seeds(draw: st.DrawFn, surrogates: bool = False) -> tuple[str, str]:
    """(language, text): a real article with arbitrary characters written into it and parts cut."""
    doc = SEEDS[draw(st.sampled_from(sorted(SEEDS)))]
    assert doc is not None
    text = doc.text[doc.body_start :]
    chars = st.one_of(WRITTEN, SURROGATE) if surrogates else WRITTEN
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.text(chars, min_size=1, max_size=6)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
    return doc.language, text


def _doc(text: str, lang: str, name: str = "t") -> Document:
    return Document(f"src-{hashlib.sha1(name.encode()).hexdigest()[:12]}", f"{name}.txt", Path(f"{name}.txt"),
                    text, 0, lang, {}, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


def _check_seed(path: Path) -> None:
    doc, problems = load_seed(path, path.parent)  # must not raise
    for p in problems:
        assert p.file == path.name and p.message and p.fix
        assert str(p).startswith(path.name)
    if doc is None:
        assert any(not p.warning for p in problems)
    else:
        assert all(p.warning for p in problems)
        assert doc.text == path.read_text(encoding="utf-8")
        assert 0 <= doc.body_start <= len(doc.text)


@settings(PROFILE, max_examples=150)
@given(st.binary(max_size=600))
def test_the_loader_never_raises_on_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.txt"
        path.write_bytes(data)
        _check_seed(path)


@settings(PROFILE, max_examples=150)
@given(st.lists(st.one_of(WRITTEN, SURROGATE, st.sampled_from(LINES)), max_size=300).map("".join),
       st.sampled_from(["", "---\nlanguage: en\n---\n", "\ufeff---\ntitle: x\n---\n", "---\n", "---\n---\n"]))
def test_the_loader_never_raises_on_text(text: str, head: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.txt"
        path.write_bytes((head + text).encode("utf-8", "surrogatepass"))
        _check_seed(path)
        doc, problems = load_seed(path, path.parent)
        if "\x00" not in text and any("\ud800" <= c <= "\udfff" for c in text):
            assert doc is None and any("not valid UTF-8" in p.message for p in problems)  # rejected, not mangled


@settings(PROFILE, max_examples=40)
@given(st.lists(st.text(WRITTEN, max_size=80), min_size=1, max_size=4), st.text(WRITTEN, max_size=40))
def test_front_matter_never_breaks_the_loader(values: list[str], body: str) -> None:
    keys = ["title", "url", "published", "language", "outlet", "author", "license"]
    head = "".join(f"{k}: {v}\n" for k, v in zip(keys, values, strict=False))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.txt"
        path.write_text(f"---\n{head}---\n{body}", encoding="utf-8")
        _check_seed(path)
        docs, _ = load_seeds(Path(tmp))
        assert len(docs) <= 1


@settings(PROFILE)
@given(st.one_of(articles(surrogates=True), edited_seeds(surrogates=True)))
def test_the_extractor_never_raises_and_every_citation_slices(article: tuple[str, str]) -> None:
    lang, text = article
    doc = _doc(text, lang)
    facts = extract(doc)
    event(f"{min(len(facts.meetings), 1)} meeting, {min(len(facts.agreements), 1)} agreement")
    for c in citations(facts):
        assert 0 <= c.context_start <= c.start <= c.end <= c.context_end <= len(text), c
        assert text[c.start : c.end] == c.quote


@settings(PROFILE, max_examples=25)
@given(st.lists(st.one_of(articles(), edited_seeds()), min_size=1, max_size=4))
def test_tables_have_unique_ids_and_resolving_keys(arts: list[tuple[str, str]]) -> None:
    docs = [_doc(text, lang, name=f"a{i}") for i, (lang, text) in enumerate(arts)]
    tables = build_tables(resolve([extract(d) for d in docs]))
    event(f"{min(len(tables['meetings']), 2)} meetings, {min(len(tables['signatories']), 1)} signatories")
    check_rows(tables)  # every value of the declared type
    keys: dict[str, set[object]] = {}
    for table in TABLES:
        ids = [r[table.primary_key] for r in tables[table.name]]
        assert len(ids) == len(set(ids)), f"{table.name}: duplicate ids"
        keys[table.name] = set(ids)
    for table in TABLES:
        for fk in table.foreign_keys:
            for row in tables[table.name]:
                value = row[fk.field]
                assert value is None or value in keys[fk.reference], f"{table.name}.{fk.field} = {value}"
        for row in tables[table.name]:
            for sid in row.get("source_ids") or []:  # type: ignore[attr-defined]
                assert sid in keys["sources"]
    texts = {d.source_id: d.text for d in docs}
    for cit in tables["citations"]:
        assert cit["record_id"] in keys[str(cit["table"])], cit
        assert texts[str(cit["source_id"])][int(cit["start"]) : int(cit["end"])] == cit["quote"]  # type: ignore[call-overload]
    assert set(TABLES_BY_NAME) == set(tables)


def test_every_published_context_holds_its_quote(seeds_build: Path) -> None:
    """Found by the property above: a title named in an earlier sentence was cited with the
    signing sentence as its context, which did not contain it."""
    import csv

    with (seeds_build / "citations.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for r in rows:
        assert int(r["context_start"]) <= int(r["start"]) <= int(r["end"]) <= int(r["context_end"]), r
        assert r["quote"] in r["context"]
