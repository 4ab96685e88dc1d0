"""Shared fixtures: one build of the repository's seeds per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The NLP layer: the rules, whatever Stanza models the user's cache holds, so that results
# do not depend on the machine; tests/test_stanza.py sets up Stanza itself.
os.environ.setdefault("ACCORDS_NLP", "rules")


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built into a temporary data folder (no site)."""
    from accords.build import build_data

    out = tmp_path_factory.mktemp("build") / "data"
    build_data(ROOT / "seeds", out, ROOT)
    return out
