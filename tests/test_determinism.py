"""Determinism (issue 7): builds of the same seeds give byte-identical data files and
datapackage.json, whatever the file-system order, PYTHONHASHSEED, locale, time zone or
number of processes."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1764720000"  # SOURCE_DATE_EPOCH, the same for every build


def _locales() -> set[str]:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return set()
    return {line.strip() for line in out.splitlines()}


def _english() -> str:
    """en_US.UTF-8 where the machine has it (it is not installed everywhere), else plain C."""
    have = {name.lower().replace("-", "") for name in _locales()}
    return "en_US.UTF-8" if "en_us.utf8" in have else "C"


def _copy_seeds(dest: Path, order: list[Path]) -> Path:
    """The repository's seeds, created one by one in ``order`` (directory order follows)."""
    dest.mkdir(parents=True)
    for path in order:
        (dest / path.name).write_bytes(path.read_bytes())
    return dest


def _build(tmp: Path, name: str, order: list[Path], env: dict[str, str], jobs: int) -> Path:
    seeds = _copy_seeds(tmp / name / "seeds", order)
    out = tmp / name / "build"
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "TZ", "PYTHONHASHSEED"))}
    full_env.update(env, SOURCE_DATE_EPOCH=EPOCH)
    result = subprocess.run([sys.executable, "-m", "accords.cli", "build", "--no-site", "--seeds", str(seeds),
                             "--out", str(out), "--jobs", str(jobs)],
                            capture_output=True, text=True, check=False, cwd=ROOT, env=full_env)
    assert result.returncode == 0, result.stderr
    return out / "data"


@pytest.mark.slow
def test_builds_are_byte_identical_across_order_hash_seed_locale_and_time_zone(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    shuffled = seeds[:]
    random.Random(7).shuffle(shuffled)
    builds = {
        "sorted, C.UTF-8, UTC": _build(tmp_path, "a", seeds, {
            "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC"}, jobs=1),
        f"reversed, {_english()}, Asia/Baku": _build(tmp_path, "b", seeds[::-1], {
            "PYTHONHASHSEED": "4242", "LC_ALL": _english(), "LANG": _english(), "TZ": "Asia/Baku"}, jobs=2),
        "shuffled, C, Los Angeles": _build(tmp_path, "c", shuffled, {
            "PYTHONHASHSEED": "random", "LC_ALL": "C", "LANG": "C", "TZ": "America/Los_Angeles"}, jobs=1),
    }
    (first_name, first), *others = builds.items()
    names = sorted(p.name for p in first.iterdir())
    assert "datapackage.json" in names and any(n.endswith(".csv") for n in names) and any(
        n.endswith(".parquet") for n in names)
    for name, data in others:
        assert sorted(p.name for p in data.iterdir()) == names, name
        for file in names:
            assert (data / file).read_bytes() == (first / file).read_bytes(), f"{file}: {name} ≠ {first_name}"


def test_the_seed_order_is_the_sorted_file_names(tmp_path: Path) -> None:
    from accords.documents import seed_paths

    names = ["b.txt", "a.txt", "ä.txt", "B.txt", "10.txt", "9.txt"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in seed_paths(tmp_path)] == sorted(names)  # code points, not the locale
