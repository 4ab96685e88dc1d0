"""Sentence annotation: lexicon matches, clauses, future marks, names, dates, quotes.

This is the rule-based annotator. Each sentence becomes an :class:`Annotated`
record that later extraction steps read; nothing here decides what is a fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accords.extract.dates import DateMention, word_dates, numeric_dates
from accords.lexicon import Lexicon, Match
from accords.text import Sentence, Token, quote_spans

ROLE_CATEGORIES = frozenset({
    "position", "portfolios", "institutions", "ranks", "countries", "home_refs", "role_glue",
    "agent_markers",
})
NAME_BLOCKING = frozenset({
    "countries", "cities", "institutions", "portfolios", "position", "ranks", "months",
    "document_kinds", "generic_documents", "meeting_triggers", "landmarks", "role_glue",
    "signer_refs", "weekdays", "home_refs",
})


@dataclass
class NameMention:
    """A personal name written at tokens ``[first, last]``."""

    first: int
    last: int
    start: int
    end: int
    surname: str
    given: str | None
    initial: str | None
    role_first: int | None = None  # first token of the role phrase before the name
    coordinated_with: int | None = None  # index of the previous name in "X and Y"


@dataclass
class Annotated:
    """One sentence with everything the rules found in it."""

    sentence: Sentence
    text: str
    matches: list[Match]
    at: dict[int, Match]
    clause: list[int]
    future: frozenset[int]
    names: list[NameMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sentence.tokens

    def of(self, category: str) -> list[Match]:
        """Matches of one category, in text order."""
        return [m for m in self.matches if m.category == category]

    def cancelled(self, m: Match) -> bool:
        """True when the match sits in a clause marked as future or planned."""
        return m.first in self.future

    def in_quote(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation containing ``[start, end)``, if any."""
        for qs, qe in self.quotes:
            if qs <= start and end <= qe:
                return qs, qe
        return None


def annotate(text: str, sentence: Sentence, lex: Lexicon) -> Annotated:
    """Annotate one sentence with the rule-based annotator."""
    toks = sentence.tokens
    matches = lex.scan(toks)
    at: dict[int, Match] = {}
    for m in matches:
        for i in range(m.first, m.last + 1):
            at[i] = m
    clause = _clauses(text, toks, at)
    ann = Annotated(sentence, text, matches, at, clause, _future_tokens(toks, at, clause, lex))
    ann.quotes = quote_spans(text, sentence.start, sentence.end)
    ann.dates = numeric_dates(text, sentence.start, sentence.end) + word_dates(toks, lex, text)
    ann.names = _names(text, toks, at, lex)
    return ann


def _clauses(text: str, toks: tuple[Token, ...], at: dict[int, Match]) -> list[int]:
    """Clause number of each token: commas, semicolons, colons and dashes separate clauses."""
    ids: list[int] = []
    current = 0
    for i, tok in enumerate(toks):
        if i > 0:
            gap = text[toks[i - 1].end : tok.start]
            if any(c in gap for c in ",;:—–()") or " - " in gap:
                current += 1
        ids.append(current)
    return ids


def _future_tokens(toks: tuple[Token, ...], at: dict[int, Match], clause: list[int],
                   lex: Lexicon) -> frozenset[int]:
    """Tokens whose statements are future or planned.

    A future marker (a word from ``future`` or a verb ending in ``future_suffixes``)
    cancels its whole clause, or with ``future_window: N`` only the tokens within N
    of it in the same clause (for analytic languages: "will", "to be").
    """
    window = int(lex.value("future_window", 0) or 0)
    suffixes = tuple(str(s) for s in lex.value("future_suffixes", []) or [])
    out: set[int] = set()
    for i, tok in enumerate(toks):
        m = at.get(i)
        is_future = (m is not None and m.category == "future") or (
            bool(suffixes) and m is None and len(tok.fold) > 5 and tok.fold.endswith(suffixes)
        )
        if not is_future:
            continue
        lo, hi = (i - window, i + window) if window else (0, len(toks) - 1)
        out.update(j for j in range(max(0, lo), min(len(toks) - 1, hi) + 1) if clause[j] == clause[i])
    return frozenset(out)


def _is_name_token(tok: Token, at: dict[int, Match]) -> bool:
    t = tok.text
    if len(t) < 2 or not t[0].isupper() or at.get(tok.index) is not None:
        return False
    if t.isupper() and len(t) > 1:
        return False
    return all(c.isalpha() or c in "'‘’ʻʼ`-" for c in t)


def _names(text: str, toks: tuple[Token, ...], at: dict[int, Match], lex: Lexicon) -> list[NameMention]:
    names: list[NameMention] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        # initial + surname: "B.Kudratxocayev", "X. Xələfov"
        if (len(tok.text) == 1 and tok.text.isupper() and i + 1 < len(toks)
                and text[tok.end : toks[i + 1].start].strip() == "."
                and _is_name_token(toks[i + 1], at)):
            nm = _make_name(text, toks, i, i + 1, lex, initial=tok.text)
            names.append(nm)
            i += 2
            continue
        if not _is_name_token(tok, at):
            i += 1
            continue
        j = i
        while (j + 1 < len(toks) and j - i < 3 and _is_name_token(toks[j + 1], at)
               and text[toks[j].end : toks[j + 1].start] == " "):
            j += 1
        names.append(_make_name(text, toks, i, j, lex, initial=None))
        i = j + 1
    for k, nm in enumerate(names):
        nm.role_first = _role_start(text, toks, at, nm.first, names[k - 1].last if k else -1)
        if k and nm.role_first is None:
            prev = names[k - 1]
            between = toks[prev.last + 1 : nm.first]
            if len(between) == 1 and at.get(between[0].index) is not None and \
                    at[between[0].index].category in ("role_glue", "coordinators"):
                nm.coordinated_with = k - 1
    return names


def _make_name(text: str, toks: tuple[Token, ...], i: int, j: int, lex: Lexicon,
               initial: str | None) -> NameMention:
    last = toks[j]
    surname = strip_case(last.text, lex)
    given = None if initial or i == j else " ".join(t.text for t in toks[i:j])
    return NameMention(i, j, toks[i].start, last.start + len(surname), surname, given, initial)


def strip_case(word: str, lex: Lexicon) -> str:
    """Drop a case ending from a surname ("Jaksılıkovun" → "Jaksılıkov") if the lexicon allows."""
    vowels = "aeiouəıöüаеиоуыэюяөү"
    for suf in sorted((str(s) for s in lex.value("name_case_suffixes", []) or []), key=len, reverse=True):
        if not word.lower().endswith(suf):
            continue
        stem = word[: len(word) - len(suf)]
        if len(stem) < 4:
            continue
        if suf[0] in vowels and stem[-1].lower() in vowels:
            continue
        return stem
    return word


def _role_start(text: str, toks: tuple[Token, ...], at: dict[int, Match], first: int,
                floor: int) -> int | None:
    """First token of the role phrase that ends right before a name, if it has a position."""
    k = first - 1
    start: int | None = None
    has_position = False
    while k > floor and first - k <= 16:
        gap = text[toks[k].end : toks[k + 1].start]
        if any(c in gap for c in ".;:\n\"“”«»()"):
            break
        m = at.get(k)
        if m is None or m.category not in ROLE_CATEGORIES:
            break
        if m.category == "position":
            has_position = True
        start = m.first
        k = m.first - 1
    while start is not None and start < first and (m := at.get(start)) is not None \
            and m.category in ("role_glue", "agent_markers"):
        start = m.last + 1  # "и замглавы …": the role starts after the glue word
    return start if has_position and start is not None and start < first else None
