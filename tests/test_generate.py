"""benchmarks/generate.py: the synthetic corpus is deterministic, and a build finds in it
exactly the meetings, items, attendance and work-programme rows the generator wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import benchmark_script

from graphkit.build import build

generate = benchmark_script("generate")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    generate.generate(40, tmp_path / "a", seed=7)
    generate.generate(40, tmp_path / "b", seed=7)
    generate.generate(40, tmp_path / "c", seed=8)
    a = _files(tmp_path / "a")
    assert len(a) == 41  # 40 documents and the manifest
    assert a == _files(tmp_path / "b")
    assert a != _files(tmp_path / "c")


@pytest.mark.parametrize("name", ["big-attendance", "nested-tables", "huge-minutes"])
def test_big_inputs_same_seed_same_bytes(tmp_path: Path, name: str) -> None:
    one = generate.generate_big(name, tmp_path / "a", seed=3, scale=0.01)
    two = generate.generate_big(name, tmp_path / "b", seed=3, scale=0.01)
    assert one.read_bytes() == two.read_bytes()
    wanted = {"big-attendance": 8_800, "nested-tables": 6_600, "huge-minutes": 49_000}[name]
    assert wanted <= len(one.read_bytes()) < wanted * 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    folder = tmp_path_factory.mktemp("generated")
    generate.generate(20, folder, seed=2)
    manifest = json.loads((folder / generate.MANIFEST).read_text(encoding="utf-8"))
    return folder, manifest["documents"]


def test_every_kind_is_generated(corpus: tuple[Path, list[dict[str, object]]]) -> None:
    _folder, truths = corpus
    assert {t["kind"] for t in truths} == set(generate.KINDS)


def test_build_finds_what_was_generated(corpus: tuple[Path, list[dict[str, object]]]) -> None:
    folder, truths = corpus
    result = build([folder])
    assert result.problems == []
    assert sorted(d.source for d in result.documents) == sorted(str(t["file"]) for t in truths)
    by_source = {t["file"]: t for t in truths}
    assert sorted(m.source for m in result.meetings) == sorted(by_source)  # one meeting each
    for meeting in result.meetings:
        truth = by_source[meeting.source]
        assert (meeting.committee, str(meeting.date)) == (truth["committee"], truth["date"])
        assert [i.title for i in meeting.items] == truth["items"], meeting.source
        assert [i.number or "" for i in meeting.items] == truth["numbers"], meeting.source
        assert [r.title for r in meeting.work_programme] == truth["rows"], meeting.source
        attendance = [[a.name, str(a.status), str(a.capacity)] for a in meeting.attendance]
        assert attendance == truth["attendees"], meeting.source
    # each council by its place (a ModernGov page names its council only by its web address)
    places = {str(t["council"]).split()[0] for t in truths}
    assert places == {name.split()[0] for name in result.councils.values()}


def test_a_build_of_generated_records_keeps_the_contract(
    corpus: tuple[Path, list[dict[str, object]]],
) -> None:
    from graphkit.validate import format_violations, validate

    folder, _truths = corpus
    violations = validate(build([folder]).dataset)
    assert violations == [], format_violations(violations)
