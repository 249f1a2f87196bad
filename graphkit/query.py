"""The SPARQL query library: find, describe and run the saved queries in ``queries/*.rq``.

A query file starts with a comment header (format in ``docs/queries.md``)::

    # title: Topic timeline
    # description: Every meeting and agenda item that discussed a programme or topic.
    # param: topic = HAF — programme or topic, matched against its labels

Queries run over the union of all graphs (the default graph plus every document's
named graph), in rdflib or in pyoxigraph, with the same rows. Parameters are bound as
RDF terms through the engine (rdflib ``initBindings``; pyoxigraph ``substitutions`` or
a ``VALUES`` block of serialised terms), never pasted into the query text.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Node

from .errors import QueryError
from .sparqltext import fold_filters, lateral_optionals, with_values
from .vocab import XSD

if TYPE_CHECKING:
    from .load import UnionStore

__all__ = [
    "ENGINES",
    "FORMATS",
    "PARAM_KINDS",
    "Param",
    "Query",
    "Results",
    "DEFAULT_TIMEOUT",
    "MAX_QUERY_DEPTH",
    "MAX_QUERY_LENGTH",
    "bind_params",
    "check_size",
    "deep_call",
    "fold_filters",
    "format_results",
    "list_queries",
    "load_query",
    "oxigraph_store",
    "parse_query",
    "queries_dir",
    "run_query",
    "uses_service",
    "with_values",
]

ENGINES = ("rdflib", "oxigraph")
# text formats for every query; a CONSTRUCT or DESCRIBE may also ask for any graph format
# of graphkit.serialise.FORMATS (turtle, trig, ...)
FORMATS = ("table", "csv", "tsv", "json", "markdown")
# Checked before any parser sees the query: both engines recurse per level of nesting, and
# 50,000 nested parentheses overflow pyoxigraph's stack (a segfault, not an error).
MAX_QUERY_LENGTH = 100_000  # characters
MAX_QUERY_DEPTH = 64  # nested (), {} and []
DEFAULT_TIMEOUT = 30.0  # seconds
PARAM_KINDS = ("text", "date", "integer", "iri")

T = TypeVar("T")
_STACK_LOCK = threading.Lock()  # threading.stack_size is process-wide

_HEADER = re.compile(r"^#\s*(title|description|param|hint)\s*:\s*(.*?)\s*$")
# what a query may ask of the engine, in "# hint:" lines (docs/queries.md): "lateral", its
# OPTIONALs matched once per row they extend (sparqltext.lateral_optionals)
HINTS = ("lateral",)
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<kind>\w+)\))?\s*"
    r"(?P<eq>=\s*(?P<default>.*?))?\s*(?:—|--)\s*(?P<doc>.+)$"
)


@dataclass(frozen=True)
class Param:
    """A query parameter: ``default`` None means required, "" means optional (unbound)."""

    name: str
    kind: str
    default: str | None
    description: str

    @property
    def required(self) -> bool:
        return self.default is None

    def usage(self) -> str:
        """One line for listings.

        >>> Param("topic", "text", "HAF", "a programme").usage()
        'topic = HAF — a programme'
        >>> Param("asof", "date", "", "a day").usage()
        'asof (date, optional) — a day'
        """
        kind = "" if self.kind == "text" else self.kind
        flag = "required" if self.required else ("optional" if self.default == "" else "")
        extra = ", ".join(x for x in (kind, flag) if x)
        shown = f" = {self.default}" if self.default else ""
        return f"{self.name}{f' ({extra})' if extra else ''}{shown} — {self.description}"


@dataclass(frozen=True)
class Query:
    """A saved query: its name (file stem), header and text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None
    hints: tuple[str, ...] = ()


