"""Write the Dataset in RDF formats by name. Files are written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset

from .errors import ConfigError

__all__ = ["FORMATS", "atomic_write", "write_formats", "write_ontology"]

# name -> (file name, rdflib format, quads?)
FORMATS: dict[str, tuple[str, str, bool]] = {
    "turtle": ("graph.ttl", "turtle", False),
    "nt": ("graph.nt", "nt", False),
    "nquads": ("graph.nq", "nquads", True),
    "trig": ("graph.trig", "trig", True),
    "json-ld": ("graph.jsonld", "json-ld", True),
    "xml": ("graph.rdf", "xml", False),
}


def atomic_write(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _check(formats: Iterable[str]) -> list[str]:
    names = list(dict.fromkeys(formats))
    bad = [f for f in names if f not in FORMATS]
    if bad:
        raise ConfigError(f"unknown format {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    return names


def serialise(ds: Dataset, fmt: str) -> bytes:
    """The Dataset as bytes in format ``fmt`` (triple formats get the union graph)."""
    _, rdflib_format, quads = FORMATS[_check([fmt])[0]]
    if quads:
        return ds.serialize(format=rdflib_format, encoding="utf-8")
    union = ds.default_union
    ds.default_union = True
    try:
        from rdflib import Graph

        g = Graph()
        for prefix, ns in ds.namespaces():
            g.bind(prefix, ns)
        for triple in ds.triples((None, None, None)):
            g.add(triple)
        return g.serialize(format=rdflib_format, encoding="utf-8")
    finally:
        ds.default_union = union


def write_formats(ds: Dataset, out: Path, *, formats: Iterable[str]) -> list[Path]:
    written = []
    for fmt in _check(formats):
        written.append(atomic_write(out / FORMATS[fmt][0], serialise(ds, fmt)))
    return written


def write_ontology(out: Path) -> Path:
    from importlib.resources import files

    data = files("graphkit").joinpath("data/ontology.ttl").read_bytes()
    return atomic_write(out / "ontology.ttl", data)
