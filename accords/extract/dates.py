"""Dates in text: numeric stamps, ``14 may``, ``iyunun 14-də``, ``December 3, 2025``.

Month names and their inflected forms come from the lexicon; the shapes around
them (day before or after the month, a year shortly after) are the same in every
language here, so they live in code. A date is never more precise than its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accords.lexicon import Lexicon
from accords.model import PartialDate
from accords.text import Token

_NUMERIC = re.compile(
    r"(?<!\d)(?:(?P<d>\d{1,2})[./\-](?P<m>\d{1,2})[./\-](?P<y>(?:19|20)\d{2})"
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{2})-(?P<d2>\d{2}))(?!\d)"
)
_ISO_HEADER = re.compile(r"^[ \t]*date[ \t]+(?P<iso>(?:19|20)\d{2}-\d{2}(?:-\d{2})?)(?![\d])", re.M)
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|-?(?:ci|cı|cu|cü|inci|ıncı|nci|е|го|я|ое))?$")
_YEAR = re.compile(r"^((?:19|20)\d{2})")


@dataclass(frozen=True)
class DateMention:
    """A date written in the text at ``[start, end)``."""

    date: PartialDate
    start: int
    end: int
    is_range: bool = False


def valid(d: PartialDate) -> bool:
    """Month 1-12 and day within 1-31."""
    return (d.month is None or 1 <= d.month <= 12) and (d.day is None or 1 <= d.day <= 31)


def numeric_dates(text: str, start: int, end: int) -> list[DateMention]:
    """``14.05.2019``, ``21-06-2022``, ``2025-12-03`` inside ``text[start:end]``."""
    found = []
    for m in _NUMERIC.finditer(text, start, end):
        if m.group("y"):
            d = PartialDate(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        else:
            d = PartialDate(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        if valid(d):
            found.append(DateMention(d, m.start(), m.end()))
    return found


def iso_header(text: str, start: int) -> DateMention | None:
    """A scraper's ``date 2023-06`` header line near the top of the body."""
    m = _ISO_HEADER.search(text, start, min(len(text), start + 400))
    if m is None:
        return None
    parts = [int(p) for p in m.group("iso").split("-")]
    d = PartialDate(parts[0], parts[1], parts[2] if len(parts) > 2 else None)
    return DateMention(d, m.start("iso"), m.end("iso")) if valid(d) else None


def _day(tok: Token) -> int | None:
    m = _DAY.match(tok.fold)
    if m is None:
        return None
    v = int(m.group(1))
    return v if 1 <= v <= 31 else None


def _year(tok: Token) -> int | None:
    m = _YEAR.match(tok.fold)
    return int(m.group(1)) if m and len(tok.fold) <= 8 else None


def word_dates(tokens: tuple[Token, ...] | list[Token], lex: Lexicon, text: str) -> list[DateMention]:
    """Dates built around a month word: ``14 may``, ``Oktyabrın 6-da``, ``Dec 3, 2025``."""
    found: list[DateMention] = []
    for m in lex.scan(tokens):
        if m.category != "months":
            continue
        month = int(m.value)
        i, j = m.first, m.last
        day: int | None = None
        first, last = i, j
        is_range = False
        if i > 0 and _day(tokens[i - 1]) is not None and _adjacent(text, tokens[i - 1], tokens[i]):
            day, first = _day(tokens[i - 1]), i - 1
            k = i - 2
            if k >= 0 and _day(tokens[k]) is not None and _range_gap(text, tokens[k], tokens[i - 1]):
                is_range = True
            elif k >= 1 and _day(tokens[k - 1]) is not None and tokens[k].fold in lex.words("range_words"):
                is_range = True
        elif j + 1 < len(tokens) and _day(tokens[j + 1]) is not None and _adjacent(text, tokens[j], tokens[j + 1]):
            day, last = _day(tokens[j + 1]), j + 1
        year = None
        for k in range(last + 1, min(last + 3, len(tokens))):
            y = _year(tokens[k])
            if y is not None and _adjacent(text, tokens[k - 1], tokens[k]):
                year, last = y, k
                break
        if day is None and year is None:
            continue  # a bare month word ("may") is no date
        found.append(DateMention(PartialDate(year, month, day), tokens[first].start, tokens[last].end,
                                 is_range))
    return found


def _adjacent(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 3 and "\n" not in gap


def _range_gap(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start].strip()
    return gap in {"-", "–", "—"}
