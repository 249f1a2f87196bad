"""graphkit build: documents to a graph, its view and its summary."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from ..documents import Limits  # (the limits' defaults show in --help)
from ..errors import GraphkitError
from ..serialise import FORMATS as _GRAPH_FORMATS
from .group import cli, owns_process, progress

if TYPE_CHECKING:
    from ..result import BuildResult


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
    # checked before the build starts, not after it
    type=click.Choice(list(_GRAPH_FORMATS), case_sensitive=False),
    help="Output format (repeatable). Default: turtle and trig.",
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
    help="Worker processes that read and lay out documents, and that write the views and the "
    "named graphs (TriG) beside the rest while the graph holds at most a million quads "
    "(default: every core; 1: all in this process).",
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
    if owns_process():
        # The process ends with the build, and nearly everything it makes lives until
        # then: the cyclic collector would only walk the growing heap again and again
        # (a tenth of the attendance list's build). Not done when the command is called
        # in another program's process, such as a test's.
        gc.disable()
    try:
        _build(paths, out, opts)
    # errors main() says as they are (a reader gone away, "| head", it ends quietly)
    except (
        GraphkitError,
        click.exceptions.ClickException,
        click.exceptions.Abort,
        BrokenPipeError,
    ):
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
    from ..build import build as run_build
    from ..build import write_outputs
    from ..vocab import DEFAULT_BASE

    say = progress(opts.quiet)
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
        jobs=opts.jobs,
    )
    _print_summary(result, out)


def _refuse_to_write(result: BuildResult, out: Path, strict: bool) -> None:
    """:class:`GraphkitError` before anything is written, when no document was read, or
    with ``strict`` when any file was not: a failed build must not replace a good one."""
    from ..errors import DocumentWarning

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
    from ..errors import DocumentWarning

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
