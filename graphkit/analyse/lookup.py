"""Finding the nodes of a projection by label or IRI."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .projection import KINDS
from .tables import AnalysisError


# -- label matching -------------------------------------------------------------------------
def _words(text: str) -> str:
    """
    >>> _words("Holiday Activities & Food (HAF)")
    ' holiday activities food haf '
    """
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


def label_matches(query: str, label: str) -> bool:
    """True when the words of ``query`` appear in order, as whole words, in ``label``
    (case and punctuation ignored): the rule the saved queries use.

    >>> label_matches("HAF", "Summer 2024 HAF Programme"), label_matches("HA", "HAF")
    (True, False)
    """
    return _words(query).strip() != "" and _words(query) in _words(label)


# -- finding entities ---------------------------------------------------------------------
def find_entities(graph: Any, text: str, *, kinds: Iterable[str] = KINDS) -> list[str]:
    """The nodes of a projection whose IRI is ``text`` or one of whose labels matches it
    (:func:`label_matches`), of the given kinds; an exact label match alone wins."""
    wanted = set(kinds)
    if text in graph and graph.nodes[text]["kind"] in wanted:
        return [text]
    hits = []
    exact = []
    for node, data in graph.nodes(data=True):
        if data["kind"] not in wanted:
            continue
        names = [data["label"], *data.get("alt_labels", [])]
        if any(label_matches(text, n) for n in names):
            hits.append(node)
            if any(_words(text) == _words(n) for n in names):
                exact.append(node)
    if len(exact) == 1 and len(hits) > 1 and wanted != {"programme"}:
        return exact
    return sorted(hits, key=lambda n: (graph.nodes[n]["label"], n))


def one_entity(graph: Any, text: str, kinds: Iterable[str]) -> str:
    """The one node ``text`` names; an :class:`AnalysisError` when none or several do."""
    kinds = tuple(kinds)
    hits = find_entities(graph, text, kinds=kinds)
    if not hits:
        raise AnalysisError(
            f"nothing in the graph is called {text!r} (looked at {', '.join(kinds)})"
        )
    exact = [n for n in hits if _words(graph.nodes[n]["label"]) == _words(text)]
    if len(hits) > 1 and len(exact) != 1:
        names = "; ".join(graph.nodes[n]["label"] for n in hits[:6])
        raise AnalysisError(f"{text!r} matches {len(hits)} entities ({names}); be more specific")
    return exact[0] if len(hits) > 1 else hits[0]
