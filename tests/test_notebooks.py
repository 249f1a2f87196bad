"""Every notebook's code cells run top to bottom against the current package."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    monkeypatch.chdir(path.parent)
    scope: dict[str, object] = {}
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert cells, f"{path.name} has no code"
    for cell in cells:
        exec(compile("".join(cell["source"]), f"{path.name}", "exec"), scope)  # noqa: S102
    assert os.getcwd() == str(path.parent)


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS
