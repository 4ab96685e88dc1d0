"""End to end: the repository's seeds, built and scored against the gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from accords.evaluate import evaluate, format_report

ROOT = Path(__file__).resolve().parent.parent

GOLD = ROOT / "tests" / "gold"


def test_seeds_score_one_everywhere(seeds_build: Path) -> None:
    report = evaluate(GOLD / "seeds", seeds_build, ROOT / "seeds")
    for score in report.scores.values():
        assert (score.precision, score.recall) == (1.0, 1.0), format_report(report)
    assert report.citations_ok == report.citations_total > 0


def test_dev_corpus_has_no_false_signing(seeds_build: Path) -> None:
    report = evaluate(GOLD / "dev", seeds_build, ROOT / "seeds")
    print(format_report(report))
    assert report.false_signings == 0


def test_every_citation_slices_the_seed(seeds_build: Path) -> None:
    sources = {}
    for line in (seeds_build / "sources.csv").read_text(encoding="utf-8").splitlines()[1:]:
        sid, file = line.split(",")[:2]
        sources[sid] = (ROOT / "seeds" / file).read_text(encoding="utf-8")
    import pyarrow.parquet as pq

    rows = pq.read_table(seeds_build / "citations.parquet").to_pylist()
    assert rows
    for r in rows:
        assert sources[r["source_id"]][r["start"] : r["end"]] == r["quote"]


def test_frictionless_validate_passes(seeds_build: Path) -> None:
    cli = Path(sys.executable).parent / "frictionless"
    result = subprocess.run([str(cli), "validate", str(seeds_build / "datapackage.json")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_declares_v2_and_keys(seeds_build: Path) -> None:
    desc = json.loads((seeds_build / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["$schema"].endswith("/2.0/datapackage.json")
    meetings = next(r for r in desc["resources"] if r["name"] == "participants")
    assert meetings["schema"]["primaryKey"] and meetings["schema"]["foreignKeys"]


def test_rebuild_is_byte_identical_and_ids_stable(tmp_path: Path, seeds_build: Path) -> None:
    from accords.build import build_data

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        if p.name != "002_6ae4727e16493b4e.txt":  # an unrelated seed removed
            (seeds / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "data"
    build_data(seeds, out, ROOT)
    full = (seeds_build / "meetings.csv").read_text(encoding="utf-8").splitlines()[1:]
    part = (out / "meetings.csv").read_text(encoding="utf-8").splitlines()[1:]
    full_ids = {r.split(",")[0] for r in full}
    assert {r.split(",")[0] for r in part} < full_ids  # every remaining id unchanged
    again = tmp_path / "again"
    build_data(ROOT / "seeds", again, ROOT)
    for f in sorted(seeds_build.iterdir()):
        assert (again / f.name).read_bytes() == f.read_bytes(), f.name


def test_cli_commands_have_help() -> None:
    for cmd in ([], ["build"], ["evaluate"], ["check"]):
        result = subprocess.run([sys.executable, "-m", "accords.cli", *cmd, "--help"], capture_output=True,
                                text=True, check=False, cwd=ROOT)
        assert result.returncode == 0 and "usage" in result.stdout


def test_site_builds_strict(tmp_path: Path) -> None:
    from accords.build import build

    result = build(ROOT / "seeds", tmp_path / "out", site=True, repo=ROOT)
    site = result.out / "site"
    assert (site / "index.html").is_file()
    assert any((site / "agreements").rglob("index.html"))


def test_failed_build_leaves_previous_output(tmp_path: Path) -> None:
    from accords.build import build
    from accords.documents import SeedErrors

    out = tmp_path / "out"
    out.mkdir()
    (out / "marker").write_text("previous build")
    bad = tmp_path / "seeds"
    bad.mkdir()
    (bad / "bad.txt").write_bytes(b"\xff\xfe")
    try:
        build(bad, out, site=False, repo=ROOT)
    except SeedErrors:
        pass
    assert (out / "marker").read_text() == "previous build"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]
