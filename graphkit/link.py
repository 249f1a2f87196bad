"""Stage 4: mentions → entities (placeholder until implemented)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .model import Concept, Document, MeetingRecord, Membership, Mention, Organisation, Person

__all__ = ["Linked", "link"]


@dataclass
class Linked:
    people: list[Person] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    # every mention that was resolved: (mention, kind, key); kind is person/programme/org
    resolved: list[tuple[Mention, str, str]] = field(default_factory=list)
    # attendance record (source, start) -> person key
    attendees: dict[tuple[str, int], str] = field(default_factory=dict)
    # work-programme row (source, start) -> person keys of its leads
    leads: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)
    # action (source, start) -> person key of its agent, where a person
    agents: dict[tuple[str, int], str] = field(default_factory=dict)
    ambiguities: list[str] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)


def link(
    docs: Sequence[Document],
    meetings: Sequence[MeetingRecord],
    mentions: Sequence[Mention],
    *,
    aliases: str | Path | None = None,
) -> Linked:
    return Linked()
