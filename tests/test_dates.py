"""Dates: the year before the day and month, years alone, relative words, weekdays."""

from __future__ import annotations

import pytest

from accords import lexicon
from accords.extract.dates import (
    relative_words,
    resolve_relative,
    weekday_years,
    word_dates,
    year_mentions,
)
from accords.model import PartialDate
from accords.text import tokenize


@pytest.mark.parametrize(("language", "text", "iso"), [
    ("az", "2024-cü il mayın 15-də", "2024-05-15"),
    ("az", "2012-ci ilin iyununda", "2012-06"),
    ("uz", "2024-yil 5-noyabr", "2024-11-05"),
    ("kk", "2025 жылғы 3 наурызда", "2025-03-03"),
    ("ky", "2024-жылдын 3-июлу", "2024-07-03"),
    ("ky", "12-март, 2025-ж.", "2025-03-12"),
    ("tr", "10 Ekim 2023'te", "2023-10-10"),
    ("ru", "5 марта 2024", "2024-03-05"),
    ("en", "Noy 25th, 2024", None),
])
def test_word_dates(language: str, text: str, iso: str | None) -> None:
    found = word_dates(tokenize(text), lexicon.load(language), text)
    assert (found[0].date.iso() if found else None) == iso


def test_a_bare_number_before_a_date_is_no_year() -> None:
    text = "2024 14 may"
    [d] = word_dates(tokenize(text), lexicon.load("az"), text)
    assert d.date == PartialDate(None, 5, 14)


def test_weekday_beside_a_date() -> None:
    text = "5 Kasım Salı günü"
    [d] = word_dates(tokenize(text), lexicon.load("tr"), text)
    assert (d.date, d.weekday) == (PartialDate(None, 11, 5), 2)
    assert weekday_years(d.date, 2, [2024, 2025]) == [2024]


@pytest.mark.parametrize(("language", "text", "year"), [
    ("en", "signed in 2019 in Baku", 2019), ("ru", "подписан в 2019 году", 2019),
    ("az", "2012-ci ildə imzalanıb", 2012), ("tr", "2017 yılında imzalandı", 2017),
    ("en", "plan for 2025-2026", None),
])
def test_years_alone(language: str, text: str, year: int | None) -> None:
    found = year_mentions(text, 0, len(text), lexicon.load(language))
    assert (found[0].date.year if found else None) == year


@pytest.mark.parametrize(("language", "text", "iso"), [
    ("en", "met on Monday", "2025-03-03"),
    ("en", "met yesterday", "2025-03-04"),
    ("en", "met today", "2025-03-05"),
    ("en", "met on Wednesday", "2025-03-05"),
    ("ru", "встретились во вторник", "2025-03-04"),
    ("az", "çərşənbə axşamı görüşüb", "2025-03-04"),
    ("uz", "kecha uchrashdi", "2025-03-04"),
    ("uz", "бугун учрашди", "2025-03-05"),
    ("kk", "кеше кездесті", "2025-03-04"),
    ("ky", "кечээ жолугушту", "2025-03-04"),
    ("tr", "dün görüştü", "2025-03-04"),
])
def test_relative_words_count_back_from_the_publication_date(language: str, text: str, iso: str) -> None:
    lex = lexicon.load(language)
    [rel] = relative_words(lex.scan(tokenize(text)))
    day = resolve_relative(rel, PartialDate(2025, 3, 5))  # a Wednesday
    assert day is not None and day.iso() == iso


def test_relative_words_need_a_full_anchor() -> None:
    [rel] = relative_words(lexicon.load("en").scan(tokenize("yesterday")))
    assert resolve_relative(rel, PartialDate(2025, 3)) is None
