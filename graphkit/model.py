"""Plain, frozen data passed between the stages.

documents → :class:`Document`; segment → :class:`MeetingRecord` (with items,
attendance, references, work-programme rows); extract → :class:`Mention`;
link → :class:`Person` / :class:`Concept` / :class:`Organisation` /
:class:`Membership`. Offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "ActionRecord",
    "AttendanceRecord",
    "Concept",
    "Document",
    "Mention",
    "MeetingRecord",
    "MeetingRef",
    "Membership",
    "Organisation",
    "Person",
    "ItemRecord",
    "WorkProgrammeRow",
]

# Document kinds; graph.py maps them to gk:Minutes, gk:AgendaPack, ...
DOC_KINDS = ("minutes", "agenda", "agenda_pack", "briefing_note", "work_programme", "web_page")
# Attendance values; graph.py maps them to gk:Present, gk:CoOptedMember, ...
STATUSES = ("present", "apologies", "absent", "substitute")
CAPACITIES = (
    "member",
    "co-opted",
    "cabinet-member",
    "other-member",
    "officer",
    "invited",
    "observer",
)


@dataclass(frozen=True)
class Document:
    source: str  # path relative to the input root (posix), or a URL
    text: str  # sanitised text as read; all offsets point into it
    sha256: str  # of the raw bytes
    kind: str  # one of DOC_KINDS
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
    status: str  # one of STATUSES
    capacity: str  # one of CAPACITIES
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
