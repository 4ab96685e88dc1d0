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
