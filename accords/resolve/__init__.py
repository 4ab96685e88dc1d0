"""Facts from many sources → one record per real meeting, agreement and person.

Blocking is on structured keys (the set of states), never on raw text; a merge
needs compatible dates plus a second piece of evidence (the same full date, or a
shared official), so reports of the same two states on different
days stay apart. Resolution adds canonical ids and keeps every source's citations.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from accords.curation import Curation, Judgement, Ref
from accords.ids import make_id
from accords.memo import Memo
from accords.model import AgreementFact, Citation, DocFacts, Document, MeetingFact, PartialDate, PersonFact
from accords.resolve.groups import Groups, Key, Links
from accords.resolve.people import PersonRecord, PersonResolver


@dataclass
class Cited:
    """A value with the citations that support it."""

    field: str
    citation: Citation


@dataclass
class MeetingRecord:
    meeting_id: str
    date: PartialDate
    date_basis: str
    countries: tuple[str, ...]
    city: str | None
    city_basis: str | None
    kind: str
    source_ids: list[str]
    citations: list[Cited] = field(default_factory=list)


@dataclass
class RoleRecord:
    """A person in a meeting or on an agreement."""

    record_id: str
    parent_id: str
    person_id: str
    name: str
    name_en: str
    country: str | None
    role_en: str | None
    source_ids: list[str]
    citations: list[Cited] = field(default_factory=list)


@dataclass
class AgreementRecord:
    agreement_id: str
    meeting_id: str | None
    kind: str
    title: str
    title_en: str | None
    title_en_basis: str | None
    countries: tuple[str, ...]
    signed_date: PartialDate
    valid_from: int | None
    valid_to: int | None
    city: str | None
    source_ids: list[str]
    citations: list[Cited] = field(default_factory=list)


@dataclass
class Resolved:
    documents: list[Document]
    meetings: list[MeetingRecord]
    participants: list[RoleRecord]
    agreements: list[AgreementRecord]
    signatories: list[RoleRecord]
    people: list[PersonRecord]
    members: dict[str, list[Key]] = field(default_factory=dict)  # record id → what each source said
    redirects: list[Redirect] = field(default_factory=list)


@dataclass(frozen=True)
class Redirect:
    """An id that was published (or would have been) and now names another record."""

    old_id: str
    new_id: str
    reason: str  # "merge": reports joined; "curation": a judgement moved it


RecordKeys = dict[str, list[Key]]


def memo_version() -> str:
    """What the ids of one seed resolved alone depend on besides its facts: this code."""
    from accords import lexicon
    from accords.memo import source_fingerprint

    return source_fingerprint("resolve", "ids.py", "names.py", "model.py", "countries.py", "text.py",
                              "lexicon.py") + "|" + lexicon.fingerprint()


def resolve(all_facts: list[DocFacts], curation: Curation | None = None, *,
            solo_memo: Memo | None = None, facts_keys: dict[str, str] | None = None) -> Resolved:
    """Merge per-source facts into records with content-derived ids.

    Judgements are written against ids the automatic resolver gives (on all seeds,
    or on one seed alone), so they keep working as seeds are added; ``redirects``
    maps every such id that no longer names a record to the record that holds its
    facts now.

    What each seed gives alone depends on that seed's facts only, so with
    ``solo_memo`` (of :func:`memo_version`) it is remembered by ``facts_keys[source_id]``,
    a key that names the facts (the extraction cache's).
    """
    facts = sorted(all_facts, key=lambda f: f.document.file)
    auto = _resolve(facts, {})
    solos = [_solo(f, solo_memo, (facts_keys or {}).get(f.document.source_id)) for f in facts]
    judgements = curation.judgements if curation else []
    if not judgements:
        final = auto
    else:
        final = _resolve(facts, _links(judgements, [auto.members, *solos], curation))
    final.redirects = _redirects(final, [("curation", auto.members)] + [("merge", r) for r in solos])
    return final


def _solo(f: DocFacts, memo: Memo | None, key: str | None) -> RecordKeys:
    """The records one seed's facts give when resolved alone: record id → (source, local id)."""
    if memo is not None and key is not None:
        stored = memo.get(key)
        if isinstance(stored, dict):
            try:
                return {str(rid): [(str(src), str(local)) for src, local in keys] for rid, keys in stored.items()}
            except (TypeError, ValueError):
                pass  # of another shape: recomputed below
    members = _resolve([f], {}).members
    if memo is not None and key is not None:
        memo.put(key, {rid: [list(k) for k in keys] for rid, keys in members.items()})
    return members


def _resolve(facts: list[DocFacts], links: dict[str, Links]) -> Resolved:
    persons = PersonResolver(links.get("per"))
    for f in facts:
        for m in f.meetings:
            for p in m.participants:
                persons.add(p)
        for a in f.agreements:
            for p in a.signatories:
                persons.add(p)
    persons.finish()
    clusters = _cluster_meetings(facts, persons, links.get("mtg"))
    meetings, mid_of = _meeting_records(clusters)
    participants = _participants(clusters, mid_of, persons)
    agreements, signatories, agr_members = _agreements(facts, mid_of, persons, links.get("agr"))
    docs = [f.document for f in facts]
    members: dict[str, list[Key]] = {}
    for (src, local), mid in mid_of.items():
        members.setdefault(mid, []).append((src, local))
    members.update(agr_members)
    members.update(persons.members())
    return Resolved(docs, meetings, participants, agreements, signatories, persons.records(),
                    {k: sorted(v) for k, v in sorted(members.items())})


def _links(judgements: list[Judgement], results: list[RecordKeys], curation: Curation | None) -> dict[str, Links]:
    """Judgements as must-link / cannot-link constraints on what sources said."""
    from accords.documents import SeedError, SeedErrors

    index: dict[str, set[Key]] = defaultdict(set)
    for members in results:
        for rid, keys in members.items():
            index[rid].update(keys)
    links: dict[str, Links] = defaultdict(Links)
    errors = []
    for j in judgements:
        sides = [_keys(ref, index) for ref in (j.left, j.right)]
        for ref, found in zip((j.left, j.right), sides, strict=True):
            if not found:
                errors.append(SeedError(curation.judgements_file if curation else "judgements", j.line,
                                        f"{ref} names no record of this build",
                                        "check the id against the data (a seed may have been removed), "
                                        "or delete the judgement"))
        if all(sides):
            (links[j.left.prefix].same if j.same else links[j.left.prefix].apart).append(
                (frozenset(sides[0]), frozenset(sides[1])))
    if errors:
        raise SeedErrors(errors)
    return dict(links)


def _keys(ref: Ref, index: dict[str, set[Key]]) -> set[Key]:
    keys = index.get(ref.record_id, set())
    return {k for k in keys if ref.source_id is None or k[0] == ref.source_id}


def _redirects(final: Resolved, earlier: list[tuple[str, RecordKeys]]) -> list[Redirect]:
    owner: dict[tuple[str, str, str], str] = {}
    for rid, keys in final.members.items():
        for k in keys:
            owner[(rid[:3], *k)] = rid
    live = set(final.members)
    out: dict[str, Redirect] = {}
    for reason, members in earlier:
        for rid, keys in members.items():
            if rid in live or rid in out:
                continue
            votes: dict[str, int] = defaultdict(int)
            for k in keys:
                new = owner.get((rid[:3], *k))
                if new is not None:
                    votes[new] += 1
            if votes:
                target = min(votes, key=lambda n: (-votes[n], n))
                out[rid] = Redirect(rid, target, reason)
    return [out[k] for k in sorted(out)]


Member = tuple[DocFacts, MeetingFact]


def _evidence(a: Member, b: Member, persons: PersonResolver) -> tuple[int, int, int] | None:
    """How strongly two reports of the same states say they saw one meeting, or ``None``
    when they cannot be one: (officials in common, same full day, same kind).

    They must come from two sources, name the same states, give compatible dates with
    at least the month, and not two different cities. Then either the same full day or
    a shared official is needed; and two reports that each name officials of both
    states, none of them in common, are two meetings of that day."""
    ma, mb = a[1], b[1]
    if a[0] is b[0] or ma.countries != mb.countries:
        return None
    if not ma.date.compatible(mb.date) or ma.date.month is None or mb.date.month is None:
        return None
    if ma.city and mb.city and ma.city != mb.city:
        return None
    same_day = ma.date.day is not None and ma.date == mb.date and ma.date.year is not None
    people_a, people_b = {persons.id_of(p) for p in ma.participants}, {persons.id_of(p) for p in mb.participants}
    shared = len(people_a & people_b)
    if not (same_day or shared):
        return None
    if not shared and _both_sides(ma) and _both_sides(mb):
        return None  # each names officials of both states, none in common: two meetings that day
    return shared, int(same_day), int(ma.kind == mb.kind)


def _both_sides(m: MeetingFact) -> bool:
    return len({p.country for p in m.participants} - {None}) >= 2



def _cluster_meetings(facts: list[DocFacts], persons: PersonResolver,
                      links: Links | None) -> list[list[Member]]:
    """Reports of one meeting, grouped: within a block of the same states, the pairs with the
    strongest evidence join first, and a join is refused when the two groups together
    would hold two meetings of one source, dates that contradict each other or two cities.
    A report without a full date that fits meetings on different days joins none of them."""
    blocks: dict[tuple[str, ...], list[Member]] = defaultdict(list)
    for f in facts:
        for m in f.meetings:
            blocks[m.countries].append((f, m))
    members = [mem for key in sorted(blocks) for mem in blocks[key]]
    keys = [(f.document.source_id, m.local_id) for f, m in members]
    groups = Groups(keys, links)
    state = [_GroupState({f.document.source_id}, m.date, m.city) for f, m in members]
    offset = 0
    for key in sorted(blocks):
        block = blocks[key]
        scored = []
        for i, j in _candidate_pairs(block, persons):  # within one block of the same states only
            ev = _evidence(block[i], block[j], persons)
            if ev is not None:
                scored.append((ev, offset + i, offset + j))
        ambiguous = _ambiguous(scored, members)
        for _, i, j in sorted(scored, key=lambda x: (-x[0][0], -x[0][1], -x[0][2], x[1], x[2])):
            if i in ambiguous or j in ambiguous:
                continue
            ri, rj = groups.find(i), groups.find(j)
            if ri == rj or not state[ri].joins(state[rj]):
                continue
            if groups.union(i, j):
                state[groups.find(i)] = state[ri].merged(state[rj])
        offset += len(block)
    return [[members[i] for i in group] for group in groups.groups()]


@dataclass
class _GroupState:
    """What a group of reports says together: its sources, its date and its city."""

    sources: set[str]
    date: PartialDate
    city: str | None

    def joins(self, other: _GroupState) -> bool:
        return (not self.sources & other.sources and self.date.compatible(other.date)
                and (self.city is None or other.city is None or self.city == other.city))

    def merged(self, other: _GroupState) -> _GroupState:
        return _GroupState(self.sources | other.sources, self.date.merge(other.date), self.city or other.city)


def _ambiguous(scored: list[tuple[tuple[int, int, int], int, int]], members: list[Member]) -> set[int]:
    """Reports without a full date (no day, or no year) whose possible partners lie on two or
    more different days."""
    days: dict[int, set[str]] = defaultdict(set)
    for _, i, j in scored:
        for a, b in ((i, j), (j, i)):
            mine, theirs = members[a][1].date, members[b][1].date
            if mine.known_parts() < 3 and theirs.known_parts() == 3:
                days[a].add(theirs.iso() or "")
    return {i for i, found in days.items() if len(found) > 1}


def _candidate_pairs(members: list[Member], persons: PersonResolver) -> list[tuple[int, int]]:
    """Pairs of one block that may be one event, never all pairs: those sharing a full
    date, or a month and an official. Every pair :func:`_evidence` accepts is here."""
    keys: dict[tuple[object, ...], list[int]] = defaultdict(list)
    yearless: dict[tuple[object, ...], list[int]] = defaultdict(list)  # a month and an official, no year
    for i, (_, m) in enumerate(members):
        d = m.date
        if d.month is None:
            continue
        if d.year is not None and d.day is not None:
            keys[("day", d.year, d.month, d.day)].append(i)
        for pid in sorted({persons.id_of(p) for p in m.participants}):
            # Two known years that differ are never compatible: the year is part of the key,
            # so an official's meetings of one month over many years are not all paired.
            (keys[("person", d.month, pid, d.year)] if d.year is not None
             else yearless[("person", d.month, pid)]).append(i)
    pairs = {(a, b) for idx in keys.values() for n, a in enumerate(idx) for b in idx[n + 1:]}
    dated: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for key, idx in keys.items():
        if key[0] == "person":
            dated[key[:3]].extend(idx)
    for key, idx in yearless.items():  # a report without a year may be one of any year's
        others = idx + dated.get(key, [])
        pairs.update((min(a, b), max(a, b)) for a in idx for b in others if a != b)
    return sorted(pairs)


def _best(cluster: list[Member]) -> Member:
    return max(cluster, key=lambda m: (m[1].date.known_parts(), -cluster.index(m)))


def _meeting_records(clusters: list[list[Member]]) -> tuple[list[MeetingRecord], dict[tuple[str, str], str]]:
    records: list[MeetingRecord] = []
    mid_of: dict[tuple[str, str], str] = {}
    for cluster in clusters:
        best = _best(cluster)
        date = PartialDate()
        for _, m in sorted(cluster, key=lambda x: -x[1].date.known_parts()):
            if date.compatible(m.date):
                date = date.merge(m.date)
        basis = best[1].date_basis if date == best[1].date else "merged"
        city_member = next((mm for mm in cluster if mm[1].city), None)
        countries = tuple(sorted({c for _, m in cluster for c in m.countries}))  # differ only when judged same
        rec = MeetingRecord("", date, basis, countries, city_member[1].city if city_member else None,
                            city_member[1].city_basis if city_member else None, best[1].kind,
                            sorted({f.document.source_id for f, _ in cluster}))
        for _, m in cluster:
            rec.citations.append(Cited("kind", m.kind_cite))
            for code in sorted(m.country_cites):
                rec.citations.append(Cited("countries", m.country_cites[code]))
            if m.date_cite is not None:
                rec.citations.append(Cited("date", m.date_cite))
            if m.city_cite is not None and m.city == rec.city:
                rec.citations.append(Cited("city", m.city_cite))
        records.append(rec)
    _assign_ids(records, clusters)
    for rec, cluster in zip(records, clusters, strict=True):
        for f, m in cluster:
            mid_of[(f.document.source_id, m.local_id)] = rec.meeting_id
    order = sorted(range(len(records)), key=lambda i: records[i].meeting_id)
    return [records[i] for i in order], mid_of


def _date_key(d: PartialDate) -> str:
    return d.iso() or f"--{d.month or 0:02d}-{d.day or 0:02d}"


def _assign_ids(records: list[MeetingRecord], clusters: list[list[Member]]) -> None:
    """A meeting's id: its states, its date and its first report (file and local id).

    Everything in it belongs to the meeting itself, so adding, removing or editing an
    unrelated seed never changes it; two meetings of the same states on the same day
    (talks, then a reception) never share one. A merge that brings an earlier-named
    report, or a more precise date, gives a new id, and ``redirects`` records the move."""
    for r, cluster in zip(records, clusters, strict=True):
        first = min(f"{f.document.file}#{m.local_id}" for f, m in cluster)
        r.meeting_id = make_id("mtg", ",".join(r.countries), _date_key(r.date), first)


def _participants(clusters: list[list[Member]], mid_of: dict[tuple[str, str], str],
                  persons: PersonResolver) -> list[RoleRecord]:
    out: dict[str, RoleRecord] = {}
    for cluster in clusters:
        for f, m in cluster:
            mid = mid_of[(f.document.source_id, m.local_id)]
            for p in m.participants:
                _add_role(out, "par", mid, p, f.document.source_id, persons, ("name", "role_en", "country"))
    return [out[k] for k in sorted(out)]


def _add_role(out: dict[str, RoleRecord], prefix: str, parent: str, p: PersonFact, source_id: str,
              persons: PersonResolver, fields: tuple[str, ...],
              extra: list[Cited] | None = None) -> None:
    pid = persons.id_of(p)
    rid = make_id(prefix, parent, pid)
    rec = out.get(rid)
    person = persons.record(pid)
    if rec is None:
        rec = RoleRecord(rid, parent, pid, p.name, person.name_en, p.country or person.country,
                         p.role_en, [])
        out[rid] = rec
    if source_id not in rec.source_ids:
        rec.source_ids.append(source_id)
        rec.source_ids.sort()
    rec.role_en = rec.role_en or p.role_en
    rec.country = rec.country or p.country
    rec.citations.append(Cited("name", p.name_cite))
    if p.role_cite is not None and "role_en" in fields:
        rec.citations.append(Cited("role_en", p.role_cite))
    if p.country_cite is not None and "country" in fields:
        rec.citations.append(Cited("country", p.country_cite))
    rec.citations.extend(extra or [])


def _agreements(facts: list[DocFacts], mid_of: dict[tuple[str, str], str], persons: PersonResolver,
                links: Links | None) -> tuple[list[AgreementRecord], list[RoleRecord], dict[str, list[Key]]]:
    groups: dict[tuple[object, ...], list[tuple[DocFacts, AgreementFact]]] = defaultdict(list)
    for f in facts:
        per_kind: dict[str, int] = defaultdict(int)
        for a in f.agreements:
            per_kind[a.kind] += 1
        for a in f.agreements:
            mid = mid_of.get((f.document.source_id, a.meeting_local_id or ""))
            if mid is not None and per_kind[a.kind] == 1:
                key: tuple[object, ...] = ("m", mid, a.kind)
            elif mid is not None:
                key = ("m", mid, a.kind, a.valid_from, a.valid_to, f.document.source_id, a.local_id)
            elif a.signed_date.iso():
                key = ("s", a.kind, a.countries, a.signed_date.iso(), a.valid_from, a.valid_to)
            else:  # no meeting and no date ("Earlier, the two countries signed a memorandum"): nothing to match on
                key = ("s", a.kind, a.countries, "", a.valid_from, a.valid_to, f.document.source_id, a.local_id)
            groups[key].append((f, a))
    items = [m for key in sorted(groups, key=repr) for m in groups[key]]
    unions = Groups([(f.document.source_id, a.local_id) for f, a in items], links)
    at = 0
    for key in sorted(groups, key=repr):
        members = groups[key]
        periods = {(a.valid_from, a.valid_to) for _, a in members if a.valid_from is not None}
        if len(periods) <= 1:  # different periods: different documents
            sources = {at + k: {f.document.source_id} for k, (f, _) in enumerate(members)}  # per group root
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    ri, rj = unions.find(at + i), unions.find(at + j)
                    if ri == rj or sources[ri] & sources[rj] or not _same_document(members[i], members[j]):
                        continue  # two documents of one article are two documents
                    if unions.union(ri, rj):
                        sources[unions.find(ri)] = sources[ri] | sources[rj]
        at += len(members)
    units = [[items[i] for i in g] for g in unions.groups()]
    base = [_agreement_id(u, mid_of, False) for u in units]
    holder: dict[str, str] = {}
    for u, b in zip(units, base, strict=True):
        holder[b] = min(holder.get(b, _member_tag(u)), _member_tag(u))
    records: list[AgreementRecord] = []
    signers: dict[str, RoleRecord] = {}
    owners: dict[str, list[Key]] = {}
    for unit, b in zip(units, base, strict=True):
        aid = b if holder[b] == _member_tag(unit) else _agreement_id(unit, mid_of, True)
        records.append(_agreement_record(unit, aid, mid_of, persons, signers))
        owners[aid] = [(f.document.source_id, a.local_id) for f, a in unit]
    records.sort(key=lambda r: r.agreement_id)
    return records, [signers[k] for k in sorted(signers)], owners


def _same_document(a: tuple[DocFacts, AgreementFact], b: tuple[DocFacts, AgreementFact]) -> bool:
    """May two reports of one key (kind, parties, meeting or date) be one document? Not two
    titles in one language with no content word in common ("… on culture", "… on energy");
    across languages titles cannot be compared."""
    same_language = a[0].document.language == b[0].document.language
    return not (same_language and a[1].topic and b[1].topic and not a[1].topic & b[1].topic)


def _agreement_id(members: list[tuple[DocFacts, AgreementFact]], mid_of: dict[tuple[str, str], str],
                  tagged: bool) -> str:
    """Content id: meeting, kind, period, parties (and the first report when those collide)."""
    f0, a0 = members[0]
    mid = mid_of.get((f0.document.source_id, a0.meeting_local_id or ""))
    vf = next((a.valid_from for _, a in members if a.valid_from is not None), None)
    vt = next((a.valid_to for _, a in members if a.valid_to is not None), None)
    countries = max((a.countries for _, a in members), key=len)
    signed = "" if mid else (a0.signed_date.iso() or "")
    return make_id("agr", mid or "", a0.kind, vf, vt, ",".join(countries), signed,
                   _member_tag(members) if tagged or not mid else "")


def _agreement_record(members: list[tuple[DocFacts, AgreementFact]], aid: str,
                      mid_of: dict[tuple[str, str], str], persons: PersonResolver,
                      signers: dict[str, RoleRecord]) -> AgreementRecord:
    f0, a0 = members[0]
    mid = mid_of.get((f0.document.source_id, a0.meeting_local_id or ""))
    signed = PartialDate()
    for _, a in sorted(members, key=lambda x: -x[1].signed_date.known_parts()):
        if signed.compatible(a.signed_date):
            signed = signed.merge(a.signed_date)
    en = next((a for f, a in members if f.document.language == "en" and a.title_en), None)
    vf = next((a.valid_from for _, a in members if a.valid_from is not None), None)
    vt = next((a.valid_to for _, a in members if a.valid_to is not None), None)
    countries = max((a.countries for _, a in members), key=len)
    title_en, basis = (en.title_en, "source") if en else (_compose_title(a0.kind, countries, vf, vt), "composed")
    rec = AgreementRecord(aid, mid, a0.kind, a0.title, title_en, basis, countries, signed, vf, vt,
                          next((a.city for _, a in members if a.city), None),
                          sorted({f.document.source_id for f, _ in members}))
    for f, a in members:
        rec.citations.append(Cited("title", a.title_cite))
        if en is not None and a is en:
            rec.citations.append(Cited("title_en", a.title_cite))  # the English report's own title
        rec.citations.append(Cited("kind", a.signing_cite))
        for code in sorted(a.country_cites):
            if code in rec.countries:
                rec.citations.append(Cited("countries", a.country_cites[code]))
        if mid is not None and mid_of.get((f.document.source_id, a.meeting_local_id or "")) == mid:
            rec.citations.append(Cited("meeting_id", a.signing_cite))  # signed where the meeting is reported
        if a.signed_date_cite is not None:
            rec.citations.append(Cited("signed_date", a.signed_date_cite))
        if a.period_cite is not None:
            rec.citations.append(Cited("valid_from", a.period_cite))
        if a.city_cite is not None and a.city == rec.city:
            rec.citations.append(Cited("city", a.city_cite))
        for p, c in zip(a.signatories, a.signatory_cites, strict=True):
            _add_role(signers, "sig", aid, p, f.document.source_id, persons, ("name",),
                      [Cited("person", c)])
    return rec


def _member_tag(members: list[tuple[DocFacts, AgreementFact]]) -> str:
    return min(f"{f.document.file}#{a.local_id}" for f, a in members)


def _compose_title(kind: str, countries: tuple[str, ...], vf: int | None, vt: int | None) -> str:
    from accords.countries import name_en

    names = [name_en(c) for c in countries]
    parties = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
    title = f"{kind.capitalize()} between {parties}" if len(names) > 1 else f"{kind.capitalize()} of {parties}"
    if vf is not None:
        title += f" for {vf}" if vt in (None, vf) else f" for {vf}–{vt}"
    return title
