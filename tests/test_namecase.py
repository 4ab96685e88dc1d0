"""Russian names back to the nominative from the case their role word shows (issue 4)."""

from pathlib import Path

import pytest

from accords import lexicon
from accords.extract import extract
from accords.extract.namecase import nominative, role_case
from accords.ids import make_id
from accords.model import Document
from accords.names import transliterate

RU = lexicon.load("ru")

CASES = [
    ("первого", "Баходира Ахмедова", "Баходир Ахмедов"),      # genitive, masculine
    ("министра", "Сергея Лаврова", "Сергей Лавров"),
    ("министром", "Сергеем Лавровым", "Сергей Лавров"),         # instrumental
    ("министру", "Сергею Лаврову", "Сергей Лавров"),            # dative
    ("главой", "Марией Захаровой", "Мария Захарова"),           # instrumental, feminine
    ("министра", "Марии Захаровой", "Мария Захарова"),          # genitive, feminine
    ("министр", "Мария Захарова", "Мария Захарова"),            # nominative feminine stays
    ("президента", "Шавката Мирзиёева", "Шавкат Мирзиёев"),
    ("премьер-министра", "Никола Пашиняна", "Никол Пашинян"),
    ("министра", "Ван И", "Ван И"),                             # does not decline: as written
    # Georgian surnames never decline and are either gender's: the given name decides
    ("премьер-министра", "Ираклия Кобахидзе", "Ираклий Кобахидзе"),
    ("министром", "Макой Бочоришвили", "Мака Бочоришвили"),
    ("министра", "Маки Бочоришвили", "Мака Бочоришвили"),
    # surnames that never decline (indeclinable_surnames): the given name still does
    ("председателем", "Валентиной Матвиенко", "Валентина Матвиенко"),
    ("председателя", "Валентины Матвиенко", "Валентина Матвиенко"),
    ("премьер-министром", "Нарендрой Моди", "Нарендра Моди"),
    ("министром", "Сергеем Шойгу", "Сергей Шойгу"),
    ("госсекретарем", "Марко Рубио", "Марко Рубио"),             # a given name no ending fits: as written
    ("министра", "Ахмеда Аль", "Ахмеда Аль"),                   # a surname that may decline: unknown, as written
    ("президенту", "Саломе Зурабишвили", "Саломе Зурабишвили"),  # -е fits both genders, two ways: as written
]


@pytest.mark.parametrize(("role", "written", "base"), CASES)
def test_nominative_from_role_case(role: str, written: str, base: str) -> None:
    assert nominative(written, role_case(role, RU), RU) == base


def test_unknown_case_leaves_the_name_as_written() -> None:
    # "замминистра" is the same in every case: no guess is made
    assert role_case("замминистра", RU) is None
    assert nominative("Фарида Джафарова", None, RU) == "Фарида Джафарова"


def test_language_without_case_data_keeps_names() -> None:
    az = lexicon.load("az")
    assert nominative("Zakir Həsənov", role_case("nazir", az), az) == "Zakir Həsənov"


def _doc(text: str) -> Document:
    return Document(make_id("src", "t.txt"), "t.txt", Path("t.txt"), text, 0, "ru", {}, "0")


def test_extracted_name_en_uses_the_nominative_and_coordination_shares_the_case() -> None:
    text = ("Заседание прошло 12 декабря 2025 года под председательством первого замминистра культуры "
            "Узбекистана Баходира Ахмедова и замглавы Минкультуры Азербайджана Фарида Джафарова.\n")
    facts = extract(_doc(text))
    people = {p.name: p for m in facts.meetings for p in m.participants}
    assert people["Баходира Ахмедова"].name_en == "Bakhodir Akhmedov"
    assert people["Фарида Джафарова"].name_en == "Farid Jafarov"       # case from "A и … B"
    assert people["Фарида Джафарова"].role_en == "Deputy Minister of Culture"
    role = people["Фарида Джафарова"].role_cite
    assert role is not None and role.quote.startswith("замглавы")      # the glue word is not the role


def test_dzh_follows_the_regions_press_spelling() -> None:
    assert transliterate("Джафаров", "ru") == "Jafarov"
    assert transliterate("Жапаров", "ru") == "Zhaparov"


def test_azerbaijani_spelling_of_russian_script_names_follows_the_english_press() -> None:
    text = ("Azərbaycanın xarici işlər naziri Elmar Məmmədyarov Moldova Xarici İşlər naziri Oleq Tulea ilə "
            "2020-ci il aprelin 3-də telefon danışığı aparıb.\n")
    doc = Document(make_id("src", "az.txt"), "az.txt", Path("az.txt"), text, 0, "az", {}, "0")
    people = {p.name: p for m in extract(doc).meetings for p in m.participants}
    assert people["Oleq Tulea"].name_en == "Oleg Tulea"              # MD: Олег
    assert people["Elmar Məmmədyarov"].name_en == "Elmar Mammadyarov"  # AZ: the Azerbaijani convention


