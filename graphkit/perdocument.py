"""The map of the build: what is done to one document alone, whatever else is built.

:func:`process_document` reads one file and lays it out and finds the names in it
(:func:`graphkit.find.find_in_document`). It is a pure function of the file's bytes, the limits
and graphkit's own code: it looks at no other document and no global state, so it can
run in this process, in a worker process or on a Dask worker on another machine, and
its result can be cached by the file's content (:mod:`graphkit.cache`). Everything
that needs all the documents at once (dating a meeting from another page, each
document's council, linking, the graph) is the reduce, in :mod:`graphkit.build`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import layouts
from .documents import FoundFile, Limits, OverTime, ReadTimeout, deadline, read_file
from .errors import DocumentError, DocumentWarning
from .find import DocumentFindings
from .find.findings import find_within
from .layouts import LayoutResult
from .model import Document

__all__ = ["DocumentResult", "DocumentTask", "lay_out", "process_document"]


@dataclass(frozen=True)
class DocumentTask:
    """One document to process: where it is, its content digest (``None``: not to be
    cached) and the limits it is read within. Picklable, so it can be sent to a worker;
    the path must be readable there (a shared file system, on a cluster)."""

    found: FoundFile
    digest: str | None
    limits: Limits

    @property
    def source(self) -> str:
        return self.found.source


@dataclass(frozen=True)
class DocumentResult:
    """What the map made of one file.

    ``document`` is ``None`` when the file was not read, or its layout failed so badly
    that it is dropped; ``read_problems`` are the reading's warnings and error, in the
    order the read stage names them, ``layout_problems`` the layout's and ``find_problems``
    the find stage's (it ran out of time: ``findings`` is then incomplete).
    """

    source: str
    document: Document | None
    layout: LayoutResult | None
    read_problems: tuple[DocumentError, ...] = ()
    layout_problems: tuple[DocumentError, ...] = ()
    findings: DocumentFindings | None = None  # the find stage's map (graphkit.find)
    find_problems: tuple[DocumentError, ...] = ()
    cacheable: bool = True  # False when a time limit decided it: a busy machine's verdict

    def __post_init__(self) -> None:
        for name in ("read_problems", "layout_problems", "find_problems"):
            object.__setattr__(self, name, tuple(_detached(p) for p in getattr(self, name)))

    @property
    def error(self) -> DocumentError | None:
        """Why the document is not in the build, when it is not."""
        if self.document is not None:
            return None
        errors = [p for p in (*self.read_problems, *self.layout_problems) if _is_error(p)]
        return errors[-1] if errors else None

    @classmethod
    def failed(cls, task: DocumentTask, err: BaseException) -> DocumentResult:
        """The result of a document whose worker crashed (killed, out of memory)."""
        problem = DocumentError(
            task.source,
            f"its worker failed ({type(err).__name__}: {err})",
            "skipped; this is a bug in graphkit or the machine ran out of memory",
        )
        return cls(task.source, None, None, (problem,), cacheable=False)


def _detached(problem: DocumentError) -> DocumentError:
    """``problem`` without the exception it was raised from, nor its traceback: what a
    result holds must pickle, and a parser's own exception may not (lxml's error log).
    Plain pickle leaves them out, but dask.distributed installs tblib's reducers, which
    pickle both."""
    if problem.__cause__ is None and problem.__context__ is None and problem.__traceback__ is None:
        return problem
    cls, args = problem.__reduce__()
    return cls(*args)


def _is_error(problem: DocumentError) -> bool:
    return not isinstance(problem, DocumentWarning)


def process_document(task: DocumentTask) -> DocumentResult:
    """Read, lay out and find in one document, each within ``task.limits``; never raises
    for a bad file."""
    notes: list[DocumentError] = []
    read = read_file(task.found, task.limits, notes=notes)
    if isinstance(read, DocumentError):
        return DocumentResult(
            task.source, None, None, (*notes, read), cacheable=not isinstance(read, OverTime)
        )
    lay, problem = lay_out(read, task.limits)
    layout_problems = (problem,) if problem is not None else ()
    findings, slow = (
        find_within(read, lay.records, task.limits.timeout) if lay is not None else (None, None)
    )
    return DocumentResult(
        task.source,
        read if lay is not None else None,
        lay,
        tuple(notes),
        layout_problems,
        findings,
        (slow,) if slow is not None else (),
        cacheable=not isinstance(problem, OverTime) and slow is None,
    )


def lay_out(doc: Document, limits: Limits) -> tuple[LayoutResult | None, DocumentError | None]:
    """A document's layout, within the time limit; ``None`` drops the document."""
    try:
        with deadline(limits.timeout):
            return layouts.read_layout(doc), None
    except ReadTimeout:
        return None, OverTime(
            doc.source,
            f"took longer than {limits.timeout:g} s to lay out (--timeout-per-document)",
            "skipped",
        )
    except DocumentError as err:  # a malformed document must not stop the build
        return LayoutResult(doc.source, None, ()), err
    except RecursionError:
        return None, DocumentError(doc.source, "nested too deeply to be laid out", "skipped")
    except Exception as err:  # a layout's bug must cost one document, not the build
        return None, DocumentError(
            doc.source,
            f"its layout failed ({type(err).__name__}: {err})",
            "skipped; this is a bug in graphkit, please report it",
        )
