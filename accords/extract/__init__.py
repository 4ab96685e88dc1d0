"""Document → facts with citations (the rule-based extractor).

``extract(doc)`` is pure: the same document and lexicons give the same facts.
"""

from __future__ import annotations

import re
from dataclasses import replace

from accords import lexicon
from accords.extract.agreements import DocMention, Signing, doc_mentions, period, signers, signings
from accords.extract.annotate import Annotated, annotate
from accords.extract.dates import DateMention, iso_header, numeric_dates, word_dates
from accords.extract.people import DocPerson, cite, collect_people
from accords.lexicon import Lexicon, Match
from accords.model import AgreementFact, Citation, DocFacts, Document, MeetingFact, PartialDate, PersonFact
from accords.names import skeleton, transliterate
from accords.text import split_sentences, tokenize

EXTRACTOR_VERSION = "1"
KIND_ORDER = ("phone_call", "commission_session", "summit", "consultations", "talks", "meeting")


def extract(doc: Document) -> DocFacts:
    """Every meeting and signed agreement the document states, each value cited."""
    lex = lexicon.load(doc.language)
    text = doc.text
    header = iso_header(text, doc.body_start)
    content_start = header.end if header else doc.body_start
    sentences = split_sentences(text, content_start, lex.words("abbreviations"))
    anns = [annotate(text, s, lex) for s in sentences]
    published, basis, pcite = publication_date(doc, lex, header)
    doc = _with_published(doc, published, basis, pcite)
    dateline = _dateline(anns, lex)
    people = collect_people(text, doc.source_id, anns, lex)
    facts = DocFacts(doc)
    events = [a for a in anns if a is not dateline and _is_event(a)]
    participants = [p for p in people if any(anns[si] in events for si, _ in p.mentions)]
    meeting = _meeting(doc, anns, events, participants, dateline, lex)
    if meeting is not None:
        facts.meetings.append(meeting)
    facts.agreements = _agreements(doc, anns, people, participants, meeting, lex)
    if meeting is not None and meeting.date.year is None:
        year = _infer_year(doc, facts.agreements)
        if year is not None:
            meeting.date = PartialDate(year, meeting.date.month, meeting.date.day)
            meeting.date_basis = "inferred"
            for a in facts.agreements:
                if a.meeting_local_id == meeting.local_id:
                    a.signed_date = meeting.date
    return facts


def _with_published(doc: Document, published: PartialDate | None, basis: str | None,
                    pcite: Citation | None) -> Document:
    return replace(doc, published=published, published_basis=basis, published_cite=pcite)


def publication_date(doc: Document, lex: Lexicon, header: DateMention | None
                     ) -> tuple[PartialDate | None, str | None, Citation | None]:
    """From front matter, a ``date`` header, or a stamp/date line near the top (not a page clock)."""
    text = doc.text
    meta = doc.meta.get("published")
    if meta:
        parts = [int(p) for p in meta.split("-")]
        return PartialDate(*parts), "front_matter", None
    if header is not None:
        return header.date, "header", _line_cite(doc, header.start, header.end)
    weekdays = lex.words("weekdays")
    pos = doc.body_start
    for _ in range(12):
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        line = text[pos:end]
        if line.strip() and len(line.strip()) <= 60:
            toks = tokenize(text, pos, end)
            clock = line.lstrip().startswith(("•", "·")) or (toks and toks[0].fold in weekdays)
            found = numeric_dates(text, pos, end) + word_dates(toks, lex, text)
            found = [d for d in found if d.date.year is not None]
            if found and not clock:
                d = found[0]
                return d.date, "header", _line_cite(doc, d.start, d.end)
        if nl == -1:
            break
        pos = nl + 1
    return None, None, None


def _line_cite(doc: Document, start: int, end: int) -> Citation:
    text = doc.text
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return Citation(doc.source_id, start, end, text[start:end], ls, len(text) if le == -1 else le)


def _dateline(anns: list[Annotated], lex: Lexicon) -> Annotated | None:
    """An agency dateline ("BAKU, Azerbaijan, December 3." / "ТАШКЕНТ, 20 окт —")."""
    for ann in anns[:4]:
        first = ann.tokens[0]
        m = ann.at.get(0)
        if first.text.isupper() and m is not None and m.category == "cities" and ann.dates:
            return ann
    return None


