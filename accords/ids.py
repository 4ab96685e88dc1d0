"""Content-derived, prefixed identifiers (``mtg-…``, ``agr-…``, ``per-…``, ``src-…``)."""

from __future__ import annotations

import hashlib


def make_id(prefix: str, *parts: object) -> str:
    """``prefix-`` + 12 hex digits of the SHA-1 of the parts; same parts, same id."""
    data = "".join(repr(part) + "\x1f" for part in parts)  # one update: the same bytes as one per part
    return f"{prefix}-{hashlib.sha1(data.encode('utf-8')).hexdigest()[:12]}"
