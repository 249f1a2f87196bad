"""The library queries on a big graph: seconds per query, in pyoxigraph (and rdflib).

    python benchmarks/bench_queries.py --docs 1000 [--engine oxigraph rdflib] [--timeout 60]
    python benchmarks/bench_queries.py --graph build/            # a graph already built

With ``--docs N`` the corpus is generated as ``run.py`` generates it (into ``--cache``)
and built once with ``graphkit build --no-view`` (graph.trig and graph.ttl, as a build
writes them by default, so the union is loaded from graph.ttl as ``graphkit query``
loads it) into ``<cache>/graph-docsN-seedS``, which later runs reuse.

Each engine's graph is loaded once, in a worker process (pyoxigraph's own parser and a
:class:`graphkit.load.UnionStore` through ``load_store``, as ``graphkit query`` does;
rdflib's ``load_graph``), and the load time and peak memory are printed. The queries run
in the worker one after another, as a user's would; one that runs past ``--timeout``
seconds is stopped by ending the worker (neither engine can be interrupted), shown as
``> T``, and a fresh worker loads the graph for the rest.

Parameters are drawn from the graph, so no run depends on particular names: ``person``
and ``entity`` the label of the person with the most attendance records, ``topic`` the
label of the concept most agenda items are about, ``committee`` the name of the
committee with the most meetings, ``year`` the municipal year with the most meetings.
Each query runs twice: "every" with its optional parameters left empty (for most, every
row the graph has: the widest question), and "one" with them filled (one committee,
year, person or topic: the question a user asks). Each run is repeated ``--repeat``
times; the table gives the fastest and the rows.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import resource
import subprocess
import sys
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import run  # noqa: E402

GK = "https://w3id.org/graphkit/ns#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
# optional parameters filled for the "one" runs, and the status a follow-up may have
NARROWING = ("person", "topic", "committee", "year", "status")


def built_graph(cache: Path, docs: int, seed: int) -> Path:
    """The trig graph of ``docs`` generated documents (with the union beside it in
    graph.ttl), built once and then reused."""
    folder = run.corpus(cache, docs, None, seed)
    out = cache / f"graph-docs{docs}-seed{seed}"
    graph = out / "graph.trig"
    if not (graph.exists() and (out / "graph.ttl").exists()):
        print(f"building {folder} into {out} ...", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, "-m", "graphkit", "build", str(folder), "--out", str(out)]
            + ["--no-view", "--no-cache", "-q"],
            check=True,
        )
    return graph


def _most(store: Any, predicate: str, position: str) -> str:
    """The label of the term most often at ``position`` of ``predicate``'s triples (of
    terms as often, the first by IRI: the store's own order is no order)."""
    import pyoxigraph as ox

    union = ox.DefaultGraph()  # a UnionStore's default graph: each triple once
    found = store.union.quads_for_pattern(None, ox.NamedNode(predicate), None, union)
    counts: Counter[Any] = Counter(getattr(q, position) for q in found)
    label = ox.NamedNode(SKOS + "prefLabel")
    for term, _ in sorted(counts.items(), key=lambda tc: (-tc[1], str(tc[0]))):
        for q in store.union.quads_for_pattern(term, label, None, union):
            return str(q.object.value)
    return ""


