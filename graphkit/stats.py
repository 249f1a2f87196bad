"""Counts for the build summary, and the summary files written beside the graph."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset

from .quads import Quads
from .serialise import Prepared, atomic_write, iri_key, prepare

if TYPE_CHECKING:
    from .link import Linked
    from .model import Document

__all__ = ["explain", "graph_counts", "write_summary"]


def graph_counts(ds: Dataset | Quads | Prepared) -> dict[str, int]:
    """Nodes of each kind and the triples, in the union of all graphs (``ds`` may be a
    :class:`~graphkit.quads.Quads` snapshot of the Dataset, or that snapshot prepared for
    writing, :class:`~graphkit.serialise.Prepared`, whose term numbers it counts)."""
    from .vocab import GK, ORG, PROV, RDF, SCHEMA, SKOS

    prepared = prepare(ds)
    typed = prepared.of_predicate(iri_key(str(RDF.type)))
    derived = set(prepared.of_predicate(iri_key(str(PROV.wasDerivedFrom)))[:, 0].tolist())

    def having(cls: object) -> set[int]:
        n = prepared.number(iri_key(str(cls)))
        return set(typed[typed[:, 2] == n, 0].tolist()) if n is not None else set()

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
        "triples": len(prepared.union),
        "quads": len(prepared.rows),
    }


def write_summary(
    summary: Mapping[str, object], documents: Sequence[Document], linked: Linked, out: Path
) -> list[Path]:
    """``summary.json`` and ``summary.md`` in ``out``: a build's summary
    (:meth:`BuildResult.summary <graphkit.result.BuildResult.summary>`), the documents it
    read and why names were merged."""
    report = dict(summary)
    report["documents_read"] = [
        {"source": d.source, "kind": d.kind, "sha256": d.sha256} for d in documents
    ]
    report["merges"] = list(linked.merges)
    report["people_detail"] = [
        {
            "key": p.key,
            "label": p.pref_label,
            "alt_labels": list(p.alt_labels),
            "why_merged": list(p.explanation),
        }
        for p in linked.people
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
    if linked.merges:
        lines += ["", "## Why names were merged", ""]
        lines.extend(f"- {m}" for m in linked.merges)
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
