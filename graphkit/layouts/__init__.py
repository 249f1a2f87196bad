"""Stage 2: layout. Which kind of record a document is, and its meeting records.

Every layout (printed minutes, a platform's meeting page, an item page, an issue
page, an attendance page, the platform's web-service XML, ...) is one module that
registers itself in :mod:`.registry` with two functions: ``detect(doc) -> float``, how sure it is
that ``doc`` is its kind (0 to 1), and ``read(doc) -> list[MeetingRecord]``.
:func:`read_layout` asks every layout, lets the surest read, and falls back to the
next when a layout finds nothing. Adding a layout is adding one module (and its
tests) and one import in this file.
"""

from __future__ import annotations

# the built-in layouts register themselves with the registry when imported
from . import moderngov_meeting, moderngov_pages, printed, webservice
from .registry import LAYOUTS, SURE, Layout, LayoutResult, read_layout, register

__all__ = [
    "LAYOUTS",
    "SURE",
    "Layout",
    "LayoutResult",
    "moderngov_meeting",
    "moderngov_pages",
    "printed",
    "read_layout",
    "register",
    "webservice",
]
