"""Tests of accords.schema: the tables of the data contract and their descriptor."""

from __future__ import annotations

import re

import frictionless
import pytest

from accords.schema import (
    DATAPACKAGE_PROFILE,
    TABLES,
    TABLES_BY_NAME,
    datapackage_descriptor,
)

# The data contract (tables and columns in order), copied by hand on purpose.
CONTRACT = {
    "sources": "source_id file language published published_precision published_basis "
    "url outlet title license sha256 chars text",
    "meetings": "meeting_id date date_precision date_basis countries city city_basis "
    "kind label source_ids",
    "participants": "participant_id meeting_id person_id name name_en country role_en source_ids",
    "agreements": "agreement_id meeting_id kind title title_en title_en_basis countries "
    "signed_date signed_date_precision valid_from valid_to city source_ids",
    "signatories": "signatory_id agreement_id person_id name name_en country role_en "
    "basis source_ids",
    "people": "person_id name_en country roles_en aliases",
    "countries": "code name_en",
    "citations": "citation_id table record_id field source_id start end quote "
    "context_start context_end context language",
    "redirects": "old_id new_id table reason",
    "corrections": "correction_id table record_id field action old_value new_value reason who when",
}
LISTS = {
    ("meetings", "countries"): ",",
    ("meetings", "source_ids"): ",",
    ("participants", "source_ids"): ",",
    ("agreements", "countries"): ",",
    ("agreements", "source_ids"): ",",
    ("signatories", "source_ids"): ",",
    ("people", "roles_en"): "|",
    ("people", "aliases"): "|",
}
INTEGERS = {
    ("sources", "chars"),
    ("agreements", "valid_from"),
    ("agreements", "valid_to"),
    ("citations", "start"),
    ("citations", "end"),
    ("citations", "context_start"),
    ("citations", "context_end"),
}


def test_tables_and_columns_follow_the_contract() -> None:
    assert [t.name for t in TABLES] == list(CONTRACT)
    for table in TABLES:
        assert table.field_names == tuple(CONTRACT[table.name].split()), table.name
        assert TABLES_BY_NAME[table.name] is table


def test_field_types_follow_the_contract() -> None:
    for table in TABLES:
        for field in table.fields:
            key = (table.name, field.name)
            expected = "list" if key in LISTS else "integer" if key in INTEGERS else "string"
            assert field.type == expected, key
            if key in LISTS:
                assert field.delimiter == LISTS[key], key


def test_every_field_has_a_one_line_description() -> None:
    for table in TABLES:
        assert table.title and table.description.endswith("."), table.name
        for field in table.fields:
            text = field.description
            assert text and "\n" not in text, (table.name, field.name)
            assert text[0].isupper() and text.endswith("."), (table.name, field.name)
            assert len(text) <= 120, (table.name, field.name)


def test_keys_are_required_patterned_and_resolve() -> None:
    for table in TABLES:
        pk = table.field(table.primary_key)
        assert pk.required and pk.pattern, table.name
        for fk in table.foreign_keys:
            target = TABLES_BY_NAME[fk.reference]
            assert fk.reference_field == target.primary_key
            assert table.field(fk.field).pattern == target.field(fk.reference_field).pattern
    agreements = TABLES_BY_NAME["agreements"]
    assert not agreements.field("meeting_id").required  # nullable foreign key


def test_offsets_have_minimum_zero_and_dates_a_pattern() -> None:
    for name in ("start", "end", "context_start", "context_end"):
        assert TABLES_BY_NAME["citations"].field(name).minimum == 0
    dateish = re.compile(TABLES_BY_NAME["meetings"].field("date").pattern or "")
    for good in ("2023-06-14", "2023-06", "2023"):
        assert dateish.fullmatch(good)
    for bad in ("2023-6-14", "23-06-14", "2023-06-14T10:00", "June 2023"):
        assert not dateish.fullmatch(bad)


def _frictionless_field(table: str, column: str) -> frictionless.Field:
    schema = frictionless.Schema.from_descriptor(TABLES_BY_NAME[table].schema_descriptor())
    return schema.get_field(column)


@pytest.mark.parametrize(
    ("table", "column", "good", "bad"),
    [
        ("meetings", "meeting_id", "mtg-0123456789ab", "mtg-0123456789AB"),
        ("meetings", "meeting_id", "mtg-0123456789ab", "agr-0123456789ab"),
        ("people", "person_id", "per-0123456789ab", "per-0123456789abc"),
        ("citations", "record_id", "sig-0123456789ab", "cit-0123456789ab"),
        ("sources", "published", "2023-06", "06/2023"),
        ("meetings", "kind", "phone_call", "phone call"),
        ("countries", "code", "UZ", "uz"),
    ],
)
def test_constraints_reject_bad_values(table: str, column: str, good: str, bad: str) -> None:
    field = _frictionless_field(table, column)
    assert field.read_cell(good) == (good, None)
    _, notes = field.read_cell(bad)
    assert notes and ("pattern" in notes or "enum" in notes), notes


def test_list_field_reads_its_delimiter() -> None:
    field = _frictionless_field("people", "roles_en")
    assert field.read_cell("President|Head of state, army") == (
        ["President", "Head of state, army"],
        None,
    )


def test_descriptor_is_a_valid_data_package_v2() -> None:
    descriptor = datapackage_descriptor("1.2.3", "2025-01-02T03:04:05Z")
    assert descriptor["$schema"] == DATAPACKAGE_PROFILE
    assert descriptor["name"] == "accords"
    assert descriptor["version"] == "1.2.3"
    assert descriptor["created"] == "2025-01-02T03:04:05Z"
    assert "created" not in datapackage_descriptor("1.2.3", None)
    errors = list(frictionless.Package.metadata_validate(descriptor))
    assert errors == [], [e.message for e in errors]


def test_each_table_has_a_csv_resource_and_a_parquet_twin() -> None:
    resources = datapackage_descriptor("1.0.0", None)["resources"]
    assert isinstance(resources, list)
    names = [r["name"] for r in resources]
    expected = [n for t in TABLES for n in (t.name, f"{t.name}-parquet")]
    assert names == expected
    for resource in resources:
        table = TABLES_BY_NAME[resource["name"].removesuffix("-parquet")]
        schema = resource["schema"]
        assert [f["name"] for f in schema["fields"]] == list(table.field_names)
        assert schema["primaryKey"] == [table.primary_key]
        assert len(schema.get("foreignKeys", [])) == len(table.foreign_keys)
        if resource["format"] == "csv":
            assert resource["path"] == f"{table.name}.csv"
            assert resource["encoding"] == "utf-8"
            assert schema["missingValues"] == [""]
        else:
            assert resource["path"] == f"{table.name}.parquet"
            for fk in schema.get("foreignKeys", []):
                assert fk["reference"]["resource"].endswith("-parquet")
