"""Where the optional real-records corpus lies, for the tests that check against it.

The corpus (published council pages and files) is not part of the repository, and the
tests never look outside the repository for it: they use it only where
``GRAPHKIT_CORPUS`` points. A test that needs it calls :func:`need_corpus`, which skips,
saying so, when it is not given: a fresh clone passes without it.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

_GIVEN = os.environ.get("GRAPHKIT_CORPUS", "").strip()
CORPUS = Path(_GIVEN) if _GIVEN else None


def have_corpus() -> bool:
    return CORPUS is not None and (CORPUS / "INDEX.tsv").is_file()


def need_corpus() -> Path:
    """The corpus folder; skips the calling test when it is not there."""
    if CORPUS is None:
        pytest.skip(
            "optional real-records corpus not given (set GRAPHKIT_CORPUS to check against it)"
        )
    if not have_corpus():
        pytest.skip(f"optional real-records corpus: no INDEX.tsv in GRAPHKIT_CORPUS={CORPUS}")
    return CORPUS


def corpus_index() -> list[dict[str, str]]:
    """The rows of the corpus's INDEX.tsv, or none when the corpus is absent."""
    if CORPUS is None or not have_corpus():
        return []
    with (CORPUS / "INDEX.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))
