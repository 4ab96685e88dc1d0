"""Content-derived, prefixed identifiers (``mtg-…``, ``agr-…``, ``per-…``, ``src-…``)."""

from __future__ import annotations

import hashlib


def make_id(prefix: str, *parts: object) -> str:
    """``prefix-`` + 12 hex digits of the SHA-1 of the parts; same parts, same id."""
    data = "\x1f".join(map(repr, parts)) + "\x1f" if parts else ""  # the bytes of one update per part
    return f"{prefix}-{hashlib.sha1(data.encode('utf-8')).hexdigest()[:12]}"
