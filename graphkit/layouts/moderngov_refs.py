"""The other meetings a ModernGov page refers to, read the way the platform writes them.

The project's reader (:func:`graphkit.segment.refs.find_refs`) finds "the minutes of the
meeting held on <date>" and its kin. The platform's pages add forms it does not read, and
its pages mix an agenda (what is proposed) with minutes (what was recorded), which decides
whether earlier minutes were approved. This module complements the shared reader:

- a list of dates with one year: "the meetings held on 3rd May and 9th June 2024" refers
  to both meetings, the first taking the year written after the second;
- a body's meeting or decision on a date: "the meeting of Cabinet on <date>", "the
  decision taken by the Executive on <date>", "the resolution agreed by <Body> on <date>",
  "minutes of the meeting on <date>" (without "held");
- the next meeting with its date in brackets: "the next meeting of this Committee (4 Dec)";

and settles each reference's relation from its own sentence:

- a proposal is not an approval: "To agree the minutes ...", "The Committee is asked to
  approve ...", "Recommended - That the minutes ... be signed" refer to the meeting;
- minutes only received or noted are referred to;
- minutes recorded as agreed, approved, confirmed, accepted or signed are approved, also
  where the approval is a later sentence of the same item that names no date of its own
  ("The minutes of the meeting held on <date> were submitted. AGREED that the minutes be
  accepted as a true record").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..dates import find_dates
from ..model import MeetingRef
from ..segment.refs import find_refs

__all__ = ["page_refs", "relation", "same_body"]

# the words that record earlier minutes as approved
_APPROVED = re.compile(
    r"(?i)\b(?:agreed|approved?|confirmed|accepted|signed|adopted)\b"
    r"|\b(?:correct|true|accurate)\s+records?\b"
)
# a proposal: what an agenda asks, not what a meeting recorded
_PROPOSED = re.compile(
    r"(?i)\bto\s+(?:agree|approve|confirm|sign|accept|adopt)\b|\b(?:is|are)\s+(?:asked|invited|requested)\s+to\b"
    # (not a decision's status "Recommendations Approved": they were)
    r"|\brecommend(?:ed|ation)?s?\b(?!\s+approved)|\bfor\s+approval\b"
)
# the label an item's record (minutes or decision) opens with: what follows was decided, so
# "To approve the minutes ..." under it is a decision in the infinitive, not a proposal
_RECORD = re.compile(r"(?:(?<=\s)|^)(?:Minutes|Decisions?)[ \t]*:(?=\s)", re.M)
# where a sentence ends: a full stop, a colon or a question mark before a space, or a blank
# line after text (not after a lead-in dash: "Recommended -" goes on below the blank line)
_SENTENCE_END = re.compile(r"[.:;?\]](?=\s)|(?<=[^\s–-])[ \t]*\n(?:[ \t]*\n)+")
_BODY = r"(?:[A-Z][\w'’&-]*[ \t]+(?:(?:and|of|for|&)[ \t]+)?){1,7}?"
# forms the shared reader misses; each is followed by the date
_MORE = re.compile(
    rf"\b(?i:meeting\s+of\s+(?:the\s+)?)(?P<body>{_BODY})(?i:(?:held\s+)?on\s+(?:the\s+)?)"
    rf"|\b(?i:(?:decision|resolution|recommendation)s?\s+(?:agreed|made|taken)\s+by\s+(?:the\s+)?)"
    rf"(?P<by>{_BODY})(?i:(?:at\s+its\s+meeting\s+)?on\s+(?:the\s+)?)"
    r"|\b(?i:minutes\s+of\s+(?:the\s+)?(?:[\w'’&-]+\s+){0,6}?meeting\s+on\s+(?:the\s+)?)"
    r"|\b(?i:next\s+meeting(?:\s+of\s+[^.()\n]{0,60}?)?\s*\()(?=[^)\n]{3,20}\))"
)


def _sentence(p: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence of ``p`` around ``pos``, kept within ``[lo, hi)``.

    >>> t = "Apologies. To agree the minutes of 3 May. Done."
    >>> s, e = _sentence(t, 20, 0, len(t)); t[s:e]
    ' To agree the minutes of 3 May'
    """
    starts = [m.end() for m in _SENTENCE_END.finditer(p, lo, pos)]
    start = starts[-1] if starts else lo
    m = _SENTENCE_END.search(p, pos, hi)
    return start, m.start() if m else hi


