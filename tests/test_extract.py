"""The extractor on small articles written for each rule: each case fails without its rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accords.documents import load_seed
from accords.extract import extract
from accords.ids import make_id
from accords.model import DocFacts, Document


def run(tmp_path: Path, text: str, language: str) -> DocFacts:
    path = tmp_path / "article.txt"
    path.write_text(f"---\nlanguage: {language}\n---\n{text}", encoding="utf-8")
    doc, problems = load_seed(path, tmp_path)
    assert doc is not None, problems
    return extract(doc)


def test_active_signing_names_signatories_az(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2024-03-05 Görüş\n"
                "Azərbaycanın müdafiə naziri Zakir Həsənov Özbəkistanın müdafiə naziri Baxodir Kurbanov ilə "
                "Bakıda görüşüb. Görüşün sonunda \"2025-ci il üçün hərbi əməkdaşlıq planı\" imzalanıb. "
                "Sənədi Zakir Həsənov və Baxodir Kurbanov imzalayıblar.", "az")
    [m] = facts.meetings
    assert (m.kind, m.countries, m.date.iso(), m.city) == ("meeting", ("AZ", "UZ"), "2024-03-05", "Baku")
    [a] = facts.agreements
    assert (a.kind, a.valid_from, a.valid_to) == ("plan", 2025, 2025)
    assert sorted(s.country or "" for s in a.signatories) == ["AZ", "UZ"]


def test_bare_passive_names_nobody_en(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2024-03-05 The Defense Ministers of Azerbaijan and Uzbekistan, Zakir Hasanov "
                "and Bakhodir Kurbanov, held talks in Tashkent. A cooperation plan for 2025 was signed.", "en")
    [a] = facts.agreements
    assert a.signatories == []
    assert {p.country for p in facts.meetings[0].participants} == {"AZ", "UZ"}


def test_passive_with_agent_names_signatories_en(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2024-03-05 The Defense Ministers of Azerbaijan and Uzbekistan, Zakir Hasanov "
                "and Bakhodir Kurbanov, held talks in Tashkent. The plan for 2025 was signed by Zakir Hasanov "
                "and Bakhodir Kurbanov.", "en")
    [a] = facts.agreements
    assert len(a.signatories) == 2


@pytest.mark.parametrize(("text", "language"), [
    (" date 2024-03-05 The ministers of Azerbaijan and Uzbekistan, Zakir Hasanov and Bakhodir Kurbanov, met "
     "in Baku. The sides will sign a memorandum next month.", "en"),
    (" date 2024-03-05 Azərbaycanın müdafiə naziri Zakir Həsənov Özbəkistanın müdafiə naziri Baxodir Kurbanov "
     "ilə görüşüb. Yaxın vaxtlarda memorandum imzalanacaq.", "az"),
    (" date 2024-03-05 The memorandum between Azerbaijan and Uzbekistan was approved by parliament.", "en"),
    (" date 2024-03-05 Министры обороны Азербайджана и Узбекистана встретились в Баку. Стороны договорились "
     "о сотрудничестве. Планируется подписать соглашение.", "ru"),
])
def test_hard_negatives_make_no_signed_agreement(tmp_path: Path, text: str, language: str) -> None:
    assert run(tmp_path, text, language).agreements == []


def test_announced_meeting_is_no_meeting(tmp_path: Path) -> None:
    facts = run(tmp_path, "Avq 1, 2022\n\nAvqustun 2-də Daşkənddə Türkiyə-Özbəkistan-Azərbaycan xarici işlər "
                "nazirlərinin üçtərəfli görüşü keçiriləcək.", "az")
    assert facts.meetings == []


def test_phone_call_kind_and_month_precision(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2020-04 Xarici İşlər naziri Elmar Məmmədyarovun Moldova Xarici İşlər naziri "
                "Oleq Tulea ilə telefon danışığı baş tutub.", "az")
    [m] = facts.meetings
    assert (m.kind, m.countries, m.date.iso()) == ("phone_call", ("AZ", "MD"), "2020-04")


def test_page_clock_is_not_the_publication_date(tmp_path: Path) -> None:
    facts = run(tmp_path, "• Be. Noy 25th, 2024\n\nXəbər\n\nAvq 1, 2022\n\nMətn.", "az")
    assert facts.document.published is not None and facts.document.published.iso() == "2022-08-01"


def test_president_merely_mentioned_is_not_a_participant(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2024-03-05 Azərbaycanın müdafiə naziri Zakir Həsənov Özbəkistanın müdafiə naziri "
                "Baxodir Kurbanov ilə görüşüb. Nazir Prezident İlham Əliyevin siyasətini xatırladıb.", "az")
    names = {p.name for p in facts.meetings[0].participants}
    assert names == {"Zakir Həsənov", "Baxodir Kurbanov"}


def test_inflected_surname_is_stripped(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2024-03-05 Qazaxıstanın müdafiə naziri Ruslan Jaksılıkovun rəhbərlik etdiyi "
                "nümayəndə heyəti ölkəmizə səfər edib.", "az")
    [m] = facts.meetings
    assert [p.name for p in m.participants] == ["Ruslan Jaksılıkov"]
    assert m.countries == ("AZ", "KZ") and m.kind == "visit"


def test_multilateral_meeting_lists_all_states(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-10-20 Глава Минобороны Узбекистана Шухрат Халмухамедов встретился в "
                "Самарканде с коллегами из Казахстана, Кыргызстана, Таджикистана и Туркменистана.", "ru")
    [m] = facts.meetings
    assert m.countries == ("KG", "KZ", "TJ", "TM", "UZ") and m.city == "Samarkand"


def test_every_citation_slices_to_its_quote(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2024-03-05 Azərbaycanın müdafiə naziri Zakir Həsənov Özbəkistanın müdafiə naziri "
                "Baxodir Kurbanov ilə görüşüb. \"2025-ci il üçün plan\" imzalanıb.", "az")
    text = facts.document.path.read_text(encoding="utf-8")
    m = facts.meetings[0]
    cites = [m.kind_cite, *m.country_cites.values(), *(p.name_cite for p in m.participants)]
    cites += [a.title_cite for a in facts.agreements]
    for c in cites:
        assert text[c.start : c.end] == c.quote


def test_former_minister_is_not_a_participant(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2024-03-05 Defence Minister of Azerbaijan Zakir Hasanov, who met Kazakh Defence "
                "Minister Ruslan Zhaksylykov in Baku, thanked former Defence Minister Safar Abiyev.", "en")
    [m] = facts.meetings
    assert {p.name for p in m.participants} == {"Zakir Hasanov", "Ruslan Zhaksylykov"}


def test_a_city_in_a_route_is_not_the_venue(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2024-03-05 Azərbaycanın nəqliyyat naziri Rəşad Nəbiyev Gürcüstanın iqtisadiyyat "
                "naziri Levan Davitaşvili ilə Bakı-Tbilisi-Qars dəmir yolu xəttinin işini müzakirə etmək üçün "
                "görüşüb.", "az")
    [m] = facts.meetings
    assert m.city is None and m.countries == ("AZ", "GE")


@pytest.mark.parametrize(("text", "language", "expected"), [
    # a capitalised portfolio the lexicon lacks, after "Minister of": a complement, not a person
    (" date 2025-04-14 The Minister of Lunar Resources and Trade of the Republic of Tajikistan Zavqi Zavqizoda "
     "met the Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov in Dushanbe.", "en",
     {("Zavqi Zavqizoda", "TJ"), ("Bakhtiyor Saidov", "UZ")}),
    # head-final: capitalised portfolio words before the position, even through "ve" and commas
    (" date 2025-11-04 Türkiye Ulaştırma ve Altyapı Bakanı Abdulkadir Uraloğlu, Azerbaycan Ay Madenciliği ve "
     "Ulaştırma Bakanı Reşad Nebiyev ile İstanbul'da görüştü.", "tr",
     {("Abdulkadir Uraloğlu", "TR"), ("Reşad Nebiyev", "AZ")}),
    (" date 2025-05-22 Ticaret Bakanı Ömer Bolat, Özbekistan Ay Yatırımları, Sanayi ve Ticaret Bakanı Laziz "
     "Kudratov ile Ankara'da görüştü.", "tr", {("Ömer Bolat", "TR"), ("Laziz Kudratov", "UZ")}),
])
def test_unknown_portfolio_words_belong_to_the_role(tmp_path: Path, text: str, language: str,
                                                     expected: set[tuple[str, str]]) -> None:
    [m] = run(tmp_path, text, language).meetings
    assert {(p.name, p.country) for p in m.participants} == expected


def test_a_headline_document_is_the_body_s_document(tmp_path: Path) -> None:
    """The headline paraphrases the title and names the signers; the body gives the title and
    a bare passive: one agreement, its signers from the headline."""
    facts = run(tmp_path, "Ceyhun Bayramov və Raşid Meredov nəqliyyat sahəsində saziş imzalayıblar\n\n"
                "Bakı, 7 may 2025. Azərbaycanın xarici işlər naziri Ceyhun Bayramov Türkmənistanın xarici işlər "
                "naziri Raşid Meredov ilə görüşüb. Görüşün sonunda \"Azərbaycan Respublikası Hökuməti ilə "
                "Türkmənistan Hökuməti arasında beynəlxalq avtomobil daşımaları haqqında Saziş\" imzalanıb.", "az")
    [a] = facts.agreements
    assert a.title.startswith("Azərbaycan Respublikası Hökuməti")
    assert sorted(p.surname_key for p in a.signatories) == sorted(p.surname_key for p in
                                                                  facts.meetings[0].participants)


def test_two_documents_of_one_kind_told_apart_by_their_subject(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-06-02 Azerbaijan and Uzbekistan signed a memorandum on cooperation in "
                "culture and a memorandum on cooperation in energy in Baku.", "en")
    assert sorted(a.title for a in facts.agreements) == ["memorandum on cooperation in culture",
                                                         "memorandum on cooperation in energy"]


@pytest.mark.parametrize(("text", "language"), [
    ("Bakı, 7 may, AZƏRTAC. Azərbaycanın xarici işlər naziri Ceyhun Bayramov Türkmənistanın xarici işlər "
     "naziri Raşid Meredov ilə görüşüb.", "az"),
    ("Ташкент. 7 мая. REPORT.AZ/ Министр иностранных дел Азербайджана Джейхун Байрамов встретился с "
     "министром иностранных дел Туркменистана Рашидом Мередовым.", "ru"),
])
def test_a_dateline_in_ordinary_case_dates_the_meeting(tmp_path: Path, text: str, language: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"---\nlanguage: {language}\npublished: 2025-05-08\n---\n{text}", encoding="utf-8")
    doc, _ = load_seed(path, tmp_path)
    assert doc is not None
    [m] = extract(doc).meetings
    assert (m.date.iso(), m.date_basis) == ("2025-05-07", "dateline")


def test_a_past_visit_and_its_then_prime_minister(tmp_path: Path) -> None:
    """Background: a visit whose second state is named only in the document's title, and a
    signer who was "then" in office, is a participant of that past event."""
    facts = run(tmp_path, " date 2025-06-05 Armenian Prime Minister Nikol Pashinyan held a telephone conversation "
                "with Georgian Prime Minister Irakli Kobakhidze. In January 2024 Pashinyan and then Georgian Prime "
                "Minister Irakli Garibashvili signed a joint declaration during Garibashvili's official visit to "
                "Armenia. The Uzbek-Tajik Treaty on the state border was signed in Dushanbe in June 2022 during "
                "the state visit to Tajikistan.", "en")
    past = {m.date.iso(): m for m in facts.meetings[1:]}
    assert {p.name for p in past["2024-01"].participants} == {"Nikol Pashinyan", "Irakli Garibashvili"}
    assert past["2022-06"].countries == ("TJ", "UZ")


def test_a_background_agreement_naming_no_state_is_between_the_article_s_two(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-07-15 Вице-премьер России Алексей Оверчук и министр экономики Киргизии "
                "Данияр Амангельдиев провели переговоры. Действующее соглашение было подписано в 2020 году.", "ru")
    [a] = facts.agreements
    assert (a.countries, a.signed_date.iso(), a.meeting_local_id) == (("KG", "RU"), "2020", None)


def test_a_dated_participle_is_an_earlier_signing_not_the_sentence_s_date(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-04-03 Aprelin 3-də Bakıda Azərbaycan, Gürcüstan və Türkiyə xarici işlər "
                "nazirlərinin üçtərəfli görüşü keçirilib. Görüşdə Azərbaycanın xarici işlər naziri Ceyhun Bayramov, "
                "Gürcüstanın xarici işlər naziri Maka Boçorişvili və Türkiyənin xarici işlər naziri Hakan Fidan "
                "iştirak ediblər. Həmin gün Bakıda Ceyhun Bayramov türkiyəli həmkarı ilə ikitərəfli görüş də "
                "keçirib. Görüşdə 2021-ci il iyunun 15-də imzalanmış Müttəfiqlik münasibətləri haqqında Şuşa "
                "Bəyannaməsinin icrası müzakirə olunub.", "az")
    main, side = facts.meetings
    assert (main.countries, side.countries) == (("AZ", "GE", "TR"), ("AZ", "TR"))
    assert side.date.iso() == "2025-04-03"  # the declaration's date is not the meeting's
    assert {p.name for p in side.participants} == {"Ceyhun Bayramov", "Hakan Fidan"}  # "his Turkish counterpart"
    [a] = facts.agreements
    assert (a.kind, a.signed_date.iso(), a.meeting_local_id, a.signatories) == ("declaration", "2021-06-15", None, [])


def test_russian_word_order_and_compound_roles(tmp_path: Path) -> None:
    """A plural position names the people after it; signers may follow the verb; a hyphenated
    position shows the name's case on its last part; the first position of a role rules."""
    facts = run(tmp_path, " date 2025-03-04 Министры обороны Кыргызстана и Таджикистана Бактыбек Бекболотов и "
                "Собир Мирзо встретились в Бишкеке. Соглашение о военном сотрудничестве подписали министр "
                "обороны Кыргызстана Бактыбек Бекболотов и министр обороны Таджикистана Собир Мирзо. "
                "Советник министра иностранных дел Азербайджана Хикмет Гаджиев провел переговоры с "
                "премьер-министром Таджикистана Кохиром Расулзода.", "ru")
    main, talks = facts.meetings
    assert {(p.name, p.country, p.role_en) for p in main.participants} == {
        ("Бактыбек Бекболотов", "KG", "Minister of Defence"), ("Собир Мирзо", "TJ", "Minister of Defence")}
    [a] = facts.agreements
    assert {p.name for p in a.signatories} == {"Бактыбек Бекболотов", "Собир Мирзо"}
    people = {p.name: p for p in talks.participants}
    assert people["Кохиром Расулзода"].name_base == "Кохир Расулзода"
    assert (people["Хикмет Гаджиев"].role_en or "").startswith("Adviser")


