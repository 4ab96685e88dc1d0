"""Documents reported as signed: kind, title as written, period, signatories.

Only a past-tense signing verb outside a future/planned clause makes a signing
(``imzalanıb``, ``was signed``, ``imzolandi``, ``подписали``); "will sign",
"approved", "ratified", "agreed" are not in the signing lexicon at all. A bare
passive names no signatory; a passive with an agent ("by the ministers",
"... tomonidan") or an active verb with named subjects does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accords.extract.annotate import Annotated
from accords.extract.people import DocPerson, cite
from accords.lexicon import Lexicon, Match
from accords.names import skeleton
from accords.text import fold

_BOUNDARY_CATEGORIES = frozenset({
    "meeting_triggers", "signing_active", "signing_passive", "participation", "held_verbs",
    "signer_refs", "future", "agent_markers", "passive_aux",
})


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


@dataclass
class Signing:
    """A signing verb and what the sentence says about who signed."""

    match: Match
    voice: str


def topic_words(ann: Annotated, first: int, last: int, lex: Lexicon) -> frozenset[str]:
    """Content words of a title (4-letter prefixes), for telling documents apart."""
    stop = lex.words("stopwords")
    ignore = {"countries", "institutions", "portfolios", "document_kinds", "generic_documents",
              "year_words", "months", "cities", "home_refs", "role_glue", "position"}
    out = set()
    for i in range(first, last + 1):
        tok = ann.tokens[i]
        m = ann.at.get(i)
        if (m is not None and m.category in ignore) or tok.fold in stop or len(tok.fold) < 4:
            continue
        if any(c.isdigit() for c in tok.fold):
            continue
        out.add(tok.fold[:4])
    return frozenset(out)


def doc_mentions(ann: Annotated, lex: Lexicon) -> list[DocMention]:
    """Document phrases of a sentence, one per document (nested kind words dropped)."""
    found: list[DocMention] = []
    toks = ann.tokens
    for m in ann.matches:
        if m.category not in ("document_kinds", "generic_documents"):
            continue
        generic = m.category == "generic_documents"
        q = ann.in_quote(toks[m.first].start, toks[m.last].end)
        if q is not None:
            first = next(i for i, t in enumerate(toks) if t.start >= q[0])
            last = max(i for i, t in enumerate(toks) if t.end <= q[1])
            start, end, quoted = q[0], q[1], True
        else:
            first, last = _extent(ann, m, lex)
            start, end, quoted = toks[first].start, toks[last].end, False
        while end > start and ann.text[end - 1] in " .,;":
            end -= 1
        kind = "other" if generic else m.value
        is_generic = generic or (not quoted and first == m.first and last == m.last)
        found.append(DocMention(kind, is_generic, start, end, quoted,
                                topic_words(ann, first, last, lex), ann.sentence.index, first, last))
    # one document per title: a kind word inside another's title is part of it
    keep = [d for d in found if not any(o is not d and o.start <= d.start and d.end <= o.end
                                        and (o.end - o.start) > (d.end - d.start) for o in found)]
    unique: list[DocMention] = []
    for d in keep:
        if not any(u.start == d.start and u.end == d.end for u in unique):
            unique.append(d)
    if lex.value("head") == "final":
        # in head-final titles the last kind word names the document
        for d in unique:
            kinds = [mm for mm in ann.matches if mm.category == "document_kinds"
                     and d.first <= mm.first and mm.last <= d.last]
            if kinds and not d.generic:
                d.kind = kinds[-1].value
    else:
        for d in unique:
            kinds = [mm for mm in ann.matches if mm.category == "document_kinds"
                     and d.first <= mm.first and mm.last <= d.last]
            if kinds and not d.generic:
                d.kind = kinds[0].value
    return unique


def _extent(ann: Annotated, m: Match, lex: Lexicon) -> tuple[int, int]:
    toks = ann.tokens
    stop = lex.words("title_stop")
    names = {i for nm in ann.names for i in range(nm.first, nm.last + 1)}

    def boundary(i: int, j: int) -> bool:
        """Is there a boundary between adjacent tokens i < j, or is token j itself one?"""
        gap = ann.text[toks[i].end : toks[j].start]
        return any(c in gap for c in ",;:.!?\"“”«»()\n")

    def blocked(i: int) -> bool:
        mm = ann.at.get(i)
        return (toks[i].fold in stop
                or (mm is not None and mm.category in _BOUNDARY_CATEGORIES))

    first, last = m.first, m.last
    if lex.value("head") == "final":
        while (first > 0 and m.first - first < 30 and not boundary(first - 1, first)
               and not blocked(first - 1) and first - 1 not in names):
            first -= 1
    else:
        stopwords = lex.words("stopwords")
        determiners = lex.words("determiners")
        while (first > 0 and m.first - first < 5 and not boundary(first - 1, first)
               and not blocked(first - 1) and toks[first - 1].fold not in determiners):
            first -= 1
        while last + 1 < len(toks) and last - m.last < 25 and not boundary(last, last + 1) and not blocked(last + 1):
            last += 1
        # do not end a title on a function word ("... of the")
        while last > m.last and toks[last].fold in stopwords:
            last -= 1
    return first, last


def signings(ann: Annotated, lex: Lexicon) -> list[Signing]:
    """Past signing verbs of a sentence that no future/planned marker cancels."""
    aux = lex.words("passive_aux")
    out = []
    for m in ann.matches:
        if m.category not in ("signing_active", "signing_passive") or ann.cancelled(m):
            continue
        voice = "passive" if m.category == "signing_passive" else "active"
        if voice == "active" and aux:
            before = [ann.tokens[i].fold for i in range(max(0, m.first - 2), m.first)]
            if any(b in aux for b in before):
                voice = "passive"
        out.append(Signing(m, voice))
    return out


def signers(ann: Annotated, sig: Signing, people: dict[str, DocPerson], titles: list[DocMention],
            participants: list[DocPerson], lex: Lexicon) -> list[tuple[DocPerson, int, int]]:
    """People the sentence says signed, with the span naming each (empty for a bare passive)."""
    inside = [(d.start, d.end) for d in titles]
    named = [(nm, people.get(skeleton(nm.surname))) for nm in ann.names]
    named = [(nm, p) for nm, p in named if p is not None
             and not any(s <= nm.start < e for s, e in inside)]
    trig = sig.match
    side = str(lex.value("agent_side", "after"))
    out: list[tuple[DocPerson, int, int]] = []
    if sig.voice == "passive":
        markers = [m for m in ann.of("agent_markers")]
        if lex.value("agent_implicit"):
            chosen = [(nm, p) for nm, p in named if nm.first > trig.last]
        elif not markers:
            return []
        elif side == "after":
            mk = [m for m in markers if m.first > trig.last]
            chosen = [(nm, p) for nm, p in named if mk and nm.first > mk[0].last]
        else:
            mk = [m for m in markers if m.last < trig.first]
            chosen = [(nm, p) for nm, p in named if mk and nm.last < mk[-1].first
                      and ann.clause[nm.last] == ann.clause[mk[-1].first]]
    else:
        chosen = [(nm, p) for nm, p in named if nm.last < trig.first]  # subjects precede the verb
        if not chosen:
            refs = [m for m in ann.of("signer_refs") if m.last < trig.first]
            if refs:
                return _resolve_refs(refs[-1], participants, ann)
    for nm, p in chosen:
        if p is not None and all(p is not q for q, _, _ in out):
            out.append((p, nm.start, nm.end))
    return out


def _resolve_refs(ref: Match, participants: list[DocPerson], ann: Annotated) -> list[tuple[DocPerson, int, int]]:
    """"the ministers signed": the named participants of that class, one per country."""
    cls = ref.value
    wanted = {"minister": {"minister"}, "head": {"minister", "head", "head_of_state",
                                                 "head_of_government", "secretary", "chair"}}
    group = [p for p in participants if p.role_class in wanted.get(cls, {cls}) and p.country]
    countries = [p.country for p in group]
    if len(group) < 2 or len(set(countries)) != len(countries):
        return []  # not unambiguous
    s, e = ann.tokens[ref.first].start, ann.tokens[ref.last].end
    return [(p, s, e) for p in group]


def period(title: str, lex: Lexicon) -> tuple[int, int, int, int] | None:
    """Validity years from a title ("for 2026-2027", "2024-cü il üçün"): (from, to, start, end)."""
    folded = fold(title)
    for pat in lex.value("period_patterns", []) or []:
        rx = (str(pat).replace("{Y1}", r"(?P<y1>(?:19|20)\d\d)").replace("{Y2}", r"(?P<y2>(?:19|20)\d\d)")
              .replace("{Y}", r"(?P<y1>(?:19|20)\d\d)"))
        m = re.search(rx, folded)
        if m:
            y1 = int(m.group("y1"))
            y2 = int(m.group("y2")) if "y2" in m.groupdict() and m.group("y2") else y1
            if y1 <= y2 <= y1 + 30:
                return y1, y2, m.start(), m.end()
    return None


__all__ = ["DocMention", "Signing", "doc_mentions", "signings", "signers", "period", "cite"]
