"""The find stage: map each document to its findings, reduce them to one gazetteer, resolve
each document's mentions, then add what linking weighs beside them."""

from __future__ import annotations

from collections.abc import Sequence

from ..documents import ReadTimeout, deadline
from ..errors import DocumentError
from ..model import Document, MeetingRecord, Mention
from .candidates import DocumentFindings
from .evidence import link_evidence
from .findings import affiliations, find_in_document, records_findings
from .gazetteer import Gazetteer
from .resolve import resolve

__all__ = ["extract"]


def extract(
    docs: Sequence[Document],
    meetings: Sequence[MeetingRecord],
    *,
    timeout: float | None = None,
    problems: list[DocumentError] | None = None,
) -> list[Mention]:
    """Mentions in every document, in document order, longest span first where they nest;
    then what linking weighs beside them (:func:`link_evidence`).

    Each document's finding (:func:`find_in_document`, then :func:`resolve`) runs within
    ``timeout`` seconds (:func:`graphkit.documents.deadline`); a document over it loses its
    mentions and is named in ``problems``, and the other documents' mentions are kept."""
    slow: set[int] = set()  # documents whose finding ran past ``timeout``

    def too_slow(i: int) -> None:
        slow.add(i)
        if problems is not None:
            problems.append(
                DocumentError(
                    docs[i].source,
                    f"took longer than {timeout:g} s to find names in (--timeout-per-document)",
                    "its mentions were dropped; its meetings are built",
                )
            )

    by_doc: dict[str, list[MeetingRecord]] = {}
    for rec in meetings:
        by_doc.setdefault(rec.source, []).append(rec)
    found: list[DocumentFindings] = []
    for i, doc in enumerate(docs):
        recs = by_doc.get(doc.source, [])
        try:
            with deadline(timeout):
                found.append(find_in_document(doc, recs))
        except ReadTimeout:
            too_slow(i)
            found.append(records_findings(doc, recs))  # its records still introduce names
    sources = {d.source for d in docs}
    orphans = [
        DocumentFindings(source, affiliations=affiliations(recs))
        for source, recs in by_doc.items()
        if source not in sources
    ]
    gaz = Gazetteer.from_findings([*found, *orphans])
    out: list[Mention] = []
    for i, (doc, findings) in enumerate(zip(docs, found, strict=True)):
        if i in slow:
            continue
        try:
            with deadline(timeout):
                out.extend(resolve(doc, findings, gaz))
        except ReadTimeout:
            too_slow(i)
    return out + link_evidence(docs, meetings, out)
