"""Stage 2: layout. Which kind of record a document is, and its meeting records.

Every layout (printed minutes, a platform's meeting page, an item page, an issue
page, an attendance page, the platform's web-service XML, ...) is one module that
registers itself here with two functions: ``detect(doc) -> float``, how sure it is
that ``doc`` is its kind (0 to 1), and ``read(doc) -> list[MeetingRecord]``.
:func:`read_layout` asks every layout, lets the surest read, and falls back to the
next when a layout finds nothing. Adding a layout is adding one module (and its
tests) and one import at the bottom of this file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import Document, MeetingRecord

__all__ = ["LAYOUTS", "Layout", "LayoutResult", "read_layout", "register"]

Detect = Callable[[Document], float]
Read = Callable[[Document], list[MeetingRecord]]

#: a layout at least this sure takes a document even where it finds no meeting in it
SURE = 0.5


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    detect: Detect
    read: Read


@dataclass(frozen=True)
class LayoutResult:
    """What the layouts made of one document."""

    source: str
    layout: str | None  # the layout that took the document; None when none recognised it
    records: tuple[MeetingRecord, ...]
    scores: tuple[tuple[str, float], ...] = ()


LAYOUTS: dict[str, Layout] = {}


def register(name: str, description: str, *, detect: Detect, read: Read) -> Layout:
    """Add a layout to the registry (a module calls this once, at import)."""
    layout = Layout(name, description, detect, read)
    LAYOUTS[name] = layout
    return layout


def read_layout(doc: Document) -> LayoutResult:
    """The meeting records of ``doc``, read by the layout surest of it.

    Layouts are tried from the surest down; the first to find a meeting wins. A
    document no layout finds a meeting in is taken by a layout that is sure of it
    (a councillors' index holds no meeting) or else by none.
    """
    scores = sorted(
        ((name, max(0.0, min(1.0, lay.detect(doc)))) for name, lay in LAYOUTS.items()),
        key=lambda kv: (-kv[1], kv[0]),
    )
    for name, score in scores:
        if score <= 0:
            break
        records = LAYOUTS[name].read(doc)
        if records:
            stamped = tuple(replace(r, layout=name) for r in records)
            return LayoutResult(doc.source, name, stamped, tuple(scores))
    taker = scores[0][0] if scores and scores[0][1] >= SURE else None
    return LayoutResult(doc.source, taker, (), tuple(scores))


# the built-in layouts register themselves (imported last: they import this module)
from . import (  # noqa: E402
    moderngov_meeting,  # noqa: F401
    moderngov_pages,  # noqa: F401
    printed,  # noqa: F401
    webservice,  # noqa: F401
)
