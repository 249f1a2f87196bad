"""Printed minutes, agendas, agenda packs, briefing notes and work programmes as text.

The general reader: documents laid out as councils print them (a "Minutes of the
meeting of X held on DATE" header, a "Present:" list, numbered minutes), in any
rendering (PDF text, Markdown, plain text). It is the fallback for every
document a more specific layout does not take.
"""

from __future__ import annotations

from ..model import Document, MeetingRecord
from ..segment import segment
from .registry import register

__all__ = ["detect", "read"]


def detect(doc: Document) -> float:
    """Always a candidate, never the surest: a specific layout outranks it."""
    return 0.3


def read(doc: Document) -> list[MeetingRecord]:
    return segment(doc)


register(
    "printed",
    "printed minutes, agendas and packs as text (the general reader)",
    detect=detect,
    read=read,
)
