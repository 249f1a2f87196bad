"""The requests the view marks on the timeline: each agenda item's requests that are open
or overdue in the graph's follow-up register (``gk:FollowUp``), with why."""

from __future__ import annotations

from typing import Any

from rdflib import URIRef

from ..vocab import DCTERMS, GK, RDF, TIME, sorted_terms
from .index import _Index

__all__ = ["MARKED", "open_requests"]

# the statuses the timeline marks, as the page words them
MARKED = {GK.Overdue: "overdue", GK.Open: "open"}


def open_requests(idx: _Index) -> dict[str, list[dict[str, Any]]]:
    """Each agenda item's open and overdue requests (by the item's IRI: status, the
    request's text, its due time and why), overdue first."""
    out: dict[str, list[dict[str, Any]]] = {}
    for fu in sorted_terms(idx.of_type.get(GK.FollowUp, set())):
        state = idx.one(fu, GK.followUpStatus)
        status = MARKED.get(state) if isinstance(state, URIRef) else None
        action = idx.one(fu, GK.followUpOf)
        item = idx.one(action, DCTERMS.isPartOf) if action is not None else None
        if status is None or item is None or action is None:
            continue
        interval = idx.one(fu, GK.dueDuring)
        instant = idx.one(interval, TIME.hasEnd) if interval is not None else None
        end = idx.text(instant, TIME.inXSDDate) if instant is not None else None
        due = " ".join(filter(None, [idx.text(fu, GK.dueAsWritten), f"(by {end})" if end else ""]))
        row: dict[str, Any] = {
            "status": status,
            "text": idx.text(action, RDF.value) or "",
            "due": due,
            "why": idx.text(fu, GK.statusReason) or "",
        }
        out.setdefault(str(item), []).append(row)
    for rows in out.values():
        rows.sort(key=lambda r: (r["status"] != "overdue", r["text"]))
    return out
