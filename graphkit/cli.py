"""The command line: a thin shell over the library. The only module that prints or exits."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from . import __version__
from .errors import GraphkitError

if TYPE_CHECKING:
    from rdflib import Dataset

    from .result import BuildResult

__all__ = ["cli", "main"]


def _progress(quiet: bool) -> Callable[[str], None]:
    def say(msg: str) -> None:
        if not quiet:
            click.echo(f"  {msg}", err=True)

    return say


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphkit")
def cli() -> None:
    """Turn council meeting records into an RDF knowledge graph with evidence."""


# -- build -------------------------------------------------------------------------------
from .documents import Limits  # noqa: E402  (the limits' defaults show in --help)

_LIMITS = Limits()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder to write the graph, view and summary into.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    help="Output format (repeatable): turtle, nt, nquads, trig, json-ld, xml. "
    "Default: turtle and trig.",
)
@click.option(
    "--base", default=None, help="Base IRI for data IRIs (default https://w3id.org/graphkit/id/)."
)
@click.option(
    "--council",
    default=None,
    help="Council name for every document (default: read from each document's web "
    "address or text).",
)
@click.option(
    "--aliases",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="YAML file of forced or forbidden merges.",
)
@click.option("--no-view", is_flag=True, help="Do not write view.html.")
@click.option("--with-ontology", is_flag=True, help="Also write ontology.ttl beside the graph.")
@click.option(
    "--strict",
    is_flag=True,
    help="Exit non-zero, and leave --out as it was, when any file cannot be read.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=_LIMITS.max_bytes,
    show_default=True,
    help="Largest file read; larger ones are skipped and named.",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=_LIMITS.max_chars,
    show_default=True,
    help="Most characters of text one document may hold.",
)
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=_LIMITS.max_pages,
    show_default=True,
    help="Most pages one PDF may have.",
)
@click.option(
    "--timeout-per-document",
    type=click.FloatRange(min=0),
    default=_LIMITS.timeout,
    show_default=True,
    help="Seconds to read one document, again to lay it out, again to find names in it "
    "(0: no limit).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes that read and lay out documents (default: every core; 1: all "
    "in this process).",
)
@click.option(
    "--executor",
    type=click.Choice(["process", "dask"]),
    default="process",
    show_default=True,
    help="Where documents are read: a pool of local processes, or Dask (pip install "
    "'graphkit[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="With --executor dask: the Dask scheduler to use (tcp://host:8786); default: a "
    "local cluster of --jobs workers.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read every document again; neither use nor fill the result cache "
    "(GRAPHKIT_CACHE_DIR, else the user's cache folder).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
def build(paths: tuple[Path, ...], out: Path, **options: Any) -> None:
    """Read the documents under PATHS and write the graph to --out.

    Writes graph.ttl (union of everything), graph.trig (one named graph per
    document), view.html and summary.md / summary.json. A file that cannot be
    read is named with the reason and skipped; the others are built (exit 0, or
    non-zero with --strict). The new files replace the old set in one step.

    Documents are read in parallel (--jobs), and what was read of a document
    before is taken from the cache while the file and graphkit are unchanged
    (--no-cache reads everything again); the graph is the same either way.
    """
    opts = _BuildOptions(**options)
    if opts.scheduler and opts.executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    try:
        _build(paths, out, opts)
    except (GraphkitError, click.exceptions.ClickException, click.exceptions.Abort):
        raise
    except Exception as err:  # a bug: show where, and ask for the report
        import traceback

        traceback.print_exc()
        raise GraphkitError(
            f"internal error ({type(err).__name__}): this is a bug in graphkit; please "
            "report it with the traceback above and the command you ran"
        ) from err


@dataclass(frozen=True)
class _BuildOptions:
    """The build command's options but PATHS and --out, as click passes them."""

    formats: tuple[str, ...]
    base: str | None
    council: str | None
    aliases: Path | None
    no_view: bool
    with_ontology: bool
    strict: bool
    max_bytes: int
    max_chars: int
    max_pages: int
    timeout_per_document: float
    jobs: int | None
    executor: str
    scheduler: str | None
    no_cache: bool
    quiet: bool

    def limits(self) -> Limits:
        return Limits(
            max_bytes=self.max_bytes,
            max_chars=self.max_chars,
            max_pages=self.max_pages,
            timeout=self.timeout_per_document or None,
        )


