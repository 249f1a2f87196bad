"""One ``add_<kind>`` per record type: each turns one record into its triples."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from rdflib import Literal, URIRef

from .. import lexicon
from ..iris import slug
from ..model import (
    ActionRecord,
    AttendanceRecord,
    Capacity,
    ItemRecord,
    MeetingRecord,
    MeetingRef,
    Membership,
    Mention,
    Status,
    WorkProgrammeRow,
)
from ..vocab import DCTERMS, GK, ORG, PROV, RDF, SCHEMA, SKOS, TIME, XSD
from .builder import Builder, lit, municipal_year, plain, timestamp
from .quads import QuadGraph
from .vocabulary import CAPACITY, STATUS

__all__ = [
    "Spans",
    "add_action",
    "add_attendance",
    "add_item",
    "add_listed_member",
    "add_meeting",
    "add_meeting_ref",
    "add_mention",
    "add_role",
    "add_topics_taken",
    "add_work_programme_entry",
    "merge_attendance",
    "ref_body",
]

# when one person is listed twice for a meeting, the more specific capacity wins
CAPACITY_RANK = list(Capacity)
STATUS_RANK = list(Status)

Span = tuple[int, int, URIRef]


@dataclass
class Spans:
    """Where each item and work-programme entry lies in its document, so a mention can
    be placed in the item (or entry) that contains it."""

    items: dict[str, list[Span]] = field(default_factory=lambda: defaultdict(list))
    entries: dict[str, list[Span]] = field(default_factory=lambda: defaultdict(list))
    # (kind, source) -> the index of its spans, made when first asked, remade when they change
    _index: dict[tuple[str, str], tuple[int, _Innermost]] = field(default_factory=dict)

    def sort(self) -> None:
        for spans in self.items.values():
            spans.sort(key=lambda s: (s[0], -s[1]))
        self._index.clear()

    def item_at(self, source: str, pos: int) -> URIRef | None:
        return self._at("items", self.items.get(source, []), source, pos)

    def entry_at(self, source: str, pos: int) -> URIRef | None:
        return self._at("entries", self.entries.get(source, []), source, pos)

    def _at(self, kind: str, spans: list[Span], source: str, pos: int) -> URIRef | None:
        made = self._index.get((kind, source))
        if made is None or made[0] != len(spans):
            made = (len(spans), _Innermost(spans))
            self._index[(kind, source)] = made
        node = made[1].at(pos)
        return node if isinstance(node, URIRef) else None


class _Innermost:
    """Spans indexed for :meth:`at`: the node of the last-starting span that contains a
    position (of two starting together, the later listed), in logarithmic time.

    >>> spans = _Innermost([(0, 100, "a"), (10, 20, "b"), (10, 15, "c"), (30, 40, "d")])
    >>> [spans.at(p) for p in (5, 12, 17, 25, 35, 100)]
    ['a', 'c', 'b', 'a', 'd', None]
    """

    def __init__(self, spans: Sequence[tuple[int, int, Any]]) -> None:
        order = sorted(range(len(spans)), key=lambda i: (spans[i][0], i))
        self.starts = [spans[i][0] for i in order]
        self.nodes = [spans[i][2] for i in order]
        self.size = 1
        while self.size < len(order):
            self.size *= 2
        # a tree of the furthest end under each node; leaves in start order
        self.reach = [-1] * (2 * self.size)
        for leaf, i in enumerate(order):
            self.reach[self.size + leaf] = spans[i][1]
        for node in range(self.size - 1, 0, -1):
            self.reach[node] = max(self.reach[2 * node], self.reach[2 * node + 1])

    def at(self, pos: int) -> Any:
        last = bisect_right(self.starts, pos) - 1  # spans from 0 to last start at or before pos
        if last < 0:
            return None
        found = self._rightmost(1, 0, self.size - 1, last, pos)
        return None if found < 0 else self.nodes[found]

    def _rightmost(self, node: int, lo: int, hi: int, last: int, pos: int) -> int:
        """The last leaf in ``lo``..``min(hi, last)`` whose span ends after ``pos``."""
        if lo > last or self.reach[node] <= pos:
            return -1
        if lo == hi:
            return lo
        mid = (lo + hi) // 2
        right = self._rightmost(2 * node + 1, mid + 1, hi, last, pos)
        return right if right >= 0 else self._rightmost(2 * node, lo, mid, last, pos)


# -- meetings ------------------------------------------------------------------------------
def add_meeting(b: Builder, rec: MeetingRecord) -> URIRef:
    """The meeting a record records. A meeting no document dates is a
    ``gk:UndatedMeeting`` (not a ``gk:Meeting``, whose date is always present), named by
    the platform's id for it, or else by the document; its items hang on it all the same."""
    g, iris = b.g(rec.source), b.iris
    # a meeting whose body the page does not name is still the council's
    organizer = b.committee(rec.committee) if rec.committee else b.council_node()
    if rec.date is None:
        ident = slug(rec.platform_id) if rec.platform_id else "document-" + slug(rec.source)
        node = iris.undated_meeting(b.council, ident)
        g.add((node, RDF.type, GK.UndatedMeeting))
        body = b.committee_label(rec.committee) if rec.committee else "A meeting"
        g.add((node, SCHEMA.name, lit(f"{body}, date not given")))
    else:
        node = b.meeting(rec.committee, rec.date, rec.start_time)
        g.add((node, RDF.type, GK.Meeting))
        g.add((node, DCTERMS.date, Literal(rec.date.isoformat(), datatype=XSD.date)))
        g.add((node, GK.municipalYear, plain(municipal_year(rec.date))))
        g.add((node, SCHEMA.name, lit(b.meeting_name(rec.committee, rec.date))))
        if rec.start_time:
            g.add((node, SCHEMA.startDate, timestamp(rec.date, rec.start_time)))
        if rec.end_time:
            g.add((node, SCHEMA.endDate, timestamp(rec.date, rec.end_time)))
        if rec.venue:
            g.add((node, SCHEMA.location, lit(rec.venue)))
    g.add((node, RDF.type, SCHEMA.Event))
    g.add((node, SCHEMA.organizer, organizer))
    g.add((node, PROV.wasDerivedFrom, iris.document(rec.source)))
    if rec.platform_id:
        g.add((node, GK.platformId, Literal(rec.platform_id)))
    return node


