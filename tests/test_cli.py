"""Every ``accords`` command has help text (found from ``accords --help``, not listed by hand)."""

from __future__ import annotations

import re

import pytest

from accords.cli import main


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as info:
        main([*args, "--help"])
    assert info.value.code == 0
    return capsys.readouterr().out


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    top = _help(capsys)
    match = re.search(r"\{([a-z,\-]+)\}", top)
    assert match, top
    commands = match.group(1).split(",")
    assert {"build", "check", "diff", "evaluate", "new-seed"} <= set(commands)
    for command in commands:
        assert re.search(rf"^\s+{re.escape(command)}\s+\S", top, re.MULTILINE), \
            f"{command} has no one-line help in `accords --help`"
        text = _help(capsys, command)
        assert text.startswith(f"usage: accords {command}"), text
        description = text.split("\n\n")[1]
        assert len(description.strip()) > 20, f"accords {command} --help has no description"
