"""The extraction cache: one JSON file per document under ``OUT/.cache/extract/``.

An entry's key hashes everything extraction depends on: the seed's bytes
(``Document.sha256``), its source id and language, ``EXTRACTOR_VERSION``, the
source of the extractor's modules, the lexicon of that language only, and the NLP
annotator that language gets (rules, or Stanza with its models' checksums). So a
lexicon change invalidates exactly its language's entries, and an edited
extractor invalidates everything. An entry that cannot be read back exactly
(truncated, edited, of another format) counts as a miss and is rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from accords import lexicon
from accords.extract import EXTRACTOR_VERSION
from accords.extract.nlp import fingerprint as annotator_fingerprint
from accords.factjson import FormatError, facts_from_json, facts_to_json, storable
from accords.memo import source_fingerprint
from accords.model import DocFacts, Document

FORMAT = 1
CACHE_DIR = ".cache"
# The modules whose code decides what extraction returns (and how it is stored).
_CODE = ("extract", "lexicon.py", "text.py", "names.py", "palladius.yml", "model.py", "models.py", "stanza.yml",
         "factjson.py", "publishers.yml")


@cache
def code_fingerprint() -> str:
    """Hash of the extractor's source files."""
    return source_fingerprint(*_CODE)


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    unreadable: int = 0


class ExtractCache:
    """Extraction results stored by content hash and extractor version."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stats = CacheStats()
        self._lexicons: dict[str, str] = {}

    def key(self, doc: Document) -> str:
        """The entry key of ``doc`` (hex sha256)."""
        lex = self._lexicons.get(doc.language)
        if lex is None:
            lex = self._lexicons[doc.language] = (  # the lexicon, and rules or which Stanza models
                lexicon.fingerprint(doc.language) + "|" + annotator_fingerprint(doc.language))
        parts = (str(FORMAT), EXTRACTOR_VERSION, code_fingerprint(), doc.language, lex, doc.source_id,
                 doc.sha256)
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, doc: Document) -> DocFacts | None:
        """The stored facts of ``doc``, or ``None`` (missing or unreadable entry)."""
        key = self.key(doc)
        try:
            raw = self.path(key).read_bytes()
        except FileNotFoundError:
            self.stats.misses += 1
            return None
        try:
            entry = json.loads(raw)
            if not isinstance(entry, dict) or entry.get("key") != key or entry.get("format") != FORMAT:
                raise FormatError("not an entry of this key and format")
            facts = facts_from_json(doc, entry["facts"])
        except (ValueError, KeyError, TypeError, RecursionError):  # JSON and format errors
            self.stats.unreadable += 1
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return facts

    def put(self, doc: Document, facts: DocFacts) -> None:
        """Store ``facts`` atomically (write a temporary file, then rename)."""
        if not storable(doc, facts):
            return  # extraction changed more of the document than an entry holds: never cache
        key = self.key(doc)
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"format": FORMAT, "key": key, "file": doc.file, "facts": facts_to_json(facts)}
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
