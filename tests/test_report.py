"""`factcheck report`: the claim matrix and findings, and that claim text can never become markup.

The browser test (test_report_browser.py) checks the page as a reader sees it; these check what
the page is built from, and run without a browser.
"""

from __future__ import annotations

import html
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.pipeline import LintOptions, run_lint
from factcheck.html_report import build_report, render

REPO = Path(__file__).resolve().parent.parent
RULE_ENTITIES = REPO / "tests" / "rules" / "entities.yaml"


@pytest.fixture(scope="module")
def example() -> tuple:  # type: ignore[type-arg]
    cwd = Path.cwd()
    os.chdir(REPO)
    try:
        result = run_lint(LintOptions(paths=(REPO / "claims",), cache=False))
    finally:
        os.chdir(cwd)
    return result, build_report(result)


def _write_report(project: Path, out: Path, *args: str) -> str:
    """`factcheck report` run in `project` as a user would; the page it wrote."""
    cwd = Path.cwd()
    os.chdir(project)
    try:
        assert main(["report", "--html", str(out), "--no-cache", *args]) == 0
    finally:
        os.chdir(cwd)
    return out.read_text(encoding="utf-8")


def _cells(report) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
    return {
        (c.source, c.claim): c.status
        for matrix in report.subjects for row in matrix.rows for claims in row.cells.values() for c in claims
    }


def test_the_report_lists_exactly_the_findings_lint_reports(example) -> None:  # type: ignore[no-untyped-def]
    result, report = example
    assert [rf.finding for rf in report.findings] == result.findings
    assert sum(report.by_rule.values()) == len(result.findings) == sum(report.by_outlet.values())


def test_cells_take_their_status_from_the_findings(example) -> None:  # type: ignore[no-untyped-def]
    result, report = example
    cells = _cells(report)
    for finding in result.findings:
        at = (finding.location.source, finding.location.claim)
        if finding.code == "FC106":
            assert cells[at] == "contradicts-primary"
            primary = finding.related[0]
            assert cells[(primary.source, primary.claim)] == "agrees"  # the primary side is the reference
        elif finding.code == "FC201":
            assert cells[at] == "unsupported"
    assert set(cells.values()) >= {"contradicts-primary", "unsupported", "suppressed", "agrees"}


def test_claims_whose_finding_is_suppressed_are_marked(example) -> None:  # type: ignore[no-untyped-def]
    result, report = example
    cells = _cells(report)
    silenced = {(loc.source, loc.claim) for f in result.silenced for loc in (f.location, *f.related)}
    assert silenced, "the example corpus ignores FC201 on two claims"
    for ref in silenced:
        if ref in cells:
            assert cells[ref] == "suppressed"


def test_primary_sources_are_marked(example) -> None:  # type: ignore[no-untyped-def]
    _, report = example
    resolution = next(m for m in report.subjects if m.subject == "unscr-2397")
    assert [c.source for c in resolution.columns if c.primary] == ["unscr-2397"]
    assert 'class="source primary"' in render(report)


def _source(name: str, day: str, kind: str, claims: str) -> str:
    return f"source: {{id: {name}, outlet: {name.upper() if name != 'un' else 'United Nations'}, published: {day}, kind: {kind}}}\nclaims:\n{claims}"


