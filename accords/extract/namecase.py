"""Personal names back to the nominative, from the case their role phrase shows.

In Russian a name agrees in case with the role word before it: "первого замминистра …
Баходира Ахмедова" is genitive, so the person is Баходир Ахмедов, while "министр
Мария Захарова" is nominative. The knowledge is data in the lexicon:

- ``role_case``: ``words`` (a whole first word of a position phrase → case, ``~``
  where the word does not show it) and ``endings`` (longest ending wins), plus
  ``default`` for a word that matches neither;
- ``name_cases``: per case, ``surname`` endings (masculine and feminine) and
  ``given`` endings per gender, each mapped to its nominative ending;
- ``indeclinable_surnames``: endings of surnames that never decline ("Матвиенко", "Моди"),
  whose given names still do.

A language without these keys keeps names as written. Unknown case → as written:
a name is never changed on a guess.
"""

from __future__ import annotations

from accords.lexicon import Lexicon
from accords.text import fold


def role_case(first_word: str, lex: Lexicon) -> str | None:
    """The case shown by the first word of a position phrase, or None when it does not show one."""
    spec = lex.value("role_case")
    if not isinstance(spec, dict):
        return None
    word = fold(first_word)
    words = spec.get("words") or {}
    if word in words:
        value = words[word]
        return str(value) if value else None
    endings = spec.get("endings") or {}
    for end in sorted(endings, key=len, reverse=True):
        if word.endswith(str(end)) and len(word) > len(str(end)):
            return str(endings[end])
    default = spec.get("default")
    return str(default) if default else None


def nominative(name: str, case: str | None, lex: Lexicon) -> str:
    """``name`` in the nominative when its case is known and the lexicon has its endings."""
    cases = lex.value("name_cases")
    if case is None or not isinstance(cases, dict) or case not in cases:
        return name
    spec = cases[case] or {}
    words = name.split(" ")
    if len(words) < 2:
        return name
    surname, gender = _replace(words[-1], spec.get("surname") or {})
    if gender is None:
        # a surname that does not decline ("Валентиной Матвиенко", "Нарендрой Моди":
        # ``indeclinable_surnames`` endings) stays as written, and its given names tell their own
        # gender where only one form fits them; any other leaves the name alone
        fixed = lex.suffixes("indeclinable_surnames")
        if not fixed or not words[-1].lower().endswith(fixed):
            return name
        gender = "any"
    given = [_given(w, spec.get("given") or {}, gender) for w in words[:-1]]
    return " ".join([*given, surname])


def _given(word: str, rules: dict[str, dict[str, object]], gender: str) -> str:
    """A given name back in the nominative, by the surname's gender; a surname of either
    gender ("any": Georgian "-дзе", "-швили") lets the given name's ending decide, when
    only one gender's endings fit it or both give the same form ("Ираклия" → Ираклий,
    "Маки" → Мака; "Саломе" stays as written)."""
    if gender != "any":
        return _replace(word, rules.get(gender) or {})[0]
    forms = {new for new, fits in (_replace(word, r or {}) for r in rules.values()) if fits is not None}
    return forms.pop() if len(forms) == 1 else word


def _replace(word: str, rules: dict[str, object]) -> tuple[str, str | None]:
    """Apply the longest matching ending rule; rules map ending → "nominative ending gender"."""
    low = word.lower()
    for end in sorted(rules, key=len, reverse=True):
        if low.endswith(end) and len(low) > len(end) + 1:
            to, _, gender = str(rules[end]).partition(" ")
            new = word[: len(word) - len(end)] + (to.upper() if word.isupper() else to)
            return new, gender or "any"
    return word, None


def surname_stem(surname: str, lex: Lexicon) -> str:
    """A surname in any case back to its nominative, when some case's ending fits (for telling
    the mentions of one person apart from another's: "Саидовым", "Саидова" and "Саидов" are
    one surname). The longest ending of any case wins; a surname no ending fits stays."""
    cases = lex.value("name_cases")
    if not isinstance(cases, dict):
        return surname
    low = surname.lower()
    best: tuple[int, str] | None = None
    for spec in cases.values():
        for end, rule in ((spec or {}).get("surname") or {}).items():
            end = str(end)
            if low.endswith(end) and len(low) > len(end) + 1 and (best is None or len(end) > best[0]):
                best = (len(end), str(rule).partition(" ")[0])
    if best is None:
        return surname
    return surname[: len(surname) - best[0]] + best[1]
