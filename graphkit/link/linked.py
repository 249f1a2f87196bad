"""What linking makes: the entities, and how every mention and record was resolved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Concept, Membership, Mention, Organisation, Person

__all__ = ["Linked"]


@dataclass
class Linked:
    """The entities of one council's documents, and the evidence for each.

    Mutable on purpose: each part of linking adds its own entities to one result.
    """

    people: list[Person] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    # every mention that was resolved: (mention, kind, key); kind is person/programme/org
    resolved: list[tuple[Mention, str, str]] = field(default_factory=list)
    # attendance or membership record (source, start) -> person key
    attendees: dict[tuple[str, int], str] = field(default_factory=dict)
    # work-programme row (source, start) -> person keys of its leads
    leads: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)
    # action (source, start) -> person key of its agent, where a person
    agents: dict[tuple[str, int], str] = field(default_factory=dict)
    ambiguities: list[str] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)

    @classmethod
    def joined(cls, parts: Sequence[Linked]) -> Linked:
        """The links of several councils' documents, side by side (never merged)."""
        if len(parts) == 1:
            return parts[0]
        out = cls()
        for part in parts:
            out.people += part.people
            out.concepts += part.concepts
            out.organisations += part.organisations
            out.memberships += part.memberships
            out.resolved += part.resolved
            out.attendees.update(part.attendees)
            out.leads.update(part.leads)
            out.agents.update(part.agents)
            out.ambiguities += part.ambiguities
            out.merges += part.merges
        return out
