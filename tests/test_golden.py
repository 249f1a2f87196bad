"""The seeds graph, compared with a blessed copy (``tests/data/golden/seeds.nq``).

The graph has no blank nodes, so two graphs are isomorphic exactly when their sets
of quads are equal; a failure prints the quads gained and lost, a few per kind.

After a change that should alter the graph (and only then), re-bless it with::

    GRAPHKIT_BLESS=1 .venv/bin/python -m pytest tests/test_golden.py

and review ``git diff tests/data/golden/`` like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

from graphkit.serialise import serialise

GOLDEN = Path(__file__).parent / "data" / "golden" / "seeds.nq"


def _lines(data: bytes) -> set[str]:
    return {line for line in data.decode("utf-8").splitlines() if line.strip()}


def _diff(lost: set[str], gained: set[str], show: int = 15) -> str:
    parts = [f"{len(lost)} quad(s) lost, {len(gained)} gained"]
    for sign, quads in (("-", lost), ("+", gained)):
        parts.extend(f"  {sign} {q}" for q in sorted(quads)[:show])
        if len(quads) > show:
            parts.append(f"  {sign} ... and {len(quads) - show} more")
    parts.append("If the change is intended: GRAPHKIT_BLESS=1 pytest tests/test_golden.py")
    return "\n".join(parts)


def test_seeds_graph_is_the_golden_graph(seeds_result) -> None:
    data = serialise(seeds_result.dataset, "nquads")
    if os.environ.get("GRAPHKIT_BLESS"):
        GOLDEN.write_bytes(data)
    want, have = _lines(GOLDEN.read_bytes()), _lines(data)
    assert "_:" not in data.decode("utf-8"), "blank nodes: compare by isomorphism instead"
    assert have == want, _diff(want - have, have - want)


def test_the_diff_names_what_changed() -> None:
    text = _diff({"<a> <b> <c> ."}, {"<a> <b> <d> ."})
    assert "- <a> <b> <c> ." in text and "+ <a> <b> <d> ." in text
    assert text.startswith("1 quad(s) lost, 1 gained")
