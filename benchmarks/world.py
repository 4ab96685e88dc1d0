"""The synthetic world the benchmark corpus reports on: states, cities, officials, events.

Everything is drawn from ``random.Random`` seeded with a string, per event and per
office, so event ``k`` is the same whatever the corpus size (a corpus of N articles
is the first N of a longer one). Names are fictional, written once in Azerbaijani
orthography and rendered per script by :mod:`benchmarks.scripts`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

# States every lexicon knows, with the cities an event can take place in.
CITIES: dict[str, tuple[str, ...]] = {
    "AZ": ("Baku",), "UZ": ("Tashkent", "Samarkand"), "KZ": ("Astana",), "KG": ("Bishkek",),
    "TJ": ("Dushanbe",), "TM": ("Ashgabat",), "TR": ("Ankara",), "RU": ("Moscow",),
}
STATES = tuple(CITIES)
PORTFOLIOS = ("Foreign Affairs", "Defence", "Internal Affairs", "Culture", "Economy", "Emergency Situations")
DOCUMENT_KINDS = ("memorandum", "agreement", "plan", "protocol", "programme", "roadmap")
EVENT_KINDS = ("meeting", "meeting", "meeting", "talks", "talks", "phone_call")
FIRST_DAY = date(2021, 1, 1)
DAYS = 5 * 365

_GIVEN: dict[str, tuple[str, ...]] = {
    "AZ": ("Rauf", "Elnur", "Kamran", "Anar", "Tural", "Vüqar", "Ilham", "Rəşad", "Fuad", "Nazim", "Samir", "Orxan"),
    "UZ": ("Baxtiyor", "Sardor", "Jamşid", "Otabək", "Rustam", "Dilşod", "Bahodir", "Ulugbək", "Aziz", "Cəsur"),
    "KZ": ("Nurlan", "Yerlan", "Marat", "Dauren", "Asxat", "Bolat", "Ruslan", "Serik", "Timur", "Arman"),
    "KG": ("Temirlan", "Nurbek", "Tilek", "Ulan", "Bektur", "Almaz", "Kanat", "Erlan", "Daniyar", "Marlen"),
    "TJ": ("Firdavs", "Sorbon", "Karim", "Daler", "Şerali", "Faridun", "Behruz", "Rahmon", "Zafar", "Umed"),
    "TM": ("Merdan", "Batır", "Rovşen", "Serdar", "Myrat", "Arslan", "Kerim", "Gurban", "Nury", "Resul"),
    "TR": ("Yusuf", "Emre", "Kemal", "Burak", "Selim", "Murat", "Orxan", "Hakan", "Levent", "Tolqa"),
    "RU": ("Andrey", "Sergey", "Dmitri", "Pavel", "Oleg", "Mixail", "Nikolay", "Yuri", "Viktor", "Boris"),
}
_SURNAMES: dict[str, tuple[str, ...]] = {
    "AZ": ("Məmmədli", "Quliyev", "Rzayev", "Nəsirov", "Abbasov",
           "Hüseynov", "Kərimov", "Orucov", "Talıbov", "Vəliyev"),
    "UZ": ("Rahimov", "Toşmatov", "Yusupov", "Karimov", "Nazarov",
           "Salimov", "Usmonov", "Xoliqov", "Ergaşev", "Sodiqov"),
    "KZ": ("Seytqali", "Nurpeyisov", "Abdirov", "Tokayev", "Jumabayev",
           "Sarsenov", "Beysenov", "Omarov", "Kasımov", "Dosanov"),
    "KG": ("Asanov", "Toktorov", "Mamatov", "Osmonov", "Cumabekov",
           "Sadırov", "Musayev", "Kadırov", "Baktıbayev", "Turdubayev"),
    "TJ": ("Rahimzoda", "Sharifzoda", "Nazarzoda", "Qosimov", "Saidov",
           "Mirzoyev", "Davlatov", "Sultonov", "Hasanzoda", "Olimov"),
    "TM": ("Meredov", "Orazov", "Berdiyev", "Annayev", "Xocayev",
           "Amanov", "Garayev", "Nurıyev", "Atayev", "Babayev"),
    "TR": ("Şahin", "Demir", "Kaya", "Arslan", "Doğan", "Kurt", "Özdemir", "Aydın", "Polat", "Tekin"),
    "RU": ("Sokolov", "Morozov", "Volkov", "Lebedev", "Kozlov", "Novikov", "Pavlov", "Semyonov", "Fyodorov", "Belov"),
}


@dataclass(frozen=True)
class Official:
    country: str
    given: str
    surname: str
    portfolio: str | None  # None: the head of state

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"


@dataclass(frozen=True)
class Signed:
    kind: str
    portfolio: str | None
    period: tuple[int, int] | None


@dataclass(frozen=True)
class Event:
    number: int
    kind: str
    day: date
    countries: tuple[str, str]  # host, guest
    city: str | None
    officials: tuple[Official, Official]
    signed: tuple[Signed, ...]


def official(country: str, portfolio: str | None, year: int, seed: str) -> Official:
    """Who held an office that year (heads of state serve all five years)."""
    rng = random.Random(f"{seed}:office:{country}:{portfolio}:{year if portfolio else 0}")
    return Official(country, rng.choice(_GIVEN[country]), rng.choice(_SURNAMES[country]), portfolio)


def event(number: int, seed: str) -> Event:
    """Event ``number`` of the world seeded by ``seed``."""
    rng = random.Random(f"{seed}:event:{number}")
    host, guest = rng.sample(STATES, 2)
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    portfolio = None if rng.random() < 0.15 else rng.choice(PORTFOLIOS)
    kind = rng.choice(EVENT_KINDS)
    city = None if kind == "phone_call" else rng.choice(CITIES[host])
    people = (official(host, portfolio, day.year, seed), official(guest, portfolio, day.year, seed))
    signed: list[Signed] = []
    if kind != "phone_call":
        count = rng.choices((0, 1, 2), weights=(35, 45, 20))[0]
        for doc_kind in rng.sample(DOCUMENT_KINDS, count):
            period = None
            if doc_kind in ("plan", "programme") or rng.random() < 0.2:
                first = day.year + 1
                period = (first, first + rng.choice((0, 0, 1, 2)))
            signed.append(Signed(doc_kind, portfolio, period))
    return Event(number, kind, day, (host, guest), city, people, tuple(signed))
