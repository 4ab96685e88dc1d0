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

Tok = tuple[str, str, str, str, int, str]  # form, lemma, NER tag (BIOES), UPOS, head (1-based, 0: root), relation


@dataclass(frozen=True)
class ModelDir:
    """Where the models are, and how long training took."""

    root: Path
    seconds: float


class _Sentence:
    """A sentence being written: tokens with their heads given as indexes into the list."""

    def __init__(self) -> None:
        self.toks: list[list[object]] = []  # form, lemma, ner, upos, head index (-1: root), relation

    def add(self, form: str, lemma: str, upos: str, head: int | None = None, rel: str = "dep",
            ner: str = "O") -> int:
        self.toks.append([form, lemma, ner, upos, -1 if head is None else head, rel])
        return len(self.toks) - 1

    def words(self, phrase: str, upos: str, head: int, rel: str) -> None:
        for w in phrase.split():
            self.add(w, w.lower(), upos, head, rel)

    def attach(self, first: int, head: int, rel: str) -> None:
        """Point the token at ``first`` (a phrase's head, added before its governor) to ``head``."""
        self.toks[first][4], self.toks[first][5] = head, rel

    def done(self) -> list[Tok]:
        out: list[Tok] = []
        for form, lemma, ner, upos, head, rel in self.toks:
            out.append((str(form), str(lemma), str(ner), str(upos), int(str(head)) + 1, str(rel)))
        return out


def _person(s: _Sentence, rng: random.Random, case: int, title: tuple[str, str, str] | None) -> int:
    """A title phrase and a name; the given name heads them all. Returns its index."""
    g, sur = rng.choice(GIVEN), rng.choice(SURNAMES)
    surname = sur[case].upper() if rng.random() < 0.3 else sur[case]  # some outlets capitalise surnames
    mods: list[tuple[str, str, str]] = []
    if title is not None:
        mods = [(w, w.lower(), "NOUN") for w in title[case].split()]
        if rng.random() < 0.9:
            country = rng.choice(COUNTRIES)
            mods.append((country, "страна", "PROPN"))
    first = len(s.toks)
    for form, lemma, upos in mods:
        s.add(form, lemma, upos, None, "nmod", "S-LOC" if lemma == "страна" else "O")
    given = s.add(g[case], g[0], "PROPN", None, "dep", "B-PER")
    s.add(surname, sur[0], "PROPN", given, "flat:name", "E-PER")
    for k in range(first, given):
        s.attach(k, given, "nmod")
    return given


def _official(rng: random.Random) -> list[tuple[str, str, str]]:
    """Surname first, in capitals: "ЛАВРОВ Сергей", as lists and official releases write it."""
    g, s = rng.choice(GIVEN), rng.choice(SURNAMES)
    return [(s[0].upper(), s[0], "B-PER"), (g[0], g[0], "E-PER")]