def add_meeting_ref(b: Builder, rec: MeetingRecord, meeting: URIRef, ref: MeetingRef) -> None:
    """A meeting the record refers to ("the minutes of the meeting held on ..."): its node,
    and the meeting's link to it (``gk:approvesMinutesOf`` or ``dcterms:references``)."""
    g = b.g(rec.source)
    body = ref_body(ref.body, rec.committee) if ref.body or rec.committee else ""
    other = b.meeting(body, ref.date)
    g.add((other, RDF.type, GK.Meeting))
    g.add((other, RDF.type, SCHEMA.Event))
    g.add((other, DCTERMS.date, Literal(ref.date.isoformat(), datatype=XSD.date)))
    g.add((other, GK.municipalYear, plain(municipal_year(ref.date))))
    g.add((other, SCHEMA.organizer, b.committee(body) if body else b.council_node()))
    g.add((other, SCHEMA.name, lit(b.meeting_name(body, ref.date))))
    prop = GK.approvesMinutesOf if ref.relation == "approves" else DCTERMS.references
    g.add((meeting, prop, other))


def ref_body(body: str | None, committee: str) -> str:
    """The committee a referenced meeting belongs to: this one unless another is named;
    a short form of this committee's own name ("Cabinet" in the Cabinet's minutes) is this one.

    >>> ref_body("Cabinet", "Planning Committee"), ref_body("Scrutiny Board (2)", "Education Scrutiny Board (2)")
    ('Cabinet', 'Education Scrutiny Board (2)')
    """
    if not body or body.lower().replace("’", "'") in committee.lower().replace("’", "'"):
        return committee
    return body


