"""Seeds → :class:`Document`: the file's text exactly as read, metadata, language.

The text is ``Path(seed).read_text(encoding="utf-8")`` unchanged, front matter
included, so every citation offset indexes the file as anyone will read it.
Problems are collected as :class:`SeedError` (file, line, message, fix) and
reported together.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from accords import lexicon
from accords.ids import make_id
from accords.model import Document
from accords.text import fold, tokenize

MAX_BYTES = 1_000_000
KNOWN_KEYS = ("title", "url", "outlet", "language", "published", "license")
_FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.\-]*\.txt$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class SeedError:
    """One problem with one seed file."""

    file: str
    line: int | None
    message: str
    fix: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        level = "warning" if self.warning else "error"
        return f"{where}: {level}: {self.message} — {self.fix}"


class SeedErrors(Exception):
    """Raised with every error found in a run."""

    def __init__(self, errors: list[SeedError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def seed_paths(seeds_dir: Path) -> list[Path]:
    """Seed files of a directory in a fixed order (README.md and dotfiles ignored)."""
    return sorted(
        (p for p in seeds_dir.iterdir() if p.suffix == ".txt" and not p.name.startswith(".")),
        key=lambda p: p.name,
    )


def load_seeds(seeds_dir: Path) -> tuple[list[Document], list[SeedError]]:
    """Load every seed; return documents and all problems (errors and warnings)."""
    docs: list[Document] = []
    problems: list[SeedError] = []
    seen: dict[str, str] = {}
    if not seeds_dir.is_dir():
        raise SeedErrors([SeedError(str(seeds_dir), None, "seeds directory not found",
                                    "pass --seeds DIR pointing at a folder of .txt files")])
    for path in seed_paths(seeds_dir):
        doc, errs = load_seed(path, seeds_dir)
        problems.extend(errs)
        if doc is None:
            continue
        if doc.sha256 in seen:
            problems.append(SeedError(path.name, None, f"same content as {seen[doc.sha256]}",
                                      "delete one of the two files"))
            continue
        seen[doc.sha256] = path.name
        docs.append(doc)
    return docs, problems


def load_seed(path: Path, seeds_dir: Path | None = None) -> tuple[Document | None, list[SeedError]]:
    """Read one seed; a document, or ``None`` and the reasons."""
    name = path.name
    errs: list[SeedError] = []
    if not _FILE_NAME.match(name):
        errs.append(SeedError(name, None, "file name must be lower-case ASCII letters, digits, "
                              "'_', '-' or '.', ending in .txt, and not start with '-'",
                              f"rename it, e.g. to {_suggest_name(name)}"))
    if path.is_symlink() and seeds_dir is not None:
        target = path.resolve()
        if seeds_dir.resolve() not in target.parents:
            errs.append(SeedError(name, None, f"symlink points outside the seeds folder ({target})",
                                  "copy the article into seeds/ instead of linking it"))
            return None, errs
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, [*errs, SeedError(name, None, f"file is {len(raw):,} bytes, over the "
                                       f"{MAX_BYTES:,}-byte limit", "split the article or trim it")]
    if b"\x00" in raw:
        return None, [*errs, SeedError(name, None, "file contains binary data (NUL bytes)",
                                       "save the article as plain UTF-8 text")]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [*errs, SeedError(name, line, f"not valid UTF-8 (byte {exc.start})",
                                       "re-save the file as UTF-8")]
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        return None, [*errs, SeedError(name, None, "file is empty", "paste the article text")]
    meta, body_start, meta_errs = parse_front_matter(name, text)
    errs.extend(meta_errs)
    if any(not e.warning for e in errs):
        return None, errs
    if not text[body_start:].strip():
        return None, [*errs, SeedError(name, None, "the article has no text after the front matter",
                                       "paste the article text below the closing ---")]
    language = meta.get("language") or detect_language(text[body_start:])
    digest = hashlib.sha256(raw).hexdigest()
    doc = Document(
        source_id=make_id("src", path.stem),
        file=name,
        path=path,
        text=text,
        body_start=body_start,
        language=language,
        meta=meta,
        sha256=digest,
    )
    return doc, errs


def parse_front_matter(name: str, text: str) -> tuple[dict[str, str], int, list[SeedError]]:
    """Front matter between leading ``---`` lines: (metadata, offset of the body, problems)."""
    start = 1 if text.startswith("\ufeff") else 0
    if not text.startswith("---\n", start):
        return {}, 0, []
    end = text.find("\n---\n", start + 3)
    if end == -1:
        if text.endswith("\n---", start):
            end = len(text) - 4
        else:
            return {}, 0, [SeedError(name, 1, "front matter starts with --- but never closes",
                                     "add a line '---' after the last key")]
    block = text[start + 4 : end + 1]
    body_start = min(len(text), end + 5)
    try:
        data = yaml.load(block, Loader=_FrontMatterLoader) or {}  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        return {}, body_start, [SeedError(name, line, f"front matter is not valid YAML "
                                          f"({getattr(exc, 'problem', exc)})",
                                          "write one 'key: value' per line; quote values with ':'")]
    if not isinstance(data, dict):
        return {}, body_start, [SeedError(name, 2, "front matter must be 'key: value' lines",
                                          "write one 'key: value' per line")]
    return _check_meta(name, text, data, body_start)


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text: the loader checks them itself, so an
    impossible date ("2025-13-01") gets a clear error instead of a YAML crash."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_scalar)  # type: ignore[arg-type]


def _real_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _check_meta(name: str, text: str, data: dict[object, object],
                body_start: int) -> tuple[dict[str, str], int, list[SeedError]]:
    errs: list[SeedError] = []
    meta: dict[str, str] = {}
    for key, value in data.items():
        line = _key_line(text, str(key))
        if key not in KNOWN_KEYS:
            errs.append(SeedError(name, line, f"unknown front-matter key '{key}' (ignored)",
                                  f"use only {', '.join(KNOWN_KEYS)}", warning=True))
            continue
        sval = value.isoformat() if hasattr(value, "isoformat") else value
        if not isinstance(sval, (str, int)) or isinstance(sval, bool):
            errs.append(SeedError(name, line, f"'{key}' must be a text value", "write it as text"))
            continue
        sval = str(sval).strip()
        if key == "url" and not re.match(r"^https?://[^\s]+$", sval):
            errs.append(SeedError(name, line, f"url must be an http(s) address, got {sval!r}",
                                  "give the article's web address starting with https://"))
            continue
        if key == "published" and not (_DATE.match(sval) and _real_date(sval)):
            errs.append(SeedError(name, line, f"published must be YYYY-MM-DD, YYYY-MM or YYYY, "
                                  f"got {sval!r}", "write the date as e.g. 2025-12-03"))
            continue
        if key == "language" and sval not in lexicon.available_languages():
            errs.append(SeedError(name, line, f"language {sval!r} has no lexicon",
                                  f"use one of {', '.join(lexicon.available_languages())}"))
            continue
        meta[str(key)] = sval
    return meta, body_start, errs


def _key_line(text: str, key: str) -> int:
    for i, line in enumerate(text.split("\n")[:50], start=1):
        if line.startswith(f"{key}:"):
            return i
    return 1


def _suggest_name(name: str) -> str:
    stem = re.sub(r"[^a-z0-9_.\-]+", "_", fold(name.rsplit(".", 1)[0]).encode("ascii", "ignore")
                  .decode()).strip("_-.") or "article"
    return f"{stem}.txt"


def detect_language(text: str) -> str:
    """The lexicon language whose frequent words and letters best fit ``text``."""
    sample = text[:20_000]
    words = [t.fold for t in tokenize(sample)]
    best, best_score = "en", -1.0
    for lang in lexicon.available_languages():
        lex = lexicon.load(lang)
        marks = lex.words("detect")
        letters = str(lex.value("letters", ""))
        score = sum(1 for w in words if w in marks) + 0.5 * sum(sample.count(c) for c in letters)
        if score > best_score:
            best, best_score = lang, score
    return best
