"""Agreement titles: a quoted title is the title; a quoted statement is not."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.parametrize(("language", "text", "title"), [
    pytest.param(  # "Republic" is a stopword, but here it ends a state's name
        "en", "President of Kazakhstan Kassym-Jomart Tokayev held talks with President of Kyrgyzstan Sadyr "
        "Japarov in Bishkek on 13 November 2026. The two presidents signed a Treaty on Allied Relations "
        "between the Republic of Kazakhstan and the Kyrgyz Republic.\n",
        "Treaty on Allied Relations between the Republic of Kazakhstan and the Kyrgyz Republic",
        id="the whole name of a state"),
    pytest.param(  # "further" is a title word ("on further deepening …"), as common as the title
        "en", "Kazakh President Kassym-Jomart Tokayev and Chinese President Xi Jinping held talks in Astana on "
        "3 September 2026. The heads of state signed a Joint Statement on further deepening the comprehensive "
        "strategic partnership.\n",
        "Joint Statement on further deepening the comprehensive strategic partnership", id="further deepening"),
    pytest.param(  # a day after the title is the signing's, not the title's
        "en", "BISHKEK, February 25 (AKIpress). Kyrgyzstan and Uzbekistan inked an agreement on the joint "
        "construction of the Kambarata HPP-1 on February 25.\n",
        "agreement on the joint construction of the Kambarata HPP-1", id="a day after the title"),
    pytest.param(  # an ordinal's dot and the commission a protocol records are the title's
        "tr", "ASTANA (AA) - Ticaret Bakanı Ömer Bolat, Kazakistan Ticaret ve Entegrasyon Bakanı Arman Şakkaliyev ile "
        "5 Haziran 2026'da Astana'da bir araya geldi. Bolat ve Şakkaliyev, görüşmenin ardından Karma Ekonomik "
        "Komisyonu 12. Dönem Toplantısı Protokolü'nü imzaladı.\n",
        "Karma Ekonomik Komisyonu 12. Dönem Toplantısı Protokolü'nü", id="an ordinal and a commission (tr)"),
    pytest.param(  # the session a protocol records is part of its title
        "en", "Azerbaijani Minister of Economy Mikayil Jabbarov met with Uzbek Minister of Investment, Industry "
        "and Trade Laziz Kudratov in Tashkent on 21 July 2026. A protocol of the 5th meeting of the "
        "intergovernmental commission was signed.\n",
        "protocol of the 5th meeting of the intergovernmental commission", id="the session a protocol records"),
    pytest.param(  # "тараптар": the parties who sign are not in a head-final title
        "kk", "Қазақстан Республикасының Премьер-Министрі Олжас Бектенов 2026 жылғы 5 наурызда Өзбекстан "
        "Республикасының Премьер-Министрі Абдулла Ариповпен кездесті. Кездесу қорытындысы бойынша тараптар "
        "өнеркәсіптік кооперация саласындағы ынтымақтастық туралы келісімге қол қойды.\n",
        "өнеркәсіптік кооперация саласындағы ынтымақтастық туралы келісімге", id="the parties who sign"),
    pytest.param(  # a capitalised title word is no person's name
        "az", "Düşənbə, 28 avqust 2026. Prezident İlham Əliyev Tacikistan Prezidenti Emoməli Rəhmonla görüşüb. "
        "Görüşdən sonra dövlət başçıları Strateji tərəfdaşlıq haqqında Birgə Bəyannaməni imzalayıblar.\n",
        "Strateji tərəfdaşlıq haqqında Birgə Bəyannaməni", id="a capitalised word (az)"),
    pytest.param(
        "az", "Bakı, 10 fevral 2026. Azərbaycan Prezidenti İlham Əliyev Qazaxıstan Prezidenti Qasım-Jomart "
        "Tokayevlə görüşüb. Sonra Ali Dövlətlərarası Şuranın yaradılması haqqında Bəyannamə imzalanıb.\n",
        "Ali Dövlətlərarası Şuranın yaradılması haqqında Bəyannamə", id="title words that look like a full name"),
    pytest.param(
        "ky", "Бишкек, 2026-жылдын 12-ноябры. Кыргыз Республикасынын Тышкы иштер министри Жээнбек Кулубаев "
        "Казакстан Республикасынын Тышкы иштер министри Ермек Көшербаев менен жолукту. Мурда, 2024-жылы, эки "
        "өлкөнүн президенттери Союздук мамилелер жөнүндө келишимге кол коюшкан.\n",
        "Союздук мамилелер жөнүндө келишимге", id="a capitalised word (ky)"),
    pytest.param(  # a surname of someone the article names still ends a title
        "uz", "Toshkent, 5 may 2026. O'zbekiston Prezidenti Shavkat Mirziyoyev Qozog'iston Prezidenti Qasim-Jomart "
        "To'qayev bilan uchrashdi. Mirziyoyev va To'qayev ikki davlat o'rtasidagi Strategik sheriklik "
        "to'g'risidagi deklaratsiyani imzoladi.\n",
        "ikki davlat o'rtasidagi Strategik sheriklik to'g'risidagi deklaratsiyani", id="a surname named before"),
])
def test_where_a_title_begins_and_ends(language: str, text: str, title: str) -> None:
    assert _titles(text, language) == [title]


def test_the_body_names_what_the_headline_announced() -> None:
    """A headline's "A və B arasında saziş imzalanıb" and the body's "vizasız rejim haqqında
    Saziş": one agreement, titled as the body names it; the headline only announced it."""
    text = ("Azərbaycan və Özbəkistan arasında saziş imzalanıb\n\n"
            "Daşkənd, 21 aprel 2026. Azərbaycan Respublikasının Prezidenti İlham Əliyev Özbəkistan "
            "Respublikasının Prezidenti Şavkat Mirziyoyevlə görüşüb. Nazirlər vizasız rejim haqqında Saziş "
            "imzalayıblar.\n")
    assert _titles(text, "az") == ["vizasız rejim haqqında Saziş"]
