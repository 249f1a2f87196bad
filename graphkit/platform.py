"""Helpers every web-platform layout needs: the page's address, the platform's ids,
link noise in titles, the heading date line. Pure functions over strings.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl, urlparse

from .councils import host_label
from .dates import find_dates, find_times
from .model import Document

__all__ = [
    "MEETING_ID_KEYS",
    "page_name",
    "platform_id",
    "query",
    "strip_noise",
    "when",
]

MEETING_ID_KEYS = ("mid", "meetingid")


def page_name(doc: Document) -> str:
    """The page's file name in its address, lower case ("ielistdocuments.aspx"), or "".

    >>> page_name(Document("a", "", "0", "web_page", url="https://x.gov.uk/mgAi.aspx?ID=1"))
    'mgai.aspx'
    """
    if not doc.url:
        return ""
    return urlparse(doc.url).path.rsplit("/", 1)[-1].lower()


def query(doc: Document) -> dict[str, str]:
    """The page address's query parameters, names in lower case.

    >>> query(Document("a", "", "0", "web_page", url="https://x.gov.uk/a.aspx?CId=5&MId=9"))
    {'cid': '5', 'mid': '9'}
    """
    if not doc.url:
        return {}
    return {k.lower(): v for k, v in parse_qsl(urlparse(doc.url).query)}


def platform_id(doc: Document, value: str | None = None) -> str | None:
    """The platform's id of the meeting a page is about, scoped by the council's host:
    "kent:9837" from ``...kent.gov.uk/ieListDocuments.aspx?MId=9837`` (or ``MeetingId``).
    ``value`` gives the id where the page holds it elsewhere (web-service XML).

    >>> platform_id(Document("a", "", "0", "web_page", url="https://democracy.kent.gov.uk:9071/ieListDocuments.aspx?CId=894&MID=8273"))
    'kent:8273'
    """
    if value is None:
        q = query(doc)
        value = next((q[k] for k in MEETING_ID_KEYS if k in q), None)
    if not value:
        return None
    host = host_label(doc.url) if doc.url else None
    return f"{host or 'local'}:{value}"


# "pdf icon PDF 345 KB", "PDF 62 KB", "View the reasons why item 5 is restricted"
_NOISE = re.compile(
    r"\s*(?:(?:pdf|word|excel|html)\s+icon\s+)?(?:PDF|DOC|DOCX|XLS|XLSX|HTML)\s+[\d.,]+\s*[KMG]B\b"
    r"|\s*View the reasons? why[^\n]*$|\s*View the (?:decision|background) [^\n]*$",
    re.I,
)


def strip_noise(title: str) -> str:
    """A title without the platform's link noise.

    >>> strip_noise("Minutes of the meeting held on 27 February 2025 pdf icon PDF 100 KB")
    'Minutes of the meeting held on 27 February 2025'
    >>> strip_noise("Health Inequalities PDF 102 KB")
    'Health Inequalities'
    """
    return " ".join(_NOISE.sub("", title).split())


def when(text: str) -> tuple[dt.date | None, dt.time | None]:
    """The date and start time in a heading line ("Tuesday, 15th July, 2025 2.00 pm").

    >>> when("Tuesday, 15th July, 2025 2.00 pm")
    (datetime.date(2025, 7, 15), datetime.time(14, 0))
    """
    day = next((d.date for d in find_dates(text) if d.date is not None), None)
    time = next((t for t, _, _ in find_times(text, header=True)), None)
    return day, time
