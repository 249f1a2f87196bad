"""The find stage: map each document to its findings, reduce them to one gazetteer, resolve
each document's mentions, then add what linking weighs beside them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..documents import ReadTimeout, deadline
from ..errors import DocumentError
from ..model import Document, MeetingRecord, Mention
from .candidates import DocumentFindings
from .evidence import link_evidence
from .findings import affiliations, find_within, too_slow
from .gazetteer import Gazetteer
from .resolve import resolve

__all__ = ["extract"]


def extract(
    docs: Sequence[Document],
    meetings: Sequence[MeetingRecord],
    *,
    timeout: float | None = None,
    problems: list[DocumentError] | None = None,
    found: Mapping[str, DocumentFindings] | None = None,
) -> list[Mention]:
    """Mentions in every document, in document order, longest span first where they nest;
    then what linking weighs beside them (:func:`link_evidence`).

    Each document's finding (:func:`find_in_document`, then :func:`resolve`) runs within
    ``timeout`` seconds (:func:`graphkit.documents.deadline`); a document over it loses its
    mentions and is named in ``problems``, and the other documents' mentions are kept.
    ``found`` holds the findings the build's map already made, by source (a document's
    finding the map ran out of time on was reported there); the rest are found here."""
    by_doc: dict[str, list[MeetingRecord]] = {}
    for rec in meetings:
        by_doc.setdefault(rec.source, []).append(rec)
    findings = [
        _findings(doc, by_doc.get(doc.source, []), timeout, problems, found or {}) for doc in docs
    ]
    sources = {d.source for d in docs}
    orphans = [
        DocumentFindings(source, affiliations=affiliations(recs))
        for source, recs in by_doc.items()
        if source not in sources
    ]
    gaz = Gazetteer.from_findings([*findings, *orphans])
    out: list[Mention] = []
    for doc, its in zip(docs, findings, strict=True):
        if not its.complete:
            continue
        try:
            with deadline(timeout):
                out.extend(resolve(doc, its, gaz))
        except ReadTimeout:
            _report(problems, too_slow(doc, timeout))
    return out + link_evidence(docs, meetings, out)


def _findings(
    doc: Document,
    recs: Sequence[MeetingRecord],
    timeout: float | None,
    problems: list[DocumentError] | None,
    found: Mapping[str, DocumentFindings],
) -> DocumentFindings:
    """``doc``'s findings: the map's, else made now within ``timeout``."""
    if doc.source in found:
        return found[doc.source]
    its, problem = find_within(doc, recs, timeout)
    if problem is not None:
        _report(problems, problem)
    return its


def _report(problems: list[DocumentError] | None, problem: DocumentError) -> None:
    if problems is not None:
        problems.append(problem)
