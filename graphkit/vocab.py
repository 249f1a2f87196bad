"""The graph's vocabulary: closed namespaces, so a misspelt term fails at once.

The contract is ``shared/design/VOCABULARY.md``; every ``gk:`` term here is also
declared in ``graphkit/data/ontology.ttl``.

>>> str(GK.Meeting)
'https://w3id.org/graphkit/ns#Meeting'
>>> GK.Meetnig  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'Meetnig' not in namespace 'https://w3id.org/graphkit/ns#'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar, cast

from rdflib import BNode, Namespace, URIRef
from rdflib import namespace as _rdflib
from rdflib.namespace import DefinedNamespace
from rdflib.term import Identifier, Node

__all__ = [
    "DCTERMS",
    "DEFAULT_BASE",
    "FOAF",
    "GK",
    "OA",
    "ORG",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "TIME",
    "VOID",
    "XSD",
    "sorted_terms",
]

DEFAULT_BASE = "https://w3id.org/graphkit/id/"


class _Known:
    """One of rdflib's closed namespaces, each term made once.

    rdflib looks every ``SKOS.prefLabel`` up through a metaclass and makes a new URIRef
    (a few microseconds; the graph stage names millions of terms); here the term it
    made first is kept. A term the namespace does not declare still fails at once.

    >>> SKOS.prefLabel is SKOS.prefLabel, str(SKOS.prefLabel), str(SKOS)
    (True, 'http://www.w3.org/2004/02/skos/core#prefLabel', 'http://www.w3.org/2004/02/skos/core#')
    >>> SKOS.prefLable  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    AttributeError: term 'prefLable' not in namespace 'http://www.w3.org/2004/02/skos/core#'
    """

    _terms: type[DefinedNamespace]

    def __init__(self, terms: type[DefinedNamespace]) -> None:
        self.__dict__["_terms"] = terms

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # copy, pickle and the like ask for these
            raise AttributeError(name)
        term: URIRef = getattr(self._terms, name)  # rdflib refuses an undeclared name
        self.__dict__[name] = term
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self.__getattr__(name)

    def __contains__(self, term: str) -> bool:
        return term in self._terms

    def __str__(self) -> str:
        return str(self._terms._NS)

    def __repr__(self) -> str:
        return f"{self._terms.__name__}({str(self)!r})"


DCTERMS = _Known(_rdflib.DCTERMS)
FOAF = _Known(_rdflib.FOAF)
ORG = _Known(_rdflib.ORG)
PROV = _Known(_rdflib.PROV)
RDF = _Known(_rdflib.RDF)
RDFS = _Known(_rdflib.RDFS)
SCHEMA = _Known(_rdflib.SDO)  # https://schema.org/ (https form only)
SKOS = _Known(_rdflib.SKOS)
TIME = _Known(_rdflib.TIME)
XSD = _Known(_rdflib.XSD)


class _Terms(Namespace):
    """A Namespace that keeps each term it makes (rdflib's makes a new URIRef at every
    ``OA.start``; the graph stage names millions of terms)."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


OA = _Terms("http://www.w3.org/ns/oa#")
VOID = _Terms("http://rdfs.org/ns/void#")

_N = TypeVar("_N", bound=Node)


def sorted_terms(nodes: Iterable[_N]) -> list[_N]:
    """``sorted(nodes)`` for rdflib terms, in rdflib's own order.

    rdflib types terms as ``Node``, a base class that declares no ordering, though every
    concrete term (``URIRef``, ``Literal``, ``BNode``: ``Identifier``; ``Graph``) defines one.

    >>> sorted_terms([URIRef("urn:b"), URIRef("urn:a")])
    [rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:b')]
    """
    items = list(nodes)
    kind = type(items[0]) if items else None
    if kind in _BY_TEXT and all(type(n) is kind for n in items):
        # terms of one kind that rdflib orders by their text (Identifier.__lt__): compared
        # as plain strings, without a Python call a comparison (with the view's edges
        # sorted by a key: the view of 1,000 documents 1.9–2.5 s -> 1.6–1.8 s)
        return sorted(items, key=str.__str__)
    # the comparison is the term's own __lt__; the casts only state that it has one
    # (a key function that did the same cast cost a call a term)
    return cast("list[_N]", sorted(cast("list[Identifier]", items)))


# the kinds of term rdflib orders by their text alone, among terms of that kind
_BY_TEXT = (URIRef, BNode)