def _build(paths: tuple[Path, ...], out: Path, opts: _BuildOptions) -> None:
    from .build import build as run_build
    from .build import write_outputs
    from .vocab import DEFAULT_BASE

    say = _progress(opts.quiet)
    result = run_build(
        list(paths),
        base=opts.base or DEFAULT_BASE,
        council=opts.council,
        aliases=opts.aliases,
        progress=say,
        limits=opts.limits(),
        jobs=opts.jobs,
        executor=opts.executor,
        scheduler=opts.scheduler,
        cache=not opts.no_cache,
    )
    _refuse_to_write(result, out, opts.strict)
    write_outputs(
        result,
        out,
        formats=opts.formats or ("turtle", "trig"),
        view=not opts.no_view,
        with_ontology=opts.with_ontology,
        progress=say,
    )
    _print_summary(result, out)


def _refuse_to_write(result: BuildResult, out: Path, strict: bool) -> None:
    """:class:`GraphkitError` before anything is written, when no document was read, or
    with ``strict`` when any file was not: a failed build must not replace a good one."""
    from .errors import DocumentWarning

    skipped = [p for p in result.problems if not isinstance(p, DocumentWarning)]
    if not result.documents:
        for p in result.problems:
            click.echo(f"  not read: {p}", err=True)
        raise GraphkitError("no document could be read; nothing was written")
    if strict and skipped:
        for p in skipped:
            click.echo(f"  not read: {p}", err=True)
        raise GraphkitError(
            f"--strict: {len(skipped)} file(s) could not be read; {out}/ was left as it was"
        )


def _print_summary(result: BuildResult, out: Path) -> None:
    """The build's counts, then what was not found, not dated or not read."""
    summary = result.summary()
    click.echo(f"graphkit build: {out}/")
    for key in (
        "council",
        "documents",
        "meetings",
        "agenda_items",
        "people",
        "programmes",
        "topics",
        "organisations",
        "triples",
    ):
        click.echo(f"  {key.replace('_', ' '):<14} {summary[key]}")
        if key == "meetings" and summary["meetings_referred_to"]:
            click.echo(
                f"    and {summary['meetings_referred_to']} only referred to "
                "(minutes approved, other meetings named)"
            )
        if key == "triples" and summary["quads"] != summary["triples"]:
            click.echo(
                f"    stored as {summary['quads']} quads: a fact two documents state "
                "is in each one's named graph"
            )
    _print_caveats(result, summary, out)


def _print_caveats(result: BuildResult, summary: dict[str, object], out: Path) -> None:
    """Layouts, documents no layout took, undated meetings, ambiguities, warnings and the
    files not read."""
    from .errors import DocumentWarning

    layouts = cast("dict[str, int]", summary["layouts"])
    if layouts:
        click.echo("  layouts        " + ", ".join(f"{k} {v}" for k, v in layouts.items()))
    unrecognised = cast("list[str]", summary["unrecognised"])
    if unrecognised:
        click.echo(f"  no layout      {len(unrecognised)} (no meeting record found):")
        for src in unrecognised:
            click.echo(f"    {src}")
    undated = cast("list[str]", summary["undated_meetings"])
    if undated:
        click.echo(f"  undated        {len(undated)} meeting(s) no document dates (see summary.md)")
    ambiguities = cast("list[object]", summary["ambiguities"])
    if ambiguities:
        click.echo(f"  ambiguous      {len(ambiguities)} (kept apart; see {out}/summary.md)")
    warned = [str(p) for p in result.problems if isinstance(p, DocumentWarning)]
    if warned:
        click.echo(f"  warnings       {len(warned)} (read, with the caveat named):")
        for line in warned:
            click.echo(f"    {line}")
    skipped = [str(p) for p in result.problems if not isinstance(p, DocumentWarning)]
    if skipped:
        click.echo(f"  not read       {len(skipped)}:")
        for line in skipped:
            click.echo(f"    {line}")


