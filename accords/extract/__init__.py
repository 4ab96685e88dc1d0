"""Document → facts with citations (the rule-based extractor).

``extract(doc)`` is pure: the same document and lexicons give the same facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from accords import lexicon, models
from accords.extract.agreements import (
    DocMention,
    Signing,
    Tree,
    business_document,
    dated_participles,
    doc_mentions,
    named_people,
    period,
    relative_subjects,
    resolve_refs,
    signers,
    signings,
)
from accords.extract.annotate import Annotated, annotate, is_region
from accords.extract.dates import (
    DateMention,
    anchor_years,
    iso_header,
    numeric_dates,
    relative_words,
    resolve_relative,
    weekday_years,
    word_dates,
)
from accords.extract.episodes import (
    Dateline,
    Episode,
    after_word,
    find_dateline,
    is_strong,
    participants_of,
    split_encounters,
    split_episodes,
    strong_trigger,
)
from accords.extract.nlp import RULES, Annotation, annotate_docs, annotators
from accords.extract.people import DocPerson, cite, collect_people, mark_not_people, split_joined_names
from accords.extract.publishers import agency_state, publisher_state
from accords.lexicon import Lexicon, Match
from accords.model import AgreementFact, Citation, DocFacts, Document, MeetingFact, PartialDate, PersonFact
from accords.names import palladius_pinyin, skeleton, transliterate
from accords.text import headline, span_cover, split_sentences, squeeze_spaces, tokenize

EXTRACTOR_VERSION = "1"
KIND_ORDER = ("phone_call", "commission_session", "summit", "consultations", "talks", "meeting")
FORMAL_KINDS = ("commission_session", "summit")  # a body's session: its kind outranks how it was held


def extract(doc: Document, annotation: Annotation | None = None) -> DocFacts:
    """Every meeting and signed agreement the document states, each value cited.

    ``annotation`` is the NLP layer's (:mod:`accords.extract.nlp`); without one, the
    document's language's annotator is asked. Person entities become candidate
    names and lemmas give names their dictionary form; sentences and clauses stay
    the rules' own, which the lexicons are written for.
    """
    if annotation is None:  # the rules give no more than the extractor reads itself: not asked
        annotation = (Annotation(RULES.name, (), ()) if annotators([doc.language])[doc.language] is RULES
                      else annotate_docs([doc])[0])
    lex = lexicon.load(doc.language)
    text = doc.text
    header = iso_header(text, doc.body_start)
    content_start = header.end if header else doc.body_start
    sentences = split_sentences(text, content_start, lex.words("abbreviations"), bool(lex.value("ordinal_dot")))
    spec = models.load_spec()
    persons = annotation.spans(spec.person_labels)
    others = annotation.spans(spec.other_labels)
    lemmas = annotation.lemmas() if doc.language in spec.name_lemmas else {}
    anns = [annotate(text, s, lex, persons, lemmas, others) for s in sentences]
    lex = _with_publisher_home(doc, anns, lex)
    published, basis, pcite = publication_date(doc, lex, header)
    doc = _with_published(doc, published, basis, pcite)
    for sent in anns:
        sent.dates = anchor_years(sent.dates, published)
    dateline = find_dateline(anns)
    split_joined_names(anns, lex)
    people = collect_people(text, doc.source_id, anns, lex)
    mark_not_people(anns, people, lex)
    facts = DocFacts(doc)
    events = [a for a in anns if _is_event(a, lex)]
    main_episode, *background = split_episodes(events, doc.published, dateline, lex)
    episodes = [*split_encounters(main_episode, people, anns), *background]  # main first
    meetings: list[MeetingFact | None] = []
    weekday: int | None = None
    for ep in episodes:
        ep.people = participants_of(people, anns, ep, lex)
        follows = meetings[0] if ep.follows is not None and meetings else None
        meeting, wd = _meeting(doc, anns, ep, dateline, lex, f"m{len(facts.meetings) + 1}", follows,
                               meetings[0] if meetings else None, episodes[0].people)
        weekday = wd if not meetings else weekday
        meetings.append(meeting)
        if meeting is not None:
            facts.meetings.append(meeting)
    facts.agreements = _agreements(doc, anns, people, episodes, meetings, dateline, lex,
                                   headline(text, content_start), annotation.tree())
    main = meetings[0]
    if main is not None and main.date.year is None:
        year = _infer_year(doc, anns, facts.agreements, main.date, weekday, lex)
        if year is not None:
            main.date = PartialDate(year, main.date.month, main.date.day)
            main.date_basis = "inferred"
            for a in facts.agreements:
                if a.meeting_local_id == main.local_id:
                    a.signed_date = main.date
    facts.meetings = _bilateral_calls(doc, facts, lex)
    return facts


def _bilateral_calls(doc: Document, facts: DocFacts, lex: Lexicon) -> list[MeetingFact]:
    """A telephone call of three states or more is as many calls of two: the first named (who
    called) with each other state ("Erdoğan, Aliyev ve Mirziyoyev ile telefonda görüştü"; "bugun
    Rahmon bilan … Shu kuni … Toʻqayev bilan ham telefon orqali suhbatlashdi"). Not a
    videoconference, not a call its sentence calls joint ("trilateral"), not one with a signing."""
    out: list[MeetingFact] = []
    extra: list[MeetingFact] = []
    signed = {a.meeting_local_id for a in facts.agreements}
    text = doc.text
    for m in facts.meetings:
        caller = min(m.participants, key=lambda p: p.name_cite.start, default=None)
        if m.kind != "phone_call" or len(m.countries) < 3 or m.local_id in signed or caller is None \
                or caller.country is None:
            out.append(m)
            continue
        kind = tokenize(text, m.kind_cite.start, m.kind_cite.end)
        context = tokenize(text, m.kind_cite.context_start, m.kind_cite.context_end)
        if not lex.covered("phone_words", kind, 0, len(kind) - 1) \
                or lex.covered("joint_call_words", context, 0, len(context) - 1):
            out.append(m)
            continue
        home = caller.country
        others = [c for c in m.countries if c != home]
        for k, other in enumerate(others):
            pair = tuple(sorted((home, other)))
            people = [p for p in m.participants if p.country in pair or (p.country is None and k == 0)]
            call = replace(m, countries=pair, country_cites={c: m.country_cites[c] for c in pair},
                           participants=people)
            if k == 0:
                out.append(call)
            else:
                extra.append(replace(call, local_id=f"m{len(facts.meetings) + len(extra) + 1}"))
    return out + extra


def _with_publisher_home(doc: Document, anns: list[Annotated], lex: Lexicon) -> Lexicon:
    """An en or ru article (no ``home_country`` in its lexicon) from a publisher of a known state
    (:mod:`accords.extract.publishers`: by its url, else by the agency named in its first lines)
    means that state's officials where it names an office
    alone ("President Ilham Aliyev received …" on an Azerbaijani site), if it names the state
    at all: an article of two other states' leaders leaves such officials without one."""
    if lex.value("home_country") is not None:
        return lex
    url = doc.meta.get("url", "")
    home = publisher_state(url) if url else agency_state(doc.text, doc.body_start)
    if home is None or not any(m.category == "countries" and m.value == home for a in anns for m in a.matches):
        return lex
    return replace(lex, data={**lex.data, "home_country": home})


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
    lines: list[tuple[int, int]] = []
    pos = doc.body_start
    while pos <= len(text):
        nl = text.find("\n", pos)
        lines.append((pos, len(text) if nl == -1 else nl))
        if nl == -1:
            break
        pos = nl + 1
    tail = [(s, e) for s, e in lines if text[s:e].strip()][-3:]
    for k, (pos, end) in enumerate(lines[:12] + tail[::-1]):
        line = text[pos:end]
        if line.strip() and len(line.strip()) <= 60:
            toks = tokenize(text, pos, end)
            clock = line.lstrip().startswith(("•", "·")) or (toks and toks[0].fold in weekdays)
            found = numeric_dates(text, pos, end) + word_dates(toks, lex, text)
            found = [d for d in found if d.date.year is not None]
            if found and not clock and (k < 12 or _only_stamp(text, pos, end, found[0])):
                d = found[0]
                return d.date, "header", _line_cite(doc, d.start, d.end)
    return None, None, None


def _only_stamp(text: str, start: int, end: int, d: DateMention) -> bool:
    """A line at the end of the article that is a date stamp and nothing else ("12.02.2025 17:20")."""
    rest = text[start : d.start] + text[d.end : end]
    return all(not c.isalpha() for c in rest)


def _line_cite(doc: Document, start: int, end: int) -> Citation:
    text = doc.text
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return Citation(doc.source_id, start, end, text[start:end], ls, len(text) if le == -1 else le)


def _is_event(ann: Annotated, lex: Lexicon) -> bool:
    """Does the sentence report a meeting, someone taking part, or a signing (of a document
    between states: "fərman imzalayıb", a decree, is none)?"""
    if any(m.category in ("meeting_triggers", "participation") and not ann.cancelled(m) for m in ann.matches):
        return True
    if not any(m.category in ("signing_active", "signing_passive", "signing_final") for m in ann.matches):
        return False
    return bool(signings(ann, lex)) or any(
        m.category == "signing_final" and not ann.cancelled(m) for m in ann.matches)


def _meeting(doc: Document, anns: list[Annotated], ep: Episode, dateline: Dateline | None, lex: Lexicon,
             local_id: str, follows: MeetingFact | None = None, main: MeetingFact | None = None,
             main_people: list[DocPerson] | None = None) -> tuple[MeetingFact | None, int | None]:
    """The meeting an episode reports (and the weekday written with its date), if it names two states.

    ``follows``: the main meeting of the day, for a later encounter of it (a reception, a side
    meeting), whose date and place are the main meeting's unless its own sentences say otherwise.
    ``main_people``: the main meeting's officials, whom a background meeting of "the heads of
    state" names."""
    triggers = [(a, m) for a in ep.events for m in a.of("meeting_triggers") if not a.cancelled(m)]
    if not triggers:
        return None, None
    kind_ann, kind_m = _choose_kind([(a, m) for a, m in triggers if not _of_title(a, m, lex)] or triggers, lex)
    text = doc.text
    country_cites = _countries(doc, ep, dateline, lex)
    call = kind_m.value == "phone_call"
    city, city_basis, city_cite = (None, None, None) if call else _city(doc, anns, ep, dateline, lex)
    if follows is not None and city is None and not call and follows.kind != "phone_call":
        city, city_basis, city_cite = follows.city, follows.city_basis, follows.city_cite
    host = (lexicon.load("en").value("city_countries") or {}).get(city)
    if len(country_cites) < 2 and host and city_cite and any(m.value == "visit" for _, m in triggers):
        country_cites.setdefault(str(host), city_cite)  # a visit to Tashkent: Uzbekistan is the host
    if len(country_cites) == 1 and ep.background and main is not None and len(main.countries) == 2 \
            and next(iter(country_cites)) in main.countries and any(m.value == "visit" for _, m in triggers):
        # "during President Aliyev's visit to Uzbekistan in 2024", in an article on Azerbaijan and
        # Uzbekistan: the visitor came from the article's other state
        other = next(c for c in main.countries if c not in country_cites)
        country_cites[other] = main.country_cites[other]
    if len(country_cites) < 2 and ep.background and ep.date is not None and main is not None \
            and main.kind == kind_m.value == "commission_session" and set(country_cites) <= set(main.countries):
        # "komissiyaning avvalgi majlisi … Toshkentda o'tgan edi": an earlier session of the
        # article's commission, whose parties are the same
        country_cites = {**main.country_cites, **country_cites}
    referred: list[DocPerson] = []
    if len(country_cites) < 2 and ep.background and ep.date is not None and main is not None \
            and set(country_cites) <= set(main.countries):
        # "davlat rahbarlarining 2023-yil noyabr oyida Samarqandda bo'lib o'tgan uchrashuvi": an
        # earlier meeting of the article's heads of state, named by a plural reference only, on a
        # day of its own ("Avvalroq … davlat rahbarlari … muzokaralar o'tkazdi", undated, may be
        # the reported meeting itself)
        referred = _referred(ep, main_people or [])
        if {p.country for p in referred} == set(main.countries):
            country_cites = {**main.country_cites, **country_cites}
    if len(country_cites) < 2:
        return None, None
    date, basis, dcite, weekday = _meeting_date(doc, anns, ep, dateline)
    if follows is not None and basis in ("dateline", "published", "unknown"):
        date, basis, dcite = follows.date, follows.date_basis, follows.date_cite  # "the same day"
    kind_cite = cite(doc.source_id, text, kind_ann, kind_ann.tokens[kind_m.first].start,
                     kind_ann.tokens[kind_m.last].end)
    meeting = MeetingFact(local_id, kind_m.value, kind_cite, tuple(sorted(country_cites)), country_cites,
                          date, basis, dcite, city, city_basis, city_cite)
    meeting.participants = [_person_fact(p, doc.language) for p in [*ep.people, *(q for q in referred
                                                                                  if q not in ep.people)]]
    return meeting, weekday


def _referred(ep: Episode, people: list[DocPerson]) -> list[DocPerson]:
    """The officials the first plural reference of the episode's sentences ("the heads of state",
    "the ministers") names among ``people``: one of that rank per state, or none."""
    for a in ep.events:
        for m in a.of("signer_refs"):
            if not a.cancelled(m):
                return [p for p, _, _ in resolve_refs(m, people, a)]
    return []


def _countries(doc: Document, ep: Episode, dateline: Dateline | None, lex: Lexicon) -> dict[str, Citation]:
    """States of the meeting: those named where it is reported and its participants' states; states
    named only where the talks are summed up ("discussed the situation in Afghanistan") count
    only when the rest leave fewer than two."""
    strong: dict[str, Citation] = {}
    weak: dict[str, Citation] = {}
    titled: dict[str, Citation] = {}  # states named only in a document's title
    home = lex.value("home_country")
    for a in ep.events:
        if not any(m.category in ("meeting_triggers", "participation") and not a.cancelled(m)
                   for m in a.matches):
            continue
        found = strong if is_strong(a) else weak
        in_title = span_cover([(d.start, d.end) for d in doc_mentions(a, lex) if not d.generic])
        for m in a.matches:
            if in_title(a.tokens[m.first].start):
                if m.category == "countries" and m.value not in titled:
                    titled[m.value] = cite(doc.source_id, doc.text, a, a.tokens[m.first].start,
                                           a.tokens[m.last].end)
                continue  # a country named in a document's title is no participant
            if dateline is not None and dateline.covers(a, m.first):
                continue  # "BAKU, Azerbaijan, December 3": the agency's place
            code = m.value if m.category == "countries" else (str(home) if m.category == "home_refs" and home else None)
            if code and not a.cancelled(m) and code not in found:
                found[code] = cite(doc.source_id, doc.text, a, a.tokens[m.first].start, a.tokens[m.last].end)
    for p in ep.people:
        if p.country and p.country not in strong:
            strong[p.country] = p.country_cite or p.role_cite or p.name_cite
    found = strong if len(strong) >= 2 else {**weak, **strong}
    if ep.background and len(found) < 2:  # "the Uzbek-Tajik treaty, signed during the state visit
        found = {**titled, **found}       # to Tajikistan": the visit was between the two parties
    return found


def _of_title(ann: Annotated, m: Match, lex: Lexicon) -> bool:
    """An event word of a document's title ("план консультаций", "məsləhətləşmələr planı"): it
    names what the document is about, not the meeting it was signed at."""
    if lex.value("head") == "final":
        near = [ann.at.get(m.last + 1)]
    else:
        near = [ann.at.get(m.first - 1), ann.at.get(m.first - 2)]
    return any(x is not None and x.category == "document_kinds" for x in near)


def _choose_kind(triggers: list[tuple[Annotated, Match]], lex: Lexicon) -> tuple[Annotated, Match]:
    """The first reported-as-held trigger that is not a visit; talks held by phone or video in
    the same sentence ("held talks via videoconference") make a call, a commission's session or a
    summit held by video stays what it is. A session is a summit where the event is told as one
    ("… took part in the meeting of the Council of Heads of State. The meeting was held …")."""
    a, m = _choose_kind_first(triggers)
    if m.value == "commission_session" and m.first == m.last:  # a bare "заседание", "session"
        summit = next(((b, x) for b, x in triggers if x.value == "summit"), None)
        if summit is not None:
            return summit
    if m.value == "visit" and _guest_visit(a, m, lex):  # "… səfərdə olan … nazirlə görüşündə imzalanıb"
        other = next(((b, x) for b, x in triggers if x.value != "visit" and not _occasion(b, x)), None)
        if other is not None:
            return other
    return a, m


def _guest_visit(a: Annotated, m: Match, lex: Lexicon) -> bool:
    """Is the visit word a participle of its guest ("səfərdə olan", ``guest_visits``)?"""
    words = [t.fold for t in a.tokens[m.first : m.last + 1]]
    for term in lex.words("guest_visits"):
        parts = term.split()
        if len(parts) == len(words) and all(
                w.startswith(p[:-1]) if p.endswith("*") else w == p for p, w in zip(parts, words, strict=True)):
            return True
    return False


def _choose_kind_first(triggers: list[tuple[Annotated, Match]]) -> tuple[Annotated, Match]:
    triggers = [(a, m) for a, m in triggers if not _occasion(a, m)] or triggers
    strong = [(a, m) for a, m in triggers if strong_trigger(a, m, participle=False)]
    weak = [(a, m) for a, m in triggers if not strong_trigger(a, m, participle=False)]
    for group in (strong, weak):
        non_visit = [(a, m) for a, m in group if m.value != "visit"]
        if non_visit:
            a, m = non_visit[0]
            if m.value == "phone_call":  # "the commission's session was held by videoconference"
                sessions = [x for x in a.of("meeting_triggers") if x.value in FORMAL_KINDS
                            and not a.cancelled(x) and strong_trigger(a, x)]
                if sessions:
                    return a, sessions[0]
            call = next((x for x in a.of("meeting_triggers") if x.value == "phone_call" and not a.cancelled(x)), None)
            if call is not None and m.value not in FORMAL_KINDS and _body_met(a, m) is None:
                return a, call  # a session of a body held by video stays a session
            if m.value == "meeting" and m.term.get("strength") == "weak":  # "komissiyaning navbatdagi
                # yig'ilishi … bo'lib o'tdi": the session of a body, not just a meeting
                formal = [(b, x) for b, x in triggers if x.value in FORMAL_KINDS]
                if formal:
                    return formal[0]
            body = _body_met(a, m)
            if body is not None:  # "the Intergovernmental Commission … met", "the 12th meeting of the … commission"
                return a, Match(replace(body.term, category="meeting_triggers", value="commission_session")
                                if body.category == "session_bodies" else body.term, body.first, body.last)
            return a, m
        if group:
            return group[0]
    return triggers[0]


def _occasion(a: Annotated, m: Match) -> bool:
    """"на полях заседания", "on the sidelines of the summit", "sammitin kənarında": the event
    word a side marker governs names the occasion of the meeting, not its kind."""
    # head-initial: the marker, then the occasion; head-final: the occasion, then the marker
    return after_word(a, m, "side_markers") or any(s.first - m.last == 1 for s in a.of("side_markers"))


BODY_REACH = 7  # "The Uzbek-Tajik Intergovernmental Commission on Trade and Economic Cooperation met"


def _body_met(a: Annotated, m: Match) -> Match | None:
    """A commission or summit named within a few words of a generic meeting word in its
    clause: the meeting is that body's session (unless it is the occasion: "на полях заседания
    … провел переговоры" are talks)."""
    if m.value not in ("meeting", "talks"):
        return None
    formal = [x for x in a.of("meeting_triggers") if x.value in FORMAL_KINDS]
    for x in formal + a.of("session_bodies"):
        if not a.cancelled(x) and not _occasion(a, x) \
                and a.clause[x.first] == a.clause[m.first] \
                and (0 < m.first - x.last <= BODY_REACH or 0 < x.first - m.last <= BODY_REACH):
            return x
    return None


def _meeting_date(doc: Document, anns: list[Annotated], ep: Episode, dateline: Dateline | None
                  ) -> tuple[PartialDate, str, Citation | None, int | None]:
    """Date, basis and citation: stated in the event's sentences, else a relative word ("yesterday",
    "on Monday") counted from the dateline's day or else the publication date, else the dateline,
    else the publication date."""
    pub = doc.published
    if ep.background and ep.date is not None:
        d, a = ep.date, next(a for a in ep.events if a.sentence.start <= ep.date.start < a.sentence.end)
        date = PartialDate(d.date.year, d.date.month, None) if d.is_range else d.date
        return date, "stated", cite(doc.source_id, doc.text, a, d.start, d.end), d.weekday
    reporting = [a for a in ep.events if any(m.category in ("meeting_triggers", "participation")
                                             and not a.cancelled(m) for m in a.matches)]
    lex = lexicon.load(doc.language)
    for a in reporting:
        of_documents = {(d.start, d.end) for _, d in dated_participles(a, lex)}  # "… 2021-ci ildə imzalanmış X"
        for d in a.dates:
            if d.date.month is None or (dateline is not None and dateline.ann is a and d.start < _dl_end(dateline)) \
                    or (d.start, d.end) in of_documents:
                continue
            date = PartialDate(d.date.year, d.date.month, None) if d.is_range else d.date
            return _with_year(date, pub), "stated", cite(doc.source_id, doc.text, a, d.start, d.end), d.weekday
    if ep.background:  # "Earlier, the ministers met …": some day before the report, not its own
        return PartialDate(), "unknown", None, None
    anchor = _relative_anchor(doc, dateline)
    # the meeting's own sentences first, then its signing ones ("… met in Baku. They signed the
    # agreement on Tuesday": the event was on Tuesday)
    told = {id(a) for a in reporting}
    signing = [a for a in ep.events if id(a) not in told and any(
        m.category in ("signing_active", "signing_passive", "signing_final") and not a.cancelled(m) for m in a.matches)]
    for a in reporting + signing:
        found = _relative_day(doc, a, anchor) if anchor is not None else None
        if found is not None:
            return found[0], "relative", found[1], None
    told_by_dateline = _dateline_day(doc, dateline)
    if told_by_dateline is not None and dateline is not None and dateline.date is not None:
        return told_by_dateline[0], "dateline", told_by_dateline[1], dateline.date.weekday
    if pub is not None:
        date = pub
        ranges = [d for a in anns for d in a.dates if d.is_range]
        if pub.day is not None and any(r.date.month == pub.month and (r.date.year in (None, pub.year))
                                       for r in ranges):
            date = PartialDate(pub.year, pub.month, None)  # a multi-day period: the day is not known
        return date, "published", doc.published_cite, None
    return PartialDate(), "unknown", None, None


def _dateline_day(doc: Document, dateline: Dateline | None) -> tuple[PartialDate, Citation] | None:
    """The date the text's dateline gives ("TASHKENT, April 8"), its year from the publication
    date where it has none, with its citation."""
    if dateline is None or dateline.date is None:
        return None
    d = dateline.date
    date = _with_year(d.date, doc.published)
    return date, cite(doc.source_id, doc.text, dateline.ann, d.start, d.end)


def _relative_anchor(doc: Document, dateline: Dateline | None) -> PartialDate | None:
    """The day "on Friday" and "yesterday" count from: the text's own dateline when it gives a day
    ("ASTANA, 14 November 2026", the day the report was filed), else the publication date."""
    pub = doc.published
    dl_date = _with_year(dateline.date.date, pub) if dateline is not None and dateline.date else None
    if dl_date is not None and dl_date.day is not None:
        return dl_date
    return pub if pub is not None and pub.day is not None else dl_date


def _relative_day(doc: Document, a: Annotated, anchor: PartialDate) -> tuple[PartialDate, Citation] | None:
    """The day a relative word of the sentence ("yesterday", "on Tuesday") names, with its citation."""
    spans = [(d.start, d.end) for d in a.dates]
    for rel in relative_words(a.matches):
        s, e = a.tokens[rel.match.first].start, a.tokens[rel.match.last].end
        day = resolve_relative(rel, anchor)
        if day is None or a.cancelled(rel.match) or any(ds <= s < de for ds, de in spans):
            continue
        return day, cite(doc.source_id, doc.text, a, s, e)
    return None


def _dl_end(dateline: Dateline) -> int:
    return dateline.ann.tokens[dateline.last].end


def _with_year(d: PartialDate, pub: PartialDate | None) -> PartialDate:
    if d.year is not None or pub is None or pub.year is None:
        return d
    year = pub.year
    if pub.month is not None and d.month is not None and d.month > pub.month:
        year -= 1  # an event reported after the new year
    return PartialDate(year, d.month, d.day)


def _city(doc: Document, anns: list[Annotated], ep: Episode, dateline: Dateline | None,
          lex: Lexicon) -> tuple[str | None, str | None, Citation | None]:
    """The city named where the event is reported (strong sentences first); not the agency's
    dateline, not a city in a document's title, in a route ("Baku-Tbilisi-Kars") or in a
    list of cities ("Aktau və Bakı limanları": no one of them is stated as the venue)."""
    ordered = [a for a in ep.events if is_strong(a)] + [a for a in ep.events if not is_strong(a)]
    coordinators = lex.words("coordinators")
    for a in ordered:
        titles = [(d.start, d.end) for d in doc_mentions(a, lex) if not d.generic]
        for m in a.of("cities"):
            s, e = a.tokens[m.first].start, a.tokens[m.last].end
            if a.cancelled(m) or (dateline is not None and dateline.covers(a, m.first)) \
                    or any(ts <= s < te for ts, te in titles) or _route(a, m) or _listed_city(a, m, coordinators) \
                    or is_region(a, m):
                continue
            return m.value, "stated", cite(doc.source_id, doc.text, a, s, e)
    if ep.background or ep.follows is not None:
        return None, None, None
    for a in anns:
        for m in a.of("landmarks"):
            return m.value, "landmark", cite(doc.source_id, doc.text, a, a.tokens[m.first].start,
                                              a.tokens[m.last].end)
    return None, None, None


def _listed_city(a: Annotated, m: Match, coordinators: frozenset[str]) -> bool:
    """A city next to another, with only a comma or one coordinator ("and", "və", "и") between."""
    toks = a.tokens

    def gap(i: int, j: int) -> str:  # the text between tokens i < j
        return a.text[toks[i].end : toks[j].start].strip()

    def city(k: int) -> bool:
        return 0 <= k < len(toks) and (n := a.at.get(k)) is not None and n.category == "cities"

    def joined(i: int, j: int, beyond: int) -> bool:  # tokens i < j adjacent; ``beyond`` one further out
        near = j if beyond > j else i  # the token next to the city, on the far side
        if gap(i, j) == ",":
            return city(near)
        return not gap(i, j) and toks[near].fold in coordinators and 0 <= beyond < len(toks) \
            and not gap(min(near, beyond), max(near, beyond)) and city(beyond)

    before, after = m.first - 1, m.last + 1
    return (before >= 0 and joined(before, m.first, before - 1)) or \
        (after < len(toks) and joined(m.last, after, after + 1))


def _route(a: Annotated, m: Match) -> bool:
    """A city joined by a dash to another place name: a route or a format, not a venue. A dash
    with spaces joins a place only to a known one ("Baku – Tbilisi"); after another word it is
    the sentence's ("ҚазАқпарат – Бейжіңде …": the agency, then the report)."""
    toks = a.tokens

    def joined(i: int, j: int, other: int) -> bool:
        gap = a.text[toks[i].end : toks[j].start]
        if gap.strip() not in ("-", "–", "—") or not toks[other].is_upper_initial:
            return False
        place = a.at.get(other)
        return gap == gap.strip() or (place is not None and place.category in ("cities", "countries"))

    before = m.first > 0 and joined(m.first - 1, m.first, m.first - 1)
    after = m.last + 1 < len(toks) and joined(m.last, m.last + 1, m.last + 1)
    return before or after


def _name_en(p: DocPerson, language: str) -> str:
    """English press spelling; names of some countries' people follow their own convention
    (an Azerbaijani text writes Олег as "Oleq": Oleg in English), per the lexicon's foreign_names;
    a Chinese name in Cyrillic is read back into pinyin (:func:`accords.names.palladius_pinyin`)."""
    name = " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in (p.base or p.name).split())
    if p.country == "CN":  # "Си Цзиньпин": Xi Jinping, by the Palladius system, where every word reads so
        suffixes = sorted(lexicon.load(language).suffixes("name_case_suffixes"), key=len, reverse=True)
        pinyin = [palladius_pinyin(w) or next(  # "Ван Иді" (kk accusative): И
            (y for s in suffixes if w.lower().endswith(s) and len(w) > len(s)
             and (y := palladius_pinyin(w[: len(w) - len(s)])) is not None), None) for w in name.split()]
        if pinyin and all(pinyin):
            return " ".join(w for w in pinyin if w)
    foreign = lexicon.load(language).value("foreign_names") or {}
    if p.country and p.country in (foreign.get("countries") or []):
        letters = foreign.get("letters") or {}
        name = "".join(_respell(ch, letters) for ch in name)
    return transliterate(name, language)


def _respell(ch: str, letters: dict[str, str]) -> str:
    rep = letters.get(ch.lower())
    if rep is None:
        return ch
    return rep[:1].upper() + rep[1:] if ch.isupper() else rep


def _person_fact(p: DocPerson, language: str) -> PersonFact:
    return PersonFact(
        name=p.name, name_cite=p.name_cite, surname_key=p.key, country=p.country,
        country_cite=p.country_cite, role_en=p.role_en, role_cite=p.role_cite, role_class=p.role_class,
        language=language, name_en=p.name if language == "en" else _name_en(p, language),
        name_base=p.base if p.base and p.base != p.name else None,
    )


def _agreements(doc: Document, anns: list[Annotated], people: list[DocPerson], episodes: list[Episode],
                meetings: list[MeetingFact | None], dateline: Dateline | None,
                lex: Lexicon, head: tuple[int, int] | None = None, tree: Tree | None = None
                ) -> list[AgreementFact]:
    """The documents reported as signed, one each however often the article names it.

    A document named only in the headline ("… sign transport agreement") is one the body
    reports in full ("… agreement on international road transport"), in other words: it
    is folded into the body's document of its kind when there is one."""
    by_key = {p.key: p for p in people}
    text = doc.text
    episode_of = {id(a): k for k, ep in enumerate(episodes) for a in ep.events}
    agreements: list[AgreementFact] = []
    of_kind: dict[str, list[AgreementFact]] = {}  # the same agreements by kind, for _find_same
    antecedents: list[tuple[str, int, int, bool, frozenset[str]]] = []  # kind, start, end, quoted, topic
    last_group: list[AgreementFact] = []  # the documents of the last signing: "the documents were signed by"
    headline_only: set[int] = set()  # agreements named in the headline and nowhere else (so far)
    in_body: set[int] = set()
    pair = next((m for m in meetings if m is not None and len(m.countries) == 2), None)
    lead: _ListLead | None = None  # "the following documents were signed:", while its items last
    marked = False  # the sentence before was a list item's number alone ("1.")
    last_item: Annotated | None = None
    for n, a in enumerate(anns):
        found = doc_mentions(a, lex)  # a document of companies, banks or universities is none of the states'
        mentions = [d for d in found if not business_document(a, d, found, lex)]
        sigs = signings(a, lex)
        if lead is not None and _BARE_MARK.fullmatch(text, a.sentence.start, a.sentence.end):
            marked = True  # "1." split off as a sentence of its own: the item is the next one
            continue
        item = lead is not None and not sigs and (marked or _list_item(text, a))
        marked = False
        # "… Memorandumu. Sənədi nazirlər X və Y imzalayıblar;": more of the item, on its line
        more = lead is not None and not item and last_item is not None \
            and "\n" not in text[last_item.sentence.end : a.sentence.start]
        # "… a number of documents were signed, among them:" and a list: its documents are the list's
        announces = _announces_list(text, a, anns[n + 1] if n + 1 < len(anns) else None)
        if lead is not None and not item and not more:
            lead = last_item = None
        if item and lead is not None:
            _list_documents(doc, a, lex, mentions, lead, agreements, of_kind, in_body, dateline, pair)
            last_item = a
            continue
        if more:
            last_item = a
        if not sigs:
            for participle, when in dated_participles(a, lex):  # "2021-ci ildə imzalanmış Şuşa Bəyannaməsi"
                d = _participle_document(mentions, participle, lex)
                same = None if d is None else _find_same(of_kind.get(d.kind, []), d, period(text[d.start:d.end], lex))
                if same is not None and not same.signed_date.compatible(when.date):
                    same = None  # signed on another day: another document of that kind
                if d is not None and same is None:
                    ag = _new_agreement(doc, a, lex, d.kind, d.start, d.end, d.quoted, d.topic, len(agreements),
                                        None, [Signing(participle, "passive")], Episode([a], True, when),
                                        dateline, pair)
                    ag.signed_date = _with_year(when.date, doc.published) if when.date.month else when.date
                    ag.signed_date_cite = cite(doc.source_id, text, a, when.start, when.end)
                    for person, s, e in relative_subjects(a, participle, named_people(a, by_key, mentions), lex):
                        if all(x.surname_key != person.key for x in ag.signatories):
                            ag.signatories.append(_person_fact(person, doc.language))
                            ag.signatory_cites.append(cite(doc.source_id, text, a, s, e))
                    agreements.append(ag)
                    of_kind.setdefault(ag.kind, []).append(ag)
                    in_body.add(id(ag))
            antecedents.extend((d.kind, d.start, d.end, d.quoted, d.topic) for d in mentions if not d.generic)
            continue
        k = episode_of.get(id(a), 0)
        ep, meeting = episodes[k], meetings[k]
        in_headline = head is not None and head[0] <= a.sentence.start and a.sentence.end <= head[1]
        sentence_agreements: list[AgreementFact] = []
        if announces and not any(not d.generic for d in mentions):
            mentions = []
        elif not any(not d.generic for d in mentions) and any(not a.cancelled(m) for m in a.of("plural_documents")):
            sentence_agreements.extend(last_group)
        additive = {m.first for m in a.of("additive")}
        for d in mentions:
            if d.counted:
                continue  # "three documents were signed": which ones, the text says elsewhere or not at all
            if d.last + 1 in additive:
                target = None  # "... saziş də imzalanıb": another document
            elif d.generic:
                target = _antecedent_agreement(agreements)
                if target is not None and d.kind not in ("other", "agreement", target.kind):
                    target = None  # a bare "Deklarasyonu" is no earlier memorandum
            else:
                target = _find_same(of_kind.get(d.kind, []), d, period(text[d.start:d.end], lex))
                if target is not None and ep.date is not None and not target.signed_date.compatible(ep.date.date):
                    target = None  # "31 марта … подписали Договор о точке стыка границ": not the one of 13 March
            if target is None and d.generic:
                ante = next((x for x in reversed(antecedents) if d.kind in ("other", x[0])), None)
                if ante is None and d.kind == "other" and not d.topic:
                    continue  # "two documents were signed": no document named or described, none recorded
                if ante is None:
                    ante = (d.kind, d.start, d.end, d.quoted, d.topic)  # "подписан протокол": a bare kind
                kind, s, e, quoted, topic = ante
                target = _new_agreement(doc, a, lex, kind, s, e, quoted, topic, len(agreements), meeting,
                                        sigs, ep, dateline, pair)
                agreements.append(target)
                of_kind.setdefault(target.kind, []).append(target)
            if target is None:
                target = _new_agreement(doc, a, lex, d.kind, d.start, d.end, d.quoted, d.topic,
                                        len(agreements), meeting, sigs, ep, dateline, pair)
                agreements.append(target)
                of_kind.setdefault(target.kind, []).append(target)
            elif not d.generic and (d.quoted and not target.quoted or
                                    (d.quoted == target.quoted and d.end - d.start > len(target.title))
                                    or target.valid_from is None and period(text[d.start:d.end], lex)
                                    # the body names what the headline only announced
                                    or (id(target) in headline_only and not in_headline and not target.quoted)):
                _retitle(target, doc, a, d.start, d.end, d.quoted, d.topic, lex)
            if all(target is not x for x in sentence_agreements):
                sentence_agreements.append(target)
            (headline_only if in_headline and id(target) not in in_body else in_body).add(id(target))
            if not in_headline:
                headline_only.discard(id(target))
        named = named_people(a, by_key, mentions)
        # "the two ministers" of a background signing: the article's officials
        referred = [*ep.people, *(p for p in episodes[0].people if p not in ep.people)] if ep.background else None
        who = [(person, s, e) for sig in sigs for person, s, e in signers(a, sig, by_key, mentions, ep.people, lex,
                                                                         named, tree, referred)]
        for person, s, e in who:
            for ag in sentence_agreements:
                if all(x.surname_key != person.key for x in ag.signatories):
                    ag.signatories.append(_person_fact(person, doc.language))
                    ag.signatory_cites.append(cite(doc.source_id, text, a, s, e))
        last_group = sentence_agreements or last_group
        if not sentence_agreements and announces:
            lead = _ListLead(a, sigs, who, ep, meeting)
    return _fold_headline(agreements, headline_only, in_body)


@dataclass
class _ListLead:
    """A sentence that announces a list of signed documents, ending with a colon, and names
    none itself: "По итогам переговоров были подписаны следующие документы:"."""

    ann: Annotated
    sigs: list[Signing]
    signers: list[tuple[DocPerson, int, int]]  # whom the lead says signed, and where
    episode: Episode
    meeting: MeetingFact | None


def _announces_list(text: str, a: Annotated, nxt: Annotated | None) -> bool:
    """Does the sentence end with a colon before an item of a list (the documents it speaks of
    are the list's, not the ones reported before it)?"""
    return text[a.sentence.start : a.sentence.end].rstrip().endswith(":") and nxt is not None \
        and _list_item(text, nxt)


_BARE_MARK = re.compile(r"\s*\d{1,2}[.)]\s*")  # a list item's number split off as a sentence


_LIST_MARK = re.compile(r"\s*(?:[-–—•*·▪●]|\d{1,2}[.)])\s")


def _list_item(text: str, a: Annotated) -> bool:
    """Does the sentence begin a line as an item of a list ("- Соглашение …", "• Memorandum …", "2) …")?"""
    start = a.sentence.start
    if _LIST_MARK.match(text, start) is None:
        return False
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k == 0 or text[k - 1] == "\n"


def _list_documents(doc: Document, a: Annotated, lex: Lexicon, mentions: list[DocMention], lead: _ListLead,
                    agreements: list[AgreementFact], of_kind: dict[str, list[AgreementFact]], in_body: set[int],
                    dateline: Dateline | None, pair: MeetingFact | None) -> None:
    """The documents an item of a signing's list names, signed as the lead says (by whom it says).
    An item that names no kind of document is one all the same, of kind "other" ("– Решение о
    председательстве в Содружестве в 2026 году;"): the lead says its items were signed."""
    found = [(d.kind, d.start, d.end, d.quoted, d.topic) for d in mentions
             if not (d.generic and not (d.counted and d.last > d.first))  # "1) Memorandum …": the item's number
             and _find_same(of_kind.get(d.kind, []), d, period(doc.text[d.start:d.end], lex)) is None]
    if not mentions:
        span = _item_span(doc.text, a)
        if span is not None:
            found = [("other", *span, False, frozenset())]
    # one document per item: a kind word inside its title is part of it
    for kind, start, end, quoted, topic in found[:1]:
        ag = _new_agreement(doc, a, lex, kind, start, end, quoted, topic, len(agreements),
                            lead.meeting, lead.sigs, lead.episode, dateline, pair, sig_ann=lead.ann)
        for person, s, e in lead.signers:
            if all(x.surname_key != person.key for x in ag.signatories):
                ag.signatories.append(_person_fact(person, doc.language))
                ag.signatory_cites.append(cite(doc.source_id, doc.text, lead.ann, s, e))
        agreements.append(ag)
        of_kind.setdefault(ag.kind, []).append(ag)
        in_body.add(id(ag))


def _item_span(text: str, a: Annotated) -> tuple[int, int] | None:
    """The words of a list item, without its mark and closing punctuation."""
    mark = _LIST_MARK.match(text, a.sentence.start)
    start = mark.end() if mark is not None else a.sentence.start
    end = a.sentence.end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ";.,"):
        end -= 1
    return (start, end) if any(c.isalpha() for c in text[start:end]) else None


