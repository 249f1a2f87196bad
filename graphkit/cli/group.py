"""The ``cli`` group and what its commands share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from .. import __version__


def progress(quiet: bool) -> Callable[[str], None]:
    """A function that writes a progress line to stderr, or nothing when ``quiet``."""

    def say(msg: str) -> None:
        if not quiet:
            click.echo(f"  {msg}", err=True)

    return say


# what ``main`` hands every command as ``ctx.obj``: the process is the command's, and
# ends when the command does (not so when a test invokes ``cli`` in its own process)
ENTRY_POINT = "graphkit.cli.main"


def owns_process() -> bool:
    """Whether this command runs as the process's entry point (``graphkit ...``)."""
    ctx = click.get_current_context(silent=True)
    return ctx is not None and ctx.find_root().obj == ENTRY_POINT


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphkit")
def cli() -> None:
    """Turn council meeting records into an RDF knowledge graph with evidence."""


# a graph file that must exist: the argument of validate, push and serve
GRAPH_ARG = click.Path(path_type=Path, exists=True)
