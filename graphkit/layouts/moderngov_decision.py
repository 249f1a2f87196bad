"""ModernGov decision pages (``ieDecisionDetails.aspx?AIId=…``): one decision.

Headed "Decision details": the decision's title, "Decision Maker: Cabinet", its status,
"Purpose:", "Decision:" (the resolution), "Date of decision: 19/01/2023" and "Made at
meeting: 19/01/2023 - Cabinet". The record is the meeting that made it (its date and
committee from "Made at meeting", else the date of decision and the maker), with the
decision as its item. A page that dates neither gives an undated record: the address's
``AIId`` is the item's id, not the meeting's.
"""

from __future__ import annotations

import re

from ..dates import parse_date
from ..model import Document, MeetingRecord
from ..segment.text import clean, plain
from .moderngov_pages import (
    committee_name,
    content_start,
    detect_page,
    field,
    first_lines,
    item_heading,
    item_record,
    meeting_id_shown,
    meeting_refs,
    read_meeting_line,
)
from .registry import register

__all__ = ["detect", "read"]

DECISION_PAGES = ("iedecisiondetails.aspx",)
DECISION_HEADING = re.compile(r"(?i)(?:officer\s+)?decision\s+details")
MADE_AT_LABEL = r"(?:Made|Decided|Taken)\s+at\s+meeting|Meeting"
DATE_LABEL = r"Date\s+of\s+decision|Decision\s+date|Date\s+decision\s+made"
MAKER_LABEL = r"Decision\s+(?:maker|taker)"
#: the title of a decision whose page gives none
UNTITLED = "Decision"


def detect(doc: Document) -> float:
    return detect_page(doc, DECISION_PAGES, DECISION_HEADING)


def read(doc: Document) -> list[MeetingRecord]:
    """The meeting (or maker) that made the decision, with the decision as its item."""
    p = plain(doc.text)
    top = content_start(doc.text)
    start = next(
        (e for _, e, line in first_lines(doc.text, 3) if DECISION_HEADING.fullmatch(line)), top
    )
    made_at = field(p, MADE_AT_LABEL, start)
    meeting = read_meeting_line(made_at[0]) if made_at else None
    dated = field(p, DATE_LABEL, start)
    maker = field(p, MAKER_LABEL, start)
    date = meeting.date if meeting else (parse_date(dated[0]) if dated else None)
    committee = (meeting.committee if meeting else "") or (
        committee_name(maker[0]) if maker else ""
    )
    heading = item_heading(doc.text, start, len(doc.text))
    if heading is None:
        heading = (None, UNTITLED, start)
    if meeting is not None and meeting.item:
        heading = (meeting.item, heading[1], heading[2])
    if heading[1] == UNTITLED and not committee and date is None:
        return []  # nothing on the page says which decision or whose
    item = item_record(doc, p, heading, start=heading[2], end=len(doc.text))
    return [
        MeetingRecord(
            source=doc.source,
            section="web_page",
            committee=committee,
            date=date,
            start=top,
            end=len(doc.text),
            start_time=meeting.time if meeting else None,
            name=clean(heading[1]),
            items=(item,),
            refs=meeting_refs(p, heading[2], len(doc.text), on=date),
            platform_id=meeting_id_shown(doc),
        )
    ]


register(
    "moderngov_decision",
    "ModernGov decision pages (ieDecisionDetails): the decision at its meeting",
    detect=detect,
    read=read,
)
