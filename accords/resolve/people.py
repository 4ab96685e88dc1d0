"""One ``person_id`` per person across scripts and spellings.

Two mentions are one person when both the given name and the surname have the
same cross-script skeleton (:func:`accords.names.skeleton`) and their countries do
not differ. A shared surname or role alone never merges two people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from accords.ids import make_id
from accords.model import PersonFact
from accords.names import feminine, skeleton, transliterate
from accords.resolve.groups import Groups, Key, Links


@dataclass
class PersonRecord:
    person_id: str
    name_en: str
    country: str | None
    roles_en: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@lru_cache(maxsize=65536)  # asked for every mention in every resolution pass; names repeat
def name_key(name: str) -> tuple[str, str]:
    """(given, surname) skeletons of a written name; initials count as the given name's letter.
    Of a compound given name the first part counts: "Kassym-Jomart", "Касым-Жомарт" and the
    Turkish "Kasım Cömert" are one given name."""
    parts = name.replace(".", ". ").split()
    if not parts:
        return "", ""
    surname = skeleton(parts[-1])
    first = parts[0].split("-")[0] or parts[0]
    given = skeleton(first) if len(parts) > 1 else ""
    if given and len(first.rstrip(".")) > 1 and feminine(first):
        given += "+a"  # Adila is not Adil
    return given, surname


class PersonResolver:
    """Collects person facts, then assigns ids and English names."""

    def __init__(self, links: Links | None = None) -> None:
        self._links = links
        self._facts: list[PersonFact] = []
        self._ids: dict[int, str] = {}
        self._records: dict[str, PersonRecord] = {}
        self._members: dict[str, list[Key]] = {}

    def add(self, fact: PersonFact) -> None:
        self._facts.append(fact)

    def finish(self) -> None:
        """Group facts into people (country taken from any fact with the same names).

        Facts with the same name key and country are one person; judgements then
        join people or split one apart. A person keeps the automatic id of the first
        fact it holds; a part split off takes an id from that id and its first source.
        """
        countries: dict[tuple[str, str], set[str]] = {}
        for f in self._facts:
            if f.country:
                countries.setdefault(name_key(f.name_base or f.name), set()).add(f.country)
        auto: list[str] = []
        first_of: dict[str, int] = {}
        for i, f in enumerate(self._facts):
            key = name_key(f.name_base or f.name)
            country = f.country
            if country is None and len(countries.get(key, ())) == 1:
                country = next(iter(countries[key]))
            pid = make_id("per", country or "", *key)
            auto.append(pid)
            first_of.setdefault(pid, i)
        groups = Groups([self.key(f) for f in self._facts], self._links)
        for i, pid in enumerate(auto):
            groups.union(first_of[pid], i)
        for group in groups.groups():
            pids = sorted({auto[i] for i in group})
            kept = [p for p in pids if first_of[p] in group]
            pid = min(kept) if kept else make_id("per", pids[0], min(self._facts[i].name_cite.source_id for i in group))
            facts = [self._facts[i] for i in group]
            for f in facts:
                self._ids[id(f)] = pid
            english = [f.name for f in facts if f.language == "en"]
            first = facts[0]
            name_en = english[0] if english else (first.name_en or transliterate(first.name, first.language))
            country = next((f.country for f in facts if f.country), None)
            roles = sorted({f.role_en for f in facts if f.role_en})
            aliases = sorted({f.name for f in facts})
            self._records[pid] = PersonRecord(pid, name_en, country, roles, aliases)
            self._members[pid] = sorted({self.key(f) for f in facts})

    @staticmethod
    def key(fact: PersonFact) -> Key:
        """What one source said of a person: its source and where the name stands."""
        return (fact.name_cite.source_id, str(fact.name_cite.start))

    def members(self) -> dict[str, list[Key]]:
        return dict(self._members)

    def id_of(self, fact: PersonFact) -> str:
        """The person id of a fact (after :meth:`finish`)."""
        return self._ids[id(fact)]

    def record(self, person_id: str) -> PersonRecord:
        return self._records[person_id]

    def records(self) -> list[PersonRecord]:
        return [self._records[k] for k in sorted(self._records)]
