"""A tiny but real Stanza model directory, trained here with Stanza's own training code.

The model hub is out of reach on the machines that run the tests, so the tests make
their own Russian models from a few hundred synthetic sentences: a tokenizer, an NER
tagger (with a small word-vector "pretrain" it depends on) and a dictionary
lemmatizer, laid out as ``stanza.download`` would (``<dir>/ru/<processor>/<package>.pt``)
with a hand-written ``resources.json``. They know nothing beyond the synthetic
grammar below; the point is that the project's real loading and annotation code runs
on real Stanza models.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
from dataclasses import dataclass
from pathlib import Path

LANG = "ru"
PACKAGE = "synthetic"

# (nominative, genitive, instrumental) of given names and surnames
GIVEN = [("Сергей", "Сергея", "Сергеем"), ("Бахтиёр", "Бахтиёра", "Бахтиёром"),
         ("Баходир", "Баходира", "Баходиром"), ("Фарид", "Фарида", "Фаридом"),
         ("Шухрат", "Шухрата", "Шухратом"), ("Джейхун", "Джейхуна", "Джейхуном"),
         ("Алишер", "Алишера", "Алишером"), ("Ильхам", "Ильхама", "Ильхамом")]
SURNAMES = [("Лавров", "Лаврова", "Лавровым"), ("Саидов", "Саидова", "Саидовым"),
            ("Ахмедов", "Ахмедова", "Ахмедовым"), ("Джафаров", "Джафарова", "Джафаровым"),
            ("Байрамов", "Байрамова", "Байрамовым"),
            ("Халмухамедов", "Халмухамедова", "Халмухамедовым"),
            ("Мирзиёев", "Мирзиёева", "Мирзиёевым"), ("Алиев", "Алиева", "Алиевым")]
COUNTRIES = ["России", "Узбекистана", "Азербайджана", "Казахстана", "Кыргызстана"]
CITIES = ["Ташкенте", "Баку", "Москве", "Астане", "Бишкеке"]
TITLES = [("министр иностранных дел", "министра иностранных дел", "министром иностранных дел"),
          ("президент", "президента", "президентом"),
          ("первый замминистра культуры", "первого замминистра культуры",
           "первым замминистра культуры")]
FILLER = ["Стороны обсудили вопросы торговли и транспорта .",
          "Документ был подписан по итогам переговоров .",
          "Отмечено , что товарооборот вырос .",
          "Встреча прошла в дружественной атмосфере ."]

Tok = tuple[str, str, str]  # form, lemma, NER tag (BIOES)


@dataclass(frozen=True)
class ModelDir:
    """Where the models are, and how long training took."""

    root: Path
    seconds: float


def _name(rng: random.Random, case: int) -> list[Tok]:
    g, s = rng.choice(GIVEN), rng.choice(SURNAMES)
    surname = s[case].upper() if rng.random() < 0.3 else s[case]  # some outlets capitalise surnames
    return [(g[case], g[0], "B-PER"), (surname, s[0], "E-PER")]


def _official(rng: random.Random) -> list[Tok]:
    """Surname first, in capitals: "ЛАВРОВ Сергей", as lists and official releases write it."""
    g, s = rng.choice(GIVEN), rng.choice(SURNAMES)
    return [(s[0].upper(), s[0], "B-PER"), (g[0], g[0], "E-PER")]


def _words(phrase: str) -> list[Tok]:
    return [(w, w.lower(), "O") for w in phrase.split()]


def _country(rng: random.Random) -> list[Tok]:
    return [(rng.choice(COUNTRIES), "страна", "S-LOC")]


def sentence(rng: random.Random) -> list[Tok]:
    """One synthetic news sentence with its lemmas and entity tags."""
    t1, t2 = rng.choice(TITLES), rng.choice(TITLES)
    kind = rng.randrange(6)
    if kind == 0:
        toks = _words(t1[0].capitalize()) + _country(rng) + _name(rng, 0) + _words("встретился с")
        toks += _words(t2[2]) + _country(rng) + _name(rng, 2)
    elif kind == 1:
        toks = _words("В") + [(rng.choice(CITIES), "город", "S-LOC")] + _words("прошли переговоры")
        toks += _words(t1[1]) + _country(rng) + _name(rng, 1) + _words("и") + _words(t2[1])
        toks += _country(rng) + _name(rng, 1)
    elif kind == 2:
        toks = _name(rng, 0) + _words("и") + _name(rng, 0)
        toks += _words("подписали соглашение о сотрудничестве")
    elif kind == 3:
        toks = _words("Заседание прошло под председательством") + _words(t1[1]) + _country(rng)
        toks += _name(rng, 1) + [(",", ",", "O")] + _words("сообщает агентство")
    elif kind == 4:
        toks = _words(t1[0].capitalize()) + _country(rng) + _official(rng) + _words("провел переговоры с")
        toks += _words(t2[2]) + _country(rng) + _name(rng, 2)
    else:
        return _words(rng.choice(FILLER))
    return [*toks, (".", ".", "O")]


def corpus(n: int, seed: int) -> list[list[Tok]]:
    rng = random.Random(seed)
    return [sentence(rng) for _ in range(n)]


def _glued(form: str) -> bool:
    return form in ".,"  # no space before punctuation


def _tokenizer_files(sents: list[list[Tok]], stem: Path) -> tuple[Path, Path]:
    """Stanza's tokenizer format: raw text and one label per character, paragraphs apart."""
    texts, labels = [], []
    for p in range(0, len(sents), 4):
        text, label = "", ""
        for sent in sents[p : p + 4]:
            for i, (form, _, _) in enumerate(sent):
                if text and not (i and _glued(form)):
                    text, label = text + " ", label + "0"
                text += form
                label += "0" * (len(form) - 1) + ("2" if i == len(sent) - 1 else "1")
        texts.append(text)
        labels.append(label)
    txt, lab = stem.with_suffix(".txt"), stem.with_suffix(".label")
    txt.write_text("\n\n".join(texts) + "\n\n", encoding="utf-8")
    lab.write_text("\n\n".join(labels) + "\n\n", encoding="utf-8")
    return txt, lab


