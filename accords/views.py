"""Indexes over the published tables (Site) and what templates call on a page (View)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from accords import charts
from accords.bundle import ZIP_NAME, cite_as, licence_names
from accords.documents import parse_front_matter
from accords.licences import allows_full_text
from accords.markup import checked, human, join, md_text, plural
from accords.names import transliterate
from accords.text import APOSTROPHES

Row = dict[str, Any]
SECTIONS = ("countries", "agreements", "meetings", "people", "sources")


def group(rows: Iterable[Row], key: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        out[row[key]].append(row)
    return out


KEYS = {
    "sources": "source_id",
    "meetings": "meeting_id",
    "participants": "participant_id",
    "agreements": "agreement_id",
    "signatories": "signatory_id",
    "people": "person_id",
    "countries": "code",
    "citations": "citation_id",
}
LABELS = {
    "sources": ("title", "file"),
    "meetings": ("label",),
    "people": ("name_en",),
    "agreements": ("title_en", "title"),
    "countries": ("name_en",),
}


def _newest(rows: Iterable[Row], key: str) -> list[Row]:
    """Rows by date-ish `key`, newest first, undated last ("2024" sorts before "2024-02")."""
    dated = sorted((r for r in rows if r[key]), key=lambda r: r[key], reverse=True)
    return dated + [r for r in rows if not r[key]]


class Site:
    """Indexes over the published tables, and the list of pages to render."""

    def __init__(
        self,
        tables: dict[str, list[Row]],
        package: dict[str, Any],
        files: dict[str, list[str]],
        extra_pages: set[str],
    ) -> None:
        self.t = {name: tables.get(name, []) for name in KEYS}
        self.rows = {name: len(rows) for name, rows in tables.items()}  # every published table
        live = {r[KEYS[t]] for t in ("meetings", "agreements", "people") for r in self.t[t]}
        self.redirects = [r for r in tables.get("redirects", [])
                          if r["table"] in ("meetings", "agreements", "people") and r["new_id"] in live]
        self.package, self.files, self.extra_pages = package, files, extra_pages
        self.by_id = {name: {r[key]: r for r in self.t[name]} for name, key in KEYS.items()}
        self.cites: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for cit in sorted(self.t["citations"], key=lambda c: (c["source_id"], int(c["start"]))):
            self.cites[cit["table"], cit["record_id"]].append(cit)
        self.parts = {k: group(self.t["participants"], k) for k in ("meeting_id", "person_id")}
        self.sigs = {k: group(self.t["signatories"], k) for k in ("agreement_id", "person_id")}
        self.agreements_at = group(self.t["agreements"], "meeting_id")
        self.cited = group(sorted(self.t["citations"], key=lambda c: int(c["start"])), "source_id")
        self.meetings = _newest(self.t["meetings"], "date")
        self.agreements = _newest(self.t["agreements"], "signed_date")
        self.sources = _newest(self.t["sources"], "published")
        self.people = sorted(self.t["people"], key=lambda p: (p["name_en"], p["person_id"]))
        codes = {c for r in self.meetings + self.agreements for c in r["countries"]}
        self.countries = sorted(codes, key=lambda c: (self.label("countries", c), c))
        self.mine: dict[str, dict[str, list[Row]]] = {
            c: {"meetings": [], "agreements": [], "people": []} for c in self.countries
        }
        self.pairs: dict[tuple[str, str], Row] = {}
        for kind, date in (("meetings", "date"), ("agreements", "signed_date")):
            for row in getattr(self, kind):
                codes_of = sorted(set(row["countries"]))
                for code in codes_of:
                    self.mine[code][kind].append(row)
                for i, a in enumerate(codes_of):
                    for b in codes_of[i + 1 :]:
                        pair = self.pairs.setdefault(
                            (a, b), {"a": a, "b": b, "meetings": 0, "agreements": 0, "last": ""}
                        )
                        pair[kind] += 1
                        pair["last"] = max(pair["last"], row[date])
        for person in self.people:
            if person["country"] in self.mine:
                self.mine[person["country"]]["people"].append(person)

    def has_page(self, kind: str, key: str) -> bool:
        """Countries get a page when a meeting or agreement names them; records always."""
        return key in self.countries if kind == "countries" else key in self.by_id[kind]

    def label(self, kind: str, key: str) -> str:
        row = self.by_id[kind].get(key, {})
        if kind == "agreements" and row.get("title_en_basis") == "composed" and row.get("title"):
            return agreement_label(row)
        return next((str(row[f]) for f in LABELS[kind] if row.get(f)), key)

    def of_country(self, code: str) -> dict[str, Any]:
        mine = self.mine.get(code, {"meetings": [], "agreements": [], "people": []})
        dates = [m["date"] for m in mine["meetings"]]
        dates += [a["signed_date"] for a in mine["agreements"]]
        return {**mine, "last": max(dates, default="")}

    def partners(self, code: str) -> list[Row]:
        """Per partner country: meetings and agreements together, and the last date."""
        out = [
            {**pair, "code": pair["b"] if pair["a"] == code else pair["a"]}
            for key, pair in self.pairs.items()
            if code in key
        ]
        return sorted(
            out,
            key=lambda e: (-e["meetings"] - e["agreements"], self.label("countries", e["code"])),
        )

    def pair_list(self) -> list[Row]:
        """Every pair of states sharing a meeting or agreement, the busiest first."""
        return sorted(
            self.pairs.values(),
            key=lambda e: (
                -e["meetings"] - e["agreements"],
                self.label("countries", e["a"]),
                self.label("countries", e["b"]),
            ),
        )

    def records_of(self, person_id: str, table: str) -> list[Row]:
        """A person's participations or signatures, newest first, undated last."""
        if table == "participants":
            rows, parent, date = self.parts["person_id"], ("meetings", "meeting_id"), "date"
        else:
            rows, parent, date = (
                self.sigs["person_id"],
                ("agreements", "agreement_id"),
                "signed_date",
            )
        dated = [
            {**r, "date": self.by_id[parent[0]].get(r[parent[1]], {}).get(date) or ""}
            for r in rows.get(person_id, [])
        ]
        return _newest(dated, "date")

    def roles(self, person_id: str) -> list[Row]:
        """A person's roles over time: per role (and country), first and last date seen."""
        seen: dict[tuple[str, str], Row] = {}
        records = [
            (
                p["role_en"],
                p["country"],
                self.by_id["meetings"].get(p["meeting_id"], {}).get("date"),
            )
            for p in self.parts["person_id"].get(person_id, [])
        ] + [
            (
                s["role_en"],
                s["country"],
                self.by_id["agreements"].get(s["agreement_id"], {}).get("signed_date"),
            )
            for s in self.sigs["person_id"].get(person_id, [])
        ]
        for role, country, date in records:
            entry = seen.setdefault(
                (role or "", country or ""),
                {"role": role or "", "country": country or "", "first": "", "last": "", "count": 0},
            )
            entry["count"] += 1
            if date:
                entry["first"] = min(entry["first"] or date, date)
                entry["last"] = max(entry["last"], date)
        return sorted(seen.values(), key=lambda e: (e["first"] or "9999", e["last"], e["role"]))

    def pages(self) -> Iterable[tuple[str, str, dict[str, Any]]]:
        """(path in docs, template, context) for every page."""
        # Markdown links are relative to the .md file; raw HTML (the SVG) needs the URL
        # mkdocs gives the page: index.md -> /, data.md -> /data/, countries/az.md ->
        # /countries/az/ (use_directory_urls, mkdocs' default).
        home, index, record = (
            View(self, "", ""),
            View(self, "../", "../"),
            View(self, "../", "../../"),
        )
        yield "index.md", "index.md.j2", {"v": home}
        data = {
            "v": View(self, "", "../"),
            "resources": self.package["resources"],
            "zip": ZIP_NAME,
            "cite_as": cite_as(self.package),
            "licences": licence_names(self.package),
        }
        yield "data.md", "data.md.j2", data
        for section in SECTIONS:
            yield f"{section}/index.md", f"{section}_index.md.j2", {"v": index}
        for code in self.countries:
            yield (
                f"countries/{checked('countries', code).lower()}.md",
                "country.md.j2",
                {"v": record, "code": code, **self.of_country(code)},
            )
        for kind, template, name in (
            ("agreements", "agreement.md.j2", "a"),
            ("meetings", "meeting.md.j2", "m"),
            ("people", "person.md.j2", "p"),
            ("sources", "source.md.j2", "s"),
        ):
            for row in self.t[kind]:
                key = checked(kind, row[KEYS[kind]])
                yield f"{kind}/{key}.md", template, {"v": record, name: row}
        for r in self.redirects:  # old ids keep working: a page that sends readers on
            table, new = r["table"], checked(r["table"], r["new_id"])
            reason = ("reports from several sources were joined into it." if r["reason"] == "merge"
                      else "a curated judgement joined or split records.")
            yield f"{table}/{checked(table, r['old_id'])}.md", "moved.md.j2", {
                "new_id": new, "reason_text": reason, "label": self.label(table, new)}


