"""Every notebook runs top to bottom in a real Jupyter kernel (nbclient) against the
current package, and is stored with its outputs cleared."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert cells, f"{path.name} has no code"
    for cell in cells:
        assert cell.get("outputs") == [] and cell.get("execution_count") is None, (
            f"{path.name}: clear the outputs before saving (a cell starts {cell['source'][:1]})"
        )


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    started = time.monotonic()
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    took = time.monotonic() - started
    errors = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.get("output_type") == "error"
    ]
    assert not errors
    assert took < 60, f"{path.name} took {took:.0f} s; keep it under a minute"


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS
    assert any(p.name == "trace-a-topic.ipynb" for p in NOTEBOOKS)