GENERAL_KIND = "agreement"  # the kind of the general word ("agreement", "соглашение", "saziş")


def _fold_headline(agreements: list[AgreementFact], headline_only: set[int], in_body: set[int]
                   ) -> list[AgreementFact]:
    """Drop documents named only in the headline that the body reports with their kind, or
    that the headline calls by the general word ("agreement") and the body names with a topic
    word in common ("sign agreement on border demarcation": the body's Treaty on the
    Demarcation …); the headline's signatories ("X and Y sign programme") go to the body's
    document when it is the only one that fits."""
    out: list[AgreementFact] = []
    for ag in agreements:
        body = [b for b in agreements if id(b) in in_body
                and (b.kind == ag.kind or (ag.kind == GENERAL_KIND and bool(ag.topic & b.topic)))]
        if id(ag) not in headline_only or not body:
            out.append(ag)
            continue
        if len(body) == 1:
            for person, c in zip(ag.signatories, ag.signatory_cites, strict=True):
                if all(x.surname_key != person.surname_key for x in body[0].signatories):
                    body[0].signatories.append(person)
                    body[0].signatory_cites.append(c)
    return out


def _participle_document(mentions: list[DocMention], participle: Match, lex: Lexicon) -> DocMention | None:
    """The document a signing participle qualifies: the title after it where titles end with
    their kind word ("imzalanmış … Bəyannaməsi"), else the one before it ("Декларация,
    подписанная в 2021 году")."""
    named = [d for d in mentions if not d.generic]
    after = [d for d in named if d.first > participle.last]
    before = [d for d in named if d.last < participle.first]
    if lex.value("head") == "final":
        return after[0] if after else None
    return before[-1] if before else None


