"""Content-derived, prefixed identifiers (``mtg-…``, ``agr-…``, ``per-…``, ``src-…``)."""

from __future__ import annotations

import hashlib


def make_id(prefix: str, *parts: object) -> str:
    """``prefix-`` + 12 hex digits of the SHA-1 of the parts; same parts, same id."""
    h = hashlib.sha1()
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x1f")
    return f"{prefix}-{h.hexdigest()[:12]}"
