"""Timeline charts: when programmes were discussed, as SVG or PNG (matplotlib, Agg).

:func:`timeline_chart` draws one lane per programme: a marker at each meeting that
discussed it, on a date axis, with the agenda items' titles as labels stacked so that
no two overlap and no leader line crosses a label. :func:`top_chart` draws the most
discussed programmes side by side across years. The figures are made without pyplot
(no global state, no display needed) and saved deterministically: a fixed
``svg.hashsalt`` and no creation dates in the metadata, so the same graph gives the
same file.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .analyse import AnalysisError, Timeline, programme_timeline, top_programmes
from .analyse.projection import projected

__all__ = ["FORMATS", "Chart", "timeline_chart", "top_chart"]

FORMATS = ("svg", "png", "pdf")
_RC: Any = {
    "svg.hashsalt": "graphkit",
    "font.family": "DejaVu Sans",
    "svg.fonttype": "path",
}
_COLOURS = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d")
_FONT = 7.5  # points: item labels
_LABEL_CHARS = 48


@dataclass
class Chart:
    """A drawn chart: the matplotlib Figure and the data plotted (``series``: for a
    timeline, each programme's meeting dates; for a top chart, meetings per year)."""

    figure: Any = field(repr=False)
    series: dict[str, Any] = field(default_factory=dict)
    labels: list[Any] = field(default_factory=list, repr=False)  # the label Text artists

    def save(self, path: str | Path) -> Path:
        """Write the chart; the format comes from the suffix (.svg, .png or .pdf)."""
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise AnalysisError(
                f"{path}: cannot tell the chart format from {path.suffix!r}; "
                f"use one of {', '.join('.' + f for f in FORMATS)}"
            )
        data = self.render(fmt)
        from .serialise import atomic_write

        return atomic_write(path, data)

    def render(self, fmt: str = "svg") -> bytes:
        """The chart as bytes in ``fmt`` (svg, png or pdf), deterministic."""
        import matplotlib

        metadatas: dict[str, dict[str, Any]] = {
            "svg": {"Date": None, "Creator": "graphkit"},
            "png": {"Software": "graphkit"},
            "pdf": {"CreationDate": None, "ModDate": None, "Creator": "graphkit"},
        }
        metadata = metadatas[fmt]
        buf = io.BytesIO()
        with matplotlib.rc_context(_RC):
            self.figure.savefig(
                buf, format=fmt, metadata=metadata, dpi=150 if fmt == "png" else 100
            )
        return buf.getvalue()

    def svg(self) -> str:
        """The chart as SVG text."""
        return self.render("svg").decode("utf-8")

    def _repr_svg_(self) -> str:
        return self.svg()


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def _label_text(date: str, titles: Sequence[str], max_titles: int) -> str:
    """An item label: one line per title (cut), at most ``max_titles``.

    >>> print(_label_text("2021-06-24", ["A", "B", "C"], 2))
    24 Jun 2021
    · A
    · B
    + 1 more
    """
    day = dt.date.fromisoformat(date)
    lines = [f"{day.day} {day:%b %Y}"]
    for title in titles[:max_titles]:
        short = textwrap.shorten(title or "(untitled item)", _LABEL_CHARS, placeholder="…")
        lines.append(f"· {short}")
    if len(titles) > max_titles:
        lines.append(f"+ {len(titles) - max_titles} more")
    return "\n".join(lines)


def _place(boxes: list[tuple[float, float, float]], gap: float) -> list[float]:
    """Heights for labels (x, width, height), latest first, each as low as it can go
    without overlapping a label already placed or crossing another's leader line.

    >>> _place([(0, 10, 2), (5, 10, 2), (30, 5, 2)], 1)
    [3.0, 0.0, 0.0]
    """
    placed: dict[int, tuple[float, float, float, float]] = {}
    order = sorted(range(len(boxes)), key=lambda i: -boxes[i][0])
    for i in order:
        x, w, h = boxes[i]
        y = 0.0
        moved = True
        while moved:
            moved = False
            for x0, x1, y0, y1 in placed.values():
                overlaps_x = x < x1 + gap and x0 < x + w + gap
                clash = overlaps_x and y < y1 + gap and y0 < y + h + gap
                # its leader runs up x0 from 0 to y0; ours up x from 0 to y
                covers_its_leader = x - gap <= x0 <= x + w + gap and y < y1 + gap
                blocks_our_leader = x0 - gap <= x <= x1 + gap and y0 < y + h + gap
                if clash or covers_its_leader or blocks_our_leader:
                    y, moved = y1 + gap, True
        placed[i] = (x, x + w, y, y + h)
    return [placed[i][2] for i in range(len(boxes))]


def timeline_chart(
    source: Any,
    programmes: Sequence[str],
    *,
    width: float = 11.0,
    title: str | None = None,
    max_titles: int = 3,
) -> Chart:
    """When each of ``programmes`` (names as in :func:`~graphkit.analyse.programme_timeline`)
    was discussed: one lane per programme, a marker per meeting on a date axis, the
    items' titles as labels. ``source`` is a Dataset, a graph file or a projection."""
    import matplotlib.dates
    from matplotlib.font_manager import FontProperties

    mdates: Any = matplotlib.dates  # partly untyped
    if not programmes:
        raise AnalysisError("name at least one programme to chart (or ask for the top ones)")
    graph = projected(source)
    timelines = [programme_timeline(graph, p) for p in programmes]
    every = [d for t in timelines for d in t.dates]
    if not every:
        raise AnalysisError("no meeting discussed " + ", ".join(programmes))
    lo, hi = min(every), max(every)
    span = max((hi - lo).days, 60)
    margin = max(20, span // 25)
    left_in, right_in = 2.3, 0.3
    axes_pt = (width - left_in - right_in) * 72
    prop = FontProperties(family="DejaVu Sans", size=_FONT)
    lanes, scale = _fit_lanes(timelines, prop, max_titles, (lo, margin, span), axes_pt)
    x0 = mdates.date2num(lo) - margin
    heights, placements = _stack_labels(lanes, lo, margin, scale)
    total_pt = sum(heights)
    bottom_in, top_in = 0.55, 0.45
    fig = _figure(width, total_pt / 72 + bottom_in + top_in)
    height_in = fig.get_figheight()
    ax = fig.add_axes(
        (left_in / width, bottom_in / height_in, axes_pt / 72 / width, total_pt / 72 / height_in)
    )
    ax.set_xlim(x0, x0 + axes_pt / scale)
    ax.set_ylim(0, total_pt)
    chart = Chart(fig)
    base = total_pt
    ticks, tick_labels = [], []
    for n, (lane, ys, h) in enumerate(zip(lanes, placements, heights, strict=True)):
        base -= h
        lane_y = base + 10
        name = _draw_lane(ax, chart, n, lane, ys, lane_y, scale, prop)
        ticks.append(lane_y)
        tick_labels.append(textwrap.fill(name, 28))
    _style_date_axes(ax, ticks, tick_labels)
    names = " and ".join("; ".join(t.programmes) for t in timelines)
    verb = "were" if len(timelines) > 1 else "was"
    fig.suptitle(title or f"When {names} {verb} discussed", fontsize=10, x=0.02, ha="left")
    return chart


_Lane = tuple[Timeline, list[str], list[tuple[float, float]]]


def _fit_lanes(
    timelines: Sequence[Timeline],
    prop: Any,
    max_titles: int,
    frame: tuple[dt.date, int, int],
    axes_pt: float,
) -> tuple[list[_Lane], float]:
    """Each timeline with its labels and their sizes (points), and the x scale (points per
    day) at which every label fits inside the axes. ``frame`` is (first day, margin, span)."""
    from matplotlib.textpath import TextPath

    lo, margin, span = frame
    line_pt = _FONT * 1.25

    def measure(text: str) -> tuple[float, float]:
        lines = text.split("\n")
        w = max(TextPath((0, 0), ln or " ", prop=prop).get_extents().width for ln in lines)
        return w + 2, line_pt * len(lines) + 2

    lanes: list[_Lane] = []
    scale = axes_pt / (span + 2 * margin)
    for t in timelines:
        texts = [_label_text(d, titles, max_titles) for d, _, titles in t.meetings]
        sizes = [measure(s) for s in texts]
        lanes.append((t, texts, sizes))
        for day, (w, _) in zip(t.dates, sizes, strict=True):
            offset = (day - lo).days + margin
            room = axes_pt - w - 6
            if room > 0 and offset * scale > room:
                scale = room / offset
    return lanes, scale


def _stack_labels(
    lanes: Sequence[_Lane], lo: dt.date, margin: int, scale: float
) -> tuple[list[float], list[list[float]]]:
    """Each lane's height (points) and the heights of its labels above its line."""
    gap = 3.0
    heights = []
    placements = []
    for t, _texts, sizes in lanes:
        boxes = [
            (((d - lo).days + margin) * scale, w, h)
            for d, (w, h) in zip(t.dates, sizes, strict=True)
        ]
        ys = _place(boxes, gap)
        placements.append(ys)
        top = max((y + h for y, (_, h) in zip(ys, sizes, strict=True)), default=0.0)
        heights.append(top + 26)
    return heights, placements


def _draw_lane(
    ax: Any,
    chart: Chart,
    n: int,
    lane: _Lane,
    ys: Sequence[float],
    lane_y: float,
    scale: float,
    prop: Any,
) -> str:
    """Draw lane ``n`` (markers, stems, labels) at height ``lane_y``; returns its name."""
    import matplotlib.dates

    mdates: Any = matplotlib.dates  # partly untyped
    t, texts, _sizes = lane
    colour = _COLOURS[n % len(_COLOURS)]
    name = "; ".join(t.programmes)
    ax.axhline(lane_y, color=colour, lw=0.6, alpha=0.4)
    dates = t.dates
    counts = [len(titles) for _, _, titles in t.meetings]
    ax.plot(
        dates,
        [lane_y] * len(dates),
        "o",
        color=colour,
        ms=5,
        label=name,
        gid=f"timeline-{n}",
        zorder=3,
    )
    for day, text, y, count in zip(dates, texts, ys, counts, strict=True):
        label_y = lane_y + 8 + y
        ax.plot([day, day], [lane_y, label_y], color=colour, lw=0.5, alpha=0.7, zorder=2)
        label = ax.text(
            mdates.date2num(day) + 1.5 / scale,
            label_y,
            text,
            fontproperties=prop,
            va="bottom",
            ha="left",
            linespacing=1.25 * 0.95,
            color="#222222",
            zorder=4,
        )
        label.set_gid(f"item-label-{n}-{day.isoformat()}-{count}")
        chart.labels.append(label)
    chart.series[name] = dates
    return name


def _style_date_axes(ax: Any, ticks: list[float], tick_labels: list[str]) -> None:
    """Lane names on the y axis, concise dates and a light grid on the x axis."""
    import matplotlib.dates

    mdates: Any = matplotlib.dates  # partly untyped
    ax.set_yticks(ticks, tick_labels, fontsize=8.5)
    ax.tick_params(axis="y", length=0)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", color="#dddddd", lw=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def top_chart(
    source: Any, top: int = 10, *, width: float = 11.0, title: str | None = None
) -> Chart:
    """The ``top`` most discussed programmes side by side across calendar years: one row
    per programme, one column per year, a disc sized by the meetings that discussed it."""
    graph = projected(source)
    rows = top_programmes(graph, top)
    if not rows:
        raise AnalysisError("no programme or topic is discussed in any agenda item")
    years = sorted({y for _, _, per_year in rows for y in per_year})
    years = list(range(years[0], years[-1] + 1))
    height = 0.95 + 0.42 * len(rows)
    fig = _figure(width, height)
    left_in = 3.2
    ax = fig.add_axes(
        (left_in / width, 0.55 / height, (width - left_in - 0.3) / width, (height - 1.0) / height)
    )
    most = max(c for _, _, per_year in rows for c in per_year.values())
    chart = Chart(fig)
    for i, (_, label, per_year) in enumerate(rows):
        y = len(rows) - 1 - i
        xs = [yr for yr in years if per_year.get(yr)]
        counts = [per_year[yr] for yr in xs]
        sizes = [40 + 360 * c / most for c in counts]
        ax.scatter(xs, [y] * len(xs), s=sizes, color=_COLOURS[0], alpha=0.75, zorder=3)
        for x, c in zip(xs, counts, strict=True):
            ax.annotate(
                str(c), (x, y), xytext=(0, 0), textcoords="offset points", ha="center",
                va="center", fontsize=7.5, color="white", zorder=4,
            )  # fmt: skip
        chart.series[label] = dict(per_year)
    ax.set_yticks(
        range(len(rows)),
        [textwrap.shorten(label, 48, placeholder="…") for _, label, _ in reversed(rows)],
        fontsize=8.5,
    )
    ax.set_xticks(years, [str(y) for y in years], fontsize=8.5)
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.grid(color="#e5e5e5", lw=0.5)
    ax.set_axisbelow(True)
    ax.tick_params(length=0)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.suptitle(
        title or f"The {len(rows)} most discussed programmes: meetings per year",
        fontsize=10,
        x=0.02,
        ha="left",
    )
    return chart
