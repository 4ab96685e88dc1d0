"""A tiny hand-written published data package, for the page and browser tests.

`write_fixture(root)` writes `root/seeds/*.txt` and `root/data/` (one CSV and one
Parquet file per table, plus datapackage.json) following the data contract, and
returns the data directory. One source is hostile: markup, Markdown links and
template syntax in a title, a name and a quote must come out as literal text.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

Row = dict[str, object]

HOSTILE_TITLE = "<script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }} {% raw %}"
HOSTILE_NAME = "Aigerim <img src=x onerror=alert(1)> Sadykova"

TEXTS = {
    "az-2025-12-03.txt": (
        "Bakıda Azərbaycanın fövqəladə hallar naziri Kəmaləddin Heydərov "
        "Özbəkistanın fövqəladə hallar naziri Botir Kudratxocayevlə görüşüb.\n"
        "Görüşdə nazirlər 2026-2027-ci illər üçün birgə fəaliyyət planını imzalayıblar.\n"
    ),
    "uz-2025-12-04.txt": (
        "Toshkent, 4-dekabr. O‘zbekiston favqulodda vaziyatlar vaziri Botir "
        "Qudratxo‘jayev Bokuda Kamaliddin Haydarov bilan uchrashdi.\n"
        "Tomonlar 2026–2027 yillarga mo‘ljallangan qo‘shma harakatlar rejasini imzoladilar.\n"
    ),
    "en-2024-03-01.txt": (
        f"Astana, 1 March 2024. Minister {HOSTILE_NAME} and Minister Botir "
        f"Qudratxo‘jayev signed the {HOSTILE_TITLE} memorandum.\n"
        "In February 2024 the ministers of Kazakhstan and Azerbaijan held a phone call.\n"
    ),
}

LIST = {"type": "list", "itemType": "string", "delimiter": ","}
PIPE = {"type": "list", "itemType": "string", "delimiter": "|"}
INT = {"type": "integer"}

# table -> (description, primary key, [(field, extra properties, description)], fks)
SCHEMA: dict[str, tuple[str, str, list[tuple[str, dict[str, str], str]], list[str]]] = {
    "sources": (
        "Seed articles.",
        "source_id",
        [
            ("source_id", {}, "Content-derived id."),
            ("file", {}, "Seed file name."),
            ("language", {}, "ISO 639-1."),
            ("published", {}, "Publication date."),
            ("published_precision", {}, "day, month or year."),
            ("published_basis", {}, "Where the date came from."),
            ("url", {}, "Original URL."),
            ("outlet", {}, "Publisher."),
            ("title", {}, "Headline."),
            ("license", {}, "Licence."),
            ("sha256", {}, "Hash of the file bytes."),
            ("chars", INT, "Length of the text."),
            ("text", {}, "Full text, if the licence allows."),
        ],
        [],
    ),
    "meetings": (
        "Meetings reported as having happened.",
        "meeting_id",
        [
            ("meeting_id", {}, "Content-derived id."),
            ("date", {}, "Date."),
            ("date_precision", {}, "day, month or year."),
            ("date_basis", {}, "Basis of the date."),
            ("countries", LIST, "Countries taking part."),
            ("city", {}, "City."),
            ("city_basis", {}, "Basis of the city."),
            ("kind", {}, "Kind of meeting."),
            ("label", {}, "Short English description."),
            ("source_ids", LIST, "Sources."),
        ],
        [],
    ),
    "participants": (
        "Officials taking part in meetings.",
        "participant_id",
        [
            ("participant_id", {}, "Id."),
            ("meeting_id", {}, "Meeting."),
            ("person_id", {}, "Person."),
            ("name", {}, "Name as written."),
            ("name_en", {}, "English name."),
            ("country", {}, "Country."),
            ("role_en", {}, "Role."),
            ("source_ids", LIST, "Sources."),
        ],
        ["meeting_id:meetings", "person_id:people"],
    ),
    "agreements": (
        "Documents reported as signed.",
        "agreement_id",
        [
            ("agreement_id", {}, "Id."),
            ("meeting_id", {}, "Meeting, if any."),
            ("kind", {}, "Kind of document."),
            ("title", {}, "Title as written."),
            ("title_en", {}, "English title."),
            ("title_en_basis", {}, "source or composed."),
            ("countries", LIST, "Parties."),
            ("signed_date", {}, "Signing date."),
            ("signed_date_precision", {}, "day, month or year."),
            ("valid_from", INT, "First year."),
            ("valid_to", INT, "Last year."),
            ("city", {}, "City."),
            ("source_ids", LIST, "Sources."),
        ],
        ["meeting_id:meetings"],
    ),
    "signatories": (
        "People the text says signed.",
        "signatory_id",
        [
            ("signatory_id", {}, "Id."),
            ("agreement_id", {}, "Agreement."),
            ("person_id", {}, "Person."),
            ("name", {}, "Name as written."),
            ("name_en", {}, "English name."),
            ("country", {}, "Country."),
            ("role_en", {}, "Role."),
            ("basis", {}, "Always stated."),
            ("source_ids", LIST, "Sources."),
        ],
        ["agreement_id:agreements", "person_id:people"],
    ),
    "people": (
        "Officials.",
        "person_id",
        [
            ("person_id", {}, "Id."),
            ("name_en", {}, "English name."),
            ("country", {}, "Country."),
            ("roles_en", PIPE, "Roles."),
            ("aliases", PIPE, "Every written form seen."),
        ],
        [],
    ),
    "countries": (
        "Countries.",
        "code",
        [
            ("code", {}, "ISO 3166-1 alpha-2."),
            ("name_en", {}, "English name."),
        ],
        [],
    ),
    "citations": (
        "Passages each value came from.",
        "citation_id",
        [
            ("citation_id", {}, "Id."),
            ("table", {}, "Cited table."),
            ("record_id", {}, "Cited row."),
            ("field", {}, "Cited column."),
            ("source_id", {}, "Source."),
            ("start", INT, "Start offset."),
            ("end", INT, "End offset."),
            ("quote", {}, "The cited span."),
            ("context_start", INT, "Sentence start."),
            ("context_end", INT, "Sentence end."),
            ("context", {}, "The sentence."),
            ("language", {}, "Language of the source."),
        ],
        ["source_id:sources"],
    ),
    "redirects": (
        "Ids that no longer name a record.",
        "old_id",
        [
            ("old_id", {}, "Old id."),
            ("new_id", {}, "New id."),
            ("table", {}, "Table."),
            ("reason", {}, "Why."),
        ],
        [],
    ),
    "corrections": (
        "Human corrections.",
        "correction_id",
        [
            ("correction_id", {}, "Id."),
            ("table", {}, "Table."),
            ("record_id", {}, "Row."),
            ("field", {}, "Column."),
            ("action", {}, "set or suppress."),
            ("old_value", {}, "Old value."),
            ("new_value", {}, "New value."),
            ("reason", {}, "Why."),
            ("who", {}, "Who."),
            ("when", {}, "When."),
        ],
        [],
    ),
}


def make_id(prefix: str, *parts: str) -> str:
    return f"{prefix}-{hashlib.sha1('|'.join(parts).encode()).hexdigest()[:12]}"


SRC = {name: make_id("src", name) for name in TEXTS}
AZ, UZ, EN = (SRC[name] for name in TEXTS)
MTG1, MTG2 = make_id("mtg", "baku"), make_id("mtg", "call")
AGR1, AGR2 = make_id("agr", "plan"), make_id("agr", "hostile")
HEY, QUD, SAD = make_id("per", "heydarov"), make_id("per", "qudrat"), make_id("per", "sadykova")
PAR = [make_id("par", str(i)) for i in range(4)]
# The hostile source may be republished (its full text must show, inert); the Uzbek one
# carries its text although its licence forbids showing it (the page must not).
LICENCES = {AZ: "", UZ: "CC-BY-NC-4.0", EN: "CC0-1.0"}
SIG = [make_id("sig", str(i)) for i in range(4)]


@dataclass
class Builder:
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in SCHEMA})

    def cite(self, table: str, record_id: str, fld: str, src: str, quote: str) -> None:
        name = next(n for n, s in SRC.items() if s == src)
        text = TEXTS[name]
        start = text.index(quote)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.index("\n", start)
        self.rows["citations"].append(
            {
                "citation_id": make_id("cit", table, record_id, fld, src, quote),
                "table": table,
                "record_id": record_id,
                "field": fld,
                "source_id": src,
                "start": start,
                "end": start + len(quote),
                "quote": quote,
                "context_start": line_start,
                "context_end": line_end,
                "context": text[line_start:line_end],
                "language": name[:2],
            }
        )


def build_rows() -> dict[str, list[Row]]:
    b = Builder()
    r = b.rows
    meta = {
        AZ: (
            "az",
            "2025-12-03",
            "https://example.org/az?a=1&b=2",
            "Day.Az",
            "Heydərov met Kudratxocayev",
        ),
        UZ: ("uz", "2025-12-04", "", "Kun.uz", "Qudratxo‘jayev Bokuda"),
        EN: ("en", "2024-03-01", "javascript:alert(1)", "<b>Evil</b> _News_", HOSTILE_TITLE),
    }
    for name, src in SRC.items():
        lang, published, url, outlet, title = meta[src]
        licence = LICENCES[src]
        data = TEXTS[name].encode()
        r["sources"].append(
            {
                "source_id": src,
                "file": name,
                "language": lang,
                "published": published,
                "published_precision": "day",
                "published_basis": "front_matter",
                "url": url,
                "outlet": outlet,
                "title": title,
                "license": licence,
                "sha256": hashlib.sha256(data).hexdigest(),
                "chars": len(TEXTS[name]),
                "text": TEXTS[name] if licence else "",
            }
        )
    r["countries"] = [
        {"code": "AZ", "name_en": "Azerbaijan"},
        {"code": "KZ", "name_en": "Kazakhstan"},
        {"code": "UZ", "name_en": "Uzbekistan"},
    ]
    r["meetings"] = [
        {
            "meeting_id": MTG1,
            "date": "2025-12-03",
            "date_precision": "day",
            "date_basis": "published",
            "countries": ["AZ", "UZ"],
            "city": "Baku",
            "city_basis": "stated",
            "kind": "meeting",
            "label": "Azerbaijan–Uzbekistan meeting, Baku, 2025-12-03",
            "source_ids": [AZ, UZ],
        },
        {
            "meeting_id": MTG2,
            "date": "2024-02",
            "date_precision": "month",
            "date_basis": "stated",
            "countries": ["AZ", "KZ"],
            "city": None,
            "city_basis": None,
            "kind": "phone_call",
            "label": "Azerbaijan–Kazakhstan phone call, 2024-02",
            "source_ids": [EN],
        },
    ]
    b.cite("meetings", MTG1, "city", AZ, "Bakıda")
    b.cite("meetings", MTG1, "city", UZ, "Bokuda")
    b.cite("meetings", MTG1, "kind", AZ, "görüşüb")
    b.cite("meetings", MTG1, "countries", AZ, "Azərbaycanın")
    b.cite("meetings", MTG2, "date", EN, "In February 2024")
    b.cite("meetings", MTG2, "kind", EN, "phone call")
    b.cite("meetings", MTG2, "countries", EN, "Kazakhstan and Azerbaijan")
    people = [
        (
            HEY,
            "Kamaladdin Heydarov",
            "AZ",
            "Minister of Emergency Situations",
            ["Kəmaləddin Heydərov", "Kamaliddin Haydarov", "Кямаледдин Гейдаров"],
        ),
        (
            QUD,
            "Botir Kudratkhodjaev",
            "UZ",
            "Minister of Emergency Situations",
            ["Botir Kudratxocayev", "Botir Qudratxo‘jayev"],
        ),
        (SAD, "Aigerim Sadykova", "KZ", "Minister", [HOSTILE_NAME]),
    ]
    r["people"] = [
        {"person_id": p, "name_en": n, "country": c, "roles_en": [role], "aliases": aliases}
        for p, n, c, role, aliases in sorted(people)
    ]
    parts = [
        (PAR[0], MTG1, HEY, "Kəmaləddin Heydərov", AZ),
        (PAR[1], MTG1, QUD, "Botir Kudratxocayev", AZ),
    ]
    for pid, mtg, per, name, src in parts:
        person = next(p for p in people if p[0] == per)
        r["participants"].append(
            {
                "participant_id": pid,
                "meeting_id": mtg,
                "person_id": per,
                "name": name,
                "name_en": person[1],
                "country": person[2],
                "role_en": person[3],
                "source_ids": [src],
            }
        )
        b.cite("participants", pid, "name", src, name)
    b.cite("participants", PAR[1], "name", UZ, "Botir Qudratxo‘jayev")
    r["agreements"] = [
        {
            "agreement_id": AGR1,
            "meeting_id": MTG1,
            "kind": "plan",
            "title": "birgə fəaliyyət planı",
            "title_en": "Joint action plan of the emergency ministries for 2026–2027",
            "title_en_basis": "composed",
            "countries": ["AZ", "UZ"],
            "signed_date": "2025-12-03",
            "signed_date_precision": "day",
            "valid_from": 2026,
            "valid_to": 2027,
            "city": "Baku",
            "source_ids": [AZ, UZ],
        },
        {
            "agreement_id": AGR2,
            "meeting_id": None,
            "kind": "memorandum",
            "title": HOSTILE_TITLE + " memorandum",
            "title_en": HOSTILE_TITLE,
            "title_en_basis": "source",
            "countries": ["KZ", "UZ"],
            "signed_date": "2024-03-01",
            "signed_date_precision": "day",
            "valid_from": None,
            "valid_to": None,
            "city": "Astana",
            "source_ids": [EN],
        },
    ]
    b.cite("agreements", AGR1, "title", AZ, "birgə fəaliyyət planı")
    b.cite("agreements", AGR1, "title", UZ, "qo‘shma harakatlar rejasini")
    b.cite("agreements", AGR1, "valid_from", AZ, "2026-2027-ci illər")
    b.cite("agreements", AGR1, "signed_date", AZ, "imzalayıblar")
    b.cite("agreements", AGR2, "title", EN, HOSTILE_TITLE + " memorandum")
    b.cite("agreements", AGR2, "signed_date", EN, "1 March 2024")
    b.cite("agreements", AGR2, "city", EN, "Astana")
    sigs = [
        (SIG[0], AGR1, HEY, "Kəmaləddin Heydərov", AZ, "nazirlər"),
        (SIG[1], AGR1, QUD, "Botir Qudratxo‘jayev", UZ, "Tomonlar"),
        (SIG[2], AGR2, SAD, HOSTILE_NAME, EN, HOSTILE_NAME),
        (SIG[3], AGR2, QUD, "Botir Qudratxo‘jayev", EN, "Botir Qudratxo‘jayev"),
    ]
    for sid, agr, per, name, src, quote in sigs:
        person = next(p for p in people if p[0] == per)
        r["signatories"].append(
            {
                "signatory_id": sid,
                "agreement_id": agr,
                "person_id": per,
                "name": name,
                "name_en": person[1],
                "country": person[2],
                "role_en": person[3],
                "basis": "stated",
                "source_ids": [src],
            }
        )
        b.cite("signatories", sid, "name", src, quote)
    b.cite("sources", EN, "published", EN, "1 March 2024")
    r["redirects"].append({"old_id": make_id("mtg", "baku-alone"), "new_id": MTG1, "table": "meetings",
                           "reason": "merge"})
    r["corrections"].append({
        "correction_id": make_id("cor", "plan"), "table": "agreements", "record_id": AGR1, "field": "title_en",
        "action": "set", "old_value": '"Plan"', "new_value": '"Plan of cooperation for 2026"',
        "reason": "the <b>official</b> title", "who": "octocat", "when": "2026-11-22",
    })
    for name, rows in r.items():
        rows.sort(key=lambda row: str(row[SCHEMA[name][1]]))
    return r


def datapackage(tables: dict[str, list[Row]]) -> dict[str, object]:
    """The descriptor: per table a CSV resource and its Parquet twin (`<name>-parquet`)."""
    resources: list[dict[str, object]] = []
    for name, (description, key, fields, fks) in SCHEMA.items():
        for suffix, fmt in (("", "csv"), ("-parquet", "parquet")):
            specs = [
                {"name": f, "type": "string", **extra, "description": d} for f, extra, d in fields
            ]
            if suffix:  # as in accords.schema: lists are `any` in the Parquet twin
                specs = [
                    {"name": s["name"], "type": "any", "description": s["description"]}
                    if s["type"] == "list"
                    else s
                    for s in specs
                ]
            resources.append(
                {
                    "name": name + suffix,
                    "type": "table",
                    "path": f"{name}.{fmt}",
                    "format": fmt,
                    "description": description,
                    "schema": {
                        "fields": specs,
                        "primaryKey": [key],
                        "foreignKeys": [
                            {
                                "fields": [fk.split(":")[0]],
                                "reference": {
                                    "resource": fk.split(":")[1] + suffix,
                                    "fields": [fk.split(":")[0]],
                                },
                            }
                            for fk in fks
                        ],
                    },
                }
            )
    return {
        "name": "accords",
        "title": "Accords",
        "version": "0.1.0",
        "licenses": [{"name": "CC-BY-4.0"}],
        "resources": resources,
    }


def _cell(value: object, delimiter: str | None) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return (delimiter or ",").join(value)
    return value


def write_fixture(root: Path) -> Path:
    """Write seeds and the published tables under `root`; return the data dir."""
    seeds, data = root / "seeds", root / "data"
    seeds.mkdir(parents=True, exist_ok=True)
    data.mkdir(parents=True, exist_ok=True)
    for name, text in TEXTS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    tables = build_rows()
    for name, (_, _, fields, _) in SCHEMA.items():
        names = [f for f, _, _ in fields]
        delims = {f: extra.get("delimiter") for f, extra, _ in fields}
        rows = [{f: _cell(row.get(f), delims[f]) for f in names} for row in tables[name]]
        with (data / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=names, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        frame = pd.DataFrame(rows, columns=names).astype(str)
        for f, extra, _ in fields:
            if extra.get("type") == "integer":
                frame[f] = pd.to_numeric(frame[f].replace("", None)).astype("Int64")
        frame.to_parquet(data / f"{name}.parquet", index=False)
    package = json.dumps(datapackage(tables), indent=2, ensure_ascii=False)
    (data / "datapackage.json").write_text(package + "\n", encoding="utf-8")
    return data