# -- evaluate (issue #2: figures against a gold annotation) ------------------------------
@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--gold",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Gold annotation JSON: the seeds' (tests/data/gold/README.md) or a corpus gold "
    "(tests/data/corpus/README.md).",
)
@click.option(
    "--graph",
    "graph_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Score an existing graph file (any output format) or build folder "
    "instead of building PATHS.",
)
@click.option("--council", default=None, help="Council name, when building PATHS.")
@click.option(
    "--aliases",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="YAML file of forced or forbidden merges, when building PATHS.",
)
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@click.option(
    "--limit",
    type=int,
    default=10,
    show_default=True,
    help="Longest list of misses printed per category (0: all).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress messages.")
def evaluate(
    paths: tuple[Path, ...],
    gold: Path,
    graph_path: Path | None,
    council: str | None,
    aliases: Path | None,
    as_json: bool,
    limit: int,
    quiet: bool,
) -> None:
    """Compare a graph with a gold annotation and print the figures per category.

    Either build the documents under PATHS first, or score an existing graph:

      graphkit evaluate --gold tests/data/gold/seeds.json seeds/

      graphkit evaluate --gold tests/data/gold/seeds.json --graph build/

    A corpus gold file (tests/data/corpus/gold.json: facts of real published
    documents, by file name) is scored by category (meetings, council, items,
    attendance, people, programmes, meetings referred to), then the documents
    with misses are listed; build the folder its file names are relative to:

      graphkit evaluate --gold tests/data/corpus/gold.json ../shared/corpus/

    Figures: meetings found, agenda items, attendance and role P/R/F1, people
    found / split / falsely merged / spurious, programmes found as one concept
    in the right meetings, chairs, resolutions, actions, work programme,
    organisations. The matching rules are in docs/evaluate.md.
    """
    import json

    from . import corpus_eval
    from .evaluate import evaluate as run_evaluate
    from .evaluate import format_report, load_gold

    if bool(paths) == bool(graph_path):
        raise click.UsageError("give either --graph GRAPH or document PATHS to build (not both)")
    say = _progress(quiet)
    try:
        raw = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise GraphkitError(f"{gold}: not a readable JSON gold file ({err})") from err
    dataset = _dataset_to_score(paths, graph_path, council, aliases, say)
    if corpus_eval.is_corpus_gold(raw):
        _print_corpus_scores(dataset, corpus_eval.load_gold(gold), as_json=as_json, limit=limit)
        return
    figures = run_evaluate(dataset, load_gold(gold))
    if as_json:
        click.echo(json.dumps(figures.as_dict(), indent=2, ensure_ascii=False, sort_keys=True))
    else:
        click.echo(format_report(figures, limit=limit), nl=False)


def _dataset_to_score(
    paths: tuple[Path, ...],
    graph_path: Path | None,
    council: str | None,
    aliases: Path | None,
    say: Callable[[str], None],
) -> Dataset:
    """The graph ``graphkit evaluate`` scores: the one given, or one built from ``paths``."""
    if graph_path is not None:
        from .load import load_graph

        say(f"loading {graph_path}")
        return load_graph(graph_path)
    from .build import build as run_build

    return run_build(list(paths), council=council, aliases=aliases, progress=say).dataset


