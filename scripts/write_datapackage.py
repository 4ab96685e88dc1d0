"""Regenerate the repository's top-level ``datapackage.json`` (the published contract).

Run ``python scripts/write_datapackage.py`` after changing ``accords/schema.py``;
``tests/test_package.py`` fails while the file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from accords.package import write_root_datapackage  # noqa: E402
from accords.release import read_version  # noqa: E402


def main() -> None:
    """Write ``datapackage.json`` at the repository root and print its path."""
    print(write_root_datapackage(ROOT, read_version(ROOT)))


if __name__ == "__main__":
    main()