MAX_SAME_KIND = 200
"""How many earlier agreements of a kind a document phrase is compared with. An article
reports a handful; the bound keeps a hostile one with thousands linear."""


def _find_same(agreements: list[AgreementFact], d: DocMention,
               years: tuple[int, int, int, int] | None = None) -> AgreementFact | None:
    """An agreement of this article with the same kind and a compatible topic, and the same
    validity years where both titles give them (``years``: :func:`period` of ``d``'s title): the
    roadmap "for 2023–2025" is not the one "for 2026–2028"."""
    for ag in agreements[:MAX_SAME_KIND]:
        if ag.kind != d.kind:
            continue
        if years is not None and ag.valid_from is not None and (ag.valid_from, ag.valid_to) != years[:2]:
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
                   topic: frozenset[str], n: int, meeting: MeetingFact | None, sigs: list[Signing],
                   ep: Episode, dateline: Dateline | None, pair: MeetingFact | None,
                   sig_ann: Annotated | None = None) -> AgreementFact:
    """``sig_ann``: the sentence of the signing when it is not ``a`` (the lead of a list of
    documents: "были подписаны следующие документы:")."""
    text = doc.text
    sig_m = sigs[0].match
    sa = sig_ann or a
    sig_cite = cite(doc.source_id, text, sa, sa.tokens[sig_m.first].start, sa.tokens[sig_m.last].end)
    own_dates = [d for d in a.dates if d.date.month is not None
                 and not (dateline is not None and dateline.ann is a and d.start < _dl_end(dateline))]
    if not own_dates and ep.background and ep.date is not None:
        own_dates = [ep.date]  # "signed in 2009": the background event's year
    anchor = _relative_anchor(doc, dateline) if not own_dates and not ep.background else None
    relative = _relative_day(doc, a, anchor) if anchor is not None else None
    meeting_id = meeting.local_id if meeting is not None else None
    signed_cite: Citation | None
    if relative is not None and (meeting is None or relative[0] != meeting.date):
        signed, signed_cite = relative  # "signed … on Tuesday": the day of the signing sentence
        if meeting is not None and not signed.compatible(meeting.date) and meeting.date_basis in ("stated", "relative"):
            meeting_id = None  # signed on another day than the one the meeting's sentences give
    elif own_dates and (meeting is None or not own_dates[0].date.compatible(meeting.date)
                      or own_dates[0].date.year not in (None, meeting.date.year)
                      or _with_year(own_dates[0].date, doc.published).known_parts() > meeting.date.known_parts()):
        # another day than the meeting's, or the day within the meeting's dates ("met on 18-19
        # November … on 19 November, the ministers signed")
        d = own_dates[0]
        signed = _with_year(d.date, doc.published)
        signed_cite = cite(doc.source_id, text, a, d.start, d.end)
        if meeting is not None and not signed.compatible(meeting.date):
            meeting_id = None  # signed on another occasion (background)
    elif meeting is not None:
        signed, signed_cite = meeting.date, meeting.date_cite
    elif ep.background:  # "Earlier, the two countries signed …": not the report's day
        signed, signed_cite = PartialDate(), None
    elif (told := _dateline_day(doc, dateline)) is not None:
        signed, signed_cite = told  # no meeting: the day the report was filed, as for meetings
    else:
        signed, signed_cite = doc.published or PartialDate(), doc.published_cite
    ag = AgreementFact(
        local_id=f"a{n + 1}", kind=kind, title="", title_cite=sig_cite, signing_cite=sig_cite,
        title_en=None, title_en_basis=None, countries=(), meeting_local_id=meeting_id,
        signed_date=signed, signed_date_cite=signed_cite,
    )
    _retitle(ag, doc, a, start, end, quoted, topic, lex)
    city = [m for m in a.of("cities") if not a.cancelled(m) and not is_region(a, m)]
    if city:
        ag.city = city[0].value
        ag.city_cite = cite(doc.source_id, text, a, a.tokens[city[0].first].start, a.tokens[city[0].last].end)
    elif meeting is not None and meeting_id is not None:
        ag.city, ag.city_cite = meeting.city, meeting.city_cite
    title_toks = tokenize(text, start, end)
    cites: dict[str, Citation] = {}
    for m in lex.scan(title_toks):
        if m.category == "countries" and m.value not in cites:
            cites[m.value] = cite(doc.source_id, text, a, title_toks[m.first].start, title_toks[m.last].end)
    if len(cites) < 2 and meeting is not None and meeting_id is not None:
        cites = dict(meeting.country_cites)
    elif len(cites) < 2:
        for m in a.of("countries"):
            if m.value not in cites:
                cites[m.value] = cite(doc.source_id, text, a, a.tokens[m.first].start, a.tokens[m.last].end)
    if len(cites) < 2 and pair is not None and (a.of("pair_refs") or not cites or set(cites) <= set(pair.countries)):
        cites = dict(pair.country_cites)  # "ikki davlat o'rtasidagi deklaratsiya", "the current agreement",
        # "Özbəkistan naziri … 2023-cü ildə imzalanmış Yol Xəritəsi": the article's two states
    ag.countries = tuple(sorted(cites))
    ag.country_cites = {c: cites[c] for c in ag.countries}
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


