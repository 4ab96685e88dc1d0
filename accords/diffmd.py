"""A :class:`~accords.diff.PackageDiff` as Markdown, for GitHub job summaries and the changelog.

Renders the same in GitHub's Markdown and in mkdocs (Python-Markdown): every value
from the data is escaped with HTML character references, so no article text can
open a link, a table cell, an HTML tag or emphasis.
"""

from __future__ import annotations

from collections import defaultdict

from accords.diff import Change, PackageDiff, Row, TableDiff
from accords.release import bumped, parse_version

LABELS: dict[str, tuple[str, ...]] = {
    "sources": ("file", "outlet", "published"),
    "meetings": ("label",),
    "participants": ("name_en", "country", "role_en"),
    "agreements": ("title_en", "signed_date"),
    "signatories": ("name_en", "country", "role_en"),
    "people": ("name_en", "country"),
    "countries": ("code", "name_en"),
}
"""Columns that name a row, per table (other tables: their first columns)."""

UNLISTED = ("citations",)
"""Tables counted but not listed: their quotes appear under the rows they support."""

BUMP_REASONS = {
    "major": "the tables' shape changed",
    "minor": "data added",
    "patch": "existing data corrected or removed",
    "none": "no data change",
}
_ESCAPE = {c: f"&#{ord(c)};" for c in "&<>|*_`[]{}\\#~!"}


def md(value: object) -> str:
    """A value as inert Markdown inline text, on one line."""
    text = " ".join(str(value).split())
    return "".join(_ESCAPE.get(c, c) for c in text)


def code(value: object) -> str:
    """A value as a Markdown code span (character references do not work inside one)."""
    return "`" + " ".join(str(value).replace("`", "'").split()) + "`"


def _label(table: str, row: Row) -> str:
    cols = LABELS.get(table) or tuple(row)[1:3]
    return " · ".join(md(row[c]) for c in cols if row.get(c)) or "(no name)"


class _Context:
    """Lookups into one build: quotes per record, names of meetings, agreements, sources."""

    def __init__(self, tables: dict[str, list[Row]]) -> None:
        self.cites: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for c in tables.get("citations", []):
            self.cites[(c.get("table") or "", c.get("record_id") or "")].append(c)
        self.files = {r["source_id"]: r.get("file") for r in tables.get("sources", [])}
        self.meetings = {r["meeting_id"]: r.get("label") for r in tables.get("meetings", [])}
        self.agreements = {r["agreement_id"]: r.get("title_en")
                           for r in tables.get("agreements", [])}

    def where(self, row: Row) -> str:
        """Where a participant or signatory belongs: its meeting or agreement."""
        meeting, agreement = row.get("meeting_id") or "", row.get("agreement_id") or ""
        if meeting and "participant_id" in row:
            return f" — at {md(self.meetings.get(meeting) or meeting)}"
        if agreement and "signatory_id" in row:
            return f" — signed {md(self.agreements.get(agreement) or agreement)}"
        return ""

    def quotes(self, table: str, record_id: str, fields: list[str] | None = None) -> list[str]:
        """``field: «quote» (file)`` lines for a record's citations (only ``fields``, if given)."""
        out: list[str] = []
        for c in self.cites.get((table, record_id), []):
            if fields is not None and c.get("field") not in fields:
                continue
            source = c.get("source_id") or ""
            file = self.files.get(source) or source
            line = f"{code(c.get('field'))} «{md(c.get('quote') or '')}» ({md(file)})"
            if line not in out:
                out.append(line)
        return out


def _rows(title: str, items: list[str], max_rows: int) -> list[str]:
    if not items or max_rows <= 0:
        return []
    lines = [f"### {title}", ""] + items[:max_rows]
    if len(items) > max_rows:
        more = len(items) - max_rows
        lines.append(f"- … and {more} more (`accords diff --format json` lists all)")
    return [*lines, ""]


def _added(t: TableDiff, ctx: _Context, row: Row) -> str:
    rid = row.get(t.key) or ""
    lines = [f"- **{_label(t.name, row)}**{ctx.where(row)} {code(rid)}"]
    lines += [f"    - {q}" for q in ctx.quotes(t.name, rid)]
    return "\n".join(lines)


def _changed(t: TableDiff, ctx: _Context, ch: Change) -> str:
    lines = [f"- **{_label(t.name, ch.new)}**{ctx.where(ch.new)} {code(ch.id)}"]
    for f in ch.fields:
        lines.append(f"    - `{f}`: {md(ch.old.get(f) or '—')} → {md(ch.new.get(f) or '—')}")
        lines += [f"        - {q}" for q in ctx.quotes(t.name, ch.id, [f])]
    return "\n".join(lines)


def _table_section(t: TableDiff, new: _Context, old: _Context, max_rows: int) -> list[str]:
    if t.name in UNLISTED:
        return []
    lines: list[str] = []
    lines += _rows(f"{t.name}: added", [_added(t, new, r) for r in t.added], max_rows)
    lines += _rows(f"{t.name}: changed", [_changed(t, new, c) for c in t.changed], max_rows)
    removed = [f"- **{_label(t.name, r)}**{old.where(r)} {code(r.get(t.key) or '')}"
               for r in t.removed]
    lines += _rows(f"{t.name}: removed", removed, max_rows)
    return lines


def _version_line(diff: PackageDiff) -> str:
    bump = diff.bump
    line = (f"Data version {md(diff.old_version or '?')} → {md(diff.new_version or '?')}. "
            f"This change calls for a **{bump}** release ({BUMP_REASONS[bump]})")
    try:
        target = bumped(diff.old_version or "", bump)
        raised = parse_version(diff.new_version or "") >= parse_version(target)
    except ValueError:
        return line + "."
    if bump == "none" or raised:
        return line + "."
    return line + f": the next release is **{target}**."


def render_markdown(diff: PackageDiff, *, max_rows: int = 50) -> str:
    """Version line, a count table per table, schema changes, then the rows with quotes."""
    lines = [_version_line(diff), "",
        "| table | added | removed | changed |",
        "|---|--:|--:|--:|",
    ]
    lines += [f"| {t.name} | {len(t.added)} | {len(t.removed)} | {len(t.changed)} |"
              for t in diff.tables]
    lines.append("")
    schema = [f"- table `{n}` added" for n in diff.tables_added]
    schema += [f"- table `{n}` removed" for n in diff.tables_removed]
    for t in diff.tables:
        schema += [f"- `{t.name}.{f}` added" for f in t.fields_added]
        schema += [f"- `{t.name}.{f}` removed" for f in t.fields_removed]
    if diff.schema_changed:
        lines += ["**The shape of the tables changed** (a major version):", "",
                  *(schema or ["- field types, order or keys"]), ""]
    new, old = _Context(diff.new), _Context(diff.old)
    for t in diff.tables:
        lines += _table_section(t, new, old, max_rows)
    return "\n".join(lines).rstrip("\n") + "\n"