def test_a_name_is_never_a_future_verb(tmp_path: Path) -> None:
    """Kyrgyz future endings (-лат: "болот", "келишилет") are not read on capitalised words: "Давлат"
    is a name."""
    facts = run(tmp_path, " date 2025-03-04 Кыргыз Республикасынын тышкы иштер министри Давлат Жаманкулов "
                "Өзбекстандын тышкы иштер министри Бахтиёр Саидов менен Бишкекте жолугушту.", "ky")
    [m] = facts.meetings
    assert len(m.participants) == 2


def test_a_month_abbreviation_dates_only_beside_a_number(tmp_path: Path) -> None:
    """"05 Jun 2025" is a date; "Han Jun" is a name; "Central Asia" is a region, not a person."""
    facts = run(tmp_path, "Kyrgyzstan and China sign memorandum\n\n 05 Jun 2025 15:30 | Politics\n\n"
                "Kyrgyz Foreign Minister Jeenbek Kulubaev met with Chinese Vice Minister of Commerce Han Jun "
                "in Bishkek yesterday to prepare the summit of the Heads of State of Central Asia and China.", "en")
    assert facts.document.published is not None and facts.document.published.iso() == "2025-06-05"
    [m] = facts.meetings
    assert (m.date.iso(), {p.name for p in m.participants}) == ("2025-06-04", {"Jeenbek Kulubaev", "Han Jun"})


@pytest.mark.parametrize(("text", "language"), [
    (" date 2025-04-14 The Uzbek-Tajik Intergovernmental Commission on Trade and Economic Cooperation met in "
     "Dushanbe. The Uzbek delegation was headed by Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov, "
     "the Tajik side by Minister of Foreign Affairs of Tajikistan Sirojiddin Muhriddin.", "en"),
    (" date 2025-05-22 Ticaret Bakanı Ömer Bolat, Özbekistan Dışişleri Bakanı Bahtiyor Saidov ile "
     "Türkiye-Özbekistan Karma Ekonomik Komisyonu 8. Dönem Toplantısı'nda bir araya geldi.", "tr"),
])
def test_a_body_that_meets_holds_a_commission_session(tmp_path: Path, text: str, language: str) -> None:
    [m] = run(tmp_path, text, language).meetings
    assert m.kind == "commission_session"


