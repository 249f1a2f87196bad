"""Turn the view's graph into one self-contained HTML file.

pyvis builds the network (nodes with positions, sizes, shapes and colours;
directed edges, since its undirected ``add_edge`` is quadratic) and supplies the
vis-network bundle. The page itself is our template: the bundle and our script
are inlined, the data sits in a ``<script type="application/json">`` block, and
a Content-Security-Policy allows only those two scripts and no network at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GraphkitError
from .data import KINDS, ViewGraph
from .focus import Focus
from .layout import Layout

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = ["TYPE_STYLE", "embed_json", "page", "short_label"]

# node type -> legend words, vis-network shape, colour and legend symbol
TYPE_STYLE: dict[str, dict[str, str]] = {
    "meeting": {
        "label": "Meetings",
        "one": "Meeting",
        "shape": "diamond",
        "color": "#c0392b",
        "symbol": "\u25c6",
    },
    "item": {
        "label": "Agenda items",
        "one": "Agenda item",
        "shape": "square",
        "color": "#d68910",
        "symbol": "\u25a0",
    },
    "person": {
        "label": "People",
        "one": "Person",
        "shape": "dot",
        "color": "#2471a3",
        "symbol": "\u25cf",
    },
    "programme": {
        "label": "Programmes and topics",
        "one": "Programme",
        "shape": "star",
        "color": "#229954",
        "symbol": "\u2605",
    },
    "organisation": {
        "label": "Organisations",
        "one": "Organisation",
        "shape": "triangle",
        "color": "#7d3c98",
        "symbol": "\u25b2",
    },
}
TOPIC_COLOR = "#82c99a"  # broader topics: lighter than named programmes
EVIDENCE_LIMIT = 100  # passages per entity in the page; the graph keeps them all
BIG = 1500  # above this many nodes, edges hide while dragging and zooming

_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def embed_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes, so ``</script>`` or ``<!--``
    in the data cannot end the block; U+2028/2029 are escaped for old parsers.

    >>> embed_json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> json.loads(embed_json(["</script>"]))
    ['</script>']
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _ESCAPES[m.group(0)], text)


def short_label(text: str, limit: int = 38) -> str:
    """A canvas label: one line, cut at a word with an ellipsis.

    >>> short_label("Holiday Activities and Food Programme", 20)
    'Holiday Activities…'
    >>> short_label("HAF")
    'HAF'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:-") + "\u2026"


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


def _vis_bundle() -> tuple[str, str]:
    """vis-network's script and stylesheet, as pyvis ships them."""
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


def _options(n: int) -> dict[str, Any]:
    big = n > BIG
    return {
        "autoResize": True,
        "physics": {"enabled": False, "stabilization": {"enabled": False}},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {
            "hover": not big,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
        "edges": {
            "smooth": False,
            "width": 1,
            "selectionWidth": 2,
            "color": {"color": "#b3bcc5", "highlight": "#34495e", "hover": "#5d6d7e"},
            "arrows": {"to": {"enabled": False}},
        },
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "sans-serif", "color": "#1b2631"}},
    }


def _network(graph: ViewGraph, ids: dict[str, str], lay: Layout, size: dict[str, float]) -> Network:
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    net.node_ids = _IdList()
    for iri, nid in ids.items():
        ent = graph.entities[iri]
        style = TYPE_STYLE[ent.type]
        label = (ent.date or ent.label) if ent.type == "meeting" else ent.label
        x, y = lay.pos[iri]
        net.add_node(
            nid,
            label=short_label(label),
            shape=style["shape"],
            color=TOPIC_COLOR if ent.topic else style["color"],
            x=x,
            y=y,
            size=size[iri],
        )
    for e in graph.edges:
        if e.source in ids and e.target in ids:
            net.add_edge(ids[e.source], ids[e.target], kind=e.kind, note=e.note)
    net.options = _options(len(ids))
    return net


