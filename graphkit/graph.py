"""Stage 5: records and entities → an rdflib Dataset in the contract vocabulary.

One named graph per document (its IRI is the document's), so a document can be
dropped or replaced as a unit; the default graph holds what no single document
owns (the council, its committees, the concept scheme, the build's provenance).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import TypedDict

from rdflib import Dataset, Graph, Literal, URIRef

from .iris import Iris, slug
from .link import Linked
from .model import AttendanceRecord, Document, MeetingRecord
from .segment.workprogramme import repeated_rows
from .vocab import (
    DCTERMS,
    DEFAULT_BASE,
    FOAF,
    GK,
    OA,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
)

__all__ = ["council_key", "municipal_year", "to_dataset"]

DOC_TYPES = {
    "minutes": GK.Minutes,
    "agenda": GK.Agenda,
    "agenda_pack": GK.AgendaPack,
    "briefing_note": GK.BriefingNote,
    "work_programme": GK.WorkProgramme,
    "web_page": GK.WebPage,
}
STATUS = {
    "present": GK.Present,
    "apologies": GK.Apologies,
    "absent": GK.Absent,
    "substitute": GK.Substitute,
}
CAPACITY = {
    "member": GK.Member,
    "co-opted": GK.CoOptedMember,
    "cabinet-member": GK.CabinetMember,
    "other-member": GK.OtherMember,
    "officer": GK.Officer,
    "invited": GK.Invited,
    "observer": GK.Observer,
}
# when one person is listed twice for a meeting, the more specific capacity wins
CAPACITY_RANK = [
    "cabinet-member",
    "co-opted",
    "other-member",
    "officer",
    "observer",
    "invited",
    "member",
]
STATUS_RANK = ["present", "substitute", "apologies", "absent"]


def council_key(council: str) -> str:
    """The IRI slug of a council: its place name.

    >>> council_key("Coventry City Council")
    'coventry'
    >>> council_key("Royal Borough of Kingston upon Thames")
    'royal-borough-of-kingston-upon-thames'
    """
    import re

    name = re.sub(
        r"\s+(City|County|Borough|District|Metropolitan Borough|Metropolitan District|Town|Parish)?"
        r"\s*Council$",
        "",
        council.strip(),
    )
    return slug(name)


def municipal_year(day: dt.date) -> str:
    """Council years run from May to April.

    >>> municipal_year(dt.date(2021, 6, 24)), municipal_year(dt.date(2022, 3, 17))
    ('2021/22', '2021/22')
    """
    start = day.year if day.month >= 5 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def _lit(text: str) -> Literal:
    return Literal(" ".join(text.split()))


def _time(day: dt.date, t: dt.time) -> Literal:
    return Literal(dt.datetime.combine(day, t).isoformat(), datatype=XSD.dateTime)


class _Builder:
    def __init__(self, docs: Sequence[Document], linked: Linked, iris: Iris, council: str) -> None:
        self.ds = Dataset()
        for prefix, ns in PREFIXES.items():
            self.ds.bind(prefix, ns)
        self.iris = iris
        self.linked = linked
        self.council_name = council
        self.council = council_key(council)
        self.docs = {d.source: d for d in docs}
        # rdflib ≥ 7.5 calls it default_graph; earlier releases default_context
        self.default = (
            self.ds.default_graph
            if hasattr(type(self.ds), "default_graph")
            else self.ds.default_context
        )
        self.person_by_key = {p.key: p for p in linked.people}
        self.concept_by_key = {c.key: c for c in linked.concepts}
        self.org_by_key = {o.key: o for o in linked.organisations}
        self.committees: dict[str, str] = {}  # slug -> committee name, filled by to_dataset

    def g(self, source: str) -> Graph:
        return self.ds.graph(self.iris.document(source))

    # -- the council and its committees (default graph) --------------------------------
    def council_node(self) -> URIRef:
        node = self.iris.council(self.council)
        self.default.add((node, RDF.type, ORG.FormalOrganization))
        self.default.add((node, SKOS.prefLabel, Literal(self.council_name)))
        return node

    def committee(self, name: str) -> URIRef:
        node = self.iris.committee(self.council, name)
        self.default.add((node, RDF.type, ORG.OrganizationalUnit))
        # stated as well as implied (org:OrganizationalUnit ⊑ org:Organization), for tools
        # that do no inference and for evidence annotations, whose bodies are organisations
        self.default.add((node, RDF.type, ORG.Organization))
        self.default.add((node, SKOS.prefLabel, _lit(name)))
        self.default.add((node, ORG.subOrganizationOf, self.iris.council(self.council)))
        return node

    # -- documents ------------------------------------------------------------------------
    def document(self, doc: Document) -> URIRef:
        node = self.iris.document(doc.source)
        g = self.g(doc.source)
        g.add((node, RDF.type, FOAF.Document))
        g.add((node, RDF.type, SCHEMA.DigitalDocument))
        g.add((node, DCTERMS.source, Literal(doc.source)))
        g.add((node, GK.sha256, Literal(doc.sha256)))
        g.add((node, DCTERMS.type, DOC_TYPES[doc.kind]))
        if doc.title:
            g.add((node, DCTERMS.title, _lit(doc.title)))
        return node

    # -- entities -------------------------------------------------------------------------
    def person(self, g: Graph, key: str, surface: str | None = None) -> URIRef:
        p = self.person_by_key[key]
        node = self.iris.person(self.council, key)
        g.add((node, RDF.type, SCHEMA.Person))
        g.add((node, RDF.type, FOAF.Person))
        g.add((node, SKOS.prefLabel, _lit(p.pref_label)))
        g.add((node, SCHEMA.familyName, _lit(p.family_name)))
        if p.given_name:
            g.add((node, SCHEMA.givenName, _lit(p.given_name)))
        for h in p.honorifics:
            g.add((node, SCHEMA.honorificPrefix, _lit(h)))
        if surface and " ".join(surface.split()) != " ".join(p.pref_label.split()):
            g.add((node, SKOS.altLabel, _lit(surface)))
        return node

    def concept(self, g: Graph, key: str, surface: str | None = None) -> URIRef:
        c = self.concept_by_key[key]
        node = self.iris.programme(self.council, key)
        g.add((node, RDF.type, SKOS.Concept))
        if c.is_programme:
            g.add((node, RDF.type, GK.Programme))
        g.add((node, SKOS.prefLabel, _lit(c.pref_label)))
        g.add((node, SKOS.inScheme, self.iris.scheme(self.council)))
        if surface and " ".join(surface.split()) != " ".join(c.pref_label.split()):
            g.add((node, SKOS.altLabel, _lit(surface)))
        return node

    def organisation(self, g: Graph, key: str, surface: str | None = None) -> URIRef:
        o = self.org_by_key[key]
        committee = self.committees.get(slug(o.pref_label))
        if committee is not None:
            # a committee named in the text is the committee node, not a second organisation
            if surface and slug(surface) != slug(committee):
                g.add((self.iris.committee(self.council, committee), SKOS.altLabel, _lit(surface)))
            return self.iris.committee(self.council, committee)
        node = self.iris.organisation(key)
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, SKOS.prefLabel, _lit(o.pref_label)))
        if surface and " ".join(surface.split()) != " ".join(o.pref_label.split()):
            g.add((node, SKOS.altLabel, _lit(surface)))
        return node

    def entity(self, g: Graph, kind: str, key: str, surface: str | None = None) -> URIRef:
        return {"person": self.person, "programme": self.concept, "org": self.organisation}[kind](
            g, key, surface
        )

    # -- evidence -------------------------------------------------------------------------
    def annotate(
        self, source: str, start: int, end: int, body: URIRef, item: URIRef | None
    ) -> None:
        doc_node = self.iris.document(source)
        g = self.g(source)
        ann = URIRef(f"{doc_node}/annotation/{start}-{end}")
        target = URIRef(f"{ann}/target")
        pos = URIRef(f"{ann}/position")
        quote = URIRef(f"{ann}/quote")
        g.add((ann, RDF.type, OA.Annotation))
        g.add((ann, OA.hasBody, body))
        g.add((ann, OA.motivatedBy, OA.identifying))
        g.add((ann, OA.hasTarget, target))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, doc_node))
        g.add((target, OA.hasSelector, pos))
        g.add((target, OA.hasSelector, quote))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(start)))
        g.add((pos, OA.end, Literal(end)))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(self.docs[source].text[start:end])))
        if item is not None:
            g.add((ann, GK.inItem, item))


def _item_at(spans: list[tuple[int, int, URIRef]], pos: int) -> URIRef | None:
    best = None
    for start, end, node in spans:
        if start <= pos < end and (best is None or start >= best[0]):
            best = (start, node)
    return best[1] if best else None


class _MergedAttendance(TypedDict):
    """One person's attendance at one meeting, merged over every record of it."""

    status: str
    capacity: str
    roles: list[str]
    headings: list[str]
    chair: bool