def test_the_head_of_a_state_s_delegation_takes_its_country(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-04-14 The Uzbek-Tajik commission met in Dushanbe. The Uzbek delegation at the "
                "session was headed by Minister of Investment, Industry and Trade Laziz Kudratov, and the Tajik side "
                "by Minister of Economic Development and Trade Zavqi Zavqizoda.", "en")
    [m] = facts.meetings
    assert {(p.name, p.country) for p in m.participants} == {("Laziz Kudratov", "UZ"), ("Zavqi Zavqizoda", "TJ")}


def test_a_past_perfect_signing_in_kazakh(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-08-07 Еске салайық, 2022 жылғы тамызда Мемлекет басшысы Қасым-Жомарт "
                "Тоқаевтың Бакуге мемлекеттік сапары барысында екі ел арасындағы бірлескен декларацияға қол "
                "қойылған болатын.", "kk")
    [a] = facts.agreements
    assert (a.kind, a.signed_date.iso(), a.signatories) == ("declaration", "2022-08", [])


@pytest.mark.parametrize(("text", "language"), [
    ("Азербайджан и Узбекистан подписали три документа в сфере транспорта\n\n date 2025-09-02 Министр "
     "транспорта Азербайджана Рашад Набиев встретился с министром транспорта Узбекистана Ильхомом Махкамовым. "
     "Был подписан меморандум о сотрудничестве в области транспорта.", "ru"),
    (" date 2025-11-04 Türkiye Ticaret Bakanı Ömer Bolat, Azerbaycan Ekonomi Bakanı Mikail Cabbarov ile "
     "görüştü. Toplantının ardından 12 anlaşma imzalandı.", "tr"),
])
def test_a_count_of_documents_names_none(tmp_path: Path, text: str, language: str) -> None:
    facts = run(tmp_path, text, language)
    assert [a.kind for a in facts.agreements] == (["memorandum"] if language == "ru" else [])


def test_a_reception_reported_in_the_passive(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-09-02 Министр транспорта Азербайджана Рашад Набиев встретился в Ташкенте с "
                "министром транспорта Узбекистана Ильхомом Махкамовым. В тот же день Рашад Набиев был принят "
                "премьер-министром Узбекистана Абдуллой Ариповым.", "ru")
    talks, reception = facts.meetings
    assert {p.name_en for p in reception.participants} == {"Rashad Nabiyev", "Abdulla Aripov"}
    assert (reception.date.iso(), reception.city) == ("2025-09-02", "Tashkent")


def _sentence(text: str, language: str) -> tuple[str, Any]:
    from accords import lexicon as lexicons
    from accords.text import split_sentences

    lex = lexicons.load(language)
    [s] = split_sentences(text, 0, lex.words("abbreviations"))
    return text, (s, lex)


def test_lemmas_match_nominal_terms_but_never_verbs() -> None:
    """A form the lexicon lacks matches through its lemma for offices and places; a verb's
    lemma never does (it would lose the tense)."""
    from accords.extract.annotate import annotate

    text, (s, lex) = _sentence("Министрихой Узбекистана Саидовым подпишут соглашение.", "ru")
    toks = s.tokens
    lemmas = {(toks[0].start, toks[0].end): "министр", (toks[3].start, toks[3].end): "подписали"}
    plain = annotate(text, s, lex)
    with_lemmas = annotate(text, s, lex, lemmas=lemmas)
    assert plain.at.get(0) is None
    assert with_lemmas.at[0].category == "position"
    assert with_lemmas.at.get(3) is None or with_lemmas.at[3].category not in ("signing_active", "signing_passive")


def test_an_organisation_entity_is_never_a_person() -> None:
    from accords.extract.annotate import annotate

    text, (s, lex) = _sentence("Председатель правления Узбекнефтегаз Инвест Бахтиёр Саидов встретился.", "ru")
    toks = s.tokens
    org = [(toks[2].start, toks[3].end)]
    person = [(toks[4].start, toks[5].end)]
    names = {text[nm.start:nm.end] for nm in annotate(text, s, lex, persons=person, others=org).names}
    assert "Узбекнефтегаз Инвест" not in names and "Бахтиёр Саидов" in names


def test_an_initial_refers_back_to_the_full_name(tmp_path: Path) -> None:
    """"B.Kudratxocayev" after "Botir Kudratxocayev" is that person: as a signer, with his role and country."""
    facts = run(tmp_path, " date 2025-12-03 Azərbaycanın fövqəladə hallar naziri Kəmaləddin Heydərov Özbəkistanın "
                "fövqəladə hallar naziri Botir Kudratxocayev ilə Bakıda görüşüb. Görüşün sonunda birgə fəaliyyət "
                "planını K.Heydərov və B.Kudratxocayev imzalayıblar.", "az")
    [a] = facts.agreements
    assert sorted((p.name, p.country) for p in a.signatories) == [("Botir Kudratxocayev", "UZ"),
                                                                  ("Kəmaləddin Heydərov", "AZ")]


def test_agreed_cancels_what_follows_not_the_visit_it_was_agreed_at(tmp_path: Path) -> None:
    """"During the state visit of President Aliyev to Uzbekistan in 2024 the sides agreed to sign …":
    the visit happened (a meeting of its own, the visitor from the article's other state); the
    signing is only agreed."""
    facts = run(tmp_path, " date 2025-09-02 Министр транспорта Азербайджана Рашад Набиев встретился в Ташкенте с "
                "министром транспорта Узбекистана Ильхомом Махкамовым. Напомним, что в ходе государственного "
                "визита Президента Ильхама Алиева в Узбекистан в 2024 году стороны договорились подписать "
                "соглашение о торговле.", "ru")
    main, past = facts.meetings
    assert (past.kind, past.countries, past.date.iso()) == ("visit", ("AZ", "UZ"), "2024")
    assert facts.agreements == []


def test_a_meeting_word_after_during_refers_to_the_call_already_told(tmp_path: Path) -> None:
    """"Telefon danışığı zamanı …" tells what was said in the call just reported: no second
    meeting, and the presidents it mentions did not take part."""
    facts = run(tmp_path, " date 2025-02-10 Azərbaycanın xarici işlər naziri Ceyhun Bayramov Qırğızıstanın xarici "
                "işlər naziri Ceenbek Kulubayev ilə telefon danışığı aparıb. Telefon danışığı zamanı Prezidentlər "
                "İlham Əliyev və Sadır Japarovun razılaşmalarının icrası müzakirə olunub.", "az")
    [m] = facts.meetings
    assert (m.kind, m.countries) == ("phone_call", ("AZ", "KG"))
    assert sorted(p.name for p in m.participants) == ["Ceenbek Kulubayev", "Ceyhun Bayramov"]


def test_a_signing_told_first_belongs_to_the_talks_told_after(tmp_path: Path) -> None:
    """The lead reports the signing; the next sentence the talks it followed, attended also by a
    deputy: one meeting with all three, the signers its participants."""
    facts = run(tmp_path, " date 2024-11-12 ASTANA. Kazakh Minister of Justice Azamat Yeskarayev and Uzbek "
                "Minister of Justice Akbar Tashkulov signed a cooperation programme for 2025-2026. The signing "
                "took place after talks held in Astana on Tuesday, also attended by Vice Minister of Justice of "
                "Kazakhstan Botagoz Zhakselekova.", "en")
    [m] = facts.meetings
    assert (m.kind, m.countries, m.city) == ("talks", ("KZ", "UZ"), "Astana")
    assert sorted(p.name for p in m.participants) == ["Akbar Tashkulov", "Azamat Yeskarayev",
                                                     "Botagoz Zhakselekova"]
    [a] = facts.agreements
    assert a.meeting_local_id == m.local_id
    assert sorted(s.name for s in a.signatories) == ["Akbar Tashkulov", "Azamat Yeskarayev"]


@pytest.mark.parametrize(("text", "language"), [
    (" date 2025-02-26 Minister of Emergency Situations of Kyrgyzstan Boobek Azhikeev met with Minister of "
     "Emergency Situations of Tajikistan Rustam Nazarzoda in Batken. The meeting was held as part of the "
     "implementation of the agreements reached by Presidents Sadyr Japarov and Emomali Rahmon.", "en"),
    (" date 2025-02-26 Министр по чрезвычайным ситуациям Кыргызстана Бообек Ажикеев встретился в Баткене с "
     "министром по чрезвычайным ситуациям Таджикистана Рустамом Назарзода. Встреча прошла в рамках "
     "реализации договоренностей президентов Садыра Жапарова и Эмомали Рахмона.", "ru"),
])
def test_authors_of_earlier_accords_are_not_participants(tmp_path: Path, text: str, language: str) -> None:
    """The presidents whose agreements a meeting carries out are named in it, but did not meet."""
    [m] = run(tmp_path, text, language).meetings
    assert m.countries == ("KG", "TJ")
    assert len(m.participants) == 2
    assert not any("Жапаров" in p.name or "Japarov" in p.name for p in m.participants)