def _print_corpus_scores(
    dataset: object, gold: dict[str, object], *, as_json: bool, limit: int
) -> None:
    import json

    from rdflib import Dataset

    from . import corpus_eval

    if not isinstance(dataset, Dataset):
        raise GraphkitError("a corpus gold scores a graph with named graphs (TriG, N-Quads)")
    scores = corpus_eval.score_corpus(dataset, gold)
    per_doc = corpus_eval.score_by_document(dataset, gold)
    if as_json:
        click.echo(json.dumps({"totals": scores, "documents": per_doc}, indent=2, sort_keys=True))
        return
    click.echo(corpus_eval.format_table(scores))
    missed = [
        (source, category, c)
        for source, counts in per_doc.items()
        for category, c in counts.items()
        if c["fp"] or c["fn"]
    ]
    if missed:
        click.echo("\ndocuments with misses (category: tp/fp/fn):")
        for source, category, c in missed[: limit or None]:
            click.echo(f"  {source}  {category}: {c['tp']}/{c['fp']}/{c['fn']}")
        if limit and len(missed) > limit:
            click.echo(f"  ... and {len(missed) - limit} more (--limit 0 shows all)")


# -- query (issue #3) --------------------------------------------------------------------
from .query import DEFAULT_TIMEOUT as _QUERY_TIMEOUT  # noqa: E402  (shown in --help)
from .serialise import FORMATS as _GRAPH_FORMATS  # noqa: E402


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
    from .query import list_queries

    for q in list_queries():
        click.echo(f"{q.name}: {q.title}")
        click.echo(f"    {q.description}")
        for p in q.params:
            click.echo(f"    --param {p.usage()}")


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
    type=click.Choice(["rdflib", "oxigraph"]),
    default="rdflib",
    show_default=True,
    help="SPARQL engine to run the query with.",
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
    from .query import format_results, list_queries, load_query, run_query

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
    try:
        results = run_query(
            q, graph, params=_query_params(params), engine=engine, timeout=timeout or None
        )
    except KeyboardInterrupt:
        # the engine may still be running in its thread; exiting the process ends it
        click.echo("graphkit: query stopped (Ctrl-C)", err=True)
        sys.exit(130)
    if fmt is None:
        fmt = "table" if sys.stdout.isatty() else "csv"
    click.echo(format_results(results, fmt, width=width or None), nl=False)


# -- view (issue #4) ---------------------------------------------------------------------
@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("view.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option(
    "--topic",
    default=None,
    help="Focus on one programme or topic (any label, alias or IRI): its meetings, "
    "items and the people involved.",
)
@click.option(
    "--person",
    default=None,
    help="Focus on one person (any label, alias or IRI): their meetings and items.",
)
@click.option(
    "--from",
    "start",
    default=None,
    metavar="YEAR|DATE",
    help="Only meetings on or after this year, month (2021-06) or date.",
)
@click.option(
    "--to",
    "end",
    default=None,
    metavar="YEAR|DATE",
    help="Only meetings on or before this year, month or date.",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=None,
    help="Show at most this many nodes, the best connected first "
    "(default 2500, which opens in well under 2 s).",
)
@click.option(
    "--size-by",
    "measure",
    type=click.Choice(["degree", "betweenness"]),
    default="degree",
    show_default=True,
    help="The networkx measure for node size.",
)
@click.option("--title", default=None, help="Page title (default: from the council's name).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but warnings.")
def view(
    graph: Path,
    out: Path,
    topic: str | None,
    person: str | None,
    start: str | None,
    end: str | None,
    max_nodes: int | None,
    measure: str,
    title: str | None,
    quiet: bool,
) -> None:
    """Write an interactive HTML view of GRAPH (a graph file or a build folder).

    The page is one self-contained file: double-click it to explore offline
    (search, year range, type filters, trace a programme across years, and the
    evidence behind every link). It makes no network requests.
    """
    from .load import load_graph
    from .view import DEFAULT_MAX_NODES, build_view

    say = _progress(quiet)
    ds = load_graph(graph)
    say(f"loaded {graph}")
    result = build_view(
        ds,
        topic=topic,
        person=person,
        start=start,
        end=end,
        max_nodes=max_nodes or DEFAULT_MAX_NODES,
        measure=measure,
        title=title,
    )
    for warning in result.warnings:
        click.echo(f"graphkit view: warning: {warning}", err=True)
    path = result.write(out)
    if not quiet:
        shown = (
            f"{result.shown} nodes"
            if result.shown == result.total
            else f"{result.shown} of {result.total} nodes"
        )
        click.echo(f"graphkit view: {path} ({shown})")


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("network.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option(
    "--topic",
    default=None,
    help="Only this programme or topic (label, alias or IRI) and what lies within two steps.",
)
@click.option(
    "--person",
    default=None,
    help="Only this person (label, alias or IRI) and what lies within two steps.",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=None,
    help="Show at most this many nodes, the focus then the most connected (default 1500).",
)
@click.option("--organisations", is_flag=True, help="Also show organisations named in items.")
@click.option("--title", default=None, help="Page title (default: from the council's name).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but warnings.")
def network(
    graph: Path,
    out: Path,
    topic: str | None,
    person: str | None,
    max_nodes: int | None,
    organisations: bool,
    title: str | None,
    quiet: bool,
) -> None:
    """Write an interactive network of who met whom about what (one offline HTML file,
    drawn with pyvis from the people-meeting-programme projection of GRAPH)."""
    from .load import load_graph
    from .view import DEFAULT_NETWORK_MAX_NODES, build_network

    say = _progress(quiet)
    ds = load_graph(graph)
    say(f"loaded {graph}")
    page = build_network(
        ds,
        topic=topic,
        person=person,
        max_nodes=max_nodes or DEFAULT_NETWORK_MAX_NODES,
        organisations=organisations,
        title=title,
    )
    for warning in page.warnings:
        click.echo(f"graphkit network: warning: {warning}", err=True)
    path = page.write(out)
    if not quiet:
        click.echo(
            f"graphkit network: {path} ({page.shown} of {page.total} nodes, {page.edges} links)"
        )


