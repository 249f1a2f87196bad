"""Regenerate docs/view.png and docs/view-haf.png from a real build of seeds/.

    .venv/bin/python docs/make_screenshots.py [--chromium /usr/bin/chromium]

Builds the bundled ``seeds/`` with graphkit, writes the view, opens it in headless
Chromium at 1400×900 (the size a new reader's laptop shows) and takes two pictures:
the whole view as it opens, and the trace of the Holiday Activities and Food
Programme (``graphkitView.trace("HAF")``, as the menu does). Before saving, it checks
with ``graphkitView.report()`` that the pictures are readable: meeting and programme
labels at 12 px or more and no two of them overlapping.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support import CHROMIUM_ARGS  # noqa: E402

import graphkit  # noqa: E402
from graphkit.view import write_view  # noqa: E402


def _check(rows: list[dict[str, object]], what: str) -> None:
    """Refuse to save a picture whose labels a person could not read."""
    labelled = [r for r in rows if r["kind"] in ("meeting", "programme") and r["box"]]
    small = [r["label"] for r in labelled if float(r["fontSize"]) < 12]  # type: ignore[arg-type]
    if small or not labelled:
        raise SystemExit(f"{what}: labels below 12 px: {small}")
    boxes = [r["box"] for r in labelled]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert isinstance(a, dict) and isinstance(b, dict)
            if (
                a["x"] < b["x"] + b["width"] - 0.5
                and b["x"] < a["x"] + a["width"] - 0.5
                and a["y"] < b["y"] + b["height"] - 0.5
                and b["y"] < a["y"] + a["height"] - 0.5
            ):
                raise SystemExit(f"{what}: overlapping labels {a} and {b}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    result = graphkit.build(ROOT / "seeds")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = write_view(result.dataset, Path(tmp) / "view.html")
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(path.as_uri())
        while not page.evaluate("!!(window.graphkitView && graphkitView.ready)"):
            time.sleep(0.02)
        _check(page.evaluate("graphkitView.report()"), "view.png")
        page.screenshot(path=str(args.out / "view.png"))
        page.evaluate("graphkitView.trace('HAF')")
        page.wait_for_timeout(100)
        _check(page.evaluate("graphkitView.report()"), "view-haf.png")
        page.screenshot(path=str(args.out / "view-haf.png"))
        browser.close()
    print(f"wrote {args.out / 'view.png'} and {args.out / 'view-haf.png'}")


if __name__ == "__main__":
    main()