def test_what_was_agreed_precedes_the_verb_in_a_head_final_language(tmp_path: Path) -> None:
    """"Tomonlar … majlisini Yerevanda o'tkazishga kelishib oldi": the next session in Yerevan is
    only agreed; it is not where the talks were held."""
    facts = run(tmp_path, " date 2025-04-23 O'zbekiston tashqi ishlar vaziri Baxtiyor Saidov Armaniston tashqi "
                "ishlar vaziri Ararat Mirzoyan bilan muzokaralar o'tkazdi. Tomonlar Hukumatlararo komissiyaning "
                "navbatdagi majlisini joriy yilning ikkinchi yarmida Yerevanda o'tkazishga kelishib oldi.", "uz")
    [m] = facts.meetings
    assert (m.kind, m.countries, m.city) == ("talks", ("AM", "UZ"), None)


def test_a_title_s_event_word_is_not_the_meeting_s_kind(tmp_path: Path) -> None:
    """"подписали по итогам переговоров в Москве план консультаций …": talks, held in Moscow; the
    consultations are what the plan is about, and "в Москве" is not part of its title."""
    facts = run(tmp_path, " date 2025-04-14 Лавров и Кулубаев подписали план консультаций.\n\n"
                "МОСКВА, 14 апреля. Министр иностранных дел России Сергей Лавров и министр иностранных дел "
                "Киргизии Жээнбек Кулубаев подписали по итогам переговоров в Москве план консультаций между "
                "министерствами на 2025-2026 годы.", "ru")
    [m] = facts.meetings
    assert (m.kind, m.countries, m.city) == ("talks", ("KG", "RU"), "Moscow")
    [a] = facts.agreements
    assert a.title.startswith("план консультаций") and (a.valid_from, a.valid_to) == (2025, 2026)


def test_the_chair_of_an_earlier_meeting_is_not_a_participant(tmp_path: Path) -> None:
    """"… the decisions of the last meeting of the commission, co-chaired by X": X chaired that one."""
    facts = run(tmp_path, " date 2024-09-10 Azerbaijan's Minister of Economy Mikayil Jabbarov held a video "
                "conference with Kazakhstan's Minister of Trade Arman Shakkaliyev. The ministers discussed the "
                "implementation of the decisions of the last meeting of the Azerbaijan-Kazakhstan Intergovernmental "
                "Commission, co-chaired on the Kazakh side by Deputy Prime Minister Serik Zhumangarin.", "en")
    [m] = facts.meetings
    assert m.kind == "phone_call"
    assert sorted(p.name for p in m.participants) == ["Arman Shakkaliyev", "Mikayil Jabbarov"]


def test_a_relative_participle_names_its_genitive_subject_as_signers(tmp_path: Path) -> None:
    """"Cumhurbaşkanları X ile Y'in 10 Mayıs 2022'de imzaladığı … Ortak Bildiri'nin": an earlier
    declaration, signed that day by the two presidents; the speaker (Güler) did not sign it."""
    facts = run(tmp_path, " date 2024-03-12 ANKARA (AA) - Milli Savunma Bakanı Yaşar Güler, Kazakistan Savunma "
                "Bakanı Ruslan Jaksılıkov ile görüştü. Güler, Cumhurbaşkanları Recep Tayyip Erdoğan ile Kasım "
                "Cömert Tokayev'in 10 Mayıs 2022'de Ankara'da imzaladığı Stratejik Ortaklık Kurulmasına İlişkin "
                "Ortak Bildiri'nin ilişkilere yeni bir ivme kazandırdığını ifade etti.", "tr")
    [a] = facts.agreements
    assert (a.kind, a.signed_date.iso(), a.meeting_local_id) == ("declaration", "2022-05-10", None)
    assert sorted(s.name for s in a.signatories) == ["Kasım Cömert Tokayev", "Recep Tayyip Erdoğan"]


@pytest.mark.parametrize(("text", "language"), [
    (" date 2025-11-20 Foreign Minister of Kazakhstan Murat Nurtleu held a phone call with Azerbaijani Foreign "
     "Minister Jeyhun Bayramov. They discussed the programme of cooperation signed in February last year.", "en"),
    (" date 2025-11-20 Azərbaycanın xarici işlər naziri Ceyhun Bayramov Qazaxıstanın xarici işlər naziri Murat "
     "Nurtleu ilə telefon danışığı aparıb. Nazirlər ötən ilin fevralında imzalanmış əməkdaşlıq proqramının icrasını "
     "müzakirə ediblər.", "az"),
])
def test_a_month_of_last_year_is_an_earlier_signing(tmp_path: Path, text: str, language: str) -> None:
    """"In February last year": the month's year is counted back from the publication's, so the
    programme is an earlier signing with its own date, not one of the call."""
    facts = run(tmp_path, text, language)
    [m] = facts.meetings
    assert (m.kind, m.date.iso()) == ("phone_call", "2025-11-20")
    [a] = facts.agreements
    assert (a.kind, a.signed_date.iso(), a.meeting_local_id, a.signatories) == ("programme", "2024-02", None, [])
    assert a.signed_date_cite is not None and "2024" not in a.signed_date_cite.quote


def test_a_region_belongs_to_the_role_and_is_no_venue(tmp_path: Path) -> None:
    """"хоким Андижанской области", "в Ошской области": a subdivision word makes the city or
    capitalised word before it a region, part of an official's role, never the meeting's city."""
    facts = run(tmp_path, " date 2025-11-13 Ошская и Андижанская области подписали дорожную карту\n\n"
                "Полномочный представитель президента Кыргызстана в Ошской области Жаныбек Абдыкадыров вчера в Оше "
                "провел встречу с хокимом Андижанской области Узбекистана Шухратбеком Абдурахмоновым.", "ru")
    [m] = facts.meetings
    assert (m.countries, m.city, m.date.iso()) == (("KG", "UZ"), "Osh", "2025-11-12")
    assert {(p.name_en, p.country) for p in m.participants} == {
        ("Zhanybek Abdykadyrov", "KG"), ("Shukhratbek Abdurakhmonov", "UZ")}


def test_a_commission_session_held_by_video_stays_a_session(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2023-09-26 Бүгүн видеоконференция форматында Кыргыз Республикасы менен "
                "Түркмөнстандын ортосундагы өкмөттөр аралык комиссиянын кезектеги жыйыны өттү.", "ky")
    [m] = facts.meetings
    assert (m.kind, m.countries) == ("commission_session", ("KG", "TM"))


def test_an_agency_head_in_ordinary_case_is_a_dateline(tmp_path: Path) -> None:
    """"Tashkent, Uzbekistan (Daryo) —": the outlet's city, not the venue named later."""
    facts = run(tmp_path, " date 2025-02-26 Tashkent, Uzbekistan (Daryo) — Uzbek Foreign Minister Bakhtiyor Saidov "
                "held talks with Foreign Minister of Pakistan Mohammad Ishaq Dar in Islamabad on February 25.", "en")
    [m] = facts.meetings
    assert (m.city, m.date.iso()) == ("Islamabad", "2025-02-25")


@pytest.mark.parametrize(("text", "language", "countries", "date"), [
    (" date 2024-06-12 Министры транспорта Казахстана и Азербайджана Марат Карабаев и Рашад Набиев провели "
     "встречу в Актау. Министры рассмотрели ход реализации Дорожной карты по развитию ТМТМ на 2022–2027 годы, "
     "подписанной Казахстаном, Азербайджаном, Грузией и Турцией в ноябре 2022 года в Астане.", "ru",
     ("AZ", "GE", "KZ", "TR"), "2022-11"),
    (" date 2024-05-14 Azərbaycanın energetika naziri Pərviz Şahbazov Gürcüstanın iqtisadiyyat naziri Levan "
     "Davitaşvili ilə Tbilisidə görüşüb. O, 2022-ci il dekabrın 17-də Buxarestdə Azərbaycan, Gürcüstan, Rumıniya "
     "və Macarıstan arasında imzalanmış strateji tərəfdaşlıq haqqında Sazişin icrasından danışıb.", "az",
     ("AZ", "GE", "HU", "RO"), "2022-12-17"),
])
def test_a_participle_dated_across_a_list_of_states_is_an_earlier_signing(
        tmp_path: Path, text: str, language: str, countries: tuple[str, ...], date: str) -> None:
    """The date of an earlier signing may stand after the participle (head-initial languages) and
    be separated from it by the states and places of the signing."""
    facts = run(tmp_path, text, language)
    [a] = facts.agreements
    assert (a.countries, a.signed_date.iso(), a.meeting_local_id, a.signatories) == (countries, date, None, [])
    assert not a.title.lower().startswith(("рассмотрели", "ход"))