# -- validate, push, serve (issue #5) ----------------------------------------------------
_GRAPH_ARG = click.Path(path_type=Path, exists=True)


@cli.command()
@click.argument("graph", type=_GRAPH_ARG)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only set the exit status.")
def validate(graph: Path, quiet: bool) -> None:
    """Check GRAPH (a graph file, or a build folder) against the contract's SHACL shapes.

    Prints each violation with its focus node, path and message, and exits with
    status 1 if there is any.
    """
    from .load import load_graph
    from .validate import format_violations
    from .validate import validate as run_validate

    violations = run_validate(load_graph(graph))
    if not quiet:
        click.echo(format_violations(violations))
    if any(v.severity == "Violation" for v in violations):
        raise click.exceptions.Exit(1)


@cli.command()
@click.argument("graph", type=_GRAPH_ARG)
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
    from .load import load_graph
    from .push import push as run_push
    from .push import redact

    if user is not None and password is None:
        password = click.prompt(f"password for {user}", hide_input=True, err=True)
    pushed = run_push(
        load_graph(graph),
        endpoint,
        graph=graph_iri,
        user=user,
        password=password,
        timeout=timeout,
        progress=_progress(quiet),
    )
    total = sum(p.triples for p in pushed)
    click.echo(f"graphkit push: {len(pushed)} graph(s), {total} triple(s) to {redact(endpoint)}")


