"""Rows → CSV + Parquet + ``datapackage.json``, validated with frictionless.

Both formats are written from the same checked rows, column by column as
declared in :mod:`accords.schema`, so reruns are byte-identical.  In both, an
empty string and an empty list are published as missing (``None``).
"""

from __future__ import annotations

import csv
import hashlib
import json
import operator
import os
import re
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import cast

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from accords.memo import Memo
from accords.schema import TABLES, TABLES_BY_NAME, Field, Table, datapackage_descriptor

Cell = str | int | list[str] | None
Rows = Sequence[Mapping[str, object]]
_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "list": pa.list_(pa.string()),
}


def _cell(table: str, index: int, field: Field, value: object) -> Cell:
    """Check one value against its field; return it normalised ("" and [] → None)."""
    where = f"{table}: row {index}: column {field.name!r}"
    if value is None or value == "" or (isinstance(value, (list, tuple)) and not value):
        if field.required:
            raise ValueError(f"{where}: a value is required")
        return None
    if field.type == "string" and isinstance(value, str):
        return value
    if field.type == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if field.type == "list" and isinstance(value, (list, tuple)):
        items = list(value)
        for item in items:
            if not isinstance(item, str) or not item or field.delimiter in item:
                free = f"a non-empty string without {field.delimiter!r}"
                raise ValueError(f"{where}: list item {item!r} is not {free}")
        return items
    raise ValueError(f"{where}: {type(value).__name__} {value!r} is not a valid {field.type}")


def check_rows(tables: Mapping[str, Rows]) -> dict[str, list[list[Cell]]]:
    """Check every table and row against :data:`TABLES`; return the cells in column order.

    Raises ValueError naming the table (and row and column) for an unknown or
    missing table, an unknown or missing column, a value of the wrong type, or
    no value in a required column.
    """
    unknown = sorted(set(tables) - set(TABLES_BY_NAME))
    missing = [t.name for t in TABLES if t.name not in tables]
    if unknown or missing:
        raise ValueError(f"tables: unknown {unknown}, missing {missing}")
    out: dict[str, list[list[Cell]]] = {}
    for table in TABLES:
        names = table.field_names
        cells: list[list[Cell]] = []
        for index, row in enumerate(tables[table.name]):
            for column in row:
                if column not in names:
                    raise ValueError(f"{table.name}: row {index}: unknown column {column!r}")
            for column in names:
                if column not in row:
                    raise ValueError(f"{table.name}: row {index}: missing column {column!r}")
            cells.append([_cell(table.name, index, f, row[f.name]) for f in table.fields])
        out[table.name] = cells
    return out


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow schema of a table: string, int64 or list<string> per column."""
    return pa.schema(
        [pa.field(f.name, _ARROW_TYPES[f.type], nullable=not f.required) for f in table.fields]
    )


def _file_facts(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def columns(tables: Mapping[str, Rows]) -> dict[str, pa.Table]:
    """Every table as Arrow columns of the schema's types, checked as :func:`check_rows` checks
    rows, but column by column; on a problem, :func:`check_rows` finds the row and says which."""
    unknown = sorted(set(tables) - set(TABLES_BY_NAME))
    missing = [t.name for t in TABLES if t.name not in tables]
    if unknown or missing:
        raise ValueError(f"tables: unknown {unknown}, missing {missing}")
    out: dict[str, pa.Table] = {}
    for table in TABLES:
        rows = tables[table.name]
        names = set(table.field_names)
        try:
            if any(row.keys() != names for row in rows):
                raise ValueError("columns")
            values = _transpose(rows, table.field_names)
            arrays = [_column(f, list(v)) for f, v in zip(table.fields, values, strict=True)]
        except (ValueError, TypeError, pa.ArrowException):
            check_rows({**{t.name: [] for t in TABLES}, table.name: rows})  # raises, naming row and column
            raise
        out[table.name] = pa.Table.from_arrays(arrays, schema=arrow_schema(table))
    return out


def _transpose(rows: Rows, names: tuple[str, ...]) -> list[tuple[object, ...]]:
    """The rows' values column by column, in the order of ``names``."""
    if not rows:
        return [() for _ in names]
    if len(names) == 1:
        return [tuple(row[names[0]] for row in rows)]
    pick = operator.itemgetter(*names)
    return list(zip(*map(pick, rows), strict=True))


_KINDS: dict[str, set[type]] = {"string": {str}, "integer": {int}, "list": {list, tuple}}


