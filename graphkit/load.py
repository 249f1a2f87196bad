"""Load a graph file written by ``graphkit build`` (any of its formats): into an rdflib
Dataset (:func:`load_graph`), or into a pyoxigraph store for fast queries
(:func:`load_store`, a :class:`UnionStore`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rdflib import Dataset

from .errors import GraphLoadError
from .serialise import MANIFEST, Format, format_for_suffix, read_suffixes
from .sparqltext import names_graphs

__all__ = [
    "SUFFIX_FORMATS",
    "UnionStore",
    "graph_file",
    "graph_in_folder",
    "load_for",
    "load_graph",
    "load_store",
    "union_beside",
]

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


def graph_file(path: str | Path) -> tuple[Path, Format]:
    """The graph file ``path`` names and its format (by suffix). A folder means its
    ``graph.trig`` (or ``graph.nq``, ``graph.ttl``). Raises GraphLoadError, naming the
    path, when there is no such file or its suffix is not a graph format."""
    path = Path(path)
    if path.is_dir():
        found = graph_in_folder(path)
        if found is None:
            raise GraphLoadError(
                f"{path}: no graph.trig, graph.nq or graph.ttl in this folder; run graphkit build first"
            )
        path = found
    if not path.exists():
        raise GraphLoadError(f"{path}: no such file; run graphkit build first or name a graph file")
    fmt = format_for_suffix(path.suffix)
    if fmt is None:
        raise GraphLoadError(
            f"{path}: unknown graph format {path.suffix!r}; use one of {', '.join(sorted(SUFFIX_FORMATS))}"
        )
    return path, fmt


def load_graph(path: str | Path) -> Dataset:
    """Parse ``path`` by its suffix into an rdflib Dataset (see :func:`graph_file`)."""
    path, fmt = graph_file(path)
    ds = Dataset()
    try:
        ds.parse(path, format=fmt.rdflib)
    except Exception as err:  # rdflib raises many parser-specific types
        raise GraphLoadError(f"{path}: not valid {fmt.rdflib} ({err})") from err
    return ds


class UnionStore:
    """pyoxigraph stores for queries on the union of all graphs, each triple once.

    graphkit's queries ask the union of all graphs. pyoxigraph's union mode
    (``use_default_graph_as_union``) gives a triple once for every graph that holds it,
    and a build states a person's name or a role in every document that shows it, so
    each join multiplies the repeats: on 100 generated documents one library query ran
    past a minute in union mode and takes 15 ms here.

    Two stores, so: :attr:`union` holds only the union, as its default graph, and
    answers every query that names no graph; :attr:`store` holds the graphs as they are
    with the union in its default graph too, for queries with ``GRAPH`` or ``FROM``
    (:func:`~graphkit.sparqltext.names_graphs`) or a dataset in their options. A query
    that names no graph is not asked of :attr:`store`: pyoxigraph's in-memory store
    finds a subject's triples by walking its triples in every graph, so a term that
    thousands of documents describe (a committee, a programme) slowed each lookup of it
    many times over (resolutions on 10,000 documents: 41 s; on the union alone: 2 s).
    :attr:`store` is made the first time it is asked for when the UnionStore was read
    from a file (:func:`load_store`), which then needs half the memory and less time.
    """

    def __init__(
        self, union: Any | None, store: Any | None, made: Callable[[], Any] | None = None
    ) -> None:
        # pyoxigraph.Store: the union as its default graph, no other graph (None: the
        # store of every graph answers every query)
        self.union = union
        self._store = store
        self._made = made

    @property
    def store(self) -> Any:
        """The pyoxigraph Store of every graph, with their union as its default graph."""
        if self._store is None:
            if self._made is None:  # pragma: no cover (every constructor gives one)
                raise GraphLoadError("this UnionStore has no named graphs to load")
            self._store = self._made()
        return self._store

    @classmethod
    def of(cls, store: Any) -> UnionStore:
        """``store`` with the union of its graphs added to its default graph (in place),
        and a store of that union alone."""
        import pyoxigraph as ox

        _add_union(store)
        return cls(
            _union_alone(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), store
        )

    @classmethod
    def read(
        cls,
        source: Path | bytes,
        media_type: str,
        *,
        lazy: bool = True,
        union: Path | None = None,
    ) -> UnionStore:
        """A file (a path) or its bytes, parsed by pyoxigraph. With ``lazy``, the union is
        made as the file is read, or bulk-loaded from ``union``, a Turtle file of the
        same union (:func:`union_beside`), and the store of every graph when first asked
        for (bulk-loaded from the source, which is kept until then); else only the store
        of every graph is made, at once, and answers every query (a query server must
        not stop to load when a query names a graph). Raises pyoxigraph's own errors
        (SyntaxError, ValueError, OSError) for the caller to name; the store of every
        graph, GraphLoadError if the file has changed since the union was read."""
        import pyoxigraph as ox

        fmt = ox.RdfFormat.from_media_type(media_type)
        if fmt is None:
            raise ValueError(f"pyoxigraph cannot read {media_type}")
        where = {"path": str(source)} if isinstance(source, Path) else {"input": source}
        stamp = _stamp(source)
        name = str(source) if isinstance(source, Path) else "the graph"

        def made() -> Any:
            if _stamp(source) != stamp:  # the union came from the file as it was
                raise GraphLoadError(
                    f"{name}: the file has changed since its union was loaded; load it again "
                    "to query its named graphs"
                )
            store = ox.Store()
            store.bulk_load(format=fmt, **where)
            return _add_union(store)

        if not lazy:
            return cls(None, made())
        if union is not None:
            alone = ox.Store()
            # pyoxigraph reads and stores it without making a Python object a triple:
            # 10,000 documents' union in half the time
            alone.bulk_load(path=str(union), format=ox.RdfFormat.TURTLE)
            return cls(alone, None, made)
        return cls(_union_alone(ox.parse(format=fmt, **where)), None, made)

    def query(self, text: str, **options: Any) -> Any:
        """``pyoxigraph.Store.query`` on the union: of :attr:`union`, or of :attr:`store`
        when the query names graphs or ``options`` name a dataset."""
        dataset = options.get("default_graph") or options.get("named_graphs")
        if self.union is None or dataset or names_graphs(text):
            return self.store.query(text, **options)
        return self.union.query(text, **options)


def _add_union(store: Any) -> Any:
    """``store`` with the union of its graphs added to its default graph (in place)."""
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def _union_alone(quads: Iterable[Any]) -> Any:
    """A pyoxigraph Store of the triples of ``quads``, each once, in its default graph."""
    import pyoxigraph as ox

    union = ox.Store()
    union.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    return union


def _stamp(source: Path | bytes) -> tuple[int, int] | None:
    """A file's size and modification time (None for bytes, which cannot change)."""
    if not isinstance(source, Path):
        return None
    st = source.stat()
    return st.st_size, st.st_mtime_ns


