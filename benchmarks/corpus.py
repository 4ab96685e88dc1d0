"""A deterministic synthetic corpus: news articles about the events of :mod:`benchmarks.world`.

Each event is reported by one to three articles in different languages (the same
meeting, people and documents, told by different outlets), written from the
phrasebooks in ``benchmarks/phrases/<lang>.yml``: sentence shapes taken from the
real seeds, with slots for states, cities, officials, dates and document titles,
padded to about 3 KB with neutral sentences. ``corpus(n, seed)`` is a pure
function of its arguments, and the first ``n`` articles of a larger corpus are the
corpus of ``n``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from accords.lexicon import available_languages
from benchmarks.scripts import render
from benchmarks.world import Event, Official, event

PHRASES = Path(__file__).with_name("phrases")
DEFAULT_SEED = "accords-bench-1"
REPORTS = ((1, 2, 3), (55, 30, 15))  # how many languages report one event, and how often


@dataclass(frozen=True)
class Article:
    name: str
    language: str
    event: Event
    text: str


@cache
def phrasebook(language: str) -> dict[str, Any]:
    data = yaml.safe_load((PHRASES / f"{language}.yml").read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("language") != language:
        raise ValueError(f"{language}.yml: expected a mapping with 'language: {language}'")
    return data


def languages() -> list[str]:
    """Languages with both a phrasebook and an extractor lexicon."""
    books = {p.stem for p in PHRASES.glob("*.yml")}
    return [lang for lang in available_languages() if lang in books]


def corpus(n: int, seed: str = DEFAULT_SEED) -> Iterator[Article]:
    """The first ``n`` articles of the corpus of ``seed``."""
    langs = languages()
    count = number = 0
    while count < n:
        ev = event(number, seed)
        rng = random.Random(f"{seed}:reports:{number}")
        reports = rng.choices(REPORTS[0], weights=REPORTS[1])[0]
        for lang in rng.sample(langs, min(reports, len(langs))):
            if count == n:
                break
            text = write_article(ev, lang, random.Random(f"{seed}:article:{count}"))
            yield Article(f"{count:06d}_{lang}.txt", lang, ev, text)
            count += 1
        number += 1


def write_corpus(out: Path, n: int, seed: str = DEFAULT_SEED) -> list[Article]:
    """Write the corpus into ``out`` (created) as seed files; return its articles."""
    out.mkdir(parents=True, exist_ok=True)
    articles = list(corpus(n, seed))
    for a in articles:
        (out / a.name).write_text(a.text, encoding="utf-8")
    return articles


def write_article(ev: Event, language: str, rng: random.Random) -> str:
    """One article about ``ev`` in ``language``: front matter and about 3 KB of text."""
    book = phrasebook(language)
    slots = _slots(ev, book, language, rng)
    headline = _sentence(rng.choice(book["headlines"]), slots)
    style = rng.choice(["front", "front", "header"] + (["dateline"] if slots["city"] and "dateline" in book else []))
    iso = ev.day.isoformat()
    outlet = rng.randrange(len(book["outlets"]))
    slots["outlet"] = book["outlets"][outlet]
    front = [f'url: "https://{book["domains"][outlet]}/news/{ev.number}-{rng.randrange(10**6)}"',
             f'outlet: "{book["outlets"][outlet]}"']
    if rng.random() < 0.5:
        front.insert(0, f"title: {yaml_quoted(headline)}")
    if rng.random() < 0.85:
        front.append(f"language: {language}")
    if style != "header":
        front.append(f"published: {iso}")
    lead = _sentence(_choose(rng, book["leads"][ev.kind], slots), slots)
    if style == "dateline":
        lead = f"{_fill(book['dateline'], slots)} {lead}"
    paragraphs = [lead]
    fillers = [_sentence(s, slots) for s in book["fillers"]]
    remarks = [_sentence(s, slots) for s in book["remarks"]]
    rng.shuffle(fillers)
    body = [*rng.sample(remarks, 2), *fillers[:2]]
    rng.shuffle(body)
    paragraphs += [" ".join(body[:2]), " ".join(body[2:])]
    signings = rng.sample(book["signings"], len(ev.signed))
    for doc, template in zip(ev.signed, signings, strict=True):
        slots.update(_title(doc.kind, doc.period, book, slots))
        paragraphs.append(_sentence(template, slots))
    head = f" date {iso}\n\n{headline}" if style == "header" else headline
    text = "---\n" + "\n".join(front) + "\n---\n" + head + "\n\n" + "\n\n".join(paragraphs)
    target = rng.randint(2800, 3300)
    rest = fillers[2:]
    while len(text.encode("utf-8")) < target:
        if not rest:
            rest = [_sentence(s, slots) for s in book["fillers"]]
            rng.shuffle(rest)
        text += "\n\n" + rest.pop()
    return text + "\n"


def yaml_quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _slots(ev: Event, book: dict[str, Any], language: str, rng: random.Random) -> dict[str, Any]:
    host, guest = ev.countries
    portfolio = book["portfolios"][ev.officials[0].portfolio or "none"]
    slots: dict[str, Any] = {
        "A": book["countries"][host], "B": book["countries"][guest], "P": portfolio,
        "city": book["cities"].get(ev.city) if ev.city else None,
        "month": book["months"][ev.day.month - 1], "day": ev.day.day, "year": ev.day.year,
    }
    slots["date"] = _fill(book["date"], slots)
    for side, person in zip("AB", ev.officials, strict=True):
        slots[f"{side}_official"] = _official(person, book, language, slots[side], portfolio)
        slots[f"{side}_surname"] = render(person.surname, language)
    return slots


def _official(person: Official, book: dict[str, Any], language: str, country: dict[str, str],
              portfolio: dict[str, str]) -> str:
    template = book["official"]["minister" if person.portfolio else "president"]
    return _fill(template, {"C": country, "P": portfolio, "name": render(person.name, language)})


def _title(kind: str, period: tuple[int, int] | None, book: dict[str, Any], slots: dict[str, Any]) -> dict[str, str]:
    suffixes = book.get("year_suffixes") or [""] * 10
    years = {}
    if period is not None:
        y1, y2 = period
        years = {"y1": y1, "y2": y2, "y1s": suffixes[y1 % 10], "y2s": suffixes[y2 % 10]}
    text = ""
    if period is not None:
        text = (book["period_one"] if period[0] == period[1] else book["period_two"]).format(**years)
    given = book["titles"][kind]
    forms: dict[str, str] = given if isinstance(given, dict) else {"nom": given}
    out = {"title": _fill(forms["nom"], {**slots, "period": text})}
    out["title_acc"] = _fill(forms.get("acc", forms["nom"]), {**slots, "period": text})
    out["signed"] = (book.get("signed_forms") or {}).get(kind, "")
    return out


def _choose(rng: random.Random, templates: list[str], slots: dict[str, Any]) -> str:
    usable = [t for t in templates if slots["city"] is not None or "{city" not in t]
    return rng.choice(usable)


def _fill(template: str, slots: dict[str, Any]) -> str:
    return re.sub(r" {2,}", " ", template.format(**slots)).strip()


def _sentence(template: str, slots: dict[str, Any]) -> str:
    text = _fill(template, slots)
    return text[:1].upper() + text[1:]
