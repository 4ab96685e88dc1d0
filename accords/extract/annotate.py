"""Sentence annotation: lexicon matches, clauses, future marks, names, dates, quotes.

This is the rule-based annotator. Each sentence becomes an :class:`Annotated`
record that later extraction steps read; nothing here decides what is a fact.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from accords.extract.dates import DateMention, numeric_dates, word_dates
from accords.lexicon import Lexicon, Match
from accords.names import palladius_pinyin
from accords.text import Sentence, Token, fold, quote_spans

ROLE_CATEGORIES = frozenset({
    "position", "portfolios", "institutions", "ranks", "countries", "home_refs", "role_glue",
    "agent_markers", "signer_refs",
})
NAME_WORDS = frozenset({"months_also_names"})
"""Lexicon categories a personal name may still contain: "Jun", "Kasım" are a month only beside a
day or a year ("05 Jun 2025", "22 Kasım"), and a name otherwise ("Han Jun", "Kasım Gülpınar").
A word of any other category is none."""


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
    normal: str | None = None  # the name in its dictionary form, from lemmas ("Сергей Лавров")
    surname_first: bool = False  # official style "ЛАВРОВ Сергей": the surname in capitals, first


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
    # tokens of lone capitalised words that name none of the document's people ("Strateji
    # tərəfdaşlıq haqqında Birgə Bəyannamə"): words, not names, where titles are read
    not_people: frozenset[int] = frozenset()
    _of: dict[str, list[Match]] = field(default_factory=dict, repr=False, compare=False)
    _latest: dict[str, dict[int, int]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sentence.tokens

    def of(self, category: str) -> list[Match]:
        """Matches of one category, in text order (the matches never change: grouped once)."""
        if not self._of and self.matches:
            for m in self.matches:
                self._of.setdefault(m.category, []).append(m)
        return list(self._of.get(category, ()))

    def latest(self, category: str, clause: int) -> int:
        """First token of the last ``category`` match in clause number ``clause`` (-1: none)."""
        table = self._latest.get(category)
        if table is None:
            table = self._latest[category] = {self.clause[mm.first]: mm.first for mm in self.of(category)}
        return table.get(clause, -1)

    def cancelled(self, m: Match) -> bool:
        """True when the match sits in a clause marked as future or planned."""
        return m.first in self.future

    def in_quote(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation containing ``[start, end)``, if any (quotations are sorted and disjoint)."""
        k = bisect_right(self.quotes, (start, float("inf"))) - 1
        if k >= 0 and self.quotes[k][0] <= start and end <= self.quotes[k][1]:
            return self.quotes[k]
        return None


LEMMA_CATEGORIES = frozenset({
    "position", "portfolios", "institutions", "countries", "cities", "landmarks", "venues", "regions",
    "document_kinds", "generic_documents", "plural_documents", "signer_refs", "session_bodies",
    "delegation_words",
})
"""Lexicon categories a word may match through its lemma ("министрихой" → министр): names of
things, never verbs, whose tense and mood a lemma would erase ("подпишут" is no "подписали")."""


def annotate(text: str, sentence: Sentence, lex: Lexicon, persons: Sequence[tuple[int, int]] = (),
             lemmas: Mapping[tuple[int, int], str] | None = None,
             others: Sequence[tuple[int, int]] = ()) -> Annotated:
    """Annotate one sentence: the rules, plus the NLP layer's annotations if given: person
    spans (candidate names), other entities (organisations, places: never a person's name)
    and lemmas (a word the lexicon lacks as written may match by its lemma)."""
    toks = sentence.tokens
    matches = lex.scan(toks)
    if lemmas:
        matches = _with_lemmas(toks, matches, lemmas, lex)
    at: dict[int, Match] = {}
    for m in matches:
        for i in range(m.first, m.last + 1):
            at[i] = m
    clause = _clauses(text, toks, at)
    ann = Annotated(sentence, text, matches, at, clause, _future_tokens(toks, at, clause, lex))
    ann.quotes = quote_spans(text, sentence.start, sentence.end)
    ann.dates = numeric_dates(text, sentence.start, sentence.end) + word_dates(toks, lex, text, matches)
    inside = [(s, e) for s, e in persons if sentence.start <= s and e <= sentence.end]
    elsewhere = [(s, e) for s, e in others if sentence.start <= s and e <= sentence.end]
    ann.names = _names(text, toks, at, lex, inside, lemmas or {}, elsewhere)
    return ann