def test_a_passive_agent_list_joined_by_commas(tmp_path: Path) -> None:
    """"подписан министрами A, B и C": a plural role in the instrumental and a list with commas."""
    facts = run(tmp_path, " date 2024-06-12 В Актау прошла встреча министра транспорта Казахстана Марата Карабаева, "
                "министра цифрового развития Азербайджана Рашада Набиева и министра экономики Грузии Левана "
                "Давиташвили. По итогам встречи протокол подписан министрами Маратом Карабаевым, Рашадом Набиевым "
                "и Леваном Давиташвили.", "ru")
    [a] = facts.agreements
    assert sorted(s.country or "" for s in a.signatories) == ["AZ", "GE", "KZ"]


def test_who_recalls_an_earlier_event_took_no_part_in_it(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2026-03-05 Министр иностранных дел России Сергей Лавров провел переговоры с главой "
                "МИД Таджикистана Сироджиддином Мухриддином в Москве. Лавров также напомнил, что соглашение о "
                "трудовой миграции было подписано в ходе государственного визита в Душанбе в октябре 2025 года.", "ru")
    main, past = facts.meetings
    assert {p.name_en for p in main.participants} == {"Sergey Lavrov", "Sirojiddin Mukhriddin"}
    assert (past.date.iso(), past.city, past.participants) == ("2025-10", "Dushanbe", [])


def _doc(text: str, language: str, url: str) -> Document:
    return Document(make_id("src", "t.txt"), "t.txt", Path("t.txt"), text, 0, language, {"url": url}, "0")


def test_turkish_text_spells_each_states_people_by_its_own_convention() -> None:
    """A Turkish article: Turkish names lose only their marks (Erdogan), other states' people are
    spelled as the English press spells them (c → j: Jomert, Jeyhun)."""
    text = ("ANKARA (AA) - Cumhurbaşkanı Recep Tayyip Erdoğan, Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev "
            "ile 12 Mayıs 2025'te telefonda görüştü.\n")
    [meeting] = extract(_doc(text, "tr", "")).meetings
    assert sorted(p.name_en for p in meeting.participants) == ["Kasim Jomert Tokayev", "Recep Tayyip Erdogan"]


RECEIVED = ("Baku, 2 June 2026 – President Ilham Aliyev received the Speaker of the Legislative Chamber of the "
            "Oliy Majlis of Uzbekistan Nuriddinjon Ismoilov on Tuesday. The Speaker conveyed greetings to the "
            "President of Azerbaijan.\n")


def test_an_office_alone_is_the_publishers_states_when_the_article_names_that_state() -> None:
    [meeting] = extract(_doc(RECEIVED, "en", "https://en.trend.az/azerbaijan/politics/1.html")).meetings
    assert {(p.name, p.country) for p in meeting.participants} == {
        ("Ilham Aliyev", "AZ"), ("Nuriddinjon Ismoilov", "UZ")}
    assert meeting.countries == ("AZ", "UZ")


@pytest.mark.parametrize("url", ["https://example.org/1", "https://en.vestikavkaza.ru/material/1"])
def test_a_publisher_of_no_known_state_gives_no_home(url: str) -> None:
    assert extract(_doc(RECEIVED, "en", url)).meetings == []  # Aliyev's state is not stated: one state only


def test_the_publishers_state_is_not_given_to_an_article_on_other_states() -> None:
    text = ("Tashkent, 5 May 2026 – Kazakh President Kassym-Jomart Tokayev met with President Shavkat "
            "Mirziyoyev in Tashkent on Tuesday.\n")
    facts = extract(_doc(text, "en", "https://en.trend.az/casia/1.html"))
    assert all(p.country != "AZ" for m in facts.meetings for p in m.participants)


@pytest.mark.parametrize(("url", "state"), [
    ("https://en.trend.az/azerbaijan/1.html", "AZ"),
    ("https://kun.uz/en/news/1", "UZ"),
    ("https://uz.sputniknews.ru/20251020/1.html", "UZ"),   # an edition's state, not its domain's
    ("https://akipress.com/news:1", "KG"),                 # a listed host under a generic domain
    ("https://en.vestikavkaza.ru/material/1", None),       # a regional outlet: no home
    ("https://fergana.ru/news/1/", None),
    ("https://astanatimes.com/2026/05/x/", "KZ"),
    ("https://tass.ru/politika/1", "RU"),
    ("https://example.org/1", None),
    ("", None),
])
def test_publisher_state_by_host(url: str, state: str | None) -> None:
    from accords.extract.publishers import publisher_state

    assert publisher_state(url) == state


@pytest.mark.parametrize(("text", "roles"), [
    # the portfolio after a plural reference is each official's
    (" date 2025-06-03 Министры иностранных дел Казахстана и Кыргызстана Мурат Нуртлеу и Жээнбек Кулубаев "
     "провели переговоры в Астане.", {"Minister of Foreign Affairs"}),
    # Tajikistan's ministry is of two areas, not of the first alone
    (" date 2025-05-14 Министр энергетики и водных ресурсов Таджикистана Далер Джума и министр энергетики "
     "Узбекистана Журабек Мирзамахмудов провели переговоры в Душанбе.",
     {"Minister of Energy and Water Resources", "Minister of Energy"}),
])
def test_a_portfolio_names_the_whole_ministry(tmp_path: Path, text: str, roles: set[str]) -> None:
    [m] = run(tmp_path, text, "ru").meetings
    assert {p.role_en for p in m.participants} == roles


@pytest.mark.parametrize(("text", "state"), [
    ("ASTANA. KAZINFORM – President Kassym-Jomart Tokayev received …", "KZ"),
    ("BAKU, Azerbaijan, June 3 (Trend) - The ministers met …", "AZ"),
    ("Бишкек, 13-март, 2025-жыл. /Кабар/. Тажикстандын Президенти …", "KG"),
    ("The trend in trade is up; Kazinformative is no agency.", None),  # as written and as a whole word
    ("x" * 500 + " KAZINFORM", None),  # only where an agency signs its copy: the first lines
])
def test_agency_state_from_the_first_lines(text: str, state: str | None) -> None:
    from accords.extract.publishers import agency_state

    assert agency_state(text) == state


def test_a_seed_without_url_takes_its_agency_s_state_and_earlier_the_same_day_is_that_day(tmp_path: Path) -> None:
    """An office named alone on Kazinform is Kazakhstan's; "Earlier the same day" is a second
    meeting of the reported day, not an undated earlier one."""
    facts = run(tmp_path, "23 April 2025 09:41\n\nASTANA. KAZINFORM – President Kassym-Jomart Tokayev received "
                "Deputy Prime Minister and Minister of Foreign Affairs of Pakistan Ishaq Dar at the Akorda on "
                "Tuesday.\n\nEarlier the same day, Dar held talks with Minister of Foreign Affairs of Kazakhstan "
                "Murat Nurtleu.", "en")
    reception, talks = facts.meetings
    assert {(p.name, p.country) for p in reception.participants} == {("Kassym-Jomart Tokayev", "KZ"),
                                                                      ("Ishaq Dar", "PK")}
    assert (talks.date.iso(), {p.name for p in talks.participants}) == ("2025-04-22", {"Ishaq Dar", "Murat Nurtleu"})


def test_the_two_ministers_of_a_background_signing_are_the_article_s(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-06-03 BAKU, June 3. Azerbaijan's Minister of Energy Parviz Shahbazov and "
                "Uzbekistan's Minister of Energy Jurabek Mirzamakhmudov met in Baku.\n\nMirzamakhmudov praised "
                "the results of the previous roadmap for 2023-2025, which the two ministers signed in August 2023.",
                "en")
    [earlier] = facts.agreements
    assert (earlier.signed_date.iso(), {p.name for p in earlier.signatories}) == (
        "2023-08", {"Parviz Shahbazov", "Jurabek Mirzamakhmudov"})


