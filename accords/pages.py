"""Published tables -> Markdown pages for mkdocs, via the jinja2 templates in templates/.

Pages are rendered from the CSVs and datapackage.json only. Every data value is
untrusted: templates print it through `md_text` (the environment's finalize), which
turns HTML- and Markdown-special characters into numeric entities, so a title like
`<script>` or `[x](javascript:…)` shows literally and parses as nothing. Snippets of
markup are built here from validated ids and escaped values and passed as Markup.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

Row = dict[str, Any]
SECTIONS = ("countries", "agreements", "meetings", "people", "sources")
ID_PATTERNS = {
    "sources": r"src-[0-9a-f]{12}",
    "meetings": r"mtg-[0-9a-f]{12}",
    "agreements": r"agr-[0-9a-f]{12}",
    "people": r"per-[0-9a-f]{12}",
    "citations": r"cit-[0-9a-f]{12}",
    "countries": r"[A-Z]{2}",
    "data": r"[A-Za-z0-9_-][A-Za-z0-9_.-]*",
}
_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_[]{}()#|!~^"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"[^\S\xa0]+")
_LEADING = re.compile(r"^(?:([-+=])|(\d+)([.)]))")


def md_text(value: object) -> Markup:
    """A data value as inert Markdown/HTML text: it shows literally and parses as nothing."""
    if value is None:
        return Markup("")
    text = _SPACE.sub(" ", _CONTROL.sub("\ufffd", str(value))).translate(_ENTITIES)
    text = _LEADING.sub(lambda m: f"&#{ord(m[1])};" if m[1] else f"{m[2]}&#{ord(m[3])};", text)
    return Markup(text)


def checked(kind: str, key: str) -> str:
    """`key` if it is a well-formed id of `kind` (so safe in a path, URL or anchor)."""
    if not re.fullmatch(ID_PATTERNS[kind], key):
        raise ValueError(f"malformed {kind} id in published data: {key!r}")
    return key


def _finalize(value: object) -> Markup:
    return value if isinstance(value, Markup) else md_text(value)


def _join(items: Iterable[object], sep: str = ", ") -> Markup:
    return Markup(sep).join(_finalize(item) for item in items)


def yaml_str(value: object) -> Markup:
    """A front-matter string holding the escaped text.

    Material prints `page.meta.title` as is in <title> and the header; without it, it
    runs the h1 through `striptags`, which decodes entities (a `</title>` breakout).
    """
    return Markup(json.dumps(str(md_text(value)), ensure_ascii=False))


def weblink(url: str) -> Markup:
    """An external link if `url` is http(s), else the text itself (never a live link)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return md_text(url)
    return Markup(f'<a href="{md_text(url)}" rel="nofollow noopener noreferrer">{md_text(url)}</a>')


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Builtins that return Markup from unescaped data would bypass md_text: drop them.
    for name in (
        "safe",
        "e",
        "escape",
        "forceescape",
        "replace",
        "tojson",
        "urlize",
        "xmlattr",
        "indent",
        "format",
    ):
        del env.filters[name]
    env.filters["join"] = _join
    env.filters["md"] = md_text
    env.filters["yaml_str"] = yaml_str
    env.filters["weblink"] = weblink
    env.filters["human"] = lambda value: str(value).replace("_", " ")
    env.filters["anchor"] = lambda key: Markup(checked("citations", key))
    env.filters["datafile"] = lambda name: Markup(checked("data", name))
    return env


ENV = _environment()


