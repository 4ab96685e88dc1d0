"""Which sentences report which event, and who took part in it.

An article reports one main event, and often recalls earlier ones ("the Declaration
was signed during the state visit to Tashkent on 21 June 2022"). An event sentence
whose own date lies well before the article's reference date (its publication date,
else the latest date of its events) reports such a background event: it becomes a
meeting or agreement of its own, with its own date, and its countries, people and
city stay out of the main event.

Participants: a sentence that says what someone did ("met", "chaired", "signed", "was
held") is strong evidence; a sentence that only tells what was said at the meeting
("At the meeting the guest praised President X's policy") is weak. People and
countries of weak sentences count only when the strong ones leave the event without
them. A "former minister" is never a participant of the article's own event; in an
event of the past ("signed in 2024 by then Prime Minister X") the office was his.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from accords.extract.agreements import dated_participles
from accords.extract.annotate import Annotated, NameMention
from accords.extract.dates import DateMention, relative_words, year_mentions
from accords.extract.people import DocPerson
from accords.lexicon import Lexicon, Match
from accords.model import PartialDate

BACKGROUND_GAP = timedelta(days=60)  # an event this long before the article's date is background
_DASHES = (" - ", " – ", " — ", " -- ")


@dataclass(frozen=True)
class Dateline:
    """An agency dateline at the start of a sentence: "BAKU, Azerbaijan, December 3 (Trend) -"."""

    ann: Annotated
    last: int  # index of its last token in the sentence
    date: DateMention | None

    def covers(self, ann: Annotated, i: int) -> bool:
        """Is token ``i`` of ``ann`` part of the dateline?"""
        return ann is self.ann and i <= self.last


def find_dateline(anns: list[Annotated]) -> Dateline | None:
    """A sentence near the top starting with a city in capitals ("ТАШКЕНТ, 20 окт —", "ANKARA (AA) -")."""
    for k, ann in enumerate(anns[:4]):
        first = ann.tokens[0]
        m = ann.at.get(0)
        if m is None or m.category != "cities" or len(first.text) <= 2:
            continue
        if m.last == len(ann.tokens) - 1 and k + 1 < len(anns):  # "Ташкент. 2 сентября. REPORT.AZ/"
            nxt = anns[k + 1]
            d = next((d for d in nxt.dates if d.start == nxt.tokens[0].start), None)
            if d is not None:
                return Dateline(nxt, max(i for i, t in enumerate(nxt.tokens) if t.end <= d.end), d)
        if not first.text.isupper() and not _dated_place(ann, m) and not _agency_head(ann):
            continue
        if not _closed(ann, m) and m.last != len(ann.tokens) - 1:
            continue
        head_end = _dateline_end(ann, ann.tokens[m.last].end)
        last = max((i for i, t in enumerate(ann.tokens) if t.end <= head_end), default=m.last)
        dates = [d for d in ann.dates if d.end <= head_end]
        return Dateline(ann, max(last, m.last), dates[0] if dates else None)
    return None


def _dated_place(ann: Annotated, m: Match) -> bool:
    """A city in ordinary case that opens a dateline: a comma or full stop, then at once a
    date ("Bakı, 3 aprel, AZƏRTAC", "Ташкент. 2 сентября. REPORT.AZ/")."""
    end = ann.tokens[m.last].end
    gap = ann.text[end : end + 2]
    return gap[:1] in {",", "."} and any(0 <= d.start - end <= 3 for d in ann.dates)


def _agency_head(ann: Annotated) -> bool:
    """A sentence opening with the agency's name in brackets before a dash: "Tashkent,
    Uzbekistan (Daryo) —", "Baku, December 3 (Trend) -"."""
    window = _head_window(ann)
    cut = _first_dash(window)
    head = window[:cut].rstrip() if cut is not None else ""
    return head.endswith(")") and "(" in head


HEAD_REACH = 80  # characters: where an agency's head line (city, date, agency, dash) ends at the latest


def _head_window(ann: Annotated) -> str:
    return ann.text[ann.sentence.start : min(ann.sentence.end, ann.sentence.start + HEAD_REACH)]


def _first_dash(window: str) -> int | None:
    cuts = [window.find(d) for d in _DASHES if d in window]
    return min(cuts) if cuts else None