def test_columns_and_statuses_on_a_small_corpus(tmp_path: Path) -> None:
    """The primary source first, the others by publication day; a fact two outlets give differently
    conflicts in both cells; one that contradicts the primary source is marked at the outlet's cell."""
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "entities.yaml").write_text(RULE_ENTITIES.read_text(encoding="utf-8"), encoding="utf-8")
    vote = "  - {{id: vote, subject: Resolution 2397, predicate: vote, value: '{}'}}\n"
    cap = "  - {{id: cap, subject: Resolution 2321, predicate: amount, value: '{}'}}\n"
    (claims / "un.yaml").write_text(_source("un", "2017-12-22", "primary", vote.format("15-0")), encoding="utf-8")
    (claims / "afp.yaml").write_text(_source("afp", "2017-12-23", "news", vote.format("14-1") + cap.format("$400 million")), encoding="utf-8")
    (claims / "npr.yaml").write_text(_source("npr", "2017-12-21", "news", vote.format("15-0") + cap.format("$900 million")), encoding="utf-8")
    (claims / "reuters.yaml").write_text(_source("reuters", "2017-12-22", "news", vote.format("unanimously")), encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = run_lint(LintOptions(paths=(claims,), cache=False))
    finally:
        os.chdir(cwd)
    report = build_report(result)
    vote_matrix = next(m for m in report.subjects if m.subject == "unscr-2397")
    assert [c.source for c in vote_matrix.columns] == ["un", "npr", "reuters", "afp"]
    (row,) = vote_matrix.rows
    assert {c.source: row.status(c.source) for c in vote_matrix.columns} == {
        "un": "agrees", "npr": "agrees", "reuters": "agrees", "afp": "contradicts-primary",
    }
    cap_matrix = next(m for m in report.subjects if m.subject == "unscr-2321")
    (row,) = cap_matrix.rows
    assert {c.source: row.status(c.source) for c in cap_matrix.columns} == {"npr": "conflicts", "afp": "conflicts"}
    assert report.subjects[0].disagreements >= 1  # subjects with a disagreement come first


def test_report_command_writes_one_self_contained_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _write_report(REPO, tmp_path / "report.html", "claims")
    assert "wrote" in capsys.readouterr().err
    # Nothing is fetched: no URL at all in src/href attributes, and a policy that forbids fetching.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "default-src 'none'" in html.unescape(page)
    assert page.count("<script>") == 1 and page.count("<style>") == 1


HOSTILE = {
    "value": "<script>alert('value')</script>",
    "evidence": '"><img src=x onerror=alert(1)>',
    "said_by": "<b onmouseover=alert(2)>Haley</b>",
    "outlet": "</span><svg onload=alert(3)>",
    "title": "<iframe src=javascript:alert(4)>",
}


def _hostile_project(root: Path) -> None:
    (root / "claims").mkdir()
    (root / "claims" / "entities.yaml").write_text(RULE_ENTITIES.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "claims" / "evil.yaml").write_text(
        "source:\n"
        f"  id: evil\n  outlet: {json.dumps(HOSTILE['outlet'])}\n  published: 2017-12-23\n"
        f"  title: {json.dumps(HOSTILE['title'])}\n"
        "claims:\n"
        "  - id: statement\n    subject: Resolution 2397\n    predicate: statement\n"
        f"    value: {json.dumps(HOSTILE['value'])}\n    evidence: {json.dumps(HOSTILE['evidence'])}\n"
        "  - id: quote\n    predicate: quote\n"
        f"    value: {json.dumps(HOSTILE['value'])}\n    said_by: {json.dumps(HOSTILE['said_by'])}\n",
        encoding="utf-8",
    )


class _Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_markup_in_claim_files_is_shown_as_text(tmp_path: Path) -> None:
    _hostile_project(tmp_path)
    page = _write_report(tmp_path, tmp_path / "report.html")
    parser = _Tags()
    parser.feed(page)
    tags = [tag for tag, _ in parser.tags]
    assert tags.count("script") == 1 and "img" not in tags and "iframe" not in tags and "b" not in tags
    assert tags.count("svg") <= 1  # the chart's own, if any
    handlers = [(tag, name) for tag, attrs in parser.tags for name, _ in attrs if name.startswith("on")]
    assert handlers == []
    # Each hostile string is in the page, escaped, so the reader sees it as written.
    assert "&lt;script&gt;alert(&#x27;value&#x27;)&lt;/script&gt;" in page
    assert "onerror=alert(1)&gt;" in page


def test_each_matrix_scrolls_in_a_box_a_keyboard_can_reach(example) -> None:  # type: ignore[no-untyped-def]
    """The matrix's sticky header and fact column stick inside this box; a box that scrolls must be
    focusable, or a keyboard user cannot scroll it, and named, so a screen reader says which it is."""
    _, report = example

    class Boxes(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.headings: set[str] = set()
            self.open_box: dict[str, str | None] | None = None
            self.boxes: list[tuple[dict[str, str | None], str | None]] = []  # (the box, its table's subject)

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "h3" and found.get("id"):
                self.headings.add(found["id"] or "")
            if tag == "div" and "matrix-scroll" in (found.get("class") or "").split():
                self.open_box = found
            elif tag == "table" and "matrix" in (found.get("class") or "").split():
                assert self.open_box is not None, "a matrix table outside its scroll box"
                self.boxes.append((self.open_box, found.get("data-subject")))
                self.open_box = None

    parser = Boxes()
    parser.feed(render(report))
    assert [subject for _, subject in parser.boxes] == [m.subject for m in report.subjects]
    for box, subject in parser.boxes:
        assert box.get("tabindex") == "0" and box.get("role") == "region"
        assert box.get("aria-labelledby") == f"subject-{subject}" in parser.headings


def test_a_report_of_a_broken_corpus_still_lists_its_findings(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "broken.yaml").write_text("source: [unclosed\n", encoding="utf-8")
    page = _write_report(tmp_path, tmp_path / "report.html")
    assert 'data-code="FC001"' in page


# -- in a real browser: Debian's Chromium driven by Playwright ----------------------------------------
# .ci/run installs Chromium and sets FACTCHECK_REQUIRE_BROWSER=1, so there a missing browser fails the
# run instead of skipping these tests.


def _browser_tool():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("report_screenshot", REPO / "scripts" / "report_screenshot.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    tool = _browser_tool()
    required = os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            raise
        pytest.skip("playwright is not installed")
    if tool.chromium_path() is None and not required:
        pytest.skip("no Chromium on this machine (Debian package chromium)")
    with sync_playwright() as playwright:
        chromium = tool.launch(playwright)
        yield chromium
        chromium.close()


class _Watched:
    """A page with everything that went wrong on it: console errors, page errors, dialogs, and
    any request for something other than the report file itself."""

    def __init__(self, browser, page_file: Path, width: int = 1400, height: int = 1000) -> None:  # type: ignore[no-untyped-def]
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        url = page_file.resolve().as_uri()
        self.page.on("request", lambda request: self.requests.append(request.url) if request.url != url else None)
        self.page.goto(url)
        self.page.wait_for_load_state("load")


@pytest.fixture(scope="module")
def example_page(browser, example, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    _, report = example
    page_file = tmp_path_factory.mktemp("report") / "report.html"
    page_file.write_text(render(report), encoding="utf-8")
    watched = _Watched(browser, page_file)
    yield watched
    watched.page.close()


def test_browser_opens_the_page_without_errors_or_requests(example_page) -> None:  # type: ignore[no-untyped-def]
    assert example_page.errors == []
    assert example_page.requests == []
    assert example_page.dialogs == []


def test_browser_shows_the_expected_statuses(example_page, example) -> None:  # type: ignore[no-untyped-def]
    result, _ = example
    page = example_page.page
    colors = {}
    for status in ("contradicts-primary", "unsupported", "suppressed", "agrees"):
        element = page.locator(f".claim.status-{status}").first
        assert element.is_visible()
        colors[status] = element.evaluate("e => getComputedStyle(e).backgroundColor")
    assert len(set(colors.values())) == 4, f"the stylesheet did not apply: {colors}"
    for finding in result.findings:
        expected = {"FC106": "contradicts-primary", "FC201": "unsupported"}.get(finding.code)
        if expected is None:
            continue
        claim = page.locator(f'.claim[data-source="{finding.location.source}"][data-claim="{finding.location.claim}"]')
        assert claim.count() >= 1
        assert claim.first.get_attribute("data-status") == expected
        assert claim.first.evaluate("e => getComputedStyle(e).backgroundColor") == colors[expected]


def test_browser_lists_every_finding_lint_reports(example_page, example) -> None:  # type: ignore[no-untyped-def]
    result, _ = example
    rows = example_page.page.locator("tr.finding")
    assert rows.count() == len(result.findings)
    shown = [(rows.nth(i).get_attribute("data-code"), rows.nth(i).get_attribute("data-source"), rows.nth(i).get_attribute("data-claim")) for i in range(rows.count())]
    assert shown == [(f.code, f.location.source or "", f.location.claim or "") for f in result.findings]


def test_browser_filters_hide_what_they_should(example_page, example, tmp_path_factory: pytest.TempPathFactory) -> None:  # type: ignore[no-untyped-def]
    result, _ = example
    page = example_page.page
    rows = page.locator("tr.finding")
    page.select_option("#filter-rule", "FC106")
    visible = [i for i in range(rows.count()) if rows.nth(i).is_visible()]
    assert [rows.nth(i).get_attribute("data-code") for i in visible] == ["FC106"]
    assert page.locator("#shown-count").text_content() == "1"
    page.select_option("#filter-rule", "")
    page.select_option("#filter-severity", "warning")
    warnings = sum(f.severity == "warning" for f in result.findings)
    assert sum(rows.nth(i).is_visible() for i in range(rows.count())) == warnings
    page.select_option("#filter-severity", "")
    page.select_option("#filter-outlet", "NPR")
    npr_cells = page.locator('td[data-outlet="NPR"]')
    other_cells = page.locator('td.cell:not([data-outlet="NPR"])')
    assert npr_cells.count() > 0 and other_cells.count() > 0
    assert npr_cells.first.is_visible() and not other_cells.first.is_visible()
    assert all("NPR" in json.loads(rows.nth(i).get_attribute("data-outlets") or "[]") for i in range(rows.count()) if rows.nth(i).is_visible())
    shot = tmp_path_factory.mktemp("shots") / "report-filtered.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.select_option("#filter-outlet", "")
    assert sum(rows.nth(i).is_visible() for i in range(rows.count())) == len(result.findings)


def test_browser_shows_the_evidence_on_click(example_page, example) -> None:  # type: ignore[no-untyped-def]
    result, _ = example
    page = example_page.page
    with_evidence = next(a for a in result.assertions if a.evidence and a.subject and a.value_type != "quote")
    claim = page.locator(f'.claim[data-source="{with_evidence.source.id}"][data-claim="{with_evidence.claim}"]').first
    assert (claim.get_attribute("title") or "").endswith(with_evidence.evidence)
    claim.click()
    assert page.locator("#evidence").is_visible()
    assert page.locator("#evidence-text").text_content() == with_evidence.evidence
    page.click("#evidence-close")
    assert not page.locator("#evidence").is_visible()


def test_browser_shows_hostile_claim_text_as_text(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _hostile_project(tmp_path)
    _write_report(tmp_path, tmp_path / "report.html")
    watched = _Watched(browser, tmp_path / "report.html")
    try:
        page = watched.page
        assert watched.dialogs == [] and watched.errors == [] and watched.requests == []
        assert page.locator("img, iframe, b").count() == 0
        assert HOSTILE["value"] in (page.locator(".claim").first.text_content() or "")
        page.locator(".claim").first.click()
        assert page.locator("#evidence-text").text_content() == HOSTILE["evidence"]
        assert watched.dialogs == []
    finally:
        watched.page.close()


LONG_TOKEN = "Supercalifragilistic" * 6  # one word of 120 letters: only overflow-wrap can break it


def _wide_project(root: Path, sources: int = 20, facts: int = 30) -> None:
    """One subject reported by many sources, with many facts and one fact whose label is long."""
    (root / "claims").mkdir()
    (root / "claims" / "entities.yaml").write_text(RULE_ENTITIES.read_text(encoding="utf-8"), encoding="utf-8")
    long_fact = (
        "  - id: vote\n    subject: Resolution 2397\n    predicate: vote\n    value: '15-0'\n"
        f"    qualifiers: {{scope: 'thermal coal exports from new terminals after 2026 {LONG_TOKEN}'}}\n"
    )
    amounts = "".join(
        f"  - id: amount-{j}\n    subject: Resolution 2397\n    predicate: amount\n    value: '$400 million'\n    qualifiers: {{of: item {j}}}\n"
        for j in range(facts)
    )
    for i in range(sources):
        (root / "claims" / f"s{i:02d}.yaml").write_text(
            _source(f"s{i:02d}", f"2017-12-{i + 1:02d}", "primary" if i == 0 else "news", long_fact + amounts), encoding="utf-8"
        )


def test_browser_keeps_a_wide_matrix_readable(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """20 sources and a long fact label at 1000x700: the label wraps inside its own cell, the header
    row and the fact column stay in view while the matrix scrolls, the corner cell is on top of both,
    and the page's filters bar stays on top of the matrix."""
    _wide_project(tmp_path)
    _write_report(tmp_path, tmp_path / "report.html")
    watched = _Watched(browser, tmp_path / "report.html", width=1000, height=700)
    try:
        page = watched.page
        assert watched.errors == []
        box = page.locator(".matrix-scroll").first
        assert box.locator("thead th.source").count() == 20

        label = box.locator("tbody th.fact", has_text=LONG_TOKEN.lower())
        fits = label.evaluate("""cell => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const text = range.getBoundingClientRect(), own = cell.getBoundingClientRect();
            return {scroll: cell.scrollWidth, client: cell.clientWidth, textRight: text.right, cellRight: own.right,
                    lines: Math.round(text.height / parseFloat(getComputedStyle(cell).lineHeight))};
        }""")
        assert fits["scroll"] <= fits["client"], fits
        assert fits["textRight"] <= fits["cellRight"] + 0.5, fits
        assert fits["lines"] >= 3, fits  # wrapped, not clipped

        box.evaluate("box => box.scrollIntoView({block: 'center'})")
        scrolled = box.evaluate("""box => {
            box.scrollTop = box.scrollHeight;
            box.scrollLeft = box.scrollWidth;
            const at = box.getBoundingClientRect();
            const top = at.top + box.clientTop, left = at.left + box.clientLeft;
            const heads = [...box.querySelectorAll("thead th")].filter(th => {
                const r = th.getBoundingClientRect();
                return r.right > left && r.left < left + box.clientWidth;  // the ones in view
            });
            const facts = [...box.querySelectorAll("tbody th.fact")].filter(th => {
                const r = th.getBoundingClientRect();
                return r.bottom > top && r.top < top + box.clientHeight;
            });
            const corner = box.querySelector("thead th.fact");
            const hit = document.elementFromPoint(left + 3, top + 3);
            const opaque = [corner, heads[heads.length - 1], facts[0]].map(e => getComputedStyle(e).backgroundColor);
            return {scrollTop: box.scrollTop, scrollLeft: box.scrollLeft, top, left, heads: heads.length, facts: facts.length,
                    headTops: heads.map(th => th.getBoundingClientRect().top),
                    factLefts: facts.map(th => th.getBoundingClientRect().left),
                    cornerOnTop: hit !== null && hit.closest("th") === corner, opaque};
        }""")
        assert scrolled["scrollTop"] > 0 and scrolled["scrollLeft"] > 0, "the matrix does not scroll in its own box"
        assert scrolled["heads"] > 1 and scrolled["facts"] > 1, scrolled
        assert all(abs(t - scrolled["top"]) <= 1 for t in scrolled["headTops"]), scrolled
        assert all(abs(x - scrolled["left"]) <= 1 for x in scrolled["factLefts"]), scrolled
        assert scrolled["cornerOnTop"], scrolled
        assert all(color.startswith("rgb(") for color in scrolled["opaque"]), scrolled  # rgba(…, 0) would show through

        # Scrolled so the matrix's stuck header passes under the page's sticky filters bar: the bar wins.
        under = page.evaluate("""() => {
            const bar = document.querySelector(".filters"), box = document.querySelector(".matrix-scroll");
            window.scrollBy(0, box.getBoundingClientRect().top - bar.getBoundingClientRect().bottom + 20);
            const barRect = bar.getBoundingClientRect(), boxRect = box.getBoundingClientRect();
            const y = (Math.max(barRect.top, boxRect.top) + barRect.bottom) / 2;
            return {overlap: boxRect.top < barRect.bottom, inBar: [boxRect.left + 3, barRect.right - 3].map(
                x => Boolean(document.elementFromPoint(x, y)?.closest(".filters")))};
        }""")
        assert under["overlap"] and all(under["inBar"]), under
    finally:
        watched.page.close()