def _ner_file(sents: list[list[Tok]], path: Path) -> Path:
    doc = [[{"text": f, "ner": t} for f, _, t in s] for s in sents]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _conllu(sents: list[list[Tok]], path: Path) -> Path:
    lines = []
    for s in sents:
        lines += [f"{i}\t{f}\t{lem}\t_\t_\t_\t{i - 1}\t{'root' if i == 1 else 'dep'}\t_\t_"
                  for i, (f, lem, _) in enumerate(s, 1)]
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _vectors(sents: list[list[Tok]], path: Path, dim: int = 8) -> Path:
    rng = random.Random(7)
    words = sorted({f.lower() for s in sents for f, _, _ in s})
    rows = [f"{len(words)} {dim}"]
    rows += [w + " " + " ".join(f"{rng.uniform(-1, 1):.4f}" for _ in range(dim)) for w in words]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def build(root: Path, work: Path) -> Path:
    """Train the three models into ``root`` (scratch files in ``work``) and write resources.json."""
    import torch
    from stanza.models import lemmatizer, ner_tagger, tokenizer
    from stanza.models.common.pretrain import Pretrain

    torch.set_num_threads(1)
    logging.getLogger("stanza").setLevel(logging.WARNING)
    train, dev = corpus(320, 1), corpus(24, 2)
    lang_dir = root / LANG
    tok_pt = lang_dir / "tokenize" / f"{PACKAGE}.pt"
    ner_pt = lang_dir / "ner" / f"{PACKAGE}.pt"
    lem_pt = lang_dir / "lemma" / f"{PACKAGE}.pt"
    pre_pt = lang_dir / "pretrain" / f"{PACKAGE}.pt"
    for p in (tok_pt, ner_pt, lem_pt, pre_pt):
        p.parent.mkdir(parents=True, exist_ok=True)

    txt, lab = _tokenizer_files(train, work / "tok_train")
    dtxt, dlab = _tokenizer_files(dev, work / "tok_dev")
    mwt = work / "mwt.json"
    mwt.write_text("[]", encoding="utf-8")
    tokenizer.main(["--txt_file", str(txt), "--label_file", str(lab), "--dev_txt_file", str(dtxt),
                    "--dev_label_file", str(dlab), "--mwt_json_file", str(mwt), "--lang", LANG,
                    "--shorthand", f"{LANG}_{PACKAGE}", "--save_dir", str(tok_pt.parent),
                    "--save_name", tok_pt.name, "--steps", "150", "--eval_steps", "75",
                    "--hidden_dim", "24", "--emb_dim", "16", "--batch_size", "16",
                    "--max_seqlen", "200", "--no_use_mwt", "--cpu"])

    Pretrain(str(pre_pt), str(_vectors(train + dev, work / "vectors.txt"))).load()
    ner_tagger.main(["--train_file", str(_ner_file(train, work / "ner_train.json")),
                     "--eval_file", str(_ner_file(dev, work / "ner_dev.json")),
                     "--wordvec_pretrain_file", str(pre_pt), "--shorthand", f"{LANG}_{PACKAGE}",
                     "--save_dir", str(ner_pt.parent), "--save_name", ner_pt.name,
                     "--hidden_dim", "32", "--char_hidden_dim", "16", "--char_emb_dim", "16",
                     "--max_steps", "200", "--eval_interval", "100", "--batch_size", "16",
                     "--optim", "adam", "--lr", "0.01", "--dropout", "0.1", "--word_dropout", "0.0",
                     "--cpu"])

    lemmatizer.main(["--train_file", str(_conllu(train, work / "lem_train.conllu")),
                     "--eval_file", str(_conllu(dev, work / "lem_dev.conllu")),
                     "--dict_only", "--no_pos",
                     "--shorthand", f"{LANG}_{PACKAGE}", "--save_dir", str(lem_pt.parent),
                     "--save_name", lem_pt.name, "--cpu"])

    resources = {LANG: {
        "lang_name": "Russian",
        "tokenize": {PACKAGE: {"md5": _md5(tok_pt)}},
        "lemma": {PACKAGE: {"md5": _md5(lem_pt)}},
        "ner": {PACKAGE: {"md5": _md5(ner_pt),
                          "dependencies": [{"model": "pretrain", "package": PACKAGE}]}},
        "pretrain": {PACKAGE: {"md5": _md5(pre_pt)}},
        "packages": {"default": {"tokenize": PACKAGE, "lemma": PACKAGE, "ner": PACKAGE}},
        "default_processors": {"tokenize": PACKAGE, "lemma": PACKAGE, "ner": PACKAGE},
    }, "russian": {"alias": LANG},
        "url": "https://huggingface.co/stanfordnlp/stanza-{lang}/resolve/v{resources_version}/models/{filename}"}
    (root / "resources.json").write_text(json.dumps(resources, indent=1), encoding="utf-8")
    return root
