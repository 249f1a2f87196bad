"""The network page (graphkit.view.network): what it shows, offline and deterministic.

Expected values come from the networkx projection the page is drawn from
(``graphkit.analyse.project``); the page's own data block is read back from the HTML.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from typing import Any

import networkx as nx
import pytest

from graphkit.analyse import project
from graphkit.errors import ConfigError
from graphkit.view import build_network, build_network_html, write_network

PAYLOADS = [
    "</script><img src=x onerror=alert(1)>",
    "<svg onload=window.__pwned=1>",
    '"><script>window.__pwned=1</script>',
    "<!-- </style><b>bold</b>",
    "\u2028javascript:window.__pwned=1",
]


def page_data(html: str) -> dict[str, Any]:
    """The JSON block the page's script reads."""
    found = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', html)
    assert found, "no data block"
    return json.loads(found.group(1))


def synthetic(people: int, meetings: int, programmes: int, *, seed: int = 1) -> nx.Graph:
    """A projection-shaped graph: people attend meetings, meetings discuss programmes."""
    rnd = random.Random(seed)
    g = nx.Graph()
    mtgs = [f"urn:m:{i}" for i in range(meetings)]
    for i, m in enumerate(mtgs):
        date = f"{2019 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        g.add_node(
            m, kind="meeting", label=f"Board, {date}", alt_labels=[], date=date,
            year=int(date[:4]), committee="Board",
        )  # fmt: skip
    for i in range(programmes):
        p = f"urn:p:{i}"
        g.add_node(p, kind="programme", label=f"Programme {i}", alt_labels=[], concept="programme")
        for m in rnd.sample(mtgs, k=min(3, meetings)):
            ev = {"relation": "discussed", "date": g.nodes[m]["date"], "item_title": f"Item {i}",
                  "quote": f"programme {i} grew", "document": "doc.txt"}  # fmt: skip
            g.add_edge(p, m, relations=("discussed",), evidence=[ev], weight=1)
    for i in range(people):
        person = f"urn:person:{i}"
        g.add_node(person, kind="person", label=f"Person {i}", alt_labels=[], roles=[])
        for m in rnd.sample(mtgs, k=min(1 + i % 4, meetings)):
            ev = {"relation": "attended", "date": g.nodes[m]["date"], "status": "Present"}
            g.add_edge(person, m, relations=("attended",), evidence=[ev], weight=1)
    return g


def hostile() -> nx.Graph:
    """A small projection whose every label, alias and piece of evidence is a payload."""
    g = nx.Graph()
    g.add_node("urn:m:1", kind="meeting", label=PAYLOADS[0], alt_labels=[], date="2021-05-01",
               year=2021, committee=PAYLOADS[1])  # fmt: skip
    g.add_node("urn:p:1", kind="programme", label=PAYLOADS[2], alt_labels=PAYLOADS[3:],
               concept="programme")  # fmt: skip
    g.add_node("urn:x:1", kind="person", label=PAYLOADS[0], alt_labels=[PAYLOADS[1]],
               roles=[{"role": PAYLOADS[2], "organisation": PAYLOADS[0], "start": "", "end": ""}])  # fmt: skip
    ev = {"relation": "discussed", "date": "2021-05-01", "item_title": PAYLOADS[0],
          "quote": PAYLOADS[1], "document": PAYLOADS[2]}  # fmt: skip
    g.add_edge("urn:p:1", "urn:m:1", relations=("discussed",), evidence=[ev], weight=1)
    ev = {"relation": "named", "date": "2021-05-01", "item_title": PAYLOADS[2],
          "quote": PAYLOADS[0], "document": ""}  # fmt: skip
    g.add_edge("urn:x:1", "urn:m:1", relations=("named",), evidence=[ev], weight=1)
    return g


@pytest.fixture(scope="session")
def seeds_projection(seeds_dataset: Any) -> nx.Graph:
    return project(seeds_dataset)


@pytest.fixture(scope="session")
def seeds_page(seeds_dataset: Any) -> str:
    return build_network_html(seeds_dataset)


def _haf(graph: nx.Graph) -> str:
    (haf,) = [n for n, d in graph.nodes(data=True) if "HAF" in d.get("alt_labels", [])]
    return haf


def _shown(data: dict[str, Any]) -> tuple[set[str], set[frozenset[str]]]:
    iri = {n["id"]: n["iri"] for n in data["nodes"]}
    return set(iri.values()), {frozenset((iri[e["from"]], iri[e["to"]])) for e in data["edges"]}


