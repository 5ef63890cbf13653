"""Open a `factcheck report` page in headless Chromium and save a screenshot of it.

    python scripts/report_screenshot.py report.html docs/report.png

Uses Playwright for Python driving the system's Chromium (Debian's `chromium` package; set
FACTCHECK_CHROMIUM to use another binary): nothing is downloaded. The browser test
(tests/test_report_browser.py) starts the browser through `launch` too.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path
from typing import Any

# This machine's network is closed: without these, Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
]


def chromium_path() -> str | None:
    """FACTCHECK_CHROMIUM, else chromium or chromium-browser on PATH."""
    configured = os.environ.get("FACTCHECK_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch(playwright: Any) -> Any:
    """A headless Chromium browser from the system, or RuntimeError saying what is missing."""
    executable = chromium_path()
    if executable is None:
        raise RuntimeError("no Chromium found: install Debian's chromium package or set FACTCHECK_CHROMIUM")
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def screenshot(page_file: Path, image: Path, width: int = 1400, height: int = 1000) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(page_file.resolve().as_uri())
            image.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(image), full_page=False)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, help="the report's HTML file")
    parser.add_argument("image", type=Path, help="where to write the PNG")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    screenshot(args.page, args.image, args.width, args.height)
    print(f"wrote {args.image}")


if __name__ == "__main__":
    main()
