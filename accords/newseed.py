"""``accords new-seed``: write a correctly formed seed file from its metadata and text.

The file is rendered here, checked with the real loader (:func:`accords.documents.load_seed`)
in a scratch folder under its final name, compared with the seeds already there, and only
then created, never over an existing file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from accords.documents import load_seed, parse_front_matter, seed_paths

ORDER = ("title", "url", "outlet", "language", "published", "license")
"""Front-matter keys in the order they are written (as in seeds/README.md)."""


class NewSeedError(Exception):
    """The seed was not written; each message says what is wrong and how to fix it."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class SeedMeta:
    """What goes into the front matter; ``title`` and ``license`` are optional."""

    url: str
    outlet: str
    published: str
    language: str
    title: str | None = None
    license: str | None = None


def default_name(meta: SeedMeta) -> str:
    """``<published>-<outlet>-<8 hex of the url>.txt``, lower-case ASCII."""
    outlet = unicodedata.normalize("NFKD", meta.outlet).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", outlet).strip("-")[:30] or "outlet"
    digest = hashlib.sha1(meta.url.encode("utf-8")).hexdigest()[:8]
    return f"{meta.published}-{slug}-{digest}.txt"


def _real_date(value: str) -> bool:
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    try:
        datetime.strptime(value, formats.get(len(value), "?"))
    except ValueError:
        return False
    return True


def render(meta: SeedMeta, text: str) -> str:
    """The whole file: front matter, then the text with line ends normalised to ``\\n``."""
    body = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    lines = ["---"]
    for key in ORDER:
        value = getattr(meta, key)
        if value is None:
            continue
        if "\n" in value or "\r" in value:
            raise NewSeedError([f"{key}: must be one line"])
        plain = key in ("language", "published")
        lines.append(f"{key}: {value if plain else json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + body + "\n"


def check(name: str, content: str, seeds_dir: Path, meta: SeedMeta) -> list[str]:
    """Problems with the rendered seed: loader errors, metadata lost, duplicates."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(content, encoding="utf-8", newline="")
        doc, errors = load_seed(path, Path(tmp))
    problems = [str(e) for e in errors]
    if doc is None:
        return problems or [f"{name}: the loader rejected the seed"]
    wanted = {k: getattr(meta, k) for k in ORDER if getattr(meta, k) is not None}
    if doc.meta != wanted:
        problems.append(f"{name}: front matter read back as {doc.meta}, expected {wanted}")
    body = doc.text[doc.body_start :].strip()
    for other in seed_paths(seeds_dir) if seeds_dir.is_dir() else []:
        text = other.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
        other_meta, other_start, _ = parse_front_matter(other.name, text)
        if text[other_start:].strip() == body:
            problems.append(f"{name}: same text as {other.name}; the article is already a seed")
        elif other_meta.get("url") == meta.url:
            problems.append(f"{name}: {other.name} has the same url; the article is already a "
                            "seed (to correct it, add the new seed and remove the old one in "
                            "one change)")
    return problems


def new_seed(seeds_dir: Path, meta: SeedMeta, text: str, name: str | None = None) -> Path:
    """Write ``seeds_dir/<name>``; raise :class:`NewSeedError` and write nothing on a problem."""
    name = name or default_name(meta)
    if not name.endswith(".txt"):
        name += ".txt"
    target = seeds_dir / name
    if target.exists() or target.is_symlink():
        raise NewSeedError([f"{target} already exists; a seed is never overwritten "
                            "(pick another --name)"])
    if not _real_date(meta.published):  # before YAML, which fails on e.g. 2025-13-01
        raise NewSeedError([f"{name}: published {meta.published!r} is not a calendar date — "
                            "write it as e.g. 2025-12-03, 2025-12 or 2025"])
    content = render(meta, text)
    problems = check(name, content, seeds_dir, meta)
    if problems:
        raise NewSeedError(problems)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="") as handle:  # "x": never overwrite
        handle.write(content)
    return target


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``accords new-seed``."""
    p = sub.add_parser("new-seed", help="write a new seed file from its metadata and text",
                       description="Write seeds/<name>.txt with front matter from the options and "
                       "the article text from --text-file or standard input. Refuses to overwrite, "
                       "checks the file with the loader and prints the next steps.")
    p.add_argument("--url", required=True, help="where the article was published (http/https)")
    p.add_argument("--outlet", required=True, help="short name of the publisher, e.g. Trend")
    p.add_argument("--published", required=True,
                   help="publication date: YYYY-MM-DD, YYYY-MM or YYYY")
    p.add_argument("--language", required=True, help="ISO 639-1 code of the text, e.g. az, ru, uz")
    p.add_argument("--title", help="the headline as published (optional)")
    p.add_argument("--license", help="the text's licence, e.g. CC-BY-4.0 (optional)")
    p.add_argument("--text-file", type=Path, help="file holding the article text (default: stdin)")
    p.add_argument("--name", help="file name (default: <published>-<outlet>-<url hash>.txt)")
    p.add_argument("--seeds", type=Path, default=Path("seeds"),
                   help="seeds folder (default: seeds)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``accords new-seed`` with parsed arguments; return the exit status."""
    meta = SeedMeta(args.url.strip(), args.outlet.strip(), args.published.strip(),
                    args.language.strip(), args.title, args.license)
    if args.text_file is not None:
        text = args.text_file.read_text(encoding="utf-8")
    else:
        if sys.stdin.isatty():
            print("Paste the article text, then press Ctrl-D on a new line.", file=sys.stderr)
        text = sys.stdin.read()
    try:
        path = new_seed(args.seeds, meta, text, args.name)
    except NewSeedError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print("accords: the seed was not written", file=sys.stderr)
        return 2
    print(f"wrote {path}\nnext steps:\n"
          f"  .venv/bin/accords check {path}   # what the extractor finds, with quotes\n"
          "  make site && make serve   # look at the pages at http://localhost:8000\n"
          "  make test                 # then open a pull request with the new file")
    return 0
