"""Send a graph to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

Each document's named graph is replaced as a unit (one ``PUT ?graph=IRI`` per
named graph), so pushing a rebuilt graph never leaves stale facts from an older
version of a document behind, and a push that stopped halfway is finished by
running it again (PUT is idempotent). Standard library HTTP only; basic and digest
auth. Credentials never reach a message: a password in the URL is redacted, and
the store's error body is cut short and scrubbed of anything like a credential.
"""

from __future__ import annotations

import re
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

__all__ = ["PushError", "Pushed", "graph_url", "push", "redact", "redact_text"]


class PushError(GraphkitError):
    """The triple store could not be reached or refused a graph; ``pushed`` graphs of
    ``total`` had been sent before."""

    def __init__(self, message: str, *, pushed: int = 0, total: int = 0) -> None:
        super().__init__(message)
        self.pushed = pushed
        self.total = total


def redact(url: str) -> str:
    """``url`` with any password replaced by ``***``.

    >>> redact("http://dba:s3cret@localhost:8890/sparql-graph-crud-auth?graph=x")
    'http://dba:***@localhost:8890/sparql-graph-crud-auth?graph=x'
    >>> redact("http://localhost:3030/ds/data")
    'http://localhost:3030/ds/data'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


_SECRET = re.compile(
    r"(authorization|proxy-authorization|cookie|password|passwd|pwd|token)(\s*[:=]\s*)\S+(\s+\S+)?"
    r"|\b(basic|digest|bearer)\s+\S+",
    re.I,
)


def redact_text(text: str, secrets: tuple[str, ...] = (), limit: int = 200) -> str:
    """A store's message, cut to ``limit`` characters with credentials removed: header
    values that carry them, auth schemes' tokens, and the given ``secrets`` verbatim.

    >>> redact_text("Bad. Authorization: Basic ZGJhOnMzY3JldA== was sent by dba:s3cret",
    ...             ("s3cret",))
    'Bad. Authorization: *** was sent by dba:***'
    """
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    text = _SECRET.sub(lambda m: f"{m[1]}{m[2]}***" if m[1] else "***", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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

    text = re.sub(r"<[^>]+>", " ", body.decode("utf-8", "replace"))
    return " ".join(html.unescape(text).split())[:4000]


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

    shown = redact(endpoint)
    endpoint, user, password, secrets = _credentials(endpoint, user, password)
    say = progress or (lambda _msg: None)
    opener = _opener(endpoint, user, password)
    groups = _groups(data)
    if None in groups and graph is not None:
        groups.setdefault(graph, [])
        groups[graph] = groups.pop(None) + groups[graph]
    pushed: list[Pushed] = []
    total = len(groups)

    def stopped(message: str, err: Exception) -> PushError:
        done = f"{len(pushed)} of {total} graph(s) were pushed before this one"
        rerun = "; run the push again to finish (each graph is replaced whole)"
        return PushError(
            f"{message} [{done}{rerun if pushed else ''}]", pushed=len(pushed), total=total
        )

    for name in sorted(groups, key=lambda n: (n is not None, n or "")):
        triples = groups[name]
        body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
        request = urllib.request.Request(
            graph_url(endpoint, name),
            data=body,
            method="PUT",
            headers={"Content-Type": "text/turtle; charset=utf-8"},
        )
        target = f"graph <{name}>" if name else "the default graph"
        try:
            status = _send(opener, request, timeout, (shown, target, name is None), secrets)
        except _Failed as failure:
            raise stopped(str(failure), failure) from None
        say(f"{target}: {len(triples)} triples (HTTP {status})")
        pushed.append(Pushed(graph=name, triples=len(triples), status=status))
    return pushed


def _credentials(
    endpoint: str, user: str | None, password: str | None
) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """The endpoint without credentials in its URL, the user and password to send (those
    given, else those in the URL), and the secrets to keep out of messages."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https"):
        raise PushError(
            f"--endpoint {redact(endpoint)!r} is not an http(s) URL; for example "
            "http://localhost:8890/sparql-graph-crud-auth"
        )
    if parts.username is not None:  # credentials in the URL: use them, send them as auth
        user = user if user is not None else urllib.parse.unquote(parts.username)
        if password is None and parts.password is not None:
            password = urllib.parse.unquote(parts.password)
        endpoint = urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    secrets = tuple(s for s in (password, parts.password) if s)
    return endpoint, user, password, secrets


class _Failed(Exception):
    """One PUT failed; the message says why, with no secret in it."""


def _send(
    opener: urllib.request.OpenerDirector,
    request: urllib.request.Request,
    timeout: float,
    where: tuple[str, str, bool],
    secrets: tuple[str, ...],
) -> int:
    """The HTTP status of ``request``; :class:`_Failed` if refused or unreachable.
    ``where`` is (the endpoint as shown, the graph as named, whether it is the default)."""
    shown, target, default = where
    try:
        with opener.open(request, timeout=timeout) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as err:
        # the body may echo the request, Authorization header included
        detail = redact_text(_text(err.read(4000)), secrets)
        hint = " (check --user and --password)" if err.code in (401, 403) else ""
        if default and not hint:
            hint += (
                " (the store may not accept its default graph: pass --graph IRI "
                "to put the default graph's triples into a named graph)"
            )
        message = f"{shown} refused {target}: HTTP {err.code} {err.reason}{hint}"
        raise _Failed(message + (f": {detail}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as err:
        reason = redact_text(str(getattr(err, "reason", err)), secrets)
        raise _Failed(
            f"cannot reach {shown} ({reason}); is the triple store running "
            "and is --endpoint its Graph Store Protocol URL?"
        ) from None
