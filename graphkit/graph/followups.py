"""Follow-ups and the work programme against the minutes, written into the graph.

Reads the build's records into ``graphkit.followups``' terms (items with their words and
programmes, requests, entries), runs the register and the plan comparison, and adds the
results to the default graph: they join several documents, so no document owns them.
Nothing already in the graph changes; every node has an IRI under the action, entry or
item it is about.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from .. import lexicon
from ..followups.due import find_due, municipal_year_of
from ..followups.match import ANSWERS, PARTLY
from ..followups.plan import PlanRow, compare_plan
from ..followups.records import Corpus, Entry, Item, Request, request_kind
from ..followups.register import FollowUp, register
from ..model import Document, FollowUpStatus, ItemRecord, MeetingRecord, PlanStatus
from ..segment.workprogramme import programme_years
from ..vocab import DCTERMS, GK, RDF, TIME, XSD
from .builder import Builder, lit
from .workprogramme import entry_numbers

if TYPE_CHECKING:
    from ..link import Linked

__all__ = ["FOLLOW_UP_STATUS", "PLAN_STATUS", "add_followups", "read_corpus"]

FOLLOW_UP_STATUS: dict[FollowUpStatus, URIRef] = {
    FollowUpStatus.ANSWERED: GK.Answered,
    FollowUpStatus.PARTLY_ANSWERED: GK.PartlyAnswered,
    FollowUpStatus.OPEN: GK.Open,
    FollowUpStatus.OVERDUE: GK.Overdue,
    FollowUpStatus.UNKNOWN: GK.StatusUnknown,
}
PLAN_STATUS: dict[PlanStatus, URIRef] = {
    PlanStatus.HELD_AS_PLANNED: GK.HeldAsPlanned,
    PlanStatus.MOVED: GK.Moved,
    PlanStatus.NOT_TAKEN: GK.NotTaken,
    PlanStatus.NOT_RECORDED: GK.MeetingNotRecorded,
    PlanStatus.ADDED: GK.AddedUnplanned,
}

# "the programme", "this project": the request is about the programme named before it
_ANAPHOR = re.compile(
    rf"\b(?:the|this)\s+{lexicon.alternation(lexicon.words('anaphor_heads.txt'))}\b", re.I
)
# a year pair beside "work programme", before a row: the programme's municipal year
_PROGRAMME_YEAR = re.compile(
    r"(?:work\s+programme[^\n]{0,25}?|)(?P<y>(?:19|20)\d\d\s*[-/–]\s*(?:19|20)?\d\d)(?:[^\n]{0,25}?work\s+programme)?",
    re.I,
)


class _Mentions:
    """The programme mentions of each document, by offset."""

    def __init__(self, linked: Linked) -> None:
        found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for mention, kind, key in linked.resolved:
            if kind == "programme":
                found[mention.source].append((mention.start, mention.end, key))
        self.by_source = {s: sorted(v) for s, v in found.items()}

    def within(self, source: str, start: int, end: int) -> list[tuple[int, int, str]]:
        spans = self.by_source.get(source, [])
        lo = bisect.bisect_left(spans, (start, -1, ""))
        hi = bisect.bisect_left(spans, (end, -1, ""))
        return spans[lo:hi]

    def keys(self, source: str, start: int, end: int) -> frozenset[str]:
        return frozenset(k for _, _, k in self.within(source, start, end))


def _item(b: Builder, rec: MeetingRecord, item: ItemRecord, text: str, found: _Mentions) -> Item:
    assert rec.date is not None
    meeting = b.meeting(rec.committee, rec.date, rec.start_time)
    spans = ((item.start, item.end), *item.extra_spans)
    words = " ".join(text[s:e] for s, e in spans)
    title_end = item.title_start + len(item.title) + 4
    return Item(
        key=str(b.iris.item(meeting, item.number, item.position)),
        committee=rec.committee or b.council_name,
        date=rec.date,
        number=item.number,
        title=item.title,
        text=words,
        programmes=frozenset(k for s, e in spans for k in found.keys(rec.source, s, e)),
        title_programmes=frozenset(
            k
            for _, end, k in found.within(rec.source, item.title_start, title_end)
            if end <= title_end
        ),
    )


def _requests(
    rec: MeetingRecord, record: ItemRecord, item: Item, found: _Mentions
) -> list[Request]:
    out = []
    for n, act in enumerate(record.actions, 1):
        kind = request_kind(act.text)
        if kind is None:
            continue
        programmes, topic_from = found.keys(rec.source, act.start, act.end), "text"
        if not programmes and _ANAPHOR.search(act.text):
            before = found.within(rec.source, record.start, act.start)
            programmes, topic_from = (
                (frozenset({before[-1][2]}), "antecedent") if before else (frozenset(), "")
            )
        out.append(
            Request(
                key=f"{item.key}/action/{n}",
                item=item,
                text=" ".join(act.text.split()),
                kind=kind,
                due=find_due(act.text, item.date),
                agent=act.agent,
                programmes=programmes,
                topic_from=topic_from if programmes else "",
            )
        )
    return out


def _programme_headings(rec: MeetingRecord, text: str) -> list[tuple[int, int]]:
    """Where a "Work Programme 2021-22" heading (or "the 2023/24 Work Programme") ends in
    a record, and the first year it names, in text order."""
    out = []
    for m in _PROGRAMME_YEAR.finditer(text, rec.start, rec.end):
        years = programme_years(m.group("y")) if "programme" in m.group(0).lower() else None
        if years:
            out.append((m.end(), years[0]))
    return out


def _entry_year(rec: MeetingRecord, headings: list[tuple[int, int]], start: int) -> int | None:
    """The municipal year a work-programme row is planned for when it has no date: the
    year the last heading before it names, else its meeting's."""
    before = [year for end, year in headings if end <= start]
    if before:
        return before[-1]
    return municipal_year_of(rec.date) if rec.date else None


def _entries(
    b: Builder, meetings: Sequence[MeetingRecord], docs: dict[str, Document], found: _Mentions
) -> list[Entry]:
    numbers = entry_numbers(meetings)
    out: dict[str, Entry] = {}
    for rec in meetings:
        headings = _programme_headings(rec, docs[rec.source].text) if rec.work_programme else []
        for row in rec.work_programme:
            number = numbers.get((rec.source, row.start))
            year = (
                municipal_year_of(row.date) if row.date else _entry_year(rec, headings, row.start)
            )
            if number is None or year is None:
                continue
            key = f"{b.iris.document(rec.source)}/work-programme/{number}"
            out.setdefault(
                key,
                Entry(
                    key=key,
                    committee=rec.committee or b.council_name,
                    title=" ".join(row.title.split()),
                    year=year,
                    date=row.date,
                    programmes=found.keys(rec.source, row.start, row.end),
                    source=rec.source,
                    listed_on=rec.date,
                ),
            )
    return list(out.values())


def read_corpus(
    b: Builder, docs: Sequence[Document], meetings: Sequence[MeetingRecord], linked: Linked
) -> tuple[Corpus, list[Request]]:
    """The council's items, entries and requests, as the follow-up rules read them."""
    found = _Mentions(linked)
    by_source = {d.source: d for d in docs}
    records: dict[str, list[Item]] = {}  # item -> each document's record of it, in order
    requests: dict[str, Request] = {}
    for rec in meetings:
        if rec.date is None or rec.source not in by_source:
            continue
        for record in rec.items:
            item = _item(b, rec, record, by_source[rec.source].text, found)
            records.setdefault(item.key, []).append(item)
            # a request reads its item's key, committee, date and number: the first record's
            for req in _requests(rec, record, records[item.key][0], found):
                requests.setdefault(req.key, req)
    labels = {c.key: c.pref_label for c in linked.concepts}
    items = tuple(_merged(each) for each in records.values())
    corpus = Corpus(items, tuple(_entries(b, meetings, by_source, found)), labels)
    return corpus, list(requests.values())


