"""The network page in a real headless Chromium (Debian's /usr/bin/chromium).

The page must open with no console error and no request but its own file, draw what
the projection holds, keep labels at 12 px or more at the default zoom, show each
edge's evidence on hover, and keep hostile labels as text with its CSP and without.
Skipped locally when Chromium or Playwright is missing; under CI=true that fails.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from test_network import PAYLOADS, hostile, synthetic

from graphkit.analyse import project
from graphkit.view import write_network

pytestmark = pytest.mark.browser


class NetworkPage:
    """One opened page, recording console errors and every request it makes."""

    def __init__(self, browser: Any, path: Path, *, bypass_csp: bool = False) -> None:
        self.context = browser.new_context(
            viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp
        )
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.started = time.monotonic()
        self.page.goto(path.as_uri())
        self.wait("() => !!(window.graphkitNetwork && window.graphkitNetwork.ready)", timeout=20)
        self.opened = time.monotonic() - self.started

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def wait(self, predicate: str, arg: Any = None, *, timeout: float = 5.0) -> None:
        """Poll ``predicate``; Playwright's wait_for_function uses eval, which the CSP refuses."""
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(predicate, arg):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {predicate}")
            time.sleep(0.02)

    def hover_tooltip(self, point: dict[str, float]) -> str:
        """Move the mouse to ``point`` and return the tooltip's text ('' when none shows)."""
        self.page.mouse.move(1, 1)
        self.page.mouse.move(point["x"], point["y"], steps=3)
        try:
            self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=1500)
        except Exception:
            return ""
        return str(self.page.inner_text("div.vis-tooltip"))

    def close(self) -> None:
        self.context.close()


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seeds_network(seeds_dataset: Any, tmp_path_factory: Any) -> tuple[Path, Path, Any]:
    folder = tmp_path_factory.mktemp("network")
    whole = write_network(seeds_dataset, folder / "network.html")
    haf = write_network(seeds_dataset, folder / "haf.html", topic="HAF")
    return whole, haf, project(seeds_dataset)


def test_seeds_network_renders_offline_with_readable_labels(browser, seeds_network):
    whole, _, graph = seeds_network
    page = NetworkPage(browser, whole)
    try:
        print(f"\nseeds network: ready after {page.js('graphkitNetwork.readyAt'):.0f} ms")
        rows = page.js("graphkitNetwork.report()")
        assert len(rows) == graph.number_of_nodes()
        assert page.js("graphkitNetwork.network.body.data.edges.length") == (
            graph.number_of_edges()
        )
        assert {r["iri"] for r in rows} == set(graph.nodes)
        in_view = [r for r in rows if r["inView"]]
        assert len(in_view) >= len(rows) // 2
        assert min(r["fontSize"] for r in rows) >= 12
        page.page.click("#fit")
        page.page.wait_for_timeout(100)
        assert page.errors == [] and page.blocked == []
        assert page.requests == [whole.as_uri()]
    finally:
        page.close()


def test_haf_focus_renders_only_hafs_neighbourhood_and_edges_show_evidence(browser, seeds_network):
    _, haf_path, graph = seeds_network
    (haf,) = [n for n, d in graph.nodes(data=True) if "HAF" in d.get("alt_labels", [])]
    page = NetworkPage(browser, haf_path)
    try:
        rows = page.js("graphkitNetwork.report()")
        assert {r["iri"] for r in rows} == set(nx.ego_graph(graph, haf, radius=2).nodes)
        assert min(r["fontSize"] for r in rows) >= 12
        # hover HAF's "discussed" edges until one tooltip shows (a node may cover a middle)
        edges = page.js(
            "graphkitNetwork.data.edges.filter(e => e.relation === 'discussed'"
            " && graphkitNetwork.data.nodes.find(n => n.id === e.from || n.id === e.to)"
            " && [e.from, e.to].some(id => graphkitNetwork.data.centres.includes(id)))"
        )
        assert edges
        shown = ""
        for e in edges:
            shown = page.hover_tooltip(page.js("id => graphkitNetwork.edgeMiddle(id)", e["id"]))
            if shown and _norm(shown) == _norm(e["title"]):
                break
        assert _norm(shown) == _norm(e["title"])
        iri = {n["id"]: n["iri"] for n in page.js("graphkitNetwork.data.nodes")}
        evidence = graph.edges[iri[e["from"]], iri[e["to"]]]["evidence"]
        first = evidence[0]
        assert "discussed" in shown and _norm(first["item_title"])[:100] in _norm(shown)
        if first.get("quote"):
            assert _norm(first["quote"])[:150] in _norm(shown)
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


@pytest.mark.parametrize("csp", ["as shipped", "bypassed"])
def test_hostile_labels_never_run_and_show_as_text(browser, tmp_path, csp):
    """With the page's CSP and without it: the code alone keeps payloads as text."""
    path = write_network(hostile(), tmp_path / "hostile.html", title=PAYLOADS[0])
    page = NetworkPage(browser, path, bypass_csp=csp == "bypassed")
    try:
        assert page.js("document.title") == PAYLOADS[0]
        assert page.page.text_content("#title") == PAYLOADS[0]
        labels = {r["iri"]: r["label"] for r in page.js("graphkitNetwork.report()")}
        assert labels["urn:p:1"] == PAYLOADS[2]
        # hover each node: its tooltip shows its payload label as text
        for iri in ("urn:p:1", "urn:x:1"):
            node = page.js(f"graphkitNetwork.data.nodes.find(n => n.iri === {iri!r}).id")
            text = page.hover_tooltip(page.js("id => graphkitNetwork.domPosition(id)", node))
            assert PAYLOADS[2 if iri == "urn:p:1" else 0] in text
            assert page.js("document.querySelectorAll('div.vis-tooltip *:not(br)').length") == 0
        page.page.wait_for_timeout(200)
        assert page.js("typeof window.__pwned") == "undefined"
        assert page.js("document.scripts.length") == 3
        risky = "img, svg, iframe, object, embed, video, audio, b, a, math"
        assert page.js(f"document.querySelectorAll({risky!r}).length") == 0
        assert (
            page.js("""Array.from(document.querySelectorAll('*')).filter(el =>
            Array.from(el.attributes).some(a => a.name.startsWith('on'))).length""")
            == 0
        )
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()


def test_a_capped_1500_node_network_opens_readable(browser, tmp_path):
    graph = synthetic(1700, 120, 80)
    started = time.monotonic()
    path = write_network(graph, tmp_path / "big.html", max_nodes=1500)
    built = time.monotonic() - started
    page = NetworkPage(browser, path)
    try:
        rows = page.js("graphkitNetwork.report()")
        print(
            f"\n1,500 of {graph.number_of_nodes():,} nodes: Python {built:.2f} s, "
            f"ready after {page.js('graphkitNetwork.readyAt'):.0f} ms, "
            f"{path.stat().st_size / 1e6:.1f} MB"
        )
        assert len(rows) == 1500
        assert min(r["fontSize"] for r in rows) >= 12
        assert "were left out" in page.page.inner_text("#notice")
        assert page.errors == [] and page.blocked == []
    finally:
        page.close()
