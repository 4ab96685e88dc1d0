"""The scorer: what it pairs, whatever order the gold lists its records in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accords.build import build_data
from accords.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
TEXT = """---
published: 2025-07-10
---
Azerbaijan, Türkiye discuss energy

BAKU, July 10. Azerbaijani Minister of Energy Parviz Shahbazov met with Turkish Minister of Energy and Natural \
Resources Alparslan Bayraktar in Baku on July 10.

On the same day, Bayraktar was received by President of Azerbaijan Ilham Aliyev in Baku.
"""


def _meeting(mid: str) -> dict[str, object]:
    return {"id": mid, "date": "2025-07-10", "countries": ["AZ", "TR"], "city": "Baku", "kind": "meeting"}


def _person(mid: str, name: str, country: str, role: str) -> dict[str, object]:
    return {"meeting": mid, "name_en": name, "name_as_written": name, "country": country, "role_en": role}


@pytest.mark.parametrize("order", [("talks", "reception"), ("reception", "talks")])
def test_two_meetings_alike_are_paired_by_their_people(tmp_path: Path, order: tuple[str, str]) -> None:
    """Two meetings of one day, city, kind and states (talks, then a reception by the president)
    are told apart by who took part: listing them the other way round scores the same."""
    seeds, gold = tmp_path / "seeds", tmp_path / "gold"
    seeds.mkdir()
    gold.mkdir()
    (seeds / "a_en.txt").write_text(TEXT, encoding="utf-8")
    build_data(seeds, tmp_path / "data", ROOT)
    people = {"talks": [("Parviz Shahbazov", "AZ", "Minister of Energy"),
                        ("Alparslan Bayraktar", "TR", "Minister of Energy and Natural Resources")],
              "reception": [("Alparslan Bayraktar", "TR", "Minister of Energy and Natural Resources"),
                            ("Ilham Aliyev", "AZ", "President")]}
    (gold / "a_en.json").write_text(json.dumps({
        "file": "a_en.txt", "language": "en", "published": "2025-07-10",
        "meetings": [_meeting(name) for name in order],
        "participants": [_person(name, *p) for name in order for p in people[name]],
        "agreements": [], "signatories": [], "not_signed": [], "same_event_as": [], "notes": "",
    }), encoding="utf-8")
    report = evaluate(gold, tmp_path / "data", seeds)
    for table in ("meetings", "participants"):
        assert (report.scores[table].fp, report.scores[table].fn) == (0, 0), (table, report.misses, report.false)


def test_a_link_the_scorer_cannot_read_names_its_file_and_the_keys(tmp_path: Path) -> None:
    from accords.evaluate import GoldError, check_gold

    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a_en.json").write_text(json.dumps({
        "file": "a_en.txt", "language": "en", "meetings": [_meeting("m1")], "participants": [], "agreements": [],
        "signatories": [], "same_event_as": [{"meeting": "m1", "file": "b_en.txt", "other_meeting": "m2"}],
    }), encoding="utf-8")
    with pytest.raises(GoldError, match=r"a_en\.json: same_event_as\[0\] needs the keys this_meeting, file, meeting"):
        check_gold(gold)
