"""Lexicons: every language has every category; Uzbek reads all apostrophes and both scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from accords import lexicon
from accords.lexicon import transcribe
from accords.text import tokenize

LANGUAGES = ("az", "en", "kk", "ky", "ru", "tr", "uz")
MAPPED = ("countries", "cities", "portfolios", "institutions", "meeting_triggers", "document_kinds", "months",
          "signer_refs", "weekday_names")
LISTED = ("ranks", "role_glue", "participation", "signing_active", "future", "generic_documents",
          "plural_documents", "coordinators", "year_words", "relative_today", "relative_yesterday", "former", "acts",
          "pair_refs", "year_patterns",
          "detect", "stopwords", "period_patterns", "business_parties", "between_words")


def test_every_language_has_a_lexicon() -> None:
    assert set(LANGUAGES) <= set(lexicon.available_languages())


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_has_every_category(language: str) -> None:
    lex = lexicon.load(language)
    for key in (*MAPPED, *LISTED, "positions"):
        assert lex.value(key), f"{language}: {key} is empty"
    assert lex.value("agent_markers") or lex.value("agent_implicit")  # "… tomonidan", or the instrumental
    assert sorted(int(k) for k in lex.value("months")) == list(range(1, 13))
    assert sorted(int(k) for k in lex.value("weekday_names")) == list(range(1, 8))
    assert {"meeting", "phone_call", "visit", "talks"} <= {
        str(k).partition("/")[0] for k in lex.value("meeting_triggers")}


def _country(language: str, text: str) -> str | None:
    lex = lexicon.load(language)
    m = lex.match_at(tokenize(text), 0)
    return m.value if m is not None and m.category == "countries" else None


@pytest.mark.parametrize("mark", ["'", "‘", "’", "ʻ", "ʼ", "`"])
def test_every_uzbek_apostrophe_matches(mark: str) -> None:
    assert _country("uz", f"O{mark}zbekiston") == "UZ"
    assert _country("uz", f"Qozog{mark}istonning") == "KZ"
    assert _country("uz", f"Qirg{mark}iziston bilan") == "KG"


def test_uzbek_terms_read_cyrillic_too() -> None:
    assert _country("uz", "Ўзбекистон") == "UZ"
    assert _country("uz", "Қозоғистонга") == "KZ"
    lex = lexicon.load("uz")
    toks = tokenize("имзоланди")
    m = lex.match_at(toks, 0)
    assert m is not None and m.category == "signing_passive"
    rules = lex.value("script_variant")
    assert transcribe("mo'ljallangan", rules) == "мўлжалланган"
    assert transcribe("elchi*", rules) == "элчи*"
    assert transcribe("hamkorlik", rules) == "ҳамкорлик"


@pytest.mark.parametrize(("language", "text", "code"), [
    ("az", "Özbəkistanın", "UZ"), ("az", "Qazaxıstanla", "KZ"), ("ru", "Узбекистана", "UZ"),
    ("ru", "узбекской", "UZ"), ("kk", "Өзбекстанға", "UZ"), ("kk", "Qazaqstan", "KZ"),
    ("ky", "Өзбекстандын", "UZ"), ("tr", "Özbekistan'a", "UZ"), ("tr", "Kırgızistan'ın", "KG"),
    ("en", "Uzbek", "UZ"),
])
def test_inflected_and_adjectival_country_names(language: str, text: str, code: str) -> None:
    assert _country(language, text) == code


def test_no_lexicon_term_is_read_as_a_yaml_boolean_or_null() -> None:
    """Unquoted NO, no, on, yes, null in a YAML list become booleans or nothing, and the term
    is silently lost (Norway's code, a stopword): every listed term and key must be text
    (or a number, for months and weekdays)."""
    import yaml

    from accords.lexicon import LEXICON_DIR, available_languages

    root = Path(__file__).resolve().parents[1] / "accords" / LEXICON_DIR
    bad: list[str] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, bool) or key is None:
                    bad.append(f"{where}: key {key!r}")
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, bool) or item is None:
                    bad.append(f"{where}: item {item!r}")
                walk(item, where)

    for lang in available_languages():
        walk(yaml.safe_load((root / f"{lang}.yml").read_text(encoding="utf-8")), lang)
    assert not bad, bad


@pytest.mark.parametrize(("language", "text", "covered"), [
    ("en", "the Development Bank of Kazakhstan and Air Astana airlines", {2, 8}),
    ("en", "an agreement on banking supervision", set()),  # exact words: "bank" is no stem in English
    ("kk", "Қазақстан даму банкі мен Сеул университетінің", {2, 5}),  # stems take their endings
    ("tr", "Koç Holding A.Ş. ile Türk Hava Yolları", {1, 2, 3, 6, 7}),  # phrases: "a ş", "hava yolları*"
])
def test_a_plain_phrase_list_covers_its_words(language: str, text: str, covered: set[int]) -> None:
    toks = tokenize(text)
    assert lexicon.load(language).covered("business_parties", toks, 0, len(toks) - 1) == covered
