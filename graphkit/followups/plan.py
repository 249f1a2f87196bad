"""The work programme against the minutes, per committee and municipal year.

Each planned entry is:

- held as planned: an item at the planned meeting is on its subject (a programme both
  name, or the entry's words in the item's title); for an entry planned only for the year,
  an item of the year whose title is on its subject;
- moved: not at the planned meeting, but an item of the year's other meetings has its
  subject in its title;
- planned, not taken: the records hold the planned meeting (or, for an entry with no
  date, meetings of the year) and none took it;
- meeting not in the records: the records hold no meeting on the planned date (or none
  in the year), so they cannot tell.

An item of the year that no entry planned is "added, not planned" (items of meetings before the programme's first planned date or
its publication are left out, and so are procedural items,
"Minutes", "Apologies", "Work Programme", are left out). Entries that say the same thing
(a programme's table and the resolution that added the item) are counted once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..lexicon import is_procedural_title
from ..model import PlanStatus
from .due import municipal_year_of
from .records import Corpus, Entry, Item, committee_key, content_words, words_cover

__all__ = ["PlanRow", "compare_plan"]


@dataclass(frozen=True)
class PlanRow:
    """One entry (or one unplanned item) of a committee's year, and how it fared."""

    committee: str
    year: int  # the first calendar year of the municipal year
    status: PlanStatus
    entry: Entry | None
    taken: tuple[Item, ...]
    rule: str
    reason: str

    @property
    def year_label(self) -> str:
        return f"{self.year}/{(self.year + 1) % 100:02d}"


def _same_subject(entry: Entry, item: Item, *, same_day: bool) -> str | None:
    """The rule by which ``item`` is on ``entry``'s subject, or None. At the planned
    meeting a programme the item only discusses is enough; elsewhere its title must say so."""
    entry_words, title_words = content_words(entry.title), content_words(item.title)
    if entry.programmes & item.title_programmes:
        return "programme-in-title"
    if words_cover(entry_words, title_words):
        return "title-words"
    if same_day and entry.programmes & item.programmes:
        return "programme-in-text"
    if same_day and len(entry_words & title_words) >= 2:
        return "shared-words"
    return None


def _distinct(entries: list[Entry]) -> list[Entry]:
    """Entries that say the same thing once: the dated one, else the later-listed one."""
    out: list[Entry] = []
    order = sorted(
        entries, key=lambda e: (e.date is None, -(e.listed_on or dt.date.min).toordinal(), e.key)
    )
    for e in order:
        words = content_words(e.title)
        if any(
            (o.date == e.date or e.date is None)
            and (
                words_cover(words, content_words(o.title))
                or words_cover(content_words(o.title), words)
            )
            for o in out
        ):
            continue
        out.append(e)
    return out


def _entry_row(
    entry: Entry, items: list[Item], held: list[dt.date], year: int
) -> tuple[PlanRow, list[Item]]:
    committee = entry.committee
    if entry.date is not None:
        on_day = [
            (i, r)
            for i in items
            if i.date == entry.date and (r := _same_subject(entry, i, same_day=True))
        ]
        if on_day:
            taken = [i for i, _ in on_day]
            return PlanRow(
                committee,
                year,
                PlanStatus.HELD_AS_PLANNED,
                entry,
                tuple(taken),
                on_day[0][1],
                "taken at the planned meeting",
            ), taken
    elsewhere = [
        (i, r)
        for i in items
        if i.date != entry.date and (r := _same_subject(entry, i, same_day=False))
    ]
    if elsewhere:
        taken = [i for i, _ in elsewhere]
        if entry.date is None:
            status, why = (
                PlanStatus.HELD_AS_PLANNED,
                "planned for the year; taken on " + taken[0].date.isoformat(),
            )
        else:
            status, why = (
                PlanStatus.MOVED,
                f"planned for {entry.date.isoformat()}, taken on {taken[0].date.isoformat()}",
            )
        return PlanRow(committee, year, status, entry, tuple(taken), elsewhere[0][1], why), taken
    if entry.date is not None and entry.date not in held:
        why = f"the records hold no meeting of the committee on {entry.date.isoformat()}"
        return PlanRow(committee, year, PlanStatus.NOT_RECORDED, entry, (), "", why), []
    if entry.date is None and not held:
        why = "the records hold no meeting of the committee in the year"
        return PlanRow(committee, year, PlanStatus.NOT_RECORDED, entry, (), "", why), []
    seen = ", ".join(d.isoformat() for d in held)
    why = f"no item of the recorded meetings of the year ({seen}) is on it"
    return PlanRow(committee, year, PlanStatus.NOT_TAKEN, entry, (), "", why), []


def compare_plan(corpus: Corpus) -> list[PlanRow]:
    """Every committee's work programme against its recorded meetings, year by year."""
    plans: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    for e in corpus.entries:
        plans[(committee_key(e.committee), e.year)].append(e)
    rows: list[PlanRow] = []
    for (_, year), entries in sorted(plans.items()):
        rows.extend(_year_rows(corpus, entries, year))
    return rows


def _year_rows(corpus: Corpus, entries: list[Entry], year: int) -> list[PlanRow]:
    """One committee's year: its entries (those held at the planned meeting first, so an
    item one entry took is not another's moved item), then the items no entry planned."""
    committee = entries[0].committee
    # the programme speaks for meetings from its first planned date, or from when it was
    # published: what came before it was planned by an earlier programme
    since = min(
        [e.date for e in entries if e.date] + [e.listed_on for e in entries if e.listed_on],
        default=dt.date.min,
    )
    items = [
        i
        for i in corpus.later_items(committee, dt.date.min)
        if municipal_year_of(i.date) == year
        and i.date >= since
        and not is_procedural_title(i.title)
    ]
    held = [d for d in corpus.meetings(committee) if municipal_year_of(d) == year and d >= since]
    order = sorted(
        _distinct(entries), key=lambda e: (e.date is None, e.date or dt.date.min, e.title)
    )
    as_planned = {
        e.key: taken
        for e in order
        if e.date is not None
        and (taken := [i for i in items if i.date == e.date and _same_subject(e, i, same_day=True)])
    }
    taken_keys = {i.key for taken in as_planned.values() for i in taken}
    rows = []
    for entry in order:
        free = [i for i in items if i.key not in taken_keys or i in as_planned.get(entry.key, [])]
        row, taken = _entry_row(entry, free, held, year)
        rows.append(row)
        taken_keys.update(i.key for i in taken)
    for item in items:
        if item.key not in taken_keys:
            why = "no entry of the year's work programme is on it"
            rows.append(PlanRow(committee, year, PlanStatus.ADDED, None, (item,), "", why))
    return rows
