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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphkit")
def cli() -> None:
    """Turn council meeting records into an RDF knowledge graph with evidence."""


# a graph file that must exist: the argument of validate, push and serve
GRAPH_ARG = click.Path(path_type=Path, exists=True)