def sentence(rng: random.Random) -> list[Tok]:
    """One synthetic news sentence with lemmas, entity tags, parts of speech and its tree."""
    t1, t2 = rng.choice(TITLES), rng.choice(TITLES)
    kind = rng.randrange(7)
    s = _Sentence()
    if kind == 0:  # "Министр … X встретился с министром … Y ."
        a = _person(s, rng, 0, t1)
        verb = s.add("встретился", "встретиться", "VERB")
        s.attach(a, verb, "nsubj")
        s.toks[0][0] = str(s.toks[0][0]).capitalize()
        prep = s.add("с", "с", "ADP")
        b = _person(s, rng, 2, t2)
        s.attach(b, verb, "obl")
        s.attach(prep, b, "case")
    elif kind == 1:  # "В Ташкенте прошли переговоры министра … X и … Y ."
        s.add("В", "в", "ADP")
        city = s.add(rng.choice(CITIES), "город", "PROPN", None, "obl", "S-LOC")
        s.attach(0, city, "case")
        verb = s.add("прошли", "пройти", "VERB")
        s.attach(city, verb, "obl")
        talks = s.add("переговоры", "переговоры", "NOUN", verb, "nsubj")
        a = _person(s, rng, 1, t1)
        s.attach(a, talks, "nmod")
        cc = s.add("и", "и", "CCONJ")
        b = _person(s, rng, 1, t2)
        s.attach(b, a, "conj")
        s.attach(cc, b, "cc")
    elif kind in (2, 5):  # "[После встречи с … Z] X и Y подписали соглашение о сотрудничестве ."
        obl = None
        if kind == 5:
            s.add("После", "после", "ADP")
            obl = s.add("встречи", "встреча", "NOUN", None, "obl")
            s.attach(0, obl, "case")
            prep = s.add("с", "с", "ADP")
            z = _person(s, rng, 2, t2)
            s.attach(z, obl, "nmod")
            s.attach(prep, z, "case")
        a = _person(s, rng, 0, t1 if kind == 5 else None)
        cc = s.add("и", "и", "CCONJ")
        b = _person(s, rng, 0, t1 if kind == 5 else None)
        s.attach(b, a, "conj")
        s.attach(cc, b, "cc")
        verb = s.add("подписали", "подписать", "VERB")
        s.attach(a, verb, "nsubj")
        if obl is not None:
            s.attach(obl, verb, "obl")
        doc = s.add("соглашение", "соглашение", "NOUN", verb, "obj")
        s.add("о", "о", "ADP", len(s.toks) + 1, "case")
        s.add("сотрудничестве", "сотрудничество", "NOUN", doc, "nmod")
    elif kind == 3:  # "Заседание прошло под председательством … X , сообщает агентство ."
        subj = s.add("Заседание", "заседание", "NOUN")
        verb = s.add("прошло", "пройти", "VERB")
        s.attach(subj, verb, "nsubj")
        s.add("под", "под", "ADP", len(s.toks) + 1, "case")
        chair = s.add("председательством", "председательство", "NOUN", verb, "obl")
        a = _person(s, rng, 1, t1)
        s.attach(a, chair, "nmod")
        s.add(",", ",", "PUNCT", len(s.toks) + 1, "punct")
        says = s.add("сообщает", "сообщать", "VERB", verb, "parataxis")
        s.add("агентство", "агентство", "NOUN", says, "nsubj")
    elif kind == 4:  # "Министр … ЛАВРОВ Сергей провел переговоры с министром … Y ."
        head = None
        for w in t1[0].capitalize().split():
            k = s.add(w, w.lower(), "NOUN")
            head = k if head is None else head
        s.add(rng.choice(COUNTRIES), "страна", "PROPN", head, "nmod", "S-LOC")
        (sf, sl, sn), (gf, gl, gn) = _official(rng)
        sur = s.add(sf, sl, "PROPN", None, "appos", sn)
        s.add(gf, gl, "PROPN", sur, "flat:name", gn)
        verb = s.add("провел", "провести", "VERB")
        if head is not None:
            s.attach(head, verb, "nsubj")
            s.attach(sur, head, "appos")
            for k in range(head + 1, sur):
                if s.toks[k][4] == -1:
                    s.attach(k, head, "nmod")
        s.add("переговоры", "переговоры", "NOUN", verb, "obj")
        prep = s.add("с", "с", "ADP")
        b = _person(s, rng, 2, t2)
        s.attach(b, verb, "obl")
        s.attach(prep, b, "case")
    else:
        words = rng.choice(FILLER).split()[:-1]
        verb = next((k for k, w in enumerate(words) if w.endswith(("ли", "ло", "н", "ос", "ла"))), 0)
        for k, w in enumerate(words):
            upos = "VERB" if k == verb else "CCONJ" if w == "и" else "PUNCT" if w == "," else "NOUN"
            s.add(w, w.lower(), upos, None if k == verb else verb, "root" if k == verb else "dep")
    root = next(k for k, t in enumerate(s.toks) if t[4] == -1)
    s.toks[root][5] = "root"
    for t in s.toks:
        if t[4] == -1 and t is not s.toks[root]:
            t[4], t[5] = root, "dep"
    s.add(".", ".", "PUNCT", root, "punct")
    return s.done()


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
            for i, (form, *_rest) in enumerate(sent):
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
    doc = [[{"text": t[0], "ner": t[2]} for t in s] for s in sents]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _conllu(sents: list[list[Tok]], path: Path) -> Path:
    lines = []
    for s in sents:
        lines += [f"{i}\t{f}\t{lem}\t{upos}\t_\t_\t{head}\t{rel}\t_\t_"
                  for i, (f, lem, _, upos, head, rel) in enumerate(s, 1)]
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _vectors(sents: list[list[Tok]], path: Path, dim: int = 8) -> Path:
    rng = random.Random(7)
    words = sorted({t[0].lower() for s in sents for t in s})
    rows = [f"{len(words)} {dim}"]
    rows += [w + " " + " ".join(f"{rng.uniform(-1, 1):.4f}" for _ in range(dim)) for w in words]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def build(root: Path, work: Path) -> Path:
    """Train the models into ``root`` (scratch files in ``work``) and write resources.json."""
    import torch
    from stanza.models import lemmatizer, ner_tagger, parser, tagger, tokenizer
    from stanza.models.common.pretrain import Pretrain

    torch.set_num_threads(1)
    logging.getLogger("stanza").setLevel(logging.WARNING)
    train, dev = corpus(320, 1), corpus(24, 2)
    lang_dir = root / LANG
    tok_pt = lang_dir / "tokenize" / f"{PACKAGE}.pt"
    ner_pt = lang_dir / "ner" / f"{PACKAGE}.pt"
    lem_pt = lang_dir / "lemma" / f"{PACKAGE}.pt"
    pre_pt = lang_dir / "pretrain" / f"{PACKAGE}.pt"
    pos_pt = lang_dir / "pos" / f"{PACKAGE}.pt"
    dep_pt = lang_dir / "depparse" / f"{PACKAGE}.pt"
    for p in (tok_pt, ner_pt, lem_pt, pre_pt, pos_pt, dep_pt):
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

    conllu_train, conllu_dev = _conllu(train, work / "train.conllu"), _conllu(dev, work / "dev.conllu")
    lemmatizer.main(["--train_file", str(conllu_train), "--eval_file", str(conllu_dev),
                     "--dict_only", "--no_pos",
                     "--shorthand", f"{LANG}_{PACKAGE}", "--save_dir", str(lem_pt.parent),
                     "--save_name", lem_pt.name, "--cpu"])

    # no character model: words are few and all known, and it would take most of the time
    small = ["--wordvec_pretrain_file", str(pre_pt), "--shorthand", f"{LANG}_{PACKAGE}", "--lang", LANG,
             "--hidden_dim", "32", "--word_emb_dim", "16", "--tag_emb_dim", "8", "--no_char",
             "--deep_biaff_hidden_dim", "32", "--transformed_dim", "16", "--cpu"]
    tagger.main(["--train_file", str(conllu_train), "--eval_file", str(conllu_dev),
                 "--output_file", str(work / "pos_pred.conllu"), "--save_dir", str(pos_pt.parent),
                 "--save_name", pos_pt.name, "--max_steps", "60", "--eval_interval", "30", "--batch_size", "500",
                 "--lr", "0.02",
                 "--composite_deep_biaff_hidden_dim", "16", *small])
    parser.main(["--train_file", str(conllu_train), "--eval_file", str(conllu_dev),
                 "--output_file", str(work / "dep_pred.conllu"), "--save_dir", str(dep_pt.parent),
                 "--save_name", dep_pt.name, "--max_steps", "300", "--eval_interval", "100", "--batch_size", "1000",
                 *small])

    resources = {LANG: {
        "lang_name": "Russian",
        "tokenize": {PACKAGE: {"md5": _md5(tok_pt)}},
        "lemma": {PACKAGE: {"md5": _md5(lem_pt)}},
        "ner": {PACKAGE: {"md5": _md5(ner_pt),
                          "dependencies": [{"model": "pretrain", "package": PACKAGE}]}},
        "pos": {PACKAGE: {"md5": _md5(pos_pt), "dependencies": [{"model": "pretrain", "package": PACKAGE}]}},
        "depparse": {PACKAGE: {"md5": _md5(dep_pt), "dependencies": [{"model": "pretrain", "package": PACKAGE}]}},
        "pretrain": {PACKAGE: {"md5": _md5(pre_pt)}},
        "packages": {"default": {"tokenize": PACKAGE, "pos": PACKAGE, "lemma": PACKAGE, "depparse": PACKAGE,
                                 "ner": PACKAGE}},
        "default_processors": {"tokenize": PACKAGE, "pos": PACKAGE, "lemma": PACKAGE, "depparse": PACKAGE,
                               "ner": PACKAGE},
    }, "russian": {"alias": LANG},
        "url": "https://huggingface.co/stanfordnlp/stanza-{lang}/resolve/v{resources_version}/models/{filename}"}
    (root / "resources.json").write_text(json.dumps(resources, indent=1), encoding="utf-8")
    return root
