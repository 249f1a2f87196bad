"""What graphkit reads of a SPARQL query's text without parsing it: where its WHERE group
opens, its FILTERs, whether it names graphs; and the text with parameters bound.

A token scanner just good enough for that: it skips IRIs, strings and comments, so a
brace, bracket or keyword inside them is never taken for syntax. Engines parse the
query itself; these only place parameters and choose which store answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from .errors import QueryError

__all__ = ["fold_filters", "lateral_optionals", "names_graphs", "with_values"]

_TOKENS = re.compile(
    r"""(?P<iri><[^<>"{}|^`\\\s]*>)"""
    r"""|(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
    r"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
    r"""|(?P<comment>\#[^\n]*)"""
    r"""|(?P<word>[A-Za-z_][\w-]*(?::[\w.-]*)?|[?$]\w+|:\w*)"""
    r"""|(?P<brace>[{}])"""
    r"""|(?P<paren>[()])""",
    re.S,
)


def _where_group(text: str) -> re.Match[str]:
    """The opening brace of the query's WHERE group (the first group of a SELECT or ASK,
    the group after WHERE in a CONSTRUCT or DESCRIBE)."""
    depth = 0
    after_where = False
    construct = False
    for m in _TOKENS.finditer(text):
        if m["word"]:
            word = m["word"].upper()
            if depth == 0 and word == "WHERE":
                after_where = True
            elif depth == 0 and word in ("CONSTRUCT", "DESCRIBE"):
                construct = True
        elif m["brace"] == "{":
            if depth == 0 and (after_where or not construct):
                return m
            depth += 1
        elif m["brace"] == "}":
            depth -= 1
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def _where_tokens(text: str) -> Iterator[tuple[re.Match[str], int]]:
    """Each token of the query's WHERE group (comments left out) with the braces open
    after it: 1 in the group itself, more within the groups in it. The group's own
    closing brace ends the walk."""
    depth = 1
    for m in _TOKENS.finditer(text, _where_group(text).end()):
        if m["comment"]:
            continue
        if m["brace"]:
            depth += 1 if m["brace"] == "{" else -1
            if depth == 0:
                return
        yield m, depth


def with_values(text: str, terms: Mapping[str, str]) -> str:
    """``text`` with a VALUES block of serialised ``terms`` opening its WHERE group.

    >>> with_values('SELECT ?x WHERE { ?x ?p "}" }', {"p": "<http://e/p>"})
    'SELECT ?x WHERE {\\nVALUES (?p) { (<http://e/p>) }\\n ?x ?p "}" }'
    >>> with_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {})
    'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }'
    """
    if not terms:
        return text
    end = _where_group(text).end()
    names = " ".join(f"?{k}" for k in terms)
    values = " ".join(terms.values())
    return f"{text[:end]}\nVALUES ({names}) {{ ({values}) }}\n{text[end:]}"


def fold_filters(text: str, terms: Mapping[str, str]) -> str:
    """``text`` with the variables of ``terms`` written as those terms in the FILTERs of
    its WHERE group itself (not in the groups within it, nor in EXISTS, nor as
    ``BOUND``'s argument).

    Once :func:`with_values` binds the variables for the whole WHERE group, every
    solution such a FILTER sees holds those very terms, so the rows are the same; but
    pyoxigraph then reads the FILTER as a condition on the graph alone and checks it as
    soon as it can, where with a variable it checks it only once the whole group is
    joined (people-for-topic on 1,000 documents: 1.4 s against 24 s).

    >>> fold_filters('SELECT * { ?x ?p ?l FILTER(!BOUND(?t) || CONTAINS(?l, ?t)) '
    ...              '{ FILTER(?t) } }', {"t": '"a"'})
    'SELECT * { ?x ?p ?l FILTER(!BOUND(?t) || CONTAINS(?l, "a")) { FILTER(?t) } }'
    """
    if not terms:
        return text
    out: list[str] = []
    done = 0  # text before this is in out
    parens = -1  # brackets open in the FILTER being read; -1 outside any FILTER
    before = ("", "")  # the two tokens before this one
    for m, depth in _where_tokens(text):
        token = m[0]
        if m["brace"]:
            if parens == 0:  # FILTER EXISTS { ... } or NOT EXISTS: left as it is
                parens = -1
        elif m["paren"]:
            if parens >= 0:
                parens += 1 if token == "(" else -1
                if parens == 0:
                    parens = -1
        elif m["word"] and depth == 1:
            if parens < 0 and token.upper() == "FILTER":
                parens = 0
            elif (
                parens > 0
                and token[0] in "?$"
                and token[1:] in terms
                and not (before[1] == "(" and before[0].upper() == "BOUND")
            ):
                out += (text[done : m.start()], terms[token[1:]])
                done = m.end()
        before = (before[1], token)
    return "".join(out) + text[done:]


def lateral_optionals(text: str) -> str:
    """``text`` with each ``OPTIONAL`` group of its WHERE group itself (not those within
    other groups) written as ``LATERAL { OPTIONAL { ... } }``.

    pyoxigraph builds an ``OPTIONAL``'s right side once, for the whole graph, and joins
    it to the rows after; with ``LATERAL`` (SEP-0006) it matches the right side once per
    row, with that row's terms, as rdflib does. The rows are the same when the groups
    within the ``OPTIONAL`` (an ``OPTIONAL``, ``UNION``, subquery or ``EXISTS`` in it)
    use no variable of the rows it extends that its own patterns do not bind: a query
    whose author has checked that asks for it with ``# hint: lateral``
    (:mod:`graphkit.query`).

    >>> lateral_optionals('SELECT * { ?s ?p ?o OPTIONAL { ?s <http://e/q> "{" } '
    ...                   '{ SELECT * { ?a ?b ?c OPTIONAL { ?a ?b ?d } } } } # OPTIONAL {')
    'SELECT * { ?s ?p ?o LATERAL { OPTIONAL { ?s <http://e/q> "{" } } { SELECT * { ?a ?b ?c OPTIONAL { ?a ?b ?d } } } } # OPTIONAL {'
    """
    out: list[str] = []
    done = 0  # text before this is in out
    optional = False  # an OPTIONAL of the WHERE group was read, its brace not yet
    inside = False  # within such an OPTIONAL's group
    for m, depth in _where_tokens(text):
        if m["word"] and depth == 1 and m[0].upper() == "OPTIONAL":
            out += (text[done : m.start()], "LATERAL { ")
            done = m.start()
            optional = True
        elif m["brace"] == "{":
            inside = inside or (optional and depth == 2)
            optional = False
        elif m["brace"] == "}" and inside and depth == 1:
            out += (text[done : m.end()], " }")
            done = m.end()
            inside = False
    return "".join(out) + text[done:]


def names_graphs(text: str) -> bool:
    """Whether the query names graphs (``GRAPH``, ``FROM``, ``FROM NAMED``), and so must
    be asked of a store that holds the named graphs, not only their union.

    >>> names_graphs('SELECT * { GRAPH ?g { ?s ?p "GRAPH" } }'), names_graphs("SELECT * { ?s ?p ?o } # FROM")
    (True, False)
    """
    return any(m["word"] and m["word"].upper() in ("GRAPH", "FROM") for m in _TOKENS.finditer(text))
