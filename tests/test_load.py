"""Loading a built graph for queries (graphkit.load): the union of its graphs read from
the Turtle file the same build wrote beside the TriG, and never from one that is not."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from graphkit.load import UnionStore, load_store, union_beside

pyoxigraph = pytest.importorskip("pyoxigraph")


@pytest.fixture
def folder(seeds_build: Path, tmp_path: Path) -> Path:
    """A copy of the seeds build (times kept, as ``cp -p`` keeps them)."""
    return Path(shutil.copytree(seeds_build, tmp_path / "build"))


def _triples(store) -> set[str]:
    return {str(q) for q in store}


def test_the_union_is_read_from_the_builds_turtle(folder: Path) -> None:
    trig = folder / "graph.trig"
    assert union_beside(trig) == folder / "graph.ttl"
    assert union_beside(folder / "graph.nq") == folder / "graph.ttl"
    fast = load_store(folder)
    parsed = UnionStore.read(trig, "application/trig")
    assert len(fast.union) > 10_000
    assert _triples(fast.union) == _triples(parsed.union)
    # the documents' graphs still come from the TriG, for a query that names them
    quads = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert next(iter(fast.query(quads)))["n"].value == next(iter(parsed.query(quads)))["n"].value


def test_an_edited_turtle_file_is_not_taken_for_the_union(folder: Path) -> None:
    ttl = folder / "graph.ttl"
    stamp = ttl.stat().st_mtime_ns
    with ttl.open("a", encoding="utf-8") as f:
        f.write("<urn:x:edited> <urn:x:p> <urn:x:o> .\n")
    os.utime(ttl, ns=(stamp, stamp))  # as `touch -r` would leave it: only its size tells
    assert union_beside(folder / "graph.trig") is None
    assert not any("urn:x:edited" in t for t in _triples(load_store(folder).union))


def test_a_newer_file_of_the_same_size_is_not_taken(folder: Path) -> None:
    manifest = (folder / ".graphkit-manifest.json").stat().st_mtime_ns
    later = manifest + 5 * 10**9
    for name in ("graph.ttl", "graph.trig"):
        os.utime(folder / name, ns=(later, later))
        assert union_beside(folder / "graph.trig") is None
        os.utime(folder / name, ns=(manifest, manifest))
    assert union_beside(folder / "graph.trig") == folder / "graph.ttl"


@pytest.mark.parametrize(
    "manifest",
    [None, {"written_by": "graphkit", "files": ["graph.trig", "graph.ttl"]}, "not json"],
)
def test_without_a_manifest_that_gives_sizes_the_trig_is_read(folder: Path, manifest) -> None:
    path = folder / ".graphkit-manifest.json"
    stamp = path.stat().st_mtime_ns
    if manifest is None:
        path.unlink()
    else:
        path.write_text(manifest if isinstance(manifest, str) else json.dumps(manifest))
        os.utime(path, ns=(stamp, stamp))
    assert union_beside(folder / "graph.trig") is None
    assert len(load_store(folder).union) == len(load_store(folder / "graph.ttl").union)


def test_a_graph_file_outside_a_build_folder_is_read_itself(tmp_path: Path, seeds_build) -> None:
    lone = tmp_path / "graph.trig"
    shutil.copy2(seeds_build / "graph.trig", lone)
    assert union_beside(lone) is None
    assert union_beside(seeds_build / "graph.ttl") is None  # a Turtle file is its own union
