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
    EN,
    HEY,
    HOSTILE_NAME,
    HOSTILE_TITLE,
    MTG1,
    QUD,
    SAD,
    write_fixture,
)

from accords.pages import load_tables, md_text, render_pages
from accords.site import SiteBuildError, build_site

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "accords" / "templates"
CITE_LINK = re.compile(r"\]\((?:\.\./)?sources/(src-[0-9a-f]{12})\.md#(cit-[0-9a-f]{12})\)")


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
        assert f"{{: #{citation_id} .cite .passage }}" in source_page
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
