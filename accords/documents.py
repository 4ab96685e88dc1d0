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
from urllib.parse import urlsplit

import yaml

from accords import lexicon
from accords.ids import make_id
from accords.memo import Memo
from accords.model import Document
from accords.names import transliterate
from accords.text import tokenize

MAX_BYTES = 1_000_000
"""Largest seed file accepted, in bytes (documented in seeds/README.md)."""
KNOWN_KEYS = ("title", "url", "outlet", "language", "published", "license")
_FILE_NAME = re.compile(r"[a-z0-9][a-z0-9_.\-]*\.txt")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # C0 controls but tab and line/page breaks
BINARY_CONTROL_SHARE = 0.01  # more control characters than this share of the text: not an article


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


def memo_version() -> str:
    """What a seed's front matter and detected language depend on besides its name and bytes."""
    from accords.memo import source_fingerprint

    return "|".join((source_fingerprint("documents.py", "text.py", "lexicon.py"), lexicon.fingerprint(),
                     str(yaml.__version__)))


def load_seeds(seeds_dir: Path, memo: Memo | None = None) -> tuple[list[Document], list[SeedError]]:
    """Load every seed; return documents and all problems (errors and warnings).

    With ``memo`` (of :func:`memo_version`), a seed whose name and bytes were loaded
    before takes its front matter, language and warnings from it instead of parsing
    the YAML and detecting the language again; every other check runs as usual."""
    docs: list[Document] = []
    problems: list[SeedError] = []
    seen: dict[str, str] = {}
    if not seeds_dir.is_dir():
        raise SeedErrors([SeedError(str(seeds_dir), None, "seeds directory not found",
                                    "pass --seeds DIR pointing at a folder of .txt files")])
    for path in seed_paths(seeds_dir):
        doc, errs = load_seed(path, seeds_dir, memo)
        problems.extend(errs)
        if doc is None:
            continue
        body = article_key(doc)
        if body in seen:
            problems.append(SeedError(path.name, None, f"same content as {seen[body]} (the article text is identical)",
                                      "delete one of the two files (the same article is one source)"))
            continue
        seen[body] = path.name
        docs.append(doc)
    return docs, problems


