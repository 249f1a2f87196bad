"""ModernGov issue pages (``ieIssueDetails.aspx?IId=…``, ``mgIssueHistoryHome.aspx?IId=…``):
one issue's history across meetings.

The "Issue - meetings" view lists each meeting that took the issue: "Meeting: 15/06/2021 -
Executive (Item 19)", the item's heading ("19 Title"), then its minutes or decision. Each
becomes a meeting record with the issue as its item. The "Issue details" view gives the
issue's fields instead ("Decision maker:", "Decision due: 24 February 2021 by Cabinet",
"Date of decision:"): one record at the decision's date, its maker as the committee. An
issue whose decision is not dated yet (only a month, or nothing) names no meeting.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import lexicon
from ..dates import parse_date
from ..model import Document, MeetingRecord
from ..segment.text import clean, plain
from .moderngov_pages import (
    MeetingLine,
    apologies,
    committee_name,
    content_start,
    detect_page,
    field,
    first_lines,
    item_heading,
    item_record,
    meeting_refs,
    read_meeting_line,
)
from .registry import register

__all__ = ["detect", "read"]

ISSUE_PAGES = ("ieissuedetails.aspx", "mgissuehistoryhome.aspx", "mgissuehistorychronology.aspx")
ISSUE_HEADING = re.compile(r"(?i)issue(?:\s+details|\s+history|\s*[-–]\s*(?:meetings|decisions))")
MEETING_LINE = re.compile(r"(?im)^[ \t]*(?:Meeting|Cyfarfod)[ \t]*:[ \t]*(?P<v>[^\n]+?)[ \t]*$")
# the fields that date an issue's decision, surest first
DECISION_DATE_LABELS = (r"Date\s+of\s+decision", r"Decision\s+date", r"Decision\s+due")
MAKER_LABEL = r"Decision\s+(?:maker|taker)"
# an officer's post as a decision's maker; and the words of a body that meets
OFFICER_POST = re.compile(
    r"(?i)\b(?:officer|director|chief\s+executive|head\s+of|manager|solicitor|treasurer"
    r"|monitoring|s151|section\s+151)\b"
)
BODY_WORD = re.compile(rf"(?i)\b{lexicon.alternation(lexicon.words('body_kinds.txt'))}\b")


def officer_post(maker: str) -> bool:
    """Whether a decision's maker is an officer's post (one person in the council's staff),
    not a body that meets nor an elected member.

    >>> officer_post("Chief finance officer"), officer_post("Director of Children's Services")
    (True, True)
    >>> officer_post("Cabinet"), officer_post("Cabinet Member for Housing")
    (False, False)
    """
    return bool(OFFICER_POST.search(maker)) and not BODY_WORD.search(
        re.sub(r"(?i)\bchief\s+executive\b|\bexecutive\s+director\b", "", maker)
    )


def detect(doc: Document) -> float:
    return detect_page(doc, ISSUE_PAGES, ISSUE_HEADING)


def _norm(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def _issue_title(doc: Document) -> tuple[str | None, str, int] | None:
    """The issue's title: the first line under the page's heading."""
    top = content_start(doc.text)
    start = next(
        (e for _, e, line in first_lines(doc.text, 3) if ISSUE_HEADING.fullmatch(line)), top
    )
    found = item_heading(doc.text, start, len(doc.text))
    return (None, found[1], found[2]) if found else None


def _at_meetings(
    doc: Document, p: str, issue: tuple[str | None, str, int] | None
) -> list[MeetingRecord]:
    """One record per "Meeting:" line, the issue as its item."""
    found: list[tuple[int, int, MeetingLine]] = []
    for m in MEETING_LINE.finditer(p, content_start(doc.text)):
        meeting = read_meeting_line(m.group("v"))
        if meeting is not None:
            found.append((m.start(), m.end(), meeting))
    out = []
    for k, (start, line_end, meeting) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(doc.text)
        heading = item_heading(doc.text, line_end, end)
        # the item's own heading where it is numbered or repeats the issue's title
        if heading is None or (
            heading[0] is None and issue is not None and _norm(heading[1]) != _norm(issue[1])
        ):
            heading = (None, issue[1] if issue else "Issue", line_end)
        if heading[0] is None and meeting.item:
            heading = (meeting.item, heading[1], heading[2])
        item = item_record(doc, p, heading, start=start, end=end)
        out.append(
            MeetingRecord(
                source=doc.source,
                section="web_page",
                committee=meeting.committee,
                date=meeting.date,
                start=start,
                end=end,
                start_time=meeting.time,
                name=clean(p[start:line_end]),
                items=(item,),
                attendance=apologies(doc, p, item),
                refs=meeting_refs(p, line_end, end, on=meeting.date),
            )
        )
    return out


def _decided(p: str) -> tuple[dt.date, str, int] | None:
    """The date of the issue's decision, its maker, and where the date is written."""
    maker = field(p, MAKER_LABEL)
    for label in DECISION_DATE_LABELS:
        found = field(p, label)
        day = parse_date(found[0]) if found else None
        if found is None or day is None:
            continue
        by = read_meeting_line(found[0])  # "24 February 2021 by Chief finance officer"
        committee = committee_name(maker[0]) if maker else (by.committee if by else "")
        return day, committee, found[1]
    return None


def read(doc: Document) -> list[MeetingRecord]:
    """A record per meeting the issue went to; else one at its decision's date."""
    p = plain(doc.text)
    issue = _issue_title(doc)
    at_meetings = _at_meetings(doc, p, issue)
    if at_meetings:
        return at_meetings
    decided = _decided(p)
    if decided is None or issue is None:
        return []  # an issue not yet decided (or not dated) is at no meeting yet
    day, committee, _ = decided
    if officer_post(committee):
        return []  # an officer's decision is taken at no meeting
    item = item_record(doc, p, issue, start=issue[2], end=len(doc.text))
    return [
        MeetingRecord(
            source=doc.source,
            section="web_page",
            committee=committee,
            date=day,
            start=content_start(doc.text),
            end=len(doc.text),
            name=issue[1],
            items=(item,),
            refs=meeting_refs(p, issue[2], len(doc.text), on=day),
        )
    ]


register(
    "moderngov_issue",
    "ModernGov issue pages (ieIssueDetails, mgIssueHistoryHome): the issue at each meeting",
    detect=detect,
    read=read,
)
