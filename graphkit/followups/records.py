"""What the follow-up rules read: agenda items, requests and work-programme entries of one
council, with their committee, date, words and programmes; no RDF, no offsets.

``graphkit.graph.followups`` makes these from the build's records; tests make them by hand.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from operator import attrgetter

from .. import lexicon
from ..dates import find_dates
from .due import Due

__all__ = [
    "BACK_REF",
    "MINUTE_REF",
    "Corpus",
    "Entry",
    "Item",
    "Request",
    "content_words",
    "request_kind",
    "words_cover",
]


@dataclass(frozen=True)
class Item:
    """An agenda item of a dated meeting."""

    key: str  # the item's IRI
    committee: str  # as written
    date: dt.date
    number: str | None
    title: str
    text: str  # the item's words (heading, minutes, papers attached to it)
    programmes: frozenset[str] = frozenset()  # concept keys named anywhere in the item
    title_programmes: frozenset[str] = frozenset()  # ... named in its title

    # What the text says, read once: the rules ask each later item on a request's subject
    # about it, and a committee's archive has many requests on one subject.
    @cached_property
    def minute_refs(self) -> tuple[tuple[str, str | None, str], ...]:
        """The minutes the text refers to (:data:`MINUTE_REF`): number, year as written,
        the words."""
        return tuple(
            (m.group("n"), m.group("y"), m.group(0)) for m in MINUTE_REF.finditer(self.text)
        )

    @cached_property
    def dates(
        self,
    ) -> tuple[dict[dt.date, tuple[int, str]], dict[tuple[int, int], tuple[int, str]]]:
        """The dates the text writes, where each is first written and how: those with
        their year by date, those without by (month, day)."""
        written: dict[dt.date, tuple[int, str]] = {}
        yearless: dict[tuple[int, int], tuple[int, str]] = {}
        for found in find_dates(self.text):
            if not found.year_written:
                yearless.setdefault((found.month, found.day), (found.start, found.text))
            elif found.date is not None:
                written.setdefault(found.date, (found.start, found.text))
        return written, yearless

    @cached_property
    def back_reference(self) -> str | None:
        """Words that say the item follows up something heard before, without naming it
        ("as heard by the Board previously")."""
        back = BACK_REF.search(self.text)
        return " ".join(back.group(0).split()) if back else None


@dataclass(frozen=True)
class Request:
    """An action that asks for something to come back: a report, information, an item."""

    key: str  # the action's IRI
    item: Item  # where it was made
    text: str
    kind: str  # "report", "work-programme", "information", "undertaking", "letter"
    due: Due | None = None
    agent: str | None = None
    programmes: frozenset[str] = frozenset()  # what it concerns
    topic_from: str = ""  # "text": named in it; "antecedent": "the programme" before it


@dataclass(frozen=True)
class Entry:
    """A work-programme entry: a planned item, dated or only planned for a year."""

    key: str  # the entry's IRI
    committee: str
    title: str
    year: int  # the first calendar year of the municipal year it is planned for
    date: dt.date | None = None
    programmes: frozenset[str] = frozenset()
    source: str = ""  # the document (where the programme was published)
    listed_on: dt.date | None = None  # the date of the meeting whose papers list it


@dataclass(frozen=True)
class Corpus:
    """One council's items and entries, and the meetings whose business is recorded."""

    items: tuple[Item, ...]
    entries: tuple[Entry, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)  # concept key -> its name

    @cached_property
    def _items_by_committee(self) -> dict[str, list[Item]]:
        """Each committee's items (by :func:`committee_key`), by date and key."""
        out: dict[str, list[Item]] = defaultdict(list)
        for i in sorted(self.items, key=lambda i: (i.date, i.key)):
            out[committee_key(i.committee)].append(i)
        return out

    @cached_property
    def _entries_by_committee(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            out[committee_key(e.committee)].append(e)
        return out

    @cached_property
    def _meetings_by_committee(self) -> dict[str, list[dt.date]]:
        return {c: sorted({i.date for i in items}) for c, items in self._items_by_committee.items()}

    @cached_property
    def _subjects_by_committee(self) -> dict[str, _Subjects]:
        return {c: _Subjects.of(items) for c, items in self._items_by_committee.items()}

    def meetings(self, committee: str) -> list[dt.date]:
        """The dates of the committee's meetings whose items the records hold."""
        return list(self._meetings_by_committee.get(committee_key(committee), ()))

    def later_items(self, committee: str, after: dt.date) -> list[Item]:
        """The committee's items of meetings after ``after``, by date and key."""
        mine = self._items_by_committee.get(committee_key(committee), ())
        return [i for i in mine if i.date > after]

    def later_items_on(
        self,
        committee: str,
        after: dt.date,
        *,
        minute: str | None,
        programmes: Iterable[str],
        words: Iterable[str],
    ) -> list[Item]:
        """The committee's items of meetings after ``after`` that are not procedural
        (:func:`graphkit.lexicon.is_procedural_title`) and refer to minute number ``minute`` (:data:`MINUTE_REF`),
        or name one of ``programmes`` (concept keys) anywhere, or have one of ``words``
        among their title's :func:`content_words`; by date and key. Looked up in an
        index, not by reading every later item: a committee's archive holds thousands."""
        subjects = self._subjects_by_committee.get(committee_key(committee))
        if subjects is None:
            return []
        found: set[int] = set(subjects.by_minute.get(minute, ())) if minute else set()
        for key in programmes:
            found.update(subjects.by_programme.get(key, ()))
        for word in words:
            found.update(subjects.by_word.get(word, ()))
        first = bisect.bisect_right(subjects.items, after, key=attrgetter("date"))
        return [subjects.items[n] for n in sorted(found) if n >= first]

    def entries_of(self, committee: str) -> list[Entry]:
        return list(self._entries_by_committee.get(committee_key(committee), ()))


@dataclass(frozen=True)
class _Subjects:
    """One committee's items (by date and key), and the positions of those that are not
    procedural by the minute numbers they refer to, the programmes they name and the
    content words of their titles."""

    items: list[Item]
    by_minute: dict[str, list[int]]
    by_programme: dict[str, list[int]]
    by_word: dict[str, list[int]]

    @classmethod
    def of(cls, items: list[Item]) -> _Subjects:
        by_minute: dict[str, list[int]] = defaultdict(list)
        by_programme: dict[str, list[int]] = defaultdict(list)
        by_word: dict[str, list[int]] = defaultdict(list)
        for n, item in enumerate(items):
            if lexicon.is_procedural_title(item.title):
                continue
            for number in dict.fromkeys(ref for ref, _, _ in item.minute_refs):
                by_minute[number].append(n)
            for key in item.programmes | item.title_programmes:
                by_programme[key].append(n)
            for word in content_words(item.title):
                by_word[word].append(n)
        return cls(items, by_minute, by_programme, by_word)


BACK_REF = re.compile(
    rf"\b{lexicon.alternation(lexicon.words('back_reference_phrases.txt'))}", re.I
)
# "Further to Minute 3", "minute 3/21": an item that refers to an earlier minute
MINUTE_REF = re.compile(
    r"\bminutes?\s+(?:no\.?\s*)?(?P<n>\d{1,3})(?:\s*/\s*(?P<y>\d{2,4}))?\b(?!\s*above)", re.I
)


def committee_key(name: str) -> str:
    """A committee's name for comparing: lower case, words only.

    >>> committee_key("Education and Children’s Services Scrutiny Board (2)")
    'education and children s services scrutiny board 2'
    """
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


_FILLER = lexicon.words("followup_filler_words.txt") | lexicon.words("function_words.txt")
_FILLER |= lexicon.words("small_words.txt")


@cache
def content_words(text: str) -> frozenset[str]:
    """The words that say what a text is about: lower case, plural "s" dropped, without
    function words and the words every request and item shares ("report", "board").

    >>> sorted(content_words("Agreed to add Apprenticeships (with Scrutiny Board 3) to the Work Programme"))
    ['apprenticeship']
    """
    out = set()
    for word in re.findall(r"[a-z][a-z']+", text.lower().replace("’", "'")):
        word = word.removesuffix("'s").strip("'")
        if len(word) < 3 or word in _FILLER:
            continue
        if len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.add(word)
    return frozenset(out)


def words_cover(wanted: frozenset[str], title: frozenset[str]) -> bool:
    """Whether a title is about what ``wanted`` says: it has every word of ``wanted``, or
    most of its own words are in ``wanted`` and they are at least half of ``wanted``.

    >>> words_cover(frozenset({"fostering"}), frozenset({"fostering", "service"}))
    True
    >>> words_cover(frozenset({"education", "skill", "covid", "recovery"}), frozenset({"education"}))
    False
    """
    shared = wanted & title
    if not shared:
        return False
    if wanted <= title:
        return True
    return len(shared) >= 2 and len(shared) >= 0.8 * len(title) and len(shared) >= 0.5 * len(wanted)


_CUES = [
    (re.compile(rf"\b{cue}", re.I), kind) for cue, kind in lexicon.table("request_cues.tsv").items()
]


def request_kind(text: str) -> str | None:
    """What an action asks for, by its words (``lexicon/request_cues.tsv``); None when it
    asks for nothing that comes back.

    >>> request_kind("Agreed to receive a feedback report on the programme")
    'report'
    >>> request_kind("Officers agreed to circulate the figures."), request_kind("Noted the report.")
    ('information', None)
    """
    for pattern, kind in _CUES:
        if pattern.search(text):
            return kind
    return None


def union(sets: Iterable[frozenset[str]]) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for s in sets:
        out |= s
    return out
