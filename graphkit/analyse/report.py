"""The report of ``graphkit analyse``: every analysis, as tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .measures import centrality, communities, cooccurrence
from .paths import explain_path, path_table
from .projection import projected
from .tables import AnalysisError, Table
from .timelines import programme_timeline

ANALYSES = ("centrality", "communities", "cooccurrence", "timeline", "path")


# -- everything, for the command line ---------------------------------------------------------
def analyse(
    source: Any,
    *,
    top: int = 10,
    by: str = "degree",
    programmes: Sequence[str] = (),
    path: tuple[str, str] | None = None,
    only: Sequence[str] = (),
    method: str = "louvain",
    organisations: bool = False,
) -> list[Table]:
    """The report of ``graphkit analyse``: centrality, communities, co-occurrence (by
    item and by meeting), a timeline per name in ``programmes`` and the explained
    ``path`` between two entities; ``only`` keeps some of :data:`ANALYSES`."""
    unknown = sorted(set(only) - set(ANALYSES))
    if unknown:
        raise AnalysisError(
            f"unknown analysis {', '.join(unknown)}; choose from {', '.join(ANALYSES)}"
        )
    wanted = set(only or ANALYSES)
    graph = projected(source, organisations=organisations)
    tables: list[Table] = []
    if "centrality" in wanted:
        tables.append(centrality(graph, top=top, by=by))
    if "communities" in wanted:
        tables.append(communities(graph, method=method))
    if "cooccurrence" in wanted:
        tables.append(cooccurrence(graph, within="item", top=top))
        tables.append(cooccurrence(graph, within="meeting", top=top))
    if "timeline" in wanted:
        for name in programmes:
            tables.extend(programme_timeline(graph, name).tables(people=top))
    if "path" in wanted and path:
        tables.append(path_table(explain_path(graph, *path), *path))
    return tables