def _with_lemmas(toks: tuple[Token, ...], matches: list[Match], lemmas: Mapping[tuple[int, int], str],
                 lex: Lexicon) -> list[Match]:
    """The surface matches, plus matches of nominal terms through the lemmas where no
    surface term matched."""
    taken = {i for m in matches for i in range(m.first, m.last + 1)}
    as_lemmas = [replace(t, fold=fold(lemmas.get((t.start, t.end), t.text))) for t in toks]
    extra = [m for m in lex.scan(as_lemmas) if m.category in LEMMA_CATEGORIES
             and not any(i in taken for i in range(m.first, m.last + 1))]
    return sorted([*matches, *extra], key=lambda m: m.first) if extra else matches


def _outside_entities(text: str, toks: tuple[Token, ...], lex: Lexicon, names: list[NameMention],
                      others: Sequence[tuple[int, int]]) -> list[NameMention]:
    """Rule names with the words of organisations and places cut off: "Узбекнефтегаз Инвест
    Бахтиёр Саидов" is the company and Бахтиёр Саидов; a name wholly inside one is none."""
    def taken(i: int) -> bool:
        return any(s <= toks[i].start and toks[i].end <= e for s, e in others)

    out: list[NameMention] = []
    for nm in names:
        first, last = nm.first, nm.last
        while first <= last and taken(first):
            first += 1
        while last >= first and taken(last):
            last -= 1
        if first > last:
            continue
        out.append(nm if (first, last) == (nm.first, nm.last)
                   else make_name(text, toks, first, last, lex, initial=None))
    return out


def _clauses(text: str, toks: tuple[Token, ...], at: dict[int, Match]) -> list[int]:
    """Clause number of each token: commas, semicolons, colons and dashes separate clauses."""
    ids: list[int] = []
    current = 0
    for i, tok in enumerate(toks):
        if i > 0:
            gap = text[toks[i - 1].end : tok.start]
            if gap != " " and (_CLAUSE_MARKS.search(gap) is not None or " - " in gap):  # a space: same clause
                current += 1
        ids.append(current)
    return ids


_CLAUSE_MARKS = re.compile(r"[,;:—–()]")


def _future_tokens(toks: tuple[Token, ...], at: dict[int, Match], clause: list[int],
                   lex: Lexicon) -> frozenset[int]:
    """Tokens whose statements are future or planned.

    A future marker (a word from ``future`` or a verb ending in ``future_suffixes``)
    cancels its whole clause, or with ``future_window: N`` only the tokens within N
    of it in the same clause (for analytic languages: "will", "to be"). An ``agreed``
    word cancels the rest of its clause: "during the visit the sides agreed to sign"
    reports the visit, not a signing; in a head-final language (``head: final``), where
    the verb ends its clause, what precedes it.
    """
    window = int(lex.value("future_window", 0) or 0)
    suffixes = lex.suffixes("future_suffixes")
    head_final = lex.value("head") == "final"
    out: set[int] = set()
    whole: set[int] = set()  # clauses cancelled as a whole (no window): each filled once, below
    for i, tok in enumerate(toks):
        m = at.get(i)
        if m is not None and m.category == "agreed" and m.first == i:  # what follows it in its clause
            # (what precedes it, in a head-final language: "… Yerevanda o'tkazishga kelishib oldi")
            span = range(0, m.last + 1) if head_final else range(i, len(toks))
            out.update(j for j in span if clause[j] == clause[i])
            continue
        is_future = (m is not None and m.category == "future") or (
            bool(suffixes) and m is None and len(tok.fold) > 5 and tok.fold.endswith(suffixes)
            and tok.text[:1].islower()  # "Давлат", "Шавкат": names end so too
        )
        if not is_future:
            continue
        if not window:
            whole.add(clause[i])
            continue
        lo, hi = i - window, i + window
        out.update(j for j in range(max(0, lo), min(len(toks) - 1, hi) + 1) if clause[j] == clause[i])
    if whole:
        out.update(j for j in range(len(toks)) if clause[j] in whole)
    return frozenset(out)


