"""Graph analysis: the people–meeting–programme layer of a graph, projected into networkx.

:func:`project` turns the RDF graph into a small undirected ``networkx.Graph`` that
holds only what the questions need; every analysis here reads that projection, and a
user can run their own networkx measures on it. The package, by concern:

- :mod:`~graphkit.analyse.projection`: the projection (its docstring says which RDF
  nodes and edges become which);
- :mod:`~graphkit.analyse.lookup`: finding entities by label or IRI;
- :mod:`~graphkit.analyse.measures`: centrality, communities, co-occurrence;
- :mod:`~graphkit.analyse.timelines`: a programme's timeline, the most discussed programmes;
- :mod:`~graphkit.analyse.paths`: the explained path between two entities;
- :mod:`~graphkit.analyse.tables`: results as tables and their formats;
- :mod:`~graphkit.analyse.report`: every analysis, for ``graphkit analyse``.
"""

from __future__ import annotations

from .lookup import find_entities, label_matches
from .measures import EXACT_BETWEENNESS_MAX_NODES, centrality, communities, cooccurrence
from .paths import Hop, explain_path
from .projection import KINDS, project
from .report import ANALYSES, analyse
from .tables import AnalysisError, Table, format_tables
from .timelines import Timeline, programme_timeline, top_programmes

__all__ = [
    "ANALYSES",
    "AnalysisError",
    "EXACT_BETWEENNESS_MAX_NODES",
    "KINDS",
    "Hop",
    "Table",
    "Timeline",
    "analyse",
    "centrality",
    "communities",
    "cooccurrence",
    "explain_path",
    "find_entities",
    "format_tables",
    "label_matches",
    "programme_timeline",
    "project",
    "top_programmes",
]
