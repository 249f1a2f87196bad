"""One error tree. The CLI turns these into a message and a non-zero exit."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DocumentError",
    "DocumentWarning",
    "GraphkitError",
    "GraphLoadError",
    "OutputError",
    "QueryError",
    "ValidationFailed",
]


class GraphkitError(Exception):
    """Base of every error graphkit raises on purpose."""


class DocumentError(GraphkitError):
    """A document could not be read; names the file, what is wrong and what was done.

    >>> str(DocumentError("a.pdf", "the PDF is encrypted", "skipped"))
    'a.pdf: the PDF is encrypted; skipped'
    """

    def __init__(self, source: str, problem: str, action: str = "") -> None:
        # one line whatever the file is called or the problem says: a hostile name or a
        # library's message must not break the report into lines a reader misattributes
        line = " ".join(f"{source}: {problem}".split())
        super().__init__(f"{line}; {action}" if action else line)
        self.source = source
        self.problem = problem
        self.action = action

    def __reduce__(self) -> tuple[type[DocumentError], tuple[str, str, str]]:
        """Pickled by its parts, so it crosses to and from worker processes (and the
        result cache) as it was: an exception pickles as ``cls(*args)`` by default."""
        return (type(self), (self.source, self.problem, self.action))


class DocumentWarning(DocumentError):
    """A document was read, but not quite as written: an encoding guessed, dates ignored,
    a name escaped. Reported beside the skipped files; ``--strict`` does not fail on it."""


class ConfigError(GraphkitError):
    """A bad option, aliases file or other setting."""


class GraphLoadError(GraphkitError):
    """A graph file could not be loaded."""


class OutputError(GraphkitError):
    """The output folder cannot be written (another build holds it, it is a file, ...)."""


class QueryError(GraphkitError):
    """A SPARQL query is unknown, malformed or missing a parameter."""


class ValidationFailed(GraphkitError):
    """SHACL validation found violations."""
