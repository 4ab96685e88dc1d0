"""Hostile text (issue 7): markup and template syntax stay text in the data, and the time
to read an article grows linearly with its size, whatever it holds.

The site's escaping of the same text is tested in tests/test_pages.py.

The timing tests compare the CPU time of one input with that of the same kind of input
four times as large: linear work grows about 4×, quadratic work 16×. The bound (8×) is
generous, and no test asserts an absolute time.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import math
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from accords import lexicon
from accords.build import build_data
from accords.documents import load_seed
from accords.extract import _elapsed_years, extract
from accords.extract.agreements import period
from accords.extract.dates import year_mentions
from accords.model import Document
from accords.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
LINEAR = 8.0  # n → 4n: linear ≈ 4, quadratic ≈ 16
MIN_CPU = 0.03  # seconds: the smaller input is grown until it costs this much, so timer noise is small

HOSTILE = ("Plan <script>alert(1)</script> {{ 7*7 }} {% include 'x' %} [x](javascript:alert(1)) "
           "<img src=x onerror=alert(2)> &amp; | a | b |")
ARTICLE = f"""---
title: "<script>alert('t')</script> {{{{ 7*7 }}}} [x](javascript:alert(1))"
url: "https://example.org/a?b=<i>&c={{%raw%}}"
language: en
published: 2025-12-03
---
Azerbaijani Defence Minister Zakir Hasanov met with the Minister of Defence of Uzbekistan Bakhodir \
Kurbanov in Baku on 3 December 2025.
The ministers signed the "{HOSTILE}" for 2026.
{"<b>" + "x" * 100_000 + "</b> {{{{ very long line }}}}"}
"""


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_markup_and_template_syntax_are_data_not_code(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    data = tmp_path / "data"
    tables, _ = build_data(seeds, data, ROOT)
    title = {r["title"] for r in tables["agreements"]}
    assert title == {HOSTILE}
    for fmt in ("csv", "parquet"):
        agreements = (read_csv(data / "agreements.csv") if fmt == "csv"
                      else pq.read_table(data / "agreements.parquet").to_pylist())
        sources = (read_csv(data / "sources.csv") if fmt == "csv"
                   else pq.read_table(data / "sources.parquet").to_pylist())
        assert [r["title"] for r in agreements] == [HOSTILE], fmt
        assert [r["title"] for r in sources] == ["<script>alert('t')</script> {{ 7*7 }} [x](javascript:alert(1))"]
        assert [r["url"] for r in sources] == ["https://example.org/a?b=<i>&c={%raw%}"]
    text = (seeds / "hostile.txt").read_text(encoding="utf-8")
    cites = read_csv(data / "citations.csv")
    assert any(HOSTILE in c["quote"] for c in cites)
    for c in cites:  # every quote, context included, is the file's text, unescaped and unrendered
        assert text[int(c["start"]) : int(c["end"])] == c["quote"]
        assert text[int(c["context_start"]) : int(c["context_end"])] == c["context"]
    blob = "".join(p.read_text(encoding="utf-8") for p in data.glob("*.csv"))
    assert "{{ 7*7 }}" in blob and "</script> 49" not in blob  # never evaluated as a template
    assert "&lt;" not in blob and "&amp;amp;" not in blob  # nor escaped in the data


def test_a_very_long_line_is_text(tmp_path: Path) -> None:
    line = "Azerbaijan and Uzbekistan held talks in Baku " + "<i>ab</i> " * 12_000
    path = tmp_path / "long.txt"
    path.write_text(f"---\nlanguage: en\n---\n{line}\nThe ministers signed a memorandum.\n", encoding="utf-8")
    doc, problems = load_seed(path, tmp_path)
    assert doc is not None and not problems and len(line) > 100_000
    facts = extract(doc)
    for m in facts.meetings:
        assert doc.text[m.kind_cite.start : m.kind_cite.end] == m.kind_cite.quote


# --- Linear time ---------------------------------------------------------------------------


def _doc(text: str, lang: str) -> Document:
    return Document("src-test", "t.txt", Path("t.txt"), text, 0, lang, {},
                    hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


def cpu(fn: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs (garbage collection off while timing)."""
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            fn()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def growth(run: Callable[[str], object], make: Callable[[int], str], n: int) -> tuple[float, int]:
    """CPU time of ``run(make(4n)) / run(make(n))``, with n grown until the smaller run is measurable."""
    small = cpu(partial(run, make(n)), 3)
    while small < MIN_CPU and n < 2_000_000:
        n *= 2
        small = cpu(partial(run, make(n)), 3)
    big = cpu(partial(run, make(4 * n)), 2)
    return big / max(small, 1e-6), n


