"""A read-only SPARQL 1.1 Protocol endpoint over a graph, for tools that speak HTTP.

The HTTP side is waitress (a maintained, pure-Python WSGI server: request parsing,
bad ``Content-Length``, body size, idle timeouts and the accept backlog are its job).
Queries run in worker processes, each holding the graph in a pyoxigraph store. A query
that runs past the timeout is stopped by ending its worker (pyoxigraph cannot
interrupt a query in flight) and a fresh worker takes its place; so is a worker that
crashes. So that one client cannot starve the others, each client (its address, or a
header a trusted proxy sets) has one query running at a time and a short queue; more get
429 with ``Retry-After``, and the pool has at least four workers. Before a query reaches a worker it is checked for size and nesting (deep
nesting overflows the engine's stack); in the worker, federation (``SERVICE``) is
refused unless allowed, read from the parsed query. Results are capped at
``max_rows``; updates are refused; the server binds to 127.0.0.1 unless told
otherwise, answers only requests addressed to it by its own host and port (DNS
rebinding), and sends no CORS header unless an origin is named.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .errors import GraphkitError, QueryError
from .query import MAX_QUERY_DEPTH, MAX_QUERY_LENGTH, check_size
from .serialise import FORMATS, RESULT_FORMATS

if TYPE_CHECKING:
    from rdflib import Dataset

__all__ = [
    "ClientLimit",
    "QueryFailed",
    "QueryPool",
    "SparqlServer",
    "default_workers",
    "negotiate",
]

# media types by format name, from the one registry (graphkit.serialise)
RESULT_TYPES = {name: f.media_type for name, f in RESULT_FORMATS.items()}  # SELECT, ASK
GRAPH_TYPES = {name: f.media_type for name, f in FORMATS.items()}  # CONSTRUCT, DESCRIBE
ALIASES = {  # other names a client may use for the same media types
    "application/json": "json",
    "text/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "ttl": "turtle",
    "n-triples": "nt",
    "ntriples": "nt",
    "text/plain": "nt",
    "n-quads": "nquads",
    "jsonld": "json-ld",
    "rdf": "xml",
    "rdfxml": "xml",
}
MAX_BODY = 1 << 20  # a query larger than 1 MiB is not a query
IDLE_TIMEOUT = 60  # seconds an idle connection is kept open
BACKLOG = 1024  # pending connections the kernel queues (http.server's 5 made clients wait)
CONNECTION_LIMIT = 100  # open connections at once; more wait in the backlog
PER_CLIENT = 1  # queries one client may have running at once
CLIENT_QUEUE = 1  # more queries of one client that may wait for those; beyond: 429
RETRY_AFTER = 1  # seconds a refused client is asked to wait


def default_workers() -> int:
    """Query workers when none are asked for: one per core, at least 4 (so a few slow
    queries leave workers free) and at most 8 (each holds a copy of the graph)."""
    return max(4, min(os.cpu_count() or 1, 8))


class QueryFailed(GraphkitError):
    """A query could not be answered; ``status`` is the HTTP status to send."""

    def __init__(
        self, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()
    ) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers


class ClientLimit:
    """At most ``running`` queries of one client at once, and ``queued`` more waiting
    their turn; a query beyond those is refused with 429 (``Retry-After``), so one client's
    slow queries hold at most ``running`` workers and the others are answered."""

    def __init__(self, running: int = PER_CLIENT, queued: int = CLIENT_QUEUE) -> None:
        if running < 1 or queued < 0:
            raise GraphkitError("--per-client must be at least 1 and --client-queue at least 0")
        self.max_running = running
        self.max_queued = queued
        self.cond = threading.Condition()
        self.admitted: dict[str, int] = {}  # running or waiting, by client
        self.running: dict[str, int] = {}

    @staticmethod
    def _drop(counts: dict[str, int], client: str) -> None:
        counts[client] -= 1
        if not counts[client]:
            del counts[client]  # no entry per client ever seen: the maps stay small

    @contextmanager
    def slot(self, client: str, wait: float) -> Iterator[None]:
        """Hold one of ``client``'s running places for the block; wait up to ``wait``
        seconds for one. Raises :class:`QueryFailed` (429 over the queue, 503 on waiting)."""
        with self.cond:
            if self.admitted.get(client, 0) >= self.max_running + self.max_queued:
                raise QueryFailed(
                    429,
                    f"too many queries from one client at once (the server runs "
                    f"{self.max_running} and queues {self.max_queued}); try again when "
                    "the earlier ones are answered",
                    (("Retry-After", str(RETRY_AFTER)),),
                )
            self.admitted[client] = self.admitted.get(client, 0) + 1
            if not self.cond.wait_for(
                lambda: self.running.get(client, 0) < self.max_running, timeout=wait
            ):
                self._drop(self.admitted, client)
                raise QueryFailed(
                    503,
                    "this client's earlier queries are still running; try again shortly",
                    (("Retry-After", str(RETRY_AFTER)),),
                )
            self.running[client] = self.running.get(client, 0) + 1
        try:
            yield
        finally:
            with self.cond:
                self._drop(self.running, client)
                self._drop(self.admitted, client)
                self.cond.notify_all()


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
def _answer(store: Any, request: dict[str, Any]) -> tuple[str, bytes]:
    """Run one query; return (content type, body). Raises QueryFailed."""
    from .query import deep_call, uses_service

    text = request["query"]
    if not request["allow_federation"] and uses_service(text):
        raise QueryFailed(
            400,
            "SERVICE (federated query) is refused: it would make this server fetch other "
            "addresses; start graphkit serve with --allow-federation to allow it",
        )
    options = _dataset_options(request)

    def run() -> tuple[str, bytes]:
        try:
            result = store.query(text, **options)
        except SyntaxError as err:
            raise QueryFailed(400, f"not a SPARQL query (updates are refused): {err}") from err
        except ValueError as err:
            raise QueryFailed(400, str(err)) from err
        return _written(result, request)

    return deep_call(run)  # a deep stack: the engine recurses per level of nesting


def _dataset_options(request: dict[str, Any]) -> dict[str, Any]:
    """The query's dataset (SPARQL protocol default-graph-uri / named-graph-uri)."""
    import pyoxigraph as ox

    # the store's own default graph is already the union of all graphs (a UnionStore)
    options: dict[str, Any] = {"use_default_graph_as_union": False}
    if request["default_graphs"]:
        options["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
    if request["named_graphs"]:
        options["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    return options


def _written(result: Any, request: dict[str, Any]) -> tuple[str, bytes]:
    """A query's result in the negotiated format, within the request's row limit."""
    import pyoxigraph as ox

    from .serialise import write_results, write_triples

    limit = request["max_rows"]
    if isinstance(result, ox.QueryTriples):
        name = negotiate(request["accept"], request["format"], GRAPH_TYPES)
        triples = []
        for triple in result:
            triples.append(triple)
            if len(triples) > limit:
                raise QueryFailed(400, _too_many(limit, "triples"))
        return GRAPH_TYPES[name], write_triples(triples, name)
    name = negotiate(request["accept"], request["format"], RESULT_TYPES)
    if isinstance(result, ox.QueryBoolean):
        return RESULT_TYPES[name], write_results(result, name)
    return RESULT_TYPES[name], write_results(_table(result, limit), name)


def _table(result: Any, limit: int) -> Any:
    """Solutions as an rdflib result table; rows are gathered (up to the limit) before
    writing, so the limit holds."""
    from rdflib import Variable
    from rdflib.query import Result
    from rdflib.term import Identifier

    from .query import _from_ox

    names = [Variable(v.value) for v in result.variables]
    rows: list[Mapping[Variable, Identifier]] = []
    for solution in result:
        rows.append(
            {
                v: cast(Identifier, _from_ox(solution[str(v)]))
                for v in names
                if solution[str(v)] is not None
            }
        )
        if len(rows) > limit:
            raise QueryFailed(400, _too_many(limit, "rows"))
    table = Result("SELECT")
    table.vars, table.bindings = names, rows
    return table


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
    """Worker process: load the graph (its media type, a newline, then the file's bytes),
    then answer queries until told to stop."""
    from .load import UnionStore

    media_type, _, data = conn.recv_bytes().partition(b"\n")
    try:  # the default graph: the union, each triple once
        # every graph at once: a named-graph query must not wait for a load
        store = UnionStore.read(data, media_type.decode(), lazy=False)
    except (SyntaxError, ValueError, OSError) as err:
        conn.send(("failed", 0, str(err).encode()))
        return
    del data
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
        graph: bytes,
        *,
        media_type: str = "application/n-quads",
        workers: int | None = None,
        timeout: float = 30.0,
        max_rows: int = 100_000,
        start_timeout: float = 120.0,
        allow_federation: bool = False,
        source: str = "the graph",
    ) -> None:
        self.source = source  # what error messages call the graph
        # what each worker is sent: held here so that a worker started later (after a
        # stopped query) loads the same graph even if the file has changed since
        self.payload = media_type.encode() + b"\n" + graph
        self.allow_federation = allow_federation
        self.timeout = timeout
        self.max_rows = max_rows
        self.start_timeout = start_timeout
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.closed = False
        self.all: list[_Worker] = []
        self.lock = threading.Lock()
        for _ in range(max(1, default_workers() if workers is None else workers)):
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
        conn.send_bytes(self.payload)
        if not conn.poll(self.start_timeout):
            process.kill()
            raise GraphkitError("a query worker did not load the graph in time")
        try:
            status, _, detail = conn.recv()
        except EOFError:
            raise GraphkitError("a query worker failed to start; see the messages above") from None
        if status == "failed":
            process.wait()
            raise GraphkitError(
                f"{self.source}: not a graph pyoxigraph can read ({detail.decode()})"
            )
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
            "allow_federation": self.allow_federation,
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


_REASONS = {
    200: "OK",
    204: "No Content",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    421: "Misdirected Request",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}
_Start = Callable[[str, list[tuple[str, str]]], Any]


def allowed_hosts(host: str, port: int) -> frozenset[str] | None:
    """The ``Host`` header values this server answers to; None when bound to every
    address (then only the port is checked).

    >>> sorted(allowed_hosts("127.0.0.1", 3030))
    ['127.0.0.1:3030', 'localhost:3030']
    >>> sorted(allowed_hosts("::1", 80))
    ['[::1]', '[::1]:80', 'localhost', 'localhost:80']
    >>> allowed_hosts("0.0.0.0", 3030) is None
    True
    """
    if host in ("0.0.0.0", "::", ""):
        return None
    names = {f"[{host}]" if ":" in host else host}
    if host in ("127.0.0.1", "::1", "localhost"):
        names.add("localhost")
    hosts = {f"{n}:{port}" for n in names}
    if port == 80:  # a client may leave out the default port
        hosts |= names
    return frozenset(h.lower() for h in hosts)


class _App:
    """The WSGI application: checks the request, hands the query to the pool."""

    def __init__(
        self,
        pool: QueryPool,
        *,
        cors: str | None,
        log: Callable[[str], None],
        max_length: int,
        max_depth: int,
        limit: ClientLimit | None = None,
        client_header: str | None = None,
    ) -> None:
        self.pool = pool
        self.limit = limit or ClientLimit()
        # the WSGI name of a header a trusted proxy sets to tell clients apart
        self.client_key = (
            None if client_header is None else "HTTP_" + client_header.upper().replace("-", "_")
        )
        self.cors = cors
        self.log = log
        self.max_length = max_length
        self.max_depth = max_depth
        self.hosts: frozenset[str] | None = None  # set once the port is known
        self.port = 0

    def __call__(self, environ: dict[str, Any], start: _Start) -> Iterable[bytes]:
        status, headers, body = self._respond(environ)
        method = environ.get("REQUEST_METHOD", "")
        self.log(
            f"{environ.get('REMOTE_ADDR', '-')} {method} {environ.get('PATH_INFO', '')} {status}"
        )
        if self.cors:
            headers += [("Access-Control-Allow-Origin", self.cors), ("Vary", "Origin")]
        headers += [("Content-Length", str(len(body))), ("Cache-Control", "no-store")]
        start(f"{status} {_REASONS.get(status, '')}", headers)
        return [b"" if method == "HEAD" else body]

    def _respond(self, environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
        try:
            self._check_host(environ.get("HTTP_HOST", ""))
            self._check_path(environ.get("PATH_INFO", ""))
            method = environ.get("REQUEST_METHOD", "")
            if method == "OPTIONS":
                return self._options()
            if method in ("GET", "HEAD"):
                params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
                return self._handle(environ, params, None)
            if method == "POST":
                return self._post(environ)
            raise QueryFailed(
                405, "this endpoint is read-only: use GET or POST with a SPARQL query"
            )
        except QueryFailed as err:
            text = (str(err) + "\n").encode("utf-8")
            headers = [("Content-Type", "text/plain; charset=utf-8"), *err.headers]
            return err.status, headers, text

    def _check_host(self, host: str) -> None:
        host = host.strip().lower()
        if self.hosts is None:  # bound to every address: the port must still match
            ok = bool(host) and host.rsplit(":", 1)[-1] == str(self.port)
        else:
            ok = host in self.hosts
        if not ok:
            # another name for this machine (DNS rebinding) or a request for another site
            raise QueryFailed(421, f"this server does not answer for host {host!r}")

    def _check_path(self, path: str) -> None:
        if path.rstrip("/") not in ("", "/sparql", "/query"):
            raise QueryFailed(404, f"no such endpoint {path}; the SPARQL endpoint is /sparql")

    def _options(self) -> tuple[int, list[tuple[str, str]], bytes]:
        headers = [("Allow", "GET, HEAD, POST, OPTIONS")]
        if self.cors:
            headers += [
                ("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS"),
                ("Access-Control-Allow-Headers", "Content-Type, Accept"),
            ]
        return 204, headers, b""

    def _post(self, environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
        # waitress has checked Content-Length (400 if bad) and the size (413)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length).decode("utf-8", "replace")
        ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        if ctype == "application/x-www-form-urlencoded":
            for key, values in urllib.parse.parse_qs(body).items():
                params.setdefault(key, []).extend(values)
            return self._handle(environ, params, None)
        if ctype == "application/sparql-query":
            return self._handle(environ, params, body)
        if ctype == "application/sparql-update":
            raise QueryFailed(403, "this endpoint is read-only: SPARQL updates are refused")
        raise QueryFailed(
            415,
            "send the query as application/sparql-query or as a "
            "form (application/x-www-form-urlencoded) with query=...",
        )

    def _handle(
        self, environ: dict[str, Any], params: dict[str, list[str]], query: str | None
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        if "update" in params:
            raise QueryFailed(403, "this endpoint is read-only: SPARQL updates are refused")
        queries = params.get("query", []) if query is None else [query]
        if len(queries) != 1:
            raise QueryFailed(
                400,
                "give exactly one SPARQL query (a query= parameter or an "
                "application/sparql-query body)",
            )
        try:  # before any parser sees it: deep nesting crashes parsers
            check_size(queries[0], max_length=self.max_length, max_depth=self.max_depth)
        except QueryError as err:
            raise QueryFailed(400, f"query refused: {err}") from None
        fmts = params.get("format") or params.get("output") or []
        # a client's queries past its running place wait (up to one query's time) here,
        # not in the pool, so they hold no worker another client could use
        with self.limit.slot(self._client(environ), wait=self.pool.timeout + 5):
            ctype, body = self.pool.run(
                queries[0],
                accept=environ.get("HTTP_ACCEPT", ""),
                fmt=fmts[0] if fmts else None,
                default_graphs=tuple(params.get("default-graph-uri", ())),
                named_graphs=tuple(params.get("named-graph-uri", ())),
            )
        charset = "; charset=utf-8" if ctype.startswith("text/") else ""
        return 200, [("Content-Type", ctype + charset)], body

    def _client(self, environ: dict[str, Any]) -> str:
        """Who sent the request: the trusted header's value when set, else the address."""
        if self.client_key is not None:
            value = str(environ.get(self.client_key, "")).strip()
            if value:
                return "header:" + value[:256]
        return "addr:" + str(environ.get("REMOTE_ADDR", "-"))


def _graph_bytes(data: Dataset | str | Path) -> tuple[bytes, str, str]:
    """What the workers load: the bytes, their media type, and the graph's name for
    messages. A file goes as it is, parsed by pyoxigraph in each worker (no rdflib on
    the way); a Dataset as N-Quads."""
    from .load import graph_file
    from .serialise import serialise

    if isinstance(data, (str, Path)):
        path, fmt = graph_file(data)
        return path.read_bytes(), fmt.media_type, str(path)
    return serialise(data, "nquads"), "application/n-quads", "the graph"


class SparqlServer:
    """A read-only SPARQL endpoint for ``data`` at ``http://HOST:PORT/sparql``.

    ``data`` is a Dataset, or a graph file in any format the build writes or a build
    folder (see :func:`graphkit.load.graph_file`): a file is read by pyoxigraph in each
    worker, with no rdflib on the way, which a big graph needs.

    Use as a context manager, or call :meth:`start` (background thread) or
    :meth:`serve_forever`, then :meth:`close`. ``port=0`` picks a free port.
    """

    def __init__(
        self,
        data: Dataset | str | Path,
        *,
        host: str = "127.0.0.1",
        port: int = 3030,
        timeout: float = 30.0,
        max_rows: int = 100_000,
        workers: int | None = None,
        log: Callable[[str], None] | None = None,
        cors: str | None = None,
        allow_federation: bool = False,
        max_length: int = MAX_QUERY_LENGTH,
        max_depth: int = MAX_QUERY_DEPTH,
        idle_timeout: int = IDLE_TIMEOUT,
        per_client: int = PER_CLIENT,
        client_queue: int = CLIENT_QUEUE,
        trust_client_header: str | None = None,
    ) -> None:
        _check_options(timeout, max_rows, max_length, max_depth, cors, trust_client_header)
        limit = ClientLimit(per_client, client_queue)
        workers = default_workers() if workers is None else workers
        graph, media_type, source = _graph_bytes(data)
        self.pool = QueryPool(
            graph,
            media_type=media_type,
            source=source,
            workers=workers,
            timeout=timeout,
            max_rows=max_rows,
            allow_federation=allow_federation,
        )
        self.app = _App(
            self.pool,
            cors=cors,
            log=log or (lambda _msg: None),
            max_length=max_length,
            max_depth=max_depth,
            limit=limit,
            client_header=trust_client_header,
        )
        try:
            self.server: Any = _listen(
                self.app, host, port, workers, idle_timeout, trust_client_header
            )
        except GraphkitError:
            self.pool.close()
            raise
        self.host = str(self.server.effective_host)
        self.port = int(self.server.effective_port)
        self.app.port = self.port
        self.app.hosts = allowed_hosts(self.host, self.port)
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/sparql"

    def serve_forever(self) -> None:
        self.server.run()

    def start(self) -> SparqlServer:
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        return self

    def close(self) -> None:
        # waitress's loop runs while it has sockets: close the listener and every
        # connection, then stop its threads
        for channel in list(self.server._map.values()):
            channel.close()
        self.server.task_dispatcher.shutdown(timeout=5)
        if self.thread is not None:
            self.thread.join(10)
        self.pool.close()

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_options(
    timeout: float,
    max_rows: int,
    max_length: int,
    max_depth: int,
    cors: str | None,
    client_header: str | None,
) -> None:
    """Refuse options that would make the server unsafe or unusable, naming the option."""
    import re

    if timeout <= 0 or max_rows <= 0 or max_length <= 0 or max_depth <= 0:
        raise GraphkitError("--timeout, --max-rows and the query limits must be positive")
    if cors is not None and (cors == "*" or "\n" in cors or "\r" in cors):
        raise GraphkitError(f"--cors takes one origin such as http://localhost:8080, not {cors!r}")
    if client_header is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*", client_header):
        raise GraphkitError(
            "--trust-client-header takes a header name such as X-Forwarded-For, "
            f"not {client_header!r}"
        )


def _listen(
    app: Any, host: str, port: int, workers: int, idle_timeout: int, client_header: str | None
) -> Any:
    """A waitress server for ``app`` on ``host:port``; a clear error when it cannot listen."""
    from waitress.server import create_server

    try:
        return create_server(
            app,
            host=host,
            port=port,
            # more HTTP threads than workers: a request waiting for a worker (or a
            # slow client) must not keep others from being read and answered
            threads=max(4, 2 * workers + 2),
            backlog=BACKLOG,
            connection_limit=CONNECTION_LIMIT,
            channel_timeout=idle_timeout,
            max_request_body_size=MAX_BODY,
            ident="graphkit-sparql",
            expose_tracebacks=False,
            # waitress drops X-Forwarded-* and Forwarded from untrusted peers; keep
            # them when the user names one as set by their proxy
            clear_untrusted_proxy_headers=client_header is None,
        )
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise GraphkitError(
            f"cannot listen on {host}:{port} ({reason}); choose another --port"
        ) from err