@pytest.mark.parametrize(("cyrillic", "pinyin"), [
    ("Си", "Xi"), ("Цзиньпин", "Jinping"), ("Сюэсян", "Xuexiang"), ("Цян", "Qiang"), ("И", "Yi"),
    ("Чжэн", "Zheng"), ("Лэцзи", "Leji"), ("Цзюнь", "Jun"), ("Го", "Guo"), ("Бо", "Bo"), ("Вэньтао", "Wentao"),
    ("Мерц", None), ("Вентао", None),  # not Palladius syllables: left to the ordinary transliteration
])
def test_palladius_names_read_back_into_pinyin(cyrillic: str, pinyin: str | None) -> None:
    from accords.names import palladius_pinyin

    assert palladius_pinyin(cyrillic) == pinyin


def test_a_chinese_official_in_cyrillic_gets_the_pinyin_name(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-11-18 В Пекине первый заместитель премьер-министра Казахстана Роман Скляр и "
                "вице-премьер Госсовета КНР Дин Сюэсян провели заседание комитета по сотрудничеству.", "ru")
    [m] = facts.meetings
    assert {p.name_en for p in m.participants} == {"Roman Sklyar", "Ding Xuexiang"}


def test_a_dateline_day_puts_a_december_signing_in_the_background_and_a_list_holds_its_documents(
        tmp_path: Path) -> None:
    """With no publication date the dateline's day is the report's: "2024-жылдын декабрында" is
    three months before it, another event; "… документтерге кол коюлду, алардын арасында:" announces
    the list below, not the treaty named before it."""
    facts = run(tmp_path, "Бишкек, 13-март, 2025-жыл. /Кабар/. Кыргыз Республикасынын Президенти Садыр Жапаров "
                "менен Тажикстан Республикасынын Президенти Эмомали Рахмондун ортосунда сүйлөшүүлөр болду.\n\n"
                "Сүйлөшүүлөрдүн жыйынтыгы боюнча Садыр Жапаров жана Эмомали Рахмон мамлекеттик чек ара жөнүндө "
                "келишимге кол коюшту.\n\nАндан тышкары, мамлекет башчыларынын катышуусунда бир катар "
                "документтерге кол коюлду, алардын арасында:\n- эл аралык автомобиль каттамдары жөнүндө "
                "макулдашуу;\n- маданият министрликтеринин ортосундагы кызматташтык программасы.\n\n"
                "Белгилей кетсек, чек аранын сүрөттөмөсү 2024-жылдын декабрында Баткен шаарында өткөн "
                "делегациялардын жолугушуусунда парафталган.", "ky")
    assert [m.date.iso() for m in facts.meetings][:1] == ["2025-03-13"]
    assert sorted((a.kind, a.signed_date.iso()) for a in facts.agreements) == [
        ("agreement", "2025-03-13"), ("programme", "2025-03-13"), ("treaty", "2025-03-13")]


def test_a_background_paragraph_goes_on_past_its_dated_sentence(tmp_path: Path) -> None:
    """"Эске салсак, 2025-жылдын 31-мартында … саммити өттү. Анда … кол коюшкан.": the second
    sentence, with no date of its own, tells more of the summit."""
    facts = run(tmp_path, "21.01.2026\n\nКыргыз Республикасынын Тышкы иштер министри Жээнбек Кулубаев кечээ "
                "Өзбекстан Республикасынын Тышкы иштер министри Бахтиёр Саидов менен телефон аркылуу сүйлөштү.\n\n"
                "Эске салсак, 2025-жылдын 31-мартында Кожент шаарында Кыргызстандын, Тажикстандын жана "
                "Өзбекстандын мамлекет башчыларынын үч тараптуу саммити өттү. Анда Садыр Жапаров, Эмомали Рахмон "
                "жана Шавкат Мирзиёев үч мамлекеттин чек араларынын түйүшкөн чекити жөнүндө келишимге кол "
                "коюшкан.", "ky")
    [treaty] = facts.agreements
    assert (treaty.signed_date.iso(), "Рахмон" in treaty.title) == ("2025-03-31", False)


def test_the_day_before_a_summit_is_another_meeting_and_a_listed_decision_is_a_document(tmp_path: Path) -> None:
    facts = run(tmp_path, "10 октября 2025, 15:40\n\nПрезидент Кыргызстана Садыр Жапаров принял участие в заседании "
                "Совета глав государств СНГ, которое прошло сегодня в Душанбе. Заседание прошло под "
                "председательством Президента Таджикистана Эмомали Рахмона.\n\nПо итогам заседания подписан пакет "
                "документов, в том числе:\n– Программа сотрудничества в борьбе с терроризмом на 2026–2028 годы;\n"
                "– Решение о председательстве в Содружестве в 2026 году.\n\nНакануне в Душанбе Жапаров встретился "
                "с Президентом Таджикистана Эмомали Рахмоном.", "ru")
    assert [(m.kind, m.date.iso()) for m in facts.meetings] == [("summit", "2025-10-10"), ("meeting", "2025-10-09")]
    assert sorted(a.kind for a in facts.agreements) == ["other", "programme"]


def test_a_guest_s_visit_participle_leaves_the_kind_to_the_meeting_and_an_earlier_roadmap_apart(
        tmp_path: Path) -> None:
    facts = run(tmp_path, "03 iyun, 2025 16:47\n\nAzərbaycan ilə Özbəkistan arasında enerji sahəsində "
                "2026–2028-ci illər üçün Yol Xəritəsi imzalanıb. Sənəd Bakıda energetika naziri Pərviz Şahbazovun "
                "ölkəmizdə səfərdə olan Özbəkistanın energetika naziri Jurabek Mirzamahmudovla görüşündə "
                "imzalanıb.\n\nÖzbəkistan naziri J.Mirzamahmudov 2023-cü ildə imzalanmış 2023–2025-ci illər üzrə "
                "Yol Xəritəsinin icrasından məmnunluğunu ifadə edib.", "az")
    [m] = facts.meetings
    assert m.kind == "meeting"
    assert sorted((a.valid_from, a.signed_date.iso()) for a in facts.agreements) == [(2023, "2023"),
                                                                                     (2026, "2025-06-03")]


def test_earlier_on_the_reported_day_on_the_sidelines_is_a_meeting_of_its_own(tmp_path: Path) -> None:
    facts = run(tmp_path, "17.06.2025 18:55\n\nBishkek, June 17. /Kabar/. President of the Kyrgyz Republic Sadyr "
                "Japarov on Tuesday took part in the second Central Asia – China Summit in Astana. The summit was "
                "also attended by President of Kazakhstan Kassym-Jomart Tokayev and President of the People's "
                "Republic of China Xi Jinping.\n\nEarlier on Tuesday, on the sidelines of the summit, Sadyr "
                "Japarov held a bilateral meeting with Xi Jinping.", "en")
    summit, side = facts.meetings
    assert (summit.kind, side.kind, side.date.iso(), {p.name for p in side.participants}) == (
        "summit", "meeting", "2025-06-17", {"Sadyr Japarov", "Xi Jinping"})


def test_a_chancellor_is_his_state_s_and_a_background_declaration_signed_that_day(tmp_path: Path) -> None:
    text = ("Мемлекет басшысы Германия Федералдық канцлері Фридрих Мерцпен телефон арқылы сөйлесті\n\n"
            "3 Маусым 2025\n\n"
            "Телефон арқылы әңгімелесу барысында тараптар қазақ-герман стратегиялық әріптестігін дамыту "
            "мәселелерін талқылады. Мемлекет басшысы Германия Қазақстанның Еуропадағы маңызды серіктестерінің "
            "бірі екенін атап өтті.\n\n"
            "Қасым-Жомарт Тоқаев 2024 жылғы 17 қыркүйекте Олаф Шольцтің Қазақстанға ресми сапары барысында "
            "Астанада өткен келіссөздерді еске алды. Айта кетейік, сол күні Қазақстан мен Германия үкіметтері "
            "арасындағы серіктестік туралы бірлескен ниет декларациясына қол қойылған болатын.")
    facts = run(tmp_path, text, "kk")
    call = facts.meetings[0]
    assert [(p.name, p.country, p.role_en) for p in call.participants] == [("Фридрих Мерц", "DE",
                                                                           "Federal Chancellor")]
    [declaration] = facts.agreements
    assert declaration.signed_date.iso() == "2024-09-17"


def test_a_numbered_list_split_into_sentences_and_an_item_s_signers(tmp_path: Path) -> None:
    """"1." on its own is the number of the item after it; "Sənədi nazirlər … imzalayıblar;" on the
    item's line is more of that item, and the list goes on."""
    facts = run(tmp_path, " date 2025-10-14 Bakıda Azərbaycan–Qazaxıstan Hökumətlərarası Komissiyasının iclası "
                "keçirilib. Tədbir çərçivəsində aşağıdakı sənədlər imzalanıb:\n\n1. Rəqəmsal infrastruktur "
                "sahəsində əməkdaşlığa dair Anlaşma Memorandumu. Sənədi nazirlər imzalayıblar;\n\n2. Mallar "
                "barədə məlumat mübadiləsinin təşkilinə dair Protokol;\n\n3. Mədəniyyət Nazirlikləri arasında "
                "2026–2028-ci illər üçün əməkdaşlıq Proqramı.", "az")
    assert sorted(a.kind for a in facts.agreements) == ["memorandum", "programme", "protocol"]


