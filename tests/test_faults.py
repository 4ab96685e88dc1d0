"""Faults (issue 7): a build that fails or is interrupted at any stage leaves the last good
build byte for byte as it was, and no temporary folder behind; a build makes no network
connection; missing optional parts degrade with a one-line notice.
"""

from __future__ import annotations

import errno
import importlib
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from snapshot import strays, tree

from accords.build import BuildError, build
from accords.cli import main as cli_main
from accords.site import SiteBuildError

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("Azerbaijani Defence Minister Zakir Hasanov met with the Minister of Defence of Uzbekistan "
           "Bakhodir Kurbanov in Baku on 3 December 2025.\n"
           "The ministers signed a military cooperation plan for 2026.\n")
SECOND = ("Uzbek Foreign Minister Bakhtiyor Saidov held talks with Kyrgyz Foreign Minister Jeenbek "
          "Kulubaev in Tashkent on 12 March 2025.\n")

# Every stage of `accords build`, by the name the runner calls it through.
STAGES = [
    ("load", "accords.build", "load_seeds"),
    ("curation", "accords.build", "load_curation"),
    ("extract", "accords.build", "extract_all"),
    ("resolve", "accords.build", "resolve"),
    ("tables", "accords.build", "build_tables"),
    ("overrides", "accords.build", "apply_overrides"),
    ("package write", "accords.build", "write_package"),
    ("validate", "accords.build", "validate_package"),
    ("pages", "accords.site", "render_pages"),
    ("site", "accords.site", "build_site"),
]


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete build (data and site) of two articles, copied by each test."""
    root = tmp_path_factory.mktemp("good")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    build(seeds, root / "build", site=True, repo=ROOT)
    (seeds / "b.txt").write_text(SECOND, encoding="utf-8")  # the next build has more to do
    return root


@pytest.fixture
def previous(good_build: Path, tmp_path: Path) -> Iterator[tuple[Path, Path, dict[str, bytes | str]]]:
    """(seeds, out, snapshot of out): a copy of the good build, ready to be rebuilt."""
    shutil.copytree(good_build / "seeds", tmp_path / "seeds")
    shutil.copytree(good_build / "build", tmp_path / "build", symlinks=True)
    out = tmp_path / "build"
    before = tree(out)
    assert "data/datapackage.json" in before and "site/index.html" in before
    yield tmp_path / "seeds", out, before


def _fail_after(real: Callable[..., object], exc: BaseException) -> Callable[..., object]:
    """The stage runs (writing what it writes), then fails."""
    def stage(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)
        raise exc
    return stage


@pytest.mark.parametrize("exc", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
                         ids=["disk-full", "interrupt"])
@pytest.mark.parametrize(("stage", "module", "name"), STAGES, ids=[s[0] for s in STAGES])
def test_a_failure_at_any_stage_leaves_the_last_build(
        monkeypatch: pytest.MonkeyPatch, previous: tuple[Path, Path, dict[str, bytes | str]],
        stage: str, module: str, name: str, exc: BaseException) -> None:
    seeds, out, before = previous
    mod = importlib.import_module(module)
    monkeypatch.setattr(mod, name, _fail_after(getattr(mod, name), exc))
    with pytest.raises(type(exc)):
        build(seeds, out, site=True, repo=ROOT)
    assert tree(out) == before, f"{stage}: the last good build changed"
    assert strays(out.parent, out.name) == [], stage


def test_a_package_that_does_not_validate_is_not_published(
        monkeypatch: pytest.MonkeyPatch, previous: tuple[Path, Path, dict[str, bytes | str]]) -> None:
    seeds, out, before = previous
    monkeypatch.setattr("accords.build.validate_package", lambda path, memo=None: ["sources: row 1: injected"])
    with pytest.raises(BuildError, match="does not validate"):
        build(seeds, out, site=True, repo=ROOT)
    assert tree(out) == before and strays(out.parent, out.name) == []


def test_a_failing_mkdocs_is_not_published(
        monkeypatch: pytest.MonkeyPatch, previous: tuple[Path, Path, dict[str, bytes | str]]) -> None:
    seeds, out, before = previous
    real = subprocess.run

    def run(cmd: list[str], *args: object, **kwargs: object) -> object:
        result = real(cmd, *args, **kwargs)  # type: ignore[call-overload]
        if "mkdocs" in cmd:  # mkdocs wrote a site, then "failed"
            return subprocess.CompletedProcess(cmd, 1, "", "injected: mkdocs failed")
        return result

    monkeypatch.setattr("accords.site.subprocess.run", run)
    with pytest.raises(SiteBuildError, match="injected"):
        build(seeds, out, site=True, repo=ROOT)
    assert tree(out) == before and strays(out.parent, out.name) == []


def test_a_swap_cut_off_between_its_renames_puts_the_last_build_back(
        monkeypatch: pytest.MonkeyPatch, previous: tuple[Path, Path, dict[str, bytes | str]]) -> None:
    seeds, out, before = previous
    real = Path.rename
    fresh = out.parent / ".build."

    def rename(self: Path, target: str | Path) -> Path:
        if str(self).startswith(str(fresh)) and self.name != ".build.old" and Path(target) == out:
            raise KeyboardInterrupt  # after build/ moved aside, before the new one moved in
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        build(seeds, out, site=False, repo=ROOT)
    monkeypatch.undo()
    assert tree(out) == before
    assert (out / ".cache").is_dir()  # the extraction cache came back with it
    assert strays(out.parent, out.name) == []


def test_an_interrupted_swap_found_later_is_recovered(
        previous: tuple[Path, Path, dict[str, bytes | str]]) -> None:
    """A build killed (SIGKILL, power cut) between the renames leaves .build.old and no build/:
    the next build starts from the last good one instead of deleting it."""
    seeds, out, before = previous
    out.rename(out.parent / ".build.old")
    (seeds / "b.txt").unlink()
    build(seeds, out, site=False, repo=ROOT)
    assert (out / "data" / "datapackage.json").read_bytes() != b""
    assert strays(out.parent, out.name) == []


def test_the_cli_reports_a_full_disk_without_a_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        previous: tuple[Path, Path, dict[str, bytes | str]]) -> None:
    seeds, out, before = previous
    monkeypatch.setattr("accords.build.write_package",
                        _fail_after(importlib.import_module("accords.build").write_package,
                                    OSError(errno.ENOSPC, "No space left on device")))
    assert cli_main(["build", "--seeds", str(seeds), "--out", str(out), "--no-site", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "build failed" in err and "left as it was" in err and "No space left on device" in err
    assert "Traceback" not in err
    assert tree(out) == before


# --- No network ----------------------------------------------------------------------------

BLOCK = '''
import socket

def _refuse(*args, **kwargs):
    raise OSError("network blocked by the test: " + repr(args[:2]))

_connect = socket.socket.connect

def _connect_local(self, address):
    if self.family == socket.AF_UNIX:
        return _connect(self, address)
    _refuse(self, address)

socket.socket.connect = _connect_local
socket.socket.connect_ex = _connect_local
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def test_a_full_build_makes_no_network_connection(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Sockets are blocked in this process and, through a sitecustomize, in every Python
    process it starts (mkdocs): the data package and the site still build."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCK, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(blocker))
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args[1:2])
        raise OSError("network blocked by the test")

    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)  # type: ignore[arg-type]
        refuse(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
                           capture_output=True, text=True, check=False)
    assert "network blocked by the test" in probe.stderr  # the child processes are blocked too
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = build(seeds, tmp_path / "build", site=True, repo=ROOT)
    assert (result.out / "data" / "datapackage.json").is_file()
    assert (result.out / "site" / "index.html").is_file()
    assert attempts == []


# --- Optional parts ------------------------------------------------------------------------


def _browser_tests_without_chromium(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    for helper in ("test_browser.py", "fixtures_data.py", "conftest.py"):
        if (ROOT / "tests" / helper).is_file():
            shutil.copy(ROOT / "tests" / helper, tmp_path / helper)
    environ = {k: v for k, v in os.environ.items() if k != "ACCORDS_REQUIRE_BROWSER"}
    environ.update(ACCORDS_CHROMIUM=str(tmp_path / "no-chromium"), **env)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                           "-o", "addopts=", "-m", "browser", str(tmp_path / "test_browser.py")],
                          capture_output=True, text=True, check=False, cwd=tmp_path, env=environ)


def test_without_chromium_the_browser_tests_skip_with_a_reason(tmp_path: Path) -> None:
    """Without a browser the browser tests are skipped, each with a one-line reason, and
    nothing fails."""
    result = _browser_tests_without_chromium(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout and " failed" not in result.stdout, result.stdout
    assert " skipped" in result.stdout and "passed" not in result.stdout, result.stdout
    reasons = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED")]
    assert reasons and all("not found (apt install chromium)" in line for line in reasons), result.stdout


def test_where_a_browser_is_required_its_absence_fails(tmp_path: Path) -> None:
    """CI sets ACCORDS_REQUIRE_BROWSER=1: a missing browser is then an error, never a quiet skip."""
    result = _browser_tests_without_chromium(tmp_path, ACCORDS_REQUIRE_BROWSER="1")
    assert result.returncode != 0, result.stdout
    assert "ACCORDS_REQUIRE_BROWSER=1 says the browser tests must run" in result.stdout