def _dateline_end(ann: Annotated, city_end: int) -> int:
    """Where the dateline stops: a dash or an agency's "/ТАСС/." within 80 characters, else
    the end of a short sentence, of a date right after the city, or of the city itself."""
    start, end = ann.sentence.start, ann.sentence.end
    window = _head_window(ann)
    dash, slash = _first_dash(window), window.find("/.")
    cuts = [c for c in (dash, slash + 2 if slash != -1 else None) if c is not None]
    if cuts:
        return start + min(cuts)
    if end - start <= HEAD_REACH:
        return end
    near = [d for d in ann.dates if d.start - city_end <= 30]
    return near[0].end if near else city_end


def _closed(ann: Annotated, m: Match) -> bool:
    """A capitalised city followed by a comma, full stop or bracket: "BISHKEK, ...", "ANKARA (AA)"."""
    after = ann.text[ann.tokens[m.last].end : ann.tokens[m.last].end + 2]
    return after[:1] in {",", "(", "."} or after == " ("


@dataclass
class Episode:
    """Event sentences of one event; ``date`` is a background event's own date."""

    events: list[Annotated]
    background: bool = False
    date: DateMention | None = None
    people: list[DocPerson] = field(default_factory=list)
    guests: set[str] = field(default_factory=set)  # people of a reception its sentences leave unnamed
    follows: Episode | None = None  # the main encounter a later one of the same day follows


def own_date(ann: Annotated, lex: Lexicon, dateline: Dateline | None, published: PartialDate | None = None
             ) -> DateMention | None:
    """The first date a sentence gives with its year (a full date, or a year alone: "in 2019",
    or a year before the publication's: "last year", "ötən il", "в прошлом году")."""
    skip = ann.sentence.start if dateline is None or dateline.ann is not ann else \
        ann.tokens[dateline.last].end
    dated = [d for d in ann.dates if d.date.year is not None and d.date.month is not None and d.start >= skip]
    if published is not None and published.year is not None and published.month is not None:
        # "Tuzcu ile Mavlonov en son 12 Mart'ta … bir araya gelmişti" in a June report: the year is the
        # report's (the one before, for a later month), as a meeting's own date would take it
        dated += [replace(d, date=PartialDate(published.year - (d.date.month > published.month), d.date.month,
                                              d.date.day))
                  for d in ann.dates if d.date.year is None and d.date.month is not None and d.date.day is not None
                  and d.start >= skip and d.year_offset is None]
    years = [d for d in year_mentions(ann.text, skip, ann.sentence.end, lex)]
    if published is not None and published.year is not None:
        for m in ann.of("relative_years"):
            s, e = ann.tokens[m.first].start, ann.tokens[m.last].end
            if int(m.value) < 0 and s >= skip and not any(d.start <= s < d.end for d in ann.dates) \
                    and _said_of_event(ann, m):
                years.append(DateMention(PartialDate(published.year + int(m.value)), s, e))
    of_documents = {(d.start, d.end) for _, d in dated_participles(ann, lex)}  # "… 2021-ci ildə imzalanmış X"
    found = sorted((d for d in dated + years if (d.start, d.end) not in of_documents), key=lambda d: d.start)
    return found[0] if found else None


def split_episodes(events: list[Annotated], published: PartialDate | None, dateline: Dateline | None,
                   lex: Lexicon) -> list[Episode]:
    """The main episode first (possibly empty), then background episodes in text order."""
    dates = {id(a): own_date(a, lex, dateline, published) for a in events}
    told = dateline.date if dateline is not None and dateline.date is not None else None
    reference = _reference(published, told, [d for d in dates.values() if d is not None])
    main = Episode([])
    background: list[Episode] = []
    last: Episode | None = None  # the episode of the sentence before
    for a in events:
        d = dates[id(a)]
        earlier = _told_as_earlier(a, dateline)  # "Earlier, the two countries signed …": before this event
        if d is None and not earlier and last is not None and last.background and _continues(a, last):
            # "Recall that on 31 March 2025 a summit was held in Khujand. There, the presidents
            # signed …"; "… talks in Astana on 17 September 2024. That day, a declaration was signed"
            last.events.append(a)
            continue
        if not earlier and (reference is None or d is None
                            or not (_long_before(d.date, reference) or _last_year(a, d, reference))):
            main.events.append(a)
            last = main
            continue
        # one background event per date; each undated one ("Earlier, …" alone) is its own
        same = None if d is None else next(
            (e for e in background if e.date is not None and e.date.date.compatible(d.date)), None)
        if same is not None:
            same.events.append(a)
        else:
            background.append(Episode([a], True, d))
        last = same or background[-1]
    return [main, *background]