def load_tables(data_dir: Path) -> tuple[dict[str, list[Row]], dict[str, Any]]:
    """Each CSV resource of datapackage.json as rows of str, list fields split."""
    package: dict[str, Any] = json.loads((data_dir / "datapackage.json").read_text("utf-8"))
    tables: dict[str, list[Row]] = {}
    for resource in package["resources"]:
        path = str(resource.get("path", ""))
        if not path.endswith(".csv"):
            continue
        frame = pd.read_csv(data_dir / checked("data", path), dtype=str, keep_default_na=False)
        rows: list[Row] = [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
        for spec in resource["schema"]["fields"]:
            if spec.get("type") == "list":
                sep = spec.get("delimiter", ",")
                for row in rows:
                    row[spec["name"]] = [v for v in row[spec["name"]].split(sep) if v]
        tables[resource["name"]] = rows
    return tables, package


def _copy_data(data_dir: Path, package: dict[str, Any], dest: Path) -> dict[str, list[str]]:
    """Copy datapackage.json and every resource's file; return CSV table -> its files.

    A table's files are its CSV and, when present, its Parquet twin (same stem).
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(data_dir / "datapackage.json", dest / "datapackage.json")
    files: dict[str, list[str]] = {}
    for resource in package["resources"]:
        path = checked("data", str(resource.get("path", "")))
        if (data_dir / path).is_file():
            shutil.copy2(data_dir / path, dest / path)
        if path.endswith(".csv"):
            twin = path[: -len(".csv")] + ".parquet"
            if (data_dir / twin).is_file():
                shutil.copy2(data_dir / twin, dest / twin)
            files[str(resource["name"])] = [path] + [twin] * (data_dir / twin).is_file()
    return files


def render_pages(data_dir: Path, docs_out: Path, *, seeds_dir: Path | None = None) -> list[Path]:
    """Render every page of the site into `docs_out`; return the Markdown files written.

    With `seeds_dir`, each citation's quote is first checked against its seed file.
    """
    tables, package = load_tables(data_dir)
    if seeds_dir is not None:
        check_quotes(tables, seeds_dir)
    for section in (*SECTIONS, "data"):
        shutil.rmtree(docs_out / section, ignore_errors=True)
    files = _copy_data(data_dir, package, docs_out / "data")
    site = Site(tables, package, files, extra_pages=_hand_written(docs_out))
    written = []
    for rel, template, context in site.pages():
        path = docs_out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ENV.get_template(template).render(context), encoding="utf-8")
        written.append(path)
    return written


RESERVED = ("index.md", "data.md", "data", *SECTIONS)
"""Top-level names in docs/ that render_pages writes (and clears first)."""


def _hand_written(docs_out: Path) -> set[str]:
    return {p for p in ("method.md", "contribute.md") if (docs_out / p).is_file()}


def check_quotes(tables: dict[str, list[Row]], seeds_dir: Path) -> None:
    """Raise if a citation's quote is not the slice start:end of its seed file."""
    files = {row["source_id"]: row["file"] for row in tables.get("sources", [])}
    texts: dict[str, str] = {}
    for cit in tables.get("citations", []):
        name = files[cit["source_id"]]
        if name not in texts:
            texts[name] = (seeds_dir / checked("data", name)).read_text(encoding="utf-8")
        if texts[name][int(cit["start"]) : int(cit["end"])] != cit["quote"]:
            raise ValueError(f"{cit['citation_id']}: quote is not {name}[start:end]")


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

    def has_page(self, kind: str, key: str) -> bool:
        """Countries get a page when a meeting or agreement names them; records always."""
        return key in self.countries if kind == "countries" else key in self.by_id[kind]

    def label(self, kind: str, key: str) -> str:
        row = self.by_id[kind].get(key, {})
        return next((str(row[f]) for f in LABELS[kind] if row.get(f)), key)

    def of_country(self, code: str) -> dict[str, Any]:
        mine = {
            "meetings": [m for m in self.meetings if code in m["countries"]],
            "agreements": [a for a in self.agreements if code in a["countries"]],
            "people": [p for p in self.people if p["country"] == code],
        }
        dates = [m["date"] for m in mine["meetings"]]
        dates += [a["signed_date"] for a in mine["agreements"]]
        return {**mine, "last": max(dates, default="")}

    def partners(self, code: str) -> list[Row]:
        """Per partner country: meetings and agreements together, and the last date."""
        out: dict[str, Row] = {}
        mine = self.of_country(code)
        for kind, date in (("meetings", "date"), ("agreements", "signed_date")):
            for row in mine[kind]:
                for other in row["countries"]:
                    if other != code:
                        entry = out.setdefault(
                            other, {"code": other, "meetings": 0, "agreements": 0, "last": ""}
                        )
                        entry[kind] += 1
                        entry["last"] = max(entry["last"], row[date])
        return sorted(
            out.values(),
            key=lambda e: (-e["meetings"] - e["agreements"], self.label("countries", e["code"])),
        )

    def pages(self) -> Iterable[tuple[str, str, dict[str, Any]]]:
        """(path in docs, template, context) for every page."""
        top, sub = View(self, ""), View(self, "../")
        yield "index.md", "index.md.j2", {"v": top}
        yield "data.md", "data.md.j2", {"v": top, "resources": self.package["resources"]}
        for section in SECTIONS:
            yield f"{section}/index.md", f"{section}_index.md.j2", {"v": sub}
        for code in self.countries:
            yield (
                f"countries/{checked('countries', code).lower()}.md",
                "country.md.j2",
                {"v": sub, "code": code, **self.of_country(code)},
            )
        for kind, template, name in (
            ("agreements", "agreement.md.j2", "a"),
            ("meetings", "meeting.md.j2", "m"),
            ("people", "person.md.j2", "p"),
            ("sources", "source.md.j2", "s"),
        ):
            for row in self.t[kind]:
                yield f"{kind}/{checked(kind, row[KEYS[kind]])}.md", template, {"v": sub, name: row}


class View:
    """What templates call to link and cite; `root` leads from the page to the docs root."""

    def __init__(self, site: Site, root: str) -> None:
        self.site, self.root = site, root

    def href(self, kind: str, key: str) -> str:
        path = checked(kind, key).lower() if kind == "countries" else checked(kind, key)
        return f"{self.root}{kind}/{path}.md"

    def link(self, kind: str, key: str, text: object = None) -> Markup:
        """`[label](kind/key.md)`, or the bare text when the record is unknown."""
        label = md_text(text if text else self.site.label(kind, key))
        if not self.site.has_page(kind, key):
            return label
        return Markup(f"[{label}]({self.href(kind, key)})")

    def links(self, kind: str, keys: Iterable[str]) -> Markup:
        return _join(self.link(kind, key) for key in keys)

    def quote(self, cit: Row) -> Markup:
        """The sentence, with the quoted span in <mark>."""
        context, quote = cit["context"], cit["quote"]
        at = int(cit["start"]) - int(cit["context_start"])
        if context[at : at + len(quote)] != quote:
            at = context.find(quote)
        if at < 0 or not quote:
            return Markup(f"{md_text(context)} <mark>{md_text(quote)}</mark>")
        pre, end = context[:at], at + len(quote)
        return Markup(f"{md_text(pre)}<mark>{md_text(quote)}</mark>{md_text(context[end:])}")

    def cite(self, cit: Row, *, field: bool = False) -> Markup:
        """One citation as a paragraph: quote in context, language, link to the source anchor.

        With `field`, the cited column is named first (for rows cited for several).
        """
        src = self.site.by_id["sources"].get(cit["source_id"], {})
        where = ", ".join(
            str(x) for x in (src.get("outlet") or src.get("file"), src.get("published")) if x
        )
        anchor = checked("citations", cit["citation_id"])
        href = f"{self.href('sources', cit['source_id'])}#{anchor}"
        tag = f'<span class="cite-field">{md_text(cit["field"])}</span> ' if field else ""
        return Markup(
            f'{tag}<span class="cite-text">{self.quote(cit)}</span> <span class="cite-meta">'
            f'<span class="cite-lang">{md_text(cit["language"])}</span> '
            f"[{md_text(where or cit['source_id'])}]({href}){{ .cite-link }}</span>\n"
            "{: .cite }\n"
        )

    def cites(self, table: str, record_id: str, *fields: str) -> Markup:
        """Citations of a record (of the given fields only, if any), one paragraph each."""
        rows = self.site.cites.get((table, record_id), [])
        return Markup("\n").join(
            self.cite(c, field=not fields) for c in rows if not fields or c["field"] in fields
        )

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
        return _join(Markup(f"{kinds[kind]}: {self.link(kind, k)}") for kind, k in targets if k)

    def period(self, a: Row) -> str:
        start, end = a["valid_from"], a["valid_to"]
        if start and end:
            return start if start == end else f"{start}–{end}"
        return f"from {start}" if start else (f"until {end}" if end else "")