def _column(f: Field, values: list[object]) -> pa.Array:
    """One column as an Arrow array ("" and [] as missing); ValueError when a value does not fit.

    The values' Python types are checked first (a bool is no integer, a number no string),
    then Arrow converts them and finds the empty ones, without a Python loop per value."""
    kinds = set(map(type, values)) - {type(None)}
    if not kinds <= _KINDS[f.type] | {str}:
        raise ValueError(f"a value is not a {f.type}")
    if str in kinds and f.type != "string":  # only "" may stand for a missing number or list
        if any(type(v) is str and v != "" for v in values):
            raise ValueError(f"a text value is not a {f.type}")
        values = [None if v == "" else v for v in values]
    array = pa.array(values, type=_ARROW_TYPES[f.type])
    if f.type == "string":
        empty = pc.equal(array, "")
    elif f.type == "list":
        empty = pc.equal(pc.list_value_length(array), 0)
    if f.type != "integer" and pc.any(empty).as_py():
        array = pc.if_else(empty, pa.scalar(None, array.type), array)
    if f.required and array.null_count:
        raise ValueError("a required value is missing")
    if f.type == "list" and len(array):
        items = pc.list_flatten(array)
        if pc.any(pc.equal(items, "")).as_py() or pc.any(pc.match_substring(items, f.delimiter)).as_py():
            raise ValueError("a list item is empty or holds the delimiter")
    return array


def csv_bytes(table: Table, data: pa.Table) -> bytes:
    """One table as UTF-8 CSV: a header row, ``\\n`` line ends, lists joined by their
    delimiter, and quoting exactly where needed: a cell holding a comma, a double quote,
    ``\\r`` or ``\\n`` is quoted (the csv module's QUOTE_MINIMAL would leave a lone ``\\r``
    bare, and readers would split the row). Written column by column."""
    cells = []
    for f in table.fields:
        col = data.column(f.name).combine_chunks()
        text = pc.binary_join(col, f.delimiter) if f.type == "list" else pc.cast(col, pa.string())
        text = pc.fill_null(text, "")
        needs = pc.match_substring_regex(text, '[,"\r\n]')
        if not pc.any(needs).as_py():  # ids, numbers, codes: nothing to quote, no copies made
            cells.append(text)
            continue
        quoted = pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")
        cells.append(pc.if_else(needs, quoted, text))
    header = (",".join(table.field_names) + "\n").encode("utf-8")
    if not data.num_rows:
        return header
    lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*cells, ","), "", "\n")  # each with its end
    if isinstance(lines, pa.ChunkedArray):
        lines = lines.combine_chunks()
    offsets = pa.Array.from_buffers(pa.int32(), len(lines) + 1, [None, lines.buffers()[1]], offset=lines.offset)
    first, last = offsets[0].as_py(), offsets[-1].as_py()  # the lines lie end to end in one buffer
    body: bytes = lines.buffers()[2].slice(first, last - first).to_pybytes()
    return header + body


def write_package(tables: Mapping[str, Rows], out_dir: Path, *, version: str, created: str) -> Path:
    """Write every table as CSV and Parquet, then ``datapackage.json``; return its path.

    Each CSV resource records the ``bytes`` and ``hash`` of its file, so
    validation also proves that the files are the ones described (the Parquet
    twins are compared with the CSVs by :func:`validate_package`).
    """
    data = columns(tables)
    out_dir.mkdir(parents=True, exist_ok=True)

    def write_csv(table: Table) -> None:
        (out_dir / f"{table.name}.csv").write_bytes(csv_bytes(table, data[table.name]))

    def write_parquet(table: Table) -> None:
        pq.write_table(data[table.name], out_dir / f"{table.name}.parquet", compression="zstd",
                       compression_level=9)

    # Arrow's kernels and the Parquet writer release the GIL: the files are written in
    # threads, largest tables first, each file by one thread, so the bytes are as written
    # one after another.
    order = sorted(TABLES, key=lambda t: -data[t.name].nbytes)
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        for done in [pool.submit(w, t) for t in order for w in (write_csv, write_parquet)]:
            done.result()
    descriptor = datapackage_descriptor(version, created)
    for resource in cast(list[dict[str, object]], descriptor["resources"]):
        if resource["format"] == "csv":  # frictionless does not measure Parquet files
            resource.update(_file_facts(out_dir / str(resource["path"])))
    path = out_dir / "datapackage.json"
    path.write_text(_json(descriptor), encoding="utf-8")
    return path


