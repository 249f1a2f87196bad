"""What the find stage read beside the names, indexed the way linking asks for it.

Linking never reads ``Document.text``: roles written after names, the topics agenda
items name, lead names in work-programme cells, a programme's kind written after its
quoted name, the words around a generic programme name, statements that a plan
answers a dated event and officers' directorates all come among the mentions
(see graphkit.find.link_evidence).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..find import (
    CONTEXT,
    DIRECTORATE,
    KIND,
    LEAD,
    RESPONSE,
    ROLE,
    TOPIC,
    ResponseMention,
)
from ..model import Mention

__all__ = ["Evidence"]


@dataclass(frozen=True)
class Evidence:
    # (source, end of a name) -> the post written right after it
    roles_after: Mapping[tuple[str, int], str]
    # (source, end of a programme name) where its kind is written right after it
    kinds_after: frozenset[tuple[str, int]]
    # (source, start, end) of an agenda item or attached paper -> its words
    contexts: Mapping[tuple[str, int, int], str]
    # (source, topic) -> the places it is written, in text order
    topics: Mapping[tuple[str, str], tuple[Mention, ...]]
    # source -> work-programme lead names where written, in the order found
    leads: Mapping[str, tuple[Mention, ...]]
    # source -> sentences saying something answers a dated event, in text order
    responses: Mapping[str, tuple[ResponseMention, ...]]
    directorates: tuple[Mention, ...]  # in record order

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> Evidence:
        """The evidence among ``mentions``; mentions of other labels are ignored."""
        topics: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        leads: dict[str, list[Mention]] = defaultdict(list)
        responses: dict[str, list[ResponseMention]] = defaultdict(list)
        roles: dict[tuple[str, int], str] = {}
        kinds: set[tuple[str, int]] = set()
        contexts: dict[tuple[str, int, int], str] = {}
        directorates: list[Mention] = []
        for m in mentions:
            if m.label == ROLE and m.role:
                roles[(m.source, m.start)] = m.role
            elif m.label == KIND:
                kinds.add((m.source, m.start))
            elif m.label == CONTEXT:
                contexts[(m.source, m.start, m.end)] = m.text
            elif m.label == TOPIC:
                topics[(m.source, m.text)].append(m)
            elif m.label == LEAD:
                leads[m.source].append(m)
            elif m.label == RESPONSE and isinstance(m, ResponseMention):
                responses[m.source].append(m)
            elif m.label == DIRECTORATE:
                directorates.append(m)
        return cls(
            roles_after=roles,
            kinds_after=frozenset(kinds),
            contexts=contexts,
            topics={k: tuple(sorted(v, key=lambda m: m.start)) for k, v in topics.items()},
            leads={k: tuple(v) for k, v in leads.items()},
            responses={k: tuple(v) for k, v in responses.items()},
            directorates=tuple(directorates),
        )

    def topic_at(self, source: str, topic: str, start: int, end: int) -> Mention | None:
        """The first place ``topic`` is written wholly within ``start``–``end``."""
        return next(
            (m for m in self.topics.get((source, topic), ()) if start <= m.start and m.end <= end),
            None,
        )

    def leads_in(self, source: str, start: int, end: int) -> list[Mention]:
        """The lead names found from ``start`` up to ``end`` (a row's lead cell onwards)."""
        return [m for m in self.leads.get(source, ()) if start <= m.start <= end]
