"""Layout must not change the facts: the same articles hard-wrapped at any width
(as pasted from e-mail, PDF or a terminal) give the same evaluation as the originals."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from accords.build import build_data
from accords.evaluate import evaluate, format_report
from accords.text import soft_line_breaks, split_sentences

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
FRONT = re.compile(r"(---\n.*?\n---\n)(.*)", re.S)


def _wrap(src: Path, dest: Path, width: int) -> None:
    dest.mkdir(parents=True)
    for path in sorted(src.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        m = FRONT.match(text)
        head, body = (m.group(1), m.group(2)) if m else ("", text)
        lines = [textwrap.fill(line, width, break_on_hyphens=False, break_long_words=False)
                 if len(line) > width else line for line in body.split("\n")]
        (dest / path.name).write_text(head + "\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("width", [60, 72])
def test_hard_wrapped_articles_score_like_the_originals(tmp_path: Path, seeds_build: Path, width: int) -> None:
    seeds = tmp_path / "seeds"
    _wrap(ROOT / "seeds", seeds, width)
    data = tmp_path / "data"
    build_data(seeds, data, ROOT)
    for gold in ("seeds", "dev"):
        original = evaluate(GOLD / gold, seeds_build, ROOT / "seeds")
        wrapped = evaluate(GOLD / gold, data, seeds)
        for table, score in original.scores.items():
            assert (wrapped.scores[table].tp, wrapped.scores[table].fp) == (score.tp, score.fp), \
                format_report(wrapped)
        assert wrapped.citations_ok == wrapped.citations_total  # offsets index the wrapped files


def test_a_wrap_joins_lines_but_a_headline_stays_apart() -> None:
    text = ("Defence ministers meet in Baku\n"
            "Azerbaijani Defence Minister Zakir Hasanov met with the Minister of\n"
            "Defence of Uzbekistan Bakhodir Kurbanov in Baku on 3 December 2025,\n"
            "the ministry said.\n")
    sentences = [text[s.start:s.end] for s in split_sentences(text, 0)]
    assert sentences[0] == "Defence ministers meet in Baku"
    assert sentences[1].startswith("Azerbaijani") and sentences[1].endswith("the ministry said.")
    assert len(soft_line_breaks(text)) == 2


def test_lines_that_end_a_sentence_or_a_short_line_are_not_wraps() -> None:
    text = ("Baku, 3 December.\nThe talks began at noon.\nA short line\n"
            "Another much longer line follows the short line here\n")
    assert soft_line_breaks(text) == set()
