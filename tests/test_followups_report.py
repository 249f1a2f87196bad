"""graphkit followups and graphkit workprogramme: read back from a graph (or built from
documents), printed as a table, CSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner
from conftest import FOLLOWUPS

from graphkit.cli import cli


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_table_puts_overdue_and_open_first_with_evidence_and_candidates(
    followups_build: Path,
) -> None:
    out = _run("followups", str(followups_build), "--width", "0")
    heads = [
        line.split("  ")[0].strip()
        for line in out.splitlines()
        if line and not line.startswith(" ")
    ]
    assert heads == [
        "OVERDUE",
        "OVERDUE",
        "OPEN",
        "UNKNOWN",
        "PARTLY ANSWERED",
        "ANSWERED",
        "ANSWERED",
    ]
    first = out.split("\n\n")[0].splitlines()
    assert first == [
        "OVERDUE          2030-06-12  Parks and Open Spaces Scrutiny Board (3), item 4 Riverside Project",
        "  request  RESOLVED that the Board requests a report on the Riverside Project by March 2031.",
        "  by       the Board   kind report   topic Riverside Project",
        "  due      by March 2031 (2030-06-13 to 2031-03-31)",
        "  why      due by 2031-03-31; no item of the committee's meetings in that time (2030-09-18, 2031-02-05) answers it",
        "  - 2031-02-05 work programme: Riverside Project  [scheduled; scheduled; 0.30]",
        "      a work programme listed on 2030-09-18 plans it for 2031-02-05 (Riverside Project)",
    ]


def test_csv_and_json_and_status_filter(followups_build: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_run("followups", str(followups_build), "-f", "csv"))))
    assert [r["status"] for r in rows][:3] == ["overdue", "overdue", "open"]
    assert (
        rows[-2]["candidates"] == "2031-02-05 1 Play Areas Update [answers; minute-reference; 0.95]"
    )
    data = json.loads(_run("followups", str(followups_build), "-f", "json", "--status", "unknown"))
    assert [(d["item"], d["due"]) for d in data] == [
        ("5 Cemetery Review", "in the 2031/32 Municipal Year (2031-05-01 to 2032-04-30)")
    ]


def test_built_from_documents_is_the_same_register(followups_build: Path) -> None:
    assert _run("followups", str(FOLLOWUPS), "-f", "json") == _run(
        "followups", str(followups_build), "-f", "json"
    )


def test_workprogramme_markdown(followups_build: Path) -> None:
    out = _run("workprogramme", str(followups_build), "--format", "markdown", "--year", "2030/31")
    lines = out.splitlines()
    assert lines[0] == "| year | planned | entry | status | taken_on | taken_as |"
    assert (
        lines[2]
        == "| 2030/31 | 2030-09-18 | Bowling Greens Plan | held as planned | 2030-09-18 | 2 Bowling Greens Plan |"
    )
    assert lines[-1] == "| 2030/31 |  |  | added, not planned | 2030-09-18 | 3 Open Spaces Budget |"
    assert (
        "| 2030/31 | for the year | Play Areas | held as planned | 2031-02-05 | 1 Play Areas Update |"
        in lines
    )


def test_missing_input_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["followups", str(tmp_path / "nothing")])
    assert result.exit_code != 0
