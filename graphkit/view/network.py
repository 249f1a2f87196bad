"""The network page: who met whom about what, drawn by pyvis from the analysis projection.

The timeline view (``view.html``) puts meetings on a time axis; this page is its
complement, the shape of the people–meeting–programme layer that
:func:`graphkit.analyse.project` makes: people, meetings and programmes (and
organisations, when asked) as nodes, and each edge with the evidence behind it.

pyvis builds the network (nodes with precomputed positions, sizes, shapes and
colours; edges with widths and tooltips) and supplies the vis-network bundle it
ships. The page is ours, not pyvis's template (which loads vis-network from a CDN):
the bundle, our stylesheet and our script are inlined, the data sits in a
``<script type="application/json">`` block, and a Content-Security-Policy allows
exactly those inline scripts and styles, by hash, and no connection at all.

Positions come from a seeded Fruchterman–Reingold layout computed here with numpy
(networkx's own needs scipy above 500 nodes, which graphkit does not require), and
physics is off in the browser, so the same graph gives the same file byte for byte
and the same picture on every open.

>>> DEFAULT_NETWORK_MAX_NODES
1500
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, GraphkitError
from ..serialise import atomic_write

if TYPE_CHECKING:
    from pyvis.network import Network as PyvisNetwork

__all__ = [
    "DEFAULT_NETWORK_MAX_NODES",
    "NETWORK_STYLE",
    "NetworkPage",
    "build_network",
    "build_network_html",
    "write_network",
]

# Above this many nodes the page keeps the focus and the best connected: vis-network
# draws 1,500 nodes without physics in well under a second, and a picture denser
# than that is no longer readable as "who met whom" anyway.
DEFAULT_NETWORK_MAX_NODES = 1500
HOPS = 2  # a focus shows its centre, what it touches, and what those touch
FONT_PX = 16  # node labels at zoom 1
MIN_FONT_PX = 13  # the page never opens zoomed out so far that labels fall below this
LAYOUT_SEED = 7
LAYOUT_ITERATIONS = 60
EVIDENCE_IN_TOOLTIP = 8  # pieces of evidence listed per edge; the rest are counted

# node kind -> legend words, vis-network shape and colour
NETWORK_STYLE: dict[str, dict[str, str]] = {
    "person": {"label": "People", "one": "Person", "shape": "dot", "color": "#2471a3"},
    "meeting": {"label": "Meetings", "one": "Meeting", "shape": "diamond", "color": "#c0392b"},
    "programme": {
        "label": "Programmes",
        "one": "Programme",
        "shape": "star",
        "color": "#229954",
    },
    "organisation": {
        "label": "Organisations",
        "one": "Organisation",
        "shape": "triangle",
        "color": "#7d3c98",
    },
}
TOPIC_STYLE = {"label": "Topics", "one": "Topic", "color": "#82c99a"}  # lighter: broader
# edge colour by its most telling relation: what was said beats who sat in the room
RELATION_STYLE: dict[str, dict[str, str]] = {
    "discussed": {"label": "discussed at", "color": "#52be80"},
    "named": {"label": "named in an item", "color": "#5dade2"},
    "action": {"label": "action agreed", "color": "#f5b041"},
    "leads": {"label": "leads (work programme)", "color": "#af7ac5"},
    "attended": {"label": "attended", "color": "#b3bcc5"},
}
_PHRASES = {
    "attended": "attended",
    "named": "named in",
    "action": "action in",
    "discussed": "discussed in",
    "leads": "leads",
}


@dataclass(frozen=True)
class NetworkPage:
    """A rendered network page and what it shows.

    ``shown``/``edges`` are what the page draws; ``total`` and ``total_edges`` the
    projection's; ``left_out`` the nodes of the focus dropped by the size limit.
    """

    html: str
    shown: int
    edges: int
    total: int
    total_edges: int
    left_out: int = 0
    warnings: tuple[str, ...] = ()

    def write(self, path: str | Path) -> Path:
        """Write the page atomically to ``path``."""
        return atomic_write(Path(path), self.html.encode("utf-8"))


# -- choosing what to show ----------------------------------------------------------------
def _read(source: Any, organisations: bool, title: str | None) -> tuple[Any, str]:
    """The projection and the page title; a Dataset or Graph is read once, into a
    :class:`~graphkit.quads.Quads` snapshot, for both."""
    from rdflib import Graph

    from ..quads import Quads

    if isinstance(source, Graph):
        source = Quads.of(source)
    return _projection(source, organisations), _title_of(source, title)


def _projection(source: Any, organisations: bool) -> Any:
    """The networkx projection: ``source`` itself when it already is one."""
    import networkx as nx

    from ..analyse import project

    if isinstance(source, nx.Graph):
        if any("kind" not in d for _, d in source.nodes(data=True)):
            raise ConfigError("a networkx graph must be graphkit.project()'s: every node a kind")
        return source
    return project(source, organisations=organisations)


def _centres(graph: Any, text: str | None, kind: str) -> list[str]:
    """The nodes a ``--topic``/``--person`` names (labels, aliases, acronyms or an IRI)."""
    from ..analyse import find_entities

    if text is None:
        return []
    hits: list[str] = find_entities(graph, text, kinds=(kind,))
    if not hits:
        raise ConfigError(f"no {kind} in the graph is called {text!r}")
    return hits


def _neighbourhood(graph: Any, centres: Iterable[str], hops: int) -> set[str]:
    """Every node within ``hops`` edges of a centre (breadth first; the centres included)."""
    keep = set(centres)
    frontier = set(keep)
    for _ in range(hops):
        frontier = {n for c in frontier for n in graph.neighbors(c)} - keep
        keep |= frontier
    return keep


def _cap(graph: Any, keep: set[str], centres: set[str], max_nodes: int) -> tuple[set[str], int]:
    """At most ``max_nodes`` of ``keep``: the centres, then the most connected.

    Degree is read in the whole projection, ties go to the label then the IRI, so the
    choice does not depend on the order nodes were added.
    """
    if len(keep) <= max_nodes:
        return keep, 0
    ranked = sorted(
        keep,
        key=lambda n: (n not in centres, -graph.degree(n), graph.nodes[n]["label"], n),
    )
    return set(ranked[:max_nodes]), len(keep) - max_nodes


# -- layout ------------------------------------------------------------------------------
def _layout(order: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Seeded Fruchterman–Reingold positions, in pixels at zoom 1.

    networkx's ``spring_layout`` wants scipy above 500 nodes; this is the same dense
    algorithm in numpy (O(n²) memory: 1,500 nodes need about 40 MB while it runs).
    Same nodes in the same order and the same edges give the same positions.
    """
    import numpy as np

    n = len(order)
    if n == 0:
        return {}
    if n == 1:
        return {order[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(order)}
    adj = np.zeros((n, n), dtype=bool)
    for a, b in edges:
        adj[index[a], index[b]] = adj[index[b], index[a]] = True
    rng = np.random.RandomState(LAYOUT_SEED)
    pos = _spring(rng.rand(n, 2), np.nonzero(adj))
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    # about 150 px between neighbours at zoom 1: room for a 16 px label
    scale = 75.0 * math.sqrt(n) / extent
    return {
        node: (round(float(x) * scale, 1), round(float(y) * scale, 1))
        for node, (x, y) in zip(order, pos, strict=True)
    }


def _spring(pos: Any, linked: tuple[Any, ...]) -> Any:
    """``LAYOUT_ITERATIONS`` steps of Fruchterman–Reingold from ``pos`` (n × 2), the
    ``linked`` pairs (rows, columns; both ways) attracting each other.

    In single precision, ample for positions drawn to a tenth of a pixel and three times
    faster than double (1,500 nodes: 3.8 s -> 1.2 s); each step works in place in four
    n × n arrays made once, and subtracts the attraction only where there is an edge.
    Only operations IEEE 754 rounds exactly are used (``+ - * /`` and the square root,
    not ``hypot``, which numpy may take from a vector library that rounds by the
    processor), and sums along a row, not a BLAS product, whose result may depend on the
    machine's thread count: the same positions on every machine.
    """
    import numpy as np

    n = len(pos)
    real = np.float32
    pos = pos.astype(real)
    k = real(math.sqrt(1.0 / n))  # the natural spacing of n nodes in a unit square
    t = 0.1 * max(float(np.ptp(pos[:, 0])), float(np.ptp(pos[:, 1])))
    cool = t / (LAYOUT_ITERATIONS + 1)
    dx, dy, dist, force = (np.empty((n, n), dtype=real) for _ in range(4))
    rows, cols = linked
    for _ in range(LAYOUT_ITERATIONS):
        np.subtract(pos[:, 0, np.newaxis], pos[np.newaxis, :, 0], out=dx)
        np.subtract(pos[:, 1, np.newaxis], pos[np.newaxis, :, 1], out=dy)
        np.multiply(dx, dx, out=dist)
        np.add(dist, np.multiply(dy, dy, out=force), out=dist)
        np.maximum(np.sqrt(dist, out=dist), real(0.01), out=dist)
        # repulsion k²/d between all pairs, attraction d²/k along edges
        np.divide(k * k, np.square(dist, out=force), out=force)
        force[rows, cols] -= dist[rows, cols] / k
        # sum_j force_ij (p_i - p_j)
        sx = np.multiply(force, dx, out=dx).sum(axis=1)
        sy = np.multiply(force, dy, out=dy).sum(axis=1)
        shift = np.stack([sx, sy], axis=1)
        length = np.maximum(np.sqrt(sx * sx + sy * sy), real(0.01))
        pos += shift * (real(t) / length)[:, np.newaxis]
        t -= cool
    return pos


# -- text for labels and tooltips ----------------------------------------------------------
def short_label(text: str, limit: int = 38) -> str:
    """A canvas label: one line, cut at a word with an ellipsis.

    >>> short_label("Holiday Activities and Food Programme", 20)
    'Holiday Activities…'
    >>> short_label("  HAF\\n ")
    'HAF'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut.rstrip(" ,;:-") + "\u2026"


def _canvas_label(data: dict[str, Any]) -> str:
    """A node's label on the canvas; a meeting leads with its date, which a cut long
    committee name would otherwise lose.

    >>> _canvas_label({"kind": "meeting", "date": "2021-01-28", "label": "x",
    ...                "committee": "Education and Children's Services Scrutiny Board"})
    "2021-01-28 Education and Children's…"
    """
    if data["kind"] == "meeting" and data.get("date"):
        return f"{data['date']} {short_label(data.get('committee') or data['label'], 27)}"
    return short_label(data["label"])


def _clip(text: str, limit: int = 240) -> str:
    """
    >>> _clip("abcdef", 4)
    'abc…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _kind_word(data: dict[str, Any]) -> str:
    if data["kind"] == "programme" and data.get("concept") == "topic":
        return TOPIC_STYLE["one"]
    return NETWORK_STYLE[data["kind"]]["one"]


def _node_title(graph: Any, node: str, shown_degree: int) -> str:
    """The node's tooltip, plain text (vis-network sets a string title as innerText)."""
    data = graph.nodes[node]
    degree = graph.degree(node)
    lines = [_clip(data["label"])]
    facts = [_kind_word(data)]
    if data["kind"] == "meeting":
        facts += [data.get("date", ""), data.get("committee", "")]
    facts.append(
        f"{degree} connection{'s' if degree != 1 else ''}"
        + (f" ({shown_degree} shown)" if shown_degree != degree else "")
    )
    lines.append(" \u00b7 ".join(f for f in facts if f))
    alts = data.get("alt_labels") or []
    if alts:
        lines.append("Also: " + _clip("; ".join(alts)))
    for role in (data.get("roles") or [])[:3]:
        span = " to ".join(x for x in (role.get("start", ""), role.get("end", "")) if x)
        where = f", {role['organisation']}" if role.get("organisation") else ""
        lines.append(_clip(f"{role['role']}{where}" + (f" ({span})" if span else "")))
    lines.append(node)
    return "\n".join(lines)


def _evidence_line(piece: dict[str, Any]) -> str:
    """One piece of an edge's evidence as a line: date, relation, item title, quote.

    >>> _evidence_line({"relation": "discussed", "date": "2021-03-11",
    ...                 "item_title": "HAF update", "quote": "HAF grew"})
    '2021-03-11 discussed in \u201cHAF update\u201d: \u201cHAF grew\u201d'
    >>> _evidence_line({"relation": "attended", "date": "2021-03-11", "status": "Present",
    ...                 "capacity": "Officer"})
    '2021-03-11 attended (Present, Officer)'
    """
    relation = piece.get("relation", "")
    parts = [piece.get("date", ""), _PHRASES.get(relation, relation)]
    text = " ".join(p for p in parts if p)
    if relation == "attended":
        how = [piece.get(k, "") for k in ("status", "capacity", "role")]
        how = [h for h in how if h]
        if how:
            text += f" ({', '.join(how)})"
    elif piece.get("item_title"):
        text += f" \u201c{_clip(piece['item_title'], 120)}\u201d"
    if piece.get("quote"):
        text += f": \u201c{_clip(piece['quote'], 200)}\u201d"
    if piece.get("document"):
        text += f" [{_clip(piece['document'], 80)}]"
    return text


def _edge_title(graph: Any, a: str, b: str) -> str:
    """The edge's tooltip, plain text: who and what it joins, then its evidence."""
    data = graph.edges[a, b]
    evidence = data.get("evidence") or []
    lines = [
        f"{_clip(graph.nodes[a]['label'], 80)} \u2014 {_clip(graph.nodes[b]['label'], 80)}",
        f"{', '.join(data.get('relations') or ())} \u00b7 "
        f"{len(evidence)} piece{'s' if len(evidence) != 1 else ''} of evidence",
    ]
    lines += ["\u2022 " + _evidence_line(p) for p in evidence[:EVIDENCE_IN_TOOLTIP]]
    if len(evidence) > EVIDENCE_IN_TOOLTIP:
        lines.append(f"\u2026 and {len(evidence) - EVIDENCE_IN_TOOLTIP} more")
    return "\n".join(lines)


def _relation(data: dict[str, Any]) -> str:
    """The edge's most telling relation (what colours it).

    >>> _relation({"relations": ("attended", "named")})
    'named'
    """
    relations = set(data.get("relations") or ())
    return next((r for r in RELATION_STYLE if r in relations), "attended")


# -- the pyvis network --------------------------------------------------------------------
class _IdList(list[object]):
    """pyvis keeps node ids in a list and tests membership per edge; make that O(1)."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[object] = set()

    def append(self, item: object) -> None:
        super().append(item)
        self._seen.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._seen


def _node_size(degree: int) -> float:
    """Node radius by degree: sqrt, so a hub of 100 is not ten times a node of 1.

    >>> _node_size(0), _node_size(4), _node_size(10_000)
    (10.0, 18.0, 48.0)
    """
    return round(min(10.0 + 4.0 * math.sqrt(degree), 48.0), 1)


def _options() -> dict[str, Any]:
    return {
        "autoResize": True,
        # positions are computed in Python: no physics, so every open looks the same
        "physics": {"enabled": False, "stabilization": {"enabled": False}},
        "layout": {"improvedLayout": False, "randomSeed": LAYOUT_SEED},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": False,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
            "arrows": {"to": {"enabled": False}},
        },
        "nodes": {
            "borderWidth": 1,
            "font": {
                "size": FONT_PX,
                "face": "sans-serif",
                "color": "#1b2631",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
    }


def _network(
    graph: Any,
    order: list[str],
    ids: dict[str, str],
    edges: list[tuple[str, str]],
    pos: dict[str, tuple[float, float]],
    centres: set[str],
) -> PyvisNetwork:
    from pyvis.network import Network

    # directed: pyvis's undirected add_edge scans every edge for a duplicate (quadratic);
    # the projection has none, and the arrows are switched off
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    net.node_ids = _IdList()
    shown_degree: dict[str, int] = dict.fromkeys(order, 0)
    for a, b in edges:
        shown_degree[a] += 1
        shown_degree[b] += 1
    for node in order:
        data = graph.nodes[node]
        style = NETWORK_STYLE[data["kind"]]
        topic = data["kind"] == "programme" and data.get("concept") == "topic"
        x, y = pos[node]
        net.add_node(
            ids[node],
            label=_canvas_label(data),
            shape=style["shape"],
            color=TOPIC_STYLE["color"] if topic else style["color"],
            x=x,
            y=y,
            size=_node_size(graph.degree(node)),
            title=_node_title(graph, node, shown_degree[node]),
            borderWidth=4 if node in centres else 1,
            kind=data["kind"],
            iri=node,
        )
    for a, b in edges:
        data = graph.edges[a, b]
        weight = max(int(data.get("weight") or 1), 1)
        net.add_edge(
            ids[a],
            ids[b],
            title=_edge_title(graph, a, b),
            width=round(min(1.0 + math.log2(weight), 6.0), 2),
            color=RELATION_STYLE[_relation(data)]["color"],
            relation=_relation(data),
        )
    net.options = _options()
    return net


# -- the page -----------------------------------------------------------------------------
_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def _embed_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    >>> _embed_json({"t": "</script>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    import json

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _ESCAPES[m.group(0)], text)


def _vis_bundle() -> tuple[str, str]:
    """vis-network's script and stylesheet, as pyvis ships them (never its CDN links)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        raise GraphkitError(
            f"pyvis's vis-network bundle is missing ({err}); "
            "reinstall pyvis: pip install 'pyvis>=0.3.2'"
        ) from err
    # the bundle goes inside <script> and <style>: nothing in it may close them early
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return js, css


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


