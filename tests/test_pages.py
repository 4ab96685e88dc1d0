"""accords.pages / accords.site on a tiny hand-written data package (tests/fixtures_data.py)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fixtures_data import (
    AGR1,
    AGR2,
    AZ,
    EN,
    HEY,
    HOSTILE_NAME,
    HOSTILE_TITLE,
    MTG1,
    QUD,
    SAD,
    UZ,
    write_fixture,
)

from accords.pages import load_tables, md_text, render_pages
from accords.site import SiteBuildError, build_site

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "accords" / "templates"
CITE_LINK = re.compile(r'<a class="cite-link" href="(?:\.\./)*sources/(src-[0-9a-f]{12})/#(cit-[0-9a-f]{12})">')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real `mkdocs build --strict` of the fixture; returns OUT."""
    root = tmp_path_factory.mktemp("fixture")
    data = write_fixture(root)
    out = root / "out"
    build_site(data, out, repo_root=REPO, seeds_dir=root / "seeds")
    return out


class _Text(HTMLParser):
    """Visible text and the tags/attributes of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain words", "plain words"),
        ("<script>alert(1)</script>", "&#60;script&#62;alert&#40;1&#41;&#60;/script&#62;"),
        ("[x](javascript:alert(1))", "&#91;x&#93;&#40;javascript:alert&#40;1&#41;&#41;"),
        ("{{ 7*7 }} {: onclick=x }", "&#123;&#123; 7&#42;7 &#125;&#125; &#123;: onclick=x &#125;"),
        ("a_b *c* `d` | e", "a&#95;b &#42;c&#42; &#96;d&#96; &#124; e"),
        ("- not a list", "&#45; not a list"),
        ("1. not a list", "1&#46; not a list"),
        ("line\nbreak\t tab", "line break tab"),
        ("\x02wzxhzdk:0\x03", "\ufffdwzxhzdk:0\ufffd"),
        ("Qudratxo‘jayev Heydərov", "Qudratxo‘jayev Heydərov"),
        (None, ""),
    ],
)
def test_md_text_makes_data_inert(raw: str | None, shown: str) -> None:
    assert str(md_text(raw)) == shown


def test_templates_never_bypass_escaping() -> None:
    for template in TEMPLATES.glob("*.j2"):
        source = template.read_text(encoding="utf-8")
        assert "|safe" not in source and " ~ " not in source, template.name


def test_list_fields_split_by_their_delimiter(tmp_path: Path) -> None:
    tables, _ = load_tables(write_fixture(tmp_path))
    person = next(p for p in tables["people"] if p["person_id"] == QUD)
    assert person["aliases"] == ["Botir Kudratxocayev", "Botir Qudratxo‘jayev"]
    meeting = next(m for m in tables["meetings"] if m["meeting_id"] == MTG1)
    assert meeting["countries"] == ["AZ", "UZ"] and len(meeting["source_ids"]) == 2


def test_every_page_is_rendered(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    pages = render_pages(write_fixture(tmp_path), docs)
    names = {p.relative_to(docs).as_posix() for p in pages}
    for section in ("countries", "agreements", "meetings", "people", "sources"):
        assert f"{section}/index.md" in names
    assert {
        "index.md",
        "data.md",
        "countries/az.md",
        "countries/kz.md",
        "countries/uz.md",
        f"agreements/{AGR1}.md",
        f"agreements/{AGR2}.md",
        f"meetings/{MTG1}.md",
        f"people/{HEY}.md",
        f"people/{SAD}.md",
        f"sources/{EN}.md",
    } <= names
    copied = {p.name for p in (docs / "data").iterdir()}
    assert {"datapackage.json", "meetings.csv", "meetings.parquet", "citations.csv"} <= copied


def test_citations_link_to_existing_source_anchors(tmp_path: Path) -> None:
    data = write_fixture(tmp_path)
    docs = tmp_path / "docs"
    render_pages(data, docs)
    tables, _ = load_tables(data)
    cited = {c["citation_id"]: c["source_id"] for c in tables["citations"]}
    linked: set[str] = set()
    for page in docs.rglob("*.md"):
        for source_id, citation_id in CITE_LINK.findall(page.read_text(encoding="utf-8")):
            assert cited[citation_id] == source_id
            linked.add(citation_id)
    assert linked  # record pages do cite
    for citation_id, source_id in cited.items():  # every citation has an anchor
        source_page = (docs / "sources" / f"{source_id}.md").read_text(encoding="utf-8")
        assert f'<p id="{citation_id}" class="cite passage">' in source_page
    agreement = (docs / "agreements" / f"{AGR1}.md").read_text(encoding="utf-8")
    assert "<mark>birgə fəaliyyət planı</mark>nı" in agreement


def test_quotes_are_checked_against_seeds(tmp_path: Path) -> None:
    data = write_fixture(tmp_path)
    render_pages(data, tmp_path / "docs", seeds_dir=tmp_path / "seeds")
    (tmp_path / "seeds" / "en-2024-03-01.txt").write_text("changed", encoding="utf-8")
    with pytest.raises(ValueError, match="quote is not"):
        render_pages(data, tmp_path / "docs", seeds_dir=tmp_path / "seeds")


def test_strict_build_produces_the_site(built: Path) -> None:
    site = built / "site"
    home = " ".join("".join(parse(site / "index.html").text).split())
    assert "3 sources" in home and "2 meetings" in home and "2 agreements" in home
    for page in (f"agreements/{AGR1}", f"meetings/{MTG1}", f"people/{QUD}", "data"):
        assert (site / page / "index.html").is_file()
    assert (site / "data" / "meetings.parquet").is_file()
    config = (built / "mkdocs.yml").read_text(encoding="utf-8")
    assert "INHERIT" in config and str(REPO / "mkdocs.yml") in config


def test_hostile_text_is_shown_literally_and_runs_nothing(built: Path) -> None:
    pages = [
        built / "site" / p / "index.html"
        for p in (f"agreements/{AGR2}", f"sources/{EN}", f"people/{SAD}", "agreements", "")
    ]
    for path in pages:
        page = parse(path)
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, path
        head = html.split("</head>")[0]
        assert head.count("<title>") == 1 and head.count("</title>") == 1, path
        for tag, attrs in page.tags:
            assert tag != "img" or attrs.get("src") != "x", path
            assert "onerror" not in attrs, path
            assert not (attrs.get("href") or "").lower().startswith("javascript"), path
    text = " ".join(parse(pages[0]).text)
    assert HOSTILE_TITLE in text and HOSTILE_NAME in text and "49" not in text
    head = pages[0].read_text(encoding="utf-8").split("</title>")[0]
    assert "<title>&#60;script&#62;" in head  # page.meta.title: escaped, not striptags'd


def test_only_http_urls_become_links(built: Path) -> None:
    page = parse(built / "site" / "sources" / EN / "index.html")
    links = [a.get("href") or "" for t, a in page.tags if t == "a"]
    assert not any("alert" in href for href in links if not href.startswith("#"))
    az = (built / "site").glob("sources/src-*/index.html")
    assert any('href="https://example.org/az?a=1&#38;b=2"' in p.read_text("utf-8") for p in az)


def test_failed_build_raises_with_mkdocs_output(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "docs", repo / "docs")
    shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    (repo / "docs" / "method.md").write_text("[broken](nowhere.md)\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="nowhere.md"):
        build_site(write_fixture(tmp_path), tmp_path / "out", repo_root=repo)


def test_hand_written_pages_are_not_overwritten(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    (repo / "docs" / "data.md").write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="generated names: data.md"):
        build_site(write_fixture(tmp_path), tmp_path / "out", repo_root=repo)


def test_empty_package_builds(tmp_path: Path) -> None:
    data = write_fixture(tmp_path)
    for csv_file in data.glob("*.csv"):  # keep only the header line
        header = csv_file.read_text(encoding="utf-8").splitlines()[0]
        csv_file.write_text(header + "\n", encoding="utf-8")
    site = build_site(data, tmp_path / "out", repo_root=REPO)
    text = " ".join("".join(parse(site / "index.html").text).split())
    assert "0 meetings" in text and "No meetings yet." in text


def test_country_without_page_is_not_linked(tmp_path: Path) -> None:
    data = write_fixture(tmp_path)
    people = data / "people.csv"
    people.write_text(people.read_text("utf-8").replace(",KZ,", ",TJ,"), encoding="utf-8")
    docs = tmp_path / "docs"
    render_pages(data, docs)
    person = (docs / "people" / f"{SAD}.md").read_text(encoding="utf-8")
    assert "countries/tj.md" not in person and "TJ" in person


# --- pictures, downloads, licences, accuracy -------------------------------------------

SVG_LINK = re.compile(r'<a(?: class="[a-z]+")? href="([^"]+)"')


def _svg_links(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return [h for svg in re.findall(r"<svg.*?</svg>", html, re.S) for h in SVG_LINK.findall(svg)]


def _resolves(site: Path, page: Path, href: str) -> bool:
    """`href` (relative to `page`'s URL) names a built page and, if any, an id on it."""
    path, _, anchor = href.partition("#")
    target = (page.parent / path).resolve() / "index.html"
    if not target.is_file():
        return False
    return not anchor or f'id="{anchor}"' in target.read_text(encoding="utf-8")


def test_pictures_are_svg_with_titles_and_working_links(built: Path) -> None:
    site = built / "site"
    home, countries, az = (
        site / "index.html",
        site / "countries" / "index.html",
        site / "countries" / "az" / "index.html",
    )
    for page, charts_expected in ((home, 2), (countries, 1), (az, 1)):
        html = page.read_text(encoding="utf-8")
        assert html.count("<svg") >= charts_expected, page
        assert 'role="img"' in html and "<figcaption>" in html, page
        links = _svg_links(page)
        assert links, page
        for href in links:
            assert _resolves(site, page, href), (page, href)
    timeline = re.search(
        r'<figure class="chart timeline".*?</figure>', home.read_text("utf-8"), re.S
    )
    assert timeline is not None
    assert timeline[0].count("<title") == 1 + 4  # the chart's own, then 2 meetings + 2 agreements
    assert f"agreements/{AGR1}/" in timeline[0]
    network = re.search(r'<figure class="chart network".*?</figure>', home.read_text("utf-8"), re.S)
    assert network is not None and "Azerbaijan – Uzbekistan: 1 meeting, 1 agreement" in network[0]
    assert "countries/az/#with-uz" in network[0]


FACT_BLOCK = re.compile(r'<div class="fact">.*?</div>|<p (?:id="cit-[0-9a-f]{12}" )?class="cite[ a-z]*">.*?</p>', re.S)
HREF = re.compile(r'<a(?: class="[a-z-]+")? href="([^"]+)"')


def test_every_link_of_a_fact_and_of_a_citation_leads_to_a_built_page_and_anchor(built: Path) -> None:
    """Facts and citations are raw HTML, which mkdocs --strict does not check: their links are
    checked here, on the built site, each to an existing page and (for a citation) passage."""
    site = built / "site"
    checked = cites = backlinks = 0
    for page in sorted(site.rglob("index.html")):
        for block in FACT_BLOCK.findall(page.read_text(encoding="utf-8")):
            for href in HREF.findall(block):
                assert not href.startswith(("/", "http")) and ".md" not in href, (page, href)
                assert _resolves(site, page, href), (page, href)
                checked += 1
                cites += "#cit-" in href
                backlinks += "/sources/" in page.as_posix() and "#" not in href
    assert checked > 50 and cites > 20 and backlinks > 20, (checked, cites, backlinks)


def test_pictures_escape_hostile_labels_and_are_deterministic() -> None:
    from accords import charts

    hostile = charts.Mark("2024-03", HOSTILE_TITLE, '"><script>x</script>')
    lane = charts.Lane("agreements", "Agreements", (hostile,), "agreements/")
    one = charts.timeline([lane], title="<b>t</b>", description="d", chart_id="t")
    two = charts.timeline([lane], title="<b>t</b>", description="d", chart_id="t")
    assert one == two
    assert "<script>" not in one and "<b>" not in one and "&#60;script&#62;" in one
    undated = charts.Lane("meetings", "Meetings", (charts.Mark("", "x", "x/"),), "m/")
    assert charts.timeline([undated], title="", description="", chart_id="x") == ""


def test_country_page_has_partners_timeline_and_anchors(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    render_pages(write_fixture(tmp_path), docs)
    page = (docs / "countries" / "az.md").read_text(encoding="utf-8")
    for heading in ("## Timeline", "## Partners", "## Agreements", "## Meetings", "## Officials"):
        assert heading in page
    assert '<span id="with-uz"></span>[Uzbekistan]' in page
    assert '<figure class="chart timeline" id="timeline-az">' in page


def test_agreement_page_lists_every_title_and_the_institutions(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    render_pages(write_fixture(tmp_path), docs)
    page = (docs / "agreements" / f"{AGR1}.md").read_text(encoding="utf-8")
    assert page.count("Title as written") == 2  # the Azerbaijani and the Uzbek title
    assert "<mark>qo‘shma harakatlar rejasini</mark>" in page
    assert "Minister of Emergency Situations &#40;Azerbaijan&#41;" in page
    for label in ("English title", "Kind", "Parties", "Signed", "Place", "Valid", "Signed at"):
        assert f'<span class="fact-label">{label}</span>' in page


def test_person_page_shows_roles_over_time(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    render_pages(write_fixture(tmp_path), docs)
    page = (docs / "people" / f"{QUD}.md").read_text(encoding="utf-8")
    assert "## Roles over time" in page
    row = (
        "| Minister of Emergency Situations | [Uzbekistan](../countries/uz.md) "
        "| 2024-03-01 | 2025-12-03 | 3 |"
    )
    assert row in page


def test_full_text_only_when_the_licence_allows(built: Path) -> None:
    site = built / "site" / "sources"
    hostile = (site / EN / "index.html").read_text(encoding="utf-8")
    assert 'id="full-text"' in hostile and 'class="fulltext"' in hostile
    text = " ".join(parse(site / EN / "index.html").text)
    assert "In February 2024 the ministers of Kazakhstan and Azerbaijan" in text
    assert "<script>alert" not in hostile
    assert re.search(r'<a class="cited" href="#cit-[0-9a-f]{12}"><mark>', hostile)
    for other in (AZ, UZ):  # no licence / CC-BY-NC: cited sentences only
        html = (site / other / "index.html").read_text(encoding="utf-8")
        assert 'id="full-text"' not in html and "Only the cited sentences" in html


@pytest.mark.parametrize(
    ("licence", "allowed"),
    [
        ("CC-BY-4.0", True),
        ("cc-by-sa-4.0", True),
        ("CC0-1.0", True),
        ("public-domain", True),
        ("CC-BY-NC-4.0", False),
        ("CC-BY-ND-4.0", False),
        ("All rights reserved", False),
        ("", False),
        (None, False),
    ],
)
def test_permissive_licences_are_data(licence: str | None, allowed: bool) -> None:
    from accords.licences import allows_full_text

    assert allows_full_text(licence) is allowed


def test_zip_holds_everything_and_is_deterministic(tmp_path: Path) -> None:
    import zipfile

    from accords.bundle import ZIP_NAME

    data = write_fixture(tmp_path)
    first, second = tmp_path / "one", tmp_path / "two"
    render_pages(data, first)
    render_pages(data, second)
    one = (first / "data" / ZIP_NAME).read_bytes()
    assert one == (second / "data" / ZIP_NAME).read_bytes()
    with zipfile.ZipFile(first / "data" / ZIP_NAME) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        readme = archive.read("accords-data/README.md").decode("utf-8")
    stems = {p.name for p in data.iterdir()}
    assert {n.split("/", 1)[1] for n in names} == stems | {"README.md"}
    assert "## Cite" in readme and "meetings.csv" in readme


def test_method_page_gets_the_measured_accuracy(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "method.md").write_text("# Method\n\n<!-- accords:accuracy -->\n", encoding="utf-8")
    data = write_fixture(tmp_path)
    render_pages(data, docs, accuracy=[])
    assert "accuracy was not" in (docs / "method.md").read_text(encoding="utf-8")
    from accords.accuracy import measure

    sets = measure(data, REPO / "tests" / "gold", tmp_path / "seeds")
    assert sets == []  # no gold article is in the fixture


def test_accuracy_is_measured_on_the_seeds(seeds_build: Path) -> None:
    from accords.accuracy import measure

    sets = {s["path"]: s for s in measure(seeds_build, REPO / "tests" / "gold", REPO / "seeds")}
    assert sets["tests/gold/seeds"]["articles"] == 5
    assert {row["f1"] for row in sets["tests/gold/seeds"]["scores"]} == {"1.00"}
    assert "tests/gold/dev" in sets


def test_citation_contexts_leave_out_front_matter_and_headers(seeds_build: Path) -> None:
    tables, _ = load_tables(seeds_build)
    for cit in tables["citations"]:
        if int(cit["context_start"]) < int(cit["start"]):
            assert not re.match(r"\s*date \d{4}", cit["context"]), cit["citation_id"]
            assert not cit["context"].startswith("---"), cit["citation_id"]


def test_a_moved_id_has_a_page_that_sends_readers_on(built: Path) -> None:
    from fixtures_data import make_id

    old = make_id("mtg", "baku-alone")
    page = built / "site" / "meetings" / old / "index.html"
    html = page.read_text(encoding="utf-8")
    assert f'http-equiv="refresh" content="0; url=../{MTG1}/"' in html
    assert any(tag == "a" and (attrs.get("href") or "").rstrip("/").endswith(MTG1)
               for tag, attrs in parse(page).tags)


def test_every_fact_of_a_record_page_has_its_evidence(seeds_build: Path, tmp_path: Path) -> None:
    """On the real seeds: every stated value of a meeting, agreement or person page is followed
    by a citation, or says where it comes from (a note such as "composed by Accords")."""
    import re

    docs = tmp_path / "docs"
    render_pages(seeds_build, docs)
    missing = []
    for kind in ("meetings", "agreements", "people"):
        for page in sorted((docs / kind).glob("*.md")):
            for block in re.findall(r'<div class="fact">(.*?)</div>', page.read_text(encoding="utf-8"),
                                    re.S):
                label = re.search(r'fact-label">(.*?)</span>', block)
                value = re.search(r'fact-value">(.*?)</span>', block, re.S)
                if value is None or "not stated" in value.group(1):
                    continue
                if "cite-link" not in block and "fact-note" not in block:
                    missing.append(f"{kind}/{page.stem}: {label.group(1) if label else block[:60]}")
    assert not missing, missing


def test_agreements_of_one_day_have_distinct_headings(seeds_build: Path, tmp_path: Path) -> None:
    """Composed English titles ("Agreement between Azerbaijan and Uzbekistan") repeat; the title
    as written follows them, so no two agreement pages share a heading."""
    docs = tmp_path / "docs"
    render_pages(seeds_build, docs)
    headings = [next(line for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
                for p in sorted((docs / "agreements").glob("agr-*.md"))]
    headings = [h for h in headings if h != "# Moved"]  # pages of old ids that send readers on
    assert len(headings) >= 2 and len(set(headings)) == len(headings), headings


def test_a_sentence_is_quoted_once_per_fact(seeds_build: Path, tmp_path: Path) -> None:
    """A participant's name, role and country read from one sentence: the sentence is shown once,
    with each span marked and the fields named, not three times."""
    import re

    docs = tmp_path / "docs"
    render_pages(seeds_build, docs)
    grouped = 0
    for page in sorted((docs / "meetings").glob("mtg-*.md")):
        for block in re.findall(r'<div class="fact">(.*?)</div>', page.read_text(encoding="utf-8"), re.S):
            sentences = [re.sub(r"</?mark>", "", t) for t in re.findall(r'<span class="cite-text">(.*?)</span>', block)]
            assert len(sentences) == len(set(sentences)), block
            grouped += len(re.findall(r'<span class="cite-field">[^<]*, ', block))
    assert grouped > 0