def article_key(doc: Document) -> str:
    """What makes two seeds the same article: the body text, blank edges and line ends aside."""
    body = doc.text[doc.body_start :].strip("\ufeff \t\n\r\v\f")
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def decode(raw: bytes) -> str:
    """The file's text exactly as ``Path.read_text(encoding="utf-8")`` gives it.

    A byte-order mark stays (as U+FEFF at offset 0); CRLF and lone CR line ends read as
    ``\\n``, as Python's universal newlines do. Citation offsets index this string.
    """
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def load_seed(path: Path, seeds_dir: Path | None = None,
              memo: Memo | None = None) -> tuple[Document | None, list[SeedError]]:
    """Read one seed; a document, or ``None`` and the reasons."""
    name = path.name
    errs: list[SeedError] = []
    if not _FILE_NAME.fullmatch(name):
        errs.append(SeedError(name, None, "file name must be lower-case ASCII letters, digits, "
                              "'_', '-' or '.', ending in .txt, and not start with '-' or '.'",
                              f"rename it, e.g. to {_suggest_name(name)}"))
    if path.is_symlink() and seeds_dir is not None:
        target = path.resolve()
        if seeds_dir.resolve() not in target.parents:
            errs.append(SeedError(name, None, f"symlink points outside the seeds folder ({target})",
                                  "copy the article into seeds/ instead of linking it"))
            return None, errs
    if not path.is_file():
        what = "does not exist" if not path.exists() else "is not a regular file"
        return None, [*errs, SeedError(name, None, f"{what}",
                                       "give the path of a .txt file holding one article")]
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [*errs, SeedError(name, None, f"file is {size:,} bytes, over the "
                                           f"{MAX_BYTES:,}-byte limit", "split the article or trim it")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [*errs, SeedError(name, None, f"cannot be read ({exc.strerror or exc})",
                                       "make the file readable")]
    if len(raw) > MAX_BYTES:  # grew since stat
        return None, [*errs, SeedError(name, None, f"file is {len(raw):,} bytes, over the "
                                       f"{MAX_BYTES:,}-byte limit", "split the article or trim it")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in raw:
        return None, [*errs, SeedError(name, 1, "file is UTF-16 text, not UTF-8",
                                       "re-save the file as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)")]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [*errs, SeedError(name, line, "file contains binary data (NUL bytes)",
                                       "save the article as plain UTF-8 text")]
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [*errs, SeedError(name, line, f"not valid UTF-8 (byte {exc.start}: {exc.reason})",
                                       "re-save the file as UTF-8")]
    controls = _CONTROL.findall(text)
    if len(controls) > BINARY_CONTROL_SHARE * len(text):
        return None, [*errs, SeedError(name, None, f"file looks binary ({len(controls):,} control "
                                       "characters)", "save the article as plain UTF-8 text")]
    if not text.strip("\ufeff \t\n\r\v\f"):
        return None, [*errs, SeedError(name, None, "file is empty or only whitespace",
                                       "paste the article text")]
    digest = hashlib.sha256(raw).hexdigest()
    remembered = _remembered(memo, name, digest)
    if remembered is not None:
        meta, body_start, language, warnings = remembered
        errs.extend(warnings)
    else:
        meta, body_start, meta_errs = parse_front_matter(name, text)
        errs.extend(meta_errs)
        language = ""
    if any(not e.warning for e in errs):
        return None, errs
    if not any(c.isalpha() for c in text[body_start:]):
        where = "after the front matter" if body_start else "(no letters at all)"
        return None, [*errs, SeedError(name, None, f"the article has no text {where}",
                                       "paste the article text" + (" below the closing ---" if body_start else ""))]
    if remembered is None:
        language = meta.get("language") or detect_language(text[body_start:])
        if memo is not None:
            memo.put(f"{name}\x00{digest}", {"meta": meta, "body_start": body_start, "language": language,
                                             "warnings": [[e.line, e.message, e.fix] for e in errs]})
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


def _remembered(memo: Memo | None, name: str, digest: str,
                ) -> tuple[dict[str, str], int, str, list[SeedError]] | None:
    """What the memo holds of this name and content, checked for shape (else ``None``)."""
    if memo is None:
        return None
    value = memo.get(f"{name}\x00{digest}")
    if not isinstance(value, dict):
        return None
    try:
        meta, body_start, language = value["meta"], value["body_start"], value["language"]
        warnings = [SeedError(name, line, message, fix, warning=True) for line, message, fix in value["warnings"]]
    except (TypeError, KeyError, ValueError):
        return None
    ok = (isinstance(meta, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in meta.items())
          and isinstance(body_start, int) and isinstance(language, str) and language)
    return (meta, body_start, language, warnings) if ok else None


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
        node = yaml.compose(block, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        return {}, body_start, [SeedError(name, line, f"front matter is not valid YAML "
                                          f"({getattr(exc, 'problem', None) or exc})",
                                          "write one 'key: value' per line; quote values with ':'")]
    except RecursionError:
        return {}, body_start, [SeedError(name, 2, "front matter is nested too deeply",
                                          "write one 'key: value' per line")]
    if node is None:
        return {}, body_start, []
    if not isinstance(node, yaml.MappingNode):
        return {}, body_start, [SeedError(name, node.start_mark.line + 2, "front matter must be "
                                          "'key: value' lines", "write one 'key: value' per line")]
    return _check_meta(name, node, body_start)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where installed: the same nodes, faster


def _scalar(node: yaml.Node) -> object:
    """The value of one YAML scalar node, typed as YAML reads it (int, date, str ...)."""
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def _check_meta(name: str, node: yaml.MappingNode, body_start: int
                ) -> tuple[dict[str, str], int, list[SeedError]]:
    errs: list[SeedError] = []
    meta: dict[str, str] = {}
    seen: set[str] = set()
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 2  # + 1: counted from 1; + 1: the opening ---
        if not isinstance(key_node, yaml.ScalarNode):
            errs.append(SeedError(name, line, "a front-matter key must be a plain word",
                                  f"use only {', '.join(KNOWN_KEYS)}"))
            continue
        key = key_node.value
        if key in seen:
            errs.append(SeedError(name, line, f"'{key}' is given twice", "keep one of the two lines"))
            continue
        seen.add(key)
        if key not in KNOWN_KEYS:
            errs.append(SeedError(name, line, f"unknown front-matter key {key[:40]!r} (ignored)",
                                  f"use only {', '.join(KNOWN_KEYS)}", warning=True))
            continue
        if not isinstance(value_node, yaml.ScalarNode):
            errs.append(SeedError(name, line, f"'{key}' must be a single text value, not a list "
                                  "or mapping", "write it as text, in double quotes"))
            continue
        try:
            value = _scalar(value_node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:  # e.g. 2025-02-30
            errs.append(SeedError(name, line, f"'{key}' has an impossible value "
                                  f"{value_node.value[:40]!r} ({exc})", "correct the value"))
            continue
        if value is None:
            continue  # "title:" with nothing after it: as if absent
        sval = value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else value
        if not isinstance(sval, (str, int)) or isinstance(sval, bool):
            errs.append(SeedError(name, line, f"'{key}' must be a text value, got "
                                  f"{value_node.value[:40]!r}", "write it as text, in double quotes"))
            continue
        sval = str(sval).strip()
        problem = _value_problem(key, sval)
        if problem is not None:
            errs.append(SeedError(name, line, *problem))
            continue
        meta[key] = sval
    return meta, body_start, errs


def _value_problem(key: str, value: str) -> tuple[str, str] | None:
    """(message, fix) when a known key's value is not acceptable."""
    if key == "url" and not _is_web_address(value):
        return (f"url must be an http(s) address, got {value[:80]!r}",
                "give the article's web address starting with https://")
    if key == "published" and not _is_date(value):
        return (f"published must be a real date written YYYY-MM-DD, YYYY-MM or YYYY, got {value[:40]!r}",
                "write the date as e.g. 2025-12-03")
    if key == "language" and value not in lexicon.available_languages():
        return (f"language {value[:20]!r} has no lexicon",
                f"use one of {', '.join(lexicon.available_languages())}")
    return None


def _is_web_address(value: str) -> bool:
    if any(c.isspace() or not c.isprintable() for c in value):
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(host) and value.startswith(parts.scheme + "://")


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    y, m, d = ([int(p) for p in value.split("-")] + [1, 1])[:3]
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def _suggest_name(name: str) -> str:
    """A file name the rules accept, close to ``name`` ("Maşq 2.TXT" → "mashq_2.txt")."""
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    ascii_stem = "".join(c if c.isascii() else transliterate(c, "ru" if "\u0400" <= c <= "\u04ff" else "az")
                         for c in stem.lower())
    clean = re.sub(r"[^a-z0-9_.\-]+", "_", ascii_stem.lower()).strip("_-.") or "article"
    return f"{clean}.txt"


def detect_language(text: str) -> str:
    """The lexicon language whose frequent words and letters best fit ``text``; letters the
    language never writes (``foreign_letters``: Kazakh ә, і in a Russian text) count against it."""
    sample = text[:20_000]
    low = sample.lower()
    words = [t.fold for t in tokenize(sample)]
    best, best_score = "en", -1.0
    for lang in lexicon.available_languages():
        lex = lexicon.load(lang)
        marks = lex.words("detect")
        letters = str(lex.value("letters", ""))
        foreign = str(lex.value("foreign_letters", ""))
        score = (sum(1 for w in words if w in marks) + 0.5 * sum(sample.count(c) for c in letters)
                 - 0.5 * sum(low.count(c) for c in foreign))
        if score > best_score:
            best, best_score = lang, score
    return best