@pytest.mark.parametrize(("text", "language"), [
    ("12 Тамыз 2025 16:40\n\nАСТАНА. KAZINFORM – Қасым-Жомарт Тоқаев ҚХР Сыртқы істер министрі Ван Иді "
     "қабылдады.\n\nЕске салайық, 2025 жылғы 17 маусымда Астанада саммит өтті. Саммит қорытындысы бойынша "
     "достық туралы шартқа қол қойылды.", "kk"),
])
def test_a_recall_opener_puts_its_event_in_the_background(tmp_path: Path, text: str, language: str) -> None:
    facts = run(tmp_path, text, language)
    [treaty] = facts.agreements
    assert treaty.signed_date.iso() == "2025-06-17"


def test_two_offices_joined_by_a_dash_and_the_heads_of_the_ministries(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-05-22 В Астане министр иностранных дел Армении Арарат Мирзоян провел "
                "переговоры с заместителем Премьер-министра – министром иностранных дел Казахстана Муратом "
                "Нуртлеу. По итогам переговоров главы внешнеполитических ведомств подписали Программу "
                "сотрудничества на 2025–2026 годы.", "ru")
    [m] = facts.meetings
    assert "Deputy Prime Minister – Minister of Foreign Affairs" in {p.role_en for p in m.participants}
    [programme] = facts.agreements
    assert len(programme.signatories) == 2


def test_a_day_and_month_long_before_the_report_is_background(tmp_path: Path) -> None:
    facts = run(tmp_path, "18.06.2025\n\nANKARA (AA) - Ticaret Bakan Yardımcısı Mustafa Tuzcu, Özbekistan Gümrük "
                "Komitesi Başkanı Akmalhoca Mavlonov ile salı günü video konferans yöntemiyle görüştü.\n\n"
                "Tuzcu ile Mavlonov en son 12 Mart'ta İstanbul'da bir araya gelmişti.", "tr")
    assert [m.date.iso() for m in facts.meetings] == ["2025-06-17", "2025-03-12"]


def test_an_ending_that_reads_two_ways_names_the_person_named_before(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-11-05 Çərşənbə axşamı Ankarada Azərbaycanın xarici işlər naziri Ceyhun "
                "Bayramov, Türkiyənin xarici işlər naziri Hakan Fidan və Özbəkistanın xarici işlər naziri Baxtiyor "
                "Saidov arasında üçtərəfli formatda görüş keçirilib.\n\nTürkiyə XİN başçısı Hakan Fidanın ev "
                "sahibliyi ilə keçirilən görüşdə nəqliyyat və enerji sahələrində əməkdaşlıq müzakirə olunub.", "az")
    [m] = facts.meetings
    assert sorted(p.name for p in m.participants) == ["Baxtiyor Saidov", "Ceyhun Bayramov", "Hakan Fidan"]


def test_a_name_particle_a_call_and_a_delegation_meeting_and_a_decree(tmp_path: Path) -> None:
    facts = run(tmp_path, "09 dekabr 2025 16:47\n\nAzərbaycanın iqtisadiyyat naziri Mikayıl Cabbarovla "
                "Səudiyyə Ərəbistanının investisiya naziri Xalid əl-Fəleh arasında telefon danışığı olub.\n\n"
                "Həmçinin dekabrın 8-də iqtisadiyyat nazirinin müavini Sahib Məmmədov Bakıda Səudiyyə "
                "Ərəbistanının nümayəndə heyəti ilə görüşüb.\n\nQeyd edək ki, noyabrın 28-də Prezident İlham "
                "Əliyev Sazişin təsdiq edilməsi barədə fərman imzalayıb.", "az")
    call, meeting = facts.meetings
    assert {p.name for p in call.participants} == {"Mikayıl Cabbarov", "Xalid əl-Fəleh"}
    assert (meeting.date.iso(), [p.name for p in meeting.participants]) == ("2025-12-08", ["Sahib Məmmədov"])


@pytest.mark.parametrize(("text", "language"), [
    (" date 2025-03-04 Azerbaijan's Deputy Foreign Minister Elnur Mammadov and Kazakhstan's Deputy Foreign "
     "Minister Arman Issetov held political consultations in Baku. Following the consultations, the deputy "
     "ministers signed the Plan of Consultations for 2025-2026.", "en"),
    (" date 2025-06-19 Заместитель министра иностранных дел России Михаил Галузин и заместитель министра "
     "иностранных дел Туркменистана Вепа Хаджиев провели консультации в Ашхабаде. По итогам встречи главы "
     "делегаций подписали План консультаций на 2026–2027 годы.", "ru"),
])
def test_the_deputy_ministers_who_signed(tmp_path: Path, text: str, language: str) -> None:
    [plan] = run(tmp_path, text, language).agreements
    assert len(plan.signatories) == 2


def test_a_state_represented_by_its_official(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-07-16 Foreign ministers of the Central Asian countries and Japan met in Tokyo. "
                "The meeting was chaired by Japan's Minister for Foreign Affairs Takeshi Iwaya. Kyrgyzstan was "
                "represented by Foreign Minister Jeenbek Kulubaev, Turkmenistan by Deputy Foreign Minister Vepa "
                "Hajiyev.", "en")
    [m] = facts.meetings
    assert (m.countries, {p.name for p in m.participants}) == (
        ("JP", "KG", "TM"), {"Takeshi Iwaya", "Jeenbek Kulubaev", "Vepa Hajiyev"})


@pytest.mark.parametrize(("text", "language", "kept"), [
    # the subject of the signing clause: companies, banks
    (" date 2025-03-05 Kazakh Energy Minister Almasadam Satkaliyev met Qatari Minister of State for Energy Affairs "
     "Saad Al-Kaabi in Doha. The ministers signed an agreement on cooperation in the field of energy. "
     "Besides, KazMunayGas national company and QatarEnergy signed a memorandum on a gas chemical plant, while "
     "Halyk Bank and the Qatar Islamic Bank signed a credit agreement.", "en", ["agreement"]),
    # "between" and its parties, up to the topic
    (" date 2025-03-05 Uzbek Foreign Minister Bakhtiyor Saidov met French Foreign Minister Jean-Noël Barrot "
     "in Paris. A memorandum of understanding was signed between Tashkent State University of Economics and "
     "Sorbonne University on student exchange.", "en", []),
    (" date 2025-03-05 Министр энергетики Таджикистана Далер Джума встретился с министром энергетики России "
     "Сергеем Цивилевым в Москве. Кроме того, компании «Барки Точик» и «РусГидро» подписали соглашение "
     "о сотрудничестве, а также был подписан меморандум между Таджикским национальным университетом и "
     "Московским государственным университетом.", "ru", []),
    # head-final: "X ilə Y arasında …", the parties before the kind word
    (" date 2025-03-05 Azərbaycanın energetika naziri Pərviz Şahbazov Türkiyənin enerji naziri Alparslan "
     "Bayraktar ilə Bakıda görüşüb. \"Azərbaycan Dəmir Yolları\" QSC ilə \"TCDD Taşımacılık\" A.Ş. arasında "
     "yükdaşımalara dair Anlaşma Memorandumu imzalanıb.", "az", []),
    (" date 2025-03-05 Türkiye Ticaret Bakanı Ömer Bolat, Türkmenistan Dışişleri Bakanı Raşid Meredov ile "
     "Aşkabat'ta görüştü. Toplantıda Ankara Üniversitesi ile Magtymguly Türkmen Devlet Üniversitesi arasında "
     "akademik işbirliği protokolü imzalandı.", "tr", []),
    (" date 2025-03-05 O'zbekiston tashqi ishlar vaziri Baxtiyor Saidov Qirg'iziston tashqi ishlar vaziri "
     "Jeenbek Kulubayev bilan Toshkentda uchrashdi. Shuningdek, \"O'zbekiston temir yo'llari\" AJ va "
     "\"Kyrgyz Temir Jolu\" o'rtasida hamda Asaka bank va RSK bank o'rtasida kredit liniyasi to'g'risida "
     "bitim imzolandi.", "uz", []),
    (" date 2025-03-05 Кыргыз Республикасынын Министрлер Кабинетинин Төрагасы Адылбек Касымалиев Армениянын "
     "премьер-министри Никол Пашинян менен Бишкекте жолукту. Ошондой эле эки өлкөнүн Соода-өнөр жай "
     "палаталарынын ортосунда кызматташуу жөнүндө меморандумга кол коюлду.", "ky", []),
    # a central bank is a state body: its document stays
    (" date 2025-03-05 Қазақстан Ұлттық Банкінің төрағасы Тимур Сүлейменов Өзбекстан Орталық банкінің "
     "төрағасы Мамаризо Нурмуратовпен Ташкентте кездесті. Кездесу қорытындысы бойынша Қазақстан Ұлттық Банкі "
     "мен Өзбекстан Орталық банкі арасында төлем жүйелері саласындағы ынтымақтастық туралы меморандумға "
     "қол қойылды. Сондай-ақ «Қазақстан темір жолы» ҰК мен «Өзбекстан темір жолдары» компаниясы арасында "
     "жүк тасымалы туралы келісімге қол қойылды.", "kk", ["memorandum"]),
])
def test_documents_of_companies_banks_and_universities_are_not_the_states(
        tmp_path: Path, text: str, language: str, kept: list[str]) -> None:
    facts = run(tmp_path, text, language)
    assert sorted(a.kind for a in facts.agreements) == kept