def union_beside(path: Path) -> Path | None:
    """The ``graph.ttl`` that ``graphkit build`` wrote beside ``path`` (its ``graph.trig``
    or ``graph.nq``) in the same build: the union of ``path``'s graphs, each triple once.
    None unless the folder's manifest gives both files the sizes they have and neither
    has changed since the manifest was written (a file edited or copied in since is
    newer), so a graph file that is not the build's own is always read itself.
    """
    folder, union = path.parent, path.parent / "graph.ttl"
    if path.name not in ("graph.trig", "graph.nq"):
        return None
    try:
        manifest = folder / MANIFEST
        sizes = json.loads(manifest.read_text(encoding="utf-8"))["sizes"]
        written = manifest.stat().st_mtime_ns
        for f in (path, union):
            st = f.stat()
            if sizes.get(f.name) != st.st_size or st.st_mtime_ns > written:
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no manifest, an older one, or not ours
    return union


def load_store(path: str | Path) -> UnionStore:
    """Load ``path`` into an in-memory pyoxigraph store, straight from the file with
    pyoxigraph's parser (see :func:`graph_file`), ready for queries on the union of its
    graphs (:class:`UnionStore`).

    Far faster and smaller than :func:`load_graph` on a big graph: the union of a
    10,000-document build's graph.trig (8.9 million quads, 7.6 million triples in
    their union) loads in 71–80 s and 3.1 GB, and in 41 s from the graph.ttl the build
    wrote beside it (:func:`union_beside`), where rdflib's parser takes many times as
    long; the documents' graphs are loaded beside it only for a query that names
    graphs.
    """
    path, fmt = graph_file(path)
    union = union_beside(path)
    try:
        return UnionStore.read(path, fmt.media_type, union=union)
    except (SyntaxError, ValueError, OSError) as err:
        read = f"{path} (its union from {union.name} beside it)" if union else str(path)
        raise GraphLoadError(f"{read}: not valid {fmt.rdflib} ({err})") from err


def load_for(path: str | Path, engine: str) -> Dataset | UnionStore:
    """The graph at ``path`` loaded for ``engine``: for "oxigraph" pyoxigraph reads the
    file itself (:func:`load_store`; rdflib's parse of a big graph takes minutes), for
    "rdflib" a Dataset (:func:`load_graph`)."""
    return load_store(path) if engine == "oxigraph" else load_graph(path)