def parameters(store: Any) -> dict[str, str]:
    """Values for the parameters, drawn from the graph."""
    import pyoxigraph as ox

    person = _most(store, GK + "attendee", "object")
    # the committee and municipal year with the most meetings, together
    union = ox.DefaultGraph()
    years = {
        q.subject: q.object.value
        for q in store.union.quads_for_pattern(
            None, ox.NamedNode(GK + "municipalYear"), None, union
        )
    }
    pairs: Counter[Any] = Counter(
        (q.object, years[q.subject])
        for q in store.union.quads_for_pattern(
            None, ox.NamedNode(SCHEMA + "organizer"), None, union
        )
        if q.subject in years
    )
    committee, year = "", ""
    if pairs:
        (body, year), _ = min(pairs.items(), key=lambda bc: (-bc[1], str(bc[0])))
        for q in store.union.quads_for_pattern(body, ox.NamedNode(SKOS + "prefLabel"), None, union):
            committee = str(q.object.value)
    return {
        "person": person,
        "entity": person,
        "topic": _most(store, DCTERMS + "subject", "object"),
        "committee": committee,
        "year": year,
        "status": "overdue",
    }


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(path: str, engine: str, conn: Connection) -> None:
    """Load the graph, then run the queries sent until told to stop."""
    from graphkit.load import load_graph, load_store
    from graphkit.query import load_query, run_query

    start = time.perf_counter()
    store = load_store(path)
    graph = store if engine == "oxigraph" else load_graph(path)
    conn.send((time.perf_counter() - start, _peak_mb(), len(store.union), parameters(store)))
    if engine != "oxigraph":
        del store
    while (request := conn.recv()) is not None:
        name, params = request
        start = time.perf_counter()
        res = run_query(load_query(name), graph, params=params, engine=engine)
        conn.send((time.perf_counter() - start, len(res.rows)))


class Worker:
    """A worker process holding the graph; replaced when a query overruns."""

    def __init__(self, path: Path, engine: str) -> None:
        self.path, self.engine = path, engine
        self.start()

    def start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker, args=(str(self.path), self.engine, child))
        self.process.start()
        child.close()
        self.loaded, self.peak_mb, self.quads, self.params = self.conn.recv()

    def run(self, name: str, params: dict[str, str], timeout: float) -> tuple[float | None, int]:
        self.conn.send((name, params))
        if self.conn.poll(timeout):
            seconds, rows = self.conn.recv()
            return seconds, rows
        self.process.kill()
        self.process.join()
        self.start()
        return None, 0

    def stop(self) -> None:
        self.conn.send(None)
        self.process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--graph", type=Path, help="a graph file or build folder")
    where.add_argument("--docs", type=int, help="generate and build this many documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--engine", nargs="+", default=["oxigraph"], choices=["oxigraph", "rdflib"])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=None, help="run only these queries")
    args = parser.parse_args()

    from graphkit.load import graph_file
    from graphkit.query import list_queries

    source = args.graph or built_graph(run._cache_root(args.cache), args.docs, args.seed)
    path, _ = graph_file(source)
    print(f"graph: {path} ({path.stat().st_size / 1e6:,.0f} MB)")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; Python {platform.python_version()}"
    )
    for engine in args.engine:
        w = Worker(path, engine)
        print(
            f"{engine}: {w.quads:,} triples (the union) loaded in {w.loaded:.1f} s, peak {w.peak_mb:,.0f} MB; "
            f"parameters: {w.params}",
            flush=True,
        )
        print()
        print("| query | parameters | rows | seconds |")
        print("|---|---|--:|--:|")
        for q in list_queries():
            if args.only and q.name not in args.only:
                continue
            required = {p.name: w.params[p.name] for p in q.params if p.required}
            narrowed = {p.name: w.params[p.name] for p in q.params if p.name in NARROWING}
            runs = [("every", required)]
            if narrowed.keys() - required.keys():
                runs.append(("one", {**narrowed, **required}))
            for label, params in runs:
                times = []
                rows = 0
                for _ in range(args.repeat):
                    seconds, rows = w.run(q.name, params, args.timeout)
                    if seconds is None:
                        break
                    times.append(seconds)
                shown = f"{min(times):.2f}" if times else f"> {args.timeout:g}"
                given = ", ".join(f"{k}" for k in params if k not in required) or "-"
                what = label if label == "every" else f"one {given}"
                count = f"{rows:,}" if times else "-"
                print(f"| {q.name} | {what} | {count} | {shown} |", flush=True)
        w.stop()
        print()


if __name__ == "__main__":
    main()
