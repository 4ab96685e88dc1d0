"""Dates in text: numeric stamps, ``14 may``, ``iyunun 14-də``, ``December 3, 2025``.

Month names and their inflected forms come from the lexicon; the shapes around
them (day before or after the month, a year shortly after) are the same in every
language here, so they live in code. A date is never more precise than its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from accords.lexicon import Lexicon, Match
from accords.model import PartialDate
from accords.text import Token, fold, squeeze_spaces

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
    weekday: int | None = None  # ISO weekday written beside the date ("Tuesday, 5 November")
    year_offset: int | None = None  # "last year's February": the year, counted from the publication's


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


def word_dates(tokens: tuple[Token, ...] | list[Token], lex: Lexicon, text: str,
               matches: list[Match] | None = None) -> list[DateMention]:
    """Dates built around a month word: ``14 may``, ``Oktyabrın 6-da``, ``Dec 3, 2025``,
    with the year before them too (``2024-cü il mayın 15-də``, ``2025 жылғы 3 наурызда``).
    ``matches``: the lexicon's matches of ``tokens``, when the caller has them already."""
    found: list[DateMention] = []
    matches = lex.scan(tokens) if matches is None else matches
    at = {i: m for m in matches for i in range(m.first, m.last + 1)}
    for m in matches:
        if m.category not in ("months", "months_also_names"):
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
        if year is None:
            year, first = _year_before(tokens, first, at, text)
        offset = None
        if year is None:
            offset, first, last = _relative_year(tokens, first, last, at, text)
        if day is None and year is None and offset is None:
            continue  # a bare month word ("may") is no date
        found.append(DateMention(PartialDate(year, month, day), tokens[first].start, tokens[last].end,
                                 is_range, _weekday_beside(tokens, first, last, at, text), offset))
    return found


RELATIVE_GAP = 1  # "ötən ilin fevral ayında", "February of last year": one word may stand between


def _relative_year(tokens: tuple[Token, ...] | list[Token], first: int, last: int, at: dict[int, Match],
                   text: str) -> tuple[int | None, int, int]:
    """A year named relative to the publication beside a day and month (lexicon ``relative_years``:
    "ötən ilin fevralında", "в феврале прошлого года", "February last year"): its offset in years,
    and the span's first and last tokens with the words included."""
    for k in range(first - 1, max(first - 2 - RELATIVE_GAP, -1), -1):
        m = at.get(k)
        if m is not None and m.category == "relative_years" and _joined(tokens, m.last, first, text):
            return int(m.value), m.first, last
    for k in range(last + 1, min(last + 2 + RELATIVE_GAP, len(tokens))):
        m = at.get(k)
        if m is not None and m.category == "relative_years" and _joined(tokens, last, m.first, text):
            return int(m.value), first, m.last
    return None, first, last


def _joined(tokens: tuple[Token, ...] | list[Token], a: int, b: int, text: str) -> bool:
    """Tokens ``a`` and ``b`` (a < b) in one phrase: adjacent, or with one short lowercase word
    between ("last year in February", "в прошлом году в феврале")."""
    between = tokens[a + 1 : b]
    if any(len(t.text) > 3 or not t.text.islower() for t in between):
        return False
    return all(_adjacent(text, tokens[k], tokens[k + 1]) for k in range(a, b))


def anchor_years(dates: list[DateMention], published: PartialDate | None) -> list[DateMention]:
    """Dates whose year is relative ("last year's February") with that year counted from the
    publication's; without a publication year a day and month stay yearless, a month alone is dropped."""
    out = []
    for d in dates:
        if d.year_offset is None:
            out.append(d)
        elif published is not None and published.year is not None:
            out.append(replace(d, date=PartialDate(published.year + d.year_offset, d.date.month, d.date.day),
                               year_offset=None))
        elif d.date.day is not None:
            out.append(replace(d, year_offset=None))
    return out


def _year_before(tokens: tuple[Token, ...] | list[Token], first: int, at: dict[int, Match],
                 text: str) -> tuple[int | None, int]:
    """A year written before the day and month, joined by year words: ``2025-ci il``, ``2024-yil``."""
    k = first - 1
    while k >= 0 and first - k <= 3 and (m := at.get(k)) is not None and m.category == "year_words" \
            and _adjacent(text, tokens[k], tokens[k + 1]):
        k -= 1
    if k < 0 or k == first - 1:
        return None, first  # at least one year word: a bare number before a day is no year
    y = _year(tokens[k])
    if y is None or not tokens[k].is_digit or not _adjacent(text, tokens[k], tokens[k + 1]):
        return None, first
    return y, k


def _weekday_beside(tokens: tuple[Token, ...] | list[Token], first: int, last: int, at: dict[int, Match],
                    text: str) -> int | None:
    for k, nb in ((first - 1, first), (last + 1, last)):
        m = at.get(k)
        if m is not None and m.category == "weekday_names":
            a, b = (tokens[m.last], tokens[nb]) if k < first else (tokens[nb], tokens[m.first])
            if len(text[a.end : b.start]) <= 3:
                return int(m.value)
    return None


def year_mentions(text: str, start: int, end: int, lex: Lexicon) -> list[DateMention]:
    """A year on its own as the time of an event (lexicon ``year_patterns``: "in 2019", "2019-cu ildə")."""
    folded, original = squeeze_spaces(fold(text[start:end]))  # no backtracking over long blank runs
    found: list[DateMention] = []
    for pat in lex.value("year_patterns", []) or []:
        rx = str(pat).replace("{Y}", r"(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)")
        for m in re.finditer(rx, folded):
            found.append(DateMention(PartialDate(int(m.group("y"))), start + original(m.start("y")),
                                     start + original(m.end("y"))))
    return sorted(found, key=lambda d: d.start)


@dataclass(frozen=True)
class Relative:
    """A relative time word of a sentence: today, yesterday, or a weekday (ISO number)."""

    kind: str
    weekday: int | None
    match: Match


def relative_words(matches: list[Match]) -> list[Relative]:
    """``today`` / ``yesterday`` / ``on Monday`` matches, in text order."""
    out: list[Relative] = []
    for m in matches:
        if m.category == "relative_today":
            out.append(Relative("today", None, m))
        elif m.category == "relative_yesterday":
            out.append(Relative("yesterday", None, m))
        elif m.category == "weekday_names":
            out.append(Relative("weekday", int(m.value), m))
    return out


def resolve_relative(rel: Relative, anchor: PartialDate) -> PartialDate | None:
    """The day a relative word names, counted back from ``anchor`` (a full date), else None."""
    if anchor.year is None or anchor.month is None or anchor.day is None:
        return None
    day = date(anchor.year, anchor.month, anchor.day)
    if rel.kind == "yesterday":
        day -= timedelta(days=1)
    elif rel.kind == "weekday" and rel.weekday is not None:
        day -= timedelta(days=(day.isoweekday() - rel.weekday) % 7)  # the last such day, or the same day
    return PartialDate(day.year, day.month, day.day)


def weekday_years(d: PartialDate, weekday: int, candidates: list[int]) -> list[int]:
    """Which of ``candidates`` years put day ``d`` (month and day known) on ``weekday``."""
    if d.month is None or d.day is None:
        return []
    out = []
    for y in candidates:
        try:
            if date(y, d.month, d.day).isoweekday() == weekday:
                out.append(y)
        except ValueError:
            continue
    return out


def _adjacent(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 3 and gap.count("\n") <= 1  # a wrapped line, not a blank one


def _range_gap(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start].strip()
    return gap in {"-", "–", "—"}
