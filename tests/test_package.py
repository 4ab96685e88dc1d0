"""Tests of accords.package: writing, reading back and validating the data package."""

from __future__ import annotations

import copy
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accords.package import (
    check_rows,
    read_csv_table,
    read_parquet_table,
    render_contract,
    validate_package,
    write_package,
)
from accords.release import read_version
from accords.schema import TABLES, TABLES_BY_NAME

ROOT = Path(__file__).resolve().parents[1]
SRC = "src-0123456789ab"
MTG = "mtg-0123456789ab"
PER = "per-0123456789ab"
AGR = "agr-0123456789ab"

Tables = dict[str, list[dict[str, object]]]


def valid_tables() -> Tables:
    """One row per table; every foreign key resolves."""
    return {
        "sources": [
            {
                "source_id": SRC,
                "file": "az-uz-2023.txt",
                "language": "az",
                "published": "2023-06-14",
                "published_precision": "day",
                "published_basis": "header",
                "url": "https://example.org/news/1",
                "outlet": "Example News",
                "title": "Bakıda görüş",
                "license": "CC-BY-4.0",
                "sha256": "ab" * 32,
                "chars": 120,
                "text": None,
            }
        ],
        "meetings": [
            {
                "meeting_id": MTG,
                "date": "2023-06",
                "date_precision": "month",
                "date_basis": "stated",
                "countries": ["AZ", "UZ"],
                "city": "Baku",
                "city_basis": "stated",
                "kind": "talks",
                "label": "Azerbaijan–Uzbekistan talks, Baku, 2023-06",
                "source_ids": [SRC],
            }
        ],
        "participants": [
            {
                "participant_id": "par-0123456789ab",
                "meeting_id": MTG,
                "person_id": PER,
                "name": "İlham Əliyev",
                "name_en": "Ilham Aliyev",
                "country": "AZ",
                "role_en": "President",
                "source_ids": [SRC],
            }
        ],
        "agreements": [
            {
                "agreement_id": AGR,
                "meeting_id": None,
                "kind": "memorandum",
                "title": 'Memorandum "on trade", 2023–2025',
                "title_en": "Memorandum on trade",
                "title_en_basis": "composed",
                "countries": ["AZ", "UZ"],
                "signed_date": "2023",
                "signed_date_precision": "year",
                "valid_from": 2023,
                "valid_to": None,
                "city": None,
                "source_ids": [SRC],
            }
        ],
        "signatories": [
            {
                "signatory_id": "sig-0123456789ab",
                "agreement_id": AGR,
                "person_id": PER,
                "name": "İlham Əliyev",
                "name_en": "Ilham Aliyev",
                "country": "AZ",
                "role_en": "President",
                "basis": "stated",
                "source_ids": [SRC],
            }
        ],
        "people": [
            {
                "person_id": PER,
                "name_en": "Ilham Aliyev",
                "country": "AZ",
                "roles_en": ["President", "Head of state, commander"],
                "aliases": ["İlham Əliyev", "Ильхам Алиев"],
            }
        ],
        "countries": [{"code": "AZ", "name_en": "Azerbaijan"}],
        "citations": [
            {
                "citation_id": "cit-0123456789ab",
                "table": "meetings",
                "record_id": MTG,
                "field": "city",
                "source_id": SRC,
                "start": 0,
                "end": 5,
                "quote": "Bakı,",
                "context_start": 0,
                "context_end": 30,
                "context": 'Bakı, "iyun"\nnew line, comma',
                "language": "az",
            }
        ],
        "redirects": [{"old_id": "mtg-00000000000a", "new_id": MTG, "table": "meetings", "reason": "merge"}],
        "corrections": [
            {
                "correction_id": "cor-0123456789ab",
                "table": "meetings",
                "record_id": MTG,
                "field": "city",
                "action": "set",
                "old_value": '"Bak"',
                "new_value": '"Baku"',
                "reason": "typo, \"quoted\"",
                "who": "octocat",
                "when": "2026-11-22",
            }
        ],
    }


def write(tables: Tables, out: Path) -> Path:
    """Write ``tables`` as a package in ``out`` with fixed version and timestamp."""
    return write_package(tables, out, version="0.1.0", created="2025-01-02T03:04:05Z")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any attempt to open a network connection."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network connection attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_valid_package_validates_offline(tmp_path: Path, no_network: None) -> None:
    path = write(valid_tables(), tmp_path)
    assert path == tmp_path / "datapackage.json"
    for table in TABLES:
        assert (tmp_path / f"{table.name}.csv").is_file()
        assert (tmp_path / f"{table.name}.parquet").is_file()
    assert validate_package(path) == []
    assert validate_package(tmp_path) == []


