"""Roles over time: committee chairs and members, and council posts, from dated records."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..iris import slug
from ..model import MeetingRecord, Membership, Mention

__all__ = ["Sighting", "link_roles"]

# posts of the council itself, not of one committee
_COUNCIL_ROLE = re.compile(
    r"^(?:Deputy )?Cabinet Member\b|^(?:Executive |Assistant |Deputy )?Director\b|^Chief Executive"
    r"|^Leader of the Council|^(?:Deputy )?Leader\b|^Head of\b|^Strategic Lead|^Programme Manager"
    r"|Manager$|Officer$|^Lord Mayor",
    re.I,
)

# (person key, role key, "committee" or "council", committee) -> (date, source, role as written)
_Key = tuple[str, str, str, str | None]
_Evidence = dict[_Key, list[tuple[dt.date, str, str]]]


@dataclass(frozen=True)
class Sighting:
    """A person's name as seen: the person it was resolved to, and the date of the meeting
    (or work-programme row) it was seen in, if known."""

    person: str
    mention: Mention
    date: dt.date | None


def link_roles(
    meetings: Sequence[MeetingRecord],
    attendees: Mapping[tuple[str, int], str],
    sightings: Sequence[Sighting],
    roles_after: Mapping[tuple[str, int], str],
) -> list[Membership]:
    """Each person's roles, from the first to the last date a record shows them.

    Chairs and members come from dated attendance and membership lists; council posts
    from the roles written there or right after a name (``roles_after``: (source, end
    of the name) -> the post).
    """
    evidence = _listed(meetings, attendees)
    for s in sightings:
        m = s.mention
        if m.role is not None or s.date is None:
            continue  # a listed role was counted with its list
        written = roles_after.get((m.source, m.end))
        if written and _COUNCIL_ROLE.search(written):
            evidence[(s.person, slug(written), "council", None)].append((s.date, m.source, written))
    return [
        _membership(key, ev)
        for key, ev in sorted(evidence.items(), key=lambda kv: tuple(str(x) for x in kv[0]))
    ]


def _listed(
    meetings: Sequence[MeetingRecord], attendees: Mapping[tuple[str, int], str]
) -> _Evidence:
    """The roles attendance and membership lists show, with the meeting's date."""
    evidence: _Evidence = defaultdict(list)
    for r in meetings:
        if r.date is None:  # a role over time needs the date that shows it
            continue
        for a in (*r.attendance, *r.membership):
            key = attendees.get((r.source, a.start))
            if not key:
                continue
            if a.chair:
                evidence[(key, "chair", "committee", r.committee)].append(
                    (r.date, r.source, "Chair")
                )
            if a.status == "present" and a.capacity in ("member", "co-opted") and a.heading:
                label = "Co-opted Member" if a.capacity == "co-opted" else "Member"
                evidence[(key, label.lower(), "committee", r.committee)].append(
                    (r.date, r.source, label)
                )
            if a.role and _COUNCIL_ROLE.search(a.role):
                evidence[(key, slug(a.role), "council", None)].append((r.date, r.source, a.role))
    return evidence


def _membership(key: _Key, ev: Sequence[tuple[dt.date, str, str]]) -> Membership:
    """One role held from the first to the last date seen, by its most used spelling."""
    person, _, organisation, committee = key
    labels = Counter(label for _, _, label in ev)
    # the most used spelling; "Children's" beats "Childrens" on a tie
    label = sorted(labels, key=lambda x: (-labels[x], "'" not in x and "’" not in x, -len(x)))[0]
    dates = [d for d, _, _ in ev]
    return Membership(
        person=person,
        role=label,
        organisation=organisation,
        committee=committee,
        start=min(dates),
        end=max(dates),
        sources=tuple(sorted({s for _, s, _ in ev})),
    )
