"""graphkit.timeline: the charts are valid SVG and PNG, deterministic, readable (no label
overlaps another) and plot exactly the dates the topic-timeline query returns."""

from __future__ import annotations

import datetime as dt
import struct
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

import graphkit
from graphkit.cli import cli

pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)


def _plotted(chart: graphkit.Chart, name: str) -> list[dt.date]:
    """The dates of the markers drawn for ``name``, read back from the figure."""
    import matplotlib.dates as mdates

    (ax,) = chart.figure.axes
    (line,) = [ln for ln in ax.get_lines() if ln.get_label() == name]
    return sorted(mdates.num2date(x).date() for x in mdates.date2num(line.get_xdata()))


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _no_overlaps(chart: graphkit.Chart) -> None:
    renderer = chart.figure.canvas.get_renderer()
    chart.figure.draw(renderer)
    boxes = [t.get_window_extent(renderer) for t in chart.labels]
    for (i, a), (j, b) in combinations(enumerate(boxes), 2):
        assert not a.overlaps(b), (chart.labels[i].get_text(), chart.labels[j].get_text())
    fig_box = chart.figure.bbox
    for box in boxes:  # every label inside the figure
        assert fig_box.x0 <= box.x0 and box.x1 <= fig_box.x1 + 1


@pytest.mark.parametrize("names", [["HAF"], ["HAF", "Family Valued"]])
def test_plotted_dates_are_the_query_dates(seeds_dataset: Dataset, names: list[str]) -> None:
    chart = graphkit.timeline_chart(seeds_dataset, names)
    assert len(chart.series) == len(names)
    for name, (label, dates) in zip(names, chart.series.items(), strict=True):
        rows = graphkit.run_query("topic-timeline", seeds_dataset, params={"topic": name}).rows
        expected = sorted({dt.date.fromisoformat(str(r[0])) for r in rows})
        assert expected, f"the query finds {name}"
        assert _plotted(chart, label) == expected
        assert sorted(dates) == expected
    _no_overlaps(chart)


def test_svg_and_png_are_valid_and_deterministic(seeds_dataset: Dataset, tmp_path: Path) -> None:
    chart = graphkit.timeline_chart(seeds_dataset, ["HAF", "Family Valued"])
    svg = chart.save(tmp_path / "haf.svg")
    root = ET.fromstring(svg.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert b"<dc:date>" not in svg.read_bytes()  # no creation date
    again = graphkit.timeline_chart(seeds_dataset, ["HAF", "Family Valued"]).render("svg")
    assert again == svg.read_bytes()
    png = chart.save(tmp_path / "haf.png")
    width, height = _png_size(png.read_bytes())
    assert width > 1000 and height > 300
    with pytest.raises(graphkit.AnalysisError, match="format"):
        chart.save(tmp_path / "haf.gif")


def test_top_chart(seeds_dataset: Dataset, tmp_path: Path) -> None:
    chart = graphkit.top_chart(seeds_dataset, 10)
    top = graphkit.top_programmes(seeds_dataset, 10)
    assert list(chart.series) == [label for _, label, _ in top]
    assert len(chart.series) == min(10, len(top))
    family = next(v for k, v in chart.series.items() if "Family Valued" in k)
    assert set(family) == set(graphkit.programme_timeline(seeds_dataset, "Family Valued").per_year)
    ET.fromstring(chart.render("svg"))
    _png_size(chart.render("png"))


def test_many_labels_never_overlap() -> None:
    """A programme discussed at many meetings close together: labels stack, none overlap."""
    prefix = """
@prefix gk: <https://w3id.org/graphkit/ns#> . @prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix : <https://example.org/id/> .
:p a gk:Programme ; skos:prefLabel "Saplings Programme" .
"""
    lines = [prefix]
    for n in range(14):
        day = dt.date(2022, 1, 1) + dt.timedelta(days=9 * n)
        lines.append(
            f':m{n} a gk:Meeting ; dcterms:date "{day}"^^xsd:date .\n'
            f":i{n} a gk:AgendaItem ; schema:superEvent :m{n} ; schema:position 1 ; "
            f'schema:name "A long agenda item title about saplings number {n}" ; dcterms:subject :p .\n'
        )
    ds = Dataset()
    ds.parse(data="".join(lines), format="turtle")
    chart = graphkit.timeline_chart(ds, ["Saplings"])
    assert len(chart.labels) == 14
    _no_overlaps(chart)


def test_cli_timeline(seeds_build: Path, tmp_path: Path) -> None:
    graph = str(seeds_build / "graph.trig")
    runner = CliRunner()
    for name in ("haf.svg", "haf.png"):
        out = tmp_path / name
        result = runner.invoke(cli, ["timeline", "HAF", "--graph", graph, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert "Holiday Activities and Food Programme" in result.output
    ET.fromstring((tmp_path / "haf.svg").read_bytes())
    _png_size((tmp_path / "haf.png").read_bytes())
    top = runner.invoke(
        cli, ["timeline", "--top", "10", "-g", graph, "-o", str(tmp_path / "t.svg")]
    )
    assert top.exit_code == 0, top.output
    neither = runner.invoke(cli, ["timeline", "-g", graph])
    assert neither.exit_code != 0
    both = runner.invoke(cli, ["timeline", "HAF", "--top", "3", "-g", graph])
    assert both.exit_code != 0
