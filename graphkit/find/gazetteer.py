"""The gazetteer: names the documents themselves introduce (and the curated lists), found
again wherever they recur.

:meth:`Gazetteer.from_findings` is the reduce of the find stage: it reads every document's
:class:`DocumentFindings` and gives the same gazetteer whatever their order.
:meth:`Gazetteer.spans` is what one document's candidates become once the gazetteer is
known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files

import yaml

from ..names import ParsedName, compatible, parse_name
from .automaton import NameIndex
from .candidates import ORG, PERSON, PROGRAMME, Candidate, DocumentFindings
from .patterns import _NOT_A_POST, in_a_post
from .people import DEPUTY_TAIL

__all__ = ["Gazetteer", "load_curated"]

Key = tuple[int, int, str]  # start, end, label
# "Programme Manager", "Project Board": a post or a body named after a programme
_POST_AFTER = re.compile(_NOT_A_POST[len("(?!") : -1])


@cache
def load_curated(kind: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The packaged curated list: ``((name, aliases), ...)`` for "programmes" or "organisations"."""
    data = yaml.safe_load(files("graphkit").joinpath(f"data/{kind}.yml").read_text("utf-8")) or []
    return tuple((e["name"], tuple(e.get("aliases") or ())) for e in data)


def _long_recurs_in_any_case(name: str) -> bool:
    # long programme names recur in any case ("the family valued programme"); short ones
    # only as written, so "early help" in prose is not "Early Help"
    return len(name.split()) >= 3


def _body_in_any_case(name: str) -> bool:
    return len(name) > 5  # "SWFT", "Mind" only as written


