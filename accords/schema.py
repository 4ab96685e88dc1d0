"""The published tables, declared once as typed data.

Everything that describes a table is derived from :data:`TABLES`: the CSV headers
and the Parquet column types (:mod:`accords.package`), the Frictionless Data
Package v2 descriptor (:func:`datapackage_descriptor`) and the schema page of the
website (every field carries a one-line English ``description``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldType = Literal["string", "integer", "list"]

DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLESCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
DATEISH = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PRECISIONS = ("day", "month", "year")
PARQUET_SUFFIX = "-parquet"


@dataclass(frozen=True)
class Field:
    """One column: its Table Schema type, description and constraints."""

    name: str
    type: FieldType
    description: str
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] = ()
    minimum: int | None = None
    delimiter: str = ","
    """Separator of the items of a ``list`` field in CSV (ignored for other types)."""

    def descriptor(self, *, parquet: bool = False) -> dict[str, object]:
        """The Table Schema v2 field descriptor (``parquet``: as read from the Parquet twin).

        frictionless 5.21 reads Parquet through pandas, which yields a list cell as
        a numpy array (rejected by the ``list`` type) and a missing integer as a
        float NaN (rejected by the ``integer`` type).  So the Parquet twin declares
        list columns as ``any`` (their items are checked in the CSV twin and by
        :func:`accords.package.validate_package`, which compares both twins) and
        gives integer columns the field-level missing value ``"nan"``.
        """
        list_as_any = parquet and self.type == "list"
        out: dict[str, object] = {
            "name": self.name,
            "type": "any" if list_as_any else self.type,
        }
        if self.type == "list" and not list_as_any:
            out["itemType"] = "string"
            out["delimiter"] = self.delimiter
        out["description"] = self.description
        if parquet and self.type == "integer":
            out["missingValues"] = ["", "nan"]
        constraints: dict[str, object] = {}
        if self.required:
            constraints["required"] = True
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class ForeignKey:
    """``field`` of this table refers to the primary key of table ``reference``."""

    field: str
    reference: str
    reference_field: str


@dataclass(frozen=True)
class Table:
    """One published table: a CSV and a Parquet file with the same columns."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: str
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def field_names(self) -> tuple[str, ...]:
        """Column names in order (the CSV header)."""
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        """The field called ``name`` (KeyError if there is none)."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name}: no field {name!r}")

    def schema_descriptor(self, *, parquet: bool = False) -> dict[str, object]:
        """The Table Schema v2 descriptor (``parquet``: of the twin, keys to the twins)."""
        suffix = PARQUET_SUFFIX if parquet else ""
        out: dict[str, object] = {
            "$schema": TABLESCHEMA_PROFILE,
            "fields": [f.descriptor(parquet=parquet) for f in self.fields],
            "missingValues": [""],
            "primaryKey": [self.primary_key],
        }
        if self.foreign_keys:
            out["foreignKeys"] = [
                {
                    "fields": [fk.field],
                    "reference": {
                        "resource": fk.reference + suffix,
                        "fields": [fk.reference_field],
                    },
                }
                for fk in self.foreign_keys
            ]
        return out


# Field constructors for the recurring kinds of column.


def _id(name: str, prefix: str, description: str, *, required: bool = True) -> Field:
    return Field(
        name,
        "string",
        description,
        required=required,
        pattern=f"^{prefix}-[0-9a-f]{{12}}$",
    )


def _enum(name: str, values: tuple[str, ...], description: str, *, required: bool = False) -> Field:
    return Field(name, "string", description, required=required, enum=values)


def _dateish(name: str, description: str) -> Field:
    return Field(name, "string", description, pattern=DATEISH)


def _text(name: str, description: str, *, required: bool = False) -> Field:
    return Field(name, "string", description, required=required)


def _country(name: str, description: str) -> Field:
    return Field(name, "string", description, pattern=r"^[A-Z]{2}$")


def _language(name: str, description: str) -> Field:
    return Field(name, "string", description, pattern=r"^[a-z]{2}$")


def _offset(name: str, description: str, *, required: bool = True) -> Field:
    return Field(name, "integer", description, required=required, minimum=0)


def _list(name: str, description: str, delimiter: str = ",") -> Field:
    return Field(name, "list", description, delimiter=delimiter)


def _sources(what: str) -> Field:
    return _list("source_ids", f"Ids of the sources that report this {what}, comma-separated.")


MEETING_KINDS = (
    "meeting",
    "talks",
    "consultations",
    "visit",
    "phone_call",
    "summit",
    "commission_session",
    "other",
)
AGREEMENT_KINDS = (
    "memorandum",
    "protocol",
    "plan",
    "programme",
    "roadmap",
    "agreement",
    "treaty",
    "declaration",
    "other",
)
CITED_TABLES = ("meetings", "participants", "agreements", "signatories", "sources")

SOURCES = Table(
    "sources",
    "Sources",
    "The news articles the data was extracted from, one row per seed file.",
    (
        _id("source_id", "src", "Stable id of the source, derived from its content."),
        _text("file", "Name of the seed file holding the article text.", required=True),
        _language("language", "Language of the article (ISO 639-1 code)."),
        _dateish(
            "published",
            "Publication date at its known precision (YYYY, YYYY-MM or YYYY-MM-DD).",
        ),
        _enum(
            "published_precision",
            PRECISIONS,
            "Precision of the publication date: day, month or year.",
        ),
        _enum(
            "published_basis",
            ("front_matter", "header", "dateline", "inferred"),
            "Where the publication date was found: front matter, header, dateline or inferred.",
        ),
        Field(
            "url",
            "string",
            "Address of the article on the web, if known.",
            pattern=r"^https?://\S+$",
        ),
        _text("outlet", "Name of the news outlet that published the article."),
        _text("title", "Headline of the article as published."),
        _text("license", "License or terms under which the article text was published."),
        Field(
            "sha256",
            "string",
            "SHA-256 hex digest of the seed file's bytes.",
            required=True,
            pattern=r"^[0-9a-f]{64}$",
        ),
        _offset("chars", "Length of the article text in characters."),
        _text(
            "text",
            "The whole seed file, only if its license is permissive (accords/licences.yml).",
        ),
    ),
    "source_id",
)

MEETINGS = Table(
    "meetings",
    "Meetings",
    "Government meetings, talks, visits and calls reported by the sources.",
    (
        _id("meeting_id", "mtg", "Stable id of the meeting, derived from its content."),
        _dateish("date", "Date of the meeting at its known precision; empty if unknown."),
        _enum(
            "date_precision",
            PRECISIONS,
            "Precision of the date: day, month or year; empty without a date.",
        ),
        _enum(
            "date_basis",
            ("stated", "relative", "dateline", "published", "inferred", "merged"),
            "How the date was found: stated, relative (yesterday, on Monday), dateline, publication date, "
            "inferred or merged.",
        ),
        _list(
            "countries",
            "ISO 3166-1 alpha-2 codes of the countries taking part, sorted, comma-separated.",
        ),
        _text("city", "City where the meeting took place (English name)."),
        _enum(
            "city_basis",
            ("stated", "landmark"),
            "How the city was found: stated, or from a named landmark.",
        ),
        _enum(
            "kind",
            MEETING_KINDS,
            "Kind of meeting, e.g. talks, visit, phone_call or summit.",
        ),
        _text(
            "label",
            "Short English description of the meeting: countries, city and date.",
        ),
        _sources("meeting"),
    ),
    "meeting_id",
)

PARTICIPANTS = Table(
    "participants",
    "Participants",
    "People taking part in a meeting, one row per person and meeting.",
    (
        _id(
            "participant_id",
            "par",
            "Stable id of this person's participation in the meeting.",
        ),
        _id("meeting_id", "mtg", "The meeting taken part in (meetings.meeting_id)."),
        _id("person_id", "per", "The person taking part (people.person_id)."),
        _text("name", "Name as written in the first source that mentions it."),
        _text("name_en", "Name in English (Latin) spelling."),
        _country("country", "Country the person represents (ISO 3166-1 alpha-2)."),
        _text("role_en", "Role or office of the person at the meeting, in English."),
        _sources("participation"),
    ),
    "participant_id",
    (
        ForeignKey("meeting_id", "meetings", "meeting_id"),
        ForeignKey("person_id", "people", "person_id"),
    ),
)

AGREEMENTS = Table(
    "agreements",
    "Agreements",
    "Memoranda, agreements, programmes and other documents reported as signed.",
    (
        _id(
            "agreement_id",
            "agr",
            "Stable id of the agreement, derived from its content.",
        ),
        _id(
            "meeting_id",
            "mtg",
            "The meeting at which it was signed, if known (meetings.meeting_id).",
            required=False,
        ),
        _enum(
            "kind",
            AGREEMENT_KINDS,
            "Kind of document, e.g. memorandum, protocol, roadmap or treaty.",
        ),
        _text("title", "Title of the document as written in the source."),
        _text("title_en", "Title of the document in English."),
        _enum(
            "title_en_basis",
            ("source", "composed"),
            "Origin of the English title: given by a source, or composed from the original.",
        ),
        _list(
            "countries",
            "ISO 3166-1 alpha-2 codes of the parties' countries, sorted, comma-separated.",
        ),
        _dateish("signed_date", "Date of signing at its known precision."),
        _enum(
            "signed_date_precision",
            PRECISIONS,
            "Precision of the signing date: day, month or year.",
        ),
        Field(
            "valid_from",
            "integer",
            "First year the document covers or is in force, if stated.",
        ),
        Field(
            "valid_to",
            "integer",
            "Last year the document covers or is in force, if stated.",
        ),
        _text("city", "City where the document was signed (English name)."),
        _sources("agreement"),
    ),
    "agreement_id",
    (ForeignKey("meeting_id", "meetings", "meeting_id"),),
)

SIGNATORIES = Table(
    "signatories",
    "Signatories",
    "People who signed an agreement, one row per person and agreement.",
    (
        _id(
            "signatory_id",
            "sig",
            "Stable id of this person's signature of the agreement.",
        ),
        _id("agreement_id", "agr", "The agreement signed (agreements.agreement_id)."),
        _id("person_id", "per", "The person who signed (people.person_id)."),
        _text("name", "Name as written in the first source that mentions it."),
        _text("name_en", "Name in English (Latin) spelling."),
        _country("country", "Country the signatory represents (ISO 3166-1 alpha-2)."),
        _text("role_en", "Role or office of the signatory, in English."),
        _enum("basis", ("stated",), "How the signature is known: stated by the source."),
        _sources("signature"),
    ),
    "signatory_id",
    (
        ForeignKey("agreement_id", "agreements", "agreement_id"),
        ForeignKey("person_id", "people", "person_id"),
    ),
)

PEOPLE = Table(
    "people",
    "People",
    "Officials who took part in meetings or signed agreements, one row per person.",
    (
        _id("person_id", "per", "Stable id of the person."),
        _text("name_en", "Name in English (Latin) spelling."),
        _country("country", "Country the person represents (ISO 3166-1 alpha-2)."),
        _list(
            "roles_en",
            "Roles or offices the person was reported with, in English, separated by |.",
            "|",
        ),
        _list(
            "aliases",
            "Every written form of the name seen in the sources, separated by |.",
            "|",
        ),
    ),
    "person_id",
)

COUNTRIES = Table(
    "countries",
    "Countries",
    "Countries referred to by the other tables.",
    (
        Field(
            "code",
            "string",
            "ISO 3166-1 alpha-2 code.",
            required=True,
            pattern=r"^[A-Z]{2}$",
        ),
        _text("name_en", "Name of the country in English."),
    ),
    "code",
)

CITATIONS = Table(
    "citations",
    "Citations",
    "Evidence: for every value taken from a source, the exact quote and where it stands.",
    (
        _id("citation_id", "cit", "Stable id of the citation."),
        _enum("table", CITED_TABLES, "Table of the cited row.", required=True),
        Field(
            "record_id",
            "string",
            "Id of the cited row in that table.",
            required=True,
            pattern=r"^(mtg|par|agr|sig|src)-[0-9a-f]{12}$",
        ),
        _text(
            "field",
            "Column the value came from, e.g. date, city, countries, title.",
            required=True,
        ),
        _id("source_id", "src", "The source quoted (sources.source_id)."),
        _offset("start", "Offset of the first character of the quote in the source text."),
        _offset(
            "end",
            "Offset just past the last character of the quote in the source text.",
        ),
        _text("quote", "The quoted text, exactly as in the source.", required=True),
        _offset(
            "context_start",
            "Offset of the first character of the context sentence.",
            required=False,
        ),
        _offset("context_end", "Offset just past the context sentence.", required=False),
        _text("context", "The whole sentence around the quote, exactly as in the source."),
        _language("language", "Language of the source (ISO 639-1 code)."),
    ),
    "citation_id",
    (ForeignKey("source_id", "sources", "source_id"),),
)

RESOLVED_ID = r"^(mtg|agr|per)-[0-9a-f]{12}$"
REDIRECTS = Table(
    "redirects",
    "Redirects",
    "Ids that no longer name a record, each with the record that now holds its facts: "
    "follow them so old links and joins keep working.",
    (
        Field("old_id", "string", "The id that no longer names a record.", required=True,
              pattern=RESOLVED_ID),
        Field("new_id", "string", "The id of the record that holds its facts now.", required=True,
              pattern=RESOLVED_ID),
        _enum("table", ("meetings", "agreements", "people"), "Table of both ids.", required=True),
        _enum("reason", ("merge", "curation", "release"),
              "Why: merge (reports joined), curation (a judgement) or release (renamed since a release).",
              required=True),
    ),
    "old_id",
)

CORRECTIONS = Table(
    "corrections",
    "Corrections",
    "Human corrections from curation/overrides.yml: a value set or a record suppressed, "
    "with who decided, when and why.",
    (
        _id("correction_id", "cor", "Stable id of the correction."),
        _enum("table", ("meetings", "participants", "agreements", "signatories", "people", "sources"),
              "Table of the corrected row.", required=True),
        Field("record_id", "string", "Id of the corrected row (kept here when it was suppressed).",
              required=True, pattern=r"^(mtg|par|agr|sig|per|src)-[0-9a-f]{12}$"),
        _text("field", "The corrected column; empty when the whole row was suppressed."),
        _enum("action", ("set", "suppress"), "What was done: set (a value replaced) or suppress (the row removed).",
              required=True),
        _text("old_value", "The value as extracted, JSON-encoded."),
        _text("new_value", "The published value, JSON-encoded (empty for a suppression)."),
        _text("reason", "Why the extracted value was wrong.", required=True),
        _text("who", "Who decided.", required=True),
        _dateish("when", "When it was decided."),
    ),
    "correction_id",
)

TABLES: tuple[Table, ...] = (
    SOURCES,
    MEETINGS,
    PARTICIPANTS,
    AGREEMENTS,
    SIGNATORIES,
    PEOPLE,
    COUNTRIES,
    CITATIONS,
    REDIRECTS,
    CORRECTIONS,
)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

PACKAGE_TITLE = "Accords: government meetings and signed agreements"
PACKAGE_DESCRIPTION = (
    "Government meetings and the agreements signed at them, extracted from news "
    "articles. Every value is traced to a quote in its source (table citations)."
)
LICENSES: tuple[dict[str, str], ...] = (
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    },
)
CONTRIBUTOR = "Accords contributors"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def resource_descriptors(table: Table) -> list[dict[str, object]]:
    """The CSV resource of ``table`` and its Parquet twin ``<table>-parquet``.

    The twin's foreign keys point at the other Parquet resources, so each format
    is a self-contained, checkable set of tables.
    """
    csv: dict[str, object] = {
        "name": table.name,
        "type": "table",
        "path": f"{table.name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": table.title,
        "description": table.description,
        "schema": table.schema_descriptor(),
    }
    parquet: dict[str, object] = {
        "name": table.name + PARQUET_SUFFIX,
        "type": "table",
        "path": f"{table.name}.parquet",
        "format": "parquet",
        "mediatype": PARQUET_MEDIATYPE,
        "title": f"{table.title} (Parquet)",
        "description": f"{table.description} Same rows as {table.name}.csv, in Parquet.",
        "schema": table.schema_descriptor(parquet=True),
    }
    return [csv, parquet]


def datapackage_descriptor(version: str, created: str | None = None) -> dict[str, object]:
    """The Data Package v2 descriptor of all tables; ``created`` is omitted when ``None``."""
    out: dict[str, object] = {
        "$schema": DATAPACKAGE_PROFILE,
        "name": "accords",
        "title": PACKAGE_TITLE,
        "description": PACKAGE_DESCRIPTION,
        "version": version,
    }
    if created is not None:
        out["created"] = created
    out["licenses"] = [dict(lic) for lic in LICENSES]
    out["contributors"] = [{"title": CONTRIBUTOR, "roles": ["creator"]}]
    out["resources"] = [r for t in TABLES for r in resource_descriptors(t)]
    return out
