"""Personal names across scripts: transliteration and comparison keys.

``skeleton("Kudratxocayev") == skeleton("Kudratkhodjaev") == skeleton("Qudratxo‘jayev")``.
The skeleton keeps a name's consonants after mapping letters that different
scripts and press conventions spell differently onto one class (x/kh/h/g → h,
c/j/dj/zh → j, q → k ...). Transliteration to English press spelling follows the
language's conventions (az ə→a, x→kh; uz o‘→o, g‘→gh; ru BGN/PCGN-style).
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from accords import lexicon
from accords.text import APOSTROPHES

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "gh",
    "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i", "ў": "o", "ҳ": "h",
}
_LATIN = {
    "ə": "a", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "gh", "ö": "o", "ü": "u", "x": "kh",
    "q": "q", "c": "j", "â": "a", "î": "i", "û": "u", "ñ": "n", "ń": "n",
}
_UZ_LATIN = {"x": "kh", "q": "q", "c": "ts", "j": "j", "ş": "sh", "ç": "ch"}
_EN_LATIN: dict[str, str] = {}


def _latin_table(language: str) -> dict[str, str]:
    if language == "en":
        return _EN_LATIN
    own = lexicon.load(language).value("latin_letters")  # a language's own English-press spelling
    if isinstance(own, dict):
        return {str(k): str(v) for k, v in own.items()}
    if language == "uz":
        return {**_LATIN, **_UZ_LATIN}
    return _LATIN


@cache
def _cyrillic_table(language: str) -> tuple[dict[str, str], bool]:
    """The Cyrillic letters in English-press spelling, with a language's own ones
    (``cyrillic_letters``: Kazakh қ → k, Kyrgyz ж → j), and whether "е" after a vowel is "ye"
    (``ye_after_vowels``: Russian "Алиев" → Aliyev; Kyrgyz "Кулубаев" → Kulubaev)."""
    if language == "en":
        return _CYRILLIC, True
    data = lexicon.load(language).data
    own = data.get("cyrillic_letters")
    table = {**_CYRILLIC, **{str(k): str(v) for k, v in own.items()}} if isinstance(own, dict) else _CYRILLIC
    return table, bool(data.get("ye_after_vowels", True))


@lru_cache(maxsize=65536)  # names recur across the corpus
def transliterate(name: str, language: str) -> str:
    """An English-press spelling of ``name`` written in ``language``."""
    out: list[str] = []
    table = _latin_table(language)
    cyrillic, ye_after_vowels = _cyrillic_table(language)
    chars = list(name)
    for i, ch in enumerate(chars):
        low = ch.lower()
        if ch in APOSTROPHES:
            # uz o‘ / g‘: the mark only modifies the letter before it
            if language == "uz" and i > 0 and chars[i - 1].lower() == "g" and out[-1][-1:].lower() == "g":
                out[-1] = out[-1][:-1] + ("Gh" if out[-1][-1:] == "G" else "gh")  # G‘ayrat → Ghayrat
            continue
        if low == "д" and i + 1 < len(chars) and chars[i + 1].lower() == "ж":
            rep = "j"  # дж: Jafarov, Jaksybekov — the region's English press spelling, not Dzh
        elif low == "ж" and i > 0 and chars[i - 1].lower() == "д":
            rep = ""
        elif low in cyrillic:
            rep = cyrillic[low]
            if low == "е" and (i == 0 or chars[i - 1] == " "
                               or (ye_after_vowels and chars[i - 1].lower() in "аеёиоуыэюяъь")):
                rep = "ye"
        elif low in table:
            rep = table[low]
        else:
            rep = _strip_marks(low)
        if ch.isupper() and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
    result = "".join(out)
    return " ".join(w[:1].upper() + w[1:] for w in result.split())


def _strip_marks(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_VOWELS = set("aeiouy")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A spelling- and script-independent key of one name word."""
    if not _is_cyrillic(word):  # English digraphs first, or the Latin c (= j) would split "ch"
        low = word.lower()
        for a, b in (("tch", "ç"), ("ch", "ç"), ("sh", "ş")):
            low = low.replace(a, b)
        word = low
    s = transliterate(word, "ru" if _is_cyrillic(word) else "az").lower()
    for a, b in (("shch", "sh"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "h"),
                 ("ch", "c"), ("sh", "s"), ("ts", "c")):
        s = s.replace(a, b)
    s = s.replace("x", "h").replace("q", "k").replace("g", "h").replace("w", "v")
    if not s:
        return ""
    head, rest = s[0], s[1:]
    out = [head]
    for c in rest:
        if c in _VOWELS or not c.isalpha():
            continue
        if out[-1] != c:
            out.append(c)
    return "".join(out)


def feminine(word: str) -> bool:
    """Does a given name end in -a (-а, -я, -ə)? Adil and Adila, Elnur and Elnura, Aleksandr
    and Aleksandra share a skeleton but are two people; the ending is the same in every script."""
    s = transliterate(word, "ru" if _is_cyrillic(word) else "az").lower()
    return s.endswith("a")


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


@cache
def _palladius() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str], frozenset[str]]:
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("accords").joinpath("palladius.yml").read_text(encoding="utf-8"))
    return (dict(data["initials"]), dict(data["palatal"]), dict(data["finals"]), dict(data["alone"]),
            frozenset(data["plain_o"]))


def palladius_pinyin(word: str) -> str | None:
    """The pinyin of a Chinese name written in Cyrillic by the Palladius system ("Цзиньпин" →
    "Jinping", "Сюэсян" → "Xuexiang"), or ``None`` when the word does not read as its syllables."""
    initials, palatal, finals, alone, plain_o = _palladius()
    low = word.lower().replace("ё", "е")
    syllables = _syllables(low, initials, palatal, finals, alone, plain_o)
    if not syllables:
        return None
    joined = "".join(syllables)
    return joined[:1].upper() + joined[1:]


def _syllables(rest: str, initials: dict[str, str], palatal: dict[str, str], finals: dict[str, str],
               alone: dict[str, str], plain_o: frozenset[str]) -> list[str] | None:
    """``rest`` as pinyin syllables (longest readings first, backtracking), or ``None``."""
    if not rest:
        return []
    options: list[tuple[int, str]] = []
    for cyr, lat in alone.items():
        if rest.startswith(cyr):
            options.append((len(cyr), lat.replace("ü", "u")))
    for ini, ini_lat in initials.items():
        if not rest.startswith(ini):
            continue
        for fin, fin_lat in finals.items():
            if rest.startswith(fin, len(ini)):
                lat = palatal.get(ini, ini_lat) if fin[0] in "июя" and ini in palatal else ini_lat
                if fin == "о" and ini in plain_o:
                    fin_lat = "o"
                options.append((len(ini) + len(fin), lat + fin_lat.replace("ü", "u")))  # the press writes u
    for size, lat in sorted(options, key=lambda o: -o[0]):
        tail = _syllables(rest[size:], initials, palatal, finals, alone, plain_o)
        if tail is not None:
            return [lat, *tail]
    return None
