"""The Stanza NLP layer on a tiny but real model directory trained here (tests/stanza_models.py).

The project's own code loads it (``stanza.Pipeline(lang, dir=…, download_method=None)``
after :func:`accords.models.check`), annotates seeds in batches, and the extractor
reads the entities and lemmas; a missing model falls back to the rules with one line.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from stanza_models import LANG, PACKAGE, build

from accords import models
from accords.documents import load_seed
from accords.extract import extract, nlp
from accords.model import Document

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

ARTICLE = """---
language: ru
published: 2025-03-04
---
Министр иностранных дел России Сергей ЛАВРОВ провел переговоры с министром иностранных дел \
Узбекистана Бахтиёром САИДОВЫМ в Ташкенте.

Стороны обсудили вопросы торговли и транспорта.
"""


@pytest.fixture(scope="session")
def stanza_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tokenizer, NER (with its pretrain) and lemmatizer for ``ru``, trained once per session."""
    root = tmp_path_factory.mktemp("stanza")
    work = tmp_path_factory.mktemp("stanza_work")
    return build(root / "models", work)


@pytest.fixture()
def use_models(stanza_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The NLP layer in its default mode, reading the trained model directory."""
    monkeypatch.setenv("ACCORDS_NLP", "auto")
    monkeypatch.setenv(models.ENV_DIR, str(stanza_dir))
    nlp.reset()
    yield stanza_dir
    nlp.reset()


def _seed(tmp_path: Path, text: str, name: str = "lavrov.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc, problems = load_seed(path, tmp_path)
    assert doc is not None, problems
    return doc


def test_check_reads_resources_json(stanza_dir: Path) -> None:
    chosen, problem = models.check(LANG, stanza_dir)
    assert problem is None
    assert chosen == {"tokenize": PACKAGE, "pos": PACKAGE, "lemma": PACKAGE, "depparse": PACKAGE, "ner": PACKAGE}
    res = models.read_resources(stanza_dir)
    assert res is not None
    assert Path(LANG, "pretrain", f"{PACKAGE}.pt") in models.required_files(LANG, res, chosen)
    assert models.check("az", stanza_dir)[1] == "no Stanza set-up for this language"


def test_offsets_entities_and_lemmas(use_models: Path, tmp_path: Path) -> None:
    doc = _seed(tmp_path, ARTICLE)
    [ann] = nlp.annotate_docs([doc])
    assert ann.annotator == "stanza"
    assert ann.words and all(doc.text[w.start : w.end] == w.text for w in ann.words)
    assert all(doc.body_start <= s < e <= len(doc.text) for s, e in ann.sentences)
    assert len(ann.sentences) == 2
    persons = [doc.text[s:e] for s, e in ann.spans(frozenset({"PER"}))]
    assert persons == ["Сергей ЛАВРОВ", "Бахтиёром САИДОВЫМ"]
    lemmas = {doc.text[s:e]: lemma for (s, e), lemma in ann.lemmas().items()}
    assert lemmas["Бахтиёром"] == "Бахтиёр"
    assert nlp.handled() == {LANG: "stanza (tokenize, pos, lemma, depparse, ner)"}
    tree = ann.tree()
    assert tree and all(doc.text[s:e] for s, e in tree)  # every parsed word at the seed's offsets
    verb = next(span for span in tree if doc.text[span[0]:span[1]] == "провел")
    assert tree[verb] == (None, "root")


def test_entities_and_lemmas_reach_the_extractor(use_models: Path, tmp_path: Path) -> None:
    doc = _seed(tmp_path, ARTICLE)
    [meeting] = extract(doc).meetings
    people = {p.name: p for p in meeting.participants}
    assert set(people) == {"Сергей ЛАВРОВ", "Бахтиёром САИДОВЫМ"}
    assert people["Бахтиёром САИДОВЫМ"].name_en == "Bakhtiyor Saidov"  # lemmas: the nominative
    assert people["Сергей ЛАВРОВ"].country == "RU"
    for p in meeting.participants:
        assert doc.text[p.name_cite.start : p.name_cite.end] == p.name_cite.quote == p.name
    [rules] = nlp.RULES.annotate([doc])
    by_rules = extract(doc, rules).meetings[0].participants  # the rules find these two as well
    assert [(p.name, p.name_en) for p in by_rules] == [(p.name, p.name_en) for p in meeting.participants]


def test_entities_find_names_the_rules_miss(use_models: Path, tmp_path: Path) -> None:
    """Surname first in capitals ("ЛАВРОВ Сергей"): the rules never start a name with a word
    in capitals (МИД, ШОС, ООН are not people); the NER model tells the two apart."""
    doc = _seed(tmp_path, ARTICLE.replace("Сергей ЛАВРОВ", "ЛАВРОВ Сергей"))
    [rules] = nlp.RULES.annotate([doc])
    assert [p.name for p in extract(doc, rules).meetings[0].participants] == ["Бахтиёром САИДОВЫМ"]
    people = {p.name: p for p in extract(doc).meetings[0].participants}
    assert set(people) == {"ЛАВРОВ Сергей", "Бахтиёром САИДОВЫМ"}
    lavrov = people["ЛАВРОВ Сергей"]
    assert (lavrov.name_en, lavrov.name_base, lavrov.country) == ("Sergey Lavrov", "Сергей Лавров", "RU")


def test_pipeline_once_per_process_documents_in_batches(use_models: Path, tmp_path: Path) -> None:
    from accords.batch import extract_many

    docs = [_seed(tmp_path, ARTICLE, f"a{i}.txt") for i in range(3)]
    annotator = nlp.annotators([LANG])[LANG]
    calls: list[int] = []
    pipeline = annotator.pipeline  # type: ignore[attr-defined]

    def counting(batch: list[object]) -> object:
        calls.append(len(batch))
        return pipeline(batch)

    annotator.pipeline = counting  # type: ignore[attr-defined]
    facts = extract_many(docs, jobs=1)
    assert calls == [3]
    assert nlp.annotators([LANG])[LANG] is annotator
    assert all(len(f.meetings[0].participants) == 2 for f in facts)


def test_missing_model_falls_back_with_one_line(stanza_dir: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "models"
    shutil.copytree(stanza_dir, broken)
    (broken / LANG / "ner" / f"{PACKAGE}.pt").unlink()
    monkeypatch.setenv("ACCORDS_NLP", "auto")
    monkeypatch.setenv(models.ENV_DIR, str(broken))
    nlp.reset()
    try:
        doc = _seed(tmp_path, ARTICLE)
        [ann] = nlp.annotate_docs([doc])
        nlp.annotate_docs([doc])  # chosen once: no second notice
        assert ann.annotator == "rules"
        assert nlp.handled()[LANG] == "rules (Stanza models missing)"
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"missing {LANG}/ner/{PACKAGE}.pt" in err
        assert "Traceback" not in err
        assert extract(doc, ann).meetings  # the rules still extract
    finally:
        nlp.reset()


def test_download_fetches_resources_and_keeps_complete_models(
        stanza_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "models"
    shutil.copytree(stanza_dir, target)
    (target / "resources.json").unlink()
    url = (stanza_dir / "resources.json").as_uri()  # no network: every model file is in place
    assert models.download([LANG, "az"], target, resources_url=url) == 0
    out = capsys.readouterr()
    assert f"{LANG}: ok" in out.out and "az: no Stanza models used" in out.err
    assert models.check(LANG, target)[1] is None


def test_models_command_has_help() -> None:
    result = subprocess.run([sys.executable, "-m", "accords.cli", "models", "download", "--help"],
                            capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0 and "--model-dir" in result.stdout


def test_model_dir_option_then_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(models.ENV_DIR, str(tmp_path / "env"))
    assert models.model_dir(tmp_path / "opt") == tmp_path / "opt"
    assert models.model_dir() == tmp_path / "env"
    monkeypatch.delenv(models.ENV_DIR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert models.model_dir() == tmp_path / "cache" / "accords" / "stanza"


SIGNING = """---
language: ru
published: 2025-03-04
---
После встречи с министром иностранных дел Узбекистана Бахтиёром Саидовым министр иностранных дел \
России Сергей Лавров и министр иностранных дел Азербайджана Джейхун Байрамов подписали соглашение о \
сотрудничестве.
"""


def test_the_parse_finds_who_signed(use_models: Path, tmp_path: Path) -> None:
    """Every name before an active signing verb signs, say the rules; the parse knows that
    the minister met "after the meeting with" did not."""
    doc = _seed(tmp_path, SIGNING, "signing.txt")
    [rules] = nlp.RULES.annotate([doc])
    by_rules = {p.name for p in extract(doc, rules).agreements[0].signatories}
    assert by_rules == {"Бахтиёром Саидовым", "Сергей Лавров", "Джейхун Байрамов"}
    [ann] = nlp.annotate_docs([doc])
    assert ann.annotator == "stanza"
    by_parse = {p.name for p in extract(doc, ann).agreements[0].signatories}
    assert by_parse == {"Сергей Лавров", "Джейхун Байрамов"}


SIGNING_GOLD = {
    "file": "signing.txt", "language": "ru", "published": "2025-03-04",
    "meetings": [{"id": "m1", "date": "2025-03-04", "countries": ["AZ", "RU", "UZ"], "city": None,
                  "kind": "meeting"}],
    "participants": [
        {"meeting": "m1", "name_en": "Bakhtiyor Saidov", "name_as_written": "Бахтиёром Саидовым", "country": "UZ",
         "role_en": "Minister of Foreign Affairs"},
        {"meeting": "m1", "name_en": "Sergey Lavrov", "name_as_written": "Сергей Лавров", "country": "RU",
         "role_en": "Minister of Foreign Affairs"},
        {"meeting": "m1", "name_en": "Jeyhun Bayramov", "name_as_written": "Джейхун Байрамов", "country": "AZ",
         "role_en": "Minister of Foreign Affairs"}],
    "agreements": [{"id": "a1", "meeting": "m1", "kind": "agreement", "countries": ["AZ", "RU", "UZ"],
                    "signed_date": "2025-03-04", "valid_from": None, "valid_to": None,
                    "title_en": "Agreement on cooperation"}],
    "signatories": [{"agreement": "a1", "name_en": "Sergey Lavrov", "country": "RU", "basis": "stated"},
                    {"agreement": "a1", "name_en": "Jeyhun Bayramov", "country": "AZ", "basis": "stated"}],
    "not_signed": [], "same_event_as": [], "notes": "The minister met before the signing did not sign.",
}


def test_stanza_is_kept_only_where_it_does_not_lower_f1(stanza_dir: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from accords.cli import main

    own = tmp_path / "models"
    shutil.copytree(stanza_dir, own)  # the choice is written beside the models
    monkeypatch.setenv(models.ENV_DIR, str(own))
    monkeypatch.setenv("ACCORDS_NLP", "auto")
    seeds, gold = tmp_path / "seeds", tmp_path / "gold"
    seeds.mkdir()
    gold.mkdir()
    (seeds / "signing.txt").write_text(SIGNING, encoding="utf-8")
    (gold / "signing.json").write_text(json.dumps(SIGNING_GOLD, ensure_ascii=False), encoding="utf-8")
    nlp.reset()
    try:
        assert main(["models", "choose", str(gold), "--seeds", str(seeds)]) == 0
        choice = json.loads((own / models.CHOICE_FILE).read_text(encoding="utf-8"))["languages"][LANG]
        assert choice["annotator"] == "stanza" and choice["f1_stanza"] > choice["f1_rules"]
        # where the choice says the rules, the build uses the rules, and says why
        (own / models.CHOICE_FILE).write_text(json.dumps({"languages": {LANG: {"annotator": "rules"}}}),
                                              encoding="utf-8")
        nlp.reset()
        assert nlp.annotators([LANG])[LANG] is nlp.RULES
        assert "lowered F1" in nlp.handled()[LANG]
    finally:
        nlp.reset()
