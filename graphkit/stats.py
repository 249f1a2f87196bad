"""Counts for the build summary, and the summary files written beside the graph."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset

from .serialise import atomic_write

if TYPE_CHECKING:
    from .build import BuildResult

__all__ = ["explain", "summarise", "write_summary"]


def summarise(result: BuildResult) -> dict[str, object]:
    ds = result.dataset
    meetings = {(m.committee, m.date) for m in result.meetings if m.date is not None}
    items = {
        (m.committee, m.date, i.number or f"p{i.position}")
        for m in result.meetings
        for i in m.items
    }
    layouts = Counter(lay for lay in result.layouts.values() if lay)
    triples = len(_union(ds))
    return {
        "council": result.council,
        "documents": len(result.documents),
        "meetings": len(meetings),
        "agenda_items": len(items),
        "people": len(result.linked.people),
        "programmes": sum(1 for c in result.linked.concepts if c.is_programme),
        "topics": sum(1 for c in result.linked.concepts if not c.is_programme),
        "organisations": len(result.linked.organisations),
        "triples": triples,
        "named_graphs": len(result.documents),
        "layouts": dict(sorted(layouts.items())),
        "unrecognised": sorted(src for src, lay in result.layouts.items() if not lay),
        "undated_meetings": list(result.undated),
        "problems": [str(p) for p in result.problems],
        "ambiguities": list(result.linked.ambiguities),
    }


def _union(ds: Dataset) -> set[tuple[object, object, object]]:
    seen: set[tuple[object, object, object]] = set()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        seen.add((s, p, o))
    return seen


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


def explain(summary: dict[str, object], name: str) -> list[dict[str, object]]:
    """People in a build report whose labels contain ``name`` (case-insensitive), with
    the reasons their surface forms were merged and any ambiguity that names them."""
    needle = " ".join(name.lower().split())
    people = summary.get("people_detail") or []
    out = []
    for person in people:  # type: ignore[attr-defined]
        labels = [person["label"], *person["alt_labels"]]
        if (
            any(needle in " ".join(str(label).lower().split()) for label in labels)
            or needle == person["key"]
        ):
            amb = [a for a in summary.get("ambiguities", []) if needle in str(a).lower()]  # type: ignore[attr-defined]
            out.append({**person, "ambiguities": amb})
    return out