def _json(descriptor: Mapping[str, object]) -> str:
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def render_contract(version: str) -> str:
    """The published contract: the descriptor at ``version``, without file facts."""
    return _json(datapackage_descriptor(version, None))


def write_root_datapackage(repo_root: Path, version: str) -> Path:
    """Write :func:`render_contract` to ``repo_root/datapackage.json``; return its path."""
    path = repo_root / "datapackage.json"
    path.write_text(render_contract(version), encoding="utf-8")
    return path


def read_csv_table(table: Table, path: Path) -> list[dict[str, Cell]]:
    """Read a published CSV back into rows of the contract's shape."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if tuple(header) != table.field_names:
            raise ValueError(f"{path.name}: header {header} differs from the schema")
        return [
            {f.name: _parse(f, text) for f, text in zip(table.fields, row, strict=True)}
            for row in reader
        ]


def _parse(field: Field, text: str) -> Cell:
    if text == "":
        return None
    if field.type == "integer":
        return int(text)
    if field.type == "list":
        return text.split(field.delimiter)
    return text


def read_parquet_table(table: Table, path: Path) -> list[dict[str, Cell]]:
    """Read a published Parquet file back into rows (list columns as lists)."""
    data = pq.read_table(path)
    if not data.schema.equals(arrow_schema(table)):
        raise ValueError(f"{path.name}: arrow schema differs from the schema")
    return cast(list[dict[str, Cell]], data.to_pylist())


def read_tables(data_dir: Path) -> dict[str, list[dict[str, Cell]]]:
    """Every published table, read from its CSV, by table name."""
    return {t.name: read_csv_table(t, data_dir / f"{t.name}.csv") for t in TABLES}


def descriptor_memo_version() -> str:
    """What a descriptor's validity depends on besides its text: the frictionless release."""
    from importlib.metadata import version

    return "frictionless " + version("frictionless")


_HASH = re.compile(r"sha256:[0-9a-f]{64}")


def _descriptor_key(data: object) -> str:
    """The descriptor as frictionless judges it, but for each file's measured ``bytes`` and
    ``hash`` (which fastcheck compares with the files): when those have their usual form,
    they are left out, so a rebuild with other files but the same schemas has the same key."""
    if isinstance(data, dict) and isinstance(data.get("resources"), list):
        resources = []
        for r in data["resources"]:
            if isinstance(r, dict) and _measured(r):
                r = {k: v for k, v in r.items() if k not in ("bytes", "hash")} | {"measured": "bytes" in r}
            resources.append(r)
        data = {**data, "resources": resources}
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _measured(resource: dict[str, object]) -> bool:
    """Has the resource ``bytes`` (an integer) and ``hash`` (sha256 hex) as the build writes them, or neither?"""
    if "bytes" not in resource and "hash" not in resource:
        return True
    size, digest = resource.get("bytes"), resource.get("hash")
    return type(size) is int and size >= 0 and isinstance(digest, str) and bool(_HASH.fullmatch(digest))


def validate_package(path: Path, memo: Memo | None = None) -> list[str]:
    """Validate a written package; return readable errors (empty when valid).

    ``path`` is ``datapackage.json`` or its folder; ``memo`` (of :func:`descriptor_memo_version`)
    remembers descriptors frictionless found valid (see :func:`_descriptor_key`).  Runs frictionless on every
    resource (types, constraints, keys, foreign keys, bytes and hash), then checks
    that each Parquet twin holds exactly the rows of its CSV.

    Frictionless checks row by row in Python: at 10,000 articles, half a minute. So the
    descriptor is checked by frictionless, and the files by :mod:`accords.fastcheck`,
    which checks the same constraints column by column; only when it finds a problem
    does frictionless run on everything, to report the problems in its own words.
    """
    from accords import fastcheck

    descriptor = path / "datapackage.json" if path.is_dir() else path
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    key = _descriptor_key(data)
    valid = memo is not None and memo.get(key) is True
    if not valid:
        import frictionless  # slow to import: only a descriptor not judged before needs it

        valid = frictionless.Package.validate_descriptor(data).valid
        if valid and memo is not None:
            memo.put(key, True)
    if valid and not fastcheck.problems(descriptor):
        return []
    import frictionless

    report = frictionless.validate(str(descriptor))
    problems = [f"package: {e.message}" for e in report.errors]
    for task in report.tasks:
        problems.extend(f"{task.name}: {e.type}: {e.message}" for e in task.errors)
    return problems or fastcheck.problems(descriptor)  # what frictionless does not check: the twins agree
