"""Which seed licences allow Accords to republish an article's full text.

The list is data (licences.yml beside this module); :func:`allows_full_text` is the one
question the tables and the pages ask of it.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

import yaml

LICENCES_FILE = Path(__file__).with_name("licences.yml")


@cache
def permissive_patterns() -> tuple[str, ...]:
    """The patterns of licences.yml, upper-cased."""
    data = yaml.safe_load(LICENCES_FILE.read_text(encoding="utf-8")) or {}
    return tuple(str(p).strip().upper() for p in data.get("permissive", []) if str(p).strip())


def allows_full_text(license_id: object) -> bool:
    """True when the front-matter `license` is one under which the full text may be shown."""
    if not isinstance(license_id, str) or not license_id.strip():
        return False
    value = license_id.strip().upper()
    return any(fnmatchcase(value, pattern) for pattern in permissive_patterns())
