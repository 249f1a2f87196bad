"""Serialisation speed: rdflib's writers against graphkit's (pyoxigraph) on a large graph.

Run: /work/venv/bin/python benchmarks/bench_serialise.py [--meetings N] [--formats ...]

The graph is generated in the contract's shape (meetings, items, people,
attendance, evidence annotations), one named graph per document. Prints one
line per format: seconds for rdflib, seconds for graphkit, and the speed-up.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import Dataset, Graph, Literal, URIRef  # noqa: E402

from graphkit.serialise import FORMATS, Prepared, serialise  # noqa: E402
from graphkit.vocab import (  # noqa: E402
    DCTERMS,
    FOAF,
    GK,
    OA,
    PREFIXES,
    PROV,
    RDF,
    SCHEMA,
    SKOS,
    XSD,
)

BASE = "https://w3id.org/graphkit/id/"


def synthetic_dataset(meetings: int, *, items: int = 12, people: int = 15) -> Dataset:
    """A contract-shaped Dataset: one document (named graph) per meeting."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    committee = URIRef(BASE + "committee/x/board")
    for m in range(meetings):
        doc = URIRef(f"{BASE}document/minutes-{m:05d}.txt")
        g = ds.graph(doc)
        g.add((doc, RDF.type, FOAF.Document))
        g.add((doc, DCTERMS.type, GK.Minutes))
        g.add((doc, GK.sha256, Literal(f"{m:064x}")))
        day = f"{2000 + m // 300:04d}-{m % 12 + 1:02d}-{m % 28 + 1:02d}"
        node = URIRef(f"{BASE}meeting/x/board/{day}-{m}")
        g.add((node, RDF.type, GK.Meeting))
        g.add((node, RDF.type, SCHEMA.Event))
        g.add((node, DCTERMS.date, Literal(day, datatype=XSD.date)))
        g.add((node, SCHEMA.organizer, committee))
        g.add((node, SCHEMA.name, Literal(f'Board, meeting {m} "special" <{m}>')))
        g.add((node, PROV.wasDerivedFrom, doc))
        for p in range(people):
            person = URIRef(f"{BASE}person/x/p{(m * 7 + p) % 400}")
            g.add((person, RDF.type, SCHEMA.Person))
            g.add((person, SKOS.prefLabel, Literal(f"Person {(m * 7 + p) % 400}")))
            att = URIRef(f"{node}/attendance/p{p}")
            g.add((att, RDF.type, GK.Attendance))
            g.add((att, GK.meeting, node))
            g.add((att, GK.attendee, person))
            g.add((att, GK.status, GK.Present))
            g.add((node, SCHEMA.attendee, person))
        for i in range(1, items + 1):
            item = URIRef(f"{node}/item/{i}")
            g.add((item, RDF.type, GK.AgendaItem))
            g.add((item, SCHEMA.superEvent, node))
            g.add((item, SCHEMA.name, Literal(f"Item {i}: a title with caf\u00e9 & 'quotes'")))
            g.add((item, SCHEMA.position, Literal(i)))
            ann = URIRef(f"{doc}/annotation/{i * 100}-{i * 100 + 9}")
            g.add((ann, RDF.type, OA.Annotation))
            g.add((ann, OA.hasBody, URIRef(f"{BASE}person/x/p{i}")))
            g.add((ann, OA.hasTarget, URIRef(f"{ann}/target")))
            g.add((URIRef(f"{ann}/quote"), OA.exact, Literal(f"Councillor {i}")))
    return ds


def _rdflib_bytes(ds: Dataset, fmt: str) -> bytes:
    _, rdflib_format, quads = FORMATS[fmt]
    if quads:
        return ds.serialize(format=rdflib_format, encoding="utf-8")
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g.serialize(format=rdflib_format, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--meetings", type=int, default=1500)
    ap.add_argument(
        "--formats", nargs="*", default=["nt", "turtle", "nquads", "trig", "xml", "json-ld"]
    )
    args = ap.parse_args()
    t = time.perf_counter()
    ds = synthetic_dataset(args.meetings)
    generated = time.perf_counter() - t
    t = time.perf_counter()
    prepared = Prepared(ds)
    prepared.quads, prepared.triples  # noqa: B018 (materialise both orders)
    convert = time.perf_counter() - t
    print(
        f"graph: {len(prepared.quads)} quads in {args.meetings} named graphs "
        f"(generated in {generated:.1f} s)"
    )
    print(f"graphkit: rdflib → pyoxigraph conversion and sort, once per build: {convert:.2f} s")
    print(
        f"{'format':<8} {'rdflib s':>9} {'graphkit write s':>17} {'speed-up':>9} "
        f"{'incl. conversion':>17}"
    )
    for fmt in args.formats:
        t = time.perf_counter()
        _rdflib_bytes(ds, fmt)
        slow = time.perf_counter() - t
        t = time.perf_counter()
        serialise(prepared, fmt)
        fast = time.perf_counter() - t
        print(
            f"{fmt:<8} {slow:>9.2f} {fast:>17.2f} {slow / fast:>8.1f}x "
            f"{slow / (fast + convert):>16.1f}x"
        )


if __name__ == "__main__":
    main()
