"""Which work-programme rows are entries of the graph, and their numbers.

A resolution that adds an item to the programme ("RESOLVED that ... be added to the
work programme") gives a row with a title only; when the document's programme table
lists that item too, the two rows are one entry. Which rows denote one entry is the
graph's decision (as with people and committees), so the rule lives here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .. import lexicon
from ..model import MeetingRecord, WorkProgrammeRow

__all__ = ["entry_numbers", "repeated_rows", "same_item"]

# small words and articles say nothing of which item a title names
_MINOR = lexicon.small_words() | lexicon.articles()


def _words(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", title.lower().replace("’", "'")) if w not in _MINOR}


def same_item(a: str, b: str) -> bool:
    """Two titles for one work-programme item: the words of the shorter (two at least) are
    all in the longer one.

    >>> same_item("Apprenticeships (with Scrutiny Board 3)", "Apprenticeships (with Scrutiny Board 1&3)")
    True
    >>> same_item("Fostering", "Private Fostering Annual Report")
    False
    """
    wa, wb = _words(a), _words(b)
    small, large = sorted((wa, wb), key=len)
    return small == large or (len(small) >= 2 and small <= large)


def repeated_rows(rows: Iterable[WorkProgrammeRow]) -> set[int]:
    """Starts of the rows that only repeat another row of the same document: an item a
    resolution adds to the programme (title only) that the programme's table lists too.

    >>> added = WorkProgrammeRow("Apprenticeships (with Scrutiny Board 3)", 90, 130)
    >>> listed = WorkProgrammeRow("Apprenticeships (with Scrutiny Board 1&3)", 10, 50, lead="Jo")
    >>> repeated_rows([listed, added])
    {90}
    """
    rows = list(rows)
    bare = [r for r in rows if r.date is None and not r.detail and not r.lead]
    full = [r for r in rows if r not in bare]
    return {r.start for r in bare if any(same_item(r.title, f.title) for f in full)}


def entry_numbers(meetings: Sequence[MeetingRecord]) -> dict[tuple[str, int], int]:
    """(source, row start) -> the entry's number: rows are numbered per document in text
    order, so two sections of one document never collide; a row that only repeats another
    is not an entry and has no number.

    >>> rec = MeetingRecord("a.txt", "minutes", "", None, 0, 200, work_programme=(
    ...     WorkProgrammeRow("Fostering Annual Report", 120, 140),
    ...     WorkProgrammeRow("SEND Strategy", 40, 60, detail="update")))
    >>> entry_numbers([rec])
    {('a.txt', 40): 1, ('a.txt', 120): 2}
    """
    numbers: dict[tuple[str, int], int] = {}
    for source in sorted({r.source for r in meetings}):
        rows = [row for r in meetings if r.source == source for row in r.work_programme]
        repeats = repeated_rows(rows)
        starts = sorted(row.start for row in rows if row.start not in repeats)
        for n, start in enumerate(starts, 1):
            numbers[(source, start)] = n
    return numbers