def _continues(ann: Annotated, episode: Episode) -> bool:
    """Does the sentence go on in the paragraph of the episode's last sentence, with no day of its
    own ("today", "on Tuesday")? Then it tells more of that event."""
    before = episode.events[-1]
    between = ann.text[before.sentence.end : ann.sentence.start]
    return before.sentence.end <= ann.sentence.start and "\n" not in between and not relative_words(ann.matches)


def _told_as_earlier(ann: Annotated, dateline: Dateline | None) -> bool:
    """Does the sentence open with a word that puts its event before the one reported
    (``earlier_words``: "Earlier, …", "Ранее …", "Bundan əvvəl …")?"""
    first = dateline.last + 1 if dateline is not None and dateline.ann is ann else 0
    # "Earlier the same day", "Earlier on Tuesday": a day the sentence names, not a day before it
    same_day = [m for m in ann.of("same_day_words") if not ann.cancelled(m)] + [
        r.match for r in relative_words(ann.matches) if not ann.cancelled(r.match)]
    return any(m.first == first and not ann.cancelled(m)
               and not any(0 <= s.first - m.last <= SAME_DAY_REACH or 0 <= m.first - s.last <= SAME_DAY_REACH
                           for s in same_day)
               for m in ann.of("earlier_words"))


SAME_DAY_REACH = 3  # tokens between an earlier word and "the same day" ("Earlier on the same day")


_EVENT_WORDS = frozenset({"meeting_triggers", "held_verbs", "signing_active", "signing_passive", "signing_final"})
LAST_YEAR_REACH = 3  # "nazirlər ötən il Bişkekdə keçirilən görüşdə": the event word this close


def _said_of_event(ann: Annotated, m: Match) -> bool:
    """Is the year word ``m`` said of an event (an event word close by: "ötən il Bişkekdə keçirilən
    görüş", "signed last year"), not of a figure ("trade reached $6.3 billion last year")?"""
    return any(e.category in _EVENT_WORDS and not ann.cancelled(e)
               and (0 < e.first - m.last <= LAST_YEAR_REACH or 0 < m.first - e.last <= LAST_YEAR_REACH)
               for e in ann.matches)


def _last_year(ann: Annotated, d: DateMention, reference: date) -> bool:
    """An event the text itself puts in a year before the article's ("ötən il", "last year":
    :func:`own_date`) is another event, however few days back the new year was."""
    return d.date.month is None and d.date.year is not None and d.date.year < reference.year and any(
        ann.tokens[m.first].start == d.start for m in ann.of("relative_years"))


def _reference(published: PartialDate | None, dateline: DateMention | None, dates: list[DateMention]
               ) -> date | None:
    """The earliest day the article can have been written: its publication, else its dateline's
    day ("Бишкек, 13-март, 2025-жыл."), else its latest event."""
    for told in (published, dateline.date if dateline is not None else None):
        if told is not None and told.year is not None:
            return _earliest(told)
    known = [_earliest(d.date) for d in dates if d.date.year is not None]
    return max(known) if known else None


def _earliest(d: PartialDate) -> date:
    return date(d.year or 1, d.month or 1, d.day or 1)


def _latest(d: PartialDate) -> date:
    if d.month is None:
        return date(d.year or 1, 12, 31)
    nxt = date((d.year or 1) + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1) if d.day is None else date(d.year or 1, d.month, d.day)


def _long_before(d: PartialDate, reference: date) -> bool:
    return d.year is not None and _latest(d) < reference - BACKGROUND_GAP


STRONG_CATEGORIES = frozenset({"participation", "signing_active", "signing_passive", "signing_final"})


def is_strong(ann: Annotated) -> bool:
    """Does the sentence say what someone did (met, chaired, signed), not only what was said?

    Chairing or taking part in a meeting the sentence calls past ("the last meeting of the
    commission, co-chaired by X": ``past_events``) is not taking part in this one."""
    past = any(m.category == "meeting_triggers" and _past_event(ann, m) for m in ann.matches)
    for m in ann.matches:
        if ann.cancelled(m):
            continue
        if m.category in STRONG_CATEGORIES and not (past and m.category == "participation"):
            return True
        if m.category == "meeting_triggers" and strong_trigger(ann, m):
            return True
    return False