def _infer_year(doc: Document, anns: list[Annotated], agreements: list[AgreementFact], day: PartialDate,
                weekday: int | None, lex: Lexicon) -> int | None:
    """A year from consistent context: tagged events ("Xəzri-2023"), plans for next year, and a
    weekday written with the date ("Tuesday, 5 November") that only one candidate year fits."""
    body = doc.text[doc.body_start:]
    tagged = [int(y) for y in re.findall(r"(?<![^\W\d_])[^\W\d_]+-((?:19|20)\d\d)(?!\d)", body)]
    evidence = tagged + [a.valid_from - 1 for a in agreements if a.valid_from is not None]
    if weekday is not None:
        periods = [p[0] for a in anns for d in doc_mentions(a, lex) if not d.generic
                   and (p := period(doc.text[d.start:d.end], lex)) is not None]
        candidates = set(tagged) | {y for p in periods for y in (p - 1, p)}
        fits = weekday_years(day, weekday, sorted(candidates))
        if len(fits) == 1:
            return fits[0]
    elapsed = _elapsed_years(doc)
    if elapsed is not None and all(e == elapsed for e in evidence):
        return elapsed  # "established in 1993 ... for 28 years": explicit arithmetic
    # otherwise two independent clues that agree, and none that disagrees
    return evidence[0] if len(evidence) >= 2 and len(set(evidence)) == 1 else None


def _elapsed_years(doc: Document) -> int | None:
    """Year from "N years since" after a base year (lexicon ``elapsed_patterns``)."""
    lex = lexicon.load(doc.language)
    body = doc.text[doc.body_start:]
    squeezed, original = squeeze_spaces(body)  # no backtracking over long blank runs
    for pat in lex.value("elapsed_patterns", []) or []:
        m = re.search(str(pat), squeezed)
        if m is None:
            continue
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", body[: original(m.start())])]
        if years:
            return years[-1] + int(m.group("n"))
    return None


__all__ = ["extract", "EXTRACTOR_VERSION", "publication_date", "skeleton"]
