"""One document's mentions once the gazetteer of every document is known."""

from __future__ import annotations

import bisect

from ..model import Document, Mention
from ..segment.text import plain
from .candidates import Candidate, DocumentFindings
from .gazetteer import Gazetteer, Key
from .patterns import _trim, unwrap

__all__ = ["resolve"]


def resolve(doc: Document, findings: DocumentFindings, gazetteer: Gazetteer) -> list[Mention]:
    """The mentions in ``doc``: its candidates the gazetteer lets through and the
    gazetteer's names wherever ``doc`` writes them, in document order, the longest span
    first where they nest (a span inside a longer one is dropped)."""
    text = unwrap(plain(doc.text))
    return mentions(doc, text, gazetteer.spans(findings, text))


def mentions(doc: Document, text: str, spans: dict[Key, Candidate]) -> list[Mention]:
    """``spans`` as mentions of ``doc``, blank edges trimmed, in order of start (longest
    first, then as proposed), each dropped when a mention kept before holds it."""
    order = sorted(spans, key=lambda k: (k[0], -k[1]))
    trimmed = [_trim(text, k[0], k[1]) for k in order]
    kept = _Reach(sorted({s for s, _ in trimmed}))
    out: list[Mention] = []
    for key, (start, end) in zip(order, trimmed, strict=True):
        if kept.reaches(start, end):
            continue  # nested inside a longer mention
        kept.add(start, end)
        c = spans[key]
        out.append(
            Mention(
                label=key[2],
                text=doc.text[start:end],
                start=start,
                end=end,
                source=doc.source,
                honorific=c.honorific,
                acronym_of=c.long,
                generic=c.generic,
            )
        )
    return out


class _Reach:
    """The spans kept so far, asked whether one of them holds a span: the furthest end of
    those starting at or before a point, in a Fenwick tree over the starts (log time)."""

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts
        self.tree = [-1] * (len(starts) + 1)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start) + 1
        while i < len(self.tree):
            self.tree[i] = max(self.tree[i], end)
            i += i & -i

    def reaches(self, start: int, end: int) -> bool:
        """Whether a kept span starts at or before ``start`` and ends at or after ``end``."""
        i = bisect.bisect_right(self.starts, start)
        best = -1
        while i > 0:
            best = max(best, self.tree[i])
            i -= i & -i
        return best >= end