def _strong(ann: Annotated, m: Match) -> bool:
    """A verb trigger, or an event noun with a "was held" verb after it in its clause."""
    if m.term.get("strength") == "strong":
        return True
    return m.value != "visit" and any(
        h.category == "held_verbs" and h.first > m.last and ann.clause[h.first] == ann.clause[m.first]
        for h in ann.matches)


def _is_event(ann: Annotated) -> bool:
    return any(
        m.category in ("meeting_triggers", "participation", "signing_active", "signing_passive")
        and not ann.cancelled(m)
        for m in ann.matches
    )


def _meeting(doc: Document, anns: list[Annotated], events: list[Annotated], participants: list[DocPerson],
             dateline: Annotated | None, lex: Lexicon) -> MeetingFact | None:
    triggers = [(a, m) for a in events for m in a.of("meeting_triggers") if not a.cancelled(m)]
    if not triggers:
        return None
    kind_ann, kind_m = _choose_kind(triggers)
    text = doc.text
    country_cites: dict[str, Citation] = {}
    home = lex.value("home_country")
    for a in events:
        if not any(m.category in ("meeting_triggers", "participation") and not a.cancelled(m)
                   for m in a.matches):
            continue
        titles = [(d.start, d.end) for d in doc_mentions(a, lex) if not d.generic]
        for m in a.matches:
            if any(s <= a.tokens[m.first].start < e for s, e in titles):
                continue  # a country named in a document's title is no participant
            code = m.value if m.category == "countries" else (str(home) if m.category == "home_refs" and home else None)
            if code and not a.cancelled(m) and code not in country_cites:
                country_cites[code] = cite(doc.source_id, text, a, a.tokens[m.first].start, a.tokens[m.last].end)
    for p in participants:
        if p.country and p.country not in country_cites:
            country_cites[p.country] = p.country_cite or p.role_cite or p.name_cite
    if len(country_cites) < 2:
        return None
    date, basis, dcite = _meeting_date(doc, anns, events, dateline)
    city, city_basis, city_cite = _city(doc, anns, events)
    kind_cite = cite(doc.source_id, text, kind_ann, kind_ann.tokens[kind_m.first].start,
                     kind_ann.tokens[kind_m.last].end)
    meeting = MeetingFact("m1", kind_m.value, kind_cite, tuple(sorted(country_cites)), country_cites,
                          date, basis, dcite, city, city_basis, city_cite)
    meeting.participants = [_person_fact(p, doc.language) for p in participants]
    return meeting


def _choose_kind(triggers: list[tuple[Annotated, Match]]) -> tuple[Annotated, Match]:
    strong = [(a, m) for a, m in triggers if _strong(a, m)]
    weak = [(a, m) for a, m in triggers if not _strong(a, m)]
    for group in (strong, weak):
        non_visit = [(a, m) for a, m in group if m.value != "visit"]
        if non_visit:
            return non_visit[0]
        if group:
            return group[0]
    return triggers[0]


def _meeting_date(doc: Document, anns: list[Annotated], events: list[Annotated],
                  dateline: Annotated | None) -> tuple[PartialDate, str, Citation | None]:
    pub = doc.published
    for a in events:
        if not any(m.category in ("meeting_triggers", "participation") and not a.cancelled(m)
                   for m in a.matches):
            continue
        for d in a.dates:
            if d.date.month is None:
                continue
            date = PartialDate(d.date.year, d.date.month, None) if d.is_range else d.date
            return _with_year(date, pub), "stated", cite(doc.source_id, doc.text, a, d.start, d.end)
    if dateline is not None and dateline.dates:
        d = dateline.dates[0]
        return _with_year(d.date, pub), "dateline", cite(doc.source_id, doc.text, dateline, d.start, d.end)
    if pub is not None:
        date = pub
        ranges = [d for a in anns for d in a.dates if d.is_range]
        if pub.day is not None and any(r.date.month == pub.month and (r.date.year in (None, pub.year))
                                       for r in ranges):
            date = PartialDate(pub.year, pub.month, None)  # a multi-day period: the day is not known
        return date, "published", doc.published_cite
    return PartialDate(), "unknown", None