def test_names_in_capitals_keep_their_case_and_read_normally_in_english() -> None:
    assert nominative("Бахтиёром САИДОВЫМ", "ins", RU) == "Бахтиёр САИДОВ"
    text = ("Министр иностранных дел Азербайджана Джейхун Байрамов 3 декабря 2025 года встретился в Баку "
            "с министром иностранных дел Узбекистана Бахтиёром САИДОВЫМ.\n")
    people = {p.name: p for m in extract(_doc(text)).meetings for p in m.participants}
    assert people["Бахтиёром САИДОВЫМ"].name_en == "Bakhtiyor Saidov"


def test_consonant_final_surnames_of_the_region_decline_too() -> None:
    assert nominative("Саясатом Нурбеком", role_case("министром", RU), RU) == "Саясат Нурбек"
    assert nominative("Жээнбека Кулубаева", role_case("министра", RU), RU) == "Жээнбек Кулубаев"


def test_namesakes_in_one_article_stay_two_people() -> None:
    text = ("Министр обороны Азербайджана Закир Гасанов и министр иностранных дел Азербайджана Эльмар Гасанов "
            "3 декабря 2025 года встретились в Баку с министром обороны Узбекистана Баходиром Курбановым.\n")
    people = [p.name for m in extract(_doc(text)).meetings for p in m.participants]
    assert "Закир Гасанов" in people and "Эльмар Гасанов" in people


def test_one_person_whatever_the_case_of_each_mention(tmp_path: Path) -> None:
    """A surname in the instrumental, then in the nominative: one person of the document, who
    signs; its given name too ("Бахтиёром", "Бахтиёр")."""
    from accords.documents import load_seed

    path = tmp_path / "a.txt"
    path.write_text("---\nlanguage: ru\npublished: 2025-05-10\n---\nМинистр иностранных дел Азербайджана "
                    "Джейхун Байрамов провел переговоры с министром иностранных дел Узбекистана Бахтиёром "
                    "Саидовым. По итогам переговоров Бахтиёр Саидов и Джейхун Байрамов подписали план "
                    "консультаций.\n", encoding="utf-8")
    doc, _ = load_seed(path, tmp_path)
    assert doc is not None
    facts = extract(doc)
    assert len(facts.meetings[0].participants) == 2
    [a] = facts.agreements
    assert sorted(p.surname_key for p in a.signatories) == sorted(p.surname_key for p in
                                                                  facts.meetings[0].participants)


@pytest.mark.parametrize(("written", "surname"), [
    ("Bayelin", "Bayel"),            # -in after e: Bayel's genitive
    ("Jumanqarin", "Jumanqarin"),    # after a the genitive is -ın: -in is the name's own
    ("Mişustin", "Mişustin"),
    ("Əliyevin", "Əliyev"),
    ("Bayramovun", "Bayramov"),
    ("Həsənovla", "Həsənov"),
])
def test_azerbaijani_case_endings_follow_vowel_harmony(written: str, surname: str) -> None:
    from accords.extract.annotate import strip_case

    assert strip_case(written, lexicon.load("az")) == surname


@pytest.mark.parametrize(("language", "written", "surname"), [
    ("uz", "Hakimzoda", "Hakimzoda"),      # the Tajik -zoda ends in what looks like the locative -da
    ("uz", "Hakimzodaga", "Hakimzoda"),    # its dative is still cut back
    ("uz", "Abdurahmonovga", "Abdurahmonov"),
    ("kk", "Хакимзода", "Хакимзода"),
    ("kk", "Расулзодамен", "Расулзода"),
    ("ky", "Мухриддин", "Мухриддин"),      # Arabic -ддин ends like the genitive -дин
    ("ky", "Мухриддиндин", "Мухриддин"),   # its genitive is still cut back
    ("az", "Muxriddin", "Muxriddin"),
    ("az", "Muxriddinin", "Muxriddin"),    # Muxriddi + nin or Muxriddin + in: the name's own ending wins
    ("az", "Rəsulzadə", "Rəsulzadə"),
    ("az", "Rəsulzadəyə", "Rəsulzadə"),
])
def test_name_endings_that_look_like_case_endings_stay(language: str, written: str, surname: str) -> None:
    from accords.extract.annotate import strip_case

    assert strip_case(written, lexicon.load(language)) == surname