# -- the seeds ------------------------------------------------------------------------------
def test_seeds_page_shows_every_node_and_edge_of_the_projection(seeds_page, seeds_projection):
    data = page_data(seeds_page)
    nodes, edges = _shown(data)
    assert len(data["nodes"]) == seeds_projection.number_of_nodes() == len(nodes)
    assert len(data["edges"]) == seeds_projection.number_of_edges() == len(edges)
    assert nodes == set(seeds_projection.nodes)
    assert edges == {frozenset(e) for e in seeds_projection.edges}
    assert data["counts"]["leftOut"] == 0


def test_nodes_styled_by_kind_sized_by_degree_with_a_legend(seeds_page, seeds_projection):
    data = page_data(seeds_page)
    shapes = {n["kind"]: n["shape"] for n in data["nodes"]}
    assert shapes == {"person": "dot", "meeting": "diamond", "programme": "star"}
    by_iri = {n["iri"]: n for n in data["nodes"]}
    ranked = sorted(seeds_projection.nodes, key=seeds_projection.degree)
    assert by_iri[ranked[0]]["size"] < by_iri[ranked[-1]]["size"]
    for node, attrs in by_iri.items():  # bigger degree, never smaller node
        for other in ranked:
            if seeds_projection.degree(other) > seeds_projection.degree(node):
                assert by_iri[other]["size"] >= attrs["size"]
                break
    legend = re.search(r'<ul id="legend".*?</ul>', seeds_page).group(0)
    for words in ("People (39)", "Meetings (6)", "Programmes", "attended"):
        assert words in legend
    assert data["font"] >= 12 and data["minFont"] >= 12


def test_edge_tooltips_carry_the_evidence(seeds_page, seeds_projection):
    data = page_data(seeds_page)
    iri = {n["id"]: n["iri"] for n in data["nodes"]}
    quoted = 0
    for e in data["edges"]:
        evidence = seeds_projection.edges[iri[e["from"]], iri[e["to"]]]["evidence"]
        for piece in evidence[:8]:
            if piece.get("item_title"):
                assert " ".join(piece["item_title"].split())[:100] in e["title"]
            if piece.get("quote"):
                assert " ".join(piece["quote"].split())[:150] in e["title"]
                quoted += 1
    assert quoted > 20


def test_haf_focus_shows_only_hafs_two_step_neighbourhood(seeds_dataset, seeds_projection):
    haf = _haf(seeds_projection)
    expected = nx.ego_graph(seeds_projection, haf, radius=2)
    page = build_network(seeds_dataset, topic="HAF")
    data = page_data(page.html)
    nodes, edges = _shown(data)
    assert nodes == set(expected.nodes)
    assert edges == {frozenset(e) for e in expected.edges}
    assert page.shown == len(nodes) < seeds_projection.number_of_nodes()
    assert [n["iri"] for n in data["nodes"] if n["id"] in data["centres"]] == [haf]
    assert "Holiday Activities and Food Programme" in page.html.split("</header>")[0]


def test_person_focus(seeds_projection):
    person = max(
        (n for n, d in seeds_projection.nodes(data=True) if d["kind"] == "person"),
        key=lambda n: (seeds_projection.degree(n), n),
    )
    label = seeds_projection.nodes[person]["label"]
    data = page_data(build_network_html(seeds_projection, person=label))
    assert _shown(data)[0] == set(nx.ego_graph(seeds_projection, person, radius=2).nodes)


def test_same_graph_same_bytes_whatever_the_order(seeds_dataset, seeds_projection, seeds_page):
    assert build_network_html(seeds_dataset) == seeds_page
    shuffled = nx.Graph()
    nodes = list(seeds_projection.nodes(data=True))
    random.Random(3).shuffle(nodes)
    shuffled.add_nodes_from(nodes)
    edges = [(b, a, d) for a, b, d in seeds_projection.edges(data=True)]
    random.Random(4).shuffle(edges)
    shuffled.add_edges_from(edges)
    assert build_network_html(shuffled) == build_network_html(seeds_projection)


# -- offline, and data stays data --------------------------------------------------------------
def _csp(html: str) -> dict[str, list[str]]:
    content = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    return {d.split()[0]: d.split()[1:] for d in content.split("; ")}


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_self_contained_and_locked_down_by_csp(seeds_page):
    csp = _csp(seeds_page)
    assert csp["default-src"] == ["'none'"]
    scripts = re.findall(r"<script>(.*?)</script>", seeds_page, flags=re.S)
    styles = re.findall(r"<style>(.*?)</style>", seeds_page, flags=re.S)
    assert len(scripts) == 2 and len(styles) == 2  # vis-network and ours, each
    assert sorted(csp["script-src"]) == sorted(_sha(s) for s in scripts)
    assert sorted(csp["style-src"]) == sorted(_sha(s) for s in styles)
    assert "vis.Network" in scripts[1] and "vis-network" in styles[0]
    # nothing to fetch: no external script, stylesheet, image or link
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", seeds_page)
    assert all("src=" not in t and "href=" not in t for t in tags), tags
    assert "<link" not in seeds_page and "cdnjs" not in seeds_page


