"""The built fixture site in headless Chromium: navigation, citations, search, downloads,
hostile text, and no request leaving 127.0.0.1. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from fixtures_data import (
    AGR1,
    AGR2,
    EN,
    HEY,
    HOSTILE_NAME,
    HOSTILE_TITLE,
    QUD,
    SAD,
    SCHEMA,
    UZ,
    write_fixture,
)

from accords.site import build_site

# Debian's Chromium here and in .ci/run; GitHub's runners have Google Chrome instead
# (ACCORDS_CHROMIUM=/usr/bin/google-chrome). Where a browser must be there (CI:
# ACCORDS_REQUIRE_BROWSER=1), its absence fails the tests instead of skipping them.
CHROMIUM = Path(os.environ.get("ACCORDS_CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("ACCORDS_REQUIRE_BROWSER") == "1"
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
]
# Wrap alert/confirm/prompt so a call is recorded even if no dialog shows.
SPY = """
window.__calls = [];
for (const name of ["alert", "confirm", "prompt"]) {
  const real = window[name];
  window[name] = function (...args) { window.__calls.push(name); return real.apply(this, args); };
}
"""

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not REQUIRED, reason=f"{CHROMIUM} not found (apt install chromium)"
    ),
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site served on 127.0.0.1 at a free port."""
    root = tmp_path_factory.mktemp("browser")
    site = build_site(write_fixture(root), root / "out", repo_root=REPO)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found, and ACCORDS_REQUIRE_BROWSER=1 says the browser tests must run: "
                    "install chromium, or set ACCORDS_CHROMIUM to the browser's path")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Tab:
    """A page that records requests and dialogs, and checks them at the end."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.context.add_init_script(SPY)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, path: str) -> Any:
        self.page.goto(urljoin(self.base, path))
        self.page.wait_for_load_state("networkidle")
        return self.page

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

    def check_quiet(self) -> None:
        """No dialog, no alert call, no request off 127.0.0.1, no hostile <img src=x>."""
        assert self.dialogs == []
        assert self.page.evaluate("window.__calls") == []
        for url in self.requests:
            parts = urlsplit(url)
            assert parts.scheme in ("data", "blob") or parts.hostname == "127.0.0.1", url
            assert not parts.path.endswith("/x"), url


@pytest.fixture
def tab(browser: Any, base: str) -> Iterator[Tab]:
    t = Tab(browser, base)
    yield t
    t.check_quiet()
    t.context.close()


def test_home_shows_title_and_counts(tab: Tab) -> None:
    page = tab.goto("")
    assert "Accords" in page.title()
    assert page.locator("article h1").inner_text() == "Accords"
    counts = {
        name: page.locator(f'[data-count="{name}"] strong').inner_text()
        for name in ("sources", "meetings", "agreements", "people", "countries")
    }
    assert counts == {
        "sources": "3",
        "meetings": "2",
        "agreements": "2",
        "people": "3",
        "countries": "3",
    }
    timeline = page.locator("figure.timeline svg")
    assert timeline.is_visible() and timeline.bounding_box()["width"] > 500
    assert timeline.locator("a circle").count() == 2 and timeline.locator("a polygon").count() == 2
    network = page.locator("figure.network svg")
    assert network.is_visible() and network.locator("a.node").count() == 3
    assert network.locator("a.edge").count() == 3  # AZ–UZ, AZ–KZ, KZ–UZ
    tab.shot("home")
    network.scroll_into_view_if_needed()
    tab.shot("home-network")


def test_pictures_link_to_the_pages_behind_them(tab: Tab) -> None:
    page = tab.goto("")
    page.locator(f"figure.timeline a[href*='{AGR1}'] polygon").click()
    page.wait_for_url(f"**/agreements/{AGR1}/")
    page = tab.goto("countries/")
    page.locator("figure.network a.edge[href*='#with-uz'] line").last.click(force=True)
    page.wait_for_url("**/countries/az/#with-uz")
    assert page.evaluate("document.querySelector(':target').id") == "with-uz"
    page.locator("figure.timeline").scroll_into_view_if_needed()
    tab.shot("country-timeline")


def test_agreements_table_filters_without_leaving_the_page(tab: Tab) -> None:
    page = tab.goto("agreements/")
    rows = page.locator(".filterable tbody tr")
    assert rows.count() == 2
    page.locator("select[name=kind]").select_option("plan")
    assert page.locator(".filterable tbody tr:visible").count() == 1
    assert "Joint action plan" in page.locator(".filterable tbody tr:visible").inner_text()
    page.locator("select[name=kind]").select_option("")
    page.locator("select[name=parties]").select_option("Kazakhstan")
    assert page.locator(".filterable tbody tr:visible").count() == 1
    page.locator("select[name=signed]").select_option("2025")
    assert page.locator(".filterable tbody tr:visible").count() == 0
    assert page.locator(".filter-count").inner_text() == "0 of 2 agreements"
    page.locator(".filters button[type=reset]").click()
    page.wait_for_function(
        "document.querySelectorAll('.filterable tbody tr:not([hidden])').length == 2"
    )
    page.locator("input[name=q]").fill("joint")
    assert page.locator(".filterable tbody tr:visible").count() == 1
    tab.shot("agreements-filter")


def test_table_is_complete_without_javascript(browser: Any, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(urljoin(base, "agreements/"))
    assert page.locator(".filterable tbody tr").count() == 2
    assert page.locator(".filters").count() == 0
    context.close()


def test_country_to_agreement_to_source_and_back(tab: Tab) -> None:
    page = tab.goto("countries/")
    page.get_by_role("link", name="Azerbaijan", exact=True).first.click()
    page.wait_for_url("**/countries/az/")
    tab.shot("country-az")
    page.locator("article").get_by_role("link", name="Joint action plan").first.click()
    page.wait_for_url(f"**/agreements/{AGR1}/")
    tab.shot("agreement")
    fact = page.locator(".fact", has_text="Title as written")
    cite = fact.locator("a.cite-link").first
    citation_id = (cite.get_attribute("href") or "").split("#")[1]
    assert citation_id.startswith("cit-")
    cite.click()
    page.wait_for_url(f"**/sources/src-*/#{citation_id}")
    assert urlsplit(page.url).fragment == citation_id
    passage = page.locator(f"[id='{citation_id}']")
    assert passage.locator("mark").is_visible()
    assert passage.locator("mark").inner_text() == "birgə fəaliyyət planı"
    assert page.evaluate("document.querySelector(':target').id") == citation_id
    tab.shot("source-passage")
    page.go_back()
    page.wait_for_url(f"**/agreements/{AGR1}/")
    page.go_forward()
    page.wait_for_url(f"**#{citation_id}")
    passage.get_by_role("link", name="Joint action plan").click()  # the back-link
    page.wait_for_url(f"**/agreements/{AGR1}/")


def search(tab: Tab, query: str) -> Any:
    page = tab.goto("")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    box.press("End")  # Material reads the query on keyup; non-Latin letters type without one
    page.locator(".md-search-result__item").first.wait_for()
    tab.shot(f"search-{len(query)}-{query.encode('ascii', 'replace').decode().replace('?', '_')}")
    return page


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("Heydarov", HEY),  # Latin spelling (name_en)
        ("Heydərov", HEY),  # as written in Azerbaijani
        ("Гейдаров", HEY),  # Cyrillic: lunr's ASCII-only trimmer would erase it
        ("Qudratxo‘jayev", QUD),  # Uzbek, with the ‘ (U+2018) apostrophe
        ("Qudratxo'jayev", QUD),  # typed with the keyboard's ASCII apostrophe
        ("Qudratxoʻjayev", QUD),  # the Uzbek letter ʻ (U+02BB)
        ("Qudratxojayev", QUD),  # with no apostrophe at all
    ],
)
def test_search_finds_people_in_any_spelling(tab: Tab, query: str, person: str) -> None:
    page = search(tab, query)
    hrefs = page.locator(".md-search-result__item a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    assert any(f"people/{person}/" in (h or "") for h in hrefs), hrefs
    marks = page.locator(".md-search-result mark").all_inner_texts()
    assert any(m.lower() == query.lower() for m in marks), marks  # matched whole, not split


def _parses(name: str, body: bytes) -> None:
    import pyarrow.parquet as pq

    if name.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        assert rows and all(len(row) == len(rows[0]) for row in rows), name
    elif name.endswith(".parquet"):
        assert pq.read_table(io.BytesIO(body)).num_columns > 0, name
    elif name.endswith(".json"):
        assert json.loads(body)["resources"], name
    else:
        assert name.endswith(".md") and body.decode("utf-8").startswith("# "), name


def test_every_download_parses(tab: Tab) -> None:
    page = tab.goto("data/")
    tab.shot("data")
    hrefs = page.locator("article a").evaluate_all("els => els.map(e => e.href)")
    kinds = ("csv", "parquet", "json", "zip")
    downloads = sorted({h for h in hrefs if h.rsplit(".", 1)[-1] in kinds})
    tables = len(SCHEMA)
    assert len(downloads) == 2 * tables + 2  # each table as CSV + Parquet, datapackage.json, zip
    for url in downloads:
        response = page.request.get(url)
        assert response.ok, url
        body = response.body()
        if url.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                names = archive.namelist()
                assert len(names) == 2 * tables + 2, names  # the files above and a README
                for name in names:
                    _parses(name, archive.read(name))
        else:
            _parses(url, body)
    # the Rows column tells each table's real size
    for row in page.locator("article table tr").all()[1:]:
        cells = row.locator("td").all_inner_texts()
        if len(cells) < 4 or not cells[1].strip().isdigit():
            continue
        csv_url = next(h for h in downloads if h.endswith(f"/{cells[0].strip()}.csv"))
        rows = list(csv.reader(io.StringIO(page.request.get(csv_url).body().decode("utf-8"))))
        assert int(cells[1]) == len(rows) - 1, cells[0]


def test_source_shows_full_text_only_when_licensed(tab: Tab) -> None:
    page = tab.goto(f"sources/{EN}/")
    text = page.locator(".fulltext")
    assert text.is_visible() and HOSTILE_NAME in text.inner_text()
    assert text.locator("script, img").count() == 0
    cited = text.locator("a.cited").first
    target = (cited.get_attribute("href") or "").lstrip("#")
    cited.click()
    assert page.evaluate("document.querySelector(':target').id") == target
    text.scroll_into_view_if_needed()
    tab.shot("source-full-text")
    page = tab.goto(f"sources/{UZ}/")  # CC-BY-NC: the cited sentences only
    assert page.locator(".fulltext").count() == 0
    assert "Only the cited sentences" in page.locator("article").inner_text()


@pytest.mark.parametrize(
    "path", [f"agreements/{AGR2}/", f"sources/{EN}/", f"people/{SAD}/", "agreements/", ""]
)
def test_hostile_text_is_literal_and_inert(tab: Tab, path: str) -> None:
    page = tab.goto(path)
    page.wait_for_timeout(300)
    article = page.locator("article")
    assert article.locator("script, img, iframe").count() == 0
    assert article.locator("a[href^='javascript' i]").count() == 0
    if path.startswith("agreements/agr"):
        assert page.locator("article h1").inner_text() == HOSTILE_TITLE
        assert "{{ 7*7 }}" in article.inner_text() and "49" not in article.inner_text()
        assert page.title().startswith("<script>alert(1)</script>")
        assert HOSTILE_NAME in article.inner_text()
        tab.shot("hostile")


HOSTILE_SEED = """---
language: en
published: 2025-03-12
license: CC-BY-4.0
---
Ministers sign <script>alert(1)</script> plan

