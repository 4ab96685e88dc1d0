"""Agreement titles: a quoted title is the title; a quoted statement is not."""

from __future__ import annotations

from pathlib import Path

from accords.extract import extract
from accords.ids import make_id
from accords.model import Document


def _titles(text: str, language: str) -> list[str]:
    doc = Document(make_id("src", "t.txt"), "t.txt", Path("t.txt"), text, 0, language, {}, "0")
    return [a.title for a in extract(doc).agreements]


def test_a_quoted_statement_is_not_a_title() -> None:
    text = ("Министр культуры Азербайджана Адиль Керимли 12 декабря 2025 года встретился в Баку с министром "
            "культуры Узбекистана Озодбек Назарбеков.\n"
            "\"По итогам встречи был подписан совместный меморандум о сотрудничестве в сфере культуры\", "
            "- говорится в сообщении.\n")
    assert _titles(text, "ru") == ["совместный меморандум о сотрудничестве в сфере культуры"]


def test_a_quoted_title_is_taken_whole() -> None:
    text = ("Azerbaijani Defence Minister Zakir Hasanov met with the Minister of Defence of Uzbekistan "
            "Bakhodir Kurbanov in Baku on 3 December 2025. The ministers signed the \"Plan of Joint Actions "
            "in the Military Field for 2026\".\n")
    assert _titles(text, "en") == ["Plan of Joint Actions in the Military Field for 2026"]


def test_a_title_ends_with_the_whole_name_of_a_state() -> None:
    text = ("President of Kazakhstan Kassym-Jomart Tokayev held talks with President of Kyrgyzstan Sadyr "
            "Japarov in Bishkek on 13 November 2026. The two presidents signed a Treaty on Allied Relations "
            "between the Republic of Kazakhstan and the Kyrgyz Republic.\n")
    assert _titles(text, "en") == [
        "Treaty on Allied Relations between the Republic of Kazakhstan and the Kyrgyz Republic"]


def test_the_session_a_protocol_records_is_part_of_its_title() -> None:
    text = ("Azerbaijani Minister of Economy Mikayil Jabbarov met with Uzbek Minister of Investment, Industry "
            "and Trade Laziz Kudratov in Tashkent on 21 July 2026. A protocol of the 5th meeting of the "
            "intergovernmental commission was signed.\n")
    assert _titles(text, "en") == ["protocol of the 5th meeting of the intergovernmental commission"]


def test_the_parties_who_sign_are_not_in_the_title() -> None:
    text = ("Қазақстан Республикасының Премьер-Министрі Олжас Бектенов 2026 жылғы 5 наурызда Өзбекстан "
            "Республикасының Премьер-Министрі Абдулла Ариповпен кездесті. Кездесу қорытындысы бойынша тараптар "
            "өнеркәсіптік кооперация саласындағы ынтымақтастық туралы келісімге қол қойды.\n")
    assert _titles(text, "kk") == ["өнеркәсіптік кооперация саласындағы ынтымақтастық туралы келісімге"]


def test_a_capitalised_title_word_is_no_persons_name() -> None:
    text = ("Düşənbə, 28 avqust 2026. Prezident İlham Əliyev Tacikistan Prezidenti Emoməli Rəhmonla görüşüb. "
            "Görüşdən sonra dövlət başçıları Strateji tərəfdaşlıq haqqında Birgə Bəyannaməni imzalayıblar.\n")
    assert _titles(text, "az") == ["Strateji tərəfdaşlıq haqqında Birgə Bəyannaməni"]
    text = ("Бишкек, 2026-жылдын 12-ноябры. Кыргыз Республикасынын Тышкы иштер министри Жээнбек Кулубаев "
            "Казакстан Республикасынын Тышкы иштер министри Ермек Көшербаев менен жолукту. Мурда, 2024-жылы, эки "
            "өлкөнүн президенттери Союздук мамилелер жөнүндө келишимге кол коюшкан.\n")
    assert _titles(text, "ky") == ["Союздук мамилелер жөнүндө келишимге"]


def test_a_surname_named_before_still_ends_a_title() -> None:
    text = ("Toshkent, 5 may 2026. O'zbekiston Prezidenti Shavkat Mirziyoyev Qozog'iston Prezidenti Qasim-Jomart "
            "To'qayev bilan uchrashdi. Mirziyoyev va To'qayev ikki davlat o'rtasidagi Strategik sheriklik "
            "to'g'risidagi deklaratsiyani imzoladi.\n")
    assert _titles(text, "uz") == ["ikki davlat o'rtasidagi Strategik sheriklik to'g'risidagi deklaratsiyani"]
