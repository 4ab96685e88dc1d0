"""A name written in Azerbaijani orthography, as the press of each language spells it."""

from __future__ import annotations

_LATIN_EN = {"ə": "a", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "gh", "ö": "o", "ü": "u", "x": "kh", "c": "j",
             "w": "v"}
_LATIN_UZ = {"ə": "a", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "gʻ", "ö": "oʻ", "ü": "u", "c": "j", "w": "v"}
_CYRILLIC = {
    "a": "а", "b": "б", "c": "дж", "ç": "ч", "d": "д", "e": "е", "ə": "а", "f": "ф", "g": "г", "ğ": "г",
    "h": "х", "x": "х", "ı": "ы", "i": "и", "j": "ж", "k": "к", "q": "к", "l": "л", "m": "м", "n": "н",
    "o": "о", "ö": "о", "p": "п", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ü": "ю", "v": "в",
    "y": "й", "z": "з", "w": "в",
}
_IOTATED = {"a": "я", "u": "ю", "e": "е", "o": "ё"}
_KY = {"ö": "ө", "ü": "ү"}


def render(name: str, language: str) -> str:
    """``name`` (Azerbaijani orthography) in the spelling of ``language``'s press."""
    if language == "az":
        return name
    if language in ("ru", "ky"):
        return _cyrillic(name, language)
    table = _LATIN_UZ if language == "uz" else _LATIN_EN
    return "".join(_cased(ch, table.get(ch.lower(), ch.lower())) for ch in name)


def _cyrillic(name: str, language: str) -> str:
    out: list[str] = []
    low = name.lower()
    i = 0
    while i < len(name):
        ch = low[i]
        if ch == "y" and i + 1 < len(low) and low[i + 1] in _IOTATED:
            rep, step = _IOTATED[low[i + 1]], 2
        elif ch == "e" and (i == 0 or low[i - 1] == " "):
            rep, step = "э", 1  # Эльнур, not Ельнур
        else:
            rep, step = (_KY.get(ch) if language == "ky" else None) or _CYRILLIC.get(ch, ch), 1
        out.append(_cased(name[i], rep))
        i += step
    return "".join(out)


def _cased(original: str, rep: str) -> str:
    return rep[:1].upper() + rep[1:] if original.isupper() and rep else rep
