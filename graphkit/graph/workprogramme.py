"""Which work-programme rows are entries of the graph, and their numbers.

A resolution that adds an item to the programme ("RESOLVED that ... be added to the
work programme") gives a row with a title only; when the document's programme table
lists that item too, the two rows are one entry. Which rows denote one entry is the
graph's decision (as with people and committees), so the rule lives here.

:class:`TopicsTaken` decides, per entry and topic, the agenda item that first took the
topic (``gk:TopicTakenUp``): a look-up for the ``work-programme`` query, where working it
out in SPARQL took over a second on 10,000 documents.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from rdflib import URIRef

from .. import lexicon
from ..model import MeetingRecord, WorkProgrammeRow

__all__ = ["TopicsTaken", "entry_numbers", "repeated_rows", "same_item"]

# small words and articles say nothing of which item a title names
_MINOR = lexicon.minor_words()


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


class TopicsTaken:
    """The agenda item that first took each work-programme entry's topic.

    For an entry and one of its topics (``dcterms:subject``): the earliest meeting on or
    after the entry's planned date (any date for an entry with none) with an agenda item
    whose subject is the topic, and of that meeting's items the one that mentions the
    topic most (then the first by title, then by IRI). Entries with no topic take none.
    The graph stage tells it each dated item, entry and mention as it adds them, and
    reads :meth:`taken` once the council's records are all added.

    >>> t = TopicsTaken()
    >>> topic, early, late, other = (URIRef(f"x:{n}") for n in ("topic", "i1", "i2", "i3"))
    >>> t.item(early, "2021-03-01", "Play scheme")
    >>> t.item(late, "2021-09-01", "Play scheme: update")
    >>> t.item(other, "2021-09-01", "Budget")
    >>> for item, start in ((early, 1), (late, 5), (late, 9), (other, 20)):
    ...     t.mention(item, topic, ("a.txt", start, start + 3))
    >>> entry = URIRef("x:entry")
    >>> t.entry(entry, "2021-06-01")
    >>> t.entry_topic(entry, topic)
    >>> [(str(e), str(c), str(i)) for e, c, i in t.taken()]
    [('x:entry', 'x:topic', 'x:i2')]
    """

    def __init__(self) -> None:
        self._items: dict[URIRef, tuple[str, str]] = {}  # dated item -> (date, title)
        # (item, topic) -> the mentions of the topic in the item (source, start, end)
        self._mentions: dict[tuple[URIRef, URIRef], set[tuple[str, int, int]]] = defaultdict(set)
        self._planned: dict[URIRef, str | None] = {}  # entry -> its planned date
        self._topics: dict[URIRef, set[URIRef]] = defaultdict(set)  # entry -> topics

    def item(self, node: URIRef, date: str, title: str) -> None:
        """An agenda item of a meeting held on ``date`` (ISO), with its title (the first
        told is kept, as the item's ``schema:name``)."""
        self._items.setdefault(node, (date, title))

    def mention(self, item: URIRef, topic: URIRef, where: tuple[str, int, int]) -> None:
        """The topic is named in the item at ``where`` (the item has it as subject)."""
        self._mentions[(item, topic)].add(where)

    def entry(self, node: URIRef, planned: str | None) -> None:
        """A work-programme entry, planned for ``planned`` (ISO) or for no date."""
        self._planned[node] = planned

    def entry_topic(self, entry: URIRef, topic: URIRef) -> None:
        self._topics[entry].add(topic)

    def taken(self) -> Iterator[tuple[URIRef, URIRef, URIRef]]:
        """(entry, topic, item) for each entry and topic some item took, sorted."""
        # topic -> its dated items' (date, fewest-first mentions, title, item), sorted
        by_topic: dict[URIRef, list[tuple[str, int, str, str, URIRef]]] = defaultdict(list)
        for (item, topic), found in self._mentions.items():
            dated = self._items.get(item)
            if dated is not None:
                by_topic[topic].append((dated[0], -len(found), dated[1], str(item), item))
        for options in by_topic.values():
            options.sort()
        for entry in sorted(self._topics, key=str):
            planned = self._planned.get(entry)
            for topic in sorted(self._topics[entry], key=str):
                options = by_topic.get(topic, [])
                first = bisect.bisect_left(options, (planned,)) if planned else 0
                if first < len(options):
                    yield entry, topic, options[first][4]
