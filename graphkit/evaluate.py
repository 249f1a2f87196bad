"""Score a built graph against a gold annotation (the JSON format of ``shared/gold``).

``evaluate(graph, gold)`` returns an :class:`Evaluation` of plain figures per
category; ``format_report`` renders it as a text table. Nothing here prints.
The matching rules are documented in ``docs/evaluate.md``; in short, every
label is compared after :func:`norm` (case, whitespace, typographic apostrophes
and dashes), and people are matched on their name with honorifics and role
suffixes stripped (:func:`name_keys`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from . import lexicon
from .errors import GraphkitError
from .graph.vocabulary import CAPACITY_OF, STATUS_OF
from .vocab import DCTERMS, FOAF, GK, OA, ORG, PROV, RDF, SCHEMA, SKOS, sorted_terms

__all__ = [
    "PRF",
    "Evaluation",
    "GoldError",
    "concept_key",
    "evaluate",
    "format_report",
    "load_gold",
    "name_keys",
    "norm",
]

GoldItem = Mapping[str, Any]

# the values the graph's terms stand for, read from the one mapping the graph writes
STATUS: dict[Node, str] = {term: value.value for term, value in STATUS_OF.items()}
CAPACITY: dict[Node, str] = {term: value.value for term, value in CAPACITY_OF.items()}
HONORIFICS = lexicon.words("scoring_titles.txt")
# formal offices compared as roles; other gold role notes are descriptions, not offices
FORMAL_ROLE = re.compile(r"^(chair\b|(deputy )?cabinet member for |director of )")
ORG_TYPES = (ORG.Organization, ORG.FormalOrganization, ORG.OrganizationalUnit)
WP_SIMILARITY = 0.75  # token Jaccard at or above which two work-programme titles match

_TRANS = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


class GoldError(GraphkitError):
    """The gold annotation file is missing or not in the expected format."""


# -- normalisation (pure helpers) ----------------------------------------------------------
def norm(text: str) -> str:
    """Case-fold, collapse whitespace, unify apostrophes and dashes.

    >>> norm("  Children\u2019s   Services \u2013 Update ")
    "children's services - update"
    """
    return " ".join(str(text).translate(_TRANS).casefold().split())


def name_keys(label: str) -> set[str]:
    """The keys a person label is matched on: the whole label, and the bare name.

    The bare name drops full stops, trailing ``(role)`` and ``, role`` / ``- body``
    suffixes and leading honorifics.

    >>> sorted(name_keys("Councillor K Sandhu (Chair)"))
    ['councillor k sandhu (chair)', 'k sandhu']
    >>> sorted(name_keys("Mrs. J Smith, Director of Parks"))
    ['j smith', 'mrs j smith, director of parks']
    >>> sorted(name_keys("Ann Lee - NHS Trust"))
    ['ann lee', 'ann lee - nhs trust']
    """
    full = norm(label).replace(".", "")
    core = full
    while True:
        stripped = re.sub(r"\s*\([^()]*\)\s*$", "", core)
        if stripped == core:
            break
        core = stripped
    core = re.split(r"\s+-\s+", core.split(",")[0])[0]
    words = core.split()
    while words and words[0] in HONORIFICS:
        words.pop(0)
    return {k for k in (full, " ".join(words)) if k}


def concept_key(label: str) -> str:
    """Key for programme and organisation labels: :func:`norm` without a leading "the".

    >>> concept_key("The  Coventry Way")
    'coventry way'
    """
    return re.sub(r"^the ", "", norm(label))


def _title_key(text: str) -> str:
    """
    >>> _title_key(" Minutes. ")
    'minutes'
    """
    return norm(text).strip(" .:;,")


def _number_key(text: str) -> str:
    """
    >>> _number_key("3 (a).")
    '3(a)'
    """
    return norm(text).replace(" ", "").rstrip(".")


def _role_key(text: str) -> str:
    """Roles compare without apostrophes; any chair role is "chair".

    >>> _role_key("Director of Children\u2019s Services")
    'director of childrens services'
    >>> _role_key("Chair of the Board")
    'chair'
    """
    key = norm(text).replace("'", "")
    return "chair" if re.match(r"^chair\b", key) else key


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", norm(text).replace("'", "")))


def _similarity(a: str, b: str) -> float:
    """Token Jaccard similarity.

    >>> _similarity("Library provision", "library  provision")
    1.0
    """
    ta, tb = _tokens(a), _tokens(b)
    return len(ta & tb) / len(ta | tb) if ta | tb else 1.0


# -- figures ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from true positives, false positives, false negatives."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> PRF:
        """
        >>> PRF.of(3, 1, 0).precision, PRF.of(0, 0, 0).f1
        (0.75, 1.0)
        """
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(tp, fp, fn, round(p, 4), round(r, 4), round(f, 4))


@dataclass(frozen=True)
class Evaluation:
    """Every figure, by category; ``as_dict()`` is the ``--json`` output."""

    meetings: dict[str, Any]
    items: dict[str, Any]
    attendance: dict[str, Any]
    people: dict[str, Any]
    programmes: dict[str, Any]
    chairs: dict[str, Any]
    resolutions: dict[str, Any]
    actions: dict[str, Any]
    work_programme: dict[str, Any]
    organisations: dict[str, Any]
    roles: dict[str, Any]
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {k: _plain(v) for k, v in asdict(self).items()}


def _plain(value: Any) -> Any:
    if isinstance(value, PRF):
        return asdict(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _match(
    gold: Sequence[Any],
    pred: Sequence[Any],
    same: Callable[[Any, Any], bool],
    block: Callable[[Any], Any],
) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Greedy one-to-one matching within blocks: (pairs, unmatched gold, unmatched pred)."""
    by_block: dict[Any, list[int]] = defaultdict(list)
    for i, p in enumerate(pred):
        by_block[block(p)].append(i)
    used: set[int] = set()
    pairs, missed = [], []
    for g in gold:
        hit = next(
            (i for i in by_block.get(block(g), ()) if i not in used and same(g, pred[i])), None
        )
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            pairs.append((g, pred[hit]))
    return pairs, missed, [p for i, p in enumerate(pred) if i not in used]


