"""Names merged into sets one rule at a time (networkx's union–find).

A set is called by its least member, never by whichever member the union–find
happens to keep as its root, so that what is built does not depend on the order
the rules merged things in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

__all__ = ["Partition", "least", "least_members", "partition"]


class Partition(Protocol):
    """The part of ``networkx.utils.UnionFind`` linking uses."""

    def __getitem__(self, item: str) -> str: ...
    def __iter__(self) -> Iterator[str]: ...
    def union(self, *items: str) -> None: ...


def partition() -> Partition:
    """A new, empty partition.

    >>> p = partition()
    >>> p.union("b", "c"); p["a"] == p["b"], p["b"] == p["c"]
    (False, True)
    """
    # networkx takes ~0.2 s to import: only builds that link anything pay for it
    from networkx.utils import UnionFind

    found: Partition = UnionFind()
    return found


def least(p: Partition, item: str) -> str:
    """The least member of ``item``'s set (``item`` joins as a set of its own if new).

    >>> p = partition(); p.union("m", "k"); p.union("z", "m")
    >>> least(p, "z"), least(p, "q")
    ('k', 'q')
    """
    root = p[item]
    return min(x for x in list(p) if p[x] == root)


def least_members(p: Partition) -> dict[str, str]:
    """Every member → the least member of its set.

    >>> p = partition(); p.union("m", "k"); p.union("x", "y")
    >>> sorted(least_members(p).items())
    [('k', 'k'), ('m', 'k'), ('x', 'x'), ('y', 'x')]
    """
    root_of = {x: p[x] for x in list(p)}
    least_of: dict[str, str] = {}
    for x, root in root_of.items():
        least_of[root] = min(least_of.get(root, x), x)
    return {x: least_of[root] for x, root in root_of.items()}
