"""Pictures for the site, drawn at build time as inline SVG (no JavaScript, no CDN).

Two pictures: a timeline of meetings and agreements (per country and overall) and a
network of states whose edges are weighted by the meetings and agreements they share.
Every mark links to the page behind it and carries a <title> (its tooltip and accessible
name); the <svg> has role="img" and a title and description, and each page puts a table
of the same facts beside it. Output is a pure function of the input: same data, same
bytes. Text is escaped here (markup.md_text), as the SVG goes into the Markdown as a
raw HTML block.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from accords.markup import md_text

WIDTH = 760
LANE_LABEL = 96  # left margin holding the lane names
RIGHT = 16
STEP = 11  # vertical distance between stacked marks
RADIUS = 4.5
MAX_STACK = 8  # marks per lane and time bucket; more become "+N"
MAX_BUCKETS = 60
BUCKET_MONTHS = (1, 3, 6, 12, 24, 60, 120)
COLOURS = {"meetings": "#3949ab", "agreements": "#e65100"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def esc(value: object) -> str:
    """Text or attribute value for raw HTML: the site's one escape (numeric entities)."""
    return str(md_text(value))


def href(url: str) -> str:
    """An href value: HTML-escaped, but `#` and `/` kept readable."""
    return escape(url, quote=True)