# -- the graph, read once ----------------------------------------------------------------------
class _View:
    """The union of the graph's named graphs, with the lookups the scorer needs."""

    def __init__(self, graph: Graph, gold: Mapping[str, Any]) -> None:
        if isinstance(graph, Dataset):
            graph = Dataset(store=graph.store, default_union=True)
        self.g = graph
        self.gold = gold
        self.person_index = _index(
            {
                p["id"]: [p.get("canonical_name"), p.get("full_name"), *p.get("variants", [])]
                for p in gold["people"]
            },
            name_keys,
        )
        self.meeting_key: dict[Node, str] = {}
        gold_meetings = {(m["date"], norm(m["committee"])): m["id"] for m in gold["meetings"]}
        self.meetings = sorted_terms(self.subjects(GK.Meeting))
        for m in self.meetings:
            date = self.date(m)
            labels = {
                norm(lab) for org in self.objs(m, SCHEMA.organizer) for lab in self.labels(org)
            }
            ids = [gold_meetings[(date, lab)] for lab in labels if (date, lab) in gold_meetings]
            self.meeting_key[m] = ids[0] if ids else str(m)
        self.items_of: dict[Node, list[Node]] = defaultdict(list)
        for item in self.subjects(GK.AgendaItem):
            for m in self.objs(item, SCHEMA.superEvent):
                self.items_of[m].append(item)
        self.attended = {m for a in self.subjects(GK.Attendance) for m in self.objs(a, GK.meeting)}
        referenced = {
            o for p in (GK.approvesMinutesOf, DCTERMS.references) for o in self.g.objects(None, p)
        }
        self.recorded = {
            m
            for m in self.meetings
            if self.objs(m, PROV.wasDerivedFrom) and (self.items_of.get(m) or m in self.attended)
        }
        self.referenced_only = {
            m
            for m in self.meetings
            if m in referenced and not (self.items_of.get(m) or m in self.attended)
        }

    def objs(self, s: Node, p: URIRef) -> list[Node]:
        return sorted_terms(set(self.g.objects(s, p)))

    def subjects(self, cls: URIRef) -> set[Node]:
        return set(self.g.subjects(RDF.type, cls))

    def labels(self, node: Node) -> list[str]:
        return [str(v) for p in (SKOS.prefLabel, SKOS.altLabel) for v in self.objs(node, p)]

    def label(self, node: Node) -> str:
        pref = self.objs(node, SKOS.prefLabel) or self.objs(node, SCHEMA.name)
        return str(pref[0]) if pref else str(node)

    def date(self, node: Node) -> str | None:
        dates = self.objs(node, DCTERMS.date)
        return str(dates[0])[:10] if dates else None

    def person_ids(self, node: Node) -> frozenset[str]:
        return _lookup(self.person_index, self.labels(node), name_keys)

    def meeting_of(self, node: Node) -> Node | None:
        """The meeting an agenda item (or something part of one) belongs to."""
        for m in self.objs(node, SCHEMA.superEvent):
            return m
        for parent in self.objs(node, DCTERMS.isPartOf):
            for m in self.objs(parent, SCHEMA.superEvent):
                return m
        return None

    def document_meeting(self, doc: Node) -> Node | None:
        """The latest meeting a document records: an agenda pack belongs to its own meeting."""
        cands = [
            m
            for m in self.g.subjects(PROV.wasDerivedFrom, doc)
            if m in self.meeting_key and m not in self.referenced_only
        ]
        return max(cands, key=lambda m: (self.date(m) or "", str(m))) if cands else None