def relation(p: str, ref: MeetingRef, lo: int, hi: int) -> str:
    """Whether ``ref`` (minutes of an earlier meeting) is approved or referred to, from its
    sentence and the rest of its item ``[lo, hi)``; below the item's "Minutes:" label a
    sentence records what was decided, so an infinitive there is no proposal.

    >>> t = "The Committee is asked to agree the minutes of the meeting held on 3 May 2021."
    >>> relation(t, MeetingRef(dt.date(2021, 5, 3), "approves", 58, 68), 0, len(t))
    'references'
    >>> t = "The minutes of the meeting held on 3 May 2021 were submitted. AGREED that the minutes be accepted."
    >>> relation(t, MeetingRef(dt.date(2021, 5, 3), "references", 35, 45), 0, len(t))
    'approves'
    """
    s, e = _sentence(p, ref.start, lo, hi)
    own = p[s:e]
    if not re.search(r"(?i)\bminutes\b", own):
        return "references"  # a meeting, not its minutes: referred to
    label = _RECORD.search(p, lo, hi)
    recorded = label is not None and label.end() <= ref.start
    if _PROPOSED.search(own) and not recorded:
        return "references"
    if _APPROVED.search(own):
        return "approves"
    for m in _SENTENCE_END.finditer(p, e, hi):  # a later sentence approving "the minutes"
        later = p[e + 1 : m.start()]
        if _later_approval(later):
            return "approves"
        e = m.start()
    return "approves" if _later_approval(p[e + 1 : hi]) else "references"


def _later_approval(sentence: str) -> bool:
    """A sentence recording "the minutes" approved (or a bare "Agreed") without naming
    another date.

    >>> _later_approval(" RESOLVED that the minutes be confirmed as a correct record")
    True
    >>> _later_approval(" The minutes of the meeting held on 4 May 2020 were approved")
    False
    """
    return bool(
        (re.search(r"(?i)\bminutes\b", sentence) or len(sentence.split()) <= 8)
        and _APPROVED.search(sentence)
        and not _PROPOSED.search(sentence)
        and not any(True for _ in find_dates(sentence))
    )


def _date_after(p: str, pos: int) -> tuple[dt.date | None, int, int, bool] | None:
    """The date written at ``pos`` (a year may be missing), its span and whether it has one."""
    first = next(find_dates(p[pos : pos + 40]), None)
    if first is None or first.start > 2:
        return None
    return first.date, pos + first.start, pos + first.end, first.year_written


def _year_near(month: int, day: int, on: dt.date | None, ahead: bool) -> dt.date | None:
    """A day without its year, placed beside this meeting: the next such day for a meeting
    to come, else the last one before it."""
    if on is None:
        return None
    years = (on.year, on.year + 1) if ahead else (on.year, on.year - 1)
    for year in years:
        try:
            day_in = dt.date(year, month, day)
        except ValueError:
            continue
        if (day_in > on) if ahead else (day_in < on):
            return day_in
    return None


def _more(p: str, start: int, end: int, on: dt.date | None) -> list[MeetingRef]:
    """The forms the shared reader misses (see the module's docstring)."""
    out: list[MeetingRef] = []
    for m in _MORE.finditer(p, start, end):
        found = _date_after(p, m.end())
        if found is None:
            continue
        day, _ds, de, _written = found
        if day is None:
            first = next(find_dates(p[m.end() : de]))
            day = _year_near(first.month, first.day, on, ahead="next" in m.group(0).lower())
        if day is None:
            continue
        body = m.group("body") or m.group("by")
        out.append(MeetingRef(day, "references", m.start(), de, body.strip() if body else None))
    return out


def _listed(p: str, ref: MeetingRef, end: int) -> list[MeetingRef]:
    """``ref`` and the dates listed after it ("3rd May and 9th June 2024"), each a meeting; a
    first date written without its year takes the year of the date after it."""
    m = re.match(r"(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*)", p[ref.end : end])
    found = _date_after(p, ref.end + m.end()) if m else None
    day = found[0] if found else None
    if found is None or day is None:
        return [ref]
    de = found[2]
    first = next(find_dates(p[ref.start : ref.end][-20:]), None)
    own = ref.date
    if first is not None and not first.year_written:
        try:
            own = dt.date(day.year, first.month, first.day)
        except ValueError:
            own = ref.date
        own = own if own <= day else ref.date
    return [replace(ref, date=own), MeetingRef(day, ref.relation, ref.start, de, ref.body)]


def page_refs(
    p: str, start: int, end: int, on: dt.date | None, items: list[tuple[int, int]] | None = None
) -> list[MeetingRef]:
    """The meetings ``p[start:end]`` refers to, each with its settled relation; ``items``
    are the spans of the page's items (a relation is read within its item)."""
    spans = items or [(start, end)]
    found = find_refs(p, start, end, on=on)
    found += [r for r in _more(p, start, end, on) if not any(_overlap(r, o) for o in found)]
    refs = [listed for ref in found for listed in _listed(p, ref, end)]
    out = []
    for ref in refs:
        lo, hi = next(((s, e) for s, e in spans if s <= ref.start < e), (start, end))
        out.append(replace(ref, relation=relation(p, ref, lo, hi)))
    return sorted(out, key=lambda r: (r.start, r.date))


def _overlap(a: MeetingRef, b: MeetingRef) -> bool:
    return a.start < b.end and b.start < a.end


def same_body(a: str, b: str) -> bool:
    """Two ways of writing one body's name.

    >>> same_body("Education & Learning Scrutiny Committee", "Education and Learning Scrutiny Committee")
    True
    """

    def norm(x: str) -> str:
        x = x.lower().replace("&", " and ").replace("’", "'")
        return " ".join(re.sub(r"^the\s+", "", x).split())

    return bool(a and b) and norm(a) == norm(b)