def after_word(ann: Annotated, m: Match, category: str) -> bool:
    """Does a ``category`` word stand just before match ``m``, with at most glue words (articles,
    prepositions: ``role_glue``) between, within three tokens? ("the last meeting", "on the
    sidelines of the summit")"""
    k = m.first - 1
    while k >= 0 and m.first - k <= 3:
        d = ann.at.get(k)
        if d is not None and d.category == category:
            return True
        if d is None or d.category != "role_glue":
            return False
        k -= 1
    return False


def _past_event(ann: Annotated, m: Match) -> bool:
    """"the last meeting", "прошлого заседания", "ötən iclasın": a meeting word after a
    ``past_events`` word (articles and glue words may come between) is an earlier meeting."""
    return after_word(ann, m, "past_events")


def referring(ann: Annotated, m: Match) -> bool:
    """A meeting word governed by a ``during_words`` word ("during the talks", "в ходе переговоров",
    "telefon danışığı zamanı"): the event already reported, not a report of one."""
    for k in (m.first - 1, m.first - 2, m.last + 1, m.last + 2):
        d = ann.at.get(k)
        if d is not None and d.category == "during_words" and 0 <= k < len(ann.clause) \
                and ann.clause[k] == ann.clause[m.first if k < m.first else m.last]:
            # (not across a comma: "провели переговоры, в ходе которых …" is the talks' own clause)
            between = range(min(k, m.first) + 1, max(k, m.last)) if k < m.first else range(m.last + 1, k)
            if all(ann.at.get(j) is None or ann.at[j].category == "role_glue" for j in between):
                return True
    return False


def strong_trigger(ann: Annotated, m: Match, participle: bool = True) -> bool:
    """A verb trigger, or an event noun with a "was held" verb in its clause: after it, or
    (``participle``) just before it ("keçirilən görüşdə", "на прошедшей встрече"), or an active
    "held" (``holding_verbs``) anywhere before it ("провел в Кремле переговоры"). A meeting
    word that ``referring`` shows to be the event already told of is none."""
    if referring(ann, m):
        return False
    if m.term.get("strength") == "strong":
        return True
    if m.value == "visit":
        return False
    clause = ann.clause[m.first]
    if ann.latest("held_verbs", clause) > m.last:
        return True  # a "was held" verb after it in its clause (looked up, not searched: linear)
    if 0 <= ann.latest("holding_verbs", clause) < m.first:
        return True  # "провел в Доме правительства переговоры": "held" before it in its clause
    for k in range(max(0, m.first - 3), m.first) if participle else ():
        h = ann.at.get(k)
        if h is not None and h.category == "held_verbs" and h.last == k and ann.clause[h.first] == clause:
            return True
    return False


