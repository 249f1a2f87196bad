"""graphkit view, network, validate, analyse and timeline: pages and figures from a graph."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import GraphkitError
from .group import GRAPH_ARG, cli, progress


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
    from ..load import load_graph
    from ..view import DEFAULT_MAX_NODES, build_view

    say = progress(quiet)
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
    from ..load import load_graph
    from ..view import DEFAULT_NETWORK_MAX_NODES, build_network

    say = progress(quiet)
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


@cli.command()
@click.argument("graph", type=GRAPH_ARG)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only set the exit status.")
def validate(graph: Path, quiet: bool) -> None:
    """Check GRAPH (a graph file, or a build folder) against the contract's SHACL shapes.

    Prints each violation with its focus node, path and message, and exits with
    status 1 if there is any.
    """
    from ..load import load_graph
    from ..validate import format_violations
    from ..validate import validate as run_validate

    violations = run_validate(load_graph(graph))
    if not quiet:
        click.echo(format_violations(violations))
    if any(v.severity == "Violation" for v in violations):
        raise click.exceptions.Exit(1)


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
    from ..analyse import analyse as run_analyse
    from ..analyse import format_tables

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
    from ..timeline import timeline_chart, top_chart

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
