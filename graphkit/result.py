"""What a build made: :class:`BuildResult`, in a module of its own so the modules that
read it (void, the CLI) need not import the build that makes it; the summary files are
written by :mod:`graphkit.stats` from :meth:`BuildResult.summary`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from rdflib import Dataset

from .errors import DocumentError
from .model import Document, MeetingRecord, Mention
from .stats import graph_counts

if TYPE_CHECKING:
    from .graph.quads import QuadSet
    from .link import Linked
    from .quads import Quads
    from .serialise import Prepared

__all__ = ["BuildResult"]


@dataclass
class BuildResult:
    """What a build made: the graph, and what it read, found and could not read.

    ``quads`` is the graph as the graph stage made it, which the writers read;
    ``dataset`` is the same graph as an rdflib ``Dataset``, made on first use."""

    quads: QuadSet
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
    # the graph's counts and the number of quads they were counted at (summary())
    _counts: tuple[int, dict[str, int]] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def dataset(self) -> Dataset:
        """The graph as an rdflib ``Dataset`` (one named graph per document)."""
        return self.quads.to_dataset()

    def summary(self, quads: Quads | Prepared | None = None) -> dict[str, object]:
        """The build's counts, read from the graph itself, so the summary and the store
        agree, in a stable order.

        Meetings are those a document records; meetings only referred to ("the minutes of
        the meeting held on 3 December were agreed") are counted apart, as are meetings no
        document dates. ``triples`` counts distinct triples; ``quads`` counts them per named
        graph, where a fact two documents state is stored once in each. ``quads``, the
        snapshot the writers share (or that snapshot prepared for writing,
        :class:`~graphkit.serialise.Prepared`), saves making another. The counts are
        remembered (the writers count them; the command line prints them after), and
        counted again if quads have been added to the graph since.
        """
        size = len(self.quads)
        if self._counts is None or self._counts[0] != size:
            self._counts = (
                size,
                graph_counts(quads if quads is not None else self.quads.snapshot()),
            )
        counts = self._counts[1]
        layouts = Counter(lay for lay in self.layouts.values() if lay)
        return {
            "council": self.council,
            "documents": len(self.documents),
            "meetings": counts["meetings"],
            "meetings_referred_to": counts["referred"],
            "undated_meetings_count": counts["undated"],
            "agenda_items": counts["items"],
            "people": counts["people"],
            "programmes": counts["programmes"],
            "topics": counts["topics"],
            "organisations": counts["organisations"],
            "triples": counts["triples"],
            "quads": counts["quads"],
            "named_graphs": len(self.documents),
            "layouts": dict(sorted(layouts.items())),
            "unrecognised": sorted(src for src, lay in self.layouts.items() if not lay),
            "undated_meetings": list(self.undated),
            "problems": [str(p) for p in self.problems],
            "ambiguities": list(self.linked.ambiguities),
        }