# -- items, resolutions and actions --------------------------------------------------------
def add_item(
    b: Builder, rec: MeetingRecord, meeting: URIRef, item: ItemRecord, spans: Spans
) -> URIRef:
    """An agenda item of ``meeting``, with its resolutions and actions; its text and the
    papers attached to it elsewhere are where its mentions lie."""
    g, iris = b.g(rec.source), b.iris
    node = iris.item(meeting, item.number, item.position)
    for start, end in ((item.start, item.end), *item.extra_spans):
        spans.items[rec.source].append((start, end, node))
    g.add((node, RDF.type, GK.AgendaItem))
    g.add((node, RDF.type, SCHEMA.Event))
    g.add((node, SCHEMA.superEvent, meeting))
    position, title = b.items_seen.setdefault(node, (item.position, item.title))
    if rec.date is not None:
        b.topics_taken.item(node, rec.date.isoformat(), title)
    g.add((node, SCHEMA.name, lit(title)))
    g.add((node, SCHEMA.position, plain(position)))
    if item.title != title:  # another document's wording of the same item
        g.add((node, SCHEMA.alternateName, lit(item.title)))
    g.add((node, PROV.wasDerivedFrom, iris.document(rec.source)))
    if item.number:
        g.add((node, DCTERMS.identifier, Literal(item.number)))
    for kind, acts in (("resolution", item.resolutions), ("action", item.actions)):
        for n, act in enumerate(acts, 1):
            add_action(b, rec.source, node, kind, n, act)
    return node


def add_action(b: Builder, source: str, item: URIRef, kind: str, n: int, act: ActionRecord) -> None:
    """The ``n``-th resolution (``kind`` "resolution") or action of an item, with its agent.

    An action's agent as written is kept as ``gk:agentAsWritten``; ``schema:agent`` points
    to what it was resolved to: the person the linker found, else the meeting's committee
    where the text names the committee itself ("the Board", "Members"), else the council
    where it names officers, who act for the council (see :func:`_body_agent`).
    """
    g = b.g(source)
    node = URIRef(f"{item}/{kind}/{n}")
    g.add((node, RDF.type, GK.Resolution if kind == "resolution" else GK.Action))
    if kind == "action":
        g.add((node, RDF.type, SCHEMA.Action))
    g.add((node, DCTERMS.isPartOf, item))
    g.add((node, RDF.value, lit(act.text)))
    if kind == "action" and act.agent:
        g.add((node, GK.agentAsWritten, lit(" ".join(act.agent.split()))))
    agent = b.linked.agents.get((source, act.start))
    if agent:
        g.add((node, SCHEMA.agent, b.person(g, agent)))
    elif kind == "action" and act.agent:
        body = _body_agent(b, g, item, act.agent)
        if body is not None:
            g.add((node, SCHEMA.agent, body))


_BODY_HEADS = lexicon.committee_words()


def _words(name: str) -> list[str]:
    """Lower-case words of a name, its article dropped, "(2)" kept as a word.

    >>> _words("The Education and Children’s Scrutiny Board (2)")
    ['education', 'and', "children's", 'scrutiny', 'board', '(2)']
    """
    found = re.findall(r"\(\d+\)|[\w'-]+", name.lower().replace("’", "'"))
    return found[1:] if found[:1] == ["the"] else found


def _body_agent(b: Builder, g: QuadGraph, item: URIRef, written: str) -> URIRef | None:
    """The body an agent as written stands for: the council for officers; the meeting's
    committee for "Members" or a body named by words all found in the committee's name
    ("the Board", "the Scrutiny Board (2)"); the council for "the Council" or its name.
    Any other body, and a post ("the Director of Children's Services"), is left as written.
    """
    words = _words(written)
    heads = [w for w in words if not w.startswith("(")]
    if not heads:
        return None
    if words in (["officers"], ["officer"]):
        return b.council_node()
    meeting = g.value(item, SCHEMA.superEvent)
    organizer = g.value(meeting, SCHEMA.organizer) if meeting is not None else None
    label = b.default.value(organizer, SKOS.prefLabel) if organizer is not None else None
    if isinstance(organizer, URIRef) and (
        words == ["members"]
        or (heads[-1] in _BODY_HEADS | {"council"} and set(words) <= set(_words(str(label or ""))))
    ):
        return organizer
    if heads[-1] == "council" and set(words) <= set(_words(b.council_name)) | {"city", "county"}:
        return b.council_node()
    return None


