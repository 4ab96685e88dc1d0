"""English names of countries (ISO 3166-1 alpha-2), from the English lexicon's data."""

from __future__ import annotations

from accords import lexicon


def name_en(code: str) -> str:
    """English short name of a country code; the code itself when unknown."""
    names = lexicon.load("en").value("country_names", {}) or {}
    return str(names.get(code, code))


def institution_state(value: str) -> str | None:
    """The state a national body belongs to ("the Federation Council": RU), by its English value;
    None for a body several states have ("the Parliament")."""
    states = lexicon.load("en").value("institution_states", {}) or {}
    found = states.get(value)
    return str(found) if found else None
