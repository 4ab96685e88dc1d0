"""The Stanza annotator: one pipeline per language and process, documents in batches.

Loading never downloads: ``download_method=None``, an explicit model directory,
the processors :func:`accords.models.check` found complete, and ``HF_HUB_OFFLINE``.
Stanza reads each document's body (after the front matter); every offset it gives
is shifted by ``body_start`` so that ``doc.text[start:end]`` is the token, and a
token whose slice differs (a normalised character) is left out.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from accords.extract.nlp import Annotation, Entity, Word
from accords.model import Document

BATCH = 16  # documents per pipeline call


class StanzaAnnotator:
    """Stanza's tokenizer, lemmatizer and NER for one language."""

    name = "stanza"

    def __init__(self, lang: str, directory: Path, processors: dict[str, str]) -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"  # before huggingface_hub is imported: builds never download
        import stanza

        self.lang = lang
        self._stanza = stanza
        self.pipeline = stanza.Pipeline(lang, dir=str(directory), processors=dict(processors),
                                        package=None, download_method=None, logging_level="ERROR")

    def annotate(self, docs: Sequence[Document]) -> list[Annotation]:
        out: list[Annotation] = []
        for k in range(0, len(docs), BATCH):
            batch = docs[k : k + BATCH]
            inputs = [self._stanza.Document([], text=d.text[d.body_start :]) for d in batch]
            done = self.pipeline(inputs) if inputs else []
            out.extend(_annotation(d, sd) for d, sd in zip(batch, done, strict=True))
        return out


def _annotation(doc: Document, sdoc: Any) -> Annotation:
    """Stanza's sentences, tokens (their first word's lemma and parse) and entities, at the
    seed's offsets; a token whose text is not the seed's slice is left out, with its arcs."""
    base, text = doc.body_start, doc.text
    sentences: list[tuple[int, int]] = []
    words: list[Word] = []
    for sent in sdoc.sentences:
        toks = [t for t in sent.tokens if text[base + t.start_char : base + t.end_char] == t.text]
        if not toks:
            continue
        sentences.append((base + toks[0].start_char, base + toks[-1].end_char))
        first = len(words)
        index = {t.words[0].id: first + k for k, t in enumerate(toks) if t.words}  # word id → our index
        of_word = {w.id: t.words[0].id for t in toks for w in t.words}  # a multi-word token's words → its first
        for t in toks:
            w = t.words[0] if t.words else None
            head_id = getattr(w, "head", None) if w is not None else None
            head = index.get(of_word.get(head_id, -1), -1) if head_id else -1
            deprel = getattr(w, "deprel", None) if w is not None else None
            words.append(Word(base + t.start_char, base + t.end_char, t.text,
                              (w.lemma if w is not None else None) or None, head, deprel))
    entities = tuple(Entity(base + e.start_char, base + e.end_char, e.type) for e in sdoc.ents
                     if text[base + e.start_char : base + e.end_char] == e.text)
    return Annotation(StanzaAnnotator.name, tuple(sentences), tuple(words), entities)
