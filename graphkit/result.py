"""What a build made: :class:`BuildResult`, in a module of its own so the modules that
read it (stats, void) need not import the build that makes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rdflib import Dataset

from .errors import DocumentError
from .model import Document, MeetingRecord, Mention

if TYPE_CHECKING:
    from .link import Linked

__all__ = ["BuildResult"]


@dataclass
class BuildResult:
    """What a build made: the graph, and what it read, found and could not read."""

    dataset: Dataset
    documents: list[Document]
    meetings: list[MeetingRecord]
    mentions: list[Mention]
    linked: Linked
    problems: list[DocumentError] = field(default_factory=list)
    council: str = ""  # the councils read, "; "-separated
    layouts: dict[str, str | None] = field(default_factory=dict)  # source -> layout or None
    councils: dict[str, str] = field(default_factory=dict)  # source -> council
    undated: list[str] = field(default_factory=list)  # meetings no document dates
    # seconds spent in each stage: "map" (each document read, laid out and found in),
    # "resolve" (the gazetteer of all documents and each one's mentions), "link", "graph"
    # and, once the outputs are written, "write"
    timings: dict[str, float] = field(default_factory=dict)
    # the per-document result cache: "hits", "misses", "written", "corrupt"
    cache_stats: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict[str, object]:
        """Counts for the build report, in a stable order."""
        from .stats import summarise

        return summarise(self)