@dataclass
class Gazetteer:
    """Names the corpus itself has introduced, found again wherever they recur."""

    people: dict[str, ParsedName] = field(default_factory=dict)  # surface -> parsed
    surnames: dict[str, list[ParsedName]] = field(default_factory=dict)
    programmes: set[str] = field(default_factory=set)
    acronyms: dict[str, str] = field(default_factory=dict)  # acronym -> long form
    organisations: set[str] = field(default_factory=set)
    _indexes: dict[str, tuple[frozenset[str], NameIndex]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def add_person(self, name: ParsedName) -> None:
        self.people.setdefault(name.bare, name)
        self.surnames.setdefault(name.surname.lower(), []).append(name)

    def knows(self, n: ParsedName) -> bool:
        """Whether ``n`` is a person the gazetteer holds, or a full name that expands the
        initial of one ("John Gregg" for a known "J Gregg")."""
        if n.bare in self.people:
            return True
        known = self.surnames.get(n.surname.lower(), [])
        return bool(known and n.initials and any(compatible(n, k) for k in known))

    def accepts(self, c: Candidate, bodies: set[str]) -> bool:
        """Whether candidate ``c`` is a mention given what the gazetteer holds (``bodies``:
        its organisations in lower case)."""
        if c.known is not None and not self.knows(c.known):
            return False
        if any(b in bodies for b in c.unless_body):
            return False
        return c.unless_programme is None or c.unless_programme not in self.programmes

    # -- the reduce ------------------------------------------------------------------------
    @classmethod
    def from_findings(cls, findings: Iterable[DocumentFindings], curated: bool = True) -> Gazetteer:
        """The gazetteer of every document's findings (and the curated lists): the bodies
        lead cells and acronym definitions name; the programme names and acronyms the
        documents define; the people their structured parts introduce, then, until none is
        new, every full name a document introduces with a title, forename or post, or that
        expands a known initial. The same whatever the order of ``findings``."""
        every = list(findings)
        gaz = cls()
        for f in every:
            gaz.organisations.update(f.affiliations)
            gaz.organisations.update(f.bodies)
        if curated:
            for name, aliases in load_curated("programmes"):
                gaz.programmes.update((name, *aliases))
            for name, aliases in load_curated("organisations"):
                gaz.organisations.update((name, *aliases))
        bodies = {o.lower() for o in gaz.organisations}
        for f in every:
            gaz._discover_programmes(f, bodies)
        structured = sorted({n for f in every for n in f.people}, key=repr)
        introduced: set[ParsedName] = set()
        while True:
            for n in (*structured, *sorted(introduced, key=repr)):
                gaz.add_person(n)
            found = {n for f in every for n in gaz._introduced(f, bodies)}
            if found <= introduced:
                break
            introduced |= found
            gaz.people.clear()
            gaz.surnames.clear()
        return gaz

    def _discover_programmes(self, f: DocumentFindings, bodies: set[str]) -> None:
        """The programme names (and acronyms) one document defines: every programme
        candidate the gazetteer lets through but those that name one only by its kind."""
        kept: dict[Key, Candidate] = {}
        for key, c in self._kept(f, PROGRAMME, bodies):
            kept.setdefault(key, c)
        for c in kept.values():
            if c.acronym and c.long is not None:  # the same long form whatever the order
                self.acronyms[c.acronym] = min(c.long, self.acronyms.get(c.acronym, c.long))
        for c in kept.values():  # the first proposed of each span
            if c.written is not None and not c.generic:
                self.programmes.add(c.written)
                if c.acronym:
                    self.programmes.add(c.acronym)

    def _introduced(self, f: DocumentFindings, bodies: set[str]) -> Iterator[ParsedName]:
        """The full names one document introduces, as far as the gazetteer knows now."""
        for _key, c in self._kept(f, PERSON, bodies):
            name = _parsed(c.written) if c.written else None
            if name is not None and name.given:
                yield name

    # -- one document ------------------------------------------------------------------------
    def _kept(
        self, f: DocumentFindings, label: str, bodies: set[str]
    ) -> Iterator[tuple[Key, Candidate]]:
        """The candidates of ``label`` the gazetteer lets through, in order (with the
        "Deputy <surname>" mentions after the people)."""
        surnames = set()
        for c in f.candidates:
            if c.label == label and self.accepts(c, bodies):
                if c.surname:
                    surnames.add(c.surname)
                if _spannable(c.start, c.end, f.length):
                    yield (c.start, c.end, label), c
        if label == PERSON and surnames:
            for c in _deputies(f, surnames):
                yield (c.start, c.end, label), c

    def spans(self, f: DocumentFindings, text: str) -> dict[Key, Candidate]:
        """Every mention of one document (``text``: its text as the finders read it), one
        per span and label, the first proposed kept, in the order they were proposed:
        people, then programmes and the gazetteer's programmes, then bodies and the
        gazetteer's bodies."""
        bodies = {o.lower() for o in self.organisations}
        out: dict[Key, Candidate] = {}
        for label, hits in (
            (PERSON, ()),
            (PROGRAMME, self._programme_hits(text)),
            (ORG, self._body_hits(text)),
        ):
            for key, c in self._kept(f, label, bodies):
                out.setdefault(key, c)
            for start, end in hits:
                if _spannable(start, end, f.length):
                    out.setdefault((start, end, label), Candidate(start, end, label))
        return out

    def _index(self, label: str) -> NameIndex:
        """The automaton of a kind's names, built once for each set of names."""
        names = frozenset(self.programmes if label == PROGRAMME else self.organisations)
        built = self._indexes.get(label)
        if built is not None and built[0] == names:
            return built[1]
        if label == PROGRAMME:
            index = NameIndex(names, _long_recurs_in_any_case, not_after=_POST_AFTER)
        else:
            index = NameIndex(names, _body_in_any_case)
        self._indexes[label] = (names, index)
        return index

    def _programme_hits(self, text: str) -> list[tuple[int, int]]:
        # a programme inside an officer's post is the post's remit, not a mention of it
        hits = self._index(PROGRAMME).find(text)
        return [(s, e) for s, e in hits if not in_a_post(text, s)]

    def _body_hits(self, text: str) -> list[tuple[int, int]]:
        return self._index(ORG).find(text)


def _spannable(start: int, end: int, length: int) -> bool:
    """Whether a span can be a mention: it starts inside the text and ends after the
    text's first character (the spans spaCy's ``Doc.char_span`` could make, which the
    stage kept before it read texts without spaCy)."""
    return 0 <= start < length and 1 <= end <= length


@lru_cache(maxsize=1 << 16)  # the people loop parses each name once, not once a round
def _parsed(text: str) -> ParsedName | None:
    return parse_name(text)


def _deputies(f: DocumentFindings, surnames: set[str]) -> Iterator[Candidate]:
    """ "Deputy Welbank" where the document names a "Deputy Michael Welbank": "Deputy"
    then the longest known surname, as written, at a word's end."""
    known = sorted(surnames, key=len, reverse=True)
    for d in f.deputies:
        for s in known:
            if len(s) > DEPUTY_TAIL:
                continue  # longer than the words kept after "Deputy"
            after = d.tail[len(s) : len(s) + 1]
            if d.tail.startswith(s) and not (after and (after.isalnum() or after in "_'’")):
                end = d.start + len(d.prefix) + len(s)
                yield Candidate(d.start, end, PERSON, honorific="Deputy", written=d.prefix + s)
                break
