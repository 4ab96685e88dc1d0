"""What the benchmark ran on: CPU, cores, memory, Python, mkdocs, and how busy it was."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path


def describe() -> dict[str, str]:
    """The machine and software, as short strings for the Performance page."""
    load = os.getloadavg()
    return {
        "cpu": _cpu_model(),
        "cores": f"{len(os.sched_getaffinity(0))} usable of {os.cpu_count()}",
        "memory": _memory(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(terse=True),
        "mkdocs": f"mkdocs {_version('mkdocs')}, mkdocs-material {_version('mkdocs-material')}",
        "load": f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
    }


def load_average() -> float:
    """The one-minute load average (how busy the machine is right now)."""
    return os.getloadavg()[0]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 ** 2:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"
