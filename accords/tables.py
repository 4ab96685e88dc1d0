"""Resolved records → rows of the published tables (see :mod:`accords.schema`)."""

from __future__ import annotations

from accords.countries import name_en
from accords.extract.dates import iso_header
from accords.ids import make_id
from accords.licences import allows_full_text
from accords.model import Citation, Document, PartialDate
from accords.resolve import Cited, Resolved
from accords.text import headline

Row = dict[str, object]


def build_tables(res: Resolved) -> dict[str, list[Row]]:
    """Every table as rows sorted by primary key; a ``citations`` row per cited value."""
    lang = {d.source_id: d.language for d in res.documents}
    text = {d.source_id: d.text for d in res.documents}
    body = {d.source_id: _content_start(d) for d in res.documents}
    citations: dict[str, Row] = {}

    def add(table: str, record_id: str, cited: list[Cited]) -> None:
        for c in cited:
            _cite_row(citations, table, record_id, c.field, c.citation, text, lang, body)

    sources = [_source_row(d) for d in res.documents]
    for d in res.documents:
        if d.published_cite is not None:
            add("sources", d.source_id, [Cited("published", d.published_cite)])
    meetings: list[Row] = []
    for m in res.meetings:
        meetings.append({
            "meeting_id": m.meeting_id, "date": m.date.iso(), "date_precision": m.date.precision,
            "date_basis": m.date_basis if m.date.iso() else None, "countries": list(m.countries),
            "city": m.city, "city_basis": m.city_basis, "kind": m.kind,
            "label": _label(m.kind, m.countries, m.city, m.date),
            "source_ids": m.source_ids,
        })
        add("meetings", m.meeting_id, m.citations)
    participants: list[Row] = []
    for p in res.participants:
        participants.append({
            "participant_id": p.record_id, "meeting_id": p.parent_id, "person_id": p.person_id,
            "name": p.name, "name_en": p.name_en, "country": p.country, "role_en": p.role_en,
            "source_ids": p.source_ids,
        })
        add("participants", p.record_id, p.citations)
    agreements: list[Row] = []
    for a in res.agreements:
        agreements.append({
            "agreement_id": a.agreement_id, "meeting_id": a.meeting_id, "kind": a.kind, "title": a.title,
            "title_en": a.title_en, "title_en_basis": a.title_en_basis, "countries": list(a.countries),
            "signed_date": a.signed_date.iso(), "signed_date_precision": a.signed_date.precision,
            "valid_from": a.valid_from, "valid_to": a.valid_to, "city": a.city, "source_ids": a.source_ids,
        })
        add("agreements", a.agreement_id, a.citations)
    signatories: list[Row] = []
    for s in res.signatories:
        signatories.append({
            "signatory_id": s.record_id, "agreement_id": s.parent_id, "person_id": s.person_id,
            "name": s.name, "name_en": s.name_en, "country": s.country, "role_en": s.role_en,
            "basis": "stated", "source_ids": s.source_ids,
        })
        add("signatories", s.record_id, s.citations)
    people: list[Row] = [{"person_id": p.person_id, "name_en": p.name_en, "country": p.country,
               "roles_en": p.roles_en, "aliases": p.aliases} for p in res.people]
    codes = sorted({c for m in res.meetings for c in m.countries} | {c for a in res.agreements for c in a.countries}
                   | {p.country for p in res.people if p.country})
    countries: list[Row] = [{"code": c, "name_en": name_en(c)} for c in codes]
    return {
        "sources": sorted(sources, key=lambda r: str(r["source_id"])),
        "meetings": meetings,
        "participants": participants,
        "agreements": agreements,
        "signatories": signatories,
        "people": people,
        "countries": countries,
        "citations": [citations[k] for k in sorted(citations)],
        "redirects": [{"old_id": r.old_id, "new_id": r.new_id, "table": _TABLE_OF[r.old_id[:3]],
                       "reason": r.reason} for r in res.redirects],
        "corrections": [],
    }


_TABLE_OF = {"mtg": "meetings", "agr": "agreements", "per": "people"}


def _source_row(d: Document) -> Row:
    pub = d.published
    return {
        "source_id": d.source_id, "file": d.file, "language": d.language,
        "published": pub.iso() if pub else None, "published_precision": pub.precision if pub else None,
        "published_basis": d.published_basis if pub and pub.iso() else None,
        "url": d.meta.get("url"), "outlet": d.meta.get("outlet"), "title": d.meta.get("title") or _headline(d),
        "license": d.meta.get("license"), "sha256": d.sha256, "chars": len(d.text),
        "text": d.text if allows_full_text(d.meta.get("license")) else None,
    }


def _content_start(d: Document) -> int:
    """Where the article itself starts: after the front matter and a ``date …`` header."""
    header = iso_header(d.text, d.body_start)
    start = header.end if header else d.body_start
    while start < len(d.text) and d.text[start] in " \t":
        start += 1
    return start


def _headline(d: Document) -> str | None:
    """The article's headline as the text gives it (not page furniture: clocks, bylines,
    view counters; see :func:`accords.text.headline`), after any ``date`` header line."""
    header = iso_header(d.text, d.body_start)
    span = headline(d.text, header.end if header else d.body_start)
    return d.text[span[0] : span[1]].lstrip("#").strip() if span else None


def _label(kind: str, countries: tuple[str, ...], city: str | None, date: PartialDate) -> str:
    names = "–".join(name_en(c) for c in countries)
    parts = [f"{names} {kind.replace('_', ' ')}"]
    if city:
        parts.append(city)
    if date.iso():
        parts.append(date.iso() or "")
    return ", ".join(parts)


def _cite_row(out: dict[str, Row], table: str, record_id: str, field: str, c: Citation,
              text: dict[str, str], lang: dict[str, str], body: dict[str, int]) -> None:
    cid = make_id("cit", table, record_id, field, c.source_id, c.start, c.end)
    if cid in out:
        return
    src = text[c.source_id]
    assert src[c.start : c.end] == c.quote, f"citation {cid} does not slice to its quote"
    # The context never reaches back into front matter or a "date …" header line.
    context_start = max(c.context_start, min(body[c.source_id], c.start))
    out[cid] = {
        "citation_id": cid, "table": table, "record_id": record_id, "field": field,
        "source_id": c.source_id, "start": c.start, "end": c.end, "quote": c.quote,
        "context_start": context_start, "context_end": c.context_end,
        "context": src[context_start : c.context_end], "language": lang[c.source_id],
    }
