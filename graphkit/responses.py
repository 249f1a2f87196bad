"""Which dated event a plan was written in response to (used by stage 4, linking).

Minutes and reports rarely name a plan the same way twice: the agenda calls it the
"… Visit Outcome and Action Plan", its appendix is headed "… Improvement Plan", and
a later briefing note has a section on the "… Areas for Improvement Action Plan".
What they keep is the event the plan answers: "an action plan was developed in
response to the visit", where the visit is the one "undertaken on 12 and 13 May
2021". :func:`responses` finds those statements, resolving "the visit" to the
last dated visit written before it in the same document.

Only events with a full date count (a day, a month and a year), so "the inspection"
with no date, or "in March 2023", anchors nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import lexicon
from .dates import DATE_RE, find_dates

__all__ = ["Event", "Response", "dated_events", "responses"]

# the kinds of event a plan answers; "peer review" and "monitoring visit" reduce to their head
_EVENT = r"(?P<kind>visits?|inspections?|reviews?|audits?)"
_DAY_RANGE = r"(?:[0-3]?\d(?:st|nd|rd|th)?\s*(?:-|–|and|to|&)\s*)?"
# "visit, (COVID-19 assurance) was undertaken on 12 and 13 May 2021", "Visit held on 12-13 May 2021",
# "the inspection of 4 March 2024", "Visit 12-13 May 2021"
_DATED = re.compile(
    rf"^(?:[^.;]{{0,80}}?\b(?:held|undertaken|carried out|took place|conducted|completed|happened)"
    rf"\s+(?:on\s+|between\s+|from\s+)?(?:the\s+)?|\s*(?:held\s+)?(?:on\s+|of\s+|dated\s+)?)"
    rf"{_DAY_RANGE}(?={DATE_RE.pattern})",
    re.IGNORECASE,
)
_CUE = re.compile(
    rf"\b(?:in response to|following|responding to|arising from|as a result of|after)\s+"
    rf"(?:the|this|that|their|its|our|an?)?\s*(?:[\w'’(),-]+\s+){{0,6}}?{_EVENT}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Event:
    kind: str  # "visit", "inspection", "review", "audit"
    date: dt.date  # the last day written ("12 and 13 May 2021" -> 13 May)


@dataclass(frozen=True)
class Response:
    start: int  # the sentence that says so
    end: int
    event: Event


def _kind(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") else w


_BOUNDARY = re.compile(r"[.!?](?=\s|$)|\n")
# a line break inside a sentence, as PDF text wraps one: after a word that joins (the
# lexicon's small words and articles: "of", "the"), or before a word in small letters
_WRAPPED = re.compile(rf"(?<![\w&]){lexicon.alternation(lexicon.minor_words())}\n|\n[ \t]*[a-z]")


def _boundaries(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    for b in _BOUNDARY.finditer(text, start, end):
        if b.group() == "\n" and _WRAPPED.search(text, max(0, b.start() - 5), b.end() + 3):
            continue
        yield b


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: from the last full stop or line break to the next."""
    start = 0
    for b in _boundaries(text, max(0, pos - 2000), pos):
        start = b.end()
    while start < pos and text[start].isspace():
        start += 1
    nxt = next(_boundaries(text, pos, len(text)), None)
    return start, nxt.start() if nxt else len(text)


def _dated_at(text: str, noun_end: int, sentence_end: int) -> dt.date | None:
    """The full date the event noun ending at ``noun_end`` is said to have happened on."""
    tail = text[noun_end:sentence_end]
    m = _DATED.match(tail)
    if not m:
        return None
    found = next(find_dates(tail[m.end() :]), None)
    if found is None or found.start != 0 or not found.year_written:
        return None
    return found.date


def dated_events(text: str) -> Iterator[tuple[int, Event]]:
    """Every event written with its date, and where.

    >>> [(e.kind, str(e.date)) for _, e in dated_events(
    ...     "The focused visit was undertaken on 12 and 13 May 2021. The outcome of the visit "
    ...     "was published on 25 June 2021. A review of the front door was undertaken in May 2021.")]
    [('visit', '2021-05-13')]
    """
    for m in re.finditer(rf"\b{_EVENT}\b", text, re.IGNORECASE):
        _, end = _sentence(text, m.start())
        date = _dated_at(text, m.end(), end)
        if date is not None:
            yield m.start(), Event(_kind(m.group("kind")), date)


def responses(text: str) -> Iterator[Response]:
    """Every sentence saying something was done in response to a dated event.

    >>> text = ("The peer review was held on 3 and 4 March 2024. It found three areas to improve. "
    ...         "An action plan was developed in response to the review.")
    >>> [(text[r.start:r.end], r.event.kind, str(r.event.date)) for r in responses(text)]
    [('An action plan was developed in response to the review', 'review', '2024-03-04')]
    >>> list(responses("An action plan was written following the inspection."))
    []
    """
    events = list(dated_events(text))
    for m in _CUE.finditer(text):
        kind = _kind(m.group("kind"))
        start, end = _sentence(text, m.start())
        date = _dated_at(text, m.end(), end)
        if date is None:  # "the visit": the last dated visit before it
            earlier = [e for pos, e in events if pos < m.start("kind") and e.kind == kind]
            if not earlier:
                continue
            date = earlier[-1].date
        yield Response(start, end, Event(kind, date))