def _merged(records: list[Item]) -> Item:
    """One item from each document's record of it: the first's key, title and date, every
    record's words and programmes (joined once at the end: joined a record at a time, a
    meeting 200 documents record took the square of its text to build)."""
    first = records[0]
    if len(records) == 1:
        return first
    return Item(
        first.key, first.committee, first.date, first.number, first.title,
        "\n".join(r.text for r in records),
        first.programmes.union(*(r.programmes for r in records[1:])),
        first.title_programmes.union(*(r.title_programmes for r in records[1:])),
    )  # fmt: skip


def _date(value: object) -> Literal:
    return Literal(str(value), datatype=XSD.date)


def _add_follow_up(b: Builder, f: FollowUp) -> None:
    g, req = b.default, f.request
    action = URIRef(req.key)
    node = URIRef(f"{req.key}/follow-up")
    g.add((node, RDF.type, GK.FollowUp))
    g.add((node, GK.followUpOf, action))
    g.add((node, GK.followUpStatus, FOLLOW_UP_STATUS[f.status]))
    g.add((node, GK.requestKind, Literal(req.kind)))
    g.add((node, GK.statusReason, lit(f.reason)))
    for key in sorted(req.programmes):
        g.add((node, DCTERMS.subject, b.iris.programme(b.council, key)))
    if req.due is not None:
        g.add((node, GK.dueAsWritten, lit(req.due.text)))
    if f.due is not None:
        interval = URIRef(f"{node}/due")
        g.add((node, GK.dueDuring, interval))
        g.add((interval, RDF.type, TIME.Interval))
        for prop, day, suffix in (
            (TIME.hasBeginning, f.due.start, "start"),
            (TIME.hasEnd, f.due.end, "end"),
        ):
            instant = URIRef(f"{interval}/{suffix}")
            g.add((interval, prop, instant))
            g.add((instant, RDF.type, TIME.Instant))
            g.add((instant, TIME.inXSDDate, _date(day)))
    for n, m in enumerate(f.matches, 1):
        match = URIRef(f"{node}/match/{n}")
        g.add((node, GK.hasMatch, match))
        g.add((match, RDF.type, GK.FollowUpMatch))
        g.add((match, GK.matchTarget, URIRef(m.target)))
        g.add((match, GK.matchRule, Literal(m.rule)))
        g.add((match, GK.matchScore, Literal(Decimal(str(m.score)))))
        g.add((match, GK.matchVerdict, Literal(m.verdict)))
        g.add((match, GK.matchReason, lit(m.reason)))
        if m.verdict in (ANSWERS, PARTLY):
            g.add((node, GK.followedUpIn, URIRef(m.target)))


def _add_plan_row(b: Builder, row: PlanRow) -> None:
    g = b.default
    about = row.entry.key if row.entry is not None else row.taken[0].key
    node = URIRef(f"{about}/plan")
    g.add((node, RDF.type, GK.PlanCheck))
    g.add((node, GK.planStatus, PLAN_STATUS[row.status]))
    g.add((node, GK.planYear, Literal(row.year_label)))
    committee = b.council_node() if row.committee == b.council_name else b.committee(row.committee)
    g.add((node, GK.planOf, committee))
    g.add((node, GK.statusReason, lit(row.reason)))
    if row.entry is not None:
        g.add((node, GK.planEntry, URIRef(row.entry.key)))
    for item in row.taken:
        g.add((node, GK.takenIn, URIRef(item.key)))
    if row.rule:
        g.add((node, GK.matchRule, Literal(row.rule)))


def add_followups(
    b: Builder, docs: Sequence[Document], meetings: Sequence[MeetingRecord], linked: Linked
) -> None:
    """The register of the council's requests and its work programmes against the minutes."""
    corpus, requests = read_corpus(b, docs, meetings, linked)
    for f in register(requests, corpus):
        _add_follow_up(b, f)
    for row in compare_plan(corpus):
        _add_plan_row(b, row)
