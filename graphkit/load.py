"""Load a graph file written by ``graphkit build`` (any of its formats) into a Dataset."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from .errors import GraphLoadError
from .serialise import format_for_suffix, read_suffixes

__all__ = ["SUFFIX_FORMATS", "graph_in_folder", "load_graph"]

# derived from the one registry of formats (graphkit.serialise.FORMATS)
SUFFIX_FORMATS = {
    suffix: fmt.rdflib for suffix in read_suffixes() if (fmt := format_for_suffix(suffix))
}


def graph_in_folder(folder: Path) -> Path | None:
    """The graph file a build folder holds: its ``graph.trig``, ``graph.nq`` or
    ``graph.ttl``, the first there; None when it holds none."""
    for name in ("graph.trig", "graph.nq", "graph.ttl"):
        if (folder / name).exists():
            return folder / name
    return None


def load_graph(path: str | Path) -> Dataset:
    """Parse ``path`` by its suffix. A folder means its ``graph.trig`` (or ``graph.ttl``)."""
    path = Path(path)
    if path.is_dir():
        found = graph_in_folder(path)
        if found is None:
            raise GraphLoadError(
                f"{path}: no graph.trig or graph.ttl in this folder; run graphkit build first"
            )
        path = found
    if not path.exists():
        raise GraphLoadError(f"{path}: no such file; run graphkit build first or name a graph file")
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphLoadError(
            f"{path}: unknown graph format {path.suffix!r}; use one of {', '.join(sorted(SUFFIX_FORMATS))}"
        )
    ds = Dataset()
    try:
        ds.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise GraphLoadError(f"{path}: not valid {fmt} ({err})") from err
    return ds
