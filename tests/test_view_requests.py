"""The view marks the requests that are open or overdue: on the item that made them (a dot
the page draws), and in the item's panel with the due time and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_view import page_data

from graphkit.load import load_graph
from graphkit.view import build_view
from graphkit.view.data import read_graph

pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)


def test_items_carry_their_open_and_overdue_requests(followups_build: Path) -> None:
    graph = read_graph(load_graph(followups_build))
    marked = {
        e.label: e.details["requests"] for e in graph.entities.values() if "requests" in e.details
    }
    assert sorted(marked) == ["3. Allotments", "4. Riverside Project", "7. Street Lighting"]
    assert marked["4. Riverside Project"] == [
        {
            "status": "overdue",
            "text": "RESOLVED that the Board requests a report on the Riverside Project by March 2031.",
            "due": "by March 2031 (by 2031-03-31)",
            "why": "due by 2031-03-31; no item of the committee's meetings in that time (2030-09-18, 2031-02-05) answers it",
        }
    ]
    assert [r["status"] for r in marked["3. Allotments"]] == ["open"]
    # answered, partly answered and unknown requests are not marked
    for label in ("1. Playground Strategy", "2. Tree Planting Scheme", "5. Cemetery Review"):
        (ent,) = [e for e in graph.entities.values() if e.label == label]
        assert "requests" not in ent.details


def test_the_page_holds_the_requests_and_draws_the_marks(followups_build: Path) -> None:
    html = build_view(load_graph(followups_build)).html
    data = page_data(html)
    requests = {
        e["label"]: [r["status"] for r in e["requests"]]
        for e in data["entities"].values()
        if "requests" in e
    }
    assert requests == {
        "3. Allotments": ["open"],
        "4. Riverside Project": ["overdue"],
        "7. Street Lighting": ["overdue"],
    }
    assert "request-mark" in html and "Requests not yet answered" in html
