"""Screenshots of every page of `summitry serve`, for docs/screenshots/ and the README.

Builds a store from ../shared/seeds in a temporary folder, serves the web app on a loopback
port, and has Debian's Chromium (/usr/bin/chromium, driven by Playwright) save one PNG per
page. Run by hand, never by the tests:

    .venv/bin/pip install -e '.[test,docs]'
    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from summitry.ingest import Rejection, read_documents
from summitry.store import ingest_records, open_store
from summitry.web import create_app
from summitry.web.local import CHROMIUM, CHROMIUM_ARGS, running

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
# Long pages are cut here: a screenshot shows what a page is, the page shows the rest.
MAX_HEIGHT = 1500


def _pages(base: str, client) -> list[tuple[str, str]]:
    meetings = client.get(f"{base}/api/meetings").json()
    summit = next(m for m in meetings if "Xi Jinping" in m["names"] and "Donald Trump" in m["names"])
    rows = client.get(f"{base}/api/ledger").json()
    boeing = next(r for r in rows if r["beneficiary_name"] == "Boeing")
    source = boeing["sources"][0]
    evidence = f"/documents/{source['doc']}?start={source['evidence']['start']}&end={source['evidence']['end']}#evidence"
    return [
        ("overview", "/"),
        ("search", "/search?q=美国总统"),
        ("meetings", "/meetings"),
        ("meeting", f"/meetings/{summit['id']}"),
        ("ledger", "/ledger"),
        ("actor", "/actors/Q22686"),
        ("document", evidence),
        ("api", "/api"),
    ]


def _shrink(path: Path) -> None:
    """A 256-colour palette: text and flat colours lose nothing visible, the file a half or more."""
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(str(Path(folder) / "seeds.db"))
        summary = ingest_records(engine, (d for d in read_documents([os.path.relpath(SEEDS)]) if not isinstance(d, Rejection)))
        print(f"stored {summary.new} seed documents")
        with running(create_app(engine)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in _pages(base, page.request):
                page.goto(base + path)
                if name == "document":
                    page.locator("#evidence").scroll_into_view_if_needed()
                    clip = None
                else:
                    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
                    clip = {"x": 0, "y": 0, "width": 1280, "height": height}
                target = options.out / f"{name}.png"
                page.screenshot(path=str(target), clip=clip, full_page=clip is not None)
                _shrink(target)
                print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: {target.stat().st_size // 1024} KB")
            browser.close()
        engine.dispose()


if __name__ == "__main__":
    main()
