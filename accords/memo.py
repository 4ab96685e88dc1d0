"""A build's small memo files: one JSON file of key → value per stage, under ``OUT/.cache/``.

The extraction cache keeps one file per document because an entry is large; what the
other stages remember of a document is small (its front matter and language; the ids
it would get resolved alone), so each such stage keeps all its entries in one file that
is read once at the start of a build and written once, atomically, at its end.

A memo is tied to a *version* string: the fingerprint of everything its values depend on
besides the key (the code that computes them, the lexicons). A file of another version or
format, or one that cannot be read, is an empty memo: its entries are recomputed, never
trusted. Only the entries a build used are written back, so the file does not grow with
seeds that have been removed.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

FORMAT = 1


def source_fingerprint(*names: str) -> str:
    """Hash of the named files or folders (their ``.py`` files) of the ``accords`` package."""
    root = resources.files("accords")
    h = hashlib.sha256()
    for name in names:
        node = root.joinpath(name)
        files = sorted((f for f in node.iterdir() if f.name.endswith(".py")), key=lambda f: f.name) \
            if node.is_dir() else [node]
        for f in files:
            h.update(f"{name}/{f.name}\x00".encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


class Memo:
    """Values by key, for one version of the code that computes them."""

    def __init__(self, path: Path | None, version: str) -> None:
        self.path = path
        self.version = version
        self.hits = 0
        self.misses = 0
        self._old: dict[str, Any] = self._read() if path is not None else {}
        self._new: dict[str, Any] = {}

    def _read(self) -> dict[str, Any]:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError, RecursionError):  # missing, truncated, not JSON
            return {}
        if (not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != self.version
                or not isinstance(data.get("entries"), dict)):
            return {}
        entries: dict[str, Any] = data["entries"]
        return entries

    def get(self, key: str) -> Any | None:
        """The stored value of ``key`` (kept for the next build), or ``None``."""
        if key in self._new:
            self.hits += 1
            return self._new[key]
        value = self._old.get(key)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        self._new[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self._new[key] = value

    def save(self) -> None:
        """Write the entries this build used (atomically: a temporary file, then a rename)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = {"format": FORMAT, "version": self.version, "entries": dict(sorted(self._new.items()))}
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.path)
