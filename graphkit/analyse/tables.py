"""Results of the analyses: :class:`Table`, its formats (text, csv, json, markdown) and
the error an analysis raises."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import GraphkitError


class AnalysisError(GraphkitError):
    """An analysis cannot answer: an unknown entity, no path, a bad option."""


# -- tables -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Table:
    """A result: a title, column names, rows of plain values, and notes (e.g. approximations)."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    notes: tuple[str, ...] = ()

    def records(self) -> list[dict[str, object]]:
        """The rows as dictionaries keyed by column.

        >>> Table("t", "T", ("a", "b"), ((1, "x"),)).records()
        [{'a': 1, 'b': 'x'}]
        """
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def format(self, fmt: str = "text") -> str:
        """The table as ``text`` (aligned), ``csv``, ``json`` or ``markdown``.

        >>> print(Table("t", "T", ("a", "b"), ((1, "x|y"),)).format("markdown"), end="")
        ### T
        <BLANKLINE>
        | a | b |
        |---|---|
        | 1 | x\\|y |
        """
        return format_tables([self], fmt)

    def _repr_markdown_(self) -> str:
        return self.format("markdown")


def _cell(value: object) -> str:
    """A value as table text.

    >>> _cell(0.123456), _cell(None), _cell(["a", "b"]), _cell(3)
    ('0.1235', '', 'a; b', '3')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def format_tables(tables: Sequence[Table], fmt: str = "text") -> str:
    """Tables as one text: ``text``, ``csv`` (a ``# name: title`` line before each
    table's block when there are several), ``json`` (a list of objects) or ``markdown``."""
    if fmt == "json":
        doc = [
            {"name": t.name, "title": t.title, "notes": list(t.notes), "rows": t.records()}
            for t in tables
        ]
        return json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n"
    parts: list[str] = []
    for t in tables:
        if fmt == "csv":
            buf = io.StringIO()
            if len(tables) > 1:
                buf.write(f"# {t.name}: {t.title}\n")
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(t.columns)
            writer.writerows([_cell(v) for v in row] for row in t.rows)
            parts.append(buf.getvalue())
        elif fmt == "markdown":
            lines = [f"### {t.title}", ""]
            lines.append("| " + " | ".join(t.columns) + " |")
            lines.append("|" + "|".join("---" for _ in t.columns) + "|")
            for row in t.rows:
                cells = [_cell(v).replace("|", "\\|") for v in row]
                lines.append("| " + " | ".join(cells) + " |")
            lines += [f"\n*{n}*" for n in t.notes]
            parts.append("\n".join(lines) + "\n")
        elif fmt == "text":
            body = [[_cut(_cell(v)) for v in row] for row in t.rows]
            sizes = [max([len(c)] + [len(r[i]) for r in body]) for i, c in enumerate(t.columns)]

            def line(cells: Sequence[str], sizes: list[int] = sizes) -> str:
                return "  ".join(c.ljust(n) for c, n in zip(cells, sizes, strict=True)).rstrip()

            lines = [t.title, "=" * len(t.title), line(t.columns)]
            lines.append("  ".join("-" * n for n in sizes))
            lines += [line(r) for r in body] or ["(none)"]
            lines += [f"note: {n}" for n in t.notes]
            parts.append("\n".join(lines) + "\n")
        else:
            raise AnalysisError(f"unknown format {fmt!r}; choose from text, csv, json, markdown")
    return "\n".join(parts)


def _cut(text: str, width: int = 60) -> str:
    """
    >>> _cut("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= width else text[: width - 1] + "…"
