"""The state of an article's publisher, from the host of its ``url`` (data: ``publishers.yml``).

An English or Russian article names offices without a state where its publisher's own
officials are meant ("President Ilham Aliyev received …" on an Azerbaijani site); such
languages' lexicons have no ``home_country``, so the publisher's state stands in for it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import yaml

PUBLISHERS_FILE = "publishers.yml"


@cache
def _tables() -> tuple[dict[str, str], dict[str, str | None]]:
    data = _data()
    domains = {str(k).lower(): str(v) for k, v in (data.get("domains") or {}).items()}
    hosts = {str(k).lower(): (None if v is None else str(v)) for k, v in (data.get("hosts") or {}).items()}
    return domains, hosts


@cache
def _data() -> dict[str, Any]:
    data = yaml.safe_load(resources.files("accords").joinpath(PUBLISHERS_FILE).read_text(encoding="utf-8")) or {}
    return data if isinstance(data, dict) else {}


HEAD_CHARS = 400  # where an agency signs its copy: the dateline and the first lines


@cache
def _agencies() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {str(k): str(v) for k, v in (_data().get("agencies") or {}).items()}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)" if names else r"(?!x)x"), names


def agency_state(text: str, start: int = 0) -> str | None:
    """The state of the agency whose name signs the copy ("ASTANA. KAZINFORM –", "(Trend)")
    in the first lines of the body from ``start``, if one is listed."""
    pattern, names = _agencies()
    found = pattern.search(text, start, start + HEAD_CHARS)
    return names[found.group(0)] if found else None


def publisher_state(url: str) -> str | None:
    """The publisher's state for ``url``: a listed host (or a parent domain of it), else the
    state of its country-code domain; ``None`` when neither says."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    domains, hosts = _tables()
    for i in range(len(labels) - 1):
        name = ".".join(labels[i:])
        if name in hosts:
            return hosts[name]
    return domains.get(labels[-1])
