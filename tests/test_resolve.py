"""Same / not-same cases for events across languages and near-miss dates (issue 4).

Each case is a few short reports, extracted and resolved for real; the expectation is
how many meetings come out and what the merged record says."""

from __future__ import annotations

from pathlib import Path

import pytest

from accords.documents import load_seeds
from accords.extract import extract
from accords.resolve import Resolved, resolve

FRONT = "---\nurl: https://example.org/{name}\noutlet: Test\n{published}language: {lang}\n---\n"
REPORTS = {
    "az_baku": ("az", "2025-12-03", "Azərbaycanın müdafiə naziri general-polkovnik Zakir Həsənov dekabrın 3-də "
                "Bakıda Özbəkistanın müdafiə naziri Baxodir Kurbanov ilə görüşüb."),
    "ru_no_year": ("ru", None, "Министр обороны Азербайджана Закир Гасанов 3 декабря встретился в Баку с "
                   "министром обороны Узбекистана Баходиром Курбановым."),
    "ru_other_people": ("ru", None, "Министр иностранных дел Азербайджана Джейхун Байрамов 3 декабря "
                        "встретился в Баку с министром иностранных дел Узбекистана Бахтиёром Саидовым."),
    "en_no_city": ("en", "2025-12-03", "Azerbaijani Defence Minister Zakir Hasanov met with the Minister of "
                   "Defence of Uzbekistan Bakhodir Kurbanov on 3 December 2025."),
    "en_next_days": ("en", "2025-12-05", "Azerbaijani Defence Minister Zakir Hasanov met with the Minister of "
                     "Defence of Uzbekistan Bakhodir Kurbanov in Tashkent on 5 December 2025."),
    "en_tashkent_10": ("en", "2025-12-10", "Azerbaijani Defence Minister Zakir Hasanov met with the Minister of "
                       "Defence of Uzbekistan Bakhodir Kurbanov in Tashkent on 10 December 2025."),
    "en_baku_2024": ("en", "2024-12-03", "Azerbaijani Defence Minister Zakir Hasanov met with the Minister of "
                     "Defence of Uzbekistan Bakhodir Kurbanov in Baku on 3 December 2024."),
    "ru_december": ("ru", "2025-12-20", "В декабре 2025 года министр обороны Азербайджана Закир Гасанов провел "
                    "переговоры с министром обороны Узбекистана Баходиром Курбановым."),
    "en_kazakhstan": ("en", "2025-12-03", "Azerbaijani Defence Minister Zakir Hasanov met with the Minister of "
                      "Defence of Kazakhstan Ruslan Zhaksylykov in Baku on 3 December 2025."),
}


def _resolve(tmp_path: Path, names: tuple[str, ...]) -> Resolved:
    for name in names:
        lang, published, body = REPORTS[name]
        head = FRONT.format(name=name, lang=lang, published=f"published: {published}\n" if published else "")
        (tmp_path / f"{name.replace('_', '-')}.txt").write_text(head + body + "\n", encoding="utf-8")
    docs, problems = load_seeds(tmp_path)
    assert not [p for p in problems if not p.warning]
    return resolve([extract(d) for d in docs])


CASES = [
    # (reports, meetings expected, (date, city) of the merged meeting or None)
    (("az_baku", "ru_no_year"), 1, ("2025-12-03", "Baku")),          # az + ru, the ru report takes the year
    (("az_baku", "en_no_city"), 1, ("2025-12-03", "Baku")),          # a city named in one report is kept
    (("az_baku", "ru_no_year", "en_no_city"), 1, ("2025-12-03", "Baku")),
    (("az_baku", "en_next_days"), 2, None),                          # the same states two days later
    (("az_baku", "en_kazakhstan"), 2, None),                         # another pair of states, same day
    (("az_baku", "ru_other_people"), 2, None),                       # no year and no shared official: apart
    (("az_baku", "en_tashkent_10", "ru_december"), 3, None),         # "in December" fits both days: joins none
    (("az_baku", "en_baku_2024", "ru_no_year"), 3, None),            # "3 December" fits two years: joins none
    (("az_baku", "ru_december"), 1, ("2025-12-03", "Baku")),         # a month and a shared official
]


@pytest.mark.parametrize(("names", "count", "merged"), CASES, ids=["+".join(c[0]) for c in CASES])
def test_same_and_not_same_events(tmp_path: Path, names: tuple[str, ...], count: int,
                                  merged: tuple[str, str] | None) -> None:
    res = _resolve(tmp_path, names)
    assert len(res.meetings) == count
    if merged is not None:
        m = res.meetings[0]
        assert (m.date.iso(), m.city) == merged
        assert len(m.source_ids) == len(names)
        # the merged record keeps each source's own citations
        assert {c.citation.source_id for c in m.citations} == set(m.source_ids)


def test_one_person_across_three_scripts_and_a_case_ending(tmp_path: Path) -> None:
    res = _resolve(tmp_path, ("az_baku", "ru_no_year", "en_no_city"))
    people = {p.name_en: p for p in res.people}
    assert set(people) == {"Zakir Hasanov", "Bakhodir Kurbanov"}
    assert set(people["Bakhodir Kurbanov"].aliases) == {"Baxodir Kurbanov", "Баходиром Курбановым",
                                                         "Bakhodir Kurbanov"}


def test_a_report_that_gained_a_year_redirects_its_own_id(tmp_path: Path) -> None:
    res = _resolve(tmp_path, ("az_baku", "ru_no_year"))
    ids = {r.old_id: r.new_id for r in res.redirects}
    assert list(ids.values()) == [res.meetings[0].meeting_id]
    assert all(old.startswith("mtg-") for old in ids)