def _is_name_token(tok: Token, at: dict[int, Match], *, capitals: bool = False) -> bool:
    """A capitalised word outside lexicon terms; ``capitals``: a word in capitals is one too
    (official releases write surnames so: "Бахтиёр САИДОВ"), never an acronym on its own."""
    t = tok.text
    m = at.get(tok.index)
    if len(t) < 2 or not t[0].isupper() or (m is not None and m.category not in NAME_WORDS):
        return False
    if t.isupper() and not (capitals and len(t) >= 3):
        return False
    return all(c.isalpha() or c in "'‘’ʻʼ`-" for c in t)


def _chinese_one_letter(before: Token, tok: Token, at: dict[int, Match]) -> bool:
    """Is ``tok`` a one-letter syllable of a Chinese name written in Cyrillic by the Palladius
    system ("Ван И": Wang Yi), after a word of it? (Other names take two letters at least.)"""
    m = at.get(tok.index)  # a capital "И" is no "и" (and)
    return len(tok.text) == 1 and tok.text.isupper() and (m is None or m.category in ("coordinators", "role_glue")) \
        and palladius_pinyin(tok.text) is not None and palladius_pinyin(before.text) is not None


def _names(text: str, toks: tuple[Token, ...], at: dict[int, Match], lex: Lexicon,
           persons: Sequence[tuple[int, int]], lemmas: Mapping[tuple[int, int], str],
           others: Sequence[tuple[int, int]] = ()) -> list[NameMention]:
    names: list[NameMention] = []
    particles = lex.words("name_particles")
    i = 0
    while i < len(toks):
        tok = toks[i]
        # initial + surname: "B.Kudratxocayev", "X. Xələfov"
        if (len(tok.text) == 1 and tok.text.isupper() and i + 1 < len(toks)
                and text[tok.end : toks[i + 1].start].strip() == "."
                and _is_name_token(toks[i + 1], at)):
            nm = make_name(text, toks, i, i + 1, lex, initial=tok.text)
            names.append(nm)
            i += 2
            continue
        if not _is_name_token(tok, at):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and j - i < 3:
            if _is_name_token(toks[j + 1], at, capitals=True) \
                    and text[toks[j].end : toks[j + 1].start] in (" ", "\n", "\r\n", "-"):  # a wrap is a space;
                j += 1  # "-" joins a double name: Kassym-Jomart, Касым-Жомарт
            elif _chinese_one_letter(toks[j], toks[j + 1], at) and text[toks[j].end : toks[j + 1].start] == " ":
                j += 1  # "Ван И": a Chinese given name of one letter in Cyrillic (Wang Yi)
            elif j + 2 < len(toks) and toks[j + 1].fold in particles and _is_name_token(toks[j + 2], at) \
                    and text[toks[j].end : toks[j + 1].start] == " " \
                    and text[toks[j + 1].end : toks[j + 2].start] in (" ", "-"):
                j += 2  # "Xalid əl-Fəleh", "Mohammed bin Abdulrahman": a particle inside the name
            else:
                break
        names.append(make_name(text, toks, i, j, lex, initial=None))
        i = j + 1
    names = [nm for nm in names if not _complement(toks, at, lex, nm)]
    if others:
        names = _outside_entities(text, toks, lex, names, others)
    for start, end in persons:
        names = _with_entity(text, toks, at, lex, names, start, end)
    for nm in names:
        nm.normal = _normal(toks, nm, lemmas) if lemmas else None
    for k, nm in enumerate(names):
        # the walk back stops at the previous full name; a lone capitalised word may be an
        # unknown portfolio word ("Yatırım, Sanayi ve Ticaret Bakanı")
        floor = max((p.last for p in names[:k] if p.given is not None or p.initial is not None), default=-1)
        nm.role_first = _role_start(text, toks, at, nm.first, floor, lex.words("subdivision_preps"),
                                    lex.words("role_glue"), lex.value("head") != "final")
        if k and nm.role_first is None:
            prev = names[k - 1]
            between = toks[prev.last + 1 : nm.first]
            if len(between) == 1 and at.get(between[0].index) is not None and \
                    at[between[0].index].category in ("role_glue", "coordinators"):
                nm.coordinated_with = k - 1
            elif not between and text[prev.end : nm.start].strip() == "," and prev.given is not None \
                    and nm.given is not None:
                nm.coordinated_with = k - 1  # "министрами Маратом Карабаевым, Рашадом Набиевым и …"
    return names


