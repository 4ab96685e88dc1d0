import pytest

from accords.text import fold, headline, quote_spans, split_sentences, tokenize


def test_fold_keeps_length_and_maps_variants() -> None:
    s = "İlham O‘zbekiston Oʻzbekiston Jaksılıkov"
    assert len(fold(s)) == len(s)
    assert fold("O‘zbekiston") == fold("Oʻzbekiston") == fold("O'zbekiston") == "o'zbekiston"
    assert fold("İlham") == "ilham"


def test_hyphenated_line_break_is_one_token() -> None:
    text = "bərpa olun-\n\nması münasibətlə"
    toks = tokenize(text)
    assert [t.fold for t in toks] == ["bərpa", "olunmasi", "münasibətlə"]
    assert text[toks[1].start : toks[1].end] == "olun-\n\nması"


def test_sentences_keep_initials_and_split_glued_periods() -> None:
    text = "Nazir B.Kudratxocayev danışıb. Nazir X. Xələfov gəlib.\nВ регионе.Стороны договорились."
    sents = [text[s.start : s.end] for s in split_sentences(text, 0)]
    assert sents == ["Nazir B.Kudratxocayev danışıb.", "Nazir X. Xələfov gəlib.", "В регионе.",
                     "Стороны договорились."]


def test_sentence_not_split_inside_hyphenated_word() -> None:
    text = "suverenliyinin bərpa olun-\n\nması münasibətlə təbrik edib."
    assert len(split_sentences(text, 0)) == 1


def test_quote_spans_pairs_marks() -> None:
    text = 'A “Plan X” and «План» and "Q"'
    assert [text[s:e] for s, e in quote_spans(text, 0, len(text))] == ["Plan X", "План", "Q"]


def test_quote_spans_is_linear_on_unclosed_marks() -> None:
    text = "“" * 200_000
    assert quote_spans(text, 0, len(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("O‘zbekiston | 11:05 / 24.04.2025\n3120\n3 daqiqa o‘qiladi\n\nGruziya vaziri Toshkentga rasmiy tashrif "
     "bilan keldi\n\nKecha Gruziya ...", "Gruziya vaziri Toshkentga rasmiy tashrif bilan keldi"),
    ("Азербайджан и Узбекистан подписали меморандум о сотрудничестве.\n\nКак передает Report ...",
     "Азербайджан и Узбекистан подписали меморандум о сотрудничестве."),
    ("Кыргызстанга жумуш сапары менен Абдулазиз Камилов келди. Эки тарап кызматташтыкты талкуулашты.\n"
     "Жолугушууда ...", None),  # a paragraph first
    ("• Be. Noy 25th, 2024\n\nAzərbaycan, Özbəkistan və Türkiyə ilk dəfə danışıqlar aparacaqlar\n",
     "Azərbaycan, Özbəkistan və Türkiyə ilk dəfə danışıqlar aparacaqlar"),
])
def test_headline_skips_page_furniture(text: str, expected: str | None) -> None:
    span = headline(text, 0)
    assert (text[span[0] : span[1]] if span else None) == expected
