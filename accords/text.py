"""Offset-preserving text helpers: folding, tokens and sentences.

Everything here keeps a one-to-one map between characters of the folded view and
characters of the seed text, so a span found in the folded view is a span of the
file (``text[start:end]``). All scanning is linear: one regular expression pass
with no nested quantifiers, then plain loops.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

APOSTROPHES = "'‘’ʻʼ`´ʹ"
_FOLD_SPECIAL = {"İ": "i", "I": "i", "ı": "i", "ё": "е", "Ё": "е"}
for _a in APOSTROPHES:
    _FOLD_SPECIAL[_a] = "'"


def fold_char(c: str) -> str:
    """Lower-case one character to exactly one character (İ, I, ı → i; apostrophes → ')."""
    special = _FOLD_SPECIAL.get(c)
    if special is not None:
        return special
    low = c.lower()
    return low if len(low) == 1 else c


_FOLD_TABLE = str.maketrans(_FOLD_SPECIAL)


def fold(text: str) -> str:
    """Fold a string character by character; ``len(fold(s)) == len(s)``.

    The special letters are mapped first, then the whole string is lower-cased at once;
    in the rare string where some other letter lower-cases to two characters, or the
    case of one depends on its neighbours, each character is folded on its own."""
    low = text.translate(_FOLD_TABLE).lower()
    if len(low) == len(text) and "ς" not in low:  # Greek final sigma depends on context: char by char
        return low
    return "".join(fold_char(c) for c in text)


# A word: letters/digits, with apostrophes allowed between letters (O‘zbekiston, ta'minlash).
_WORD = re.compile(r"[^\W_]+(?:[" + APOSTROPHES + r"][^\W_]+)*")


@dataclass(frozen=True)
class Token:
    """A word of the text: ``start``/``end`` index the seed text; ``fold`` is its folded form."""

    start: int
    end: int
    text: str
    fold: str
    index: int

    @property
    def is_upper_initial(self) -> bool:
        """Starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_digit(self) -> bool:
        """Consists of digits only."""
        return self.text.isdigit()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of ``text[start:end]``; a word broken by ``-`` across a line break is one token."""
    stop = len(text) if end is None else end
    raw = [(m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]
    if not raw:
        return []
    base = raw[0][0]
    folded_all = fold(text[base:stop])  # one folding for the span, sliced per word (same length)
    tokens: list[Token] = []
    i = 0
    while i < len(raw):
        s, e = raw[i]
        folded = folded_all[s - base : e - base]
        # OCR-like hyphenation: "olun-\n\nması" → one word.
        while i + 1 < len(raw) and text[e] == "-" and _is_hyphen_break(text, e, raw[i + 1][0]):
            ns, ne = raw[i + 1]
            folded += folded_all[ns - base : ne - base]
            e = ne
            i += 1
        tokens.append(Token(s, e, text[s:e], folded, len(tokens)))
        i += 1
    return tokens


def _is_hyphen_break(text: str, end: int, next_start: int) -> bool:
    gap = text[end:next_start]
    return (
        len(gap) >= 2
        and gap[0] == "-"
        and "\n" in gap
        and gap[1:].isspace()
        and text[next_start].islower()
        and text[end - 1].isalpha()
    )


@dataclass(frozen=True)
class Sentence:
    """A sentence span of the seed text with its tokens."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    index: int


_BREAK = re.compile(r"\n|[.!?…]+")


def split_sentences(text: str, start: int, abbreviations: frozenset[str] = frozenset(),
                    ordinal_dot: bool = False) -> list[Sentence]:
    """Split ``text[start:]`` into sentences.

    A line break ends a sentence unless it is inside a hyphenated word; ``.``/``!``/``?``
    end one when followed by space and an upper-case letter, digit or quote, and not
    after an initial ("B. Kudratov") or a known abbreviation. ``word.Word`` with no
    space ends a sentence only after a lower-case word of four letters or more. With
    ``ordinal_dot``, "8. Dönem" is an ordinal, not a sentence's end.
    """
    cuts: list[int] = []
    soft = soft_line_breaks(text, start)
    hyphen = _hyphen_newlines(text, start)
    for m in _BREAK.finditer(text, start):
        pos = m.start()
        if m.group() == "\n":
            if pos not in soft and pos not in hyphen:
                cuts.append(m.end())
            continue
        after = m.end()
        if _sentence_ends(text, pos, after, abbreviations) and not (ordinal_dot and _ordinal(text, pos)):
            cuts.append(after)
    sentences: list[Sentence] = []
    begin = start
    for cut in [*cuts, len(text)]:
        s, e = _trim(text, begin, cut)
        if e > s:
            toks = tokenize(text, s, e)
            for k in range(0, len(toks), MAX_SENTENCE_TOKENS):  # one piece, unless run-on
                piece = toks[k : k + MAX_SENTENCE_TOKENS]
                ps, pe = (s, e) if len(piece) == len(toks) else (piece[0].start, piece[-1].end)
                sentences.append(Sentence(ps, pe, tuple(_reindex(piece, k)), len(sentences)))
        begin = cut
    return sentences


MAX_SENTENCE_TOKENS = 250
"""A "sentence" of more words than this (a table, a list, a page without full stops; the
longest sentence of the corpus has about 60) is read in pieces of this many words. The
rules relate every word of a sentence to others, so a run-on line of n words would cost
n² or more; in pieces, the cost grows linearly with the text."""


def _reindex(tokens: list[Token], offset: int) -> list[Token]:
    return tokens if not offset else [replace(t, index=t.index - offset) for t in tokens]


_TERMINAL = frozenset(".!?…:;\"»”“)")


def soft_line_breaks(text: str, start: int = 0) -> set[int]:
    """Newlines of hard-wrapped paragraphs: inside a sentence, not between sentences.

    A newline is a wrap when the next line starts in lower case, or when the line
    before it has no closing punctuation and is full: the next line's first word
    would not have fitted on it at the paragraph's width (its longest line). A short
    headline above a paragraph is therefore still a line of its own.
    """
    soft: set[int] = set()
    lines: list[tuple[int, int]] = []  # (start, end) of the non-blank lines of one paragraph
    pos = text.rfind("\n", 0, start) + 1  # whole lines: a header may end mid-line
    n = len(text)
    while pos <= n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        body = text[pos:end].rstrip("\r \t")
        if body.strip():
            lines.append((pos, pos + len(body)))
        else:
            _paragraph_wraps(text, lines, soft)
            lines = []
        pos = end + 1
    _paragraph_wraps(text, lines, soft)
    return soft


def _paragraph_wraps(text: str, lines: list[tuple[int, int]], soft: set[int]) -> None:
    if len(lines) < 2:
        return
    width = max(e - s for s, e in lines)
    for (s, e), (ns, ne) in zip(lines, lines[1:], strict=False):
        nxt = text[ns:ne].lstrip()
        if not nxt:
            continue
        newline = text.find("\n", e)
        if nxt[0].islower():
            soft.add(newline)
            continue
        line = text[s:e].strip()
        first_word = nxt.split(maxsplit=1)[0]
        if line[-1] not in _TERMINAL and len(line) + 1 + len(first_word) > width:
            soft.add(newline)


def _hyphen_newlines(text: str, start: int) -> set[int]:
    """Newlines (at or after ``start``) inside ``olun-\\n\\nması`` breaks: a letter and ``-``,
    then only blanks and line breaks, then a lower-case letter.

    One pass: each run of blanks is scanned once, and the look-ahead over further
    white space is remembered, so a million newlines cost a million steps.
    """
    out: set[int] = set()
    n = len(text)
    ahead = -1  # text[hi:ahead] is all white space, found by an earlier look-ahead
    pos = text.find("\n", start)
    while pos != -1:
        lo = pos
        while lo > 0 and text[lo - 1] in " \t\r\n":
            lo -= 1
        hi = pos
        while hi < n and text[hi] in " \t\r\n":
            hi += 1
        k = max(hi, ahead)
        while k < n and text[k].isspace():
            k += 1
        ahead = k
        j = lo - 1
        if j >= 1 and text[j] == "-" and text[j - 1].isalpha() and k < n and text[k].islower():
            out.update(i for i in range(max(lo, start), hi) if text[i] == "\n")
        pos = text.find("\n", hi)
    return out


def _sentence_ends(text: str, pos: int, after: int, abbreviations: frozenset[str]) -> bool:
    if after >= len(text):
        return True
    nxt = text[after]
    word_start = pos
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    prev_word = text[word_start:pos]
    if nxt.isspace():
        k = after
        while k < len(text) and text[k] in " \t":
            k += 1
        if k >= len(text) or text[k] == "\n":
            return True
        following = text[k]
        if not (following.isupper() or following.isdigit() or following in "\"“«„'‘•–—-("):
            return False
        if len(prev_word) == 1 and prev_word.isupper():
            return False  # an initial
        return fold(prev_word) not in abbreviations
    if nxt.isupper():
        return len(prev_word) >= 4 and prev_word.islower()
    return False


def _ordinal(text: str, pos: int) -> bool:
    """A full stop after a number of one to three digits that stands alone: the ordinal of
    languages that write "8." for "8th" ("KEK 8. Dönem Toplantısı")."""
    k = pos
    while k > 0 and text[k - 1].isdigit():
        k -= 1
    return 1 <= pos - k <= 3 and (k == 0 or text[k - 1] in " \t\n(")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


QUOTE_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"', "”": "”"}
_OPENING = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (inside the quote marks) of quotations in ``text[start:end]``; linear scan."""
    spans: list[tuple[int, int]] = []
    first = _OPENING.search(text, start, end)
    if first is None:  # most sentences quote nothing
        return spans
    exhausted: set[str] = set()  # closing marks absent from the rest: never search again
    i = first.start()
    while i < end:
        close = QUOTE_PAIRS.get(text[i])
        if close is None or close in exhausted:
            i += 1
            continue
        j = text.find(close, i + 1, end)
        if j == -1:
            exhausted.add(close)
            i += 1
            continue
        spans.append((i + 1, j))
        i = j + 1
    return spans


_BLANKS = re.compile(r"\s+")


def squeeze_spaces(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with each run of white space written as one space, and a map from
    offsets of the squeezed string back to offsets of ``text``.

    Lexicon patterns (``period_patterns``, ``year_patterns``, ``elapsed_patterns``) run
    on the squeezed text: ``\\s*-?\\s*`` backtracks over every split of a blank run, so on
    a run of n spaces it costs n² or n³ steps; on one space, a few. Patterns never need
    two blanks in a row, so the matches are the same.
    """
    parts: list[str] = []
    runs: list[int] = []  # squeezed offset of each shortened run's space
    removed: list[int] = [0]  # characters dropped by the first k runs
    last = 0
    for m in _BLANKS.finditer(text):
        if m.end() - m.start() == 1 and m.group() == " ":
            continue
        parts.append(text[last : m.start()])
        parts.append(" ")
        runs.append(m.start() - removed[-1])
        removed.append(removed[-1] + m.end() - m.start() - 1)
        last = m.end()
    parts.append(text[last:])

    def original(offset: int) -> int:
        return offset + removed[bisect_left(runs, offset)]

    return "".join(parts), original


def span_cover(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test "is this offset inside one of ``spans``?": spans merged once, each lookup a
    bisection, so checking every match of a sentence against every title stays linear."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        elif s < e:
            merged.append([s, e])
    starts = [s for s, _ in merged]

    def inside(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < merged[k][1]

    return inside



HEADLINE_LINES = 8  # a headline stands among the first lines of an article
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_INNER_STOP = re.compile(r"[^\W\d]{2}[.!?] +[^\W\d_]")  # "… келди. Эки тарап …"


def headline(text: str, start: int) -> tuple[int, int] | None:
    """The span of the article's headline: among the first lines after ``start``, the first
    of 4 to 25 words that carries no clock or numeric date (page furniture: "O‘zbekiston |
    11:05 / 24.04.2025", "3 daqiqa o‘qiladi", bylines with a stamp). ``None`` when a
    paragraph of text comes first (the article starts with its text)."""
    pos, seen = start, 0
    while pos < len(text) and seen < HEADLINE_LINES:
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        s, e = _trim(text, pos, end)
        line = text[s:e]
        if line:
            seen += 1
            words = [w for w in line.split() if any(c.isalpha() for c in w)]
            furniture = _CLOCK.search(line) is not None or line.lower().startswith("date ")
            paragraph = len(words) >= 8 and _INNER_STOP.search(line) is not None  # two sentences: text
            if not furniture and not paragraph and len(line) <= 250 and 4 <= len(words) <= 25:
                return s, e  # a line of its own, not too long: a headline, with or without a full stop
            if len(words) > 25 or len(line) > 250 or paragraph:
                return None  # the text has begun
        pos = end + 1
    return None
