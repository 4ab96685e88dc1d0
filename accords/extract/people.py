"""Named officials in one document: names tied to roles, merged by surname.

A name becomes an official when a role phrase (position, portfolio or institution,
country, ranks) stands right before it: "Özbəkistan Respublikasının fövqəladə
hallar naziri general-mayor Botir Kudratxocayev". Later mentions by surname or
initial ("B.Kudratxocayev", "Hasanov") refer back to the same person.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from accords.countries import institution_state
from accords.extract.annotate import Annotated, NameMention, case_stems, make_name, strip_case
from accords.extract.namecase import nominative, role_case, surname_stem
from accords.lexicon import Lexicon
from accords.model import Citation
from accords.names import skeleton
from accords.text import fold


@dataclass
class DocPerson:
    """One person of one document, with every mention."""

    key: str
    name: str
    name_cite: Citation
    given: str | None
    base: str = ""  # the name in its dictionary form ("Баходир Ахмедов" for "Баходира Ахмедова")
    country: str | None = None
    country_cite: Citation | None = None
    role_en: str | None = None
    role_cite: Citation | None = None
    role_class: str | None = None
    plural_role: bool = False  # named in a plural role ("Presidents X and Y"): no home country by default
    mentions: list[tuple[int, NameMention]] = field(default_factory=list)  # (sentence idx, name)


def cite(source_id: str, text: str, ann: Annotated, start: int, end: int) -> Citation:
    """A citation of ``text[start:end]`` with its sentence as context; a quote from outside
    the sentence (a title named in an earlier one) gets the line it stands on instead."""
    cs, ce = ann.sentence.start, ann.sentence.end
    if not (cs <= start and end <= ce):
        cs = text.rfind("\n", 0, start) + 1
        nl = text.find("\n", end)
        ce = len(text) if nl == -1 else nl
    return Citation(source_id, start, end, text[start:end], cs, ce)


@dataclass
class Role:
    """What a role phrase says: country, position, portfolio, with their spans."""

    countries: list[tuple[str, int, int]]
    position: str | None
    position_class: str | None
    number: str
    of: str | None
    start: int
    end: int
    head: str | None = None  # first word of the position phrase (it shows the name's case)


def read_role(ann: Annotated, first: int, last: int, lex: Lexicon) -> Role:
    """Interpret the role phrase at tokens ``[first, last]``."""
    countries: list[tuple[str, int, int]] = []
    position = pclass = of = head = None
    body: tuple[str | None, int, int] = (None, 0, 0)  # the state of the institution named, where it is one's
    number = "singular"
    toks = ann.tokens
    home = lex.value("home_country")
    head_initial = lex.value("head") != "final"  # "пресс-секретарь президента": the first position rules
    seen: set[int] = set()
    for i in range(first, last + 1):
        m = ann.at.get(i)
        if m is None or id(m) in seen:
            continue
        seen.add(id(m))
        span = (toks[m.first].start, toks[m.last].end)
        if m.category == "countries":
            countries.append((m.value, *span))
        elif m.category == "home_refs" and home:
            countries.append((str(home), *span))
        elif m.category == "position" and head_initial and position is not None and of is None \
                and any(d in ann.text[toks[m.first - 1].end : toks[m.first].start] for d in ("–", "—")):
            # "заместитель Премьер-министра – министр иностранных дел": both offices, the last one's rank
            position, pclass = f"{position} – {m.value}", m.term.get("cls")
        elif m.category == "position" and not (head_initial and position is not None):
            position, pclass = m.value, m.term.get("cls")
            head = _compound(ann, m.first)
            number = m.term.get("number") or "singular"
        elif m.category == "signer_refs" and position is None:  # "Министры обороны … X и Y"
            position, pclass, number = PLURAL_TITLES.get(m.value, m.value.title()), m.value, "plural"
            head = _compound(ann, m.first)
        elif m.category in ("portfolio", "portfolios") and of is None:
            of = m.value
        elif m.category == "institutions" and m.value != "Ministry" and of is None:
            of = m.value
            body = (institution_state(m.value), *span)
    if not countries and of is not None and body[0] is not None:  # "председатель Совета Федерации": Russia's
        countries.append((body[0], body[1], body[2]))
    return Role(countries, position, pclass, number, of, toks[first].start, toks[last].end, head)


PLURAL_TITLES = {"minister": "Minister", "head_of_state": "President", "head_of_government": "Prime Minister",
                 "head": "Head", "deputy": "Deputy Minister"}
"""The English title of one of the officials a plural reference ("the ministers", signer_refs) names."""


def _compound(ann: Annotated, i: int) -> str:
    """The word at token ``i`` with the parts hyphenated to it ("премьер-министром"): its
    last part shows the case."""
    toks, text = ann.tokens, ann.text
    j = i
    while j + 1 < len(toks) and text[toks[j].end : toks[j + 1].start] == "-":
        j += 1
    return text[toks[i].start : toks[j].end]


DELEGATION_REACH = 12  # "The Uzbek delegation at the session was headed by Minister …"


def _delegation_country(ann: Annotated, role_first: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """The state of the delegation or side an official heads: the nearest "<country>
    delegation" before the role, in its sentence ("The Uzbek delegation … was headed by"), or
    the state it represents ("Kyrgyzstan was represented by Foreign Minister X, Kazakhstan by
    …": ``representation_words`` right before the role, a state right before them)."""
    toks = ann.tokens
    for words in lex.words("representation_words"):  # plain word lists, never matched as terms
        n = len(words.split())
        k = role_first - n
        if k >= 1 and " ".join(toks[i].fold for i in range(k, role_first)) == words:
            c = ann.at.get(k - 1)
            if c is not None and c.category == "countries":
                return [(c.value, toks[c.first].start, toks[c.last].end)]
    for k in range(role_first - 1, max(-1, role_first - DELEGATION_REACH), -1):
        m = ann.at.get(k)
        if m is None or m.category != "delegation_words" or m.first != k:
            continue
        c = ann.at.get(k - 1)
        if c is not None and c.category == "countries":
            return [(c.value, toks[c.first].start, toks[c.last].end)]
        return []  # the nearest delegation is no state's
    return []


def role_en(role: Role) -> str | None:
    """English role title: "Minister of Defence", "Secretary of the Security Council"."""
    if role.position is None:
        return None
    if role.of and " of " not in role.position:
        return f"{role.position} of {role.of}"
    return role.position


def _keep_attested_surnames(anns: list[Annotated], lex: Lexicon) -> None:
    """A surname read as a stem plus a case ending ("Qafarova": Qafarov + the dative -a) is the
    name as written where another form in the document declines it whole ("Qafarovanın":
    Qafarova + nın): "Sahibə Qafarova bildirib" is Qafarova in the nominative."""
    written = {(si, k): ann.tokens[nm.last].text for si, ann in enumerate(anns) for k, nm in enumerate(ann.names)}
    stripped = {key: w for key, w in written.items()
                if fold(anns[key[0]].names[key[1]].surname) != fold(w)}
    if not stripped:
        return
    attested = {fold(stem) for w in set(written.values()) for stem in case_stems(w, lex)}
    for (si, k), w in stripped.items():
        nm = anns[si].names[k]
        if fold(w) in attested and not nm.surname_first:
            nm.surname, nm.end = w, anns[si].tokens[nm.last].end


def collect_people(doc_text: str, source_id: str, anns: list[Annotated], lex: Lexicon) -> list[DocPerson]:
    """Every named official of the document (names with a role somewhere), merged by surname."""
    _keep_attested_surnames(anns, lex)
    people: dict[str, DocPerson] = {}
    by_surname: dict[str, list[str]] = {}  # surname key → people with it, in order of first mention
    order: list[str] = []
    home = lex.value("home_country")
    coordinators = lex.words("coordinators")
    for si, ann in enumerate(anns):
        roles: dict[int, Role] = {}
        cases: dict[int, str | None] = {}
        for k, nm in enumerate(ann.names):
            key = skeleton(surname_stem(nm.surname, lex))  # "Саидовым" and "Саидов": one person
            if not key:
                continue
            if key not in by_surname and nm.initial is None and not nm.surname_first:
                # "Hakan Fidanın" after "Hakan Fidan": of the stems the ending allows (Fida + nın,
                # Fidan + ın), the one of a person named before
                written = ann.tokens[nm.last].text
                for stem in case_stems(written, lex):
                    other = skeleton(surname_stem(stem, lex))
                    if other in by_surname and stem != nm.surname:
                        nm.surname, nm.end, key = stem, ann.tokens[nm.last].start + len(stem), other
                        break
            role: Role | None = None
            if nm.role_first is not None:
                role = read_role(ann, nm.role_first, nm.first - 1, lex)
                if not role.countries:
                    role.countries = _delegation_country(ann, nm.role_first, lex)
                roles[k] = role
            elif nm.coordinated_with is not None and nm.coordinated_with in roles:
                role = roles[nm.coordinated_with]
            cases[k] = _case(ann, k, role, cases, coordinators, doc_text, lex)
            person = _same_person(people, by_surname, key, nm)
            if person is None:
                if role is None and nm.given is None:
                    continue  # a lone capitalised word is not a person
                if key in people:  # a namesake: "Zakir Hasanov" and "Elmar Hasanov" are two people
                    key = f"{key}~{skeleton(nm.given or nm.initial or '')}"
                person = DocPerson(key, _full(nm, doc_text), cite(source_id, doc_text, ann, nm.start, nm.end),
                                   nm.given, _base(nm, _full(nm, doc_text), cases[k], lex))
                people[key] = person
                by_surname.setdefault(person.key.split("~")[0], []).append(key)
                order.append(key)
            elif person.given is None and nm.given is not None:
                person.name, person.given = _full(nm, doc_text), nm.given
                person.base = _base(nm, person.name, cases[k], lex)
                person.name_cite = cite(source_id, doc_text, ann, nm.start, nm.end)
            person.mentions.append((si, nm))
            by_surname[key.split("~")[0]].remove(person.key)
            by_surname[key.split("~")[0]].append(person.key)  # the last one named answers a bare surname
            if role is not None and person.role_en is None and role.position:
                _apply_role(person, role, ann, nm, k, source_id, doc_text)
            elif role is not None and person.country is None and role.position and role.countries:
                # "President Tokayev" in the headline, "President of Kazakhstan Kassym-Jomart Tokayev" below
                _apply_country(person, role, ann, nm, k, source_id, doc_text)
    for p in people.values():
        if p.role_en is not None and p.country is None and home and not p.plural_role:
            # "nazir Elmar Məmmədyarov" in an Azerbaijani outlet: an office of the home country,
            # and the role phrase is the evidence for it
            p.country, p.country_cite = str(home), p.role_cite
    return [people[k] for k in order if people[k].role_en is not None and people[k].given is not None]


def split_joined_names(anns: list[Annotated], lex: Lexicon) -> None:
    """Split a run of four capitalised words that is two names the document writes apart
    elsewhere ("Prezident İlham Əliyev Şavkat Mirziyoyevlə telefonla danışıb": İlham Əliyev
    and Şavkat Mirziyoyev, each named alone in the body)."""

    def key(given: str | None, surname: str) -> tuple[str, str]:
        return skeleton(given or ""), skeleton(surname_stem(surname, lex))

    pairs = {key(nm.given, nm.surname) for ann in anns for nm in ann.names
             if nm.initial is None and nm.given is not None and nm.last - nm.first == 1}
    for ann in anns:
        for k, nm in enumerate(ann.names):
            if nm.last - nm.first != 3 or nm.initial is not None or nm.surname_first:
                continue
            left = make_name(ann.text, ann.tokens, nm.first, nm.first + 1, lex, None)
            right = make_name(ann.text, ann.tokens, nm.first + 2, nm.last, lex, None)
            if key(left.given, left.surname) in pairs and key(right.given, right.surname) in pairs:
                left.role_first, left.normal = nm.role_first, None
                ann.names[k : k + 1] = [left, right]
                for later in ann.names[k + 2 :]:  # indexes of the names before them moved by one
                    if later.coordinated_with is not None and later.coordinated_with >= k:
                        later.coordinated_with += 1


def mark_not_people(anns: list[Annotated], people: list[DocPerson], lex: Lexicon) -> None:
    """Mark in each sentence the capitalised words that look like a name but have no initial or
    singular role, and whose surname key is none of the document's people's: a title's capitalised
    words ("Strateji", "Союздук", "Ali Dövlətlərarası Şuranın": "Ali" is also a given name), not
    surnames ("Tokayev" of Kassym-Jomart Tokayev named before)."""
    known = {p.key.split("~")[0] for p in people}
    for si, ann in enumerate(anns):
        joined = {k for k, nm in enumerate(ann.names) if nm.coordinated_with is not None} | {
            nm.coordinated_with for nm in ann.names if nm.coordinated_with is not None}
        words: set[int] = set()
        for k, nm in enumerate(ann.names):
            if nm.initial is not None or skeleton(surname_stem(nm.surname, lex)) in known:
                continue
            found = _known_start(ann, nm, known, lex)
            if found is not None:  # "Дин Сюэсян Ынтымақтастық комитетінің …": the person, then title words
                key, short = found
                ann.names[k] = short
                owner = next(p for p in people if p.key.split("~")[0] == key)
                owner.mentions = sorted([*owner.mentions, (si, short)], key=lambda m: (m[0], m[1].first))
                words.update(range(short.last + 1, nm.last + 1))
            elif k not in joined and (nm.role_first is None or _plural_role(ann, nm.role_first)):
                words.update(range(nm.first, nm.last + 1))  # "X, Y and Z" are names, whoever they are
        if words:
            ann.not_people = frozenset(words)


def _known_start(ann: Annotated, nm: NameMention, known: set[str], lex: Lexicon
                 ) -> tuple[str, NameMention] | None:
    """The name of one of the document's people that a longer run of capitalised words opens
    with (given name and surname, then a title's words), as a mention of its own, with the
    person's surname key."""
    for k in range(nm.last - 1, nm.first, -1):
        key = skeleton(surname_stem(strip_case(ann.tokens[k].text, lex), lex))
        if key in known:
            return key, replace(make_name(ann.text, ann.tokens, nm.first, k, lex, None),
                                role_first=nm.role_first, coordinated_with=nm.coordinated_with)
    return None


def _plural_role(ann: Annotated, first: int) -> bool:
    """Does the role phrase open with a plural reference ("эки өлкөнүн президенттери")? One
    capitalised word after it is no name of theirs."""
    m = ann.at.get(first)
    return m is not None and m.category == "signer_refs"


def _same_person(people: dict[str, DocPerson], by_surname: dict[str, list[str]], key: str,
                 nm: NameMention) -> DocPerson | None:
    """The person of the document this mention names, if any.

    A full name matches a person with the same given name (or none known yet); an
    initial matches one whose given name starts with it; a bare surname is the
    person with that surname named most recently.
    """
    keys = by_surname.get(key, [])
    if not keys:
        return None
    mention_given = skeleton(nm.given.split()[0]) if nm.given else ""
    initial = skeleton(nm.initial)[:1] if nm.initial else ""
    for k in reversed(keys):
        p = people[k]
        known = skeleton(p.given.split()[0]) if p.given else ""
        if mention_given and known and not (known.startswith(mention_given) or mention_given.startswith(known)):
            continue  # another given name; a case ending only adds letters ("Бахтиёром", "Бахтиёр")
        if initial and known and not known.startswith(initial):
            continue
        return p
    return None


def _case(ann: Annotated, k: int, role: Role | None, cases: dict[int, str | None],
          coordinators: frozenset[str], text: str, lex: Lexicon) -> str | None:
    """The grammatical case of name ``k``: from its role word, else from the name it is coordinated with."""
    case = role_case(role.head, lex) if role is not None and role.head else None
    if case is not None or k == 0:
        return case
    nm, prev = ann.names[k], ann.names[k - 1]
    start = ann.tokens[nm.role_first].start if nm.role_first is not None else nm.start
    gap = fold(text[prev.end : start]).strip()
    if gap in coordinators:  # "A и замглавы … B": B shares A's case
        return cases.get(k - 1)
    return None


def _base(nm: NameMention, written: str, case: str | None, lex: Lexicon) -> str:
    """The dictionary form, given name first: from the NLP layer's lemmas if any, else from
    the role word's case."""
    if nm.surname_first:  # "ЛАВРОВ Сергей" → "Сергей ЛАВРОВ"
        written = " ".join(written.split()[1:] + written.split()[:1])
        return " ".join(nm.normal.split()[1:] + nm.normal.split()[:1]) if nm.normal else \
            nominative(written, case, lex)
    return nm.normal or nominative(written, case, lex)


def _full(nm: NameMention, text: str) -> str:
    return text[nm.start : nm.end]


def _apply_role(person: DocPerson, role: Role, ann: Annotated, nm: NameMention, k: int,
                source_id: str, text: str) -> None:
    person.role_en = role_en(role)
    person.role_class = role.position_class
    person.plural_role = role.number == "plural"
    person.role_cite = cite(source_id, text, ann, role.start, role.end)
    _apply_country(person, role, ann, nm, k, source_id, text)


def _apply_country(person: DocPerson, role: Role, ann: Annotated, nm: NameMention, k: int,
                   source_id: str, text: str) -> None:
    """The state of the official's role phrase, if it names one."""
    if not role.countries:
        return
    country, cs, ce = role.countries[0]
    if nm.coordinated_with is not None or role.number == "plural":
        # "the Ministers of Azerbaijan and Uzbekistan, X and Y": countries pair with names in order
        group = _coordination_index(ann, k)
        if len(role.countries) > 1 and group < len(role.countries):
            country, cs, ce = role.countries[group]
    person.country = country
    person.country_cite = cite(source_id, text, ann, cs, ce)


def _coordination_index(ann: Annotated, k: int) -> int:
    idx = 0
    while ann.names[k].coordinated_with is not None:
        k = ann.names[k].coordinated_with or 0
        idx += 1
    return idx
