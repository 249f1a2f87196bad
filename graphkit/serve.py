"""A read-only SPARQL 1.1 Protocol endpoint over a graph, for tools that speak HTTP.

Queries run in worker processes, each holding the graph in a pyoxigraph store.
A query that runs past the timeout is stopped by ending its worker (pyoxigraph
cannot interrupt a query in flight) and a fresh worker takes its place. Results
are capped at ``max_rows``; updates are refused; the server binds to 127.0.0.1
unless told otherwise.
"""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import GraphkitError

if TYPE_CHECKING:
    from rdflib import Dataset

__all__ = ["QueryFailed", "QueryPool", "SparqlServer", "negotiate"]

RESULT_TYPES = {  # SELECT and ASK
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {  # CONSTRUCT and DESCRIBE
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "xml": "application/rdf+xml",
    "json-ld": "application/ld+json",
}
ALIASES = {  # other names a client may use for the same media types
    "application/json": "json",
    "text/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "ttl": "turtle",
    "n-triples": "nt",
    "ntriples": "nt",
    "text/plain": "nt",
    "jsonld": "json-ld",
    "rdf": "xml",
    "rdfxml": "xml",
}
MAX_BODY = 1 << 20  # a query larger than 1 MiB is not a query


class QueryFailed(GraphkitError):
    """A query could not be answered; ``status`` is the HTTP status to send."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def negotiate(accept: str, fmt: str | None, kinds: dict[str, str]) -> str:
    """The format name to answer in, from a ``format`` parameter or an Accept header.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", None, RESULT_TYPES)
    'xml'
    >>> negotiate("*/*", "tsv", RESULT_TYPES), negotiate("", None, GRAPH_TYPES)
    ('tsv', 'turtle')
    """
    by_type = {v: k for k, v in kinds.items()}
    if fmt:
        name = ALIASES.get(fmt.lower(), fmt.lower())
        name = by_type.get(name, name)
        if name not in kinds:
            raise QueryFailed(400, f"format {fmt!r} is not offered; use one of {', '.join(kinds)}")
        return name
    ranked = []
    for n, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, n, media.lower()))
    for _, _, media in sorted(ranked):
        offered = by_type.get(media) or ALIASES.get(media)
        if offered in kinds:
            return offered
    return next(iter(kinds))  # */*, nothing we know, or no Accept header


# -- the worker process ------------------------------------------------------------------
def _term_json(term: Any) -> dict[str, Any]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {  # an RDF-star triple term
        "type": "triple",
        "value": {k: _term_json(getattr(term, k)) for k in ("subject", "predicate", "object")},
    }


def _answer(store: Any, request: dict[str, Any]) -> tuple[str, bytes]:
    """Run one query; return (content type, body). Raises QueryFailed."""
    import pyoxigraph as ox

    options: dict[str, Any] = {"use_default_graph_as_union": not request["default_graphs"]}
    if request["default_graphs"]:
        options["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
    if request["named_graphs"]:
        options["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    try:
        result = store.query(request["query"], **options)
    except SyntaxError as err:
        raise QueryFailed(400, f"not a SPARQL query (updates are refused): {err}") from err
    except ValueError as err:
        raise QueryFailed(400, str(err)) from err
    limit = request["max_rows"]
    if isinstance(result, ox.QueryTriples):
        name = negotiate(request["accept"], request["format"], GRAPH_TYPES)
        triples = []
        for triple in result:
            triples.append(triple)
            if len(triples) > limit:
                raise QueryFailed(400, _too_many(limit, "triples"))
        from .vocab import PREFIXES

        fmt = {
            "turtle": ox.RdfFormat.TURTLE,
            "nt": ox.RdfFormat.N_TRIPLES,
            "xml": ox.RdfFormat.RDF_XML,
            "json-ld": ox.RdfFormat.JSON_LD,
        }[name]
        prefixes = PREFIXES if name in ("turtle", "xml") else None
        return GRAPH_TYPES[name], ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
    name = negotiate(request["accept"], request["format"], RESULT_TYPES)
    if isinstance(result, ox.QueryBoolean):
        doc: dict[str, Any] = {"head": {}, "boolean": bool(result)}
    else:
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            rows.append({n: _term_json(solution[n]) for n in names if solution[n] is not None})
            if len(rows) > limit:
                raise QueryFailed(400, _too_many(limit, "rows"))
        doc = {"head": {"vars": names}, "results": {"bindings": rows}}
    body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if name != "json":  # pyoxigraph writes the other result formats from the JSON
        results_fmt = {
            "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV,
            "tsv": ox.QueryResultsFormat.TSV,
        }[name]
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = parsed.serialize(format=results_fmt) or b""
    return RESULT_TYPES[name], body


def _too_many(limit: int, what: str) -> str:
    return (
        f"the result has more than {limit} {what}, the server's limit; add a LIMIT "
        "or narrow the query (graphkit serve --max-rows raises the limit)"
    )


def _worker_main(fd: int) -> None:
    """Entry point of a worker process; ``fd`` is its end of a socket pair."""
    import socket
    from multiprocessing.connection import Connection

    _worker(Connection(socket.socket(fileno=fd).detach()))


def _worker(conn: Connection) -> None:
    """Worker process: load the graph (N-Quads bytes), then answer queries until told to stop."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(conn.recv_bytes(), format=ox.RdfFormat.N_QUADS)
    conn.send(("ready", 0, b""))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            content_type, body = _answer(store, request)
            conn.send(("ok", content_type, body))
        except QueryFailed as err:
            conn.send(("error", err.status, str(err)))
        except Exception as err:  # an engine error must not take the worker down
            conn.send(("error", 500, f"{type(err).__name__}: {err}"))


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection


class QueryPool:
    """Worker processes holding the graph; a query that overruns its time is stopped."""

    def __init__(
        self,
        nquads: bytes,
        *,
        workers: int = 2,
        timeout: float = 30.0,
        max_rows: int = 100_000,
        start_timeout: float = 120.0,
    ) -> None:
        self.nquads = nquads
        self.timeout = timeout
        self.max_rows = max_rows
        self.start_timeout = start_timeout
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.closed = False
        self.all: list[_Worker] = []
        self.lock = threading.Lock()
        for _ in range(max(1, workers)):
            self.idle.put(self._start())

    def _start(self) -> _Worker:
        # a fresh interpreter, not fork (the server has threads) nor multiprocessing's
        # spawn (it re-imports the caller's __main__, which may be a notebook or stdin)
        import graphkit

        mine, theirs = socket.socketpair()
        env = dict(os.environ)
        root = str(Path(graphkit.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        code = "import sys; from graphkit.serve import _worker_main; _worker_main(int(sys.argv[1]))"
        process = subprocess.Popen(
            [sys.executable, "-c", code, str(theirs.fileno())],
            pass_fds=(theirs.fileno(),),
            env=env,
            stdin=subprocess.DEVNULL,
        )
        theirs.close()
        conn = Connection(mine.detach())
        conn.send_bytes(self.nquads)
        if not conn.poll(self.start_timeout):
            process.kill()
            raise GraphkitError("a query worker did not load the graph in time")
        try:
            conn.recv()
        except EOFError:
            raise GraphkitError("a query worker failed to start; see the messages above") from None
        worker = _Worker(process, conn)
        with self.lock:
            self.all.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)
        if not self.closed:
            self.idle.put(self._start())

    def _stop(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.wait(5)
        worker.conn.close()
        with self.lock:
            if worker in self.all:
                self.all.remove(worker)

    def run(
        self,
        query: str,
        *,
        accept: str = "",
        fmt: str | None = None,
        default_graphs: tuple[str, ...] = (),
        named_graphs: tuple[str, ...] = (),
    ) -> tuple[str, bytes]:
        """Answer ``query``: (content type, body). Raises :class:`QueryFailed`."""
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryFailed(503, "all query workers are busy; try again shortly") from None
        request = {
            "query": query,
            "accept": accept,
            "format": fmt,
            "max_rows": self.max_rows,
            "default_graphs": list(default_graphs),
            "named_graphs": list(named_graphs),
        }
        try:
            worker.conn.send(request)
            if not worker.conn.poll(self.timeout):
                threading.Thread(target=self._replace, args=(worker,), daemon=True).start()
                raise QueryFailed(
                    503, f"the query ran past the {self.timeout:g} s timeout and was stopped"
                )
            kind, a, b = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            threading.Thread(target=self._replace, args=(worker,), daemon=True).start()
            raise QueryFailed(500, "the query worker died; try again") from None
        self.idle.put(worker)
        if kind == "error":
            raise QueryFailed(int(a), str(b))
        return str(a), bytes(b)

    def close(self) -> None:
        self.closed = True
        with self.lock:
            workers = list(self.all)
        for worker in workers:
            self._stop(worker)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    server_version = "graphkit-sparql"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib name)
        self.server.log(f"{self.address_string()} {format % args}")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _path_ok(self) -> bool:
        path = urllib.parse.urlsplit(self.path).path
        if path.rstrip("/") in ("", "/sparql", "/query"):
            return True
        self._error(404, f"no such endpoint {path}; the SPARQL endpoint is /sparql")
        return False

    def do_OPTIONS(self) -> None:  # noqa: N802 (http.server's naming)
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        if not self._path_ok():
            return
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        self._handle(params, None)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        if not self._path_ok():
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            self._error(413, f"the request body is larger than {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        if ctype == "application/x-www-form-urlencoded":
            for key, values in urllib.parse.parse_qs(body).items():
                params.setdefault(key, []).extend(values)
            self._handle(params, None)
        elif ctype == "application/sparql-query":
            self._handle(params, body)
        elif ctype == "application/sparql-update":
            self._error(403, "this endpoint is read-only: SPARQL updates are refused")
        else:
            self._error(
                415,
                "send the query as application/sparql-query or as a "
                "form (application/x-www-form-urlencoded) with query=...",
            )

    def _refuse_writes(self) -> None:
        self._error(405, "this endpoint is read-only: use GET or POST with a SPARQL query")

    do_PUT = do_DELETE = do_PATCH = _refuse_writes

    def _handle(self, params: dict[str, list[str]], query: str | None) -> None:
        if "update" in params:
            self._error(403, "this endpoint is read-only: SPARQL updates are refused")
            return
        queries = params.get("query", []) if query is None else [query]
        if len(queries) != 1:
            self._error(
                400,
                "give exactly one SPARQL query (a query= parameter or an "
                "application/sparql-query body)",
            )
            return
        fmts = params.get("format") or params.get("output") or []
        fmt = fmts[0] if fmts else None
        try:
            ctype, body = self.server.pool.run(
                queries[0],
                accept=self.headers.get("Accept", ""),
                fmt=fmt,
                default_graphs=tuple(params.get("default-graph-uri", ())),
                named_graphs=tuple(params.get("named-graph-uri", ())),
            )
        except QueryFailed as err:
            self._error(err.status, str(err))
            return
        self._send(200, ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""), body)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    pool: QueryPool
    log: Callable[[str], None]


class SparqlServer:
    """A read-only SPARQL endpoint for ``data`` at ``http://HOST:PORT/sparql``.

    Use as a context manager, or call :meth:`start` (background thread) or
    :meth:`serve_forever`, then :meth:`close`. ``port=0`` picks a free port.
    """

    def __init__(
        self,
        data: Dataset,
        *,
        host: str = "127.0.0.1",
        port: int = 3030,
        timeout: float = 30.0,
        max_rows: int = 100_000,
        workers: int = 2,
        log: Callable[[str], None] | None = None,
    ) -> None:
        from .serialise import serialise

        if timeout <= 0 or max_rows <= 0:
            raise GraphkitError("--timeout and --max-rows must be positive")
        self.pool = QueryPool(
            serialise(data, "nquads"), workers=workers, timeout=timeout, max_rows=max_rows
        )
        try:
            self.httpd = _HTTPServer((host, port), _Handler)
        except OSError as err:
            self.pool.close()
            raise GraphkitError(
                f"cannot listen on {host}:{port} ({err.strerror}); choose another --port"
            ) from err
        self.httpd.pool = self.pool
        self.httpd.log = log or (lambda _msg: None)
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        assert isinstance(host, str)  # an AF_INET(6) socket's address; typeshed allows bytes
        return f"http://{host}:{port}/sparql"

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def start(self) -> SparqlServer:
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def close(self) -> None:
        if self.thread is not None:
            self.httpd.shutdown()
            self.thread.join()
        self.httpd.server_close()
        self.pool.close()

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