def _with_year(d: PartialDate, pub: PartialDate | None) -> PartialDate:
    if d.year is not None or pub is None or pub.year is None:
        return d
    year = pub.year
    if pub.month is not None and d.month is not None and d.month > pub.month:
        year -= 1  # an event reported after the new year
    return PartialDate(year, d.month, d.day)


def _city(doc: Document, anns: list[Annotated], events: list[Annotated]) -> tuple[str | None, str | None, Citation | None]:
    for a in events:
        for m in a.of("cities"):
            if not a.cancelled(m):
                return m.value, "stated", cite(doc.source_id, doc.text, a, a.tokens[m.first].start,
                                                a.tokens[m.last].end)
    for a in anns:
        for m in a.of("landmarks"):
            return m.value, "landmark", cite(doc.source_id, doc.text, a, a.tokens[m.first].start,
                                              a.tokens[m.last].end)
    return None, None, None


def _person_fact(p: DocPerson, language: str) -> PersonFact:
    return PersonFact(
        name=p.name, name_cite=p.name_cite, surname_key=p.key, country=p.country,
        country_cite=p.country_cite, role_en=p.role_en, role_cite=p.role_cite, role_class=p.role_class,
        language=language, name_en=p.name if language == "en" else transliterate(p.base or p.name, language),
    )


def _agreements(doc: Document, anns: list[Annotated], people: list[DocPerson],
                participants: list[DocPerson], meeting: MeetingFact | None, lex: Lexicon) -> list[AgreementFact]:
    by_key = {p.key: p for p in people}
    text = doc.text
    agreements: list[AgreementFact] = []
    antecedents: list[tuple[str, int, int, bool, frozenset[str]]] = []  # kind, start, end, quoted, topic
    for a in anns:
        mentions = doc_mentions(a, lex)
        sigs = signings(a, lex)
        if not sigs:
            antecedents.extend((d.kind, d.start, d.end, d.quoted, d.topic) for d in mentions if not d.generic)
            continue
        sentence_agreements: list[AgreementFact] = []
        additive = {m.first for m in a.of("additive")}
        for d in mentions:
            if d.last + 1 in additive:
                target = None  # "... saziş də imzalanıb": another document
            elif d.generic:
                target = _antecedent_agreement(agreements)
            else:
                target = _find_same(agreements, d)
            if target is None and d.generic:
                ante = next((x for x in reversed(antecedents) if d.kind in ("other", x[0])), None)
                if ante is not None:
                    kind, s, e, quoted, topic = ante
                    target = _new_agreement(doc, a, lex, kind, s, e, quoted, topic, len(agreements), meeting, sigs)
                    agreements.append(target)
            if target is None:
                target = _new_agreement(doc, a, lex, d.kind, d.start, d.end, d.quoted, d.topic,
                                        len(agreements), meeting, sigs)
                agreements.append(target)
            elif not d.generic and (d.quoted and not target.quoted or
                                    (d.quoted == target.quoted and d.end - d.start > len(target.title))):
                _retitle(target, doc, a, d.start, d.end, d.quoted, d.topic, lex)
            if target not in sentence_agreements:
                sentence_agreements.append(target)
        for sig in sigs:
            for person, s, e in signers(a, sig, by_key, mentions, participants, lex):
                for ag in sentence_agreements:
                    if all(x.surname_key != person.key for x in ag.signatories):
                        ag.signatories.append(_person_fact(person, doc.language))
                        ag.signatory_cites.append(cite(doc.source_id, text, a, s, e))
    return agreements


def _find_same(agreements: list[AgreementFact], d: DocMention) -> AgreementFact | None:
    """An agreement of this article with the same kind and a compatible topic."""
    for ag in agreements:
        if ag.kind != d.kind:
            continue
        if ag.topic <= d.topic or d.topic <= ag.topic:
            return ag
    return None


def _antecedent_agreement(agreements: list[AgreementFact]) -> AgreementFact | None:
    """A bare "the agreement" / "sənəd" / "Planı" refers to the document just reported,
    whatever its kind ("the agreement" often names the plan reported before it)."""
    # a bare "the agreement" / "sənəd" / "Planı" refers to the document just reported
    return agreements[-1] if agreements else None