# -- people at meetings --------------------------------------------------------------------
def add_listed_member(b: Builder, rec: MeetingRecord, meeting: URIRef, a: AttendanceRecord) -> None:
    """A name in an agenda's list of the committee's members: named by the meeting (its
    chair, or mentioned), but not an attendance, since the agenda precedes the meeting."""
    key = b.linked.attendees.get((rec.source, a.start))
    if key:
        g = b.g(rec.source)
        person = b.person(g, key, a.name)
        g.add((meeting, GK.chair if a.chair else SCHEMA.mentions, person))


class MergedAttendance(TypedDict):
    """One person's attendance at one meeting, merged over every record of it."""

    status: Status
    capacity: Capacity
    roles: list[str]
    headings: list[str]
    chair: bool


def merge_attendance(records: list[AttendanceRecord]) -> MergedAttendance:
    """One attendance from every record of it: the most present status, the most specific
    capacity a record states (any record's, when none states one), every role and heading.

    >>> a = AttendanceRecord("Cllr A Bee", 0, 10, "apologies", "member", "Apologies")
    >>> b = AttendanceRecord("Councillor A Bee", 50, 66, "present", "co-opted", "Present")
    >>> m = merge_attendance([a, b])
    >>> m["status"].value, m["capacity"].value, m["headings"]
    ('present', 'co-opted', ['Apologies', 'Present'])
    """
    status = min((Status(r.status) for r in records), key=STATUS_RANK.index)
    stated = [r for r in records if r.capacity_stated] or records
    capacity = min((Capacity(r.capacity) for r in stated), key=CAPACITY_RANK.index)
    return {
        "status": status,
        "capacity": capacity,
        "roles": sorted({r.role for r in records if r.role}),
        "headings": sorted({r.heading for r in records if r.heading}),
        "chair": any(r.chair for r in records),
    }


def add_attendance(
    b: Builder, meeting: URIRef, key: str, entries: list[tuple[AttendanceRecord, str]]
) -> None:
    """One ``gk:Attendance`` node per person per meeting, merged over every record of it
    (``entries``: each record with its document), stated in each document that lists it."""
    records = [a for a, _ in entries]
    merged = merge_attendance(records)
    # each way the records write the name, once: a meeting many documents record (item
    # pages, copies) repeats it in each, and each of those documents' graphs names them all
    written = list(dict.fromkeys(a.name for a in records))
    node = URIRef(f"{meeting}/attendance/{key}")
    for source in sorted({s for _, s in entries}):
        g = b.g(source)
        person = b.person(g, key)
        g.add((node, RDF.type, GK.Attendance))
        g.add((node, GK.meeting, meeting))
        g.add((node, GK.attendee, person))
        g.add((node, GK.status, STATUS[merged["status"]]))
        g.add((node, GK.capacity, CAPACITY[merged["capacity"]]))
        g.add((node, PROV.wasDerivedFrom, b.iris.document(source)))
        for role in merged["roles"]:
            g.add((node, GK.roleAsWritten, lit(role)))
        for heading in merged["headings"]:
            g.add((node, GK.listedAs, lit(heading)))
        # the shortcuts a query most often wants, on the meeting itself
        if merged["status"] is Status.PRESENT:
            g.add((meeting, SCHEMA.attendee, person))
        elif merged["status"] is Status.APOLOGIES:
            g.add((meeting, GK.apologiesFrom, person))
        if merged["chair"]:
            g.add((meeting, GK.chair, person))
        for name in written:
            b.person(g, key, name)