_APP_CSS = """
html, body { margin: 0; height: 100%; font: 14px/1.4 sans-serif; color: #1b2631; }
body { display: flex; flex-direction: column; }
header { padding: 8px 14px; border-bottom: 1px solid #d5d8dc; background: #f8f9f9; }
header h1 { font-size: 18px; margin: 0 0 2px; }
header p { margin: 2px 0; }
#notice { background: #fdebd0; border: 1px solid #f0b27a; padding: 4px 8px; }
#legend { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
#legend li { white-space: nowrap; }
.sym { font-size: 16px; display: inline-block; width: 1.2em; text-align: center; }
.line { display: inline-block; width: 22px; height: 3px; vertical-align: middle; margin-right: 4px; }
.k-person { color: #2471a3; } .k-meeting { color: #c0392b; } .k-programme { color: #229954; }
.k-topic { color: #82c99a; } .k-organisation { color: #7d3c98; }
.r-discussed { background: #52be80; } .r-named { background: #5dade2; }
.r-action { background: #f5b041; } .r-leads { background: #af7ac5; } .r-attended { background: #b3bcc5; }
#fit { margin-left: 12px; font: inherit; }
#network { flex: 1; min-height: 300px; position: relative; }
div.vis-tooltip { white-space: pre-wrap; max-width: 520px; font: 13px/1.35 sans-serif;
  color: #1b2631; background: #fffef5; border: 1px solid #b7950b; padding: 6px 8px; }
"""