def test_frictionless_cli_accepts_package_offline(tmp_path: Path) -> None:
    path = write(valid_tables(), tmp_path / "data")
    # A sitecustomize on PYTHONPATH blocks sockets inside the CLI process.
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(
        textwrap.dedent(
            """
            import socket

            def refuse(*args, **kwargs):
                raise OSError("network connection attempted")

            socket.socket.connect = refuse
            socket.create_connection = refuse
            socket.getaddrinfo = refuse
            """
        ),
        encoding="utf-8",
    )
    cli = Path(sys.executable).parent / "frictionless"
    env = {**os.environ, "PYTHONPATH": str(guard)}
    done = subprocess.run(
        [str(cli), "validate", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_empty_tables_validate(tmp_path: Path) -> None:
    path = write({t.name: [] for t in TABLES}, tmp_path)
    assert validate_package(path) == []
    assert (tmp_path / "countries.csv").read_text(encoding="utf-8") == "code,name_en\n"


@pytest.mark.parametrize(
    ("table", "column", "value", "resource"),
    [
        ("participants", "meeting_id", "mtg-ffffffffffff", "participants"),
        ("agreements", "meeting_id", "mtg-ffffffffffff", "agreements"),
        ("signatories", "person_id", "per-ffffffffffff", "signatories"),
        ("citations", "source_id", "src-ffffffffffff", "citations"),
    ],
)
def test_dangling_foreign_key_is_reported(
    tmp_path: Path, table: str, column: str, value: str, resource: str
) -> None:
    tables = valid_tables()
    tables[table][0][column] = value
    problems = validate_package(write(tables, tmp_path))
    assert any(p.startswith(f"{resource}: foreign-key") for p in problems), problems
    parquet = f"{resource}-parquet: foreign-key"
    assert any(p.startswith(parquet) for p in problems), problems


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("meetings", "meeting_id", "mtg-0123456789AB"),
        ("people", "person_id", "person-1"),
        ("meetings", "date", "2023-6-14"),
        ("meetings", "kind", "dinner"),
        ("citations", "start", -1),
        ("sources", "url", "ftp://example.org"),
    ],
)
def test_constraint_violations_are_reported(
    tmp_path: Path, table: str, column: str, value: object
) -> None:
    tables = valid_tables()
    tables[table][0][column] = value
    problems = validate_package(write(tables, tmp_path))
    assert any(p.startswith(f"{table}: constraint-error") and column in p for p in problems), (
        problems
    )


def test_missing_required_value_raises() -> None:
    tables = valid_tables()
    tables["citations"][0]["quote"] = ""
    with pytest.raises(ValueError, match=r"citations: row 0: column 'quote'.*required"):
        check_rows(tables)


def test_duplicate_primary_key_is_reported(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["countries"].append({"code": "AZ", "name_en": "Azerbaijan again"})
    problems = validate_package(write(tables, tmp_path))
    assert any(p.startswith("countries: primary-key") for p in problems), problems


def test_edited_csv_fails_the_hash_check(tmp_path: Path) -> None:
    path = write(valid_tables(), tmp_path)
    csv_path = tmp_path / "countries.csv"
    csv_path.write_text("code,name_en\nAZ,Azerbaijan!\n", encoding="utf-8")
    problems = validate_package(path)
    assert any(p.startswith("countries: hash-count") for p in problems), problems


def test_unknown_column_raises(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["meetings"][0]["venue"] = "Palace"
    with pytest.raises(ValueError, match=r"meetings.*unknown column 'venue'"):
        write(tables, tmp_path)
    assert not (tmp_path / "datapackage.json").exists()


def test_missing_column_raises(tmp_path: Path) -> None:
    tables = valid_tables()
    del tables["people"][0]["aliases"]
    with pytest.raises(ValueError, match=r"people.*missing column 'aliases'"):
        write(tables, tmp_path)


def test_missing_and_unknown_tables_raise() -> None:
    tables = valid_tables()
    del tables["countries"]
    with pytest.raises(ValueError, match="countries"):
        check_rows(tables)
    with pytest.raises(ValueError, match="venues"):
        check_rows({**valid_tables(), "venues": []})


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("sources", "chars", "120"),
        ("sources", "chars", True),
        ("sources", "title", 7),
        ("meetings", "countries", "AZ,UZ"),
        ("meetings", "countries", ["AZ", 1]),
        ("meetings", "countries", ["AZ,UZ"]),
        ("meetings", "countries", ["AZ", ""]),
        ("people", "aliases", ["A|B"]),
    ],
)
def test_badly_typed_value_raises(table: str, column: str, value: object) -> None:
    tables = valid_tables()
    tables[table][0][column] = value
    with pytest.raises(ValueError, match=rf"{table}: row 0: column '{column}'"):
        check_rows(tables)


