"""Counts for the build summary, and the summary files written beside the graph."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset

from .serialise import atomic_write

if TYPE_CHECKING:
    from .result import BuildResult

__all__ = ["explain", "summarise", "write_summary"]


def summarise(result: BuildResult) -> dict[str, object]:
    """The build's counts, read from the graph itself, so the summary and the store agree.

    Meetings are those a document records; meetings only referred to ("the minutes of
    the meeting held on 3 December were agreed") are counted apart, as are meetings no
    document dates. ``triples`` counts distinct triples; ``quads`` counts them per named
    graph, where a fact two documents state is stored once in each.
    """
    counts = _graph_counts(result.dataset)
    layouts = Counter(lay for lay in result.layouts.values() if lay)
    return {
        "council": result.council,
        "documents": len(result.documents),
        "meetings": counts["meetings"],
        "meetings_referred_to": counts["referred"],
        "undated_meetings_count": counts["undated"],
        "agenda_items": counts["items"],
        "people": counts["people"],
        "programmes": counts["programmes"],
        "topics": counts["topics"],
        "organisations": counts["organisations"],
        "triples": counts["triples"],
        "quads": counts["quads"],
        "named_graphs": len(result.documents),
        "layouts": dict(sorted(layouts.items())),
        "unrecognised": sorted(src for src, lay in result.layouts.items() if not lay),
        "undated_meetings": list(result.undated),
        "problems": [str(p) for p in result.problems],
        "ambiguities": list(result.linked.ambiguities),
    }


def _graph_counts(ds: Dataset) -> dict[str, int]:
    """Nodes of each kind and the triples, in one pass over the quads."""
    from .vocab import GK, ORG, PROV, RDF, SCHEMA, SKOS

    of_class: dict[object, set[object]] = defaultdict(set)  # class -> its instances
    derived: set[object] = set()
    triples: set[tuple[object, object, object]] = set()
    quads = 0
    a, from_ = RDF.type, PROV.wasDerivedFrom  # looked up once: rdflib's namespaces are slow
    for s, p, o, _ in ds.quads((None, None, None, None)):
        quads += 1
        triples.add((s, p, o))
        if p == a:
            of_class[o].add(s)
        elif p == from_:
            derived.add(s)

    def having(cls: object) -> set[object]:
        return of_class.get(cls, set())

    meetings = having(GK.Meeting)
    concepts = having(SKOS.Concept) | having(GK.Programme)
    units = having(ORG.OrganizationalUnit) | having(ORG.FormalOrganization)
    return {
        "meetings": len(meetings & derived),
        "referred": len(meetings - derived),
        "undated": len(having(GK.UndatedMeeting)),
        "items": len(having(GK.AgendaItem)),
        "people": len(having(SCHEMA.Person)),
        "programmes": len(having(GK.Programme)),
        "topics": len(concepts - having(GK.Programme)),
        "organisations": len(having(ORG.Organization) - units),
        "triples": len(triples),
        "quads": quads,
    }


def write_summary(result: BuildResult, out: Path) -> list[Path]:
    summary = result.summary()
    report = dict(summary)
    report["documents_read"] = [
        {"source": d.source, "kind": d.kind, "sha256": d.sha256} for d in result.documents
    ]
    report["merges"] = list(result.linked.merges)
    report["people_detail"] = [
        {
            "key": p.key,
            "label": p.pref_label,
            "alt_labels": list(p.alt_labels),
            "why_merged": list(p.explanation),
        }
        for p in result.linked.people
    ]
    lines = ["# graphkit build summary", ""]
    for key, value in summary.items():
        if isinstance(value, list):
            lines.append(f"- {key}: {len(value)}")
            lines.extend(f"  - {v}" for v in value)
        elif isinstance(value, dict):  # documents per layout
            lines.append(f"- {key}:")
            lines.extend(f"  - {k}: {v}" for k, v in value.items())
        else:
            lines.append(f"- {key}: {value}")
    if result.linked.merges:
        lines += ["", "## Why names were merged", ""]
        lines.extend(f"- {m}" for m in result.linked.merges)
    return [
        atomic_write(
            out / "summary.json", json.dumps(report, indent=2, sort_keys=False).encode() + b"\n"
        ),
        atomic_write(out / "summary.md", ("\n".join(lines) + "\n").encode()),
    ]


def explain(summary: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    """People in a build report whose labels contain ``name`` (case-insensitive), with
    the reasons their surface forms were merged and any ambiguity that names them."""
    needle = " ".join(name.lower().split())
    people = summary.get("people_detail") or []
    out = []
    for person in people:
        labels = [person["label"], *person["alt_labels"]]
        if (
            any(needle in " ".join(str(label).lower().split()) for label in labels)
            or needle == person["key"]
        ):
            amb = [a for a in summary.get("ambiguities", []) if needle in str(a).lower()]
            out.append({**person, "ambiguities": amb})
    return out
