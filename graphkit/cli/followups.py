"""graphkit followups and workprogramme: requests followed to their answers, and the work
programme against the minutes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import GraphkitError
from ..model import FollowUpStatus as _FollowUpStatus  # (the statuses show in --help)
from .group import cli

if TYPE_CHECKING:
    from rdflib import Dataset


# -- followups, workprogramme (issue 16) ---------------------------------------------------

# the argument of both: a build folder or graph file, or documents to build from
_GRAPH_OR_PATHS = click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="GRAPH_OR_PATHS..."
)


def _graph_or_build(paths: tuple[Path, ...], council: str | None) -> Dataset:
    """The graph a build folder or graph file holds, else one built from the documents."""
    from ..load import SUFFIX_FORMATS, graph_in_folder, load_graph

    if len(paths) == 1:
        only = paths[0]
        is_build = only.is_dir() and graph_in_folder(only) is not None
        if is_build or (only.is_file() and only.suffix.lower() in SUFFIX_FORMATS):
            return load_graph(only)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise GraphkitError(f"no such file or folder: {', '.join(missing)}")
    from ..build import build as run_build

    return run_build(list(paths), council=council).dataset


@cli.command()
@_GRAPH_OR_PATHS
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
    from ..followups.report import format_followups, read_followups

    rows = read_followups(_graph_or_build(paths, council))
    if statuses:
        rows = [r for r in rows if r.status in statuses]
    click.echo(format_followups(rows, fmt, width), nl=False)


@cli.command()
@_GRAPH_OR_PATHS
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
    from ..followups.report import format_plan, read_plan

    rows = read_plan(_graph_or_build(paths, council), year)
    click.echo(format_plan(rows, fmt, width), nl=False)