def _num(x: float) -> str:
    """A coordinate with one decimal, no trailing zero (deterministic formatting)."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Mark:
    """One meeting or agreement on the timeline."""

    date: str
    label: str
    href: str


@dataclass(frozen=True)
class Lane:
    """A row of the timeline: meetings or agreements."""

    kind: str  # "meetings" or "agreements": colour and shape
    name: str
    marks: tuple[Mark, ...]
    more_href: str  # where "+N" (an over-full time bucket) leads


def month_index(date: str) -> tuple[int, bool] | None:
    """(months since year 0, True if the date gives only a year), or None if not a date."""
    m = _DATE.match(date or "")
    if m is None:
        return None
    year, month = int(m[1]), int(m[2] or 7)  # a year alone sits at its middle
    if not 1 <= month <= 12:
        return None
    return year * 12 + month - 1, m[2] is None


def _shape(kind: str, x: float, y: float, hollow: bool) -> str:
    colour = COLOURS.get(kind, "#555")
    fill = "#fff" if hollow else colour
    paint = f'fill="{fill}" stroke="{colour}" stroke-width="1.5"'
    if kind == "agreements":
        r = RADIUS + 0.8
        corners = ((x, y - r), (x + r, y), (x, y + r), (x - r, y))
        points = " ".join(f"{_num(a)},{_num(b)}" for a, b in corners)
        return f'<polygon points="{points}" {paint}/>'
    return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(RADIUS)}" {paint}/>'


def timeline(lanes: Sequence[Lane], *, title: str, description: str, chart_id: str) -> Markup:
    """The lanes on one time axis; each mark a link. Empty Markup when nothing is dated."""
    dated = [
        (lane, mark, pos)
        for lane in lanes
        for mark in lane.marks
        if (pos := month_index(mark.date)) is not None
    ]
    if not dated:
        return Markup("")
    first = min(pos[0] for _, _, pos in dated) // 12
    last = max(pos[0] for _, _, pos in dated) // 12
    months = (last - first + 1) * 12
    size = next((s for s in BUCKET_MONTHS if months / s <= MAX_BUCKETS), BUCKET_MONTHS[-1])
    buckets = math.ceil(months / size)
    plot = WIDTH - LANE_LABEL - RIGHT
    width = plot / buckets
    stacks: dict[tuple[str, int], list[tuple[Mark, bool]]] = defaultdict(list)
    for lane, mark, (index, year_only) in dated:
        stacks[lane.name, (index - first * 12) // size].append((mark, year_only))
    heights = {
        lane.name: min(
            MAX_STACK, max((len(v) for (n, _), v in stacks.items() if n == lane.name), default=1)
        )
        for lane in lanes
    }
    top = 26
    body: list[str] = []
    y0 = top
    for lane in lanes:
        height = heights[lane.name] * STEP + 14
        base = y0 + height - 9
        body.append(
            f'<text class="lane" x="{LANE_LABEL - 10}" y="{_num(base + 4)}" text-anchor="end">'
            f"{esc(lane.name)}</text>"
        )
        body.append(
            f'<line x1="{LANE_LABEL}" x2="{WIDTH - RIGHT}" y1="{_num(base + 9)}" '
            f'y2="{_num(base + 9)}" stroke="#ccc"/>'
        )
        for bucket in range(buckets):
            items = sorted(
                stacks.get((lane.name, bucket), []), key=lambda i: (i[0].date, i[0].label)
            )
            x = LANE_LABEL + (bucket + 0.5) * width
            for i, (mark, year_only) in enumerate(items):
                y = base - i * STEP
                if i == MAX_STACK - 1 and len(items) > MAX_STACK:
                    more = len(items) - i
                    body.append(
                        f'<a href="{href(lane.more_href)}">'
                        f"<title>{more} more {esc(lane.name).lower()}"
                        f'</title><text class="more" x="{_num(x)}" y="{_num(y + 4)}" '
                        f'text-anchor="middle">+{more}</text></a>'
                    )
                    break
                note = " (year only)" if year_only else ""
                body.append(
                    f'<a href="{href(mark.href)}"><title>{esc(mark.date)}{note}: {esc(mark.label)}'
                    f"</title>{_shape(lane.kind, x, y, year_only)}</a>"
                )
        y0 += height
    axis = y0 + 2
    body.append(_axis(first, last, size, width, axis))
    legend = _legend(lanes)
    total = axis + 20
    return Markup(
        f'<figure class="chart timeline" id="{esc(chart_id)}">'
        f'<svg viewBox="0 0 {WIDTH} {total}" width="100%" role="img" '
        f'aria-labelledby="{esc(chart_id)}-title {esc(chart_id)}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="13">'
        f'<title id="{esc(chart_id)}-title">{esc(title)}</title>'
        f'<desc id="{esc(chart_id)}-desc">{esc(description)}</desc>'
        f"{legend}{''.join(body)}</svg>"
        f"<figcaption>{esc(description)}</figcaption></figure>"
    )


def _axis(first: int, last: int, size: int, width: float, y: float) -> str:
    """Year ticks under the lanes (every year, or every 5th/10th when there are many)."""
    years = last - first + 1
    every = 1 if years <= 12 else 5 if years <= 60 else 10
    out = []
    for year in range(first, last + 2):
        x = LANE_LABEL + ((year - first) * 12 / size) * width
        out.append(
            f'<line x1="{_num(x)}" x2="{_num(x)}" y1="{_num(y - 4)}" y2="{_num(y + 4)}" '
            'stroke="#999"/>'
        )
        if year <= last and year % every == 0 or (every > 1 and year == first):
            mid = x + (6 * width / size if every == 1 else 0)
            out.append(
                f'<text class="tick" x="{_num(mid)}" y="{_num(y + 16)}" text-anchor='
                f'"{"middle" if every == 1 else "start"}">{year}</text>'
            )
    return "".join(out)


def _legend(lanes: Sequence[Lane]) -> str:
    out: list[str] = []
    x = float(LANE_LABEL)
    for lane in lanes:
        out.append(_shape(lane.kind, x + 5, 10, False))
        out.append(f'<text class="legend" x="{_num(x + 14)}" y="14">{esc(lane.name)}</text>')
        x += 26 + 7.5 * len(lane.name)
    out.append(_shape("meetings", x + 5, 10, True))
    out.append(
        f'<text class="legend" x="{_num(x + 14)}" y="14">hollow: only the year is known</text>'
    )
    return "".join(out)


@dataclass(frozen=True)
class Node:
    """A state in the network."""

    code: str
    label: str
    href: str
    weight: int  # meetings + agreements it takes part in


@dataclass(frozen=True)
class Edge:
    """Two states and what they share."""

    a: str
    b: str
    meetings: int
    agreements: int
    href: str

    @property
    def weight(self) -> int:
        return self.meetings + self.agreements


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def network(
    nodes: Sequence[Node], edges: Iterable[Edge], *, title: str, description: str, chart_id: str
) -> Markup:
    """States on a circle, edges as wide as their meetings + agreements; all links."""
    if len(nodes) < 2:
        return Markup("")
    width, cx, cy = 640, 320.0, 200.0
    radius = 150.0
    ordered = sorted(nodes, key=lambda n: (n.label, n.code))
    at: dict[str, tuple[float, float, float]] = {}
    for i, node in enumerate(ordered):
        angle = -math.pi / 2 + 2 * math.pi * i / len(ordered)
        at[node.code] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    height = int(max(y for _, y, _ in at.values()) + 40)  # room for the lowest label
    names = {n.code: n.label for n in nodes}
    shown = sorted(
        (e for e in edges if e.a in at and e.b in at), key=lambda e: (e.weight, e.a, e.b)
    )
    top = max((e.weight for e in shown), default=1)
    most = max((n.weight for n in nodes), default=1)
    body = []
    for e in shown:
        (x1, y1, _), (x2, y2, _) = at[e.a][:3], at[e.b][:3]
        stroke = 1.5 + 9 * math.sqrt(e.weight / top)
        tip = (
            f"{names[e.a]} – {names[e.b]}: {_plural(e.meetings, 'meeting')}, "
            f"{_plural(e.agreements, 'agreement')}"
        )
        line = f'x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}"'
        label = ""
        if len(shown) <= 30:
            label = (
                f'<text class="weight" x="{_num((x1 + x2) / 2)}" y="{_num((y1 + y2) / 2 + 4)}" '
                f'text-anchor="middle">{e.weight}</text>'
            )
        body.append(
            f'<a class="edge" href="{href(e.href)}"><title>{esc(tip)}</title>'
            f'<line {line} stroke="#fff" stroke-opacity="0" '
            f'stroke-width="{_num(max(stroke, 12))}"/>'
            f'<line {line} stroke="#7986cb" stroke-opacity="0.75" stroke-width="{_num(stroke)}" '
            f'stroke-linecap="round"/>{label}</a>'
        )
    for node in ordered:
        x, y, angle = at[node.code]
        r = 6 + 10 * math.sqrt(node.weight / most) if most else 6
        lx, ly = x + (r + 6) * math.cos(angle), y + (r + 6) * math.sin(angle)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else "start" if cos > 0 else "end"
        dy = 4 if abs(cos) >= 0.3 else (12 if math.sin(angle) > 0 else -2)
        tip = f"{node.label}: {_plural(node.weight, 'meeting or agreement')}"
        body.append(
            f'<a class="node" href="{href(node.href)}"><title>{esc(tip)}</title>'
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill="#3949ab" stroke="#fff" '
            f'stroke-width="2"/><text x="{_num(lx)}" y="{_num(ly + dy)}" text-anchor="{anchor}">'
            f"{esc(node.label)}</text></a>"
        )
    return Markup(
        f'<figure class="chart network" id="{esc(chart_id)}">'
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{esc(chart_id)}-title {esc(chart_id)}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="13">'
        f'<title id="{esc(chart_id)}-title">{esc(title)}</title>'
        f'<desc id="{esc(chart_id)}-desc">{esc(description)}</desc>'
        f"{''.join(body)}</svg><figcaption>{esc(description)}</figcaption></figure>"
    )
