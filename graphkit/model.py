"""Plain, frozen data passed between the stages.

documents → :class:`Document`; segment → :class:`MeetingRecord` (with items,
attendance, references, work-programme rows); extract → :class:`Mention`;
link → :class:`Person` / :class:`Concept` / :class:`Organisation` /
:class:`Membership`. Offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "CAPACITIES",
    "DOC_KINDS",
    "STATUSES",
    "ActionRecord",
    "AttendanceRecord",
    "Capacity",
    "Concept",
    "DocKind",
    "Document",
    "FollowUpStatus",
    "Mention",
    "MeetingRecord",
    "MeetingRef",
    "Membership",
    "Organisation",
    "Person",
    "PlanStatus",
    "ItemRecord",
    "Status",
    "WorkProgrammeRow",
]


def _value(member: Enum) -> str:
    # str() and f-strings give the value ("present"), as the plain strings these replace did
    return str(member.value)


class DocKind(str, Enum):
    """What a document is. ``graphkit.graph.vocabulary.DOC_TYPES`` maps each to its term
    (``gk:Minutes``, ``gk:AgendaPack``, ...).

    >>> DocKind.AGENDA_PACK == "agenda_pack", f"{DocKind.MINUTES}", DocKind("web_page").name
    (True, 'minutes', 'WEB_PAGE')
    """

    MINUTES = "minutes"
    AGENDA = "agenda"
    AGENDA_PACK = "agenda_pack"
    BRIEFING_NOTE = "briefing_note"
    WORK_PROGRAMME = "work_programme"
    WEB_PAGE = "web_page"

    __str__ = _value


class Status(str, Enum):
    """How a person is listed for a meeting. ``graphkit.graph.vocabulary.STATUS`` maps
    each to its term (``gk:Present``, ...); the order is the precedence when one person is
    listed twice for a meeting (present over apologies).

    >>> Status.PRESENT == "present", str(Status.SUBSTITUTE), Status("apologies").name
    (True, 'substitute', 'APOLOGIES')
    """

    PRESENT = "present"
    SUBSTITUTE = "substitute"
    APOLOGIES = "apologies"
    ABSENT = "absent"

    __str__ = _value


class Capacity(str, Enum):
    """In what capacity a person is listed. ``graphkit.graph.vocabulary.CAPACITY`` maps
    each to its term (``gk:CoOptedMember``, ...); the order is the precedence when one
    person is listed twice for a meeting (the more specific capacity first).

    >>> Capacity.CO_OPTED == "co-opted", Capacity("cabinet-member").words
    (True, 'cabinet member')
    """

    CABINET_MEMBER = "cabinet-member"
    CO_OPTED = "co-opted"
    OTHER_MEMBER = "other-member"
    OFFICER = "officer"
    OBSERVER = "observer"
    INVITED = "invited"
    MEMBER = "member"

    __str__ = _value

    @property
    def words(self) -> str:
        """The capacity as a page writes it: "co-opted member", "cabinet member"."""
        return "co-opted member" if self is Capacity.CO_OPTED else self.value.replace("-", " ")


class FollowUpStatus(str, Enum):
    """Where a request stands against the later records (``graphkit.followups``);
    ``graphkit.graph.followups.FOLLOW_UP_STATUS`` maps each to its term (``gk:Overdue``, ...).
    The order is the register's: what needs chasing first.

    >>> FollowUpStatus.PARTLY_ANSWERED == "partly answered", FollowUpStatus("overdue").name
    (True, 'OVERDUE')
    """

    OVERDUE = "overdue"
    OPEN = "open"
    UNKNOWN = "unknown"
    PARTLY_ANSWERED = "partly answered"
    ANSWERED = "answered"

    __str__ = _value


class PlanStatus(str, Enum):
    """How a work-programme entry (or an item no entry planned) fared in the minutes
    (``graphkit.followups.plan``); ``graphkit.graph.followups.PLAN_STATUS`` maps each to
    its term.

    >>> PlanStatus.HELD_AS_PLANNED == "held as planned", PlanStatus("moved").name
    (True, 'MOVED')
    """

    HELD_AS_PLANNED = "held as planned"
    MOVED = "moved"
    NOT_TAKEN = "planned, not taken"
    NOT_RECORDED = "meeting not in the records"
    ADDED = "added, not planned"

    __str__ = _value


# the values as plain tuples, for producers that check a string they read
DOC_KINDS = tuple(k.value for k in DocKind)
STATUSES = tuple(s.value for s in Status)
CAPACITIES = tuple(c.value for c in Capacity)


@dataclass(frozen=True)
class Document:
    source: str  # path relative to the input root (posix), or a URL
    text: str  # sanitised text as read; all offsets point into it
    sha256: str  # of the raw bytes
    kind: DocKind | str  # a DocKind; producers may still pass its value
    title: str | None = None
    url: str | None = (
        None  # where it was published: a text rendering's "URL:" line, a page's canonical link
    )


@dataclass(frozen=True)
class ActionRecord:
    text: str
    start: int
    end: int
    agent: str | None = None  # as written: "Officers", "The Board", "Councillor Sandhu"
    kind: str = "action"  # "action" or "resolution"


@dataclass(frozen=True)
class ItemRecord:
    number: str | None  # as written: "15", "3(a)"
    title: str
    position: int  # 1-based order within the meeting
    start: int  # span of the whole item (heading and text)
    end: int
    title_start: int
    resolutions: tuple[ActionRecord, ...] = ()
    extra_spans: tuple[tuple[int, int], ...] = ()  # papers attached to the item elsewhere
    actions: tuple[ActionRecord, ...] = ()


@dataclass(frozen=True)
class AttendanceRecord:
    name: str  # the name as written, title included ("Councillor K Sandhu")
    start: int
    end: int
    status: Status | str  # a Status; producers may still pass its value ("present")
    capacity: Capacity | str  # a Capacity, or its value ("co-opted")
    heading: str  # the list heading as written ("Co-opted Members")
    role: str | None = None  # as written ("Director of Children's Services", "Chair")
    chair: bool = False
    capacity_stated: bool = True


@dataclass(frozen=True)
class MeetingRef:
    """A meeting referred to from another ("the minutes of the meeting held on ...")."""

    date: dt.date
    relation: str  # "approves" or "references"
    start: int
    end: int
    body: str | None = None  # committee or body as written, when not this committee


@dataclass(frozen=True)
class WorkProgrammeRow:
    title: str
    start: int
    end: int
    date: dt.date | None = None
    date_as_written: str | None = None
    detail: str | None = None
    lead: str | None = None  # the lead cell as written
    lead_start: int | None = None


@dataclass(frozen=True)
class MeetingRecord:
    """One meeting as one section of one document records or announces it."""

    source: str  # document source
    section: str  # "minutes", "agenda", "briefing_note", "work_programme", "web_page"
    committee: str  # as written; "" where the document does not name it
    date: dt.date | None  # None: the document does not date the meeting (see platform_id)
    start: int  # span of the section in the document
    end: int
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str | None = None
    name: str | None = None  # title as written
    items: tuple[ItemRecord, ...] = ()
    attendance: tuple[AttendanceRecord, ...] = ()
    membership: tuple[AttendanceRecord, ...] = ()  # an agenda's list of the committee's members
    refs: tuple[MeetingRef, ...] = ()
    work_programme: tuple[WorkProgrammeRow, ...] = ()
    # the publishing platform's own id of the meeting ("moderngov:9837"), which joins the pages
    # of one meeting when only some of them carry its date
    platform_id: str | None = None
    council: str | None = None  # the council's name, where the document itself shows it
    layout: str = ""  # the layout that read it (graphkit.layouts)


@dataclass(frozen=True)
class Mention:
    """A span of text that names a person, programme or organisation."""

    label: str  # "PERSON", "PROGRAMME", "ORG"
    text: str
    start: int
    end: int
    source: str
    honorific: str | None = None  # "Councillor", "Mrs"
    role: str | None = None  # a role written beside the name
    acronym_of: str | None = None  # for "Long Name (ACR)" definitions
    generic: bool = False  # "the Strategic Plan": names a programme only by its kind


@dataclass(frozen=True)
class Person:
    key: str  # IRI slug, e.g. "k-sandhu"
    pref_label: str
    alt_labels: tuple[str, ...]
    family_name: str
    given_name: str | None = None
    initials: str | None = None
    honorifics: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()  # why each surface form was merged in


@dataclass(frozen=True)
class Concept:
    key: str
    pref_label: str
    alt_labels: tuple[str, ...]
    is_programme: bool = True
    explanation: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisation:
    key: str
    pref_label: str
    alt_labels: tuple[str, ...]


@dataclass(frozen=True)
class Membership:
    person: str  # Person.key
    role: str  # "Chair", "Cabinet Member for Education and Skills"
    organisation: str  # "committee" or "council"
    committee: str | None
    start: dt.date
    end: dt.date
    sources: tuple[str, ...] = field(default=())
