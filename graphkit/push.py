"""Send a graph to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

Each document's named graph is replaced as a unit (one ``PUT ?graph=IRI`` per
named graph), so pushing a rebuilt graph never leaves stale facts from an older
version of a document behind. Standard library HTTP only; basic and digest auth.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import GraphkitError

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset

__all__ = ["PushError", "Pushed", "graph_url", "push"]


class PushError(GraphkitError):
    """The triple store could not be reached or refused a graph."""


@dataclass(frozen=True)
class Pushed:
    """One graph sent: its IRI (``None`` for the store's default graph) and size."""

    graph: str | None
    triples: int
    status: int


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of one graph (``?default`` for the default graph).

    >>> graph_url("http://localhost:8890/sparql-graph-crud-auth", "https://ex.org/doc/a b")
    'http://localhost:8890/sparql-graph-crud-auth?graph=https%3A%2F%2Fex.org%2Fdoc%2Fa+b'
    >>> graph_url("http://localhost:3030/ds/data?x=1", None)
    'http://localhost:3030/ds/data?x=1&default'
    """
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def _opener(endpoint: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = []
    if user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, endpoint, user, password or "")
        # the server's challenge picks the scheme: Virtuoso asks for digest
        handlers += [
            urllib.request.HTTPDigestAuthHandler(passwords),
            urllib.request.HTTPBasicAuthHandler(passwords),
        ]
    return urllib.request.build_opener(*handlers)


def _groups(ds: Dataset) -> dict[str | None, list[ox.Triple]]:
    """The Dataset's triples as pyoxigraph terms, grouped by graph (None = default)."""
    import pyoxigraph as ox

    from .serialise import Prepared

    groups: dict[str | None, list[ox.Triple]] = {}
    for q in Prepared(ds).quads:
        name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        groups.setdefault(name, []).append(q.triple)
    return groups


def _text(body: bytes) -> str:
    """An error body as one short line of text (servers often answer in HTML).

    >>> _text(b"<html><title>x</title><h1>500</h1><xmp>Bad  thing</xmp></html>")
    'x 500 Bad thing'
    """
    import html
    import re

    text = re.sub(r"<[^>]+>", " ", body.decode("utf-8", "replace"))
    return " ".join(html.unescape(text).split())[:400]


def push(
    data: Dataset,
    endpoint: str,
    *,
    graph: str | None = None,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 120.0,
    progress: Callable[[str], None] | None = None,
) -> list[Pushed]:
    """PUT each named graph of ``data`` to the Graph Store ``endpoint``.

    The default graph's triples (the council, its committees, role bounds; or
    everything, for a Turtle or N-Triples file) go to the named graph ``graph``
    when given, else to the store's default graph (``?default``).
    """
    import pyoxigraph as ox

    from .vocab import PREFIXES

    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise PushError(
            f"--endpoint {endpoint!r} is not an http(s) URL; for example "
            "http://localhost:8890/sparql-graph-crud-auth"
        )
    say = progress or (lambda _msg: None)
    opener = _opener(endpoint, user, password)
    groups = _groups(data)
    if None in groups and graph is not None:
        groups.setdefault(graph, [])
        groups[graph] = groups.pop(None) + groups[graph]
    pushed = []
    for name in sorted(groups, key=lambda n: (n is not None, n or "")):
        triples = groups[name]
        body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
        url = graph_url(endpoint, name)
        request = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "text/turtle; charset=utf-8"}
        )
        target = f"graph <{name}>" if name else "the default graph"
        try:
            with opener.open(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as err:
            detail = _text(err.read(4000))
            hint = " (check --user and --password)" if err.code in (401, 403) else ""
            if name is None and not hint:
                hint += (
                    " (the store may not accept its default graph: pass --graph IRI "
                    "to put the default graph's triples into a named graph)"
                )
            raise PushError(
                f"{endpoint} refused {target}: HTTP {err.code} {err.reason}{hint}"
                + (f": {detail}" if detail else "")
            ) from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise PushError(
                f"cannot reach {endpoint} ({reason}); is the triple store running "
                "and is --endpoint its Graph Store Protocol URL?"
            ) from err
        say(f"{target}: {len(triples)} triples (HTTP {status})")
        pushed.append(Pushed(graph=name, triples=len(triples), status=status))
    return pushed