def test_empty_values_are_published_as_missing(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["meetings"][0]["city"] = ""
    tables["meetings"][0]["countries"] = []
    tables["agreements"][0]["countries"] = ()
    write(tables, tmp_path)
    table = TABLES_BY_NAME["meetings"]
    for rows in (
        read_csv_table(table, tmp_path / "meetings.csv"),
        read_parquet_table(table, tmp_path / "meetings.parquet"),
    ):
        assert rows[0]["city"] is None
        assert rows[0]["countries"] is None
    for rows in (
        read_csv_table(TABLES_BY_NAME["agreements"], tmp_path / "agreements.csv"),
        read_parquet_table(TABLES_BY_NAME["agreements"], tmp_path / "agreements.parquet"),
    ):
        assert rows[0]["countries"] is None


def test_csv_and_parquet_round_trip(tmp_path: Path) -> None:
    tables = valid_tables()
    write(copy.deepcopy(tables), tmp_path)
    for table in TABLES:
        expected = tables[table.name]
        csv_rows = read_csv_table(table, tmp_path / f"{table.name}.csv")
        parquet_rows = read_parquet_table(table, tmp_path / f"{table.name}.parquet")
        assert csv_rows == expected, table.name
        assert parquet_rows == expected, table.name
    people = read_parquet_table(TABLES_BY_NAME["people"], tmp_path / "people.parquet")
    assert people[0]["roles_en"] == ["President", "Head of state, commander"]


def test_csv_format_is_fixed(tmp_path: Path) -> None:
    write(valid_tables(), tmp_path)
    raw = (tmp_path / "people.csv").read_bytes()
    assert b"\r" not in raw
    assert raw.decode("utf-8").splitlines() == [
        "person_id,name_en,country,roles_en,aliases",
        'per-0123456789ab,Ilham Aliyev,AZ,"President|Head of state, commander",'
        "İlham Əliyev|Ильхам Алиев",
    ]


def test_two_writes_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write(valid_tables(), first)
    write(valid_tables(), second)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert len(names) == 2 * len(TABLES) + 1
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


_TEXT = st.text(min_size=1, max_size=40)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    quote=_TEXT,
    context=st.one_of(st.none(), _TEXT),
    aliases=st.lists(_TEXT.filter(lambda s: "|" not in s), max_size=4),
)
def test_any_text_round_trips(
    tmp_path: Path, quote: str, context: str | None, aliases: list[str]
) -> None:
    tables = valid_tables()
    tables["citations"][0].update(quote=quote, context=context)
    tables["people"][0]["aliases"] = aliases
    write(tables, tmp_path)
    for table_name in ("citations", "people"):
        table = TABLES_BY_NAME[table_name]
        csv_rows = read_csv_table(table, tmp_path / f"{table_name}.csv")
        parquet_rows = read_parquet_table(table, tmp_path / f"{table_name}.parquet")
        assert csv_rows == parquet_rows
    assert csv_rows[0]["aliases"] == (aliases or None)
    cited = read_csv_table(TABLES_BY_NAME["citations"], tmp_path / "citations.csv")
    assert cited[0]["quote"] == quote
    assert cited[0]["context"] == (context or None)


def test_published_contract_is_fresh() -> None:
    published = (ROOT / "datapackage.json").read_text(encoding="utf-8")
    assert published == render_contract(read_version(ROOT)), (
        "datapackage.json is stale: run `python scripts/write_datapackage.py`"
    )


@pytest.mark.parametrize(
    "text",
    [
        "a\rb",
        "a\r\nb",
        "line\u2028sep",
        "nel\x85x",
        "tab\tand\x0bvt",
        ' "quoted" ',
        "nan",
    ],
)
def test_awkward_text_validates_and_round_trips(tmp_path: Path, text: str) -> None:
    tables = valid_tables()
    tables["citations"][0]["context"] = text
    tables["people"][0]["aliases"] = [text, "x"]
    path = write(tables, tmp_path)
    assert validate_package(path) == []
    rows = read_csv_table(TABLES_BY_NAME["citations"], tmp_path / "citations.csv")
    assert rows[0]["context"] == text


def test_a_remembered_descriptor_skips_frictionless_but_not_the_files(tmp_path: Path) -> None:
    """A memo of valid descriptors spares frictionless a descriptor it has judged (the same
    schemas, other file sizes and hashes); a changed schema or broken files are still found."""
    import json

    from accords.memo import Memo
    from accords.package import descriptor_memo_version

    memo = Memo(tmp_path / "valid.json", descriptor_memo_version())
    path = write(valid_tables(), tmp_path / "a")
    assert validate_package(path, memo) == [] and memo.misses == 1
    tables = valid_tables()
    tables["countries"].append({"code": "TR", "name_en": "Türkiye"})  # other bytes and hash
    other = write(tables, tmp_path / "b")
    assert validate_package(other, memo) == [] and memo.hits == 1
    (tmp_path / "b" / "countries.csv").write_text("code,name_en\nxx,\n", encoding="utf-8")
    assert validate_package(other, memo)  # the files are checked whatever the memo says
    descriptor = json.loads(other.read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"]["fields"][0]["type"] = "no-such-type"
    other.write_text(json.dumps(descriptor), encoding="utf-8")
    assert validate_package(other, memo) and memo.misses == 2
