"""What one document's finders propose, before the gazetteer of every document is known:
frozen, picklable data (:class:`DocumentFindings`), made by
:func:`graphkit.find.find_in_document` and read by :meth:`Gazetteer.from_findings` and
:func:`graphkit.find.resolve`."""

from __future__ import annotations

from dataclasses import dataclass

from ..names import ParsedName

__all__ = ["ORG", "PERSON", "PROGRAMME", "Candidate", "Deputy", "DocumentFindings"]

PERSON = "PERSON"
PROGRAMME = "PROGRAMME"
ORG = "ORG"


@dataclass(frozen=True)
class Candidate:
    """A span a finder proposes, with what must hold for it to be a mention.

    Offsets point into ``Document.text``. Most candidates hold whatever other documents
    say; three kinds wait for the gazetteer:

    * ``known``: a name read without a title, forename, post or list that makes it a
      person's is one only if the gazetteer knows that person (:meth:`Gazetteer.knows`);
    * ``unless_body``: a name defined with an acronym is a programme unless the name or the
      acronym (lower case) is a body the gazetteer holds;
    * ``unless_programme``: a body named by what it does ("funded by ...") is none when the
      name is a programme the gazetteer holds.

    ``written`` is the span's words as the finders read them (markup blanked out, lines
    joined), for a PERSON or PROGRAMME candidate: the name that joins the gazetteer.
    """

    start: int
    end: int
    label: str  # PERSON, PROGRAMME, ORG
    honorific: str | None = None
    acronym: str | None = None  # "HMK" for "Healthy Meals for Kids (HMK)"
    long: str | None = None  # "Healthy Meals for Kids"
    generic: bool = False  # "the Strategic Plan": names a programme only by its kind
    known: ParsedName | None = None
    unless_body: tuple[str, ...] = ()
    unless_programme: str | None = None
    surname: str | None = None  # a PERSON's, for "Deputy <surname>"
    written: str | None = None


@dataclass(frozen=True)
class Deputy:
    """ "Deputy " written at ``start`` (``prefix`` with its spaces), and the words after it:
    a mention once a surname found in the document follows."""

    start: int
    prefix: str
    tail: str


@dataclass(frozen=True)
class DocumentFindings:
    """What one document contributes to the gazetteer, and the candidate mentions that do
    not depend on other documents.

    ``people`` are the names its structured parts introduce (attendance, membership,
    work-programme leads, authors and contacts); ``affiliations`` the bodies its lead cells
    name; ``bodies`` the acronyms it defines for a body. The programme names and acronyms it
    discovers, and the full names it introduces with a role, are read off ``candidates``
    (their ``written`` words) by :meth:`Gazetteer.from_findings`, since a few of them wait
    for what other documents say.
    """

    source: str
    length: int = 0  # of the text, as the finders read it
    people: tuple[ParsedName, ...] = ()
    affiliations: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    deputies: tuple[Deputy, ...] = ()
    # False when the document's finding ran out of time: only its records' names are here,
    # and the document gets no mentions
    complete: bool = True
