"""Stage 5: records and entities → an rdflib Dataset in the contract vocabulary.

One named graph per document (its IRI is the document's), so a document can be
dropped or replaced as a unit; the default graph holds what no single document
owns (the council, its committees, the concept scheme, the build's provenance).

``builder`` makes the nodes every record shares (council, committees, documents,
people, programmes, organisations, evidence); ``records`` has one ``add_<kind>`` per
record type; ``vocabulary`` maps the records' typed values to terms; ``workprogramme``
decides which programme rows are entries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rdflib import Dataset, Literal, URIRef

from ..iris import Iris
from ..model import AttendanceRecord, Document, MeetingRecord
from ..vocab import DEFAULT_BASE, RDF, SKOS
from .builder import Builder, council_key, municipal_year
from .followups import add_followups
from .quads import QuadSet
from .records import (
    Spans,
    add_attendance,
    add_item,
    add_listed_member,
    add_meeting,
    add_meeting_ref,
    add_mention,
    add_role,
    add_topics_taken,
    add_work_programme_entry,
)
from .vocabulary import CAPACITY, DOC_TYPES, STATUS
from .workprogramme import entry_numbers

if TYPE_CHECKING:
    from ..link import Linked

__all__ = [
    "CAPACITY",
    "DOC_TYPES",
    "STATUS",
    "QuadSet",
    "council_key",
    "municipal_year",
    "to_dataset",
    "to_quads",
]

# meeting -> person key -> each record of their attendance, with its document
_Attendance = dict[URIRef, dict[str, list[tuple[AttendanceRecord, str]]]]


def to_dataset(
    docs: Sequence[Document],
    meetings: Sequence[MeetingRecord],
    linked: Linked,
    *,
    base: str = DEFAULT_BASE,
    council: str = "Unknown Council",
) -> Dataset:
    """Build the graph as an rdflib Dataset: :func:`to_quads`, made a Dataset."""
    return to_quads(docs, meetings, linked, base=base, council=council).to_dataset()


def to_quads(
    docs: Sequence[Document],
    meetings: Sequence[MeetingRecord],
    linked: Linked,
    *,
    base: str = DEFAULT_BASE,
    council: str = "Unknown Council",
    into: QuadSet | None = None,
) -> QuadSet:
    """Build the graph. Output depends only on the inputs: no clocks, no counters.

    ``into``: the quads to add to (another council's, so that several councils make one
    graph without copying one into another); new ones when None."""
    b = Builder(docs, linked, Iris(base), council, meetings, into)
    _add_council(b)
    for doc in docs:
        b.document(doc)
    spans = Spans()
    entries = entry_numbers(meetings)
    # attendance is merged per meeting across records and documents, so gathered first
    attendance: _Attendance = defaultdict(lambda: defaultdict(list))
    for rec in meetings:
        meeting = add_meeting(b, rec)
        for item in rec.items:
            add_item(b, rec, meeting, item, spans)
        for ref in rec.refs:
            add_meeting_ref(b, rec, meeting, ref)
        for a in rec.attendance:
            key = linked.attendees.get((rec.source, a.start))
            if key:
                attendance[meeting][key].append((a, rec.source))
        for a in rec.membership:
            add_listed_member(b, rec, meeting, a)
        for row in rec.work_programme:
            number = entries.get((rec.source, row.start))
            if number is not None:  # None: the row only repeats another of its document
                add_work_programme_entry(b, rec.source, row, number, spans)
    for meeting, people in attendance.items():
        for key, listed in sorted(people.items()):
            add_attendance(b, meeting, key, listed)
    spans.sort()
    for mention, kind, key in linked.resolved:
        add_mention(b, mention, kind, key, spans)
    add_topics_taken(b)
    for membership in linked.memberships:
        add_role(b, membership)
    add_followups(b, docs, meetings, linked)
    return b.ds


def _add_council(b: Builder) -> None:
    """The council and the scheme of its programmes and topics (default graph)."""
    b.council_node()
    scheme = b.iris.scheme(b.council)
    b.default.add((scheme, RDF.type, SKOS.ConceptScheme))
    b.default.add((scheme, SKOS.prefLabel, Literal(f"Programmes and topics of {b.council_name}")))
