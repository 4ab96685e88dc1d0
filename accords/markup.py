"""Escaping for the generated Markdown: every data value is untrusted.

`md_text` turns HTML- and Markdown-special characters into numeric entities, so a title
like `<script>` or `[x](javascript:…)` shows literally and parses as nothing. Snippets of
markup are built from `checked` ids and escaped values and passed on as Markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from markupsafe import Markup

ID_PATTERNS = {
    "sources": r"src-[0-9a-f]{12}",
    "meetings": r"mtg-[0-9a-f]{12}",
    "agreements": r"agr-[0-9a-f]{12}",
    "people": r"per-[0-9a-f]{12}",
    "citations": r"cit-[0-9a-f]{12}",
    "countries": r"[A-Z]{2}",
    "data": r"[A-Za-z0-9_-][A-Za-z0-9_.-]*",
}
_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_[]{}()#|!~^"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"[^\S\xa0]+")
_LEADING = re.compile(r"^(?:([-+=])|(\d+)([.)]))")


def md_text(value: object) -> Markup:
    """A data value as inert Markdown/HTML text: it shows literally and parses as nothing."""
    if value is None:
        return Markup("")
    text = _SPACE.sub(" ", _CONTROL.sub("\ufffd", str(value))).translate(_ENTITIES)
    text = _LEADING.sub(lambda m: f"&#{ord(m[1])};" if m[1] else f"{m[2]}&#{ord(m[3])};", text)
    return Markup(text)


def checked(kind: str, key: str) -> str:
    """`key` if it is a well-formed id of `kind` (so safe in a path, URL or anchor)."""
    if not re.fullmatch(ID_PATTERNS[kind], key):
        raise ValueError(f"malformed {kind} id in published data: {key!r}")
    return key


def human(value: object) -> str:
    """A code as words: ``role_en`` → ``role en``, ``phone_call`` → ``phone call``."""
    return str(value).replace("_", " ")


def finalize(value: object) -> Markup:
    return value if isinstance(value, Markup) else md_text(value)


def join(items: Iterable[object], sep: str = ", ") -> Markup:
    return Markup(sep).join(finalize(item) for item in items)


def yaml_str(value: object) -> Markup:
    """A front-matter string holding the escaped text.

    Material prints `page.meta.title` as is in <title> and the header; without it, it
    runs the h1 through `striptags`, which decodes entities (a `</title>` breakout).
    """
    return Markup(json.dumps(str(md_text(value)), ensure_ascii=False))


def weblink(url: str) -> Markup:
    """An external link if `url` is http(s), else the text itself (never a live link)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return md_text(url)
    return Markup(f'<a href="{md_text(url)}" rel="nofollow noopener noreferrer">{md_text(url)}</a>')


def plural(count: int, word: str) -> str:
    """`1 meeting`, `2 meetings`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