Baku, Azerbaijan, March 12. Azerbaijani Foreign Minister Jeyhun Bayramov met with the Minister of Foreign
Affairs of Uzbekistan Bakhtiyor Saidov in Baku on 12 March 2025 <img src=x onerror=alert(2)>.
Following the talks, Jeyhun Bayramov and Bakhtiyor Saidov signed the "Plan of consultations {{ 7*7 }}
[click](javascript:alert(3)) {% raw %} for 2025-2026".
"""


@pytest.fixture(scope="module")
def hostile_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real build (extract, resolve, package, pages, mkdocs) of one hostile seed, served."""
    from accords.build import build

    root = tmp_path_factory.mktemp("hostile")
    (root / "seeds").mkdir()
    (root / "seeds" / "hostile.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    result = build(root / "seeds", root / "out", repo=REPO, cache=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(result.out / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join(timeout=5)


def test_a_hostile_seed_through_the_whole_pipeline_runs_nothing(browser: Any, hostile_base: str) -> None:
    tab = Tab(browser, hostile_base)
    try:
        urls = [urljoin(hostile_base, p) for p in ("", "agreements/", "meetings/", "people/", "sources/")]
        for index in ("agreements/", "sources/", "meetings/"):
            urls += tab.goto(index).locator("article a").evaluate_all("els => els.map(e => e.href)")
        records = sorted({u for u in urls if "/agreements/agr-" in u or "/sources/src-" in u
                          or "/meetings/mtg-" in u or "/people/per-" in u})
        assert {"agreements", "sources", "meetings"} <= {u.split("/")[-3] for u in records}, records
        for url in [*urls[:5], *records]:
            page = tab.goto(url)
            page.wait_for_timeout(200)
            article = page.locator("article")
            assert article.locator("script, img, iframe").count() == 0, url
            assert article.locator("a[href^='javascript' i]").count() == 0, url
        page = tab.goto(next(u for u in records if "/sources/src-" in u))
        text = page.locator("article").inner_text()
        assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text and "onerror=alert(2)" in text
        tab.shot("hostile-seed-source")
        tab.check_quiet()
    finally:
        tab.context.close()
