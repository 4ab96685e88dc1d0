"""Plain typed data passed between the stages.

seeds → :class:`Document` → :class:`DocFacts` (facts with citations, per source)
→ resolved records (:mod:`accords.resolve`) → rows (:mod:`accords.tables`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the precision its evidence gives; any part may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str | None:
        """``day``, ``month`` or ``year`` for a publishable date, else ``None``."""
        if self.year is None:
            return None
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def iso(self) -> str | None:
        """ISO 8601 at the evidence's precision (never padded); ``None`` without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def compatible(self, other: PartialDate) -> bool:
        """True when no known part of one contradicts the other."""
        pairs = ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        return all(a is None or b is None or a == b for a, b in pairs)

    def known_parts(self) -> int:
        """How many of year, month, day are known."""
        return sum(p is not None for p in (self.year, self.month, self.day))

    def merge(self, other: PartialDate) -> PartialDate:
        """The most precise date consistent with both (caller checks compatibility)."""
        return PartialDate(
            self.year if self.year is not None else other.year,
            self.month if self.month is not None else other.month,
            self.day if self.day is not None else other.day,
        )


@dataclass(frozen=True)
class Citation:
    """Evidence for one value: ``text[start:end] == quote`` in the seed file."""

    source_id: str
    start: int
    end: int
    quote: str
    context_start: int
    context_end: int


@dataclass(frozen=True)
class Document:
    """A seed article: the file's text exactly as read, plus metadata."""

    source_id: str
    file: str
    path: Path
    text: str
    body_start: int
    language: str
    meta: dict[str, str]
    sha256: str
    published: PartialDate | None = None
    published_basis: str | None = None
    published_cite: Citation | None = None


@dataclass
class PersonFact:
    """A named official as one source states them."""

    name: str
    name_cite: Citation
    surname_key: str
    country: str | None = None
    country_cite: Citation | None = None
    role_en: str | None = None
    role_cite: Citation | None = None
    role_class: str | None = None
    language: str = ""
    name_en: str | None = None
    name_base: str | None = None  # the name in the nominative ("Сергей Лавров" for "Сергея Лаврова")


@dataclass
class MeetingFact:
    """A meeting as one source reports it."""

    local_id: str
    kind: str
    kind_cite: Citation
    countries: tuple[str, ...]
    country_cites: dict[str, Citation]
    date: PartialDate
    date_basis: str
    date_cite: Citation | None
    city: str | None = None
    city_basis: str | None = None
    city_cite: Citation | None = None
    participants: list[PersonFact] = field(default_factory=list)


@dataclass
class AgreementFact:
    """A document reported as signed, as one source states it."""

    local_id: str
    kind: str
    title: str
    title_cite: Citation
    signing_cite: Citation
    title_en: str | None
    title_en_basis: str | None
    countries: tuple[str, ...]
    meeting_local_id: str | None
    signed_date: PartialDate
    signed_date_cite: Citation | None
    country_cites: dict[str, Citation] = field(default_factory=dict)  # where each party is named
    valid_from: int | None = None
    valid_to: int | None = None
    period_cite: Citation | None = None
    city: str | None = None
    city_cite: Citation | None = None
    signatories: list[PersonFact] = field(default_factory=list)
    signatory_cites: list[Citation] = field(default_factory=list)
    quoted: bool = False
    topic: frozenset[str] = frozenset()


@dataclass
class DocFacts:
    """Everything one source states, with citations into its text."""

    document: Document
    meetings: list[MeetingFact] = field(default_factory=list)
    agreements: list[AgreementFact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
