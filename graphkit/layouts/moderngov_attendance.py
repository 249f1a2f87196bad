"""ModernGov attendance pages (``mgMeetingAttendance.aspx?ID=…``): who came to one meeting.

A table of attendee, role and attendance ("Present", "Apologies", "Absent", "Present as
substitute", "In attendance", "Expected"), perhaps with a comment; above it, where the
council shows them, "Meeting of X, <date>" and "Venue:". The address's ``ID`` is the
meeting's id: the record carries it as ``platform_id`` so a page that dates the meeting
dates this one. "Expected" records no attendance (the meeting is to come, or its
attendance was not taken): the members expected are the committee's membership.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..model import AttendanceRecord, Document, MeetingRecord
from ..names import COUNCILLOR
from ..platform import platform_id, query
from ..segment.text import clean, lines, plain, table_cells
from .moderngov_pages import (
    BY_HEADING,
    committee_name,
    content_start,
    detect_page,
    field,
    read_meeting_line,
)
from .registry import register

__all__ = ["detect", "read"]

ATTENDANCE_PAGES = ("mgmeetingattendance.aspx",)
ATTENDANCE_HEADING = re.compile(r"(?i)(?:meeting\s+)?attendance(?:\s+details)?")
# the table's columns, by the words of their headers
NAME_COLUMN = re.compile(r"(?i)attendee|name|member|councillor")
ROLE_COLUMN = re.compile(r"(?i)role|capacity")
STATUS_COLUMN = re.compile(r"(?i)attendance|attended|status")
COMMENT_COLUMN = re.compile(r"(?i)comment|notes?")
# an attendance cell, by its first words → status (first match wins)
STATUS_WORDS = (
    ("present as substitute", "substitute"),
    ("substitute", "substitute"),
    ("apolog", "apologies"),
    ("absent", "absent"),
    ("did not attend", "absent"),
    ("not present", "absent"),
    ("in attendance", "present"),
    ("present", "present"),
    ("attended", "present"),
    ("virtual", "present"),
)
EXPECTED_WORDS = ("expected",)
# a role cell, by its words → capacity (first match wins)
ROLE_CAPACITIES = (
    ("co-opt", "co-opted"),
    ("coopt", "co-opted"),
    ("officer", "officer"),
    ("clerk", "officer"),
    ("observer", "observer"),
    ("deputy cabinet member", "other-member"),
    ("cabinet member", "cabinet-member"),
    ("portfolio holder", "cabinet-member"),
    ("executive member", "cabinet-member"),
    ("guest", "invited"),
    ("invited", "invited"),
    ("witness", "invited"),
    ("representative", "invited"),
    ("substitute", "member"),
    ("reserve", "member"),
    ("chair", "member"),
    ("member", "member"),
    ("councillor", "member"),
)
# roles that only name a capacity, kept out of ``AttendanceRecord.role``
CAPACITY_ONLY = lexicon.lines("capacity_only_roles.txt")
# the platform's table header, which marks a page that lost its heading
TABLE_HEADER = re.compile(r"(?im)^[ \t|]*Attendee[ \t]*[|\t][^\n]*\bAttendance\b")
#: how far into a page that header stands
HEAD = 2000
CHAIR_ROLE = re.compile(r"(?i)(?:the\s+)?chair(?:man|person|woman)?")


def detect(doc: Document) -> float:
    score = detect_page(doc, ATTENDANCE_PAGES, ATTENDANCE_HEADING)
    start = content_start(doc.text)
    if score == 0 and not doc.url and TABLE_HEADER.search(doc.text, start, start + HEAD):
        return BY_HEADING  # the platform's own table at the top of a page with no heading
    return score


def _columns(cells: list[str]) -> dict[str, int] | None:
    """The index of each column a header row names; None for a row that is no header."""
    found: dict[str, int] = {}
    for k, cell in enumerate(clean(c) for c in cells):
        for key, rx in (
            ("comment", COMMENT_COLUMN),
            ("status", STATUS_COLUMN),
            ("role", ROLE_COLUMN),
            ("name", NAME_COLUMN),
        ):
            if key not in found and rx.search(cell) and len(cell.split()) <= 3:
                found[key] = k
                break
    return found if "name" in found and "status" in found else None


def _header(text: str) -> tuple[int, dict[str, int], str] | None:
    """Where the attendance table's header row ends, its columns and its status header."""
    for _, e, line in lines(text, content_start(text)):
        row = table_cells(line)
        cols = _columns(row[0]) if row else None
        if row and cols:
            return e, cols, clean(row[0][cols["status"]])
    return None


