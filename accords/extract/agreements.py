"""Documents reported as signed: kind, title as written, period, signatories.

Only a past-tense signing verb outside a future/planned clause makes a signing
(``imzalanıb``, ``was signed``, ``imzolandi``, ``подписали``); "will sign",
"approved", "ratified", "agreed" are not in the signing lexicon at all. A bare
passive names no signatory; a passive with an agent ("by the ministers",
"... tomonidan") or an active verb with named subjects does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from accords.extract.annotate import Annotated, NameMention
from accords.extract.dates import DateMention, year_mentions
from accords.extract.namecase import role_case
from accords.extract.people import DocPerson, cite
from accords.lexicon import Lexicon, Match
from accords.text import fold, span_cover, squeeze_spaces

_BOUNDARY_CATEGORIES = frozenset({
    "meeting_triggers", "signing_active", "signing_passive", "participation", "held_verbs",
    "signer_refs", "future", "agent_markers", "passive_aux", "signing_final", "acts",
    "weekday_names", "relative_today", "relative_yesterday",  # "… on electricity trade on Tuesday"
})
ACT_REACH = 3  # "signed the law", "fərman imzalayıb": an act this close to the verb is what was signed


@dataclass
class DocMention:
    """A document phrase: its kind word and title span."""

    kind: str
    generic: bool
    start: int
    end: int
    quoted: bool
    topic: frozenset[str]
    sentence: int
    first: int
    last: int
    counted: bool = False  # "три документа", "12 anlaşma": how many, not which


@dataclass
class Signing:
    """A signing verb and what the sentence says about who signed."""

    match: Match
    voice: str


def topic_words(ann: Annotated, first: int, last: int, lex: Lexicon) -> frozenset[str]:
    """Content words of a title (4-letter prefixes), for telling documents apart."""
    stop = lex.words("stopwords")
    ignore = {"countries", "institutions", "document_kinds", "generic_documents",
              "year_words", "months", "cities", "home_refs", "role_glue", "position"}
    out = set()
    for i in range(first, last + 1):
        tok = ann.tokens[i]
        m = ann.at.get(i)
        if (m is not None and m.category in ignore) or tok.fold in stop or len(tok.fold) < 4:
            continue
        if m is not None and m.category == "portfolios" and _of_ministry(ann, m):
            continue  # "the Ministry of Culture" names a party; "cooperation in culture", the subject
        if any(c.isdigit() for c in tok.fold):
            continue
        out.add(tok.fold[:4])
    return frozenset(out)


def _of_ministry(ann: Annotated, m: Match) -> bool:
    """Is portfolio ``m`` part of an institution's or a position's name (within two words)?"""
    for k in (*range(m.first - 2, m.first), *range(m.last + 1, m.last + 3)):
        x = ann.at.get(k)
        if x is not None and x.category in ("institutions", "position"):
            return True
    return False


def doc_mentions(ann: Annotated, lex: Lexicon) -> list[DocMention]:
    """Document phrases of a sentence, one per document (nested kind words dropped).

    Linear in the sentence's length: tokens, quotations and kind words are found by
    bisection, and a quotation shared by several kind words is read once.
    """
    found: list[DocMention] = []
    toks = ann.tokens
    starts = [t.start for t in toks]
    ends = [t.end for t in toks]
    speech = sorted((toks[mm.first].start, toks[mm.last].end) for mm in ann.matches if mm.category in _SPEECH)
    said: dict[tuple[int, int], bool] = {}
    topics: dict[tuple[int, int], frozenset[str]] = {}
    names = {i for nm in ann.names for i in range(nm.first, nm.last + 1)} - ann.not_people
    dated = _dated_tokens(ann)
    for m in ann.matches:
        if m.category not in ("document_kinds", "generic_documents"):
            continue
        generic = m.category == "generic_documents"
        q = ann.in_quote(toks[m.first].start, toks[m.last].end)
        if q is not None:
            if q not in said:
                said[q] = _quoted_speech(speech, q)
            if said[q]:
                q = None  # a quoted statement ("… был подписан меморандум …"), not a quoted title
        if q is not None:
            first = bisect_left(starts, q[0])
            last = bisect_right(ends, q[1]) - 1
            start, end, quoted = q[0], q[1], True
        else:
            first, last = _extent(ann, m, lex, names, dated)
            start, end, quoted = toks[first].start, toks[last].end, False
        while end > start and ann.text[end - 1] in " .,;":
            end -= 1
        counts = lex.words("count_words")
        counted = not quoted and m.first > 0 and (toks[m.first - 1].is_digit or toks[m.first - 1].fold in counts)
        while first < m.first and (toks[first].is_digit or toks[first].fold in counts):
            first += 1  # a count is no part of a title
        if counted:
            start = toks[first].start
        kind = "other" if generic else m.value
        is_generic = generic or (not quoted and first == m.first and last == m.last)
        if (first, last) not in topics:
            topics[first, last] = topic_words(ann, first, last, lex)
        found.append(DocMention(kind, is_generic or counted, start, end, quoted,
                                topics[first, last], ann.sentence.index, first, last, counted))
    # one document per title: a kind word inside another's (longer) title is part of it
    nested = _nested(found)
    unique: list[DocMention] = []
    spans: set[tuple[int, int]] = set()
    for k, d in enumerate(found):
        if k not in nested and (d.start, d.end) not in spans:
            spans.add((d.start, d.end))
            unique.append(d)
    kinds = ann.of("document_kinds")  # in text order, never overlapping
    firsts, lasts = [mm.first for mm in kinds], [mm.last for mm in kinds]
    final = lex.value("head") == "final"  # in head-final titles the last kind word names the document
    for d in unique:
        lo, hi = bisect_left(firsts, d.first), bisect_right(lasts, d.last)
        if lo < hi and not d.generic:
            d.kind = kinds[hi - 1 if final else lo].value
    return unique


_GOVERNMENT = ("institutions", "position", "signer_refs")  # a body, an office, "the two ministers"
_CLAUSE_BREAK = re.compile(r"[,;]")


def business_document(ann: Annotated, d: DocMention, mentions: list[DocMention], lex: Lexicon) -> bool:
    """Is ``d`` a document between companies, banks, chambers of commerce or universities,
    not between states? Its parties (``business_parties`` words, ``non_government_institutions``)
    are read where a sentence names them: the subject of its clause ("QazaqGaz national
    company and QatarEnergy signed a memorandum"), or the words joined by "between"
    ("between ASCO CJSC and the Balkan plant", "X QSC ilə Y SC arasında"). A clause that also
    names a government body, an office or officials ("Minister X and the head of company Y
    signed") keeps its document: the state is a party to it, or may be."""
    toks, text = ann.tokens, ann.text
    lo = max((m.last for m in mentions if m.last < d.first), default=-1) + 1
    hi = min((m.first for m in mentions if m.first > d.last), default=len(toks)) - 1
    for i in range(d.first, lo, -1):  # the document's clause: from the comma or semicolon before it
        if _CLAUSE_BREAK.search(text, toks[i - 1].end, toks[i].start):
            lo = i
            break
    for i in range(d.last + 1, hi + 1):
        if _CLAUSE_BREAK.search(text, toks[i - 1].end, toks[i].start):
            hi = i - 1
            break
    between = lex.words("between_words")
    b = next((i for i in range(lo, hi + 1) if toks[i].fold in between), None)
    if lex.value("head") == "final":  # "X ilə Y arasında … Memorandumu": the parties come first
        parties = set(range(lo, d.first if b is None else b))
    else:  # "X and Y signed a memorandum …", "… was signed between X and Y on …"
        parties = set(range(lo, d.first))
        if b is not None:
            ends = lex.words("party_ends")
            k = b + 1
            while k <= hi and toks[k].fold not in ends:
                parties.add(k)
                k += 1
    covered = lex.covered("business_parties", toks, lo, hi)
    private = set(lex.data.get("non_government_institutions") or [])
    for m in ann.of("institutions"):
        if m.value in private and lo <= m.first and m.last <= hi:
            covered.update(range(m.first, m.last + 1))
    if not covered & parties:
        return False
    return not any(lo <= m.first and m.last <= hi and m.category in _GOVERNMENT
                   and not set(range(m.first, m.last + 1)) <= covered for m in ann.matches)


def _nested(found: list[DocMention]) -> set[int]:
    """Indexes of mentions whose span lies inside a longer one's (one sort, one sweep)."""
    order = sorted(range(len(found)), key=lambda k: (found[k].start, -found[k].end))
    nested: set[int] = set()
    reach = -1  # the furthest end among spans that start earlier
    k = 0
    while k < len(order):
        group = [order[k]]
        while k + len(group) < len(order) and found[order[k + len(group)]].start == found[order[k]].start:
            group.append(order[k + len(group)])
        top = found[group[0]].end  # the longest span of those starting here
        nested.update(g for g in group if reach >= found[g].end or top > found[g].end)
        reach = max(reach, top)
        k += len(group)
    return nested


_SPEECH = ("signing_active", "signing_passive", "signing_final", "passive_aux")


def _quoted_speech(speech: list[tuple[int, int]], q: tuple[int, int]) -> bool:
    """A quotation that holds a signing verb is reported speech: its title is found inside it.

    ``speech``: the sorted, disjoint spans of the sentence's signing verbs."""
    k = bisect_left(speech, (q[0], -1))
    return k < len(speech) and speech[k][1] <= q[1]


def _extent(ann: Annotated, m: Match, lex: Lexicon, names: set[int], dated: frozenset[int]) -> tuple[int, int]:
    """The title around kind word ``m``; ``names``: indexes of tokens inside personal names;
    ``dated``: of tokens inside dates with a month (:func:`_dated_tokens`)."""
    toks = ann.tokens
    stop = lex.words("title_stop")

    ordinal_dot = bool(lex.value("ordinal_dot"))

    def boundary(i: int, j: int) -> bool:
        """Is there a boundary between adjacent tokens i < j, or is token j itself one?"""
        gap = ann.text[toks[i].end : toks[j].start]
        if ordinal_dot and toks[i].is_digit and gap.strip() == ".":
            return False  # "12. Dönem Toplantısı": the dot of an ordinal
        return any(c in gap for c in ",;:.!?\"“”«»()")  # newlines inside a sentence are wraps

    function_words = lex.words("stopwords")

    def records(i: int) -> bool:
        """Token i follows the kind word closely ("план консультаций", "план двусторонних
        консультаций"), or with only function words and numbers between ("protocol of the
        5th meeting"): the event the document records."""
        gap = range(m.last + 1, i)
        if not 0 < i - m.last <= 4:
            return False
        return i - m.last <= 2 or all(toks[j].fold in function_words or toks[j].text[:1].isdigit() for j in gap)

    def blocked(i: int) -> bool:
        mm = ann.at.get(i)
        if mm is not None and mm.category == "meeting_triggers" and mm.term.get("strength") == "weak" \
                and (records(mm.first) or (lex.value("head") == "final" and (mm.last == m.first - 1 or titled(i)))):
            # "план консультаций", "məsləhətləşmələr planı", "Karma Ekonomik Komisyonu 12. Dönem
            # Toplantısı Protokolü": an event word of the title
            return False
        return (toks[i].fold in stop
                or (mm is not None and mm.category in _BOUNDARY_CATEGORIES))

    coordinators = lex.words("coordinators")
    determiners = lex.words("determiners")

    def is_kind(i: int) -> bool:
        mm = ann.at.get(i)
        return mm is not None and mm.category == "document_kinds"

    def next_document(i: int) -> bool:
        """Token i is "and" between two documents: "X planı və Y memorandumu", "a plan and a memorandum"."""
        if toks[i].fold not in coordinators:
            return False
        if lex.value("head") == "final":
            return i > 0 and is_kind(i - 1)
        j = i + 1
        while j < len(toks) and toks[j].fold in determiners:
            j += 1
        return j < len(toks) and is_kind(j)

    def titled(i: int) -> bool:
        """A capitalised word right before a capitalised title ("Stratejik İşbirliği Ortak Deklarasyonu",
        numbers aside: "KEK 12. Dönem Toplantısı Protokolü")."""
        return toks[m.first].is_upper_initial and toks[i].is_upper_initial and all(
            toks[j].is_upper_initial or toks[j].is_digit for j in range(i, m.first))

    first, last = m.first, m.last
    if lex.value("head") == "final":
        while (first > 0 and m.first - first < 30 and not boundary(first - 1, first)
               and not blocked(first - 1) and not next_document(first - 1)
               and first - 1 not in dated  # "1 Temmuz 2023'te yürürlüğe giren … Anlaşması": the date is no title's
               and (first - 1 not in names or titled(first - 1))):
            first -= 1
    else:
        stopwords = lex.words("stopwords")
        left_stop = lex.words("title_left_stop")

        def place(i: int) -> bool:
            """"… in Baku", "… в Ташкенте": a preposition before a city ends the title."""
            city = ann.at.get(i + 1)
            return toks[i].fold in stopwords and city is not None and city.category == "cities"

        while (first > 0 and m.first - first < 5 and not boundary(first - 1, first)
               and not blocked(first - 1) and toks[first - 1].fold not in determiners
               and toks[first - 1].fold not in coordinators  # "X о геологии и меморандум": two titles
               and toks[first - 1].fold not in left_stop  # "ход реализации Дорожной карты"
               and not (first > 1 and place(first - 2))):  # "подписали в Москве план": not the title's
            first -= 1

        # "… HPP-1 on February 25": the day of the signing, not the title's
        while (last + 1 < len(toks) and last - m.last < 25 and not boundary(last, last + 1)
               and not blocked(last + 1) and not next_document(last + 1) and not place(last + 1)
               and last + 1 not in dated):
            last += 1
        # do not end a title on a function word ("... of the")
        while last > m.last and toks[last].fold in stopwords and not _is_year_word(ann, last) \
                and not _inside_name_of(ann, last):
            last -= 1
    return first, last


def _dated_tokens(ann: Annotated) -> frozenset[int]:
    """Tokens of the sentence's dates that give a month ("February 25", "5 июня 2026"): a
    title's period is years ("for 2026-2028"), never a day."""
    starts = [t.start for t in ann.tokens]
    out: set[int] = set()
    for d in ann.dates:
        if d.date.month is not None:
            out.update(range(bisect_left(starts, d.start), bisect_left(starts, d.end)))
    return frozenset(out)


def _inside_name_of(ann: Annotated, i: int) -> bool:
    """Token i ends a state's or an institution's name of several words ("the Kyrgyz Republic")."""
    mm = ann.at.get(i)
    return mm is not None and mm.category in ("countries", "institutions") and mm.first < i


def _is_year_word(ann: Annotated, i: int) -> bool:
    """"… на 2025 год", "for 2026 year": the year word ends the title's period."""
    mm = ann.at.get(i)
    return mm is not None and mm.category == "year_words" and i > 0 and ann.tokens[i - 1].is_digit


def signings(ann: Annotated, lex: Lexicon) -> list[Signing]:
    """Past signing verbs of a sentence that no future/planned marker cancels.

    A verb whose object is a law or decree ("signed the law on ratification of the
    Agreement", "Sazişin təsdiqi barədə fərman imzalayıb") signs that act, not the
    documents it names. A participle (``signing_final``: "қол қойылған") is a signing
    only as the sentence's last word, where it is the predicate.
    """
    aux = lex.words("passive_aux")
    acts = ann.of("acts")
    out = []
    for m in ann.matches:
        if m.category not in ("signing_active", "signing_passive", "signing_final") or ann.cancelled(m):
            continue
        if m.category == "signing_final" and m.last != len(ann.tokens) - 1:
            continue
        if any(ann.clause[x.first] == ann.clause[m.first] and
               (0 < m.first - x.last <= ACT_REACH or 0 < x.first - m.last <= ACT_REACH) for x in acts):
            continue
        voice = "active" if m.category == "signing_active" else "passive"
        if voice == "active" and aux:
            before = [ann.tokens[i].fold for i in range(max(0, m.first - 2), m.first)]
            if any(b in aux for b in before):
                voice = "passive"
        out.append(Signing(m, voice))
    return out


PARTICIPLE_REACH = 4  # "2021-ci il iyunun 15-də imzalanmış …": a date this close dates the participle
_PLACE_WORDS = frozenset({"countries", "cities", "coordinators", "role_glue"})


def dated_participles(ann: Annotated, lex: Lexicon) -> list[tuple[Match, DateMention]]:
    """Signing participles inside a sentence, each with the date written beside it in its
    phrase: before it ("2021-ci il iyunun 15-də imzalanmış Şuşa Bəyannaməsi", "2017-yilda imzolangan
    shartnoma"), or after it in a head-initial language ("Дорожной карты …, подписанной Казахстаном,
    Азербайджаном и Грузией в ноябре 2022 года"). States, places and the words joining them do
    not count towards the distance. Each names a document signed on that earlier day, whatever the
    sentence itself reports, however future or planned the rest of the sentence is; a participle
    without a date is left alone (it may be the main signing's)."""
    out: list[tuple[Match, DateMention]] = []
    # a planned or future clause around it does not make such a participle's past signing future:
    # "Erdoğan, 29 Mart 2022'de imzalanan … Anlaşması'nın kapsamının genişletilmesiyle … ulaşılacağına …"
    finals = [m for m in ann.of("signing_final") if m.last != len(ann.tokens) - 1]
    if not finals:
        return out
    dates = [d for d in ann.dates if d.date.year is not None] + \
        year_mentions(ann.text, ann.sentence.start, ann.sentence.end, lex)
    after = lex.value("head") != "final"
    for m in finals:
        start, end = ann.tokens[m.first].start, ann.tokens[m.last].end
        near = [d for d in dates if d.end <= start and _close(ann, _token_at(ann, d.end - 1) + 1, m.first)]
        if near:
            out.append((m, max(near, key=lambda d: d.end)))
            continue
        later = [d for d in dates if after and d.start >= end and _close(ann, m.last + 1, _token_at(ann, d.start))]
        if later:
            out.append((m, min(later, key=lambda d: d.start)))
    return out


def _close(ann: Annotated, i: int, j: int) -> bool:
    """Tokens ``[i, j)`` lie between a date and its participle (tokens ``i - 1`` and ``j``): at most
    PARTICIPLE_REACH words that are not states, places or the words joining them, and no clause
    break but the commas of a list of them."""
    words = 0
    for k in range(i, j):
        m = ann.at.get(k)
        if m is None or m.category not in _PLACE_WORDS:
            words += 1
    for k in range(max(i, 1), min(j, len(ann.tokens) - 1) + 1):
        if ann.clause[k] == ann.clause[k - 1]:
            continue
        prev = ann.at.get(k - 1)
        if k - 1 < i or prev is None or prev.category not in _PLACE_WORDS \
                or ann.text[ann.tokens[k - 1].end : ann.tokens[k].start].strip() != ",":
            return False
    return words <= PARTICIPLE_REACH


def relative_subjects(ann: Annotated, participle: Match, named: list[tuple[NameMention, DocPerson]],
                      lex: Lexicon) -> list[tuple[DocPerson, int, int]]:
    """"Cumhurbaşkanları X ile Y'in 10 Mayıs 2022'de imzaladığı Bildiri": an active relative
    participle (``relative_participles``) has its subject in the genitive just before it, in its
    clause; that name (``genitive_suffixes``) and the names joined to it signed. Any other
    participle names no one."""
    words = " ".join(t.fold for t in ann.tokens[participle.first : participle.last + 1])
    if words not in lex.words("relative_participles"):
        return []
    clause = ann.clause[participle.first]
    before = [(nm, p) for nm, p in named if nm.last < participle.first and ann.clause[nm.last] == clause]
    if not before or not ann.tokens[before[-1][0].last].fold.endswith(lex.suffixes("genitive_suffixes")):
        return []
    chain = [before[-1][0]]
    while chain[-1].coordinated_with is not None:
        chain.append(ann.names[chain[-1].coordinated_with])
    keep = {id(nm) for nm in chain}
    return [(p, nm.start, nm.end) for nm, p in before if id(nm) in keep and p is not None]


def _token_at(ann: Annotated, offset: int) -> int:
    return max(0, bisect_right([t.start for t in ann.tokens], offset) - 1)


def named_people(ann: Annotated, people: dict[str, DocPerson], titles: list[DocMention]
                 ) -> list[tuple[NameMention, DocPerson]]:
    """The sentence's names of known people, outside document titles (once per sentence)."""
    inside = span_cover([(d.start, d.end) for d in titles])
    owner = {id(m): p for p in people.values() for _, m in p.mentions}
    named = [(nm, owner.get(id(nm))) for nm in ann.names]
    return [(nm, p) for nm, p in named if p is not None and not inside(nm.start)]


Tree = Mapping[tuple[int, int], tuple[tuple[int, int] | None, str]]  # span → (governor's span, relation)


def signers(ann: Annotated, sig: Signing, people: dict[str, DocPerson], titles: list[DocMention],
            participants: list[DocPerson], lex: Lexicon,
            named: list[tuple[NameMention, DocPerson]] | None = None,
            tree: Tree | None = None, referred: list[DocPerson] | None = None) -> list[tuple[DocPerson, int, int]]:
    """People the sentence says signed, with the span naming each (empty for a bare passive).

    ``named``: :func:`named_people` of the sentence, when the caller has it already.
    ``tree``: the NLP layer's dependency parse, where it has one: of the names before an
    active signing verb, those it shows are the verb's subject (or joined to it) signed;
    "After the talks with X, Y and Z signed" leaves X out. Where the parse finds no
    subject among them, the rules' reading stands.
    ``referred``: whom a plural reference ("the two ministers") may name, when not the
    participants (a background signing: the article's officials).
    """
    if named is None:
        named = named_people(ann, people, titles)
    witnessed = witnesses(ann, lex)
    if witnessed:  # "In the presence of Presidents X and Y, the ministers signed": X and Y did not sign
        named = [(nm, p) for nm, p in named if nm.first not in witnessed]
    trig = sig.match
    side = str(lex.value("agent_side", "after"))
    out: list[tuple[DocPerson, int, int]] = []
    unnamed: list[tuple[DocPerson, int, int]] = []
    if sig.voice == "passive":
        markers = [m for m in ann.of("agent_markers")]
        if lex.value("agent_implicit"):
            chosen = [(nm, p) for nm, p in named if nm.first > trig.last and _agent_case(ann, nm, lex)]
        elif not markers:
            return []
        elif side == "after":
            mk = [m for m in markers if m.first > trig.last]
            chosen = [(nm, p) for nm, p in named if mk and nm.first > mk[0].last]
            unnamed = _role_refs(ann, mk[0].last + 1, len(ann.tokens) - 1, participants, witnessed) if mk else []
        else:
            mk = [m for m in markers if m.last < trig.first]
            chosen = [(nm, p) for nm, p in named if mk and nm.last < mk[-1].first
                      and ann.clause[nm.last] == ann.clause[mk[-1].first]]
            unnamed = _role_refs(ann, 0, mk[-1].first - 1, participants, witnessed) if mk else []
        if not chosen and markers:  # "was signed by the two ministers"
            near = markers[0] if side == "after" else markers[-1]
            refs = [m for m in ann.of("signer_refs") if m.first not in witnessed
                    and (m.first > near.last if side == "after" else m.last < near.first)]
            if refs:
                return resolve_refs(refs[0] if side == "after" else refs[-1], referred or participants, ann)
    else:
        # subjects precede the verb, after any speech verb: "Tashiev recalled that in 2021 the
        # governments signed …" names the speaker, not a signatory
        lo = max((mm.last + 1 for mm in ann.of("speech_verbs") if mm.last < trig.first), default=0)
        chosen = [(nm, p) for nm, p in named if lo <= nm.first and nm.last < trig.first]
        nearer = [m for m in ann.of("signer_refs") if chosen and chosen[-1][0].last < m.first and m.last < trig.first
                  and m.first not in witnessed]
        if nearer:  # "X praised the roadmap, which the two ministers signed": the reference is the subject
            return resolve_refs(nearer[-1], referred or participants, ann)
        if tree and len(chosen) > 1:
            chosen = _subjects(ann, trig, chosen, tree) or chosen
        unnamed = _role_refs(ann, lo, trig.first - 1, participants, witnessed)
        if not chosen and not unnamed:
            refs = [m for m in ann.of("signer_refs") if lo <= m.first and m.last < trig.first
                    and m.first not in witnessed]
            if refs:
                return resolve_refs(refs[-1], referred or participants, ann)
        if not chosen and not unnamed and lex.value("subject_after_verb"):
            # "Соглашение подписали министр обороны Кыргызстана Бекболотов и …": where word order
            # is free, the subjects may follow the verb, in its clause
            clause = ann.clause[trig.last]
            chosen = [(nm, p) for nm, p in named if nm.first > trig.last and ann.clause[nm.first] == clause]
            if chosen:  # "… подписал X, с узбекской стороны — Y": the verb left out after a dash
                chosen += [(nm, p) for nm, p in named if ann.clause[nm.first] != clause
                           and nm.first > chosen[-1][0].last and _after_dash(ann, nm)]
            if not chosen:
                refs = [m for m in ann.of("signer_refs") if m.first > trig.last and ann.clause[m.first] == clause
                        and m.first not in witnessed]
                if refs:
                    return resolve_refs(refs[0], referred or participants, ann)
    for nm, p in chosen:
        if p is not None and all(p is not q for q, _, _ in out):
            out.append((p, nm.start, nm.end))
    for p, s, e in unnamed:
        if all(p is not q for q, _, _ in out):
            out.append((p, s, e))
    return out


_DASHES = ("—", "–", " - ")


def witnesses(ann: Annotated, lex: Lexicon) -> frozenset[int]:
    """Tokens of the officials a witness word names ("in the presence of the leaders", "в
    присутствии президентов X и Y", "Prezidentlərin iştirakı ilə"): those present at a signing,
    who take part in the event but did not sign. ``witness_words`` are participation terms;
    ``witness_side`` says whether the witnesses follow the word (``after``) or precede it: the
    first name, role or plural reference beside it, and the names joined to that one."""
    words = lex.words("witness_words")
    if not words:
        return frozenset()
    after = lex.value("witness_side", "after") != "before"
    coordinators = lex.words("coordinators")
    toks = ann.tokens
    spans = [((nm.role_first if nm.role_first is not None else nm.first), nm.last) for nm in ann.names]
    spans += [(m.first, m.last) for m in ann.of("signer_refs")]
    spans.sort()

    def joined(left: tuple[int, int], right: tuple[int, int]) -> bool:
        return fold(ann.text[toks[left[1]].end : toks[right[0]].start]).strip() in coordinators

    out: set[int] = set()
    for m in ann.of("participation"):
        if ann.cancelled(m) or fold(m.value) not in words:
            continue
        group: list[tuple[int, int]] = []
        if after:
            first = next((sp for sp in spans if m.last < sp[0] <= m.last + 2), None)
            while first is not None:
                group.append(first)
                first = next((sp for sp in spans if sp[0] > first[1] and joined(first, sp)), None)
        else:
            last = next((sp for sp in reversed(spans) if sp[1] == m.first - 1), None)
            while last is not None:
                group.append(last)
                last = next((sp for sp in reversed(spans) if sp[1] < last[0] and joined(sp, last)), None)
        out.update(i for a, b in group for i in range(a, b + 1))
    return frozenset(out)


def _after_dash(ann: Annotated, nm: NameMention) -> bool:
    """Is there a dash right before the name or its role phrase, or inside the role phrase, as
    where a verb is left out ("с узбекской стороны — Y", "с таджикской — министр Y")?"""
    k = nm.role_first if nm.role_first is not None else nm.first
    return k > 0 and any(d in ann.text[ann.tokens[k - 1].end : ann.tokens[nm.first].start] for d in _DASHES)


SUBJECT_PATH = frozenset({"nsubj", "conj", "appos", "flat", "compound"})  # UD relations, subtypes aside


def _subjects(ann: Annotated, trig: Match, chosen: list[tuple[NameMention, DocPerson]], tree: Tree
              ) -> list[tuple[NameMention, DocPerson]]:
    """The names whose words the parse joins to the signing verb as its subject: up the tree
    from a word of the name, only through subject, conjunct, apposition and flat-name arcs."""
    toks = ann.tokens
    verb = {(toks[i].start, toks[i].end) for i in range(trig.first, trig.last + 1)}
    out = []
    for nm, p in chosen:
        for i in range(nm.first, nm.last + 1):
            span: tuple[int, int] | None = (toks[i].start, toks[i].end)
            steps = 0
            while span is not None and span not in verb and steps < 50:
                head, rel = tree.get(span, (None, ""))
                if rel.split(":")[0] not in SUBJECT_PATH:
                    break
                span, steps = head, steps + 1
            if span is not None and span in verb:
                out.append((nm, p))
                break
    return out


def _role_refs(ann: Annotated, first: int, last: int, participants: list[DocPerson],
               witnessed: frozenset[int] = frozenset()) -> list[tuple[DocPerson, int, int]]:
    """Officials named by role alone ("and his Kyrgyz counterpart", "the Azerbaijani minister"):
    a position with one country before it and no name after it, that one participant fits
    (not a witness: :func:`witnesses`)."""
    out: list[tuple[DocPerson, int, int]] = []
    for m in ann.of("position"):
        if not (first <= m.first and m.last <= last) or m.first in witnessed:
            continue
        if any(nm.role_first is not None and nm.role_first <= m.first < nm.first for nm in ann.names):
            continue  # the role of a written name
        codes = {c.value for c in ann.of("countries") if m.first - 3 <= c.first < m.first}
        if len(codes) != 1:
            continue
        cls = m.term.get("cls")
        code = codes.pop()
        fits = [p for p in participants if p.country == code and (cls == "counterpart" or p.role_class == cls)]
        if len(fits) == 1:
            start = min(c.first for c in ann.of("countries") if m.first - 3 <= c.first < m.first)
            out.append((fits[0], ann.tokens[start].start, ann.tokens[m.last].end))
    return out


def _agent_case(ann: Annotated, nm: NameMention, lex: Lexicon) -> bool:
    """A name after a bare passive is its agent only in the agent's case (``agent_case``: the
    instrumental "подписан министром …"), not in another ("в ходе визита президента …")."""
    want = lex.value("agent_case")
    if not want or nm.role_first is None:
        return True
    case = role_case(ann.tokens[nm.role_first].text, lex)
    return case is None or case == str(want)


def resolve_refs(ref: Match, participants: list[DocPerson], ann: Annotated) -> list[tuple[DocPerson, int, int]]:
    """"the ministers signed": the named participants of that class, one per country."""
    cls = ref.value
    wanted = {"minister": {"minister", "counterpart"}, "deputy": {"deputy"},
              "head": {"minister", "deputy", "head", "head_of_state", "head_of_government", "secretary", "chair",
                       "counterpart"},
              "head_of_state": {"head_of_state", "counterpart"},
              "head_of_government": {"head_of_government", "counterpart"}}
    group = [p for p in participants if p.country and (p.role_class in wanted.get(cls, {cls}) or (
        # "Председатель КНР": the chairman of a state, not of a body, is its head
        cls in ("head_of_state", "head") and p.role_class == "chair" and p.role_en == "Chairman"))]
    countries = [p.country for p in group]
    if len(group) < 2 or len(set(countries)) != len(countries):
        return []  # not unambiguous
    s, e = ann.tokens[ref.first].start, ann.tokens[ref.last].end
    return [(p, s, e) for p in group]


def period(title: str, lex: Lexicon) -> tuple[int, int, int, int] | None:
    """Validity years from a title ("for 2026-2027", "2024-cü il üçün"): (from, to, start, end)."""
    folded, original = squeeze_spaces(fold(title))  # no backtracking over long blank runs
    for pat in lex.value("period_patterns", []) or []:
        rx = (str(pat).replace("{Y1}", r"(?P<y1>(?:19|20)\d\d)").replace("{Y2}", r"(?P<y2>(?:19|20)\d\d)")
              .replace("{Y}", r"(?P<y1>(?:19|20)\d\d)"))
        m = re.search(rx, folded)
        if m:
            y1 = int(m.group("y1"))
            y2 = int(m.group("y2")) if "y2" in m.groupdict() and m.group("y2") else y1
            if y1 <= y2 <= y1 + 30:
                return y1, y2, original(m.start()), original(m.end())
    return None


__all__ = ["DocMention", "Signing", "doc_mentions", "signings", "signers", "period", "cite"]
