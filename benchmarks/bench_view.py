"""Time to interactive and readability of the HTML view for generated graphs.

    .venv/bin/python benchmarks/bench_view.py [--sizes 500,2000,5000] [--runs 3]

For each size: builds a synthetic graph in the contract vocabulary (the generator of
tests/test_view.py: meetings over five and a half years, agenda items, people
attending and named, programmes discussed, organisations), times the Python side
(graph → view.html), then opens the file in headless Chromium at 1400×900 and
reports time to interactive (navigation start → timeline drawn and search usable,
``window.graphkitView.readyAt``), one search, one trace, and what a reader sees at
the default zoom, measured with ``graphkitView.report()``: the smallest font of
meeting and programme labels, overlapping label boxes among them, how many meetings
carry their own label, and the worst error of meeting x against date.
Needs /usr/bin/chromium and Playwright.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from support import CHROMIUM_ARGS  # noqa: E402
from test_view import generated_graph  # noqa: E402

from graphkit.view import build_view  # noqa: E402


def readability(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Smallest font, overlapping pairs and proportionality error of a report()."""
    labelled = [
        r for r in rows if r["kind"] in ("meeting", "programme") and r["box"] and not r["faded"]
    ]
    fonts = [r["fontSize"] for r in labelled] or [0.0]
    boxes = sorted((r["box"] for r in labelled), key=lambda b: b["x"])
    overlaps = 0
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b["x"] >= a["x"] + a["width"] - 0.5:
                break
            if b["y"] < a["y"] + a["height"] - 0.5 and a["y"] < b["y"] + b["height"] - 0.5:
                overlaps += 1
    meetings = sorted(
        (r for r in rows if r["kind"] == "meeting" and not r["faded"]), key=lambda r: r["x"]
    )
    error = 0.0
    if len(meetings) > 1:
        import datetime as dt

        days = [dt.date.fromisoformat(r["date"]).toordinal() for r in meetings]
        x0, x1, d0, d1 = meetings[0]["x"], meetings[-1]["x"], days[0], days[-1]
        for r, d in zip(meetings, days, strict=True):
            error = max(error, abs((r["x"] - x0) / (x1 - x0) - (d - d0) / (d1 - d0)))
    return {
        "font": min(fonts),
        "overlaps": overlaps,
        "own_label": sum(1 for r in meetings if r["box"]) / max(len(meetings), 1),
        "error": error,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,5000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'nodes':>6} {'edges':>6} {'python s':>9} {'html MB':>8} "
        f"{'TTI ms (median, runs)':>24} {'search ms':>10} {'trace ms':>9} "
        f"{'min font':>9} {'overlaps':>9} {'own label':>10} {'x error':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for n in sizes:
            ds = generated_graph(n)
            t0 = time.perf_counter()
            view = build_view(ds, max_nodes=n)
            path = view.write(Path(tmp) / f"view-{n}.html")
            python_s = time.perf_counter() - t0
            ttis, searches, traces, edges = [], [], [], 0
            seen: dict[str, float] = {}
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(path.as_uri())
                while not page.evaluate("!!(window.graphkitView && graphkitView.ready)"):
                    time.sleep(0.01)
                ttis.append(page.evaluate("graphkitView.readyAt"))
                edges = page.evaluate("graphkitView.data.edges.length")
                seen = readability(page.evaluate("graphkitView.report()"))
                t1 = time.perf_counter()
                page.fill("#search", "PCF1")
                page.press("#search", "Enter")
                while page.evaluate("graphkitView.state.highlight === null"):
                    time.sleep(0.005)
                searches.append((time.perf_counter() - t1) * 1000)
                t1 = time.perf_counter()
                page.evaluate("graphkitView.trace('PCF1')")
                traces.append((time.perf_counter() - t1) * 1000)
                page.close()
            print(
                f"{view.shown:>6} {edges:>6} {python_s:>9.2f} {path.stat().st_size / 1e6:>8.2f} "
                f"{statistics.median(ttis):>10.0f} ({', '.join(f'{t:.0f}' for t in ttis)})"
                f" {statistics.median(searches):>10.0f} {statistics.median(traces):>9.0f}"
                f" {seen['font']:>9.1f} {seen['overlaps']:>9d} {seen['own_label']:>10.0%}"
                f" {seen['error']:>8.2%}"
            )
        browser.close()


if __name__ == "__main__":
    main()