def _names(n: int) -> list[str]:
    """n distinct capitalised surnames."""
    return ["".join(chr(97 + (i // 26**k) % 26) for k in range(4)).capitalize() + "ov" for i in range(n)]


MEETING = {"en": "Azerbaijan and Uzbekistan held talks in Baku on 3 December 2025. ",
           "az": "Azərbaycan və Özbəkistan arasında Bakıda 3 dekabr 2025-ci il tarixində görüş keçirilib. "}
ADVERSARIAL: dict[str, Callable[[int, str], str]] = {
    # one run-on line of capitalised words: every one a name candidate
    "capitalised words": lambda n, lang: " ".join(_names(n)),
    "names with roles and signings": lambda n, lang: " ".join(
        f"minister Ali {s} signed the agreement," for s in _names(n)),
    "unbalanced quotes": lambda n, lang: "“a „b «c \"d ' " * n,
    "quoted titles": lambda n, lang: "signed " + " ".join(f"«Agreement {s}»" for s in _names(n)),
    "digits": lambda n, lang: "1234567890" * n + " " + "12.12.2024 2024-12-12 " * n,
    "year then blanks": lambda n, lang: "signed the «Plan 2024" + " " * (10 * n) + "x»",
    "apostrophes": lambda n, lang: "O'z'b'e'k ʻʼ‘’ '' " * n,
    "dots": lambda n, lang: "." * (5 * n) + " A. B. C. Dr. " * n,
    "hyphens and line breaks": lambda n, lang: "Baku-\n\n\n" + "-\n \n" * n + "a" + " word-\nword" * n,
    "blank lines": lambda n, lang: "talk-" + "\n" * (10 * n) + "held",
    "letters": lambda n, lang: "a" * (10 * n) + " Xəzri-2023 " + "b" * (10 * n),
    "document words": lambda n, lang: " ".join(["agreement memorandum plan saziş меморандум"] * n),
    "future words": lambda n, lang: " ".join(["will sign imzalanacaq подпишут agreement"] * n),
    "meeting words": lambda n, lang: " ".join(["held talks görüş keçirilib переговоры Baku"] * n),
    "agreements, one per sentence": lambda n, lang: " ".join(
        f"The agreement on {s.lower()} was signed." for s in _names(n)),
}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "az"])
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_extraction_time_grows_linearly(kind: str, lang: str) -> None:
    make = ADVERSARIAL[kind]
    ratio, n = growth(lambda text: extract(_doc(text, lang)), lambda k: MEETING[lang] + make(k, lang), 50)
    assert ratio < LINEAR, f"{kind} ({lang}): 4× the input took {ratio:.1f}× the time (n={n})"


@pytest.mark.slow
def test_a_one_megabyte_article_and_a_100000_character_line_grow_linearly() -> None:
    doc, _ = load_seed(ROOT / "seeds" / "02_en.txt", ROOT / "seeds")
    assert doc is not None
    body = doc.text[doc.body_start :]
    article = (body * (1_000_000 // len(body) + 1))[:1_000_000]
    small = cpu(lambda: extract(_doc(article[:250_000], "en")), 2)
    big = cpu(lambda: extract(_doc(article, "en")), 1)
    assert big / small < LINEAR
    line = body.replace("\n", " ")
    line = (line * (100_000 // len(line) + 1))[:100_000]
    small = cpu(lambda: extract(_doc(line[:25_000], "en")), 3)
    big = cpu(lambda: extract(_doc(line, "en")), 2)
    assert big / small < LINEAR


def test_a_run_on_sentence_is_read_in_bounded_pieces() -> None:
    text = " ".join(_names(2_000)) + ". Short one."
    sentences = split_sentences(text, 0)
    assert max(len(s.tokens) for s in sentences) <= 250 and sentences[-1].tokens[0].text == "Short"
    for s in sentences:
        assert [t.index for t in s.tokens] == list(range(len(s.tokens)))
        assert text[s.start : s.end].startswith(s.tokens[0].text)


BLANKS = [" ", "\t", "\n", " \u00a0", "- "]


@pytest.mark.parametrize("lang", lexicon.available_languages())
def test_lexicon_patterns_do_not_backtrack(lang: str) -> None:
    """``period_patterns``, ``year_patterns`` and ``elapsed_patterns`` of every lexicon, on
    years and counts followed by long runs of blanks (``\\s*-?\\s*`` was cubic there)."""
    lex = lexicon.load(lang)

    def make(n: int) -> str:
        return "".join(f"{2020 + i % 5}{b * n}x 12{b * n}il " for i, b in enumerate(BLANKS)) + "a" * n

    def run_all(text: str) -> None:
        period(text, lex)
        year_mentions(text, 0, len(text), lex)
        _elapsed_years(_doc(text, lang))

    ratio, n = growth(run_all, make, 200)
    assert ratio < LINEAR, f"{lang}: 4× the blanks took {ratio:.1f}× the time (n={n})"


def test_patterns_still_match_across_squeezed_blanks() -> None:
    az = lexicon.load("az")
    assert period("2024-2025-ci   illər üçün plan", az)[:2] == (2024, 2025)  # type: ignore[index]
    title = "plan for\n\n  2026 and more"
    en = lexicon.load("en")
    found = period(title, en)
    assert found is not None and found[0] == 2026 and title[found[2] : found[3]] == "for\n\n  2026"
    text = "It happened  in \t 2019 , then"
    years = year_mentions(text, 0, len(text), en)
    assert [(d.date.year, text[d.start : d.end]) for d in years] == [(2019, "2019")]
