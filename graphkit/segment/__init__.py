"""Stage 2: split a document into meeting records (placeholder until implemented)."""

from __future__ import annotations

from ..model import Document, MeetingRecord

__all__ = ["segment"]


def segment(doc: Document) -> list[MeetingRecord]:
    return []