def add_role(b: Builder, m: Membership) -> None:
    """A role held over time (``org:Membership``) in a committee or the council, stated in
    each document that shows it; its bounds span all documents, so they live in the
    default graph."""
    iris = b.iris
    org = (
        iris.committee(b.council, m.committee)
        if m.organisation == "committee" and m.committee
        else b.council_node()
    )
    node = iris.membership(b.council, m.person, m.role, str(org).rsplit("/", 1)[-1])
    role = iris.role(m.role)
    # one label however the records write it: this council's choice, or the first
    # council's (a role's node is every council's)
    label = lit(b.ds.label(role, b.roles.get(slug(m.role), m.role)))
    for source in m.sources:
        g = b.g(source)
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, b.person(g, m.person)))
        g.add((node, ORG.organization, org))
        g.add((node, ORG.role, role))
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, label))
        g.add((node, PROV.wasDerivedFrom, iris.document(source)))
    start = Literal(m.start.isoformat(), datatype=XSD.date)
    end = Literal(m.end.isoformat(), datatype=XSD.date)
    interval = URIRef(f"{node}/interval")
    b.default.add((node, SCHEMA.startDate, start))
    b.default.add((node, SCHEMA.endDate, end))
    b.default.add((node, ORG.memberDuring, interval))
    b.default.add((interval, RDF.type, TIME.Interval))
    for prop, value, suffix in ((TIME.hasBeginning, start, "start"), (TIME.hasEnd, end, "end")):
        instant = URIRef(f"{interval}/{suffix}")
        b.default.add((interval, prop, instant))
        b.default.add((instant, RDF.type, TIME.Instant))
        b.default.add((instant, TIME.inXSDDate, value))


# -- work programmes -----------------------------------------------------------------------
def add_work_programme_entry(
    b: Builder, source: str, row: WorkProgrammeRow, number: int, spans: Spans
) -> None:
    """A planned item of a work programme, numbered within its document."""
    g = b.g(source)
    doc = b.iris.document(source)
    node = URIRef(f"{doc}/work-programme/{number}")
    g.add((node, RDF.type, GK.WorkProgrammeEntry))
    g.add((node, SCHEMA.name, lit(row.title)))
    g.add((node, DCTERMS.isPartOf, doc))
    if row.date:
        g.add((node, DCTERMS.date, Literal(row.date.isoformat(), datatype=XSD.date)))
    b.topics_taken.entry(node, row.date.isoformat() if row.date else None)
    if row.detail:
        g.add((node, GK.detail, lit(row.detail)))
    if row.lead:
        g.add((node, GK.leadAsWritten, lit(row.lead)))
    for key in b.linked.leads.get((source, row.start), ()):
        g.add((node, GK.lead, b.person(g, key)))
    spans.entries[source].append((row.start, row.end, node))


# -- mentions ------------------------------------------------------------------------------
def add_mention(b: Builder, mention: Mention, kind: str, key: str, spans: Spans) -> None:
    """A mention the linker resolved: the entity (with the surface form as a label), the
    evidence annotation, and the item (or work-programme entry) that names it. An
    organisation mention that names no organisation (see ``organisations``) adds nothing."""
    g = b.g(mention.source)
    body: URIRef | None
    if kind == "person":
        body = b.person(g, key, mention.text)
    elif kind == "programme":
        body = b.concept(g, key, mention.text)
    else:
        body = b.organisation(g, key, mention.text, (mention.source, mention.end))
    if body is None:
        return
    item = spans.item_at(mention.source, mention.start)
    b.annotate(mention.source, mention.start, mention.end, body, item)
    if item is not None:
        g.add((item, DCTERMS.subject if kind == "programme" else SCHEMA.mentions, body))
        if kind == "programme":
            b.topics_taken.mention(item, body, (mention.source, mention.start, mention.end))
    entry = spans.entry_at(mention.source, mention.start)
    if entry is not None and kind == "programme":
        g.add((entry, DCTERMS.subject, body))
        b.topics_taken.entry_topic(entry, body)


def add_topics_taken(b: Builder) -> None:
    """For each work-programme entry and topic, the item that first took the topic
    (``gk:TopicTakenUp``, in the default graph: it joins the entry's document to the
    item's). See :class:`graphkit.graph.workprogramme.TopicsTaken` for the rule."""
    for entry, topic, item in b.topics_taken.taken():
        node = URIRef(f"{entry}/taken-up/{str(topic).rsplit('/', 1)[-1]}")
        b.default.add((entry, GK.topicTakenUp, node))
        b.default.add((node, RDF.type, GK.TopicTakenUp))
        b.default.add((node, DCTERMS.subject, topic))
        b.default.add((node, GK.takenUpIn, item))
