"""The HTML export and the ``charter serve`` page in a real browser: headless Chromium.

Chromium is Debian's (``apt-get install chromium``, as ``.ci/run`` does), driven by Playwright
through ``executable_path``: no browser is downloaded. Each page must load without a console
error, every internal link must land on an element, the coverage map must show the numbers of
``charter coverage --output-format json``, and an edit to a clause file must reach the open page
within two seconds. The screenshots are the pictures of ``docs/html-and-serve.md``:
``pytest tests/test_browser.py --update-goldens`` writes them to ``docs/img/``; an ordinary run
writes them to a temporary folder, so that a run never changes the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import REPO, invoke, need_tool

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, ViewportSize

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""What Chromium needs to run as root in a container, and to keep off the network."""
SCREENSHOTS = REPO / "docs" / "img"
WAIT = 30.0
VIEWPORT: ViewportSize = {"width": 1360, "height": 900}


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    executable = need_tool("chromium", install="apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="charter-chromium-") as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=executable, args=CHROMIUM_FLAGS, viewport=VIEWPORT
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def screenshots(update_goldens: bool, tmp_path: Path) -> Path:
    """Where the pictures go: the docs under ``--update-goldens``, a temporary folder otherwise."""
    folder = SCREENSHOTS if update_goldens else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextmanager
def watched(page: Page) -> Iterator[list[str]]:
    """The console errors and failed requests of a page, while the block runs."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "requestfailed",  # a reload cancels the open event stream: that one is no failure
        lambda r: (
            None if r.failure == "net::ERR_ABORTED" else problems.append(f"{r.url}: {r.failure}")
        ),
    )
    yield problems


LINKS_THAT_MISS = """
() => [...document.querySelectorAll('a[href^="#"]')]
  .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
  .filter(id => document.getElementById(id) === null)
"""
"""Internal links whose target is not on the page."""
LINK_COUNT = "() => document.querySelectorAll('a[href^=\"#\"]').length"


def _follow(page: Page, href: str, within: str = "body") -> None:
    """Click the first link to ``href`` (in ``within``); check that the browser lands on its target."""
    page.locator(within).locator(f'a[href="{href}"]').first.click()
    page.wait_for_function(f"() => location.hash === {json.dumps(href)}")
    landed = page.evaluate(
        f"""() => {{
            const target = document.getElementById({json.dumps(href[1:])});
            const box = target.getBoundingClientRect();
            return target.matches(':target') && box.height > 0 && box.top >= -2 && box.top < innerHeight;
        }}"""
    )
    assert landed, href


def test_the_html_export_in_a_browser(
    browser: BrowserContext, tmp_path: Path, screenshots: Path
) -> None:
    output = tmp_path / "charter.html"
    result = invoke("-C", str(REPO), "build", "--format", "html", "-o", str(output))
    assert result.exit_code == 0, result.stderr
    page = browser.new_page()
    with watched(page) as problems:
        page.goto(output.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate(LINK_COUNT) > 200
        assert page.evaluate(LINKS_THAT_MISS) == []
        for href in ("#art_27", "#title_III__chp_2", "#preamble"):
            _follow(page, href)  # from the contents
        reference = page.locator("div.provision a").first
        _follow(page, reference.get_attribute("href") or "")  # a cross-reference
        page.goto(output.as_uri() + "#art_25")
        page.screenshot(path=str(screenshots / "html-export.png"))
    assert problems == []
    assert page.evaluate("() => document.documentElement.lang") == "en"
    page.close()


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """``charter serve --port 0`` on ``root``, in its own process; its address."""
    process = subprocess.Popen(
        [sys.executable, "-m", "charter_cli", "serve", "--port", "0", "-C", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stderr is not None
        line = ""
        while not line.startswith("serving the draft at "):
            line = process.stderr.readline()
            assert line, "charter serve ended before serving"
        yield line.split(" at ", 1)[1].split(" ", 1)[0]
    finally:
        process.terminate()
        process.communicate(timeout=WAIT)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the shipped library, free to edit."""
    root = tmp_path / "charter"
    root.mkdir()
    for name in ("charter.toml", "clauses", "sources"):
        source = REPO / name
        if not source.exists():  # the study's catalogue ships in the package
            continue
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    return root


MAP_NUMBERS = """
() => [...document.querySelectorAll('td.cell')].map(cell => ({
  level: cell.dataset.level,
  kind: cell.dataset.kind,
  total: +cell.dataset.total,
  covered: +cell.dataset.covered,
  covered_by_agreed_text: +cell.dataset.coveredByAgreedText,
  at_risk: +cell.dataset.atRisk,
  waived: +cell.dataset.waived,
  uncovered: +cell.dataset.uncovered,
  shown: cell.innerText.trim(),
}))
"""


def test_the_serve_page_shows_the_map_and_follows_edits(
    browser: BrowserContext, project: Path, screenshots: Path
) -> None:
    report = invoke("-C", str(project), "coverage", "--output-format", "json")
    expected = json.loads(report.stdout)["cells"]
    page = browser.new_page()
    with serving(project) as url, watched(page) as problems:
        page.goto(url)
        page.wait_for_load_state("load")
        cells = page.evaluate(MAP_NUMBERS)
        shown = {(c["level"], c["kind"]): c for c in cells}
        assert len(shown) == len(expected) == 28
        for cell in expected:
            numbers = shown[(cell["level"], cell["kind"])]
            assert {k: numbers[k] for k in cell} == cell
            assert numbers["shown"] == f"{cell['covered_by_agreed_text']}/{cell['total']}"
        assert page.evaluate(LINKS_THAT_MISS) == []
        panel = page.locator("#cell-public-instrument")
        assert not panel.is_visible()
        page.click('a[href="#cell-public-instrument"]')
        panel.wait_for(state="visible")
        assert panel.locator("li.requirement").count() == 15
        _follow(
            page, panel.locator("a").first.get_attribute("href") or "", "#cell-public-instrument"
        )
        _follow(page, "#req-GRA-4.1-drug-precursors", "#art_27 ~ p.trace")  # in its panel
        page.goto(url + "#art_25")
        page.screenshot(path=str(screenshots / "serve.png"))

        module = project / "clauses" / "instruments" / "public" / "drug-trafficking.toml"
        text = module.read_text(encoding="utf-8")
        assert 'title = "Control of chemical precursors"' in text
        module.write_text(
            text.replace(
                'title = "Control of chemical precursors"',
                'title = "Control of chemical precursors and pre-precursors"',
            ),
            encoding="utf-8",
        )
        page.wait_for_function(
            "() => document.getElementById('art_27').innerText.includes('pre-precursors')",
            timeout=2000,
        )
    assert problems == []
    page.close()


def test_the_screenshots_are_in_the_docs() -> None:
    guide = (REPO / "docs" / "html-and-serve.md").read_text(encoding="utf-8")
    for name in ("serve.png", "html-export.png"):
        assert (SCREENSHOTS / name).is_file(), name
        assert f"(img/{name})" in guide, name