@cli.command()
@click.argument("graph", type=_GRAPH_ARG)
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
    from .load import load_graph
    from .serve import SparqlServer

    say = _progress(quiet)
    server = SparqlServer(
        load_graph(graph),
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


# -- explain (issue #2: why people were merged) ------------------------------------------
@cli.command()
@click.argument("name")
@click.option(
    "--build",
    "build_dir",
    type=click.Path(path_type=Path),
    default=Path("build"),
    show_default=True,
    help="A folder written by graphkit build.",
)
def explain(name: str, build_dir: Path) -> None:
    """Say why the surface forms of a person were merged into one (NAME: any part of a name)."""
    import json

    from .stats import explain as explain_name

    report = build_dir / "summary.json"
    if not report.exists():
        raise GraphkitError(
            f"{report}: no build report here; run graphkit build --out {build_dir} first"
        )
    hits = explain_name(json.loads(report.read_text(encoding="utf-8")), name)
    if not hits:
        raise GraphkitError(f"no person matching {name!r} in {report}")
    for person in hits:
        click.echo(f"{person['label']}  <person/{person['key']}>")
        for alt in person["alt_labels"]:
            click.echo(f"  also written: {alt}")
        for why in person["why_merged"] or ["seen in one form only: nothing was merged"]:
            click.echo(f"  merged: {why}")
        for amb in person["ambiguities"]:
            click.echo(f"  ambiguous: {amb}")


# -- analyse, timeline (issue #15) -------------------------------------------------------
@cli.command()
@click.argument("graph", type=click.Path(path_type=Path, exists=True))
@click.option(
    "--programme",
    "programmes",
    multiple=True,
    metavar="NAME",
    help="Add the timeline of a programme or topic, by any of its labels (repeatable).",
)
@click.option(
    "--path",
    "path",
    nargs=2,
    default=None,
    metavar="FROM TO",
    help="Add the shortest explained path between two people, programmes or organisations.",
)
@click.option(
    "--only",
    multiple=True,
    type=click.Choice(["centrality", "communities", "cooccurrence", "timeline", "path"]),
    help="Report only these analyses (repeatable; default: all that apply).",
)
@click.option("--top", type=int, default=10, show_default=True, help="Rows per ranking (0: all).")
@click.option(
    "--by",
    type=click.Choice(["degree", "betweenness", "eigenvector"]),
    default="degree",
    show_default=True,
    help="The centrality measure to rank by.",
)
@click.option(
    "--communities",
    "method",
    type=click.Choice(["louvain", "greedy"]),
    default="louvain",
    show_default=True,
    help="Community detection: Louvain or greedy modularity.",
)
@click.option(
    "--organisations", is_flag=True, help="Also project organisations named in agenda items."
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "csv", "json", "markdown"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def analyse(
    graph: Path,
    programmes: tuple[str, ...],
    path: tuple[str, str] | None,
    only: tuple[str, ...],
    top: int,
    by: str,
    method: str,
    organisations: bool,
    fmt: str,
) -> None:
    """Analyse GRAPH's people–meeting–programme layer with networkx: centrality,
    communities, programmes discussed together, timelines and explained paths.

    \b
    graphkit analyse build/graph.trig
    graphkit analyse build/graph.trig --programme HAF --programme "Family Valued"
    graphkit analyse build/graph.trig --path "K Sandhu" "Family Valued" --only path
    graphkit analyse build/graph.trig --only centrality --by betweenness --format csv
    """
    from .analyse import analyse as run_analyse
    from .analyse import format_tables

    tables = run_analyse(
        graph,
        top=top,
        by=by,
        programmes=programmes,
        path=path or None,
        only=only,
        method=method,
        organisations=organisations,
    )
    click.echo(format_tables(tables, fmt), nl=False)


@cli.command()
@click.argument("programmes", nargs=-1, metavar="[PROGRAMME]...")
@click.option(
    "--graph",
    "-g",
    type=click.Path(path_type=Path),
    default=Path("build/graph.trig"),
    show_default=True,
    help="Graph file in any format graphkit build writes, or a build folder.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="The chart to write: .svg, .png or .pdf (default: timeline.svg).",
)
@click.option(
    "--top",
    type=int,
    default=None,
    help="Chart the N most discussed programmes side by side across years instead.",
)
@click.option("--title", default=None, help="The chart's title (default: from the programmes).")
@click.option("--width", type=float, default=11.0, show_default=True, help="Width in inches.")
def timeline(
    programmes: tuple[str, ...],
    graph: Path,
    out: Path | None,
    top: int | None,
    title: str | None,
    width: float,
) -> None:
    """Draw when programmes were discussed, by meeting date, with the items' titles.

    \b
    graphkit timeline HAF --out haf.svg
    graphkit timeline HAF "Family Valued" --out compare.png
    graphkit timeline --top 10 --out top.svg
    """
    from .timeline import timeline_chart, top_chart

    if not graph.exists():
        raise GraphkitError(f"{graph}: no such graph; run graphkit build or pass --graph PATH")
    if top is not None and programmes:
        raise GraphkitError("name programmes or give --top N, not both")
    if top is None and not programmes:
        raise GraphkitError("name a programme (e.g. graphkit timeline HAF) or give --top N")
    if top is not None:
        chart = top_chart(graph, top, width=width, title=title)
    else:
        chart = timeline_chart(graph, programmes, width=width, title=title)
    written = chart.save(out or Path("timeline.svg"))
    click.echo(f"graphkit timeline: {written} ({', '.join(chart.series)})")


# -- followups, workprogramme (issue 16) ---------------------------------------------------
from .model import FollowUpStatus as _FollowUpStatus  # noqa: E402  (the statuses show in --help)


def _graph_or_build(paths: tuple[Path, ...], council: str | None) -> Dataset:
    """The graph a build folder or graph file holds, else one built from the documents."""
    from .load import SUFFIX_FORMATS, load_graph

    if len(paths) == 1:
        only = paths[0]
        is_build = only.is_dir() and any(
            (only / name).exists() for name in ("graph.trig", "graph.nq", "graph.ttl")
        )
        if is_build or (only.is_file() and only.suffix.lower() in SUFFIX_FORMATS):
            return load_graph(only)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise GraphkitError(f"no such file or folder: {', '.join(missing)}")
    from .build import build as run_build

    return run_build(list(paths), council=council).dataset


@cli.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="GRAPH_OR_PATHS..."
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice([s.value for s in _FollowUpStatus]),
    help="Only requests of this status (repeatable).",
)
@click.option("--council", default=None, help="Council name, when building from documents.")
@click.option(
    "--width", type=int, default=100, show_default=True, help="Table: cut longer text (0: never)."
)
def followups(
    paths: tuple[Path, ...], fmt: str, statuses: tuple[str, ...], council: str | None, width: int
) -> None:
    """Print the follow-up register: every request the minutes record, where it stands
    (overdue and open first) with its evidence and the later items that may answer it.

    GRAPH_OR_PATHS is a build folder or graph file, or documents to build from.

    \b
    graphkit followups build/
    graphkit followups seeds/ --format csv
    graphkit followups build/graph.trig --status overdue --status open
    """
    from .followups.report import format_followups, read_followups

    rows = read_followups(_graph_or_build(paths, council))
    if statuses:
        rows = [r for r in rows if r.status in statuses]
    click.echo(format_followups(rows, fmt, width), nl=False)


@cli.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="GRAPH_OR_PATHS..."
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "markdown", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--year", default=None, metavar="YYYY/YY", help="Only this municipal year (e.g. 2021/22)."
)
@click.option("--council", default=None, help="Council name, when building from documents.")
@click.option(
    "--width", type=int, default=60, show_default=True, help="Table: cut longer cells (0: never)."
)
def workprogramme(
    paths: tuple[Path, ...], fmt: str, year: str | None, council: str | None, width: int
) -> None:
    """Compare each work programme with the minutes, per committee and municipal year:
    held as planned, moved, planned but not taken, meeting not in the records, and items
    added without being planned.

    GRAPH_OR_PATHS is a build folder or graph file, or documents to build from.

    \b
    graphkit workprogramme build/
    graphkit workprogramme seeds/ --year 2021/22 --format markdown
    """
    from .followups.report import format_plan, read_plan

    rows = read_plan(_graph_or_build(paths, council), year)
    click.echo(format_plan(rows, fmt, width), nl=False)


def main() -> None:
    """Entry point: turn library errors into a clear message and exit status 2."""
    try:
        cli(standalone_mode=False)
    except GraphkitError as err:
        click.echo(f"graphkit: error: {err}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("graphkit: aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