_APP_JS = """(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var container = document.getElementById("network");
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var api = { network: network, data: data, ready: false, readyAt: null };

  // open fitted when labels stay readable, else at the smallest readable zoom,
  // centred on the focus (or the best-connected node)
  function home() {
    network.fit({ animation: false });
    var least = data.minFont / data.font;
    if (network.getScale() < least) {
      var at = data.start ? network.getPosition(data.start) : { x: 0, y: 0 };
      network.moveTo({ position: at, scale: least, animation: false });
    } else if (network.getScale() > 1.5) {
      network.moveTo({ scale: 1.5, animation: false });
    }
  }

  // what is drawn, for tests and scripts: label size on screen, position, in view or not
  api.report = function () {
    var scale = network.getScale();
    var box = container.getBoundingClientRect();
    return data.nodes.map(function (n) {
      var p = network.canvasToDOM(network.getPosition(n.id));
      return {
        id: n.id, iri: n.iri, kind: n.kind, label: n.label,
        fontSize: data.font * scale,
        x: box.left + p.x, y: box.top + p.y,
        inView: p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height
      };
    });
  };
  api.home = home;
  api.domPosition = function (id) {
    var box = container.getBoundingClientRect();
    var p = network.canvasToDOM(network.getPosition(id));
    return { x: box.left + p.x, y: box.top + p.y };
  };
  api.edgeMiddle = function (id) {
    var e = edges.get(id) || data.edges.filter(function (x) { return x.id === id; })[0];
    var a = network.getPosition(e.from), b = network.getPosition(e.to);
    var box = container.getBoundingClientRect();
    var p = network.canvasToDOM({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    return { x: box.left + p.x, y: box.top + p.y };
  };
  document.getElementById("fit").addEventListener("click", home);
  window.graphkitNetwork = api;
  network.once("afterDrawing", function () {
    api.ready = true;
    api.readyAt = performance.now();
  });
  home();
})();
"""

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{vis_css}</style>
<style>{app_css}</style>
</head>
<body>
<header>
<h1 id="title">{title}</h1>
<p id="subtitle">{subtitle}<button id="fit" type="button">Fit to screen</button></p>
{notice}<ul id="legend" aria-label="Legend">{legend}</ul>
</header>
<div id="network" role="img" aria-label="{title}"></div>
<script type="application/json" id="network-data">{data}</script>
<script>{vis_js}</script>
<script>{app_js}</script>
</body>
</html>
"""

_SYMBOLS = {
    "person": "\u25cf",
    "meeting": "\u25c6",
    "programme": "\u2605",
    "organisation": "\u25b2",
}


def _legend(graph: Any, order: list[str], edges: list[tuple[str, str]]) -> str:
    """The legend as HTML: our words and counts only, so nothing in it needs escaping
    beyond the numbers; colours come from classes (the CSP allows no style attribute)."""
    counts: dict[str, int] = {}
    for node in order:
        data = graph.nodes[node]
        key = "topic" if data["kind"] == "programme" and data.get("concept") == "topic" else None
        counts[key or data["kind"]] = counts.get(key or data["kind"], 0) + 1
    items = []
    for kind, style in NETWORK_STYLE.items():
        for key, words in ((kind, style["label"]), ("topic", TOPIC_STYLE["label"])):
            if key == "topic" and kind != "programme":
                continue
            if counts.get(key):
                items.append(
                    f'<li><span class="sym k-{key}" aria-hidden="true">{_SYMBOLS[kind]}</span>'
                    f"{html.escape(words)} ({counts[key]:,})</li>"
                )
    relations = {_relation(graph.edges[a, b]) for a, b in edges}
    for relation, style in RELATION_STYLE.items():
        if relation in relations:
            items.append(
                f'<li><span class="line r-{relation}" aria-hidden="true"></span>'
                f"{html.escape(style['label'])}</li>"
            )
    items.append("<li>size: connections \u00b7 hover a node or line for its evidence</li>")
    return "".join(items)


def _title_of(source: Any, title: str | None) -> str:
    """The page title: given, or from the council's name when the source is RDF (a
    :class:`~graphkit.quads.Quads` snapshot)."""
    if title is not None:
        return title
    from ..quads import Quads
    from ..vocab import ORG, RDF, SCHEMA, SKOS

    if not isinstance(source, Quads):
        return "Who met whom about what"
    index = source.index
    names = sorted(
        " ".join(str(o).split())
        for c in index.subjects(RDF.type, ORG.FormalOrganization)
        for p in (SKOS.prefLabel, SCHEMA.name)
        for o in index.objects(c, p)
    )
    return f"{names[0]}: who met whom about what" if names else "Who met whom about what"


def build_network(
    source: Any,
    *,
    topic: str | None = None,
    person: str | None = None,
    max_nodes: int = DEFAULT_NETWORK_MAX_NODES,
    hops: int = HOPS,
    organisations: bool = False,
    title: str | None = None,
) -> NetworkPage:
    """Render the people–meeting–programme network of ``source`` as one HTML page.

    ``source`` is a Dataset (or a :class:`~graphkit.quads.Quads` snapshot of one), a
    Graph, a graph file or folder, or a projection made by
    :func:`graphkit.analyse.project`. ``topic`` (a programme or topic) and ``person``
    (labels, aliases, acronyms or an IRI; every match is a centre) keep only the nodes
    within ``hops`` edges of them; both together keep both neighbourhoods. Above
    ``max_nodes`` the centres and then the most connected nodes are kept, and the page
    and ``warnings`` say how many were left out. Same graph, same bytes.
    """
    if max_nodes < 1:
        raise ConfigError(f"max_nodes must be at least 1, not {max_nodes}")
    if hops < 0:
        raise ConfigError(f"hops must be 0 or more, not {hops}")
    graph, page_title = _read(source, organisations, title)
    topics = _centres(graph, topic, "programme")
    people = _centres(graph, person, "person")
    centres = set(topics) | set(people)
    keep = _neighbourhood(graph, sorted(centres), hops) if centres else set(graph.nodes)
    in_focus = len(keep)
    keep, left_out = _cap(graph, keep, centres, max_nodes)
    order, edges = _page_order(graph, keep)
    ids = {node: f"n{i}" for i, node in enumerate(order)}
    net = _network(graph, order, ids, edges, _layout(order, edges), centres)
    warnings: list[str] = []
    notice = ""
    if left_out:
        message = (
            f"This network shows {len(keep):,} of {in_focus:,} nodes (the focus, then the "
            f"most connected); {left_out:,} were left out so that it stays readable. For "
            "all of one part, focus it: graphkit network GRAPH --topic PROGRAMME or "
            "--person NAME."
        )
        warnings.append(message)
        notice = f'<p id="notice" role="status">{html.escape(message)}</p>\n'
    data = _page_data(graph, net, order, ids, edges, centres, left_out)
    parts = _page_parts(page_title, _subtitle(graph, order, edges, centres, hops), notice)
    parts["legend"] = _legend(graph, order, edges)
    parts["data"] = _embed_json(data)
    # one pass, so nothing inserted is ever read again as a placeholder
    page = re.sub(r"\{(\w+)\}", lambda m: parts[m.group(1)], _PAGE)
    return NetworkPage(
        html=page,
        shown=len(order),
        edges=len(edges),
        total=graph.number_of_nodes(),
        total_edges=graph.number_of_edges(),
        left_out=left_out,
        warnings=tuple(warnings),
    )


def _page_order(graph: Any, keep: set[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The kept nodes in page order (kind, date, label, IRI), and each edge among them
    once, from the node that comes first, in page order."""
    rank = {kind: i for i, kind in enumerate(NETWORK_STYLE)}
    order = sorted(
        keep,
        key=lambda n: (
            rank.get(graph.nodes[n]["kind"], 99),
            graph.nodes[n].get("date", ""),
            graph.nodes[n]["label"],
            n,
        ),
    )
    index = {node: i for i, node in enumerate(order)}
    edges = sorted(
        {(a, b) if index[a] < index[b] else (b, a) for a, b in graph.subgraph(order).edges()},
        key=lambda e: (index[e[0]], index[e[1]]),
    )
    return order, edges