def test_a_cluster_never_holds_two_meetings_of_one_source(tmp_path: Path) -> None:
    """Talks and, the same day, a reception by the president: one article's two meetings stay two,
    and a second article reporting both joins each to its own."""
    body = ("Bakı, 3 dekabr. Azərbaycanın xarici işlər naziri Ceyhun Bayramov dekabrın 3-də Bakıda Özbəkistanın "
            "xarici işlər naziri Baxtiyor Saidov ilə danışıqlar aparıb. Həmin gün Özbəkistanın xarici işlər "
            "naziri Baxtiyor Saidovu Azərbaycan Respublikasının Prezidenti İlham Əliyev qəbul edib.")
    en = ("Baku, December 3. Azerbaijani Foreign Minister Jeyhun Bayramov held talks with Uzbek Foreign "
          "Minister Bakhtiyor Saidov in Baku on 3 December 2025. On the same day, President of Azerbaijan "
          "Ilham Aliyev received Uzbek Foreign Minister Bakhtiyor Saidov.")
    for name, lang, text in (("az-two.txt", "az", body), ("en-two.txt", "en", en)):
        (tmp_path / name).write_text(FRONT.format(name=name, lang=lang, published="published: 2025-12-03\n")
                                     + text + "\n", encoding="utf-8")
    docs, _ = load_seeds(tmp_path)
    res = resolve([extract(d) for d in docs])
    assert len(res.meetings) == 2
    assert all(len(m.source_ids) == 2 for m in res.meetings)
    people = {m.meeting_id: {p.name_en for p in res.participants if p.parent_id == m.meeting_id}
              for m in res.meetings}
    assert sorted(map(sorted, people.values())) == [["Bakhtiyor Saidov", "Ilham Aliyev"],
                                                    ["Bakhtiyor Saidov", "Jeyhun Bayramov"]]


AGREEMENT_REPORTS = {
    "az_plan": ("az", "2025-12-03", "Azərbaycanın müdafiə naziri Zakir Həsənov dekabrın 3-də Bakıda Özbəkistanın "
                "müdafiə naziri Baxodir Kurbanov ilə görüşüb. Görüşdə \"2026-cı il üçün hərbi əməkdaşlıq planı\" "
                "imzalanıb. Planı Zakir Həsənov imzalayıb."),
    "en_plan": ("en", "2025-12-03", "Azerbaijani Defence Minister Zakir Hasanov met with the Minister of Defence of "
                "Uzbekistan Bakhodir Kurbanov in Baku on 3 December 2025. The military cooperation plan for 2026 "
                "was signed by Bakhodir Kurbanov."),
    "en_two_memoranda": ("en", "2025-06-02", "In June 2022, a memorandum on cooperation in culture and a "
                         "memorandum on cooperation in energy were signed between Azerbaijan and Uzbekistan."),
    "en_culture": ("en", "2025-06-03", "A memorandum on cooperation in culture was signed between Azerbaijan "
                   "and Uzbekistan in June 2022."),
    "en_earlier": ("en", "2025-06-03", "Azerbaijani Defence Minister Zakir Hasanov met with the Minister of Defence "
                   "of Uzbekistan Bakhodir Kurbanov in Baku on 3 June 2025. Earlier, Azerbaijan and Uzbekistan "
                   "signed a memorandum on military education."),
    "ru_earlier": ("ru", "2025-09-10", "Министр обороны Азербайджана Закир Гасанов встретился в Ташкенте 10 сентября "
                   "с министром обороны Узбекистана Баходиром Курбановым. Ранее Азербайджан и Узбекистан "
                   "подписали меморандум о военной медицине."),
}


def _resolve_agreements(tmp_path: Path, names: tuple[str, ...]) -> Resolved:
    for name in names:
        lang, published, body = AGREEMENT_REPORTS[name]
        head = FRONT.format(name=name, lang=lang, published=f"published: {published}\n")
        (tmp_path / f"{name.replace('_', '-')}.txt").write_text(head + body + "\n", encoding="utf-8")
    docs, _ = load_seeds(tmp_path)
    return resolve([extract(d) for d in docs])


def test_one_agreement_across_languages_with_the_union_of_its_signatories(tmp_path: Path) -> None:
    res = _resolve_agreements(tmp_path, ("az_plan", "en_plan"))
    [agreement] = res.agreements
    assert (agreement.kind, agreement.valid_from, len(agreement.source_ids)) == ("plan", 2026, 2)
    signers = {s.name_en: s for s in res.signatories}
    assert set(signers) == {"Zakir Hasanov", "Bakhodir Kurbanov"}
    # each signatory still cited to the source that states it
    assert {c.citation.source_id for c in signers["Zakir Hasanov"].citations} == \
        {d.source_id for d in res.documents if d.language == "az"}


def test_two_documents_of_one_article_stay_two_and_a_title_finds_its_own(tmp_path: Path) -> None:
    res = _resolve_agreements(tmp_path, ("en_two_memoranda", "en_culture"))
    assert len(res.agreements) == 2
    by_sources = sorted(len(a.source_ids) for a in res.agreements)
    assert by_sources == [1, 2]  # the culture memorandum is reported twice, the energy one once


def test_undated_documents_of_no_meeting_stay_apart(tmp_path: Path) -> None:
    """Two memoranda of the same states signed "earlier", with no day and no meeting: nothing
    says they are one, so each report keeps its own."""
    res = _resolve_agreements(tmp_path, ("en_earlier", "ru_earlier"))
    undated = [a for a in res.agreements if a.meeting_id is None]
    assert [a.signed_date.iso() for a in undated] == [None, None]
    assert sorted(len(a.source_ids) for a in undated) == [1, 1]
