"""graphkit: council meeting records → an RDF knowledge graph with evidence.

>>> import graphkit
>>> sorted(graphkit.__all__) == graphkit.__all__
True
"""

from __future__ import annotations

from .analyse import (
    AnalysisError,
    Hop,
    Table,
    Timeline,
    centrality,
    communities,
    cooccurrence,
    explain_path,
    format_tables,
    programme_timeline,
    project,
    top_programmes,
)
from .build import BuildResult, build, write_outputs
from .errors import (
    ConfigError,
    DocumentError,
    GraphkitError,
    GraphLoadError,
    QueryError,
    ValidationFailed,
)
from .load import load_graph
from .model import Document
from .query import run_query
from .timeline import Chart, timeline_chart, top_chart

__version__ = "0.1.0"

__all__ = [
    "AnalysisError",
    "BuildResult",
    "Chart",
    "ConfigError",
    "Document",
    "DocumentError",
    "GraphLoadError",
    "GraphkitError",
    "Hop",
    "QueryError",
    "Table",
    "Timeline",
    "ValidationFailed",
    "__version__",
    "build",
    "centrality",
    "communities",
    "cooccurrence",
    "explain_path",
    "format_tables",
    "load_graph",
    "programme_timeline",
    "project",
    "run_query",
    "timeline_chart",
    "top_chart",
    "top_programmes",
    "write_outputs",
]