def _index(
    variants: Mapping[str, Iterable[str | None]], keys: Callable[[str], Iterable[str]]
) -> dict[str, frozenset[str]]:
    """key → gold ids; keys shared by several gold entries are dropped as not distinctive."""
    index: dict[str, set[str]] = defaultdict(set)
    for gid, labels in variants.items():
        for label in labels:
            if label:
                for k in keys(label):
                    index[k].add(gid)
    return {k: frozenset(v) for k, v in index.items() if len(v) == 1}


def _lookup(
    index: Mapping[str, frozenset[str]], labels: Iterable[str], keys: Callable[[str], Iterable[str]]
) -> frozenset[str]:
    return frozenset(gid for lab in labels for k in keys(lab) for gid in index.get(k, ()))


def _one(key: str) -> list[str]:
    return [key]


# -- categories -----------------------------------------------------------------------------------
def _meetings(v: _View) -> dict[str, Any]:
    by_gold: dict[str, list[str]] = defaultdict(list)
    for m, key in v.meeting_key.items():
        by_gold[key].append(str(m))
    found, missing = [], []
    for gm in v.gold["meetings"]:
        if gm["id"] in by_gold:
            found.append(gm["id"])
            continue
        same_day = [m for m in v.meetings if v.date(m) == gm["date"]]
        seen = [
            repr(lab) for m in same_day for o in v.objs(m, SCHEMA.organizer) for lab in v.labels(o)
        ]
        why = "organizer labelled " + ", ".join(seen) if same_day else "no gk:Meeting on that date"
        missing.append(
            {"id": gm["id"], "date": gm["date"], "committee": gm["committee"], "why": why}
        )
    gold_ids = {gm["id"] for gm in v.gold["meetings"]}
    extra = [
        {
            "iri": str(m),
            "date": v.date(m),
            "committee": "; ".join(v.label(o) for o in v.objs(m, SCHEMA.organizer)),
        }
        for m in v.meetings
        if m in v.recorded and v.meeting_key[m] not in gold_ids
    ]
    return {
        "total": len(gold_ids),
        "found": found,
        "missing": missing,
        "extra": extra,
        "duplicates": {
            k: iris for k, iris in sorted(by_gold.items()) if k in gold_ids and len(iris) > 1
        },
        "referenced_only": len(v.referenced_only),
    }


