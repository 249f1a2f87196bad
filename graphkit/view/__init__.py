"""The interactive HTML view: one self-contained file to explore a graph offline.

>>> from graphkit.view import DEFAULT_MAX_NODES
>>> DEFAULT_MAX_NODES > 1000
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from ..quads import Quads
from ..serialise import atomic_write
from .network import (
    DEFAULT_NETWORK_MAX_NODES,
    NetworkPage,
    build_network,
    build_network_html,
    write_network,
)

__all__ = [
    "DEFAULT_MAX_NODES",
    "DEFAULT_NETWORK_MAX_NODES",
    "NetworkPage",
    "View",
    "build_network",
    "build_network_html",
    "build_view",
    "write_network",
    "write_view",
]

# A view this size opens in well under two seconds; above it the page shows the
# best-connected part and says how to focus (see benchmarks/bench_view.py).
DEFAULT_MAX_NODES = 2500


@dataclass(frozen=True)
class View:
    """A rendered view: the page, how much of the graph it shows, and any warnings."""

    html: str
    shown: int
    total: int
    warnings: tuple[str, ...] = ()

    def write(self, path: str | Path) -> Path:
        """Write the page atomically to ``path``."""
        return atomic_write(Path(path), self.html.encode("utf-8"))


def build_view(
    ds: Dataset | Quads,
    *,
    topic: str | None = None,
    person: str | None = None,
    start: str | None = None,
    end: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    measure: str = "degree",
    title: str | None = None,
) -> View:
    """Render ``ds`` (or a :class:`~graphkit.quads.Quads` snapshot of it) as a page,
    focused on a topic, a person or dates when asked.

    ``start``/``end`` take a year, a month or a date. A graph larger than
    ``max_nodes`` is cut to its best-connected part, with a warning that says
    how to focus instead.
    """
    from ..errors import ConfigError
    from .data import read_graph
    from .focus import cap, select
    from .layout import layout, sizes
    from .render import page

    if max_nodes < 1:
        raise ConfigError(f"max_nodes must be at least 1, not {max_nodes}")
    graph = read_graph(ds, title=title)
    focus = select(graph, topic=topic, person=person, start=start, end=end)
    focus, left_out = cap(graph, focus, max_nodes=max_nodes)
    warnings = []
    notice = None
    if left_out:
        notice = (
            f"This view shows {len(focus.keep):,} of {len(focus.keep) + left_out:,} nodes "
            "(the focus, the meetings, then the best connected) so that it stays responsive. "
            "For a complete view of one part, write a focused view: graphkit view GRAPH "
            "--topic PROGRAMME, --person NAME, or --from YEAR --to YEAR."
        )
        warnings.append(notice)
    lay = layout(graph, focus.keep)
    size = sizes(graph, focus.keep, measure=measure)
    html = page(graph, focus, lay, size, total=len(graph.entities), notice=notice)
    return View(
        html=html, shown=len(focus.keep), total=len(graph.entities), warnings=tuple(warnings)
    )


def write_view(
    ds: Dataset | Quads,
    path: str | Path,
    *,
    topic: str | None = None,
    person: str | None = None,
    start: str | None = None,
    end: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    measure: str = "degree",
    title: str | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Path:
    """Write the view of ``ds`` to ``path`` (options as for :func:`build_view`).

    Warnings (a graph too large to show whole) go to ``on_warning`` when given;
    the page itself always says them too.
    """
    view = build_view(
        ds,
        topic=topic,
        person=person,
        start=start,
        end=end,
        max_nodes=max_nodes,
        measure=measure,
        title=title,
    )
    if on_warning is not None:
        for warning in view.warnings:
            on_warning(warning)
    return view.write(path)
