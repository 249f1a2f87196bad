"""The register and the plan comparison read back from a graph, as rows to print.

Everything comes from the graph (``gk:FollowUp`` and ``gk:PlanCheck`` nodes, written by
``graphkit.graph.followups``), so the commands work on any graph file a build wrote.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..model import FollowUpStatus, PlanStatus
from ..vocab import DCTERMS, GK, RDF, SCHEMA, SKOS, TIME

__all__ = [
    "CandidateRow",
    "FollowUpRow",
    "PlanTableRow",
    "format_followups",
    "format_plan",
    "read_followups",
    "read_plan",
]


@dataclass(frozen=True)
class CandidateRow:
    date: str
    item: str
    verdict: str
    rule: str
    score: float
    reason: str


@dataclass(frozen=True)
class FollowUpRow:
    status: str
    date: str  # the meeting that made the request
    committee: str
    item: str  # "3 Education and Children's Services"
    agent: str
    kind: str
    request: str  # the evidence passage: the request as written
    due: str  # "later in the municipal year (2021-06-25 to 2022-04-30)"
    topic: str
    reason: str
    candidates: tuple[CandidateRow, ...]
    action: str  # the action's IRI


@dataclass(frozen=True)
class PlanTableRow:
    year: str
    committee: str
    planned: str  # the planned date, or "" for an entry planned for the year
    entry: str
    status: str
    taken_on: str
    taken_as: str
    rule: str
    reason: str


def _union(ds: Dataset | Graph) -> Graph:
    if not isinstance(ds, Dataset):
        return ds
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _text(g: Graph, s: Node | None, p: URIRef) -> str:
    if s is None:
        return ""
    value = g.value(s, p)
    return str(value) if value is not None else ""


def _item_label(g: Graph, item: Node | None) -> tuple[str, str, str]:
    """(meeting date, committee, "number title") of an agenda item or a programme entry."""
    if item is None:
        return "", "", ""
    if (item, RDF.type, GK.WorkProgrammeEntry) in g:
        return _text(g, item, DCTERMS.date), "", "work programme: " + _text(g, item, SCHEMA.name)
    meeting = g.value(item, SCHEMA.superEvent)
    committee = g.value(meeting, SCHEMA.organizer) if meeting is not None else None
    number = _text(g, item, DCTERMS.identifier)
    title = _text(g, item, SCHEMA.name)
    return (
        _text(g, meeting, DCTERMS.date) if meeting is not None else "",
        _text(g, committee, SKOS.prefLabel) if committee is not None else "",
        f"{number} {title}".strip(),
    )


_STATUS_NAME = {
    GK.Answered: FollowUpStatus.ANSWERED,
    GK.PartlyAnswered: FollowUpStatus.PARTLY_ANSWERED,
    GK.Open: FollowUpStatus.OPEN,
    GK.Overdue: FollowUpStatus.OVERDUE,
    GK.StatusUnknown: FollowUpStatus.UNKNOWN,
}
_PLAN_NAME = {
    GK.HeldAsPlanned: PlanStatus.HELD_AS_PLANNED,
    GK.Moved: PlanStatus.MOVED,
    GK.NotTaken: PlanStatus.NOT_TAKEN,
    GK.MeetingNotRecorded: PlanStatus.NOT_RECORDED,
    GK.AddedUnplanned: PlanStatus.ADDED,
}


def _due(g: Graph, node: Node) -> str:
    written = _text(g, node, GK.dueAsWritten)
    interval = g.value(node, GK.dueDuring)
    if interval is None:
        return written
    start = _text(g, g.value(interval, TIME.hasBeginning), TIME.inXSDDate)
    end = _text(g, g.value(interval, TIME.hasEnd), TIME.inXSDDate)
    return f"{written} ({start} to {end})".strip()


def _candidates(g: Graph, node: Node) -> tuple[CandidateRow, ...]:
    out = []
    for match in g.objects(node, GK.hasMatch):
        date, _, label = _item_label(g, g.value(match, GK.matchTarget))
        score = g.value(match, GK.matchScore)
        out.append(
            CandidateRow(
                date,
                label,
                _text(g, match, GK.matchVerdict),
                _text(g, match, GK.matchRule),
                float(score.toPython()) if isinstance(score, Literal) else 0.0,
                _text(g, match, GK.matchReason),
            )
        )
    return tuple(sorted(out, key=lambda c: (-c.score, c.date, c.item)))


def read_followups(ds: Dataset | Graph) -> list[FollowUpRow]:
    """Every request's follow-up in the graph: overdue and open first, then by date."""
    g = _union(ds)
    rows = []
    for node in g.subjects(RDF.type, GK.FollowUp):
        action = g.value(node, GK.followUpOf)
        item = g.value(action, DCTERMS.isPartOf)
        date, committee, label = _item_label(g, item)
        status = _STATUS_NAME.get(g.value(node, GK.followUpStatus), FollowUpStatus.UNKNOWN)  # type: ignore[call-overload]
        topics = sorted(_text(g, c, SKOS.prefLabel) for c in g.objects(node, DCTERMS.subject))
        rows.append(
            FollowUpRow(
                status=status.value,
                date=date,
                committee=committee,
                item=label,
                agent=_text(g, action, GK.agentAsWritten),
                kind=_text(g, node, GK.requestKind),
                request=_text(g, action, RDF.value),
                due=_due(g, node),
                topic="; ".join(topics),
                reason=_text(g, node, GK.statusReason),
                candidates=_candidates(g, node),
                action=str(action),
            )
        )
    order = {s.value: n for n, s in enumerate(FollowUpStatus)}
    return sorted(rows, key=lambda r: (order[r.status], r.date, r.committee, r.action))


