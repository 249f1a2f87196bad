"""Where the optional real-records corpus lies, for the tests that check against it.

The corpus (published council pages and files) is not part of the repository; it is
looked for beside the clone (``../shared/corpus``) or where ``GRAPHKIT_CORPUS`` points.
A test that needs it calls :func:`need_corpus`, which skips, saying so, when it is absent:
a fresh clone with nothing beside it passes without it.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

CORPUS = Path(
    os.environ.get("GRAPHKIT_CORPUS")
    or Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
)


def have_corpus() -> bool:
    return (CORPUS / "INDEX.tsv").is_file()


def need_corpus() -> Path:
    """The corpus folder; skips the calling test when it is not there."""
    if not have_corpus():
        pytest.skip(
            f"optional real-records corpus not found at {CORPUS} "
            "(set GRAPHKIT_CORPUS to check against it)"
        )
    return CORPUS


def corpus_index() -> list[dict[str, str]]:
    """The rows of the corpus's INDEX.tsv, or none when the corpus is absent."""
    if not have_corpus():
        return []
    with (CORPUS / "INDEX.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))
