"""Per-language lexicons (``accords/lexicons/<lang>.yml``) and their term matcher.

A term is one or more words separated by spaces or hyphens. A word ending in ``*``
is a stem: it matches any word that starts with it and has at most ``suffix_max``
more letters (the language's inflections). Other words match exactly (after
folding). At each token the longest term wins, so ``nazirliy*`` (ministry) beats
``nazir*`` (minister), and a ``block`` entry can veto a shorter stem.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from accords.text import Token, fold

LEXICON_DIR = "lexicons"


@dataclass(frozen=True)
class Word:
    stem: str
    star: bool


def _words(folded: str) -> tuple[Word, ...]:
    """The words of a folded term or phrase, split at spaces and hyphens."""
    return tuple(Word(w[:-1], True) if w.endswith("*") else Word(w, False) for w in re.split(r"[\s\-]+", folded) if w)


@dataclass(frozen=True)
class Term:
    """A compiled lexicon term with what it means."""

    words: tuple[Word, ...]
    category: str
    value: str
    extra: tuple[tuple[str, str], ...] = ()
    # letters in its stems: of two equally long matches, the more specific wins
    stems: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stems", sum(len(w.stem) for w in self.words))

    def get(self, key: str) -> str | None:
        """An extra attribute of the term (e.g. a position's class)."""
        return dict(self.extra).get(key)


@dataclass(frozen=True)
class Match:
    """A term found at tokens ``[first, last]`` of a token list."""

    term: Term
    first: int
    last: int

    @property
    def category(self) -> str:
        return self.term.category

    @property
    def value(self) -> str:
        return self.term.value


@dataclass
class Lexicon:
    """One language's knowledge, loaded from YAML."""

    language: str
    name: str
    data: dict[str, Any]
    suffix_max: int
    index: dict[str, list[Term]] = field(default_factory=dict)
    max_stem: int = 0
    # words() and suffixes() per key: asked for every sentence, computed once (data is read-only)
    _lists: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _suffixes: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    _phrases: dict[str, tuple[tuple[Word, ...], ...]] = field(default_factory=dict, repr=False, compare=False)
    # folded word → the terms whose first word it matches, longest stems first (words recur)
    _starts: dict[str, tuple[Term, ...]] = field(default_factory=dict, repr=False, compare=False)

    def words(self, key: str) -> frozenset[str]:
        """A plain word list of the lexicon, folded (with its other-script spellings)."""
        found = self._lists.get(key)
        if found is None:
            found = self._lists[key] = frozenset(
                v for w in self.data.get(key, []) or [] for v in self.spellings(str(w)))
        return found

    def spellings(self, text: str) -> tuple[str, ...]:
        """``text`` folded, then also in the lexicon's second script (``script_variant``)."""
        folded = fold(text.strip())
        rules = self.data.get("script_variant")
        if not rules:
            return (folded,)
        other = transcribe(folded, rules)
        return (folded,) if other == folded else (folded, other)

    def covered(self, key: str, tokens: tuple[Token, ...] | list[Token], first: int, last: int) -> set[int]:
        """Tokens of ``[first, last]`` inside a phrase of the plain list ``key`` (words as in
        terms: ``*`` stems take inflections). A plain list is never scanned, so it takes no
        token from the scanned categories; it only says what else a stretch of words is."""
        phrases = self._phrases.get(key)
        if phrases is None:
            phrases = self._phrases[key] = tuple(
                words for w in self.data.get(key, []) or [] for v in self.spellings(str(w)) if (words := _words(v)))
        out: set[int] = set()
        for i in range(max(first, 0), min(last, len(tokens) - 1) + 1):
            for words in phrases:
                end = i + len(words) - 1
                if end <= last and all(self._word_ok(w, tokens[i + k].fold) for k, w in enumerate(words)):
                    out.update(range(i, end + 1))
        return out

    def suffixes(self, key: str) -> tuple[str, ...]:
        """A suffix list (``name_case_suffixes`` …) folded, in both scripts, longest first."""
        found = self._suffixes.get(key)
        if found is None:
            found = self._suffixes[key] = tuple(sorted(self.words(key), key=lambda s: (-len(s), s)))
        return found

    def value(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def add(self, term_text: str, category: str, value: str, **extra: str) -> None:
        for spelling in self.spellings(term_text):
            self._add(spelling, category, value, **extra)

    def _add(self, folded: str, category: str, value: str, **extra: str) -> None:
        words = _words(folded)
        if not words:
            return
        term = Term(words, category, value, tuple(sorted(extra.items())))
        self.index.setdefault(words[0].stem, []).append(term)
        self._starts.clear()
        self.max_stem = max(self.max_stem, len(words[0].stem))

    def match_at(self, tokens: tuple[Token, ...] | list[Token], i: int) -> Match | None:
        """The longest term starting at token ``i`` (ties: the longer stems)."""
        best: Term | None = None
        best_last = -1
        best_key: tuple[int, int] = (-1, -1)
        for term in self._starting(tokens[i].fold):
            last = self._match_rest(term, tokens, i) if len(term.words) > 1 else i
            if last is None:
                continue
            key = (last - i, term.stems)
            if key > best_key:
                best, best_last, best_key = term, last, key
        return None if best is None else Match(best, i, best_last)

    STARTS_CACHE = 200_000  # distinct words remembered; beyond, looked up each time

    def _starting(self, tok: str) -> tuple[Term, ...]:
        """The terms whose first word matches the folded word ``tok``, longest stems first."""
        found = self._starts.get(tok)
        if found is None:
            found = tuple(term for length in range(min(len(tok), self.max_stem), 0, -1)
                          for term in self.index.get(tok[:length], ()) if self._word_ok(term.words[0], tok))
            if len(self._starts) < self.STARTS_CACHE:
                self._starts[tok] = found
        return found

    def _match_rest(self, term: Term, tokens: tuple[Token, ...] | list[Token], i: int) -> int | None:
        """The last token of ``term`` at ``i``, whose first word is known to match; ``None`` if the rest does not."""
        j = i + 1
        for word in term.words[1:]:
            if j >= len(tokens) or not self._word_ok(word, tokens[j].fold):
                return None
            j += 1
        return j - 1

    def _word_ok(self, word: Word, tok: str) -> bool:
        if word.star:
            return tok.startswith(word.stem) and len(tok) - len(word.stem) <= self.suffix_max
        return tok == word.stem

    def scan(self, tokens: tuple[Token, ...] | list[Token]) -> list[Match]:
        """Greedy leftmost-longest matches over a token list (blocked terms dropped)."""
        found: list[Match] = []
        i = 0
        while i < len(tokens):
            m = self.match_at(tokens, i)
            if m is None:
                i += 1
                continue
            if m.category != "block":
                found.append(m)
            i = m.last + 1
        return found


def transcribe(folded: str, rules: dict[str, Any]) -> str:
    """A folded term in the lexicon's second script, by the ``script_variant`` rules.

    ``pairs`` map letters or letter groups (longest first: ``o'`` → ``ў``, ``sh`` → ``ш``);
    ``initial`` overrides them at the start of a word (``e`` → ``э``). Characters with
    no rule (``*``, spaces, hyphens, digits) are kept.
    """
    pairs = {fold(str(k)): str(v) for k, v in (rules.get("pairs") or {}).items()}
    initial = {fold(str(k)): str(v) for k, v in (rules.get("initial") or {}).items()}
    longest = max((len(k) for k in [*pairs, *initial]), default=1)
    out: list[str] = []
    i = 0
    while i < len(folded):
        at_start = i == 0 or not folded[i - 1].isalpha()
        for n in range(min(longest, len(folded) - i), 0, -1):
            chunk = folded[i : i + n]
            rep = initial.get(chunk) if at_start else None
            rep = rep if rep is not None else pairs.get(chunk)
            if rep is not None:
                out.append(rep)
                i += n
                break
        else:
            out.append(folded[i])
            i += 1
    return "".join(out)


# Categories whose YAML shape is {value: [terms]}.
_MAPPED = (
    "countries", "cities", "landmarks", "institutions", "portfolios", "document_kinds",
    "meeting_triggers", "months", "months_also_names", "signer_refs", "weekday_names", "relative_years",
)
# Categories whose YAML shape is [terms].
_LISTED = (
    "accord_refs",  # first: a term both blocked as a document and an accord ("договоренности") is the accord
    "home_refs", "ranks", "role_glue", "participation", "signing_active", "signing_passive",
    "passive_aux", "agent_markers", "future", "agreed", "generic_documents", "block",
    "year_words", "coordinators", "additive", "weekdays", "relative_today", "held_verbs",
    "relative_yesterday", "former", "acts", "plural_documents", "signing_final", "pair_refs",
    "side_markers", "venues", "regions", "session_bodies", "delegation_words", "during_words",
    "past_events", "relative_participles", "subdivisions", "speech_verbs", "earlier_words",
    "same_day_words", "holding_verbs",
)


def _compile(language: str, data: dict[str, Any]) -> Lexicon:
    lex = Lexicon(language, str(data.get("name", language)), data, int(data.get("suffix_max", 3)))
    for cat in _MAPPED:
        for value, terms in (data.get(cat) or {}).items():
            for t in terms:
                if cat == "meeting_triggers":
                    # value is "kind/strength", e.g. "meeting/strong"
                    kind, _, strength = str(value).partition("/")
                    lex.add(str(t), cat, kind, strength=strength or "strong")
                else:
                    lex.add(str(t), cat, str(value))
    for cat in _LISTED:
        for t in data.get(cat) or []:
            lex.add(str(t), cat, str(t))
    for pos in data.get("positions") or []:
        for t in pos["terms"]:
            lex.add(str(t), "position", str(pos["en"]), cls=str(pos.get("class", "official")),
                    number=str(pos.get("number", "singular")))
    return lex


def available_languages() -> list[str]:
    """Languages that have a lexicon file, sorted."""
    root = resources.files("accords").joinpath(LEXICON_DIR)
    return sorted(p.name[:-4] for p in root.iterdir() if p.name.endswith(".yml"))


@cache
def load(language: str) -> Lexicon:
    """The compiled lexicon of ``language`` (cached per process)."""
    path = resources.files("accords").joinpath(LEXICON_DIR).joinpath(f"{language}.yml")
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict) or data.get("language") != language:
        raise ValueError(f"{path}: expected a mapping with 'language: {language}'")
    return _compile(language, data)


def fingerprint(language: str | None = None) -> str:
    """Hash of every lexicon file (or of one language's): part of the extractor's version."""
    h = hashlib.sha256()
    for lang in available_languages() if language is None else [language]:
        path = resources.files("accords").joinpath(LEXICON_DIR).joinpath(f"{lang}.yml")
        h.update(lang.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
