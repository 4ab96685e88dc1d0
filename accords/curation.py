"""Human decisions as data: ``curation/judgements.yml`` and ``curation/overrides.yml``.

Judgements tell the resolver that two records are (``same``) or are not
(``not_same``) one real meeting, agreement or person; overrides correct or
suppress one published value, with a reason. Both name who decided and when
(nomenklatura's judgements, OpenSanctions' curation). Both files are validated
here; every problem names the file and line and says how to fix it, and all
problems of a run are reported together.

A reference is a published id (``mtg-…``, ``agr-…``, ``per-…``), optionally
narrowed to one source's part of it with ``@src-…`` ("the meeting mtg-… as
src-… reports it"): that is how a wrong merge is split.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from accords.documents import SeedError, SeedErrors

JUDGEMENTS_FILE = "judgements.yml"
OVERRIDES_FILE = "overrides.yml"
MOVED_FILE = "moved.yml"  # written by `accords release`: ids of earlier releases and where their facts are now
JUDGED_PREFIXES = ("mtg", "agr", "per")
OVERRIDE_TABLES = {  # id prefix → table whose rows an override may change
    "mtg": "meetings", "agr": "agreements", "par": "participants", "sig": "signatories",
    "per": "people", "src": "sources",
}
_REF = re.compile(r"^(mtg|agr|per)-[0-9a-f]{12}(@src-[0-9a-f]{12})?$")
_ID = re.compile(r"^(mtg|agr|par|sig|per|src)-[0-9a-f]{12}$")
_WHO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._@\-]{0,79}$")


@dataclass(frozen=True)
class Ref:
    """A record id, optionally narrowed to what one source says of it."""

    record_id: str
    source_id: str | None = None

    @property
    def prefix(self) -> str:
        return self.record_id[:3]

    def __str__(self) -> str:
        return self.record_id + (f"@{self.source_id}" if self.source_id else "")


@dataclass(frozen=True)
class Judgement:
    left: Ref
    right: Ref
    same: bool
    who: str
    when: str
    reason: str | None
    line: int


@dataclass(frozen=True)
class Override:
    record_id: str
    field: str | None  # None: the whole record is suppressed
    value: object
    action: str  # "set" or "suppress"
    reason: str
    who: str
    when: str
    line: int

    @property
    def table(self) -> str:
        return OVERRIDE_TABLES[self.record_id[:3]]


@dataclass(frozen=True)
class Moved:
    """An id published by a release that no longer names a record, and the id of the record
    that held its facts when the next release was cut."""

    old_id: str
    new_id: str
    release: str
    line: int


@dataclass
class Curation:
    judgements: list[Judgement] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    judgements_file: str = f"curation/{JUDGEMENTS_FILE}"
    overrides_file: str = f"curation/{OVERRIDES_FILE}"
    moved_file: str = f"curation/{MOVED_FILE}"


def load_curation(folder: Path | None) -> Curation:
    """Read and validate the curation files of ``folder`` (missing files are empty)."""
    cur = Curation()
    if folder is None:
        return cur
    errors: list[SeedError] = []
    jpath, opath = folder / JUDGEMENTS_FILE, folder / OVERRIDES_FILE
    cur.judgements_file, cur.overrides_file = _shown(jpath), _shown(opath)
    for item, line in _entries(jpath, errors):
        j = _judgement(item, line, cur.judgements_file, errors)
        if j is not None:
            cur.judgements.append(j)
    for item, line in _entries(opath, errors):
        o = _override(item, line, cur.overrides_file, errors)
        if o is not None:
            cur.overrides.append(o)
    cur.moved_file = _shown(folder / MOVED_FILE)
    for item, line in _entries(folder / MOVED_FILE, errors):
        m = _moved(item, line, cur.moved_file, errors)
        if m is not None:
            cur.moved.append(m)
    _check_pairs(cur, errors)
    if errors:
        raise SeedErrors(errors)
    return cur


_MOVABLE = re.compile(r"^(mtg|agr|per)-[0-9a-f]{12}$")


def _moved(item: dict[str, object], line: int, name: str, errors: list[SeedError]) -> Moved | None:
    old, new, release = item.get("old"), item.get("new"), item.get("release")
    ok = True
    for key, value in (("old", old), ("new", new)):
        if not isinstance(value, str) or not _MOVABLE.match(value):
            errors.append(SeedError(name, line, f"'{key}' must be a meeting, agreement or person id",
                                    "write the id as published, e.g. mtg-0123456789ab"))
            ok = False
    if ok and str(old)[:3] != str(new)[:3]:
        errors.append(SeedError(name, line, "'old' and 'new' must be ids of one table",
                                "an id moves within its table only"))
        ok = False
    if not isinstance(release, str) or not re.match(r"^\d+\.\d+\.\d+$", release):
        errors.append(SeedError(name, line, "'release' must be the version that moved it (X.Y.Z)",
                                "accords release writes this file; keep its entries as written"))
        ok = False
    return Moved(str(old), str(new), str(release), line) if ok else None


def _shown(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _entries(path: Path, errors: list[SeedError]) -> list[tuple[dict[str, object], int]]:
    """The list entries of a curation file, each with its 1-based line."""
    if not path.is_file():
        return []
    name = _shown(path)
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except UnicodeDecodeError:
        errors.append(SeedError(name, None, "is not UTF-8", "save the file as UTF-8"))
        return []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        errors.append(SeedError(name, line, f"is not valid YAML ({getattr(exc, 'problem', exc)})",
                                "fix the YAML syntax; each entry starts with '- '"))
        return []
    if data is None:
        return []
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        errors.append(SeedError(name, 1, "must be a YAML list of entries",
                                "write one '- key: value' block per entry (see docs/contribute.md)"))
        return []
    out: list[tuple[dict[str, object], int]] = []
    for item, node in zip(data, root.value, strict=False):
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            errors.append(SeedError(name, line, "entry is not a mapping", "write 'key: value' lines"))
            continue
        out.append((item, line))
    return out


def _common(item: dict[str, object], line: int, name: str, known: tuple[str, ...],
            errors: list[SeedError]) -> tuple[str, str] | None:
    """Checks shared by both files: known keys, ``who`` and ``when``."""
    ok = True
    for key in sorted(set(item) - set(known), key=str):
        errors.append(SeedError(name, line, f"unknown key {key!r}", f"use only: {', '.join(known)}"))
        ok = False
    who, when = item.get("who"), item.get("when")
    if not isinstance(who, str) or not _WHO.match(who):
        errors.append(SeedError(name, line, "'who' is missing or malformed",
                                "give your GitHub handle, e.g. who: octocat"))
        ok = False
    if isinstance(when, dt.date) and not isinstance(when, dt.datetime):
        when = when.isoformat()
    if not isinstance(when, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
        errors.append(SeedError(name, line, "'when' is missing or not a date",
                                "give the day of the decision, e.g. when: 2026-11-22"))
        ok = False
    return (str(who), str(when)) if ok else None


def _judgement(item: dict[str, object], line: int, name: str, errors: list[SeedError]) -> Judgement | None:
    base = _common(item, line, name, ("left", "right", "judgement", "who", "when", "reason"), errors)
    refs: list[Ref] = []
    for key in ("left", "right"):
        value = item.get(key)
        if not isinstance(value, str) or not _REF.match(value):
            errors.append(SeedError(name, line, f"'{key}' is not a record reference: {value!r}",
                                    "use a published id such as mtg-0123456789ab, optionally "
                                    "narrowed to one source: mtg-0123456789ab@src-0123456789ab"))
            continue
        rid, _, src = value.partition("@")
        refs.append(Ref(rid, src or None))
    verdict = item.get("judgement")
    if verdict not in ("same", "not_same"):
        errors.append(SeedError(name, line, f"'judgement' must be same or not_same, not {verdict!r}",
                                "write judgement: same (one record) or judgement: not_same (keep apart)"))
        return None
    if base is None or len(refs) != 2:
        return None
    left, right = refs
    if left.prefix != right.prefix:
        errors.append(SeedError(name, line, f"{left} and {right} are different kinds of record",
                                "a judgement compares two meetings, two agreements or two people"))
        return None
    if verdict == "same" and (left.source_id or right.source_id):
        errors.append(SeedError(name, line, "a 'same' judgement takes whole records, not @src parts",
                                "drop the @src-… part"))
        return None
    if str(left) == str(right):
        errors.append(SeedError(name, line, "left and right are the same reference",
                                "name two different records (or two sources' parts of one)"))
        return None
    reason = item.get("reason")
    return Judgement(left, right, verdict == "same", base[0], base[1],
                     str(reason) if reason is not None else None, line)


def _override(item: dict[str, object], line: int, name: str, errors: list[SeedError]) -> Override | None:
    from accords.schema import TABLES_BY_NAME

    base = _common(item, line, name, ("id", "field", "value", "action", "reason", "who", "when"), errors)
    rid, action, fld = item.get("id"), item.get("action", "set"), item.get("field")
    reason = item.get("reason")
    ok = base is not None
    if not isinstance(rid, str) or not _ID.match(rid):
        errors.append(SeedError(name, line, f"'id' is not a published id: {rid!r}",
                                "copy the id from the data or the page, e.g. agr-0123456789ab"))
        return None
    if not isinstance(reason, str) or not reason.strip():
        errors.append(SeedError(name, line, "'reason' is missing",
                                "say why the published value is wrong, quoting the source if you can"))
        ok = False
    if action not in ("set", "suppress"):
        errors.append(SeedError(name, line, f"'action' must be set or suppress, not {action!r}",
                                "use action: set with field and value, or action: suppress"))
        return None
    table = TABLES_BY_NAME[OVERRIDE_TABLES[rid[:3]]]
    if action == "suppress":
        if fld is not None or "value" in item:
            errors.append(SeedError(name, line, "a suppression takes no field or value",
                                    "drop field/value, or use action: set"))
            ok = False
        if rid.startswith("src-"):
            errors.append(SeedError(name, line, "a source cannot be suppressed here",
                                    "remove the seed file from seeds/ instead"))
            ok = False
    else:
        names = [f.name for f in table.fields]
        if not isinstance(fld, str) or fld not in names:
            errors.append(SeedError(name, line, f"'field' {fld!r} is not a column of {table.name}",
                                    f"use one of: {', '.join(names)}"))
            return None
        if fld == table.primary_key or fld.endswith("_id") or fld in ("source_ids", "text", "sha256", "chars"):
            errors.append(SeedError(name, line, f"{table.name}.{fld} cannot be overridden",
                                    "ids, provenance and texts come from the sources; suppress the record instead"))
            ok = False
        elif "value" not in item:
            errors.append(SeedError(name, line, "'value' is missing", "give the corrected value (null to empty it)"))
            ok = False
        else:
            problem = _value_problem(table.field(fld), item["value"])
            if problem:
                errors.append(SeedError(name, line, f"value for {table.name}.{fld} {problem}",
                                        "give a value of the column's type (see the data page's schema)"))
                ok = False
    if not ok or base is None:
        return None
    return Override(rid, str(fld) if action == "set" else None, item.get("value"), str(action),
                    str(reason).strip(), base[0], base[1], line)


def _value_problem(f: object, value: object) -> str | None:
    """Why ``value`` does not fit field ``f`` (None when it does)."""
    from accords.schema import Field

    assert isinstance(f, Field)
    if value is None:
        return "is required" if f.required else None
    if f.type == "integer":
        return None if isinstance(value, int) and not isinstance(value, bool) else "must be an integer"
    if f.type == "list":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else "must be a list of strings"
    if not isinstance(value, str):
        return "must be a string"
    if f.enum and value not in f.enum:
        return f"must be one of {', '.join(f.enum)}"
    if f.pattern and not re.match(f.pattern, value):
        return f"must match {f.pattern}"
    return None


def _check_pairs(cur: Curation, errors: list[SeedError]) -> None:
    """Contradictions: the same pair judged both ways, or one value overridden twice."""
    seen: dict[frozenset[str], Judgement] = {}
    for j in cur.judgements:
        key = frozenset((str(j.left), str(j.right)))
        other = seen.get(key)
        if other is not None and other.same != j.same:
            errors.append(SeedError(cur.judgements_file, j.line,
                                    f"contradicts the judgement on line {other.line}",
                                    "keep one judgement per pair: delete the outdated one"))
        seen[key] = j
    targets: dict[tuple[str, str | None], Override] = {}
    for o in cur.overrides:
        key2 = (o.record_id, o.field)
        if key2 in targets:
            errors.append(SeedError(cur.overrides_file, o.line,
                                    f"{o.record_id} {o.field or ''} is already overridden on line "
                                    f"{targets[key2].line}".replace("  ", " "),
                                    "keep one override per value"))
        targets[key2] = o
