"""Text helpers shared by the segmenters: a markup-free view with the same offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["WRAPPED", "clean", "lines", "paragraphs", "plain", "table_cells"]

#: The shortest line read as a paragraph's line wrapped at a page's width (PDF text): a
#: list of one name a line, a heading or a title is shorter.
WRAPPED = 60

# Markup: "**", "__", a "*" opening (after neither a word character nor a "*", before a
# non-space) or closing (after a non-space, before neither), one to six "#" and a space
# or tab at a line's start, an HTML tag, a backslash escape. Every branch begins with
# its character, the checks on what comes before written after it as look-behinds, so
# that the engine skips to the next of "*_#<\" instead of trying every branch at every
# position: the same matches, about 13 times quicker on a long page.
_MARKUP = re.compile(
    r"\*\*|__|\*(?<![\w*]\*)(?=\S)|\*(?<=\S\*)(?![\w*])|#(?<![^\n]#)#{0,5}[ \t]"
    r"|<\/?[a-zA-Z][^<>\n]{0,200}>|\\(?=[^\w\s])"
)


def plain(text: str) -> str:
    """``text`` with Markdown and HTML markup blanked out, keeping every offset.

    >>> plain("### **13. Minutes**")
    '      13. Minutes  '
    >>> len(plain("3<sup>rd</sup> December")) == len("3<sup>rd</sup> December")
    True
    """
    return _MARKUP.sub(lambda m: " " * len(m.group(0)), text)


def clean(text: str) -> str:
    """Collapse white space and strip leftover markup, for labels.

    >>> clean("  **Work   Programme**\\n")
    'Work Programme'
    """
    return " ".join(plain(text).split()).strip(" -–:")


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for each line of ``text[start:end]``, offsets into ``text``."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        yield pos, stop, text[pos:stop]
        pos = stop + 1


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of blank-line-separated paragraphs, trimmed."""
    end = len(text) if end is None else end
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def table_cells(line: str) -> tuple[list[str], list[int]] | None:
    r"""A table row's cells and their offsets in ``line``: tab-separated or a pipe table.

    >>> table_cells("| 12 June 2024 | Waste Strategy |  |")
    (['12 June 2024 ', 'Waste Strategy ', ''], [2, 17, 35])
    >>> table_cells("Date\tTitle\tLead")[0]
    ['Date', 'Title', 'Lead']
    """
    if "\t" in line:
        cells, offsets, pos = [], [], 0
        for c in line.split("\t"):
            cells.append(c)
            offsets.append(pos)
            pos += len(c) + 1
        return cells, offsets
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        first = line.index("|") + 1
        last = line.rindex("|")
        cells, offsets, pos = [], [], first
        for c in line[first:last].split("|"):
            lead = len(c) - len(c.lstrip(" "))
            cells.append(c[lead:] if lead else c)
            offsets.append(pos + lead)
            pos += len(c) + 1
        return cells, offsets
    return None