class View:
    """What templates call to link and cite.

    `root` leads from the page's Markdown file to the docs root (for Markdown links);
    `url_root` from the page's URL to the site root (for links in raw HTML).
    """

    def __init__(self, site: Site, root: str, url_root: str = "") -> None:
        self.site, self.root, self.url_root = site, root, url_root

    def url(self, kind: str, key: str = "", anchor: str = "") -> str:
        """The built page of a record (or of a section, without `key`), for raw HTML."""
        if not key:
            return f"{self.url_root}{checked('data', kind)}/"
        path = checked(kind, key).lower() if kind == "countries" else checked(kind, key)
        return f"{self.url_root}{kind}/{path}/" + (f"#{checked('data', anchor)}" if anchor else "")

    def timeline(self, code: str = "") -> Markup:
        """Meetings and agreements over time, of one country or (no `code`) of all."""
        mine = (
            self.site.of_country(code)
            if code
            else {"meetings": self.site.meetings, "agreements": self.site.agreements}
        )
        lanes = []
        for kind, name, date in (
            ("meetings", "Meetings", "date"),
            ("agreements", "Agreements", "signed_date"),
        ):
            marks = tuple(
                charts.Mark(
                    r[date], self.site.label(kind, r[KEYS[kind]]), self.url(kind, r[KEYS[kind]])
                )
                for r in mine[kind]
            )
            more = self.url("countries", code, kind) if code else self.url(kind)
            lanes.append(charts.Lane(kind, name, marks, more))
        where = self.site.label("countries", code) if code else "all states"
        undated = sum(1 for lane in lanes for m in lane.marks if charts.month_index(m.date) is None)
        meetings, agreements = (len(lane.marks) for lane in lanes)
        counts = f"{plural(meetings, 'meeting')} and {plural(agreements, 'agreement')}"
        note = f" ({undated} undated, not drawn)" if undated else ""
        listed = "the tables below" if code else "the Meetings and Agreements pages"
        return charts.timeline(
            lanes,
            title=f"Timeline of meetings and agreements: {where}",
            description=f"{counts} of {where} by date{note}; each is listed in {listed}.",
            chart_id=f"timeline-{code.lower()}" if code else "timeline",
        )

    def network(self) -> Markup:
        """The states as a network, edges weighted by shared meetings and agreements."""
        site = self.site
        weights = {
            c: len(site.mine[c]["meetings"]) + len(site.mine[c]["agreements"])
            for c in site.countries
        }
        nodes = [
            charts.Node(c, site.label("countries", c), self.url("countries", c), weights[c])
            for c in site.countries
        ]
        edges = [
            charts.Edge(
                p["a"],
                p["b"],
                p["meetings"],
                p["agreements"],
                self.url("countries", p["a"], f"with-{p['b'].lower()}"),
            )
            for p in site.pairs.values()
        ]
        return charts.network(
            nodes,
            edges,
            title="Network of states: meetings and agreements between them",
            description=(
                f"{len(nodes)} states; a line joins two states that met or signed an agreement, "
                "as wide as their meetings and agreements together (the number on it). "
                "The same pairs are listed in the table below."
            ),
            chart_id="network",
        )

    def pair_anchor(self, code: str) -> Markup:
        """The anchor a partner row carries, the target of a network edge."""
        return Markup(f'<span id="with-{checked("countries", code).lower()}"></span>')

    def titles(self, a: Row) -> list[Row]:
        """The title as written, then every other title a source gives (cited for `title`)."""
        out: dict[str, Row] = {}
        if a["title"]:
            out[a["title"]] = {"title": a["title"], "languages": [], "cites": Markup("")}
        for cit in self.site.cites.get(("agreements", a["agreement_id"]), []):
            if cit["field"] == "title":
                entry = out.setdefault(
                    cit["quote"], {"title": cit["quote"], "languages": [], "cites": Markup("")}
                )
                entry["cites"] = Markup("\n").join(c for c in (entry["cites"], self.cite(cit)) if c)
                if cit["language"] not in entry["languages"]:
                    entry["languages"].append(cit["language"])
        return list(out.values())

    def institutions(self, agreement_id: str) -> list[str]:
        """Who signed for whom: each signatory's office and state, as the sources name them."""
        out = []
        for s in self.site.sigs["agreement_id"].get(agreement_id, []):
            role = s["role_en"] or "Signatory"
            where = self.site.label("countries", s["country"]) if s["country"] else ""
            text = f"{role} ({where})" if where else role
            if text not in out:
                out.append(text)
        return out

    def full_text(self, s: Row) -> Markup:
        """The article body with every cited span marked and linked, if its licence allows."""
        text = str(s.get("text") or "")
        if not text or not allows_full_text(s.get("license")):
            return Markup("")
        body = parse_front_matter(str(s.get("file", "")), text)[1]
        spans = sorted(
            (int(c["start"]), int(c["end"]), c["citation_id"])
            for c in self.site.cited.get(s["source_id"], [])
        )
        marks: list[tuple[int, int, str]] = []
        for start, end, cid in spans:
            if end <= body or start >= len(text):
                continue
            if marks and start < marks[-1][1]:
                marks[-1] = (marks[-1][0], max(marks[-1][1], end), marks[-1][2])
            else:
                marks.append((max(start, body), end, cid))
        paragraphs: list[Markup] = []
        line: list[Markup] = []
        pos = body
        for start, end, cid in [*marks, (len(text), len(text), "")]:
            for i, piece in enumerate(text[pos:start].split("\n")):
                if i:
                    paragraphs.append(Markup("").join(line))
                    line = []
                piece = piece if line else piece.lstrip()
                if piece:
                    line.append(md_text(piece))
            if cid:
                href = f"#{checked('citations', cid)}"
                line.append(
                    Markup(
                        f'<a class="cited" href="{href}">'
                        f"<mark>{md_text(text[start:end])}</mark></a>"
                    )
                )
            pos = end
        paragraphs.append(Markup("").join(line))
        return Markup("\n\n").join(p for p in paragraphs if p)

    def href(self, kind: str, key: str) -> str:
        path = checked(kind, key).lower() if kind == "countries" else checked(kind, key)
        return f"{self.root}{kind}/{path}.md"

    def link(self, kind: str, key: str, text: object = None) -> Markup:
        """`[label](kind/key.md)`, or the bare text when the record is unknown."""
        return self._linked(kind, key, text, lambda label: f"[{label}]({self.href(kind, key)})")

    def links(self, kind: str, keys: Iterable[str]) -> Markup:
        return join(self.link(kind, key) for key in keys)

    def a(self, kind: str, key: str, text: object = None) -> Markup:
        """`<a href="…">label</a>`, for raw HTML such as a fact block, or the bare text when
        the record is unknown (as :meth:`link`)."""
        return self._linked(kind, key, text, lambda label: f'<a href="{self.url(kind, key)}">{label}</a>')

    def a_list(self, kind: str, keys: Iterable[str]) -> Markup:
        return join(self.a(kind, key) for key in keys)

    def _linked(self, kind: str, key: str, text: object, form: Callable[[Markup], str]) -> Markup:
        """The escaped label (``text``, else the record's) in the link ``form`` makes, or alone
        when the record has no page."""
        label = md_text(text if text else self.site.label(kind, key))
        return Markup(form(label)) if self.site.has_page(kind, key) else label

    def quote(self, cit: Row, others: Iterable[Row] = ()) -> Markup:
        """The sentence, with the quoted span (and those of ``others`` in it) in <mark>."""
        context, base = cit["context"], int(cit["context_start"])
        spans: list[tuple[int, int]] = []
        for c in (cit, *others):
            at = int(c["start"]) - base
            if context[at : at + len(c["quote"])] != c["quote"]:
                at = context.find(c["quote"])
            if at < 0 or not c["quote"]:
                return Markup(f"{md_text(context)} <mark>{md_text(cit['quote'])}</mark>")
            spans.append((at, at + len(c["quote"])))
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        out, pos = [], 0
        for s, e in merged:
            out.append(f"{md_text(context[pos:s])}<mark>{md_text(context[s:e])}</mark>")
            pos = e
        return Markup("".join(out)) + md_text(context[pos:])

    def cite(self, cit: Row, *, field: bool = False, others: Iterable[Row] = ()) -> Markup:
        """One citation as a paragraph of raw HTML: quote in context, language, link to the
        source anchor. Raw HTML, not Markdown: mkdocs copies it as it is, where parsing the
        Markdown of every citation was most of the site build's cost (docs/performance.md);
        its links are therefore built URLs (:meth:`url`), checked by the tests on the built site.

        With `field`, the cited column is named first (for rows cited for several).
        ``others``: citations of the same record in the same sentence, marked in it too.
        """
        others = list(others)
        src = self.site.by_id["sources"].get(cit["source_id"], {})
        where = ", ".join(
            str(x) for x in (src.get("outlet") or src.get("file"), src.get("published")) if x
        )
        href = self.url("sources", cit["source_id"], checked("citations", cit["citation_id"]))
        names = ", ".join(dict.fromkeys(str(c["field"]) for c in (cit, *others)))
        tag = f'<span class="cite-field">{md_text(names)}</span> ' if field else ""
        return Markup(
            f'<p class="cite">{tag}<span class="cite-text">{self.quote(cit, others)}</span> <span class="cite-meta">'
            f'<span class="cite-lang">{md_text(cit["language"])}</span> '
            f'<a class="cite-link" href="{href}">{md_text(where or cit["source_id"])}</a></span></p>'
        )

    def cites(self, table: str, record_id: str, *fields: str) -> Markup:
        """Citations of a record (of the given fields only, if any), one paragraph per sentence
        quoted: a sentence cited for several fields (name, role, country) is shown once, with
        every cited span marked and the fields named."""
        rows = [c for c in self.site.cites.get((table, record_id), []) if not fields or c["field"] in fields]
        groups: dict[tuple[str, int, int], list[Row]] = {}
        for c in rows:
            groups.setdefault((c["source_id"], int(c["context_start"]), int(c["context_end"])), []).append(c)
        return Markup("\n").join(self.cite(g[0], field=not fields, others=g[1:]) for g in groups.values())

    def person_cites(self, person_id: str, field: str) -> Markup:
        """Where a person's ``field`` (``name``, ``country``) is stated: one citation for each
        distinct quote, from their participations and signatures."""
        seen: set[str] = set()
        out: list[Markup] = []
        for table, key in (("participants", "participant_id"), ("signatories", "signatory_id")):
            for r in self.site.records_of(person_id, table):
                for c in self.site.cites.get((table, r[key]), []):
                    if c["field"] == field and c["quote"] not in seen:
                        seen.add(c["quote"])
                        out.append(self.cite(c))
        return Markup("\n").join(out)

    def other_cites(self, table: str, record_id: str, *shown: str) -> Markup:
        rows = self.site.cites.get((table, record_id), [])
        return Markup("\n").join(self.cite(c, field=True) for c in rows if c["field"] not in shown)

    def users(self, cit: Row) -> Markup:
        """Links from a citation back to the record pages that show it."""
        table, key = cit["table"], cit["record_id"]
        row = self.site.by_id.get(table, {}).get(key, {})
        targets = {
            "meetings": [("meetings", key)],
            "agreements": [("agreements", key)],
            "participants": [
                ("meetings", row.get("meeting_id", "")),
                ("people", row.get("person_id", "")),
            ],
            "signatories": [
                ("agreements", row.get("agreement_id", "")),
                ("people", row.get("person_id", "")),
            ],
        }.get(table, [])
        kinds = {"meetings": "Meeting", "agreements": "Agreement", "people": "Person"}
        return join(Markup(f"{kinds[kind]}: {self.a(kind, k)}") for kind, k in targets if k)

    def passage(self, cit: Row) -> Markup:
        """A cited passage on its source's page, the target of the citation links (raw HTML, as
        :meth:`cite`): the sentence with the quote marked, the field, and links back to the records."""
        users = self.users(cit)
        return Markup(
            f'<p id="{checked("citations", cit["citation_id"])}" class="cite passage">'
            f'<span class="cite-text">{self.quote(cit)}</span> <span class="cite-meta">cited for '
            f'{md_text(human(cit["field"]))}{Markup(" · ") + users if users else ""}</span></p>'
        )

    def period(self, a: Row) -> str:
        start, end = a["valid_from"], a["valid_to"]
        if start and end:
            return start if start == end else f"{start}–{end}"
        return f"from {start}" if start else (f"until {end}" if end else "")


