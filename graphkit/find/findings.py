"""The map of the find stage: what one document holds, read from it alone.

:func:`find_in_document` is pure (its result depends on the document and its records
only), and its result is frozen and picklable, so it can run in a process pool and be
cached by the document's content hash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..documents import ReadTimeout, deadline
from ..errors import DocumentError
from ..model import Document, MeetingRecord
from ..segment.text import plain
from .candidates import Candidate, DocumentFindings
from .organisations import find_organisations
from .patterns import unwrap
from .people import find_people, lead_affiliations, structured_people
from .programmes import find_programmes

__all__ = ["affiliations", "find_in_document", "find_within", "records_findings"]


def find_in_document(doc: Document, records: Sequence[MeetingRecord]) -> DocumentFindings:
    """What ``doc`` (with ``records``, its meeting records) contributes to the gazetteer,
    and its candidate mentions. The finders read the text with markup blanked out and
    soft line breaks joined (:func:`unwrap`), offsets unchanged."""
    text = unwrap(plain(doc.text))
    people, deputies = find_people(text)
    programmes = find_programmes(text)
    bodies, acronyms = find_organisations(text)
    return replace(
        records_findings(doc, records),
        length=len(text),
        bodies=tuple(acronyms),
        candidates=(*(_written(c, text) for c in (*people, *programmes)), *bodies),
        deputies=tuple(deputies),
    )


def find_within(
    doc: Document, records: Sequence[MeetingRecord], timeout: float | None
) -> tuple[DocumentFindings, DocumentError | None]:
    """:func:`find_in_document` within ``timeout`` seconds; past it, what the document's
    records alone introduce (an incomplete finding: the document gets no mentions) and the
    problem to report."""
    try:
        with deadline(timeout):
            return find_in_document(doc, records), None
    except ReadTimeout:
        return replace(records_findings(doc, records), complete=False), too_slow(doc, timeout)


def too_slow(doc: Document, timeout: float | None) -> DocumentError:
    """The problem of a document whose finding ran past ``timeout`` seconds."""
    return DocumentError(
        doc.source,
        f"took longer than {timeout or 0:g} s to find names in (--timeout-per-document)",
        "its mentions were dropped; its meetings are built",
    )


def records_findings(doc: Document, records: Sequence[MeetingRecord]) -> DocumentFindings:
    """What ``doc``'s structured parts alone contribute to the gazetteer: the people its
    records and author lines introduce, the bodies its lead cells name."""
    return DocumentFindings(
        source=doc.source,
        people=tuple(structured_people(doc, records)),
        affiliations=affiliations(records),
    )


def affiliations(records: Sequence[MeetingRecord]) -> tuple[str, ...]:
    """The bodies the work-programme lead cells of ``records`` name."""
    return tuple(
        a
        for rec in records
        for row in rec.work_programme
        for a in lead_affiliations(row.lead or "")
    )


def _written(c: Candidate, text: str) -> Candidate:
    """``c`` with its words as the finders read them: the name the gazetteer learns."""
    return replace(c, written=text[c.start : c.end])