class GK(DefinedNamespace):
    """graphkit's own terms: only what no standard vocabulary covers."""

    _fail = True
    _NS = Namespace("https://w3id.org/graphkit/ns#")

    # classes (contract)
    Meeting: URIRef
    AgendaItem: URIRef
    Attendance: URIRef
    Programme: URIRef
    Resolution: URIRef
    Action: URIRef
    WorkProgrammeEntry: URIRef
    # classes (added): the value sets below
    AttendanceStatus: URIRef
    AttendanceCapacity: URIRef
    DocumentType: URIRef
    UndatedMeeting: URIRef  # a meeting no document dates (gk:Meeting always has a date)
    FollowUp: URIRef  # where a request (gk:Action) stands against the later records
    FollowUpMatch: URIRef  # a later item or entry that may answer a request
    FollowUpStatus: URIRef  # the value set of gk:followUpStatus
    PlanCheck: URIRef  # a work-programme entry (or an unplanned item) against the minutes
    PlanStatus: URIRef  # the value set of gk:planStatus
    TopicTakenUp: URIRef  # the item that first took a work-programme entry's topic

    # properties (contract)
    approvesMinutesOf: URIRef
    meeting: URIRef
    attendee: URIRef
    status: URIRef
    capacity: URIRef
    roleAsWritten: URIRef
    apologiesFrom: URIRef
    chair: URIRef
    lead: URIRef
    sha256: URIRef
    inItem: URIRef
    # properties (added)
    listedAs: URIRef  # the attendance heading as written ("Co-opted Members")
    municipalYear: URIRef  # "2021/22": council years run May to April
    leadAsWritten: URIRef  # a work-programme lead cell as written
    detail: URIRef  # a work-programme row's detail column
    platformId: URIRef  # the publishing platform's id of a meeting ("kent:9837")
    agentAsWritten: URIRef  # an action's agent as written ("Officers", "The Board")
    # follow-ups and the work programme against the minutes (graphkit.followups)
    followUpOf: URIRef  # follow-up -> the action
    followUpStatus: URIRef  # follow-up -> a gk:FollowUpStatus
    followedUpIn: URIRef  # follow-up -> an item (or entry) that answers or partly answers it
    requestKind: URIRef  # "report", "work-programme", "information", "undertaking", "letter"
    dueAsWritten: URIRef  # the due-time phrase as written ("later in the municipal year")
    dueDuring: URIRef  # follow-up -> the time:Interval it is due in
    statusReason: URIRef  # why the status (follow-up or plan check)
    hasMatch: URIRef  # follow-up -> a gk:FollowUpMatch
    matchTarget: URIRef  # match -> the item or entry
    matchRule: URIRef  # the rules that found it ("subject-in-title+late")
    matchScore: URIRef  # 0 to 1
    matchVerdict: URIRef  # "answers", "partly answers", "scheduled", "candidate"
    matchReason: URIRef  # why, in words
    planStatus: URIRef  # plan check -> a gk:PlanStatus
    planYear: URIRef  # plan check -> "2021/22"
    planEntry: URIRef  # plan check -> the work-programme entry
    planOf: URIRef  # plan check -> the committee
    takenIn: URIRef  # plan check -> the item that took the entry
    topicTakenUp: URIRef  # work-programme entry -> a gk:TopicTakenUp
    takenUpIn: URIRef  # topic taken up -> the agenda item

    # attendance status (contract)
    Present: URIRef
    Apologies: URIRef
    Absent: URIRef
    Substitute: URIRef
    # attendance capacity (contract)
    Member: URIRef
    CoOptedMember: URIRef
    CabinetMember: URIRef
    OtherMember: URIRef
    Officer: URIRef
    Invited: URIRef
    Observer: URIRef
    # document types (contract)
    Minutes: URIRef
    Agenda: URIRef
    AgendaPack: URIRef
    BriefingNote: URIRef
    WorkProgramme: URIRef
    WebPage: URIRef
    # follow-up status (graphkit.model.FollowUpStatus)
    Answered: URIRef
    PartlyAnswered: URIRef
    Open: URIRef
    Overdue: URIRef
    StatusUnknown: URIRef
    # plan status (graphkit.model.PlanStatus)
    HeldAsPlanned: URIRef
    Moved: URIRef
    NotTaken: URIRef
    MeetingNotRecorded: URIRef
    AddedUnplanned: URIRef


# Each declared term made once, as a class attribute: a DefinedNamespace otherwise looks
# every ``GK.Meeting`` up through its metaclass and makes a new URIRef. Undeclared
# names still fail (they are not attributes, so the metaclass is still asked).
for _name in GK.__annotations__:
    type.__setattr__(GK, _name, GK._NS[_name])


PREFIXES: dict[str, str] = {
    "gk": str(GK._NS),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "time": str(TIME),
    "oa": str(OA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "void": str(VOID),
}