def _items(v: _View) -> tuple[dict[str, Any], list[tuple[GoldItem, Node]]]:
    gold = [
        {
            "meeting": gm["id"],
            "number": _number_key(it["number"]) if it.get("number") else None,
            "title": _title_key(it["title"]),
            "raw": it,
        }
        for gm in v.gold["meetings"]
        for it in gm.get("items", [])
    ]
    pred = []
    for m, items in v.items_of.items():
        for item in sorted_terms(items):
            nums = v.objs(item, DCTERMS.identifier)
            names = v.objs(item, SCHEMA.name)
            pred.append(
                {
                    "meeting": v.meeting_key.get(m, str(m)),
                    "node": item,
                    "number": _number_key(str(nums[0])) if nums else None,
                    "title": _title_key(str(names[0])) if names else "",
                }
            )

    def block(x: Mapping[str, Any]) -> str:
        return str(x["meeting"])

    exact, rest_g, rest_p = _match(
        gold, pred, lambda g, p: g["number"] == p["number"] and g["title"] == p["title"], block
    )
    loose, missed, spurious = _match(
        rest_g, rest_p, lambda g, p: g["number"] is None and g["title"] == p["title"], block
    )
    pairs = exact + loose
    numbered_g = [g for g in gold if g["number"]]
    numbered_p = [p for p in pred if p["number"]]
    num_pairs, _, _ = _match(numbered_g, numbered_p, lambda g, p: g["number"] == p["number"], block)
    title_pairs, _, _ = _match(gold, pred, lambda g, p: g["title"] == p["title"], block)

    def show(x: Mapping[str, Any]) -> str:
        return f"{x['meeting']} {x['number'] or '-'} {x['title']}"

    return {
        "number_and_title": PRF.of(len(pairs), len(spurious), len(missed)),
        "number": PRF.of(
            len(num_pairs), len(numbered_p) - len(num_pairs), len(numbered_g) - len(num_pairs)
        ),
        "title": PRF.of(
            len(title_pairs), len(pred) - len(title_pairs), len(gold) - len(title_pairs)
        ),
        "missed": [show(g) for g in missed],
        "spurious": [show(p) for p in spurious],
    }, [(g["raw"], p["node"]) for g, p in pairs]