def split_encounters(main: Episode, people: list[DocPerson], anns: list[Annotated]) -> list[Episode]:
    """The main episode as one or more same-day encounters, the first the article's main one.

    A visit often holds several meetings: talks with a counterpart, then a reception by
    the president, a side meeting on the margins of a summit, a phone call with another
    minister the same day. A sentence that reports a meeting (a strong trigger) starts
    a new encounter when

    - it names someone who is not among the first encounter's people while one of those
      is absent from it ("the guest was also received by President X"), or
    - it is marked as apart (``side_markers``: "on the sidelines", "a separate bilateral
      meeting", "marjında") and names people other than the current encounter's, or
    - it reports a call while the current encounter was held in person, or
    - its people are of two states while the first encounter's were of more (a bilateral
      meeting during a multilateral one).

    Other event sentences go to the encounter whose people include all those they name
    (the current one first), so "Following the talks, the two ministers signed …" stays
    with the talks it follows. Unsure cases stay together: under-splitting loses a
    meeting's second half, over-splitting would invent a meeting. So a split needs a first
    encounter whose people represent two states already, and a new one that does too
    (counting the guest of a reception).
    """
    if not main.events:
        return [main]
    index = {id(a): si for si, a in enumerate(anns)}
    named: dict[int, set[str]] = {}
    for p in people:
        for si, nm in p.mentions:
            if not _former(anns[si], nm.role_first, nm.first):
                named.setdefault(si, set()).add(p.key)
    country = {p.key: p.country for p in people}
    encounters: list[tuple[Episode, set[str], bool]] = []  # episode, its people, held by phone
    met = False  # whether a sentence so far reports a meeting (a signing alone is none yet)
    first_day: tuple[str, int | None] | None = None  # the relative day the first encounter is told on
    for a in main.events:
        who = named.get(index[id(a)], set())
        meets = [m for m in a.of("meeting_triggers") if not a.cancelled(m) and strong_trigger(a, m)]
        call = any(m.value == "phone_call" for m in meets)
        if not encounters:
            encounters.append((Episode([a]), set(who), call))
            met = bool(meets) or _took_part(a)
            first_day = _relative_day(a)
            continue
        if not met:
            # "X and Y signed a programme." … "The signing took place after talks held in Astana,
            # also attended by Z": the talks are the occasion of the signing told first
            encounters[0][0].events.append(a)
            encounters[0] = (encounters[0][0], encounters[0][1] | who, call)
            met = bool(meets) or _took_part(a)
            first_day = first_day or _relative_day(a)
            continue
        first_people = encounters[0][1]
        current, current_people, current_call = encounters[-1]
        apart = any(not a.cancelled(m) for m in a.of("side_markers"))
        named_states = {m.value for m in a.of("countries") if not a.cancelled(m)}
        # a call's other side was not there: no guest of a meeting in person comes from it
        guests = set() if encounters[0][2] else _guests(who, first_people, country, named_states)
        parties = _states(who | guests, country)
        if encounters[0][2]:  # "… met the delegation of Saudi Arabia's ministry": the state it names
            parties = len({country[k] for k in who} - {None} | named_states)
        day = _relative_day(a)
        new = bool(meets) and _states(first_people, country) >= 2 and parties >= 2 and (
            (bool(who - first_people) and bool(first_people - who))
            # "… held today in Dushanbe. The day before, X met Y": another day, another meeting
            # (a weekday may be either of them: only "today" against "yesterday" tells two days apart)
            or (day is not None and first_day is not None and {day[0], first_day[0]} == {"today", "yesterday"})
            # "МОСКВА, 18 апреля. … провел переговоры … Накануне X встретился с Y": the first encounter
            # is told on the report's day, this one on the day before, with someone else
            or (day is not None and day[0] == "yesterday" and first_day is None and bool(who - first_people))
            or (apart and who != current_people)
            or (call and not current_call and bool(who - current_people))
            or (parties == 2 < _states(first_people, country)))  # two of a multilateral meeting's states
        if new:
            encounters.append((Episode([a], guests=guests, follows=encounters[0][0]), who | guests, call))
            continue
        home = next((e for e in reversed(encounters) if who <= e[1]), encounters[-1])
        home[0].events.append(a)
        home[1].update(who)
        if home is encounters[0] and first_day is None:
            first_day = day
    return [e for e, _, _ in encounters]


def _took_part(ann: Annotated) -> bool:
    """Does the sentence report someone taking part in a meeting ("took part in the summit")?"""
    return any(not ann.cancelled(m) for m in ann.of("participation")) and any(
        not ann.cancelled(m) for m in ann.of("meeting_triggers"))


def _relative_day(ann: Annotated) -> tuple[str, int | None] | None:
    """The relative day the sentence tells its event on ("today", "yesterday", a weekday), if any."""
    found = [r for r in relative_words(ann.matches) if not ann.cancelled(r.match)]
    return (found[0].kind, found[0].weekday) if found else None


def _states(keys: set[str], country: dict[str, str | None]) -> int:
    """How many states the people ``keys`` represent (a meeting takes two)."""
    return len({country[k] for k in keys} - {None})


def _guests(who: set[str], first_people: set[str], country: dict[str, str | None],
            named_states: set[str]) -> set[str]:
    """The other side of a meeting whose sentence names one side only: "the guest was received
    by President X" (the first encounter's people of the one other state), "X held a meeting
    with his Turkish counterpart" (its people of the state the sentence names)."""
    states = {country[k] for k in who}
    if len(states) != 1 or None in states:
        return set()
    others = {k for k in first_people if country[k] is not None and country[k] not in states}
    named = {k for k in others if country[k] in named_states}
    if len(named) == 1:
        return named
    return others if len({country[k] for k in others}) == 1 else set()