def agreement_label(row: Row) -> str:
    """An agreement's name for headings and lists. A composed English title ("Agreement between
    Azerbaijan and Uzbekistan") says nothing of the subject, so the title as written follows it:
    two agreements of one day stay apart."""
    title = str(row.get("title") or "")
    if row.get("title_en_basis") != "composed" or not title:
        return str(row.get("title_en") or title or row.get("agreement_id", ""))
    short = title if len(title) <= 90 else title[:89].rsplit(" ", 1)[0] + "…"
    return f"{row['title_en']}: {short}"


_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|\{[^}]*\}")


def search_keys(page: str) -> str:
    """Other spellings of the names and places on a rendered page, for the search index only.

    Every capitalised word that has an apostrophe or a letter outside ASCII gets each
    apostrophe written as every other one and left out ("Qudratxo'jayev", "Qudratxojayev")
    and its English press spelling ("Heydərov" → "Heydarov", "Гейдаров" → "Geydarov"), so a
    reader finds it however they type it. The block is hidden from readers and screen
    readers; search reads it. Empty when the page has no such word."""
    words = {w.strip(".,;:!?()[]«»\"“”*_|") for w in _MARKUP.sub(" ", page).split()}
    variants: set[str] = set()
    for word in words:
        if not word[:1].isupper() or (word.isascii() and not any(c in APOSTROPHES for c in word)):
            continue
        marks = [c for c in APOSTROPHES if c in word]
        for mark in ([*APOSTROPHES, ""] if marks else []):
            variants.add(_replace_all(word, marks, mark))
        cyrillic = any("\u0400" <= c <= "\u04ff" for c in word)
        variants.add(_replace_all(transliterate(word, "ru" if cyrillic else "az"), APOSTROPHES, ""))
    variants -= words
    if not variants:
        return ""
    return f'\n<div class="search-keys" hidden aria-hidden="true">{md_text(" ".join(sorted(variants)))}</div>\n'


def _replace_all(word: str, marks: Iterable[str], by: str) -> str:
    for mark in marks:
        word = word.replace(mark, by)
    return word