def _attendance(v: _View) -> dict[str, Any]:
    excluded = _attendance_excluded(v.gold)
    gold = _gold_attendance(v, excluded)
    pred, skipped = _graph_attendance(v, excluded)

    def same(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return g["status"] == p["status"] and bool(g["person"] & p["person"])

    def block(x: Mapping[str, Any]) -> str:
        return str(x["meeting"])

    pairs, missed, spurious = _match(gold, pred, same, block)
    cap_pairs, _, _ = _match(
        gold, pred, lambda g, p: same(g, p) and g["capacity"] == p["capacity"], block
    )

    def show(x: Mapping[str, Any]) -> str:
        return f"{x['meeting']} {x['label']} {x['status']} ({x['capacity']})"

    return {
        "status": PRF.of(len(pairs), len(spurious), len(missed)),
        "capacity": PRF.of(len(cap_pairs), len(pred) - len(cap_pairs), len(gold) - len(cap_pairs)),
        "excluded_meetings": excluded,
        "excluded_graph_rows": skipped,
        "capacity_wrong": [
            f"{g['meeting']} {g['label']}: gold {g['capacity']}, graph {p['capacity']}"
            for g, p in pairs
            if g["capacity"] != p["capacity"]
        ],
        "missed": [show(g) for g in missed],
        "spurious": [show(p) for p in spurious],
    }


def _gold_attendance(v: _View, excluded: list[str]) -> list[dict[str, Any]]:
    """The gold attendance rows outside ``excluded`` meetings."""
    return [
        {
            "meeting": gm["id"],
            "person": frozenset([a["person"]]),
            "status": a["status"],
            "capacity": a.get("capacity"),
            "label": a["person"],
        }
        for gm in v.gold["meetings"]
        if gm["id"] not in excluded
        for a in gm.get("attendance", [])
    ]


def _graph_attendance(v: _View, excluded: list[str]) -> tuple[list[dict[str, Any]], int]:
    """The graph's attendance rows outside ``excluded`` meetings, and how many were inside."""
    pred: list[dict[str, Any]] = []
    skipped = 0
    for node in sorted_terms(v.subjects(GK.Attendance)):
        meetings = v.objs(node, GK.meeting)
        key = v.meeting_key.get(meetings[0], str(meetings[0])) if meetings else str(node)
        if key in excluded:
            skipped += 1
            continue
        people = v.objs(node, GK.attendee)
        status = [STATUS.get(s, str(s)) for s in v.objs(node, GK.status)]
        capacity = [CAPACITY.get(c, str(c)) for c in v.objs(node, GK.capacity)]
        pred.append(
            {
                "meeting": key,
                "person": frozenset().union(*(v.person_ids(p) for p in people)),
                "status": status[0] if status else None,
                "capacity": capacity[0] if capacity else None,
                "label": "; ".join(v.label(p) for p in people) or "?",
            }
        )
    return pred, skipped


def _people(v: _View) -> dict[str, Any]:
    people = sorted_terms(v.subjects(SCHEMA.Person) | v.subjects(FOAF.Person))
    by_gold: dict[str, list[str]] = defaultdict(list)
    merges, spurious = [], []
    for p in people:
        ids = v.person_ids(p)
        for gid in ids:
            by_gold[gid].append(v.label(p))
        if len(ids) > 1:
            merges.append({"label": v.label(p), "gold": sorted(ids)})
        elif not ids:
            spurious.append(v.label(p))
    gold_ids = [p["id"] for p in v.gold["people"]]
    return {
        "total": len(gold_ids),
        "graph_people": len(people),
        "found": sum(1 for g in gold_ids if g in by_gold),
        "missing": [g for g in gold_ids if g not in by_gold],
        "splits": {g: sorted(by_gold[g]) for g in gold_ids if len(by_gold[g]) > 1},
        "merges": merges,
        "spurious": sorted(spurious),
    }


def _concept_meetings(v: _View, concept: Node) -> set[str]:
    """Meetings where ``concept`` is a subject of an item, or annotated in the meeting's text."""
    out: set[str] = set()
    for item in v.g.subjects(DCTERMS.subject, concept):
        m = v.meeting_of(item)
        if m is not None and (item, RDF.type, GK.AgendaItem) in v.g:
            out.add(v.meeting_key.get(m, str(m)))
    for ann in v.g.subjects(OA.hasBody, concept):
        targets = v.objs(ann, OA.hasTarget)
        places = v.objs(ann, GK.inItem) + [i for t in targets for i in v.objs(t, GK.inItem)]
        meetings = [m for m in (v.meeting_of(i) for i in places) if m is not None]
        if not meetings:
            docs = [d for t in targets for d in v.objs(t, OA.hasSource)]
            meetings = [m for m in (v.document_meeting(d) for d in docs) if m is not None]
        out.update(v.meeting_key.get(m, str(m)) for m in meetings)
    return out


def _programmes(v: _View) -> dict[str, Any]:
    gold = v.gold.get("programmes", [])
    index = _index(
        {p["id"]: [p.get("canonical_name"), *p.get("variants", [])] for p in gold},
        lambda s: _one(concept_key(s)),
    )
    concepts = sorted_terms(
        (v.subjects(SKOS.Concept) | v.subjects(GK.Programme)) - v.subjects(ORG.Role)
    )
    matched: dict[str, list[Node]] = defaultdict(list)
    merged = []
    for c in concepts:
        ids = _lookup(index, v.labels(c), lambda s: _one(concept_key(s)))
        for gid in ids:
            matched[gid].append(c)
        if len(ids) > 1:
            merged.append({"label": v.label(c), "gold": sorted(ids)})
    core, tp, fp, fn = [], 0, 0, 0
    for p in gold:
        if p.get("salience") != "core":
            continue
        found = matched.get(p["id"], [])
        got = set().union(*(_concept_meetings(v, c) for c in found))
        want = set(p.get("mentioned_in_meetings", []))
        score = PRF.of(len(got & want), len(got - want), len(want - got))
        tp, fp, fn = tp + score.tp, fp + score.fp, fn + score.fn
        core.append(
            {
                "id": p["id"],
                "found": bool(found),
                "one_concept": len(found) == 1,
                "concepts": [v.label(c) for c in found],
                "gold_meetings": sorted(want),
                "graph_meetings": sorted(got),
                "meetings": score,
            }
        )
    minor = [p["id"] for p in gold if p.get("salience") == "minor"]
    return {
        "core_total": len(core),
        "core_found": sum(c["found"] for c in core),
        "core_one_concept": sum(c["one_concept"] for c in core),
        "core_meetings": PRF.of(tp, fp, fn),
        "core_all_meetings": sum(c["meetings"].recall == 1.0 for c in core),
        "core": core,
        "minor_total": len(minor),
        "minor_found": sum(1 for m in minor if m in matched),
        "minor_missing": [m for m in minor if m not in matched],
        "merged": merged,
        "graph_concepts": len(concepts),
    }


def _chairs(v: _View) -> dict[str, Any]:
    rows = []
    for gm in v.gold["meetings"]:
        nodes = [m for m, k in v.meeting_key.items() if k == gm["id"]]
        chairs = sorted_terms({c for m in nodes for c in v.objs(m, GK.chair)})
        ids = [sorted(v.person_ids(c)) for c in chairs]
        want = gm.get("chair")
        ok = bool(nodes) and (
            (want is None and not chairs) or (len(chairs) == 1 and want in ids[0])
        )
        rows.append(
            {
                "meeting": gm["id"],
                "meeting_found": bool(nodes),
                "gold": want,
                "graph": [v.label(c) for c in chairs],
                "graph_ids": ids,
                "ok": ok,
            }
        )
    return {"total": len(rows), "correct": sum(r["ok"] for r in rows), "meetings": rows}


def _counts(
    v: _View, pairs: Sequence[tuple[GoldItem, Node]], cls: URIRef, key: str
) -> dict[str, Any]:
    exact, gold_total, graph_total, diffs = 0, 0, 0, []
    for it, node in pairs:
        want = it.get(key, 0)
        want = len(want) if isinstance(want, list) else int(want or 0)
        got = sum(1 for s in set(v.g.subjects(DCTERMS.isPartOf, node)) if (s, RDF.type, cls) in v.g)
        exact += want == got
        gold_total, graph_total = gold_total + want, graph_total + got
        if want != got:
            diffs.append(f"{it.get('number') or '-'} {it['title']}: gold {want}, graph {got}")
    return {
        "items_compared": len(pairs),
        "exact": exact,
        "gold_total": gold_total,
        "graph_total": graph_total,
        "differences": diffs,
    }


def _work_programme(v: _View) -> dict[str, Any]:
    gold = v.gold.get("work_programme", [])
    pred = [
        (str(next(iter(v.objs(n, SCHEMA.name)), "")), v.date(n))
        for n in sorted_terms(v.subjects(GK.WorkProgrammeEntry))
    ]
    cands = sorted(
        (
            (_similarity(g["title"], p[0]), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
        ),
        reverse=True,
    )
    used_g: dict[int, int] = {}
    used_p: set[int] = set()
    for sim, gi, pi in cands:
        if sim >= WP_SIMILARITY and gi not in used_g and pi not in used_p:
            used_g[gi] = pi
            used_p.add(pi)
    return {
        "entries": PRF.of(len(used_g), len(pred) - len(used_g), len(gold) - len(used_g)),
        "dates_right": sum(gold[gi].get("date") == pred[pi][1] for gi, pi in used_g.items()),
        "missed": [g["title"] for gi, g in enumerate(gold) if gi not in used_g],
        "spurious": [p[0] for pi, p in enumerate(pred) if pi not in used_p],
    }


def _organisations(v: _View) -> dict[str, Any]:
    gold = v.gold.get("organisations", [])
    keys = {concept_key(lab) for cls in ORG_TYPES for o in v.subjects(cls) for lab in v.labels(o)}
    found = [
        o["id"]
        for o in gold
        if any(concept_key(x) in keys for x in [o.get("canonical_name"), *o["variants"]] if x)
    ]
    return {
        "total": len(gold),
        "found": len(found),
        "missing": [o["id"] for o in gold if o["id"] not in found],
    }


def _roles(v: _View) -> dict[str, Any]:
    gold = {
        (p["id"], _role_key(r["role"]))
        for p in v.gold["people"]
        for r in p.get("roles", [])
        if FORMAL_ROLE.match(_role_key(r["role"]))
    }
    pred: dict[tuple[Node, str], frozenset[str]] = {}
    for ms in v.subjects(ORG.Membership):
        for role in v.objs(ms, ORG.role):
            for label in v.labels(role):
                if FORMAL_ROLE.match(_role_key(label)):
                    for person in v.objs(ms, ORG.member):
                        pred[(person, _role_key(label))] = v.person_ids(person)
    hits = {(gid, role) for (_, role), ids in pred.items() for gid in ids if (gid, role) in gold}
    wrong = sorted(
        f"{v.label(p)}: {role}"
        for (p, role), ids in pred.items()
        if not any((gid, role) in gold for gid in ids)
    )
    return {
        "pairs": PRF.of(len(pred) - len(wrong), len(wrong), len(gold - hits)),
        "missed": sorted(f"{gid}: {role}" for gid, role in gold - hits),
        "spurious": wrong,
    }


# -- public API -----------------------------------------------------------------------------------
def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold annotation file."""
    path = Path(path)
    try:
        gold: object = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such gold file; pass --gold PATH to a gold JSON") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"{path}: not readable JSON ({err})") from err
    check_gold(gold, source=str(path))
    assert isinstance(gold, dict)  # check_gold raised otherwise
    return gold


def check_gold(gold: Any, *, source: str = "gold") -> None:
    """Raise :class:`GoldError` unless ``gold`` has the keys the scorer reads."""
    if not isinstance(gold, dict):
        raise GoldError(
            f"{source}: a gold annotation is a JSON object with 'meetings' and 'people'"
        )
    problems = [f"missing top-level key {k!r}" for k in ("meetings", "people") if k not in gold]
    for i, m in enumerate(gold.get("meetings", [])):
        problems += [
            f"meetings[{i}] has no {k!r}" for k in ("id", "date", "committee") if k not in m
        ]
    for i, p in enumerate(gold.get("people", [])):
        problems += [f"people[{i}] has no {k!r}" for k in ("id", "variants") if k not in p]
    if problems:
        raise GoldError(
            f"{source}: not in the gold format ({'; '.join(problems[:5])}); "
            "see tests/data/gold/README.md"
        )


def evaluate(graph: Graph, gold: Mapping[str, Any]) -> Evaluation:
    """Compare ``graph`` (a Dataset is read as the union of its graphs) with ``gold``."""
    check_gold(gold)
    v = _View(graph, gold)
    items, pairs = _items(v)
    return Evaluation(
        meetings=_meetings(v),
        items=items,
        attendance=_attendance(v),
        people=_people(v),
        programmes=_programmes(v),
        chairs=_chairs(v),
        resolutions=_counts(v, pairs, GK.Resolution, "resolutions"),
        actions=_counts(v, pairs, GK.Action, "actions"),
        work_programme=_work_programme(v),
        organisations=_organisations(v),
        roles=_roles(v),
        notes=[
            f"attendance excludes {m}: the gold gives a membership list, not attendance"
            for m in _attendance_excluded(gold)
        ],
    )


def _attendance_excluded(gold: Mapping[str, Any]) -> list[str]:
    return sorted(m["id"] for m in gold["meetings"] if "membership" in m)


# -- text report ----------------------------------------------------------------------------------
def _prf(s: PRF) -> str:
    return (
        f"P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}   ({s.tp} tp, {s.fp} fp, {s.fn} fn)"
    )


def _frac(a: int, b: int) -> str:
    return f"{a}/{b}"


def _programme_problem(c: Mapping[str, Any]) -> str:
    if not c["found"]:
        return f"{c['id']}: not found"
    parts = []
    if not c["one_concept"]:
        parts.append(f"{len(c['concepts'])} concepts ({' | '.join(c['concepts'])})")
    if c["gold_meetings"] != c["graph_meetings"]:
        parts.append(f"meetings gold {c['gold_meetings']}, graph {c['graph_meetings']}")
    return f"{c['id']}: {'; '.join(parts)}" if parts else ""


def format_report(ev: Evaluation, *, limit: int = 10) -> str:
    """A text table of the figures, then the details; lists beyond ``limit`` are cut (0: all)."""
    out = [f"{'category':<16}{'figure':<32}value", "-" * 100]
    out += [f"{a:<16}{b:<32}{c}" for a, b, c in _figure_rows(ev)]
    for title, lines, cut in [*_record_details(ev), *_entity_details(ev)]:
        if not lines:
            continue
        shown = lines if not cut or not limit else lines[:limit]
        out.append(f"\n{title} ({len(lines)}):")
        out.extend(f"  {line}" for line in shown)
        if len(shown) < len(lines):
            out.append(f"  ... and {len(lines) - len(shown)} more (use --limit 0 or --json)")
    return "\n".join(out) + "\n"


def _figure_rows(ev: Evaluation) -> list[tuple[str, str, str]]:
    """The report's table: (category, figure, value)."""
    m, it, at, pe, pr = ev.meetings, ev.items, ev.attendance, ev.people, ev.programmes
    return [
        ("meetings", "found (date + committee)", _frac(len(m["found"]), m["total"])),
        ("", "extra recorded meetings", str(len(m["extra"]))),
        ("agenda items", "number + title", _prf(it["number_and_title"])),
        ("", "number only", _prf(it["number"])),
        ("", "title only", _prf(it["title"])),
        ("attendance", "person, meeting, status", _prf(at["status"])),
        ("", "... and capacity", _prf(at["capacity"])),
        ("people", "found", _frac(pe["found"], pe["total"])),
        (
            "",
            "split / false merge / spurious",
            f"{len(pe['splits'])} / {len(pe['merges'])} / {len(pe['spurious'])}",
        ),
        ("programmes", "core found", _frac(pr["core_found"], pr["core_total"])),
        ("", "core as one concept", _frac(pr["core_one_concept"], pr["core_total"])),
        ("", "core in all gold meetings", _frac(pr["core_all_meetings"], pr["core_total"])),
        ("", "core meetings (micro)", _prf(pr["core_meetings"])),
        ("", "minor found", _frac(pr["minor_found"], pr["minor_total"])),
        ("chairs", "right", _frac(ev.chairs["correct"], ev.chairs["total"])),
        (
            "resolutions",
            "items with right count",
            f"{_frac(ev.resolutions['exact'], ev.resolutions['items_compared'])}   (total gold "
            f"{ev.resolutions['gold_total']}, graph {ev.resolutions['graph_total']})",
        ),
        (
            "actions",
            "items with right count",
            f"{_frac(ev.actions['exact'], ev.actions['items_compared'])}   (total gold "
            f"{ev.actions['gold_total']}, graph {ev.actions['graph_total']})",
        ),
        ("work programme", "entries (title)", _prf(ev.work_programme["entries"])),
        ("organisations", "found", _frac(ev.organisations["found"], ev.organisations["total"])),
        ("roles", "person + office", _prf(ev.roles["pairs"])),
    ]


_Detail = tuple[str, Sequence[str], bool]  # title, lines, whether --limit cuts them


def _record_details(ev: Evaluation) -> list[_Detail]:
    """What went wrong with meetings, agenda items and attendance."""
    m, it, at = ev.meetings, ev.items, ev.attendance
    return [
        (
            "meetings missing",
            [f"{x['id']} {x['date']} {x['committee']}: {x['why']}" for x in m["missing"]],
            False,
        ),
        (
            "extra meetings",
            [f"{x['date']} {x['committee']} <{x['iri']}>" for x in m["extra"]],
            True,
        ),
        ("duplicate meetings", [f"{k}: {', '.join(v)}" for k, v in m["duplicates"].items()], True),
        ("agenda items missed", it["missed"], True),
        ("agenda items spurious", it["spurious"], True),
        ("attendance missed", at["missed"], True),
        ("attendance spurious", at["spurious"], True),
        ("attendance capacity wrong", at["capacity_wrong"], True),
    ]


def _entity_details(ev: Evaluation) -> list[_Detail]:
    """What went wrong with people, programmes, chairs, decisions, organisations, roles."""
    pe, pr = ev.people, ev.programmes
    return [
        ("people missing", pe["missing"], True),
        (
            "people split",
            [f"{g}: {' | '.join(labels)}" for g, labels in pe["splits"].items()],
            False,
        ),
        (
            "people falsely merged",
            [f"{x['label']}: {', '.join(x['gold'])}" for x in pe["merges"]],
            False,
        ),
        ("people spurious", pe["spurious"], False),
        (
            "core programmes not right",
            [_programme_problem(c) for c in pr["core"] if _programme_problem(c)],
            False,
        ),
        (
            "concepts matching several gold programmes",
            [f"{x['label']}: {', '.join(x['gold'])}" for x in pr["merged"]],
            True,
        ),
        ("minor programmes missing", pr["minor_missing"], True),
        (
            "chairs wrong",
            [
                f"{r['meeting']}: gold {r['gold']}, graph "
                + (str(r["graph"] or "none") if r["meeting_found"] else "has no such meeting")
                for r in ev.chairs["meetings"]
                if not r["ok"]
            ],
            False,
        ),
        ("resolution counts differing", ev.resolutions["differences"], True),
        ("action counts differing", ev.actions["differences"], True),
        ("work programme entries missed", ev.work_programme["missed"], True),
        ("organisations missing", ev.organisations["missing"], True),
        ("roles missed", ev.roles["missed"], True),
        ("roles spurious", ev.roles["spurious"], True),
        ("notes", ev.notes, False),
    ]
