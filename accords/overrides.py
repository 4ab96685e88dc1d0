"""Apply ``curation/overrides.yml`` to the tables: set a value or suppress a record.

Every applied override becomes a row of the published ``corrections`` table, so a
reader sees what was changed, by whom and why. A corrected value loses the
citations of the extracted value (they no longer support it); a suppressed record
takes its dependants with it (a meeting's participants, an agreement's
signatories, a person's roles) and an agreement signed at a suppressed meeting
keeps its own facts without the meeting link. An override whose id was merged away
follows ``redirects``; one that names nothing is an error.
"""

from __future__ import annotations

import json

from accords.curation import Moved, Override
from accords.documents import SeedError, SeedErrors
from accords.ids import make_id
from accords.schema import TABLES_BY_NAME

Row = dict[str, object]
# table → (column holding the parent id, table of the parent) for rows that go with their parent
_DEPENDANTS = {
    "participants": (("meeting_id", "meetings"), ("person_id", "people")),
    "signatories": (("agreement_id", "agreements"), ("person_id", "people")),
}


def apply_overrides(tables: dict[str, list[Row]], overrides: list[Override],
                    source_file: str = "curation/overrides.yml") -> dict[str, list[Row]]:
    """The tables with every override applied, plus the ``corrections`` rows."""
    if not overrides:
        return {**{name: list(rows) for name, rows in tables.items()}, "corrections": []}
    redirect = {str(r["old_id"]): str(r["new_id"]) for r in tables.get("redirects", [])}
    keys = {name: TABLES_BY_NAME[name].primary_key for name in tables if name in TABLES_BY_NAME}
    index = {name: {str(r[keys[name]]): r for r in rows} for name, rows in tables.items() if name in keys}
    errors: list[SeedError] = []
    corrections: list[Row] = []
    suppressed: dict[str, set[str]] = {}
    dropped_fields: set[tuple[str, str]] = set()
    for o in overrides:
        rid = redirect.get(o.record_id, o.record_id)
        row = index.get(o.table, {}).get(rid)
        if row is None:
            errors.append(SeedError(source_file, o.line, f"{o.record_id} names no record in {o.table}",
                                    "copy the id from the current data, or delete the override"))
            continue
        if o.action == "suppress":
            suppressed.setdefault(o.table, set()).add(rid)
            old: object = {k: v for k, v in row.items() if k != "text"}
            new = None
        else:
            assert o.field is not None
            old, new = row.get(o.field), o.value
            row[o.field] = new
            dropped_fields.add((rid, o.field))
        corrections.append({
            "correction_id": make_id("cor", o.record_id, o.field or "", o.action),
            "table": o.table, "record_id": rid, "field": o.field, "action": o.action,
            "old_value": json.dumps(old, ensure_ascii=False, sort_keys=True),
            "new_value": None if o.action == "suppress" else json.dumps(new, ensure_ascii=False, sort_keys=True),
            "reason": o.reason, "who": o.who, "when": o.when,
        })
    if errors:
        raise SeedErrors(errors)
    out = {name: list(rows) for name, rows in tables.items()}
    _cascade(out, suppressed)
    gone = {rid for ids in suppressed.values() for rid in ids}
    out["citations"] = [c for c in out.get("citations", []) if str(c["record_id"]) not in gone
                        and (str(c["record_id"]), str(c["field"])) not in dropped_fields]
    out["corrections"] = sorted(corrections, key=lambda r: str(r["correction_id"]))
    return out


def _cascade(tables: dict[str, list[Row]], suppressed: dict[str, set[str]]) -> None:
    """Remove suppressed rows and the rows that depend on them."""
    for table, (*links,) in _DEPENDANTS.items():
        for column, parent in links:
            gone = suppressed.get(parent, set())
            for row in tables.get(table, []):
                if str(row.get(column)) in gone:
                    suppressed.setdefault(table, set()).add(str(row[keys_of(table)]))
    for name, ids in suppressed.items():
        key = keys_of(name)
        tables[name] = [r for r in tables[name] if str(r[key]) not in ids]
    for row in tables.get("agreements", []):
        if row.get("meeting_id") in suppressed.get("meetings", set()):
            row["meeting_id"] = None


def keys_of(table: str) -> str:
    return TABLES_BY_NAME[table].primary_key


_TABLE_OF = {"mtg": "meetings", "agr": "agreements", "per": "people"}


def carry_moved(tables: dict[str, list[Row]], moved: list[Moved]) -> dict[str, list[Row]]:
    """Publish the moves of earlier releases (``curation/moved.yml``) as redirects: each id
    that no longer names a record leads, along any chain of moves and redirects, to the
    record that holds its facts now. An id that names a record again, or whose chain ends
    nowhere, is left out."""
    live = {str(r[k]) for t, k in (("meetings", "meeting_id"), ("agreements", "agreement_id"),
                                   ("people", "person_id")) for r in tables.get(t, [])}
    step = {str(r["old_id"]): str(r["new_id"]) for r in tables.get("redirects", [])}
    for m in moved:
        step.setdefault(m.old_id, m.new_id)
    rows = list(tables.get("redirects", []))
    known = {str(r["old_id"]) for r in rows}
    for m in sorted(moved, key=lambda x: x.old_id):
        if m.old_id in live or m.old_id in known:
            continue
        target, seen = m.new_id, {m.old_id}
        while target not in live and target in step and target not in seen:
            seen.add(target)
            target = step[target]
        if target in live:
            rows.append({"old_id": m.old_id, "new_id": target, "table": _TABLE_OF[m.old_id[:3]],
                         "reason": "release"})
            known.add(m.old_id)
    return {**tables, "redirects": sorted(rows, key=lambda r: str(r["old_id"]))}
