"""The command line: a thin shell over the library. The only package that prints or exits.

The ``cli`` group is in :mod:`.group`; each module here adds its commands to it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from typing import NoReturn

import click

from ..errors import GraphkitError
from . import build, evaluate, followups, graphs, query  # noqa: F401  (they add the commands)
from .group import ENTRY_POINT, cli

__all__ = ["cli", "main", "run"]


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
    except BrokenPipeError:  # the reader of the output went away ("graphkit ... | head")
        # nothing more can be said to it: what is still buffered goes nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


def run() -> NoReturn:
    """The ``graphkit`` program (its console script, and ``python -m graphkit``):
    :func:`main`, then the process ends at once.

    Its exit handlers run and its output is flushed, but the objects a command made are
    not swept by a last collection and freed one by one, as the interpreter's own exit
    does: the system takes the memory back whole (0.4 s of the 880 KB attendance list's
    5.3 s). A test calls :func:`main`, which returns or raises as usual.
    """
    try:
        main()
        code = 0
    except SystemExit as stop:
        code = _status(stop.code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe ("| head"): nothing more to say
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _status(code: object) -> int:
    """The exit status ``sys.exit(code)`` gives: 0 for None, a number as it is, else 1
    (with the message written to standard error).

    >>> _status(None), _status(2)
    (0, 2)
    """
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