def _subtitle(
    graph: Any, order: list[str], edges: list[tuple[str, str]], centres: set[str], hops: int
) -> str:
    if centres:
        names = "; ".join(graph.nodes[c]["label"] for c in sorted(centres))
        return (
            f"Within {hops} step{'s' if hops != 1 else ''} of {names}: "
            f"{len(order):,} nodes, {len(edges):,} links "
            f"(of {graph.number_of_nodes():,} and {graph.number_of_edges():,}). "
        )
    return f"{len(order):,} nodes and {len(edges):,} links. "


def _page_data(
    graph: Any,
    net: Any,
    order: list[str],
    ids: dict[str, str],
    edges: list[tuple[str, str]],
    centres: set[str],
    left_out: int,
) -> dict[str, Any]:
    """What the page's script reads: vis.js nodes, edges and options, the node to start
    at, the centres and the counts."""
    vis_nodes, vis_edges, *_ = net.get_network_data()
    for i, edge in enumerate(vis_edges):
        edge.pop("arrows", None)  # pyvis's directed default; the options switch arrows off
        edge["id"] = f"e{i}"
    start = min(centres, key=lambda c: ids.get(c, "~")) if centres else None
    if start is None and order:
        start = min(order, key=lambda n: (-graph.degree(n), ids[n]))
    return {
        "font": FONT_PX,
        "minFont": MIN_FONT_PX,
        "start": ids.get(start) if start else None,
        "centres": sorted(ids[c] for c in centres if c in ids),
        "counts": {
            "nodes": len(order),
            "edges": len(edges),
            "total": graph.number_of_nodes(),
            "totalEdges": graph.number_of_edges(),
            "leftOut": left_out,
        },
        "options": net.options,
        "nodes": vis_nodes,
        "edges": vis_edges,
    }