def _region_name(text: str, toks: tuple[Token, ...], at: dict[int, Match], i: int, floor: int) -> int | None:
    """The first token of the region a subdivision word at ``i`` belongs to: the city or
    capitalised word just before it ("Андижанской области", "Andijon viloyati"), if any."""
    k = i - 1
    if k <= floor or text[toks[k].end : toks[i].start].strip():
        return None
    m = at.get(k)
    if m is not None:
        return m.first if m.category == "cities" else None
    return k if toks[k].is_upper_initial and toks[k].text.isalpha() else None


def is_region(ann: Annotated, m: Match) -> bool:
    """A city match that names a region: a subdivision word follows it ("Андижанской области")."""
    nxt = ann.at.get(m.last + 1)
    return nxt is not None and nxt.category == "subdivisions"


_HOLDERS = frozenset({"position", "portfolios", "institutions", "signer_refs"})


def _complement(toks: tuple[Token, ...], at: dict[int, Match], lex: Lexicon, nm: NameMention) -> bool:
    """A capitalised phrase inside a role, not a person: the complement of a position
    ("Minister of Economic Development and Trade …": after a ``role_of`` word that follows
    a position, portfolio or institution) or, where a position follows its complement
    (``head: final``), the words between other role words and it ("Gürcistan Ekonomi ve
    Sürdürülebilir Kalkınma Bakanı"); after a position, a name is its holder's
    ("Cumhurbaşkanı Şevket Mirziyoyev'i Cumhurbaşkanlığı Külliyesinde")."""
    if nm.initial is not None:
        return False
    k = nm.first - 1
    if k >= 1 and toks[k].fold in lex.words("role_of"):
        holder = at.get(k - 1)
        if holder is not None and holder.category in _HOLDERS:
            return True
    before = at.get(nm.first - 1)
    if lex.value("head") != "final" or before is None or \
            before.category not in ("countries", "role_glue", "portfolios", "institutions"):
        return False
    j = nm.last + 1  # over glue, portfolios and more capitalised words to the position:
    while j < len(toks) and j - nm.last <= 5:  # "Dijital Kalkınma ve Ulaştırma Bakanı"
        m = at.get(j)
        if m is not None and m.category in ("role_glue", "portfolios"):
            j = m.last + 1
        elif m is None and toks[j].is_upper_initial and toks[j].text.isalpha():
            j += 1
        else:
            return m is not None and m.category == "position"
    return False


def make_name(text: str, toks: tuple[Token, ...], i: int, j: int, lex: Lexicon,
              initial: str | None) -> NameMention:
    """The name written at tokens ``[i, j]`` (``initial``: its given name's initial, if so written)."""
    last = toks[j]
    if initial is None and i < j and _capitals(toks[i].text) and not _capitals(last.text):
        # "ЛАВРОВ Сергей (Викторович)": lists and official releases put the surname first, in capitals
        return NameMention(i, j, toks[i].start, last.end, strip_case(toks[i].text, lex),
                           " ".join(t.text for t in toks[i + 1 : j + 1]), None, surname_first=True)
    surname = strip_case(last.text, lex)
    given = None if initial or i == j else " ".join(t.text for t in toks[i:j])
    return NameMention(i, j, toks[i].start, last.start + len(surname), surname, given, initial)


