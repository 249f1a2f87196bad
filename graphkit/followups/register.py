"""The follow-up register: each request, the candidates that may answer it, and its status.

- answered: a candidate answers it (see :mod:`.match`);
- partly answered: a candidate partly answers it and none answers it;
- open: no due time given, and nothing answers it;
- overdue: the due time ended within the records, the records hold a meeting of the
  committee in that time, and nothing answers it;
- unknown: the due time ends after the committee's last recorded meeting, or the records
  hold no meeting of the committee in it, or a work programme planned it for a meeting
  the records do not hold: the records cannot tell.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import FollowUpStatus
from .due import Due
from .match import ANSWERS, PARTLY, SCHEDULED, Match, candidates
from .records import Corpus, Request

__all__ = ["FollowUp", "follow_up", "register"]


@dataclass(frozen=True)
class FollowUp:
    """A request, where it stands, and why."""

    request: Request
    status: FollowUpStatus
    reason: str
    matches: tuple[Match, ...] = ()
    due: Due | None = None  # the request's due time, "next meeting" resolved

    @property
    def answers(self) -> tuple[Match, ...]:
        """The candidates that answer or partly answer it."""
        return tuple(m for m in self.matches if m.verdict in (ANSWERS, PARTLY))


def _resolve_next_meeting(req: Request, corpus: Corpus) -> Due | None:
    """A due "at the next meeting" ends at the committee's next meeting the records hold
    or a work programme plans; None when there is none."""
    due = req.due
    if due is None or not due.next_meeting:
        return due
    dates = set(corpus.meetings(req.item.committee))
    dates |= {e.date for e in corpus.entries_of(req.item.committee) if e.date}
    later = sorted(d for d in dates if d > req.item.date)
    return replace(due, end=later[0]) if later else None


def _unanswered(
    req: Request, due: Due | None, matches: list[Match], corpus: Corpus
) -> tuple[FollowUpStatus, str]:
    if req.due is None:
        return FollowUpStatus.OPEN, "no due time given, and no later item answers it"
    if due is None:
        return FollowUpStatus.UNKNOWN, "due at the next meeting; the records hold no later meeting"
    made, end = req.item.date, due.end
    meetings = corpus.meetings(req.item.committee)
    last = meetings[-1] if meetings else made
    if end > last:
        return (
            FollowUpStatus.UNKNOWN,
            f"due by {end.isoformat()}; the records of the committee end on {last.isoformat()}",
        )
    planned = sorted(
        m.date
        for m in matches
        if m.verdict == SCHEDULED and m.date and made < m.date <= end and m.date not in meetings
    )
    if planned:
        return (
            FollowUpStatus.UNKNOWN,
            f"a work programme planned it for {planned[0].isoformat()}; the records hold no meeting on that date",
        )
    held = [d for d in meetings if made < d <= end]
    if not held:
        return (
            FollowUpStatus.UNKNOWN,
            f"due by {end.isoformat()}; the records hold no meeting of the committee "
            f"between {made.isoformat()} and {end.isoformat()}",
        )
    dates = ", ".join(d.isoformat() for d in held)
    return (
        FollowUpStatus.OVERDUE,
        f"due by {end.isoformat()}; no item of the committee's meetings in that time ({dates}) answers it",
    )


def follow_up(req: Request, corpus: Corpus) -> FollowUp:
    """Where one request stands."""
    due = _resolve_next_meeting(req, corpus)
    # a due "at the next meeting" is matched against that meeting's date
    matches = candidates(replace(req, due=due) if due is not None else req, corpus)
    answering = [m for m in matches if m.verdict == ANSWERS]
    partly = [m for m in matches if m.verdict == PARTLY]
    if answering:
        best = answering[0]
        status, reason = FollowUpStatus.ANSWERED, f"{best.date} {best.title!r}: {best.reason}"
    elif partly:
        best = partly[0]
        when = best.date.isoformat() if best.date else "undated"
        status, reason = FollowUpStatus.PARTLY_ANSWERED, f"{when} {best.title!r}: {best.reason}"
    else:
        status, reason = _unanswered(req, due, matches, corpus)
    return FollowUp(req, status, reason, tuple(matches), due)


_ORDER = {s: n for n, s in enumerate(FollowUpStatus)}


def register(requests: list[Request], corpus: Corpus) -> list[FollowUp]:
    """Every request's follow-up: overdue and open first, then by the date it was made."""
    out = [follow_up(r, corpus) for r in requests]
    return sorted(out, key=lambda f: (_ORDER[f.status], f.request.item.date, f.request.key))