def _page_parts(page_title: str, subtitle: str, notice: str) -> dict[str, str]:
    """The page's placeholders but the legend and the data: policy, titles, bundles."""
    vis_js, vis_css = _vis_bundle()
    return {
        "csp": "; ".join(
            [
                "default-src 'none'",
                f"script-src {_csp_hash(vis_js)} {_csp_hash(_APP_JS)}",
                f"style-src {_csp_hash(vis_css)} {_csp_hash(_APP_CSS)}",
                "base-uri 'none'",
                "form-action 'none'",
            ]
        ),
        "title": html.escape(page_title, quote=True),
        "subtitle": html.escape(subtitle),
        "notice": notice,
        "vis_css": vis_css,
        "app_css": _APP_CSS,
        "vis_js": vis_js,
        "app_js": _APP_JS,
    }


def build_network_html(
    source: Any,
    *,
    topic: str | None = None,
    person: str | None = None,
    max_nodes: int = DEFAULT_NETWORK_MAX_NODES,
    hops: int = HOPS,
    organisations: bool = False,
    title: str | None = None,
) -> str:
    """The page of :func:`build_network` as a string (same options)."""
    return build_network(
        source,
        topic=topic,
        person=person,
        max_nodes=max_nodes,
        hops=hops,
        organisations=organisations,
        title=title,
    ).html


def write_network(
    source: Any,
    path: str | Path,
    *,
    topic: str | None = None,
    person: str | None = None,
    max_nodes: int = DEFAULT_NETWORK_MAX_NODES,
    hops: int = HOPS,
    organisations: bool = False,
    title: str | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Path:
    """Write the network page of ``source`` to ``path`` atomically (options as for
    :func:`build_network`); warnings go to ``on_warning`` too when given."""
    page = build_network(
        source,
        topic=topic,
        person=person,
        max_nodes=max_nodes,
        hops=hops,
        organisations=organisations,
        title=title,
    )
    if on_warning is not None:
        for warning in page.warnings:
            on_warning(warning)
    return page.write(path)
