"""The layout registry: every layout registers itself here with ``detect`` and ``read``;
:func:`read_layout` lets the surest read (see the package's docstring)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import Document, MeetingRecord

__all__ = ["LAYOUTS", "SURE", "Layout", "LayoutResult", "read_layout", "register"]

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