@dataclass(frozen=True)
class Results:
    """Rows of rdflib terms (None where a variable is unbound); ``boolean`` for ASK."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...]
    boolean: bool | None = None
    triples: bool = False  # a CONSTRUCT or DESCRIBE: rows are (subject, predicate, object)


# -- finding and reading queries ------------------------------------------------------------
def queries_dir() -> Path:
    """The shipped query folder: the checkout's ``queries/``, or the installed copy.

    A wheel carries the queries as ``graphkit/queries/*.rq`` (copied at build time by
    ``setup.py``); a source checkout or editable install reads the top-level folder.
    """
    package = Path(__file__).resolve().parent
    checkout = package.parent / "queries"
    if (package.parent / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    installed = package / "queries"
    if installed.is_dir():
        return installed
    raise QueryError(
        f"the query library is missing (looked in {checkout} and {installed}); "
        "reinstall graphkit or run from a source checkout"
    )


def parse_query(text: str, *, name: str, path: Path | None = None) -> Query:
    """Read the comment header of a query.

    >>> q = parse_query("# title: T\\n# param: who — a person\\nSELECT * {}", name="x")
    >>> q.title, [p.name for p in q.params], q.params[0].required
    ('T', ['who'], True)
    """
    fields: dict[str, str] = {}
    params: list[Param] = []
    hints: list[str] = []
    where = path or name
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break  # the header ends at the first line of SPARQL
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m.groups()
        if key == "hint":
            for hint in value.replace(",", " ").split():
                if hint not in HINTS:
                    raise QueryError(
                        f"{where}:{n}: unknown hint {hint!r}; use one of {', '.join(HINTS)}"
                    )
                hints.append(hint)
            continue
        if key != "param":
            fields.setdefault(key, value)
            continue
        pm = _PARAM.match(value)
        if not pm:
            raise QueryError(
                f"{where}:{n}: bad param line {value!r}; write "
                "'# param: name = default — meaning' (or 'name — meaning' for a required one)"
            )
        kind = pm["kind"] or "text"
        if kind not in PARAM_KINDS:
            raise QueryError(
                f"{where}:{n}: unknown parameter kind {kind!r}; use one of {', '.join(PARAM_KINDS)}"
            )
        default = None if pm["eq"] is None else pm["default"].strip()
        if default:
            _term(kind, default, pm["name"])  # a bad default is the query author's mistake
        params.append(Param(pm["name"], kind, default, pm["doc"].strip()))
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"{where}: a parameter is declared twice ({', '.join(names)})")
    return Query(
        name=name,
        title=fields.get("title", ""),
        description=fields.get("description", ""),
        params=tuple(params),
        text=text,
        path=path,
        hints=tuple(dict.fromkeys(hints)),
    )


def list_queries() -> list[Query]:
    """Every shipped query, sorted by name."""
    return [_read(p) for p in sorted(queries_dir().glob("*.rq"))]


def load_query(name_or_path: str | Path) -> Query:
    """A shipped query by name (``topic-timeline``) or a ``.rq`` file by path."""
    candidate = Path(name_or_path)
    shipped = {p.stem: p for p in queries_dir().glob("*.rq")}
    if str(name_or_path) in shipped:  # a bare name is a shipped query, even if a file has it
        return _read(shipped[str(name_or_path)])
    if candidate.suffix == ".rq" or candidate.is_file():
        if not candidate.is_file():
            raise QueryError(f"{candidate}: no such query file")
        return _read(candidate)
    import difflib

    close = difflib.get_close_matches(str(name_or_path), shipped, n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise QueryError(
        f"unknown query {str(name_or_path)!r}{hint}; available: {', '.join(sorted(shipped))}; "
        "or give the path of a .rq file"
    )


def _read(path: Path) -> Query:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"{path}: cannot read query ({err})") from err
    return parse_query(text, name=path.stem, path=path)


# -- parameters -------------------------------------------------------------------------------
def _term(kind: str, value: str, name: str) -> Node:
    """A parameter value as an RDF term of its declared kind.

    >>> _term("date", "2022-01-31", "asof")
    rdflib.term.Literal('2022-01-31', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
    >>> _term("text", 'x" } DROP', "topic")
    rdflib.term.Literal('x" } DROP')
    """
    if kind == "date":
        import datetime as dt

        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"parameter {name} must be a date YYYY-MM-DD, got {value!r}") from None
        return Literal(day.isoformat(), datatype=XSD.date)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise QueryError(f"parameter {name} must be a whole number, got {value!r}")
        return Literal(int(value))
    if kind == "iri":
        if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+", value):
            raise QueryError(f"parameter {name} must be an absolute IRI, got {value!r}")
        return URIRef(value)
    return Literal(value)


def bind_params(query: Query, params: Mapping[str, str] | None = None) -> dict[str, Node]:
    """Check ``params`` against the query's header; fill defaults; make RDF terms.

    An empty value leaves an optional parameter unbound (it then matches everything).
    """
    params = dict(params or {})
    unknown = sorted(set(params) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise QueryError(
            f"query {query.name!r} has no parameter {', '.join(unknown)}; its parameters: {known}"
        )
    bound: dict[str, Node] = {}
    for p in query.params:
        value = params.get(p.name, p.default)
        if value is None or (value == "" and p.required):
            raise QueryError(
                f"query {query.name!r} needs --param {p.name}=VALUE; "
                f"its parameters: {'; '.join(q.usage() for q in query.params)}"
            )
        if value != "":
            bound[p.name] = _term(p.kind, value, p.name)
    return bound


# -- limits ------------------------------------------------------------------------------------
def check_size(
    text: str, *, max_length: int = MAX_QUERY_LENGTH, max_depth: int = MAX_QUERY_DEPTH
) -> None:
    """Refuse a query longer or more deeply nested than the limits, before parsing it.

    Every bracket counts, even inside a string: over-counting can only refuse a query
    that is absurd anyway, and it needs no tokeniser.

    >>> check_size("SELECT * { ?s ?p ?o FILTER((1)) }")
    >>> check_size("ASK {" + "(" * 100 + "1" + ")" * 100 + "}")
    Traceback (most recent call last):
    ...
    graphkit.errors.QueryError: the query nests brackets 101 deep; the limit is 64
    """
    if len(text) > max_length:
        raise QueryError(f"the query is {len(text):,} characters long; the limit is {max_length:,}")
    depth = deepest = 0
    for ch in text:
        if ch in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")}]" and depth:
            depth -= 1
    if deepest > max_depth:
        raise QueryError(f"the query nests brackets {deepest} deep; the limit is {max_depth}")


_STACK = 256 << 20  # bytes: the parser recurses about 40 Python calls per bracket


def deep_call(fn: Callable[[], T], *, timeout: float | None = None) -> T:
    """Run ``fn`` in a thread with a deep stack; give up after ``timeout`` seconds.

    rdflib's parser needs ~40 frames per level of nesting, more than the default recursion
    limit allows at depth 25. The caller's thread keeps waiting in short steps, so Ctrl-C
    (KeyboardInterrupt) reaches it even while the engine runs; pyoxigraph releases the
    GIL while it works. A query given up on is left to finish in its daemon thread: a
    process that must reclaim it ends (the CLI exits; serve's worker is killed).

    >>> deep_call(lambda: 1 + 1)
    2
    """
    import sys
    import threading
    import time

    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as err:  # handed to the waiting thread
            box["error"] = err

    # raise, never lower: another thread may rely on the current limit
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 40 * MAX_QUERY_DEPTH * 4 + 1000))
    with _STACK_LOCK:
        old = threading.stack_size(_STACK)
        try:
            thread = threading.Thread(target=target, name="graphkit-query", daemon=True)
            thread.start()
        finally:
            threading.stack_size(old)
    deadline = None if timeout is None else time.monotonic() + timeout
    while thread.is_alive():
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            raise QueryError(f"the query ran past the {timeout:g} s timeout and was stopped")
        thread.join(0.1 if left is None else min(0.1, left))
    if "error" in box:
        raise box["error"]
    return cast(T, box["value"])


def _algebra(text: str) -> Any:
    """rdflib's algebra of ``text`` (call inside :func:`deep_call`)."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    return translateQuery(parseQuery(text))


def uses_service(text: str) -> bool:
    """Whether the query federates (``SERVICE``), read from the parsed algebra, so a
    ``SERVICE`` in a string, comment or IRI is not mistaken for one. A query rdflib
    cannot parse counts as federating if the word appears at all (the safe side).

    >>> uses_service('SELECT * { ?s ?p "SERVICE <http://x/>" }')
    False
    >>> uses_service("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    True
    """
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        algebra = deep_call(lambda: _algebra(text))
    except QueryError:
        raise
    except Exception:  # noqa: BLE001 (rdflib's parser raises many types)
        return "service" in text.lower()
    stack: list[Any] = [algebra.algebra]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return False


# -- running ------------------------------------------------------------------------------------
def run_query(
    query: Query | str | Path,
    graph: Dataset | str | Path | Any,
    *,
    params: Mapping[str, str] | None = None,
    engine: str = "rdflib",
    timeout: float | None = None,
    max_length: int = MAX_QUERY_LENGTH,
    max_depth: int = MAX_QUERY_DEPTH,
) -> Results:
    """Run a query (a :class:`Query`, a shipped name or a ``.rq`` path) over ``graph``.

    A query longer or deeper than ``max_length``/``max_depth`` is refused before it is
    parsed; one that runs past ``timeout`` seconds (None: no limit) raises QueryError.

    ``graph`` is a Dataset, any file ``graphkit build`` writes, or (for
    ``engine="oxigraph"``) a store to reuse across queries: a
    :class:`graphkit.load.UnionStore` from :func:`oxigraph_store` or
    :func:`graphkit.load.load_store` (fast), or any ``pyoxigraph.Store``. The query sees
    the union of the default graph and every named graph. A UnionStore from
    :func:`~graphkit.load.load_store` loads the documents' graphs the first time a
    query names graphs (``GRAPH``, ``FROM``), within that query's ``timeout``: ask for
    ``store.store`` first to load them outside it.
    """
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    q = query if isinstance(query, Query) else load_query(query)
    try:
        check_size(q.text, max_length=max_length, max_depth=max_depth)
    except QueryError as err:
        raise QueryError(f"{q.path or q.name}: {err}") from None
    bindings = bind_params(q, params)
    if isinstance(graph, (str, Path)):
        from .load import load_for

        graph = load_for(graph, engine)
    if engine == "oxigraph":
        store = oxigraph_store(graph) if isinstance(graph, Dataset) else graph
        return deep_call(lambda: _run_oxigraph(q, store, bindings), timeout=timeout)
    if not isinstance(graph, Dataset):
        raise QueryError("the rdflib engine needs an rdflib Dataset or a graph file")
    ds = graph
    return deep_call(lambda: _run_rdflib(q, ds, bindings), timeout=timeout)


def _syntax_error(q: Query, err: Exception) -> QueryError:
    where = q.path or q.name
    detail = " ".join(str(err).split())
    return QueryError(f"{where}: SPARQL syntax error: {detail}")


@functools.lru_cache(maxsize=64)
def _prepared(text: str) -> Any:
    """rdflib's parse of a query, kept: parsing costs more than running a small query."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def _run_rdflib(q: Query, ds: Dataset, bindings: Mapping[str, Node]) -> Results:
    try:
        prepared = _prepared(q.text)
    except Exception as err:  # pyparsing raises its own types
        raise _syntax_error(q, err) from err
    union = ds.default_union
    ds.default_union = True
    try:
        try:
            init: dict[str, Any] = dict(bindings)
            res = ds.query(prepared, initBindings=init)
        except Exception as err:  # rdflib's evaluator raises many types
            raise QueryError(
                f"{q.path or q.name}: rdflib could not run the query ({type(err).__name__}: {err})"
            ) from err
        if res.type == "ASK":
            return Results((), (), bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            triples: list[Any] = sorted(tuple(t) for t in res.graph or ())
            return Results(("subject", "predicate", "object"), tuple(triples), triples=True)
        names = tuple(str(v) for v in res.vars or ())
        rows: list[Any] = []
        for row in res:
            assert isinstance(row, ResultRow)  # a SELECT result yields rows
            rows.append(tuple(row))
        return Results(names, tuple(rows))
    finally:
        ds.default_union = union


def _to_ox(term: Node) -> Any:
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot hand {term!r} to pyoxigraph")


def _from_ox(term: Any) -> Node | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


def oxigraph_store(ds: Dataset) -> UnionStore:
    """The Dataset copied into a pyoxigraph store, graph for graph, ready for queries
    on the union of its graphs (see :class:`graphkit.load.UnionStore`)."""
    import pyoxigraph as ox

    from .load import UnionStore

    store = ox.Store()
    default = ds.default_graph.identifier
    graphs = ds.graphs() if hasattr(ds, "graphs") else ds.contexts()  # rdflib < 7.1
    quads: list[Any] = []
    for g in graphs:
        name = ox.DefaultGraph() if g.identifier == default else _to_ox(g.identifier)
        quads.extend(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), name) for s, p, o in g)
    store.extend(quads)
    return UnionStore.of(store)


def _run_oxigraph(q: Query, store: Any, bindings: Mapping[str, Node]) -> Results:
    import pyoxigraph as ox

    from .load import UnionStore

    # a query that asks for it has its OPTIONALs matched row by row (see HINTS)
    text = lateral_optionals(q.text) if "lateral" in q.hints else q.text
    substitutions = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
    # a UnionStore's default graph is the union, each triple once; a plain Store is asked
    # in pyoxigraph's union mode (right, but slow on big graphs: see UnionStore)
    union = not isinstance(store, UnionStore)
    try:
        try:
            res = store.query(text, use_default_graph_as_union=union, substitutions=substitutions)
        except RuntimeError:
            # pyoxigraph substitutes only projected variables (SEP-0007); otherwise the
            # terms go in a VALUES block at the start of the WHERE group, and in place of
            # their variables in the group's own FILTERs (fold_filters: far quicker)
            if not bindings:
                raise
            terms = {k: str(_to_ox(v)) for k, v in bindings.items()}
            text = fold_filters(with_values(text, terms), terms)
            res = store.query(text, use_default_graph_as_union=union)
    except SyntaxError as err:
        raise _syntax_error(q, err) from err
    except (RuntimeError, OSError) as err:
        raise QueryError(f"{q.path or q.name}: pyoxigraph could not run the query ({err})") from err
    if isinstance(res, ox.QueryBoolean):
        return Results((), (), bool(res))
    if isinstance(res, ox.QueryTriples):
        triples: list[Any] = sorted(
            (_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)) for t in res
        )
        return Results(("subject", "predicate", "object"), tuple(triples), triples=True)
    names = tuple(v.value for v in res.variables)
    # rows repeat their terms (a committee, a date, a status), and an rdflib term takes
    # microseconds to make: each is made once (a 138,000-row answer: seconds quicker)
    made: dict[Any, Node | None] = {}

    def convert(term: Any) -> Node | None:
        try:
            return made[term]
        except KeyError:
            node = made[term] = _from_ox(term)
            return node

    rows = tuple(tuple(convert(sol[i]) for i in range(len(names))) for sol in res)
    return Results(names, rows)


# -- output formats -----------------------------------------------------------------------------
def _plain(term: Node | None) -> str:
    """A term as plain text: an IRI or a literal's lexical form; '' when unbound.

    >>> _plain(Literal(3)), _plain(URIRef("http://e/x")), _plain(None)
    ('3', 'http://e/x', '')
    """
    return "" if term is None else str(term)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _table(results: Results, *, width: int | None) -> str:
    head = list(results.variables)
    body = [[_one_line(_plain(t)) for t in row] for row in results.rows]
    if width:
        body = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in body]
    sizes = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(head)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(n) for c, n in zip(cells, sizes, strict=True)).rstrip()

    lines = [line(head), "  ".join("-" * n for n in sizes)] + [line(row) for row in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _markdown(results: Results) -> str:
    def cell(term: Node | None) -> str:
        return _one_line(_plain(term)).replace("\\", "\\\\").replace("|", "\\|")

    lines = ["| " + " | ".join(results.variables) + " |"]
    lines.append("|" + "|".join("---" for _ in results.variables) + "|")
    lines += ["| " + " | ".join(cell(t) for t in row) + " |" for row in results.rows]
    return "\n".join(lines) + "\n"


def _library(results: Results, fmt: str) -> str:
    """CSV, TSV or JSON written by the RDF libraries (see serialise.write_results)."""
    from rdflib import Variable
    from rdflib.query import Result
    from rdflib.term import Identifier

    from .serialise import write_results

    if results.boolean is not None:
        res = Result("ASK")
        res.askAnswer = results.boolean
    else:
        res = Result("SELECT")
        res.vars = [Variable(v) for v in results.variables]
        res.bindings = [
            {
                Variable(v): cast(Identifier, t)
                for v, t in zip(results.variables, row, strict=True)
                if t is not None
            }
            for row in results.rows
        ]
    text = write_results(res, fmt).decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


def _graph(results: Results, fmt: str) -> str:
    """A CONSTRUCT's triples in graph format ``fmt`` (graphkit.serialise.FORMATS)."""
    from .serialise import write_triples

    if not results.triples:
        raise QueryError(
            f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; this query gives rows: "
            f"use one of {', '.join(FORMATS)}"
        )
    import pyoxigraph as ox

    triples = [ox.Triple(*(_to_ox(t) for t in row if t is not None)) for row in results.rows]
    return write_triples(triples, fmt).decode("utf-8")


def format_results(results: Results, fmt: str = "table", *, width: int | None = None) -> str:
    """Results as text: ``table`` (aligned; cells cut to ``width``), ``csv`` (SPARQL 1.1
    CSV: plain values), ``tsv`` (SPARQL 1.1 TSV: terms in Turtle form), ``json``
    (SPARQL 1.1 Query Results JSON) or ``markdown``; a CONSTRUCT or DESCRIBE may also
    use any graph format (``turtle``, ``trig``, ``xml`` ...: graphkit.serialise.FORMATS).

    >>> r = Results(("n", "name"), ((Literal(2), Literal("a|b")),))
    >>> print(format_results(r, "markdown"), end="")
    | n | name |
    |---|---|
    | 2 | a\\|b |
    """
    from .serialise import FORMATS as GRAPH_FORMATS

    if fmt in GRAPH_FORMATS and (results.triples or fmt not in FORMATS):
        return _graph(results, fmt)
    if fmt not in FORMATS:
        raise QueryError(
            f"unknown output format {fmt!r}; choose from {', '.join(FORMATS)} "
            f"(or, for CONSTRUCT and DESCRIBE, {', '.join(GRAPH_FORMATS)})"
        )
    if results.boolean is not None and fmt != "json":
        answer = "true" if results.boolean else "false"
        results = Results(("boolean",), ((Literal(answer),),))
    if fmt == "table":
        return _table(results, width=width)
    if fmt == "markdown":
        return _markdown(results)
    return _library(results, fmt)