def _merge_attendance(records: list[AttendanceRecord]) -> _MergedAttendance:
    status = min((r.status for r in records), key=STATUS_RANK.index)
    stated = [r for r in records if r.capacity_stated] or records
    capacity = min((r.capacity for r in stated), key=CAPACITY_RANK.index)
    roles = sorted({r.role for r in records if r.role})
    headings = sorted({r.heading for r in records if r.heading})
    return {
        "status": status,
        "capacity": capacity,
        "roles": roles,
        "headings": headings,
        "chair": any(r.chair for r in records),
    }


def to_dataset(
    docs: Sequence[Document],
    meetings: Sequence[MeetingRecord],
    linked: Linked,
    *,
    base: str = DEFAULT_BASE,
    council: str = "Unknown Council",
) -> Dataset:
    """Build the Dataset. Output depends only on the inputs: no clocks, no counters."""
    b = _Builder(docs, linked, Iris(base), council)
    b.committees = {slug(r.committee): r.committee for r in meetings if r.committee}
    iris = b.iris
    council_node = b.council_node()
    scheme = iris.scheme(b.council)
    b.default.add((scheme, RDF.type, SKOS.ConceptScheme))
    b.default.add((scheme, SKOS.prefLabel, Literal(f"Programmes and topics of {council}")))
    for doc in docs:
        b.document(doc)

    item_spans: dict[str, list[tuple[int, int, URIRef]]] = defaultdict(list)
    wp_spans: dict[str, list[tuple[int, int, URIRef]]] = defaultdict(list)
    # attendance is merged per meeting across records and documents
    attendance: dict[URIRef, dict[str, list[tuple[AttendanceRecord, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )

    # an item a resolution adds that the document's programme table lists too is one entry
    repeats = {
        (source, start)
        for source in {r.source for r in meetings}
        for start in repeated_rows(
            [row for r in meetings if r.source == source for row in r.work_programme]
        )
    }
    wp_number = {
        key: n
        for source in sorted({r.source for r in meetings})
        for n, key in enumerate(
            sorted(
                (r.source, row.start)
                for r in meetings
                if r.source == source
                for row in r.work_programme
                if (r.source, row.start) not in repeats
            ),
            1,
        )
    }
    for rec in meetings:
        g = b.g(rec.source)
        node = _add_meeting(b, g, rec)
        for item in rec.items:
            inode = iris.item(node, item.number, item.position)
            for s_, e_ in ((item.start, item.end), *item.extra_spans):
                item_spans[rec.source].append((s_, e_, inode))
            g.add((inode, RDF.type, GK.AgendaItem))
            g.add((inode, RDF.type, SCHEMA.Event))
            g.add((inode, SCHEMA.superEvent, node))
            g.add((inode, SCHEMA.name, _lit(item.title)))
            g.add((inode, SCHEMA.position, Literal(item.position)))
            g.add((inode, PROV.wasDerivedFrom, iris.document(rec.source)))
            if item.number:
                g.add((inode, DCTERMS.identifier, Literal(item.number)))
            for kind, cls, acts in (
                ("resolution", GK.Resolution, item.resolutions),
                ("action", GK.Action, item.actions),
            ):
                for n, act in enumerate(acts, 1):
                    anode = URIRef(f"{inode}/{kind}/{n}")
                    g.add((anode, RDF.type, cls))
                    if kind == "action":
                        g.add((anode, RDF.type, SCHEMA.Action))
                    g.add((anode, DCTERMS.isPartOf, inode))
                    g.add((anode, RDF.value, _lit(act.text)))
                    agent = linked.agents.get((rec.source, act.start))
                    if agent:
                        g.add((anode, SCHEMA.agent, b.person(g, agent)))
        for ref in rec.refs:
            body = _ref_body(ref.body, rec.committee) if ref.body or rec.committee else ""
            other = iris.meeting(b.council, body or "council", ref.date.isoformat())
            g.add((other, RDF.type, GK.Meeting))
            g.add((other, RDF.type, SCHEMA.Event))
            g.add((other, DCTERMS.date, Literal(ref.date.isoformat(), datatype=XSD.date)))
            g.add((other, GK.municipalYear, Literal(municipal_year(ref.date))))
            g.add((other, SCHEMA.organizer, b.committee(body) if body else b.council_node()))
            g.add((other, SCHEMA.name, _lit(f"{body or b.council_name}, {ref.date:%-d %B %Y}")))
            prop = GK.approvesMinutesOf if ref.relation == "approves" else DCTERMS.references
            g.add((node, prop, other))
        for a in rec.attendance:
            key = linked.attendees.get((rec.source, a.start))
            if key:
                attendance[node][key].append((a, rec.source))
        for a in rec.membership:  # an agenda's list of members: not attendance
            key = linked.attendees.get((rec.source, a.start))
            if key:
                pnode = b.person(g, key, a.name)
                g.add((node, GK.chair if a.chair else SCHEMA.mentions, pnode))
        for row in rec.work_programme:
            if (rec.source, row.start) in repeats:
                continue
            doc_node = iris.document(rec.source)
            # numbered per document in text order: two sections of one document never collide
            wnode = URIRef(f"{doc_node}/work-programme/{wp_number[(rec.source, row.start)]}")
            g.add((wnode, RDF.type, GK.WorkProgrammeEntry))
            g.add((wnode, SCHEMA.name, _lit(row.title)))
            g.add((wnode, DCTERMS.isPartOf, doc_node))
            if row.date:
                g.add((wnode, DCTERMS.date, Literal(row.date.isoformat(), datatype=XSD.date)))
            if row.detail:
                g.add((wnode, GK.detail, _lit(row.detail)))
            if row.lead:
                g.add((wnode, GK.leadAsWritten, _lit(row.lead)))
            for key in linked.leads.get((rec.source, row.start), ()):
                g.add((wnode, GK.lead, b.person(g, key)))
            wp_spans[rec.source].append((row.start, row.end, wnode))

    # attendance: one node per person per meeting
    for mnode, people in attendance.items():
        for key, entries in sorted(people.items()):
            records = [a for a, _ in entries]
            merged = _merge_attendance(records)
            for source in sorted({s for _, s in entries}):
                g = b.g(source)
                pnode = b.person(g, key)
                anode = URIRef(f"{mnode}/attendance/{key}")
                g.add((anode, RDF.type, GK.Attendance))
                g.add((anode, GK.meeting, mnode))
                g.add((anode, GK.attendee, pnode))
                g.add((anode, GK.status, STATUS[merged["status"]]))
                g.add((anode, GK.capacity, CAPACITY[merged["capacity"]]))
                g.add((anode, PROV.wasDerivedFrom, iris.document(source)))
                for role in merged["roles"]:
                    g.add((anode, GK.roleAsWritten, _lit(role)))
                for heading in merged["headings"]:
                    g.add((anode, GK.listedAs, _lit(heading)))
                if merged["status"] == "present":
                    g.add((mnode, SCHEMA.attendee, pnode))
                elif merged["status"] == "apologies":
                    g.add((mnode, GK.apologiesFrom, pnode))
                if merged["chair"]:
                    g.add((mnode, GK.chair, pnode))
                for a in records:
                    b.person(g, key, a.name)

    # mentions: evidence annotations, item subjects and mentions, surface forms
    for spans in item_spans.values():
        spans.sort(key=lambda s: (s[0], -s[1]))
    for mention, kind, key in linked.resolved:
        g = b.g(mention.source)
        body = b.entity(g, kind, key, mention.text)
        item_node = _item_at(item_spans.get(mention.source, []), mention.start)
        b.annotate(mention.source, mention.start, mention.end, body, item_node)
        if item_node is not None:
            g.add((item_node, DCTERMS.subject if kind == "programme" else SCHEMA.mentions, body))
        wp_node = _item_at(wp_spans.get(mention.source, []), mention.start)
        if wp_node is not None and kind == "programme":
            g.add((wp_node, DCTERMS.subject, body))

    # roles over time
    for m in linked.memberships:
        org = (
            iris.committee(b.council, m.committee)
            if m.organisation == "committee" and m.committee
            else council_node
        )
        node = iris.membership(b.council, m.person, m.role, str(org).rsplit("/", 1)[-1])
        role = iris.role(m.role)
        interval = URIRef(f"{node}/interval")
        for source in m.sources:
            g = b.g(source)
            g.add((node, RDF.type, ORG.Membership))
            g.add((node, ORG.member, b.person(g, m.person)))
            g.add((node, ORG.organization, org))
            g.add((node, ORG.role, role))
            g.add((role, RDF.type, ORG.Role))
            g.add((role, SKOS.prefLabel, _lit(m.role)))
            g.add((node, PROV.wasDerivedFrom, iris.document(source)))
        # the bounds span all documents, so they live in the default graph
        start = Literal(m.start.isoformat(), datatype=XSD.date)
        end = Literal(m.end.isoformat(), datatype=XSD.date)
        b.default.add((node, SCHEMA.startDate, start))
        b.default.add((node, SCHEMA.endDate, end))
        b.default.add((node, ORG.memberDuring, interval))
        b.default.add((interval, RDF.type, TIME.Interval))
        for prop, value, suffix in ((TIME.hasBeginning, start, "start"), (TIME.hasEnd, end, "end")):
            instant = URIRef(f"{interval}/{suffix}")
            b.default.add((interval, prop, instant))
            b.default.add((instant, RDF.type, TIME.Instant))
            b.default.add((instant, TIME.inXSDDate, value))
    return b.ds


def _add_meeting(b: _Builder, g: Graph, rec: MeetingRecord) -> URIRef:
    """The meeting a record records. A meeting no document dates is a
    ``gk:UndatedMeeting`` (not a ``gk:Meeting``, whose date is always present), named by
    the platform's id for it, or else by the document; its items hang on it all the same."""
    iris = b.iris
    if rec.date is None:
        ident = slug(rec.platform_id) if rec.platform_id else "document-" + slug(rec.source)
        node = iris.undated_meeting(b.council, ident)
        g.add((node, RDF.type, GK.UndatedMeeting))
        g.add((node, RDF.type, SCHEMA.Event))
        if rec.platform_id:
            g.add((node, GK.platformId, Literal(rec.platform_id)))
        # a meeting whose body the page does not name is still the council's
        organizer = b.committee(rec.committee) if rec.committee else b.council_node()
        g.add((node, SCHEMA.organizer, organizer))
        g.add((node, SCHEMA.name, _lit(f"{rec.committee or 'A meeting'}, date not given")))
        g.add((node, PROV.wasDerivedFrom, iris.document(rec.source)))
        return node
    committee = b.committee(rec.committee) if rec.committee else b.council_node()
    node = iris.meeting(b.council, rec.committee or "council", rec.date.isoformat())
    g.add((node, RDF.type, GK.Meeting))
    g.add((node, RDF.type, SCHEMA.Event))
    g.add((node, DCTERMS.date, Literal(rec.date.isoformat(), datatype=XSD.date)))
    g.add((node, GK.municipalYear, Literal(municipal_year(rec.date))))
    g.add((node, SCHEMA.organizer, committee))
    g.add((node, SCHEMA.name, _lit(f"{rec.committee or b.council_name}, {rec.date:%-d %B %Y}")))
    g.add((node, PROV.wasDerivedFrom, iris.document(rec.source)))
    if rec.platform_id:
        g.add((node, GK.platformId, Literal(rec.platform_id)))
    if rec.start_time:
        g.add((node, SCHEMA.startDate, _time(rec.date, rec.start_time)))
    if rec.end_time:
        g.add((node, SCHEMA.endDate, _time(rec.date, rec.end_time)))
    if rec.venue:
        g.add((node, SCHEMA.location, _lit(rec.venue)))
    return node


def _ref_body(body: str | None, committee: str) -> str:
    """The committee a referenced meeting belongs to: this one unless another is named;
    a short form of this committee's own name ("Cabinet" in the Cabinet's minutes) is this one.

    >>> _ref_body("Cabinet", "Planning Committee"), _ref_body("Scrutiny Board (2)", "Education Scrutiny Board (2)")
    ('Cabinet', 'Education Scrutiny Board (2)')
    """
    if not body or body.lower().replace("’", "'") in committee.lower().replace("’", "'"):
        return committee
    return body