def participants_of(people: list[DocPerson], anns: list[Annotated], episode: Episode,
                    lex: Lexicon) -> list[DocPerson]:
    """Named officials of an episode: those its strong sentences name, else those its weak ones do.
    Who recalls an earlier event ("Lavrov recalled that …", ``speech_verbs``) took no part in it."""
    inside = {id(a) for a in episode.events}
    strong = {id(a) for a in episode.events if is_strong(a)}
    found: dict[str, list[DocPerson]] = {"strong": [], "weak": []}
    for p in people:
        spots = [(si, nm) for si, nm in p.mentions if id(anns[si]) in inside]
        if not episode.background:  # "then Prime Minister X signed …" in 2024: he took part then
            spots = [(si, nm) for si, nm in spots if not _former(anns[si], nm.role_first, nm.first)]
        spots = [(si, nm) for si, nm in spots if not _authors_of_accords(anns[si], nm)]
        if episode.background:
            spots = [(si, nm) for si, nm in spots if not _speaker(anns[si], nm, lex)]
        if not spots:
            continue
        found["strong" if any(id(anns[si]) in strong for si, _ in spots) else "weak"].append(p)
    chosen = found["strong"] or found["weak"]
    return chosen + [p for p in people if p.key in episode.guests and all(p is not q for q in chosen)]


SPEAKER_REACH = 2  # "Лавров также напомнил": the speech verb this close after the name


def _speaker(ann: Annotated, nm: NameMention, lex: Lexicon) -> bool:
    """Is the name the speaker of a speech verb (``speech_verbs``: recalled, noted, напомнил)
    right after it in its clause? (In a head-final sentence the verb comes last, after what is
    recalled, and the speaker may be the one who made the visit recalled: "Mirziyoyev, 2017 yılında
    Ankara'ya yaptığı ilk resmi ziyarette … hatırlattı"; such a speaker is kept.)"""
    toks = ann.tokens
    for k in range(nm.last + 1, min(nm.last + 1 + SPEAKER_REACH, len(toks))):
        m = ann.at.get(k)
        if m is not None and m.category == "speech_verbs" and ann.clause[k] == ann.clause[nm.last]:
            return True
    return False


def _authors_of_accords(ann: Annotated, nm: NameMention) -> bool:
    """"… the agreements reached by Presidents X and Y", "по поручению Президента X", "Prezidentlər
    X və Y-un razılaşmalarının icrası": people named as the authors of earlier accords or
    instructions (``accord_refs`` just before the role or name, or just after the name in head-final
    languages) are mentioned, not taking part; so are the names coordinated with them."""
    def marked(n: NameMention) -> bool:
        start = n.role_first if n.role_first is not None else n.first
        near = (start - 1, start - 2, n.last + 1, n.last + 2)
        for k in near:
            m = ann.at.get(k)
            if m is None or m.category != "accord_refs":
                continue
            between = range(m.last + 1, start) if k < start else range(n.last + 1, m.first)
            if all(ann.at.get(j) is not None and ann.at[j].category in ("role_glue", "position")
                   for j in between):
                return True
        return False

    chain = {id(nm): nm}
    grown = True
    while grown:  # the names coordinated with this one, both ways
        grown = False
        for n in ann.names:
            linked = (n.coordinated_with is not None and id(ann.names[n.coordinated_with]) in chain) or any(
                c.coordinated_with is not None and ann.names[c.coordinated_with] is n for c in chain.values())
            if linked and id(n) not in chain:
                chain[id(n)] = n
                grown = True
    return any(marked(n) for n in chain.values())


def _former(ann: Annotated, role_first: int | None, first: int) -> bool:
    """"former Defence Minister X": a past holder of the office, not an official taking part."""
    start = role_first if role_first is not None else first
    for k in (start - 1, start - 2):
        m = ann.at.get(k)
        if k >= 0 and m is not None and m.category == "former":
            return True
    return False


__all__ = ["Dateline", "Episode", "after_word", "find_dateline", "is_strong", "own_date", "participants_of",
           "split_encounters", "split_episodes", "strong_trigger"]