def _capitals(word: str) -> bool:
    return len(word) >= 3 and word.isupper()


def _with_entity(text: str, toks: tuple[Token, ...], at: dict[int, Match], lex: Lexicon,
                 names: list[NameMention], start: int, end: int) -> list[NameMention]:
    """A person entity as a candidate name.

    Its words outside lexicon terms must be contiguous, capitalised at both ends and
    at most four. A span no rule name touches becomes a name; one that covers rule
    names entirely replaces them ("Сергей ЛАВРОВ", which the rules cut after
    "Сергей"); where the rules found a longer name, they stay.
    """
    idx = [t.index for t in toks if start <= t.start and t.end <= end and at.get(t.index) is None]
    if not idx or idx[-1] - idx[0] != len(idx) - 1 or len(idx) > 4:
        return names
    i, j = idx[0], idx[-1]
    if not (toks[i].text[:1].isupper() and toks[j].text[:1].isupper()):
        return names
    touching = [nm for nm in names if nm.first <= j and i <= nm.last]
    if any(nm.first < i or nm.last > j for nm in touching) or \
            any(nm.first == i and nm.last == j for nm in touching):
        return names
    kept = [nm for nm in names if all(nm is not t for t in touching)]
    return sorted([*kept, make_name(text, toks, i, j, lex, initial=None)], key=lambda nm: nm.first)


def _normal(toks: tuple[Token, ...], nm: NameMention, lemmas: Mapping[tuple[int, int], str]
            ) -> str | None:
    """The name with each word replaced by its lemma, when every word has a plausible one."""
    if nm.initial:
        return None
    out: list[str] = []
    for tok in toks[nm.first : nm.last + 1]:
        lemma = lemmas.get((tok.start, tok.end))
        n = min(3, len(tok.text))
        if not lemma or fold(lemma[:n]) != tok.fold[:n]:
            return None  # no lemma, or one that is not this word's
        out.append("-".join(p[:1].upper() + p[1:].lower() for p in lemma.split("-"))
                   if lemma.islower() or lemma.isupper() else lemma)
    return " ".join(out)


_VOWELS = "aeiouəıöüаеиоуыэюяөүәұі"  # of every script the lexicons write in, for suffix harmony


def strip_case(word: str, lex: Lexicon) -> str:
    """Drop a case ending from a surname ("Jaksılıkovun" → "Jaksılıkov") if the lexicon allows.

    Where the language harmonises its endings (``suffix_harmony``: an ending → the vowels
    the stem's last vowel may be), an ending that does not fit its stem is part of the
    name: "Bayelin" is Bayel's genitive, "Jumanqarin" and "Mişustin" are names in -in. A name
    with one of the lexicon's ``name_endings`` ("Hakimzoda") keeps it."""
    folded = fold(word)  # one character per character: apostrophe variants are one
    own = lex.words("name_endings")
    if any(folded.endswith(end) for end in own):
        return word  # "Hakimzoda": the -da is the name's own (``name_endings``)
    stems = _case_stems(word, folded, lex)
    # "Muxriddinin" reads as Muxriddi + nin or Muxriddin + in: the stem with a name's own ending wins
    return next((s for s in stems if any(fold(s).endswith(end) for end in own)), stems[0] if stems else word)


def case_stems(word: str, lex: Lexicon) -> list[str]:
    """Every stem a surname may be, its case endings taken off ("Fidanın": Fida, Fidan), longest
    ending first."""
    return _case_stems(word, fold(word), lex)