def _status(cell: str) -> str | None:
    low = " ".join(cell.lower().split())
    if low.startswith(EXPECTED_WORDS):
        return "expected"
    return next((status for word, status in STATUS_WORDS if low.startswith(word)), None)


def _entry(name: tuple[int, str], role: str, status: str, heading: str) -> AttendanceRecord:
    """One row: the capacity from its role, the chair where the role says so."""
    low = role.lower()
    capacity = next((c for word, c in ROLE_CAPACITIES if word in low), None)
    start, text = name
    if heading.lower().startswith("in attendance") and capacity in (None, "member"):
        # in attendance, not a member of the committee: another councillor, or an officer
        capacity = "other-member" if re.match(rf"(?i:{COUNCILLOR})", text) else "officer"
    return AttendanceRecord(
        name=text,
        start=start,
        end=start + len(text),
        status=status,
        capacity=capacity or "member",
        heading=heading,
        role=None if low.strip() in CAPACITY_ONLY or not role.strip() else role.strip(),
        chair=bool(CHAIR_ROLE.fullmatch(role.strip())),
        capacity_stated=capacity is not None,
    )


def _rows(text: str) -> tuple[list[AttendanceRecord], list[AttendanceRecord], int]:
    """(attendance, members expected, where the table starts) of the page's table."""
    header = _header(text)
    if header is None:
        return [], [], len(text)
    after, cols, heading = header
    attended: list[AttendanceRecord] = []
    expected: list[AttendanceRecord] = []
    for s, _, line in lines(text, after + 1):
        row = table_cells(line)
        if row is None:
            if clean(line):
                break  # the table has ended
            continue
        cells, offsets = row
        at = {k: (s + offsets[i], cells[i].strip()) for k, i in cols.items() if i < len(cells)}
        name, written = at.get("name"), at.get("status", (0, ""))[1]
        status = _status(written)
        if name is None or not name[1] or set(name[1]) <= set("-: ") or status is None:
            continue
        role = ", ".join(
            x for x in (at.get("role", (0, ""))[1], at.get("comment", (0, ""))[1]) if x
        )
        said = "In attendance" if written.lower().startswith("in attendance") else heading
        if status == "expected":
            if not re.search(r"(?i)officer|clerk", role):
                expected.append(_entry(name, role, "present", "Expected"))
            continue
        attended.append(_entry(name, role, status, said))
    return attended, expected, text.rfind("\n", 0, after) + 1


def read(doc: Document) -> list[MeetingRecord]:
    """The meeting, undated unless the page dates it, with its attendance."""
    p = plain(doc.text)
    top = content_start(doc.text)
    attended, expected, table = _rows(doc.text)
    meeting, name = None, "Attendance details"
    for _, _, line in lines(p, top, table):
        if clean(line) and not re.match(r"(?i)\s*(?:venue|date\s+published)\s*:", line):
            meeting = read_meeting_line(line)
            if meeting is not None:
                name = clean(line)
                break
    if not attended and not expected and meeting is None:
        return []
    venue = field(p, r"Venue|Place|Location", top)
    q = query(doc)
    ident = q.get("id") or q.get("mid") or q.get("meetingid")
    return [
        MeetingRecord(
            source=doc.source,
            section="web_page",
            committee=committee_name(meeting.committee) if meeting else "",
            date=meeting.date if meeting else None,
            start=top,
            end=len(doc.text),
            start_time=meeting.time if meeting else None,
            venue=clean(venue[0]) if venue else None,
            name=name,
            attendance=tuple(attended),
            membership=tuple(expected),
            platform_id=platform_id(doc, value=ident) if ident else None,
        )
    ]


register(
    "moderngov_attendance",
    "ModernGov attendance pages (mgMeetingAttendance): who attended one meeting",
    detect=detect,
    read=read,
)
