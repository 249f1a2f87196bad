"""The nodes every record type shares: the council, its committees, documents, the
linked entities and evidence annotations. Each adds its triples where they belong
(the default graph, or the named graph of the document that states them)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from .. import lexicon
from ..councils import is_local
from ..iris import Iris, slug
from ..model import DocKind, Document, MeetingRecord
from ..vocab import DCTERMS, FOAF, GK, OA, ORG, PREFIXES, RDF, SCHEMA, SKOS, XSD
from .organisations import (
    calls_the_council_by_its_kind,
    committee_named,
    is_council_committee,
    names_no_organisation,
    names_the_council,
)
from .quads import QuadGraph, QuadSet
from .vocabulary import DOC_TYPES
from .workprogramme import TopicsTaken

if TYPE_CHECKING:
    from ..link import Linked

__all__ = ["Builder", "council_key", "lit", "municipal_year", "timestamp"]


def council_key(council: str) -> str:
    """The IRI slug of a council: its place name, and the kind of a town or parish
    council (another council than its place's district council).

    >>> council_key("Coventry City Council"), council_key("Stroud Town Council")
    ('coventry', 'stroud-town')
    >>> council_key("Royal Borough of Kingston upon Thames")
    'royal-borough-of-kingston-upon-thames'
    """
    kinds = "" if is_local(council) else f"{lexicon.council_types_pattern()}?"
    return slug(re.sub(rf"\s+{kinds}\s*Council$", "", council.strip()))


def chosen_labels(names: Iterable[str]) -> dict[str, str]:
    """Each name's IRI slug -> the one name of those written that its node is labelled
    with: not in capitals, then the most often written, then the first in order. A
    committee or a role has one ``skos:prefLabel``, however the records write it.

    >>> chosen_labels(["SCRUTINY BOARD (2)", "Scrutiny Board (2)", "SCRUTINY BOARD (2)"])
    {'scrutiny-board-2': 'Scrutiny Board (2)'}
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        counts[slug(name)][name] += 1
    return {
        key: min(written, key=lambda n: (_shouted(n), -written[n], n))
        for key, written in counts.items()
    }


def _shouted(name: str) -> bool:
    """Whether most of a name's letters are capitals ("CHILDREN'S SERVICES committee")."""
    letters = [c for c in name if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def municipal_year(day: dt.date) -> str:
    """Council years run from May to April.

    >>> municipal_year(dt.date(2021, 6, 24)), municipal_year(dt.date(2022, 3, 17))
    ('2021/22', '2021/22')
    """
    start = day.year if day.month >= 5 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


# A graph names the same people, offsets and labels again and again, and rdflib makes a
# literal slowly (microseconds: it checks and converts the value); these make each one
# once, and the writers then find one object where they look for a term.
_LITERALS = 1 << 16  # kept at most, of each kind: a few megabytes


@lru_cache(maxsize=_LITERALS)
def lit(text: str) -> Literal:
    """A literal of ``text`` with its runs of white space made single spaces.

    >>> str(lit(" Scrutiny\\n Board  (2) "))
    'Scrutiny Board (2)'
    """
    return Literal(" ".join(text.split()))


@lru_cache(maxsize=_LITERALS, typed=True)  # typed: True is not the integer 1
def plain(value: str | int) -> Literal:
    """``Literal(value)``: a string as it is, an integer as ``xsd:integer``.

    >>> plain(7), plain(7) is plain(7), plain("a b")
    (rdflib.term.Literal('7', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')), True, rdflib.term.Literal('a b'))
    """
    return Literal(value)


def timestamp(day: dt.date, t: dt.time) -> Literal:
    """An ``xsd:dateTime`` of a day and a time.

    >>> str(timestamp(dt.date(2021, 6, 24), dt.time(10, 30)))
    '2021-06-24T10:30:00'
    """
    return Literal(dt.datetime.combine(day, t).isoformat(), datatype=XSD.dateTime)


def _differs(surface: str | None, label: str) -> bool:
    """Whether a surface form is worth an altLabel beside ``label``."""
    return bool(surface) and " ".join((surface or "").split()) != " ".join(label.split())


class Builder:
    """The Dataset being built, and the nodes shared by every record type."""

    def __init__(
        self,
        docs: Sequence[Document],
        linked: Linked,
        iris: Iris,
        council: str,
        meetings: Sequence[MeetingRecord] = (),
        into: QuadSet | None = None,
    ) -> None:
        self.ds = QuadSet() if into is None else into
        # an item two documents record (two renderings of one page, a minute repeated on an
        # item page) keeps the position and title of the first: one value of each
        self.items_seen: dict[URIRef, tuple[int, str]] = {}
        for prefix, ns in PREFIXES.items():
            self.ds.bind(prefix, ns)
        self.iris = iris
        self.linked = linked
        self.council_name = council
        self.council = council_key(council)
        self.docs = {d.source: d for d in docs}
        self.default = self.ds.default
        self.person_by_key = {p.key: p for p in linked.people}
        self._people_in: set[tuple[URIRef, str]] = set()  # (graph, person) described there
        self.concept_by_key = {c.key: c for c in linked.concepts}
        self.org_by_key = {o.key: o for o in linked.organisations}
        # the committees whose meetings the records record (slug -> the name its node is
        # labelled with), and which of them each document records
        self.committees = chosen_labels(r.committee for r in meetings if r.committee)
        self.roles = chosen_labels(m.role for m in linked.memberships)
        of: dict[str, set[str]] = defaultdict(set)
        for r in meetings:
            if r.committee:
                of[r.source].add(self.committees[slug(r.committee)])
        self.committees_of = {source: frozenset(names) for source, names in of.items()}
        # the committees that met more than once on a day, told apart by the time each
        # began: (committee slug, day) with two start times or more
        times: dict[tuple[str, dt.date], set[dt.time]] = defaultdict(set)
        for r in meetings:
            if r.date is not None and r.start_time is not None:
                times[(slug(r.committee or "council"), r.date)].add(r.start_time)
        self._met_twice = {k for k, v in times.items() if len(v) > 1}
        # (name, the document's committees) -> the committee it names: organisation
        # mentions repeat their names, and each look-up reads every committee's name
        self._committee_found: dict[tuple[str, frozenset[str]], str | None] = {}
        # which item first took each work-programme entry's topic: told as records are added
        self.topics_taken = TopicsTaken()

    def g(self, source: str) -> QuadGraph:
        """The named graph of a document."""
        return self.ds.graph(self.iris.document(source))

    # -- the council and its committees (default graph) --------------------------------
    def council_node(self) -> URIRef:
        node = self.iris.council(self.council)
        self.default.add((node, RDF.type, ORG.FormalOrganization))
        # stated as well as implied, as for a committee: a mention of the council is
        # evidence whose body must be an organisation to tools that do no inference
        self.default.add((node, RDF.type, ORG.Organization))
        self.default.add((node, SKOS.prefLabel, Literal(self.council_name)))
        return node

    def committee(self, name: str) -> URIRef:
        """A committee's node, labelled with the name the records' names of it agree on
        (:func:`chosen_labels`); another way of writing it is an altLabel."""
        node = self.iris.committee(self.council, name)
        label = self.committee_label(name)
        self.default.add((node, RDF.type, ORG.OrganizationalUnit))
        # stated as well as implied (org:OrganizationalUnit ⊑ org:Organization), for tools
        # that do no inference and for evidence annotations, whose bodies are organisations
        self.default.add((node, RDF.type, ORG.Organization))
        self.default.add((node, SKOS.prefLabel, lit(label)))
        if _differs(name, label):
            self.default.add((node, SKOS.altLabel, lit(name)))
        self.default.add((node, ORG.subOrganizationOf, self.iris.council(self.council)))
        return node

    def meeting(self, committee: str | None, day: dt.date, start: dt.time | None = None) -> URIRef:
        """A dated meeting: the committee's (the council's, when none is named) on ``day``,
        and at the time it began when the committee met more than once that day
        (``…/licensing-sub-committee/2020-06-20T1400``; a record of that day that gives no
        time, or a reference to the day, is of the day's meeting without one)."""
        body, when = committee or "council", day.isoformat()
        if start is not None and (slug(body), day) in self._met_twice:
            when += f"T{start:%H%M}"
        return self.iris.meeting(self.council, body, when)

    def meeting_name(self, committee: str | None, day: dt.date) -> str:
        """A dated meeting's ``schema:name``: its committee's label (the council's name,
        when none is named) and the day, so that every record of it names it alike."""
        body = self.committee_label(committee) if committee else self.council_name
        return f"{body}, {day:%-d %B %Y}"

    def committee_label(self, name: str) -> str:
        """The label of the committee ``name`` names (itself, for one no meeting records)."""
        return self.committees.get(slug(name), name)

    # -- documents ------------------------------------------------------------------------
    def document(self, doc: Document) -> URIRef:
        node = self.iris.document(doc.source)
        g = self.g(doc.source)
        g.add((node, RDF.type, FOAF.Document))
        g.add((node, RDF.type, SCHEMA.DigitalDocument))
        g.add((node, DCTERMS.source, Literal(doc.source)))
        g.add((node, GK.sha256, Literal(doc.sha256)))
        g.add((node, DCTERMS.type, DOC_TYPES[DocKind(doc.kind)]))
        if doc.title:
            g.add((node, DCTERMS.title, lit(doc.title)))
        return node

    # -- entities -------------------------------------------------------------------------
    def person(self, g: QuadGraph, key: str, surface: str | None = None) -> URIRef:
        p = self.person_by_key[key]
        node = self.iris.person(self.council, key)
        if (g.identifier, key) not in self._people_in:  # once a graph: it names them often
            self._people_in.add((g.identifier, key))
            g.add((node, RDF.type, SCHEMA.Person))
            g.add((node, RDF.type, FOAF.Person))
            g.add((node, SKOS.prefLabel, lit(p.pref_label)))
            g.add((node, SCHEMA.familyName, lit(p.family_name)))
            if p.given_name:
                g.add((node, SCHEMA.givenName, lit(p.given_name)))
            for h in p.honorifics:
                g.add((node, SCHEMA.honorificPrefix, lit(h)))
        if surface and _differs(surface, p.pref_label):
            g.add((node, SKOS.altLabel, lit(surface)))
        return node

    def concept(self, g: QuadGraph, key: str, surface: str | None = None) -> URIRef:
        c = self.concept_by_key[key]
        node = self.iris.programme(self.council, key)
        g.add((node, RDF.type, SKOS.Concept))
        if c.is_programme:
            g.add((node, RDF.type, GK.Programme))
        g.add((node, SKOS.prefLabel, lit(c.pref_label)))
        g.add((node, SKOS.inScheme, self.iris.scheme(self.council)))
        if surface and _differs(surface, c.pref_label):
            g.add((node, SKOS.altLabel, lit(surface)))
        return node

    def organisation(
        self, g: QuadGraph, key: str, surface: str | None = None, at: tuple[str, int] | None = None
    ) -> URIRef | None:
        """The node an organisation mention names (the rules are in ``organisations``):
        the council (by its name, or by its kind: "the City Council"), a committee whose
        meetings the records record, another committee of the council, or an
        organisation of its own; None when the name names no
        organisation. ``at`` is the mention's document and end offset."""
        o = self.org_by_key[key]
        name = surface or o.pref_label
        source, end = at or ("", 0)
        if names_the_council(name, self.council_name):
            return self._named(g, self.council_node(), self.council_name, surface)
        committee = self._committee_named(o.pref_label, name, source)
        if committee is not None:
            return self._named(g, self.committee(committee), committee, surface)
        if calls_the_council_by_its_kind(name, self.council_name):  # not a name of it
            return self._named(g, self.council_node(), self.council_name, None)
        after = self.docs[source].text[end : end + 12] if source in self.docs else ""
        if names_no_organisation(name, after, self.council_name):
            return None
        if is_council_committee(o.pref_label):
            return self._named(g, self.committee(o.pref_label), o.pref_label, surface)
        node = self.iris.organisation(key)
        # an organisation's node is every council's: the first council's name for it holds
        label = self.ds.label(node, o.pref_label)
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, SKOS.prefLabel, lit(label)))
        for other in (o.pref_label, surface):
            if other and _differs(other, label):
                g.add((node, SKOS.altLabel, lit(other)))
        return node

    def _named(self, g: QuadGraph, node: URIRef, label: str, surface: str | None) -> URIRef:
        """``node`` (the council or a committee), with ``surface`` as an altLabel in the
        document's graph when it is another form of the name than ``label``."""
        if surface and slug(surface) != slug(label):
            g.add((node, SKOS.altLabel, lit(surface)))
        return node

    def _committee_named(self, pref_label: str, surface: str, source: str) -> str | None:
        """The recorded committee the organisation's label, or else this mention, names."""
        own = self.committees_of.get(source, frozenset())
        for name in (pref_label, surface):
            key = (name, own)
            if key in self._committee_found:
                found = self._committee_found[key]
            else:
                found = self._committee_found[key] = committee_named(
                    name, self.committees.values(), own
                )
            if found is not None:
                return found
        return None

    # -- evidence -------------------------------------------------------------------------
    def annotate(
        self, source: str, start: int, end: int, body: URIRef, item: URIRef | None
    ) -> None:
        """An annotation that the text ``start:end`` of ``source`` names ``body``."""
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
        g.add((pos, OA.start, plain(start)))
        g.add((pos, OA.end, plain(end)))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, plain(self.docs[source].text[start:end])))
        if item is not None:
            g.add((ann, GK.inItem, item))
