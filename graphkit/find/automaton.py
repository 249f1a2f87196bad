"""Where a gazetteer's names recur in a text: one Aho-Corasick automaton per kind.

A name is found where a regular expression ``(?<![\\w'’])NAME(?![\\w])`` would find it,
case-insensitively (as ``re.IGNORECASE`` compares) or as written, by the kind's rule; and,
like ``re.finditer`` run once per name, a name's occurrences do not overlap each other.
The automaton reads the text once whatever the number of names.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import ahocorasick

__all__ = ["NameIndex", "fold"]


def _extra_cases() -> dict[int, tuple[int, ...]]:
    """The characters ``re.IGNORECASE`` takes for one another beyond their lower case
    ("s" and the long "ſ", "k" and the Kelvin sign), from the ``re`` module itself."""
    for module, attr in (("re._casefix", "_EXTRA_CASES"), ("sre_compile", "_ignorecase_fixes")):
        try:
            found: Any = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            continue
        return dict(found)
    return {}


_EXTRA = _extra_cases()


@cache
def _fold_char(c: str) -> str:
    low = "i" if c == "\u0130" else c.lower()  # "İ": the one letter lower() makes two of
    if len(low) != 1:
        low = c
    return chr(min((ord(low), *_EXTRA.get(ord(low), ()))))


def fold(text: str) -> str:
    """``text`` with every character replaced by one that stands for all those
    ``re.IGNORECASE`` takes it for; same length, so offsets carry over.

    >>> fold("Early HELP"), fold("ſtrategy"), len(fold("İzmir")) == len("İzmir")
    ('early help', 'strategy', True)
    """
    if text.isascii():
        return text.lower()
    table = {ord(c): _fold_char(c) for c in set(text) if not c.isascii() or c.isupper()}
    return text.translate(table)


def _is_word(c: str) -> bool:
    """Whether ``c`` is a ``\\w`` character of a str pattern."""
    return c.isalnum() or c == "_"


class NameIndex:
    """The names of one kind, each found at word boundaries.

    ``ignore_case(name)`` says whether a name recurs in any case; ``not_after`` is a
    pattern that must not match where a name ends (a post named after a programme).
    """

    def __init__(
        self,
        names: Iterable[str],
        ignore_case: Callable[[str], bool],
        not_after: re.Pattern[str] | None = None,
    ) -> None:
        self.not_after = not_after
        self.automaton: Any = ahocorasick.Automaton()
        groups: dict[str, list[tuple[str, bool]]] = {}
        for name in sorted(set(names)):
            if name:  # an empty name names nothing
                groups.setdefault(fold(name), []).append((name, ignore_case(name)))
        for key, group in groups.items():
            self.automaton.add_word(key, (len(key), tuple(group)))
        self.empty = not groups
        if not self.empty:
            self.automaton.make_automaton()
        self._patterns: dict[str, re.Pattern[str]] = {}

    def _same(self, written: str, name: str, ignore_case: bool) -> bool:
        if not ignore_case:
            return written == name
        if written.isascii() and name.isascii():
            return written.lower() == name.lower()
        pattern = self._patterns.get(name)
        if pattern is None:
            pattern = self._patterns[name] = re.compile(re.escape(name), re.I)
        return pattern.fullmatch(written) is not None

    def _bounded(self, text: str, start: int, end: int) -> bool:
        if start > 0 and (_is_word(text[start - 1]) or text[start - 1] in "'’"):
            return False
        if end < len(text) and _is_word(text[end]):
            return False
        return self.not_after is None or self.not_after.match(text, end) is None

    def find(self, text: str) -> list[tuple[int, int]]:
        """Every (start, end) where a name is written in ``text``, in order."""
        if self.empty:
            return []
        at: dict[str, list[tuple[int, int]]] = {}
        for last, (size, group) in self.automaton.iter(fold(text)):
            start, end = last - size + 1, last + 1
            written = text[start:end]
            for name, ignore_case in group:
                if self._same(written, name, ignore_case) and self._bounded(text, start, end):
                    at.setdefault(name, []).append((start, end))
        out = []
        for spans in at.values():  # a name's occurrences do not overlap, as re.finditer's
            reached = 0
            for start, end in sorted(spans):
                if start >= reached:
                    out.append((start, end))
                    reached = end
        return sorted(out)
