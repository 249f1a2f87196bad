"""Stage 3: find mentions (placeholder until implemented)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Document, MeetingRecord, Mention

__all__ = ["extract"]


def extract(docs: Sequence[Document], meetings: Sequence[MeetingRecord]) -> list[Mention]:
    return []
