"""The command line: a thin shell over the library. The only package that prints or exits.

The ``cli`` group is in :mod:`.group`; each module here adds its commands to it.
"""

from __future__ import annotations

import sys

import click

from ..errors import GraphkitError
from . import build, evaluate, followups, graphs, query  # noqa: F401  (they add the commands)
from .group import ENTRY_POINT, cli

__all__ = ["cli", "main"]


def main() -> None:
    """Entry point: turn library errors into a clear message and exit status 2."""
    try:
        cli(standalone_mode=False, obj=ENTRY_POINT)
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
