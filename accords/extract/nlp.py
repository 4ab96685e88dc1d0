"""The NLP layer: sentences, tokens, entities and lemmas, with offsets into the seed file.

Two annotators share one interface. The rule-based one (:class:`RuleAnnotator`)
covers every language: the offset-preserving splitter and tokenizer of
:mod:`accords.text`, no entities, no lemmas. Stanza (:mod:`accords.extract.nlp_stanza`)
covers the languages of ``accords/stanza.yml`` whose models are in the model
directory (:mod:`accords.models`). The extractor reads entities and lemmas from
whichever annotated a document, so with the rules alone its results are those of
the rules. Each language's annotator is chosen and loaded once per process;
``ACCORDS_NLP=rules`` forces the rules everywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from accords import lexicon, models
from accords.extract.dates import iso_header
from accords.model import Document
from accords.text import split_sentences

ENV_MODE = "ACCORDS_NLP"  # "auto" (default): Stanza where its models are complete and chosen;
# "stanza": wherever its models are complete, whatever was chosen; "rules": the rules everywhere


@dataclass(frozen=True)
class Word:
    """A token: ``text == doc.text[start:end]``; its lemma, and its place in the sentence's
    dependency tree (``head``: index of the governing word in ``Annotation.words``, -1 for
    the root or where there is no parse), when the annotator gives them."""

    start: int
    end: int
    text: str
    lemma: str | None = None
    head: int = -1
    deprel: str | None = None


@dataclass(frozen=True)
class Entity:
    """A named-entity span with the model's label (PER, PERSON, LOC, ORG ...)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Annotation:
    """What one annotator found in one document."""

    annotator: str
    sentences: tuple[tuple[int, int], ...]
    words: tuple[Word, ...]
    entities: tuple[Entity, ...] = ()

    def spans(self, labels: frozenset[str]) -> list[tuple[int, int]]:
        """Entity spans with one of ``labels``, in text order."""
        return sorted((e.start, e.end) for e in self.entities if e.label in labels)

    def lemmas(self) -> dict[tuple[int, int], str]:
        """Lemma of each token that has one, by (start, end)."""
        return {(w.start, w.end): w.lemma for w in self.words if w.lemma}

    def tree(self) -> dict[tuple[int, int], tuple[tuple[int, int] | None, str]]:
        """Each parsed token's governor (its span; ``None`` for the root) and relation, by span.
        Empty when the annotator gives no parse."""
        out: dict[tuple[int, int], tuple[tuple[int, int] | None, str]] = {}
        for w in self.words:
            if w.deprel is None:
                continue
            head = self.words[w.head] if 0 <= w.head < len(self.words) else None
            out[(w.start, w.end)] = ((head.start, head.end) if head is not None else None, w.deprel)
        return out


class Annotator(Protocol):
    """Anything that annotates documents of one language, several at a time."""

    name: str

    def annotate(self, docs: Sequence[Document]) -> list[Annotation]: ...


class RuleAnnotator:
    """The rule-based annotator: the extractor's own sentences and words, nothing more."""

    name = "rules"

    def annotate(self, docs: Sequence[Document]) -> list[Annotation]:
        return [self._one(d) for d in docs]

    def _one(self, doc: Document) -> Annotation:
        lex = lexicon.load(doc.language)
        header = iso_header(doc.text, doc.body_start)
        sentences = split_sentences(doc.text, header.end if header else doc.body_start,
                                    lex.words("abbreviations"), bool(lex.value("ordinal_dot")))
        return Annotation(self.name, tuple((s.start, s.end) for s in sentences),
                          tuple(Word(t.start, t.end, t.text) for s in sentences for t in s.tokens))


RULES = RuleAnnotator()
_chosen: dict[str, Annotator] = {}
_handled: dict[str, str] = {}


def annotators(languages: Sequence[str]) -> dict[str, Annotator]:
    """The annotator of each language, chosen once per process.

    Languages whose Stanza models are missing get the rules, and one line on stderr
    says so for all of them together.
    """
    fresh = [lang for lang in dict.fromkeys(languages) if lang not in _chosen]
    missing: dict[str, list[str]] = {}  # why → languages
    for lang in fresh:
        _chosen[lang] = _choose(lang, missing)
    if missing:
        why = "; ".join(f"{', '.join(langs)}: {reason}" for reason, langs in missing.items())
        print(f"accords: Stanza models unusable in {models.model_dir()} ({why}); the rule-based "
              "annotator handles these languages (fetch models with: accords models download)",
              file=sys.stderr)
    return {lang: _chosen[lang] for lang in languages}


def _choose(lang: str, missing: dict[str, list[str]]) -> Annotator:
    if os.environ.get(ENV_MODE, "auto") == "rules" or lang not in models.load_spec().languages:
        _handled[lang] = RULES.name
        return RULES
    chosen, problem = models.check(lang, models.model_dir())
    if problem is None and os.environ.get(ENV_MODE, "auto") == "auto" \
            and models.read_choice(models.model_dir()).get(lang) == "rules":
        _handled[lang] = f"{RULES.name} (Stanza lowered F1: accords models choose)"
        return RULES
    if problem is None:
        from accords.extract.nlp_stanza import StanzaAnnotator

        try:
            annotator = StanzaAnnotator(lang, models.model_dir(), chosen)
        except Exception as exc:  # a corrupt or incompatible model: fall back, say why in one line
            problem = _one_line(exc)
        else:
            _handled[lang] = f"stanza ({', '.join(chosen)})"
            return annotator
    missing.setdefault(problem, []).append(lang)
    _handled[lang] = f"{RULES.name} (Stanza models missing)"
    return RULES


def annotate_docs(docs: Sequence[Document]) -> list[Annotation]:
    """Annotate ``docs``, batched per language, in document order."""
    chosen = annotators([d.language for d in docs])
    out: list[Annotation | None] = [None] * len(docs)
    for lang, annotator in chosen.items():
        idx = [i for i, d in enumerate(docs) if d.language == lang]
        batch = [docs[i] for i in idx]
        try:
            anns = annotator.annotate(batch)
        except Exception as exc:
            if annotator is RULES:
                raise
            print(f"accords: Stanza failed on {lang} ({_one_line(exc)}); the rule-based annotator "
                  "handles it", file=sys.stderr)
            _chosen[lang], _handled[lang] = RULES, f"{RULES.name} (Stanza failed)"
            anns = RULES.annotate(batch)
        for i, ann in zip(idx, anns, strict=True):
            out[i] = ann
    return [a for a in out if a is not None]


def _one_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def handled() -> dict[str, str]:
    """Which annotator handled each language so far in this process."""
    return dict(_handled)


def fingerprint(lang: str) -> str:
    """What annotating ``lang`` would depend on now (for caches), without loading a model."""
    if os.environ.get(ENV_MODE, "auto") == "rules" or lang not in models.load_spec().languages:
        return RULES.name
    chosen, problem = models.check(lang, models.model_dir())
    if problem is not None or (os.environ.get(ENV_MODE, "auto") == "auto"
                               and models.read_choice(models.model_dir()).get(lang) == "rules"):
        return RULES.name
    entry = models.lang_resources(models.read_resources(models.model_dir()) or {}, lang)
    return "stanza:" + ",".join(f"{p}={k}:{entry.get(p, {}).get(k, {}).get('md5', '')}"
                                for p, k in sorted(chosen.items()))


def reset() -> None:
    """Forget the chosen annotators (tests; a changed model directory)."""
    _chosen.clear()
    _handled.clear()
