"""Turn the view's graph into one self-contained HTML file.

The page is our template with our own script inlined: it draws the timeline as
SVG (a proportional time axis, meetings on it, their items below, programmes,
people and organisations as lanes), so every label is real text whose size and
box can be measured. The data sits in a ``<script type="application/json">``
block, and a Content-Security-Policy allows only our one script (by hash) and
no network at all. No third-party library is inlined.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib.resources import files
from typing import Any

from .data import KINDS, ViewGraph
from .focus import Focus
from .layout import Layout

__all__ = ["TYPE_STYLE", "embed_json", "page", "short_label"]

# node type -> legend words, colour and legend symbol (the page draws the same shapes)
TYPE_STYLE: dict[str, dict[str, str]] = {
    "meeting": {
        "label": "Meetings",
        "one": "Meeting",
        "color": "#c0392b",
        "symbol": "\u25c6",
    },
    "item": {
        "label": "Agenda items",
        "one": "Agenda item",
        "color": "#d68910",
        "symbol": "\u25a0",
    },
    "person": {
        "label": "People",
        "one": "Person",
        "color": "#2471a3",
        "symbol": "\u25cf",
    },
    "programme": {
        "label": "Programmes and topics",
        "one": "Programme",
        "color": "#229954",
        "symbol": "\u2605",
    },
    "organisation": {
        "label": "Organisations",
        "one": "Organisation",
        "color": "#7d3c98",
        "symbol": "\u25b2",
    },
}
TOPIC_COLOR = "#82c99a"  # broader topics: lighter than named programmes
EVIDENCE_LIMIT = 100  # passages per entity in the page; the graph keeps them all

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


def _entity_json(
    graph: ViewGraph, iri: str, ids: dict[str, str], lay: Layout, size: dict[str, float]
) -> dict[str, Any]:
    ent = graph.entities[iri]
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
    if iri in lay.days:
        out["day"] = lay.days[iri]
    if ent.type == "item" and ent.meeting in ids:
        out["meeting"] = ids[ent.meeting]
        out["order"] = lay.order.get(iri, 0)
    out["w"] = size.get(iri, 8.0)
    if ent.topic:
        out["topic"] = True
    for key in ("facts", "texts", "documents", "requests"):
        if d.get(key):
            out[key] = d[key]
    _add_details(graph, iri, ids, out)
    return out


def _add_details(graph: ViewGraph, iri: str, ids: dict[str, str], out: dict[str, Any]) -> None:
    """Add to ``out`` the entity's roles, members, attendance, evidence and planned items,
    each other entity named by its page id (``ref``) and label."""
    ent = graph.entities[iri]
    d = ent.details

    def ref(other: str | None) -> dict[str, Any]:
        known = graph.entities.get(other or "")
        return {"ref": ids.get(other or ""), "name": known.label if known else (other or "")}

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
    years = sorted({y for iri in ids for y in graph.entities[iri].years})
    data = {
        "title": graph.title,
        "description": focus.description,
        "notice": notice,
        "counts": {"shown": len(ids), "total": total},
        "types": [dict(key=k, **v) for k, v in TYPE_STYLE.items()],
        "topicColor": TOPIC_COLOR,
        "kinds": KINDS,
        "years": [years[0], years[-1]] if years else None,
        "span": list(lay.span) if lay.span else None,
        "focus": {"topic": ids.get(focus.topic or ""), "person": ids.get(focus.person or "")},
        "nodes": list(ids.values()),
        "edges": [
            [ids[e.source], ids[e.target], e.kind, e.note]
            for e in graph.edges
            if e.source in ids and e.target in ids
        ],
        "entities": {ids[iri]: _entity_json(graph, iri, ids, lay, size) for iri in ids},
    }
    app_js = _template("view.js")
    parts = {
        "title": html.escape(graph.title, quote=True),
        "csp": "; ".join(
            [
                "default-src 'none'",
                f"script-src {_csp_hash(app_js)}",
                "style-src 'unsafe-inline'",
                "img-src data:",
                "base-uri 'none'",
                "form-action 'none'",
            ]
        ),
        "app_css": _template("view.css"),
        "data": embed_json(data),
        "app_js": app_js,
    }
    # one pass, so nothing inserted is ever read again as a placeholder
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], _template("view.html"))