def _entity_json(graph: ViewGraph, iri: str, ids: dict[str, str]) -> dict[str, Any]:
    ent = graph.entities[iri]

    def ref(other: str | None) -> dict[str, Any]:
        known = graph.entities.get(other or "")
        return {"ref": ids.get(other or ""), "name": known.label if known else (other or "")}

    d = ent.details
    out: dict[str, Any] = {
        "type": ent.type,
        "iri": ent.iri,
        "label": ent.label,
        "labels": ent.labels,
        "years": sorted(ent.years),
    }
    if ent.date:
        out["date"] = ent.date
    if ent.topic:
        out["topic"] = True
    for key in ("facts", "texts", "documents"):
        if d.get(key):
            out[key] = d[key]
    if d.get("roles"):
        out["roles"] = [
            dict(role=r["role"], start=r["start"], end=r["end"], **ref(r["org"]))
            for r in sorted(d["roles"], key=lambda r: (r["start"] or "", r["role"]))
        ]
    if d.get("members"):
        out["members"] = [
            dict(role=r["role"], start=r["start"], end=r["end"], **ref(r["person"]))
            for r in sorted(d["members"], key=lambda r: (r["start"] or "", r["role"]))
        ]
    if d.get("attendance"):
        other = "person" if ent.type == "meeting" else "meeting"
        rows = [
            dict(
                status=r["status"],
                capacity=r["capacity"],
                role=r["role"],
                date=graph.entities[r["meeting"]].date,
                **ref(r[other]),
            )
            for r in d["attendance"]
        ]
        out["attendance"] = sorted(rows, key=lambda r: (r["date"] or "", r["name"]))
    if d.get("evidence"):
        rows = d["evidence"]
        out["evidence"] = [
            {
                "quote": r["quote"],
                "doc": r["doc"],
                "item": ids.get(r["item"] or ""),
                "itemName": graph.entities[r["item"]].label
                if r["item"] in graph.entities
                else None,
            }
            for r in rows[:EVIDENCE_LIMIT]
        ]
        if len(rows) > EVIDENCE_LIMIT:
            out["evidenceMore"] = len(rows) - EVIDENCE_LIMIT
    if d.get("planned"):
        out["planned"] = sorted(d["planned"], key=lambda r: (r["date"] or "9999", r["title"]))
    return out


def _order(graph: ViewGraph, keep: frozenset[str]) -> list[str]:
    rank = {kind: n for n, kind in enumerate(TYPE_STYLE)}
    return sorted(
        keep,
        key=lambda i: (
            rank[graph.entities[i].type],
            graph.entities[i].date or "",
            graph.entities[i].label,
            i,
        ),
    )


def _template(name: str) -> str:
    return files("graphkit").joinpath(f"templates/{name}").read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def page(
    graph: ViewGraph,
    focus: Focus,
    lay: Layout,
    size: dict[str, float],
    *,
    total: int,
    notice: str | None,
) -> str:
    """The complete HTML page (deterministic for the same inputs)."""
    ids = {iri: f"n{n}" for n, iri in enumerate(_order(graph, focus.keep))}
    net = _network(graph, ids, lay, size)
    nodes, edges, _heading, _h, _w, _options_json = net.get_network_data()
    years = sorted({y for iri in ids for y in graph.entities[iri].years})
    data = {
        "title": graph.title,
        "description": focus.description,
        "notice": notice,
        "counts": {"shown": len(ids), "total": total},
        "types": [dict(key=k, **v) for k, v in TYPE_STYLE.items()],
        "kinds": KINDS,
        "years": [years[0], years[-1]] if years else None,
        "axis": [[year, x] for year, x in lay.axis],
        "bounds": list(lay.bounds),
        "options": net.options,
        "focus": {"topic": ids.get(focus.topic or ""), "person": ids.get(focus.person or "")},
        "nodes": nodes,
        "edges": [[e["from"], e["to"], e["kind"], e["note"]] for e in edges],
        "entities": {ids[iri]: _entity_json(graph, iri, ids) for iri in ids},
    }
    vis_js, vis_css = _vis_bundle()
    app_js = _template("view.js")
    parts = {
        "title": html.escape(graph.title, quote=True),
        "csp": "; ".join(
            [
                "default-src 'none'",
                f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}",
                "style-src 'unsafe-inline'",
                "img-src data:",
                "base-uri 'none'",
                "form-action 'none'",
            ]
        ),
        "vis_css": vis_css,
        "app_css": _template("view.css"),
        "vis_js": vis_js,
        "data": embed_json(data),
        "app_js": app_js,
    }
    # one pass, so nothing inserted is ever read again as a placeholder
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], _template("view.html"))