def test_hostile_labels_stay_text_in_the_html():
    html = build_network_html(hostile(), title=PAYLOADS[0])
    # the data block, vis-network, ours (vis-network's polyfills hold "<script>" as a string)
    assert len(re.findall(r"^<script", html, flags=re.M)) == 3
    assert "<img" not in html and "<svg" not in html and "<b>bold" not in html
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html  # the title, escaped
    data = page_data(html)
    labels = {n["iri"]: n["label"] for n in data["nodes"]}
    assert labels["urn:p:1"] == PAYLOADS[2]  # the JSON carries the text unchanged
    assert PAYLOADS[1] in next(e["title"] for e in data["edges"] if "discussed" in e["title"])


# -- the limit, errors, writing -------------------------------------------------------------------
def test_limit_keeps_the_most_connected_and_says_how_many_were_left_out(tmp_path):
    graph = synthetic(1700, 120, 80)
    total = graph.number_of_nodes()
    said: list[str] = []
    path = write_network(graph, tmp_path / "n.html", max_nodes=1500, on_warning=said.append)
    html = path.read_text(encoding="utf-8")
    data = page_data(html)
    assert len(data["nodes"]) == 1500 and data["counts"]["leftOut"] == total - 1500
    kept = {n["iri"] for n in data["nodes"]}
    least_kept = min(graph.degree(n) for n in kept)
    assert all(graph.degree(n) <= least_kept for n in set(graph.nodes) - kept)
    assert said and f"{total - 1500:,} were left out" in said[0]
    assert f"{total - 1500:,} were left out" in html.split("</header>")[0]


def test_errors():
    with pytest.raises(ConfigError, match="no programme"):
        build_network(hostile(), topic="nothing like it")
    with pytest.raises(ConfigError, match="max_nodes"):
        build_network(hostile(), max_nodes=0)


def _plain_layout(order: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """The layout written as plain numpy expressions (as it was before it worked in place)."""
    import math

    import numpy as np

    from graphkit.view.network import LAYOUT_ITERATIONS, LAYOUT_SEED

    n = len(order)
    index = {node: i for i, node in enumerate(order)}
    real = np.float32  # single precision, as the layout computes
    adj = np.zeros((n, n), dtype=real)
    for a, b in edges:
        adj[index[a], index[b]] = adj[index[b], index[a]] = 1.0
    pos = np.random.RandomState(LAYOUT_SEED).rand(n, 2).astype(real)
    k = real(math.sqrt(1.0 / n))
    t = 0.1 * max(float(np.ptp(pos[:, 0])), float(np.ptp(pos[:, 1])))
    cool = t / (LAYOUT_ITERATIONS + 1)
    for _ in range(LAYOUT_ITERATIONS):
        dx = pos[:, 0, np.newaxis] - pos[np.newaxis, :, 0]
        dy = pos[:, 1, np.newaxis] - pos[np.newaxis, :, 1]
        dist = np.maximum(np.sqrt(dx * dx + dy * dy), real(0.01))
        force = k * k / dist**2 - adj * dist / k
        sx, sy = (force * dx).sum(axis=1), (force * dy).sum(axis=1)
        length = np.maximum(np.sqrt(sx * sx + sy * sy), real(0.01))
        pos += np.stack([sx, sy], axis=1) * (real(t) / length)[:, np.newaxis]
        t -= cool
    pos -= pos.mean(axis=0)
    scale = 75.0 * math.sqrt(n) / (float(np.abs(pos).max()) or 1.0)
    return {
        node: (round(float(x) * scale, 1), round(float(y) * scale, 1))
        for node, (x, y) in zip(order, pos, strict=True)
    }


@pytest.mark.parametrize(("n", "m"), [(2, 1), (3, 0), (40, 90), (300, 1200)])
def test_layout_is_the_plain_algorithm_to_the_last_bit(n: int, m: int) -> None:
    from graphkit.view.network import _layout

    rng = random.Random(n)
    order = [f"n{i}" for i in range(n)]
    # duplicates, both directions and a node linked to itself, as an edge list may hold
    edges = [(rng.choice(order), rng.choice(order)) for _ in range(m)]
    assert _layout(order, edges) == _plain_layout(order, edges)