def _new_agreement(doc: Document, a: Annotated, lex: Lexicon, kind: str, start: int, end: int, quoted: bool,
                   topic: frozenset[str], n: int, meeting: MeetingFact | None, sigs: list[Signing]) -> AgreementFact:
    text = doc.text
    sig_m = sigs[0].match
    sig_cite = cite(doc.source_id, text, a, a.tokens[sig_m.first].start, a.tokens[sig_m.last].end)
    own_dates = [d for d in a.dates if d.date.month is not None]
    meeting_id = meeting.local_id if meeting is not None else None
    if own_dates and (meeting is None or not own_dates[0].date.compatible(meeting.date)
                      or own_dates[0].date.year not in (None, meeting.date.year)):
        d = own_dates[0]
        signed = _with_year(d.date, doc.published)
        signed_cite = cite(doc.source_id, text, a, d.start, d.end)
        if meeting is not None and not signed.compatible(meeting.date):
            meeting_id = None  # signed on another occasion (background)
    elif meeting is not None:
        signed, signed_cite = meeting.date, meeting.date_cite
    else:
        signed, signed_cite = doc.published or PartialDate(), doc.published_cite
    ag = AgreementFact(
        local_id=f"a{n + 1}", kind=kind, title="", title_cite=sig_cite, signing_cite=sig_cite,
        title_en=None, title_en_basis=None, countries=(), meeting_local_id=meeting_id,
        signed_date=signed, signed_date_cite=signed_cite,
    )
    _retitle(ag, doc, a, start, end, quoted, topic, lex)
    city = [m for m in a.of("cities") if not a.cancelled(m)]
    if city:
        ag.city = city[0].value
        ag.city_cite = cite(doc.source_id, text, a, a.tokens[city[0].first].start, a.tokens[city[0].last].end)
    elif meeting is not None and meeting_id is not None:
        ag.city, ag.city_cite = meeting.city, meeting.city_cite
    countries = sorted({m.value for m in lex.scan(tokenize(text, start, end)) if m.category == "countries"})
    if len(countries) < 2 and meeting is not None and meeting_id is not None:
        countries = list(meeting.countries)
    elif len(countries) < 2:
        countries = sorted({m.value for m in a.of("countries")} | set(countries))
    ag.countries = tuple(countries)
    return ag


def _retitle(ag: AgreementFact, doc: Document, a: Annotated, start: int, end: int, quoted: bool,
             topic: frozenset[str], lex: Lexicon) -> None:
    text = doc.text
    ag.title = re.sub(r"\s+", " ", text[start:end]).strip()
    ag.title_cite = cite(doc.source_id, text, a, start, end)
    ag.quoted = quoted
    ag.topic = ag.topic | topic
    per = period(text[start:end], lex)
    if per is not None:
        ag.valid_from, ag.valid_to = per[0], per[1]
        ag.period_cite = cite(doc.source_id, text, a, start + per[2], start + per[3])
    if doc.language == "en":
        ag.title_en, ag.title_en_basis = ag.title, "source"


def _infer_year(doc: Document, agreements: list[AgreementFact]) -> int | None:
    """A year from consistent context: tagged events ("Xəzri-2023") and plans for next year."""
    body = doc.text[doc.body_start:]
    evidence = [int(y) for y in re.findall(r"[^\W\d_]+-((?:19|20)\d\d)(?!\d)", body)]
    evidence += [a.valid_from - 1 for a in agreements if a.valid_from is not None]
    elapsed = _elapsed_years(doc)
    if elapsed is not None and all(e == elapsed for e in evidence):
        return elapsed  # "established in 1993 ... for 28 years": explicit arithmetic
    # otherwise two independent clues that agree, and none that disagrees
    return evidence[0] if len(evidence) >= 2 and len(set(evidence)) == 1 else None


def _elapsed_years(doc: Document) -> int | None:
    """Year from "N years since" after a base year (lexicon ``elapsed_patterns``)."""
    lex = lexicon.load(doc.language)
    body = doc.text[doc.body_start:]
    for pat in lex.value("elapsed_patterns", []) or []:
        m = re.search(str(pat), body)
        if m is None:
            continue
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", body[: m.start()])]
        if years:
            return years[-1] + int(m.group("n"))
    return None


__all__ = ["extract", "EXTRACTOR_VERSION", "publication_date", "skeleton"]
