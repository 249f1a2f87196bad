"""Interactive HTML view (placeholder until issue #4 lands)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from .serialise import atomic_write

__all__ = ["write_view"]


def write_view(ds: Dataset, path: Path) -> Path:
    return atomic_write(Path(path), b"<!doctype html><title>graphkit</title><p>view pending</p>\n")
