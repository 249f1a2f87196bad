"""graphkit query, push and serve: SPARQL over a built graph, here or in a triple store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..errors import GraphkitError
from ..query import DEFAULT_TIMEOUT as _QUERY_TIMEOUT  # (shown in --help)
from ..serialise import FORMATS as _GRAPH_FORMATS
from .group import GRAPH_ARG, cli, progress

# -- query (issue #3) --------------------------------------------------------------------


def _query_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise GraphkitError(f"--param {pair!r}: write NAME=VALUE, e.g. --param topic=HAF")
        if name in params:
            raise GraphkitError(f"--param {name} is given twice")
        params[name] = value
    return params


def _list_queries() -> None:
    from ..query import list_queries

    for q in list_queries():
        click.echo(f"{q.name}: {q.title}")
        click.echo(f"    {q.description}")
        for p in q.params:
            click.echo(f"    --param {p.usage()}")


# a graph file this big takes long enough to load that the wait is announced (stderr)
_BIG_GRAPH = 20_000_000


def _load(graph: Path, engine: str, text: str) -> Any:
    """The graph for ``engine``, loaded once, with the documents' graphs when the query
    ``text`` names graphs (before the query's time starts); a big file's load is
    announced on stderr."""
    import time

    from ..load import UnionStore, graph_file, load_for, union_beside
    from ..sparqltext import names_graphs

    path, _ = graph_file(graph)
    size = path.stat().st_size
    say = progress(quiet=size < _BIG_GRAPH)
    union = union_beside(path) if engine == "oxigraph" else None
    if union is not None:  # load_store reads the union from the build's own Turtle file
        say(f"loading the union of {path}'s graphs from {union.name} beside it with {engine} ...")
    else:
        say(f"loading {path} ({size / 1e6:,.0f} MB) with {engine} ...")
    start = time.perf_counter()
    loaded = load_for(path, engine)
    if isinstance(loaded, UnionStore) and names_graphs(text):
        took = time.perf_counter() - start
        say(f"loaded the union in {took:.0f} s; the query names graphs: loading them ...")
        _ = loaded.store  # made on first use: made now, outside the query's time
    say(f"loaded in {time.perf_counter() - start:.0f} s; running the query")
    return loaded


@cli.command()
@click.argument("name_or_path", metavar="QUERY", required=False)
@click.option(
    "--list", "list_", is_flag=True, help="List the shipped queries and their parameters."
)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Set a query parameter (repeatable), e.g. --param topic=HAF. "
    "An empty value leaves an optional parameter unset.",
)
@click.option(
    "--graph",
    "-g",
    type=click.Path(path_type=Path),
    default=None,
    help="Graph file in any format graphkit build writes, or a build folder "
    "(default: build/graph.trig).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    default=None,
    type=click.Choice(["table", "csv", "tsv", "json", "markdown", *_GRAPH_FORMATS]),
    help="Output format (default: table on a terminal, csv otherwise); a CONSTRUCT or "
    "DESCRIBE may also be written as a graph: " + ", ".join(_GRAPH_FORMATS) + ".",
)
@click.option(
    "--timeout",
    type=float,
    default=_QUERY_TIMEOUT,
    show_default=True,
    help="Seconds the query may run before it is stopped (0: no limit). Ctrl-C stops it too.",
)
@click.option(
    "--engine",
    type=click.Choice(["oxigraph", "rdflib"]),
    default="oxigraph",
    show_default=True,
    help="SPARQL engine to run the query with (the same rows; oxigraph is many times faster).",
)
@click.option(
    "--width",
    type=int,
    default=60,
    show_default=True,
    help="Table format: cut longer cells to this width (0: never).",
)
@click.option("--show", is_flag=True, help="Print the query's text instead of running it.")
def query(
    name_or_path: str | None,
    list_: bool,
    params: tuple[str, ...],
    graph: Path | None,
    fmt: str | None,
    timeout: float,
    engine: str,
    width: int,
    show: bool,
) -> None:
    """Run a saved SPARQL query (a name from --list, or a path to a .rq file).

    \b
    graphkit query --list
    graphkit query topic-timeline --param topic=HAF --graph build/graph.trig
    graphkit query person-meetings --param person="Sandhu" --format csv
    graphkit query path/to/my-own.rq
    """
    from ..query import format_results, list_queries, load_query, run_query

    if list_:
        _list_queries()
        return
    if not name_or_path:
        names = ", ".join(q.name for q in list_queries())
        raise GraphkitError(f"name a query or a .rq file; available: {names} (see --list)")
    q = load_query(name_or_path)
    if show:
        click.echo(q.text, nl=not q.text.endswith("\n"))
        return
    if graph is None:
        graph = Path("build/graph.trig")
        if not graph.exists():
            raise GraphkitError(
                "no graph: build/graph.trig does not exist; run graphkit build or pass --graph PATH"
            )
    loaded = _load(graph, engine, q.text)
    try:
        results = run_query(
            q, loaded, params=_query_params(params), engine=engine, timeout=timeout or None
        )
    except KeyboardInterrupt:
        # the engine may still be running in its thread; exiting the process ends it
        click.echo("graphkit: query stopped (Ctrl-C)", err=True)
        sys.exit(130)
    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "csv"
    click.echo(format_results(results, fmt, width=width or None), nl=False)


@cli.command()
@click.argument("graph", type=GRAPH_ARG)
@click.option(
    "--endpoint",
    required=True,
    help="Graph Store Protocol URL, e.g. http://localhost:8890/sparql-graph-crud-auth "
    "(Virtuoso) or http://localhost:3030/ds/data (Fuseki).",
)
@click.option(
    "--graph",
    "graph_iri",
    default=None,
    help="Named graph for the default graph's triples (council, committees, role "
    "bounds; everything, for a .ttl or .nt file). Default: the store's default "
    "graph, which some stores (Virtuoso) do not accept.",
)
@click.option("--user", default=None, help="User name for HTTP basic or digest authentication.")
@click.option(
    "--password",
    default=None,
    envvar="GRAPHKIT_PASSWORD",
    help="Password (or set GRAPHKIT_PASSWORD; asked for when --user is given alone).",
)
@click.option(
    "--timeout",
    type=float,
    default=120.0,
    show_default=True,
    help="Seconds to wait for the store to answer each request.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
def push(
    graph: Path,
    endpoint: str,
    graph_iri: str | None,
    user: str | None,
    password: str | None,
    timeout: float,
    quiet: bool,
) -> None:
    """Send GRAPH to a triple store, replacing each document's named graph as a unit.

    Uses the SPARQL 1.1 Graph Store HTTP Protocol: one PUT per named graph.
    """
    from ..load import load_graph
    from ..push import push as run_push
    from ..push import redact

    if user is not None and password is None:
        password = click.prompt(f"password for {user}", hide_input=True, err=True)
    pushed = run_push(
        load_graph(graph),
        endpoint,
        graph=graph_iri,
        user=user,
        password=password,
        timeout=timeout,
        progress=progress(quiet),
    )
    total = sum(p.triples for p in pushed)
    click.echo(f"graphkit push: {len(pushed)} graph(s), {total} triple(s) to {redact(endpoint)}")


@cli.command()
@click.argument("graph", type=GRAPH_ARG)
@click.option("--port", type=int, default=3030, show_default=True, help="Port to listen on.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; the default answers this machine only.",
)
@click.option(
    "--timeout",
    type=float,
    default=30.0,
    show_default=True,
    help="Seconds a query may run before it is stopped.",
)
@click.option(
    "--max-rows",
    type=int,
    default=100_000,
    show_default=True,
    help="Largest result (rows, or triples for CONSTRUCT) the server sends.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Query worker processes (each holds a copy of the graph). "
    "Default: one per core, at least 4, at most 8.",
)
@click.option(
    "--per-client",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Queries one client may have running at once.",
)
@click.option(
    "--client-queue",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Further queries of one client that wait their turn; more get 429.",
)
@click.option(
    "--trust-client-header",
    metavar="NAME",
    default=None,
    help="Tell clients apart by this header (e.g. X-Forwarded-For), set by a proxy you "
    "run in front. Default: by their address.",
)
@click.option(
    "--cors",
    metavar="ORIGIN",
    default=None,
    help="Let web pages from ORIGIN (e.g. http://localhost:8080) read answers. "
    "Default: no cross-origin reads.",
)
@click.option(
    "--idle-timeout",
    type=int,
    default=60,
    show_default=True,
    help="Seconds an idle connection is kept open.",
)
@click.option(
    "--allow-federation",
    is_flag=True,
    help="Allow SERVICE clauses (the server then fetches the addresses queries name).",
)
@click.option("--quiet", "-q", is_flag=True, help="Do not log requests.")
def serve(
    graph: Path,
    port: int,
    host: str,
    timeout: float,
    max_rows: int,
    workers: int | None,
    per_client: int,
    client_queue: int,
    trust_client_header: str | None,
    cors: str | None,
    idle_timeout: int,
    allow_federation: bool,
    quiet: bool,
) -> None:
    """Answer SPARQL queries over GRAPH at http://HOST:PORT/sparql (read-only).

    SPARQL 1.1 Protocol: GET or POST, results as JSON, XML, CSV or TSV by the
    Accept header or a format= parameter. Updates are refused, and so are SERVICE
    clauses (unless --allow-federation), requests for other host names, and queries
    longer than 100,000 characters or nested deeper than 64 brackets.
    """
    from ..serve import SparqlServer

    say = progress(quiet)
    server = SparqlServer(
        graph,  # read by pyoxigraph in each worker
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows,
        workers=workers,
        log=say,
        cors=cors,
        allow_federation=allow_federation,
        idle_timeout=idle_timeout,
        per_client=per_client,
        client_queue=client_queue,
        trust_client_header=trust_client_header,
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"graphkit serve: warning: listening on {host}, not only this machine", err=True)
    click.echo(f"graphkit serve: SPARQL endpoint at {server.url} (Ctrl-C stops it)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
