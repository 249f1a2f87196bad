"""One error tree. The CLI turns these into a message and a non-zero exit."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DocumentError",
    "GraphkitError",
    "GraphLoadError",
    "QueryError",
    "ValidationFailed",
]


class GraphkitError(Exception):
    """Base of every error graphkit raises on purpose."""


class DocumentError(GraphkitError):
    """A document could not be read; names the file and what is wrong."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ConfigError(GraphkitError):
    """A bad option, aliases file or other setting."""


class GraphLoadError(GraphkitError):
    """A graph file could not be loaded."""


class QueryError(GraphkitError):
    """A SPARQL query is unknown, malformed or missing a parameter."""


class ValidationFailed(GraphkitError):
    """SHACL validation found violations."""
