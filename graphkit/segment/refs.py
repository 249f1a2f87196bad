"""References to other meetings: minutes approved, meetings referred to, future meetings
named ("the minutes of the meeting held on 3 March were agreed", "Further to Minute 33")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ..dates import find_dates
from ..model import MeetingRef

__all__ = ["find_refs", "one_per_meeting"]

_BODY_WORD = (
    r"Board|Committee|Sub-Committee|Panel|Cabinet|Council|Group|Forum|Partnership|Commission"
    r"|Executive|Assembly"
)
# "the minutes of", and "the (action) notes of" where a meeting keeps notes, not minutes
# or "the minutes of the Audit Committee held on ...", the body's name standing for its meeting
_APPROVE = re.compile(
    # "Minute" as Scottish councils write it; "MINUTES OF MEETING HELD ON" without "the"
    r"(?:minutes?|(?:action\s+)?notes)\s+of\s+(?:the\s+|its\s+)?"
    r"(?:(?:last|previous|[A-Z][\w'’&-]*|\(\d+\)|and|of|for)\s+){0,8}?"
    rf"(?:meetings?(?:\s+of\s+[^\n.]{{0,100}}?)?|(?:{_BODY_WORD}))[\s,]+held\s+on\s+(?:the\s+)?",
    re.I,
)
# minutes named by their date alone, as an agenda or a list of decisions titles them:
# "Minutes - 22 September 2022", "PART 2 MINUTES – 22 SEPTEMBER 2022", "Minutes of 3 May 2024"
_DATED_MINUTES = re.compile(
    r"\b(?:part[ \t]+(?:2|ii|two|b)[ \t]+)?minutes?[ \t]*"
    r"(?:of[ \t]+(?:the[ \t]+|its[ \t]+)?(?:meeting[ \t]+(?:of[ \t]+)?)?)?"
    r"(?:[-–—:,][ \t]*)?(?=(?:[a-z]+day,?[ \t]+)?\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?[a-z]{3,9}\.?,?"
    r"[ \t]+\d{4})",
    re.I,
)
_REFER = re.compile(
    rf"\b(?:{_BODY_WORD})\b[^.\n]{{0,60}}?\bmeeting\s+(?:held\s+)?on\s+(?:the\s+)?",
    re.I,
)
# "The next meeting of the Committee will be held on ...", "The next Improvement Group would
# be held on ...", "Date of next meeting: ..."
_NEXT = re.compile(
    r"\bnext\s+(?:(?P<body>(?-i:[A-Z])(?:(?!meeting)[^\n.]){0,80}?)\s+)?(?:meeting\s+)?(?:of\s+(?:the\s+)?"
    r"(?P<of>[^\n.]{0,80}?)\s+)?(?:will|would|is|shall)\s+(?:now\s+)?(?:be\s+)?(?:held\s+)?"
    r"(?:on\s+)?(?:the\s+)?"
    r"|(?m:^[ \t]*(?:\d{1,3}\.?[ \t]+)?date\s+of\s+(?:the\s+)?next\s+meeting[ \t]*[:–-]?\s*)",
    re.I,
)
# "Minute 34 of the meeting held on ...", "Further to minute 12/25 of the Cabinet meeting on ...":
# a minute of another (past) meeting, referred to
_MINUTE_OF = re.compile(
    r"\bminute\s+(?:no\.?\s*)?[A-Z]{0,3}[/.]?\d+[\w/()-]*\s+of\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w'’&-]*|\(\d+\)|and|of|for)\s+){0,8}?meeting\s+(?:held\s+)?on\s+(?:the\s+)?",
    re.I,
)
_SELF = re.compile(rf"(?:the\s+|this\s+|its\s+)?(?:Scrutiny\s+)?(?:{_BODY_WORD})", re.I)


def _body(words: str | None) -> str | None:
    """The body a reference names, or None for this committee ("the Committee", "its").

    >>> _body("forwarded to Cabinet for approval at its"), _body("reported to the Committee at its")
    ('Cabinet', None)
    >>> _body("noted that the Health Scrutiny Board"), _body("Continuous Improvement Executive Group")
    ('Health Scrutiny Board', 'Continuous Improvement Executive Group')
    """
    if not words:
        return None
    found = list(re.finditer(rf"\b(?:{_BODY_WORD})\b(?:\s*\(\d+\))?", words))
    if not found:
        return None
    last = found[-1]
    head = re.search(r"(?:(?:[A-Z][\w'’&-]*|and|of|for|&)\s+)*$", words[: last.start()])
    name = (head.group(0) if head else "") + last.group(0)
    # one space between words, as a label: markup blanked out leaves runs of spaces
    name = " ".join(re.sub(r"^(?:(?:and|of|for|&)\s+)+", "", name).split())
    if _SELF.fullmatch(name) and not re.fullmatch(r"Cabinet|Council", name):
        return None
    return name


def _in_year(month: int, day: int, on: dt.date, toward: str) -> dt.date | None:
    """A day written without its year, placed beside the meeting ``on``: the last such day
    before it, or the first after it.

    >>> str(_in_year(11, 28, dt.date(2021, 1, 20), "before")), str(_in_year(3, 11, dt.date(2021, 9, 16), "after"))
    ('2020-11-28', '2022-03-11')
    """
    days = []
    for year in (on.year - 1, on.year, on.year + 1):
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    if toward == "before":
        return max((d for d in days if d < on), default=None)
    return min((d for d in days if d > on), default=None)


def _dates_at(
    text: str, on: dt.date | None = None, toward: str = "before"
) -> list[tuple[dt.date, int]]:
    """The dates ``text`` starts with, and where each ends: "12 and 26 January 2025" holds two;
    a date without its year is placed beside the meeting ``on``, where that is known.

    >>> [(str(d), e) for d, e in _dates_at("12 and 26 January 2025 were agreed")]
    [('2025-01-12', 2), ('2025-01-26', 22)]
    >>> [str(d) for d, _ in _dates_at("3rd February were agreed", dt.date(2025, 3, 3), "before")]
    ['2025-02-03']
    """
    dates = list(find_dates(text[:80]))
    if dates and dates[0].start <= 2:
        first = dates[0].date
        if first is None and on is not None:
            first = _in_year(dates[0].month, dates[0].day, on, toward)
        return _and_the(text, [(first, dates[0].end)], on, toward) if first else []
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+and\s+|\s*&\s*)", text)
    if m and dates and dates[0].start == m.end() and dates[0].date is not None:
        try:
            first = dates[0].date.replace(day=int(m.group(1)))
        except ValueError:
            return []
        return [(first, m.end(1)), (dates[0].date, dates[0].end)]
    return []


# what joins one date of a list to the next: "1 May (Appendix B) and the 3 June 2025"
_DATE_JOIN = re.compile(r"(?:[ \t]*\([^()\n]{0,60}\))?[ \t]*(?:,|and|&)[ \t]+(?:(?i:the)[ \t]+)?")


def _and_the(
    text: str, found: list[tuple[dt.date, int]], on: dt.date | None, toward: str
) -> list[tuple[dt.date, int]]:
    """The dates written one after another from the first of ``found``: each joined to the
    one before by a comma, "and" or "&" (perhaps "and the"), a bracketed note such as
    "(Appendix B)" allowed between: the meetings "held on 1st May (Appendix B) and the
    3rd June 2025" are two.

    >>> t = "1st May (Appendix B) and the 3rd June 2025 (Appendix C)."
    >>> [str(d) for d, _ in _and_the(t, [(dt.date(2025, 5, 1), 7)], None, "before")]
    ['2025-05-01', '2025-06-03']
    """
    while len(found) < 6:
        join = _DATE_JOIN.match(text, found[-1][1])
        nxt = list(find_dates(text[join.end() : join.end() + 40])) if join else []
        if join is None or not nxt or nxt[0].start != 0:
            break
        date = nxt[0].date
        if date is None and on is not None:
            date = _in_year(nxt[0].month, nxt[0].day, on, toward)
        if date is None:
            break
        found.append((date, join.end() + nxt[0].end))
    return found


# "To note the dates of future meetings ...: 9 January 2019, 6 February 2019 ..."
_FUTURE = re.compile(
    r"\b(?:dates?\s+of\s+(?:the\s+)?(?:future|forthcoming|further)\s+meetings"
    r"|(?:future|forthcoming)\s+meeting\s+dates)\b",
    re.I,
)


def _future_dates(plain: str, start: int, end: int) -> list[MeetingRef]:
    """The meetings a list of future dates announces: the dates written one after another
    (nothing but a weekday, a comma, "and" or a time between them) that start within
    a sentence or two of "dates of future meetings".

    >>> t = "To note the dates of future meetings as follows: 9 May 2030, 4 June 2030 and 2 July 2030. 8 ANY OTHER BUSINESS 1 May 2030"
    >>> [str(r.date) for r in _future_dates(t, 0, len(t))]
    ['2030-05-09', '2030-06-04', '2030-07-02']
    """
    out: list[MeetingRef] = []
    for m in _FUTURE.finditer(plain, start, end):
        dates = [d for d in find_dates(plain[m.end() : min(end, m.end() + 600)]) if d.date]
        if not dates or dates[0].start > 200:
            continue
        run = dates[:1]
        for d in dates[1:]:
            gap = plain[m.end() + run[-1].end : m.end() + d.start]
            if not re.fullmatch(
                r"(?i:[\s,;&]|and|[a-z]+day|at|\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?)*", gap
            ):
                break
            run.append(d)
        for d in run:
            s = m.end() + d.start
            if d.date is not None:
                out.append(
                    MeetingRef(date=d.date, relation="references", start=s, end=s + len(d.text))
                )
    return out


# a motion or a recommendation put, not carried: "Motion – That the minutes ... be approved"
_PROPOSED = re.compile(
    r"\b(?:motion|recommended|recommendation|proposed)\s*[:–—-]?\s*that\s+(?:the\s+)?$", re.I
)


# an agenda's infinitive asks for the minutes to be approved ("To confirm the minutes of
# ..."); after "RESOLVED" or "agreed" the same words record that they were
_ASKED = re.compile(
    r"^(?:(?!\b(?:resolved|agreed|decided|voted|moved|unanimously)\b).)*"
    r"\bto\s+(?:confirm|approve|agree|sign|accept|adopt)\s+(?:the\s+)?$",
    re.I,
)


def _settled(seg: str, m: re.Match[str], end: int, relation: str) -> str:
    """The relation of the reference ``m`` (its dates end at ``end``): minutes approved only
    where the words around say so, and never where they are only asked or proposed."""
    sentence_end = seg.find(".", end)
    tail = seg[end : sentence_end if sentence_end != -1 else None]
    head = seg[max(0, m.start() - 80) : m.start()].lower()
    asked = _ASKED.search(head.rsplit(".", 1)[-1])
    if asked or _PROPOSED.search(seg[max(0, m.start() - 40) : m.start()]):
        return "references"
    if relation == "approves" and not re.search(
        r"agree|approv|confirm|sign|accept|adopt", head + tail[:200].lower()
    ):
        return "references"
    return relation


def find_refs(plain: str, start: int, end: int, on: dt.date | None = None) -> list[MeetingRef]:
    """Earlier meetings whose minutes are approved, or that are referred to (the next
    meeting among them, the dates of future meetings listed), with the body named where it
    is not this committee. A date written without its year is placed beside this meeting's
    date ``on``, where that is given. Minutes a motion or recommendation would approve
    ("Motion – That the minutes ... be approved") are only referred to: it is put, not
    carried."""
    out: list[MeetingRef] = _future_dates(plain, start, end)
    seg = plain[start:end]
    taken: set[int] = set()
    for rx, relation in (
        (_APPROVE, "approves"),
        (_DATED_MINUTES, "approves"),
        (_MINUTE_OF, "references"),
        (_REFER, "references"),
        (_NEXT, "references"),
    ):
        for m in rx.finditer(seg):
            # an undated year: minutes approved are of a past meeting, the next one is to come,
            # and another is past unless the words look ahead ("will consider it at its meeting")
            ahead = rx is _NEXT or (
                rx is _REFER
                and re.search(
                    r"\b(?:will|would|shall|next|forthcoming|future|to\s+be)\b",
                    seg[max(0, m.start() - 80) : m.end()].rsplit(".", 1)[-1],
                    re.I,
                )
            )
            toward = "after" if ahead else "before"
            dates = _dates_at(seg[m.end() :], on, toward)
            if not dates:
                continue
            s = start + m.start()
            e = start + m.end() + dates[-1][1]
            if any(s <= t < e for t in taken):
                continue
            relation_here = _settled(seg, m, m.end() + dates[-1][1], relation)
            if rx is _APPROVE:
                body = _body(re.sub(r"(?i)\s*meetings?\b.*$", "", m.group(0), flags=re.S))
            elif rx is _DATED_MINUTES:
                body = None  # this body's own minutes
            elif rx is _NEXT:
                written = m.group("body") or m.group("of")
                body = _body(written)
                if written and body is None and not _SELF.fullmatch(written.strip()):
                    continue  # "the next Scrutiny Co-ordination meeting": no body we can name
            else:
                before = seg[max(0, m.start() - 80) : m.start()]
                body = _body(before.rsplit(".", 1)[-1] + m.group(0).split(" meeting")[0])
            more = _and_of(seg, m.end() + dates[-1][1], on) if rx is _APPROVE else []
            if more:  # "... held on 14 November and of the Licensing Sub-Committee held on ..."
                e = start + more[-1][2]
                relation_here = _settled(seg, m, more[-1][2], relation)
            taken.update(range(s, e))
            for d, _ in dates:
                out.append(MeetingRef(date=d, relation=relation_here, start=s, end=e, body=body))
            for d, other, _ in more:
                out.append(MeetingRef(date=d, relation=relation_here, start=s, end=e, body=other))
    return sorted(out, key=lambda r: (r.start, r.date))


# "... and of the Licensing Sub-Committee held on 9 January 2024": another body's minutes
_AND_OF = re.compile(
    rf"[ \t]+and[ \t]+of[ \t]+(?:the[ \t]+)?(?P<body>(?:[A-Z][\w'’&-]*[ \t]+){{0,6}}?(?:{_BODY_WORD}))"
    r"[ \t,]+held[ \t]+on[ \t]+(?:the[ \t]+)?"
)


def _and_of(seg: str, at: int, on: dt.date | None) -> list[tuple[dt.date, str | None, int]]:
    """The other bodies' meetings named after a reference's dates, each with its date, its
    body and where its dates end.

    >>> t = " and of the Licensing Sub-Committee held on 9 January 2024 were approved."
    >>> [(str(d), b) for d, b, _ in _and_of(t, 0, None)]
    [('2024-01-09', 'Licensing Sub-Committee')]
    """
    out: list[tuple[dt.date, str | None, int]] = []
    while len(out) < 4 and (m := _AND_OF.match(seg, at)):
        dates = _dates_at(seg[m.end() :], on, "before")
        if not dates:
            break
        at = m.end() + dates[-1][1]
        out.extend((d, _body(m.group("body")), at) for d, _ in dates)
    return out


def one_per_meeting(refs: Iterable[MeetingRef]) -> tuple[MeetingRef, ...]:
    """The earlier meetings a meeting refers to, each once, in order: "To confirm the
    minutes of the meeting held on 5 May" and "RESOLVED that the minutes of the meeting
    held on 5 May be approved" approve one meeting; approving outranks referring.

    >>> d = dt.date(2031, 5, 5)
    >>> [r.relation for r in one_per_meeting([MeetingRef(d, "references", 0, 9), MeetingRef(d, "approves", 40, 49)])]
    ['approves']
    """
    best: dict[tuple[dt.date, str | None], MeetingRef] = {}
    for ref in refs:
        key = (ref.date, ref.body)
        if key not in best or (ref.relation == "approves" and best[key].relation != "approves"):
            best[key] = ref
    return tuple(sorted(best.values(), key=lambda r: r.start))
