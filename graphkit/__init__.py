"""graphkit: council meeting records → an RDF knowledge graph with evidence.

>>> import graphkit
>>> sorted(graphkit.__all__) == graphkit.__all__
True
"""

from __future__ import annotations

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

__version__ = "0.1.0"

__all__ = [
    "BuildResult",
    "ConfigError",
    "Document",
    "DocumentError",
    "GraphLoadError",
    "GraphkitError",
    "QueryError",
    "ValidationFailed",
    "__version__",
    "build",
    "load_graph",
    "run_query",
    "write_outputs",
]