def _case_stems(word: str, folded: str, lex: Lexicon) -> list[str]:
    """Every stem ``word`` may be with one of the lexicon's case endings taken off, longest ending first."""
    harmony = lex.value("suffix_harmony") or {}
    stems = []
    for suf in lex.suffixes("name_case_suffixes"):
        if not folded.endswith(suf):
            continue
        stem = word[: len(word) - len(suf)]
        if len(stem) < 4:
            continue
        if suf[0] in _VOWELS and fold(stem[-1]) in _VOWELS:
            continue
        # harmony needs the letters folding merges (ı and i): read the word as written
        written = _turkic_lower(word)
        allowed = harmony.get(written[len(written) - len(suf):])
        if allowed is not None and _last_vowel(written[: len(written) - len(suf)]) not in str(allowed):
            continue  # "Jumanqar-in" would be "Jumanqarın": the -in is the name's own
        stems.append(stem)
    return stems


def _turkic_lower(word: str) -> str:
    """Lower case with the dotted and dotless i kept apart (İ → i, I → ı)."""
    return word.replace("İ", "i").replace("I", "ı").lower()


def _last_vowel(word: str) -> str:
    return next((c for c in reversed(word) if c in _VOWELS), "")


def _role_start(text: str, toks: tuple[Token, ...], at: dict[int, Match], first: int,
                floor: int, preps: frozenset[str] = frozenset(), glue: frozenset[str] = frozenset(),
                head_initial: bool = False) -> int | None:
    """First token of the role phrase that ends right before a name, if it has a position.
    A region in it ("хоким Андижанской области", "в Ошской области", ``subdivisions``) is part of it.
    A word the lexicon lists both as ``role_glue`` and as ``accord_refs`` ("adına": on behalf of) is
    glue right after a state ("Azerbaycan adına Enerji Bakanı"), and the state is the official's.
    Where a role starts with its position (``head_initial``), words before the position across a
    comma are no part of it ("… from the defense industry to higher education, as President X")."""
    k = first - 1
    start: int | None = None
    has_position = has_country = False
    unknown = 0  # portfolio words the lexicon lacks ("investisiyalar, sənaye və ticarət naziri",
    # "Министр высшего образования, науки и инноваций Узбекистана")
    while k > floor and first - k <= 16:
        gap = text[toks[k].end : toks[k + 1].start]
        if any(c in gap for c in ".;:\"“”«»()"):  # a newline inside a sentence is a wrap
            break
        m = at.get(k)
        if head_initial and has_position and "," in gap and (m is None or m.category in ("portfolio", "portfolios")):
            break
        if m is not None and m.category == "subdivisions":
            region = _region_name(text, toks, at, m.first, floor)
            if region is None:
                break
            start = k = region
            if k - 1 > floor and toks[k - 1].fold in preps and not any(
                    c in text[toks[k - 1].end : toks[k].start] for c in ".;:,\"“”«»()"):
                k -= 1  # "в Ошской области"
            k -= 1
            unknown = 0
            continue
        if m is None and has_position != has_country and unknown < 3 and toks[k].text.isalpha():
            # between the position and the country, either order; capitalised in titles
            # ("Özbekistan Yatırım, Sanayi ve Ticaret Bakanı"); names stop the walk (``floor``)
            unknown += 1  # skipped, not part of the phrase unless a country or a role word comes before
            k -= 1
            continue
        if m is not None and m.category == "accord_refs" and m.first == m.last and toks[k].fold in glue \
                and (c := at.get(k - 1)) is not None and c.category == "countries" and k - 1 > floor:
            start, k, unknown = k, k - 1, 0  # the state comes next
            continue
        if m is None or m.category not in ROLE_CATEGORIES:
            break
        if m.category in ("position", "signer_refs"):
            has_position = True
        has_country = has_country or m.category in ("countries", "home_refs")
        unknown = 0
        start = m.first
        k = m.first - 1
    while start is not None and start < first and (m := at.get(start)) is not None \
            and m.category in ("role_glue", "agent_markers"):
        start = m.last + 1  # "и замглавы …": the role starts after the glue word
    return start if has_position and start is not None and start < first else None