def read_plan(ds: Dataset | Graph, year: str | None = None) -> list[PlanTableRow]:
    """Every plan check in the graph (of one municipal year, "2021/22", when given)."""
    g = _union(ds)
    rows = []
    for node in g.subjects(RDF.type, GK.PlanCheck):
        label = _text(g, node, GK.planYear)
        if year and label != year:
            continue
        entry = g.value(node, GK.planEntry)
        taken = sorted((_item_label(g, i) for i in g.objects(node, GK.takenIn)), key=lambda t: t[0])
        status = _PLAN_NAME.get(g.value(node, GK.planStatus), PlanStatus.NOT_TAKEN)  # type: ignore[call-overload]
        rows.append(
            PlanTableRow(
                year=label,
                committee=_text(g, g.value(node, GK.planOf), SKOS.prefLabel),
                planned=_text(g, entry, DCTERMS.date) if entry is not None else "",
                entry=_text(g, entry, SCHEMA.name) if entry is not None else "",
                status=status.value,
                taken_on=", ".join(dict.fromkeys(t[0] for t in taken)),
                taken_as="; ".join(t[2] for t in taken),
                rule=_text(g, node, GK.matchRule),
                reason=_text(g, node, GK.statusReason),
            )
        )
    added = PlanStatus.ADDED.value
    return sorted(
        rows,
        key=lambda r: (
            r.committee,
            r.year,
            r.status == added,
            r.planned or r.taken_on or "9",
            r.planned == "",
            r.entry,
            r.taken_as,
        ),
    )


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if width <= 0 or len(text) <= width else text[: width - 1] + "…"


def format_followups(rows: Sequence[FollowUpRow], fmt: str = "table", width: int = 100) -> str:
    """The register as a table (each request, its evidence and its candidates), CSV or JSON."""
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        # the row's fields in order, the candidates in one cell, the action's IRI left out
        head = [f.name for f in fields(FollowUpRow) if f.name != "action"]
        w.writerow(head)
        for r in rows:
            cands = " | ".join(
                f"{c.date} {c.item} [{c.verdict}; {c.rule}; {c.score:.2f}]" for c in r.candidates
            )
            w.writerow([cands if h == "candidates" else getattr(r, h) for h in head])
        return out.getvalue()
    lines = []
    for r in rows:
        lines.append(f"{r.status.upper():16} {r.date}  {r.committee}, item {r.item}")
        lines.append(f"  request  {_cut(r.request, width)}")
        lines.append(f"  by       {r.agent or '-'}   kind {r.kind}   topic {r.topic or '-'}")
        lines.append(f"  due      {r.due or '-'}")
        lines.append(f"  why      {_cut(r.reason, width)}")
        for c in r.candidates:
            lines.append(
                f"  - {c.date or 'undated'} {_cut(c.item, 60)}  [{c.verdict}; {c.rule}; {c.score:.2f}]"
            )
            lines.append(f"      {_cut(c.reason, width)}")
        lines.append("")
    return "\n".join(lines) + ("\n" if not lines else "")


_NOT_IN_TABLE = frozenset({"committee", "rule", "reason"})


def format_plan(rows: Sequence[PlanTableRow], fmt: str = "table", width: int = 60) -> str:
    """The work programme against the minutes as a table, Markdown, CSV or JSON."""
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False) + "\n"
    head = [f.name for f in fields(PlanTableRow)]
    if fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(head)
        for r in rows:
            w.writerow([getattr(r, h) for h in head])
        return out.getvalue()
    # the table leaves out the committee, the rule and the reason (CSV and JSON have them)
    cols = [h for h in head if h not in _NOT_IN_TABLE]
    cells = [
        [
            _cut(getattr(r, c), width) or ("for the year" if c == "planned" and r.entry else "")
            for c in cols
        ]
        for r in rows
    ]
    if fmt == "markdown":
        lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"
