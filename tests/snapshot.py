"""Helpers for tests that must prove a folder did not change: a byte-exact snapshot."""

from __future__ import annotations

from pathlib import Path

# The extraction cache (OUT/.cache) is a side store that a build may fill before it fails;
# it holds no published file, so "the last good build" is everything else.
SIDE_STORES = frozenset({".cache"})


def tree(root: Path, *, skip: frozenset[str] = SIDE_STORES) -> dict[str, bytes | str]:
    """Every file (its bytes), symlink (its target) and folder (``"<dir>"``) below ``root``."""
    out: dict[str, bytes | str] = {}
    if not root.exists():
        return out
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] in skip:
            continue
        if path.is_symlink():
            out[str(rel)] = f"-> {path.readlink()}"
        elif path.is_dir():
            out[str(rel)] = "<dir>"
        else:
            out[str(rel)] = path.read_bytes()
    return out


def strays(parent: Path, name: str) -> list[str]:
    """Temporary build folders (``.NAME.*``) left beside OUT."""
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{name}."))