def test_held_talks_apart_from_the_verb_and_a_meeting_the_day_before(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-06-10 МОСКВА, 10 июня. /ТАСС/. Председатель правительства России Михаил "
                "Мишустин провел в Доме правительства переговоры с премьер-министром Казахстана Олжасом Бектеновым. "
                "По итогам переговоров министры энергетики Сергей Цивилев и Ерлан Аккенженов подписали соглашение. "
                "Накануне Бектенов встретился с председателем Совета Федерации Валентиной Матвиенко.", "ru")
    talks, before = facts.meetings
    assert (talks.kind, talks.date.iso(), before.kind, before.date.iso()) == ("talks", "2025-06-10", "meeting",
                                                                             "2025-06-09")
    assert {p.name_en for p in talks.participants} >= {"Mikhail Mishustin", "Olzhas Bektenov"}
    # the Federation Council is Russia's alone: its chair is Russian, though the text names no state
    assert {(p.name_en, p.country) for p in before.participants} == {("Olzhas Bektenov", "KZ"),
                                                                     ("Valentina Matviyenko", "RU")}
    [a] = facts.agreements
    assert a.signed_date.iso() == "2025-06-10"


def test_a_chinese_given_name_of_one_letter_and_an_agency_in_capitals(tmp_path: Path) -> None:
    """"Ван И" is Wang Yi, whose given name is one letter in Cyrillic; "АСТАНА. КАЗИНФОРМ –" signs
    the copy as Kazakh, so the head of state named with no state is Kazakhstan's."""
    facts = run(tmp_path, " date 2025-07-22 АСТАНА. КАЗИНФОРМ – Глава государства Касым-Жомарт Токаев принял "
                "министра иностранных дел КНР Ван И. Стороны обсудили сотрудничество Казахстана и Китая.", "ru")
    [m] = facts.meetings
    assert sorted((p.country, p.name_en.split()[-1]) for p in m.participants) == [("CN", "Yi"), ("KZ", "Tokayev")]


@pytest.mark.parametrize(("head", "state"), [
    ("МОСКВА, 18 апреля. /ТАСС/.", "RU"), ("MOSCOW, April 18 (TASS) -", "RU"),
    ("BAKU, Azerbaijan, May 14. The minister met his counterpart today, Trend reports.", "AZ"),
])
def test_agencies_sign_their_copy(head: str, state: str) -> None:
    from accords.extract.publishers import agency_state

    assert agency_state(f"{head} President X held talks.") == state


@pytest.mark.parametrize(("text", "language", "calls"), [
    # one call sentence, two leaders called: two calls of two
    (" date 2025-04-04 ANKARA (AA) - Cumhurbaşkanı Recep Tayyip Erdoğan, Azerbaycan Cumhurbaşkanı İlham Aliyev "
     "ve Özbekistan Cumhurbaşkanı Şevket Mirziyoyev ile telefonda görüştü.", "tr", [("AZ", "TR"), ("TR", "UZ")]),
    # two call sentences of one day
    (" date 2025-01-21 Oʻzbekiston Prezidenti Shavkat Mirziyoyev bugun Tojikiston Prezidenti Emomali Rahmon bilan "
     "telefon orqali muloqot qildi. Shu kuni davlatimiz rahbari Qozogʻiston Prezidenti "
     "Qasim-Jomart Toʻqayev bilan ham telefon orqali suhbatlashdi.", "uz", [("KZ", "UZ"), ("TJ", "UZ")]),
    # a call its sentence calls trilateral stays one
    (" date 2025-04-04 President of Russia Vladimir Putin, President of Azerbaijan Ilham Aliyev and Prime Minister "
     "of Armenia Nikol Pashinyan held a trilateral phone call.", "en", [("AM", "AZ", "RU")]),
    # a videoconference of three is no telephone call of two
    (" date 2025-04-04 Президент Казахстана Касым-Жомарт Токаев, Президент Узбекистана Шавкат Мирзиёев и "
     "Президент Кыргызстана Садыр Жапаров провели переговоры в формате видеоконференции.", "ru",
     [("KG", "KZ", "UZ")]),
])
def test_a_call_of_three_states_is_calls_of_two(tmp_path: Path, text: str, language: str,
                                                 calls: list[tuple[str, ...]]) -> None:
    facts = run(tmp_path, text, language)
    assert sorted(m.countries for m in facts.meetings) == calls
    for m in facts.meetings:
        assert {p.country for p in m.participants} == set(m.countries)


def test_a_role_does_not_reach_back_across_a_comma_to_a_portfolio(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-03-05 Türkiye and Kyrgyzstan signed nine agreements in fields ranging from the "
                "defense industry to higher education, as President Recep Tayyip Erdoğan met with President of "
                "Kyrgyzstan Sadyr Japarov in Ankara.", "en")
    roles = {p.name_en: p.role_en for m in facts.meetings for p in m.participants}
    assert roles["Recep Tayyip Erdoğan"] == "President"  # not "President of Defence Industry"


def test_talks_during_which_are_talks_and_the_day_before_a_summit_is_another_meeting(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-06-17 АСТАНА. KAZINFORM — Во вторник в Астане прошел второй саммит «Центральная "
                "Азия — Китай». В саммите приняли участие Президент Казахстана Касым-Жомарт Токаев, Председатель КНР "
                "Си Цзиньпин и Президент Узбекистана Шавкат Мирзиёев. Накануне, 16 июня, Касым-Жомарт Токаев и Си "
                "Цзиньпин провели в Астане двусторонние переговоры, в ходе которых обсудили торговлю.", "ru")
    assert sorted((m.kind, m.date.iso(), m.countries) for m in facts.meetings) == [
        ("summit", "2025-06-17", ("CN", "KZ", "UZ")), ("talks", "2025-06-16", ("CN", "KZ"))]


def test_a_surname_another_form_declines_whole_is_no_case_form(tmp_path: Path) -> None:
    """"Qafarova" may be Qafarov's dative; "Qafarovanın" in the same article shows it is the name."""
    facts = run(tmp_path, " date 2025-06-03 Milli Məclisin Sədri Sahibə Qafarova bu gün Astanada Qazaxıstan "
                "Senatının Sədri Maulen Aşimbayev ilə görüşüb. Sahibə Qafarovanın səfəri davam edir.", "az")
    [m] = facts.meetings
    assert "Sahibə Qafarova" in {p.name for p in m.participants}


def test_firms_deals_are_not_the_states_and_a_reception_told_in_the_pluperfect_is_one(tmp_path: Path) -> None:
    facts = run(tmp_path, " date 2025-06-26 Türkiye-Kazakistan Karma Ekonomik Komisyonu toplantısı, Ticaret Bakanı "
                "Ömer Bolat ile Kazakistan Ticaret ve Entegrasyon Bakanı Arman Şakkaliyev'in eş başkanlığında "
                "Astana'da gerçekleştirildi. Toplantının ardından KEK Protokolü imzalandı. İş Forumu'nda ise iki ülke "
                "firmaları arasında 12 ticari anlaşma imzalandı. Bolat, dün de Kazakistan Başbakanı Olcas Bektenov "
                "tarafından kabul edilmişti.", "tr")
    assert [a.kind for a in facts.agreements] == ["protocol"]
    assert sorted((m.kind, m.date.iso()) for m in facts.meetings) == [("commission_session", "2025-06-26"),
                                                                      ("meeting", "2025-06-25")]
