"""ModernGov agenda item pages (``mgAi.aspx?ID=…``): one item of one meeting.

The page is headed "Agenda item"; a line "Meeting: 05/03/2025 - Planning Committee
(Item 56.)" names the meeting where the council shows it, then the item's heading
("56. Title"), its purpose, and its "Minutes:" or "Decision:" block. Many councils show
no meeting at all: the record is then undated (``date=None``) and keeps the item, its
decisions and the people in it. The address's ``ID`` is the item's id, not the meeting's,
so it is never taken as the meeting's ``platform_id``.
"""

from __future__ import annotations

import re

from ..model import Document, MeetingRecord
from ..segment.text import clean, plain
from . import register
from .moderngov_pages import (
    BY_ADDRESS,
    MeetingLine,
    apologies,
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

__all__ = ["detect", "read"]

ITEM_PAGES = ("mgai.aspx",)
ITEM_HEADING = re.compile(r"(?i)agenda\s+item|eitem\s+agenda")
# the label of the meeting line (English, Welsh)
MEETING_LABEL = r"Meeting|Cyfarfod"
# the blocks after an item's heading: the meeting line stands before them
BODY_LABEL = re.compile(r"(?im)^[ \t]*(?:Minutes|Decision|Decisions|Purpose)[ \t]*:")
#: characters: an item page holds one item; a document longer than this is a pack
LONGEST_ITEM_PAGE = 100_000
#: the title of an item whose page gives none
UNTITLED = "Agenda item"


def detect(doc: Document) -> float:
    score = detect_page(doc, ITEM_PAGES, ITEM_HEADING)
    if 0 < score < BY_ADDRESS:
        # by its heading alone: not a pack's "Agenda Item / 5" page header, nor a long pack
        heads = [line for _, _, line in first_lines(doc.text, 4)]
        at = next((k for k, line in enumerate(heads) if ITEM_HEADING.fullmatch(line)), 0)
        after = heads[at + 1] if at + 1 < len(heads) else ""
        if re.fullmatch(r"\d{1,3}[a-z]?\.?", after) or len(doc.text) > LONGEST_ITEM_PAGE:
            return 0.0
    return score


def _meeting(p: str, start: int) -> tuple[MeetingLine | None, int, int]:
    """The meeting the page names above the item's body, and where its line starts and ends."""
    body = BODY_LABEL.search(p, start)
    stop = min(body.start() if body else len(p), start + 1500)
    found = field(p, MEETING_LABEL, start, stop)
    meeting = read_meeting_line(found[0]) if found else None
    if found is None or meeting is None:
        return None, start, start
    line_end = p.find("\n", found[2])
    return meeting, p.rfind("\n", 0, found[1]) + 1, len(p) if line_end == -1 else line_end


def read(doc: Document) -> list[MeetingRecord]:
    """One record: the meeting (dated where the page names it) with the page's item."""
    p = plain(doc.text)
    top = content_start(doc.text)
    start = next(
        (e for _, e, line in first_lines(doc.text, 3) if ITEM_HEADING.fullmatch(line)), top
    )
    meeting, line_start, line_end = _meeting(p, start)
    # the item's heading under the meeting line, or (some councils) above it
    heading = item_heading(doc.text, start, line_start) or item_heading(
        doc.text, line_end, len(doc.text)
    )
    if heading is None:  # no title: the item is the page's body all the same
        heading = (None, UNTITLED, line_end)
    if heading[0] is None and meeting is not None and meeting.item:
        heading = (meeting.item, heading[1], heading[2])
    item_start = heading[2]
    item = item_record(doc, p, heading, start=item_start, end=len(doc.text))
    date = meeting.date if meeting else None
    return [
        MeetingRecord(
            source=doc.source,
            section="web_page",
            committee=meeting.committee if meeting else "",
            date=date,
            start=top,
            end=len(doc.text),
            start_time=meeting.time if meeting else None,
            name=clean(heading[1]),
            items=(item,),
            attendance=apologies(doc, p, item),
            refs=meeting_refs(p, item_start, len(doc.text), on=date),
            platform_id=meeting_id_shown(doc),
        )
    ]


register(
    "moderngov_item",
    "ModernGov agenda item pages (mgAi.aspx): one item, its meeting where shown",
    detect=detect,
    read=read,
)
