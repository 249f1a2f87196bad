"""graphkit.perdocument: one document read and laid out on its own, and what crosses to a
worker process and back (pickles)."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest
from invented import write_minutes

from graphkit import layouts
from graphkit.documents import Limits, OverTime, file_digest, list_paths
from graphkit.errors import DocumentError, DocumentWarning
from graphkit.find import find_in_document
from graphkit.perdocument import DocumentResult, DocumentTask, process_document


def _tasks(*paths: Path, limits: Limits | None = None) -> list[DocumentTask]:
    limits = limits or Limits()
    return [DocumentTask(f, file_digest(f, limits), limits) for f in list_paths(list(paths))]


def test_a_document_is_read_and_laid_out(tmp_path: Path) -> None:
    (path,) = write_minutes(tmp_path, 1)
    (task,) = _tasks(path)
    result = process_document(task)
    assert result.document is not None and result.document.source == "minutes-000.md"
    assert result.layout is not None and result.layout.layout == "printed"
    assert [r.committee for r in result.layout.records] == ["Parks Committee"]
    assert result.error is None and result.read_problems == () and result.cacheable
    assert result.findings == find_in_document(result.document, result.layout.records)
    assert result.findings.complete and result.find_problems == ()
    assert "Councillor A Quill" in {p.text for p in result.findings.people}


def test_a_find_past_the_time_limit_keeps_the_records_names_and_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graphkit.find.findings as findings_module

    def stuck(doc: object, records: object) -> None:
        time.sleep(5)

    monkeypatch.setattr(findings_module, "find_in_document", stuck)
    (path,) = write_minutes(tmp_path, 1)
    (task,) = _tasks(path, limits=Limits(timeout=0.2))
    result = process_document(task)
    assert result.document is not None and result.findings is not None
    assert not result.findings.complete and result.findings.candidates == ()
    assert "Councillor A Quill" in {p.text for p in result.findings.people}
    assert [str(p) for p in result.find_problems] == [
        "minutes-000.md: took longer than 0.2 s to find names in (--timeout-per-document); "
        "its mentions were dropped; its meetings are built"
    ]
    assert not result.cacheable


def test_task_and_result_cross_to_a_worker_and_back_as_they_were(tmp_path: Path) -> None:
    (path,) = write_minutes(tmp_path, 1)
    (task,) = _tasks(path)
    assert pickle.loads(pickle.dumps(task)) == task
    result = process_document(task)
    assert pickle.loads(pickle.dumps(result)) == result
    warned = DocumentResult(
        "a.txt",
        None,
        None,
        (DocumentWarning("a.txt", "read as cp1252"), OverTime("a.txt", "too slow", "skipped")),
    )
    back = pickle.loads(pickle.dumps(warned))
    assert [type(p) for p in back.read_problems] == [DocumentWarning, OverTime]
    assert [str(p) for p in back.read_problems] == [
        "a.txt: read as cp1252",
        "a.txt: too slow; skipped",
    ]
    assert back.error is back.read_problems[1]


def test_a_problem_pickles_without_the_parsers_exception_behind_it(tmp_path: Path) -> None:
    import copyreg
    import io

    tblib = pytest.importorskip("tblib.pickling_support", reason="installed with dask")
    (tmp_path / "broken.xml").write_bytes(b"<meeting><meetingid>1</meeting>")
    result = process_document(_tasks(tmp_path / "broken.xml")[0])
    (problem,) = result.read_problems
    assert "is not well-formed XML" in problem.problem
    assert problem.__cause__ is None and problem.__traceback__ is None
    # pickled as dask.distributed pickles exceptions (tblib: with their cause and traceback)
    pickler = pickle.Pickler(buffer := io.BytesIO())
    pickler.dispatch_table = {**copyreg.dispatch_table, DocumentError: tblib.pickle_exception}
    pickler.dump(result)
    back = pickle.loads(buffer.getvalue())
    assert [(type(p), str(p)) for p in back.read_problems] == [(DocumentError, str(problem))]


@pytest.mark.parametrize(
    ("name", "raw", "problem"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type .docx"),
        ("broken.pdf", b"%PDF-1.4\nnot a pdf\n", "not a readable PDF"),
    ],
)
def test_a_bad_file_is_a_result_naming_it(
    tmp_path: Path, name: str, raw: bytes, problem: str
) -> None:
    (tmp_path / name).write_bytes(raw)
    (task,) = _tasks(tmp_path / name)
    result = process_document(task)
    assert result.document is None and result.layout is None
    assert result.error is not None and result.error.source == name
    assert result.error.problem.startswith(problem)
    assert result.read_problems == (result.error,) and result.cacheable


def test_a_layout_over_its_time_drops_the_document_and_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (path,) = write_minutes(tmp_path, 1)

    def slow(doc: object) -> object:
        time.sleep(5)
        raise AssertionError("not interrupted")

    monkeypatch.setattr(layouts, "read_layout", slow)
    (task,) = _tasks(path, limits=Limits(timeout=0.1))
    result = process_document(task)
    assert result.document is None and not result.cacheable
    assert [type(p) for p in result.layout_problems] == [OverTime]
    assert "took longer than 0.1 s to lay out" in str(result.error)


def test_a_layout_bug_costs_the_document_not_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (path,) = write_minutes(tmp_path, 1)
    monkeypatch.setattr(layouts, "read_layout", lambda doc: 1 / 0)
    result = process_document(_tasks(path)[0])
    assert result.document is None
    assert "its layout failed (ZeroDivisionError" in str(result.error)


def test_a_malformed_document_is_kept_without_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (path,) = write_minutes(tmp_path, 1)

    def malformed(doc):  # type: ignore[no-untyped-def]
        raise DocumentError(doc.source, "a table with no rows", "its meetings were not read")

    monkeypatch.setattr(layouts, "read_layout", malformed)
    result = process_document(_tasks(path)[0])
    assert result.document is not None and result.layout is not None
    assert result.layout.records == () and result.error is None
    assert [p.problem for p in result.layout_problems] == ["a table with no rows"]


def test_failed_names_the_file_whose_worker_died(tmp_path: Path) -> None:
    (path,) = write_minutes(tmp_path, 1)
    (task,) = _tasks(path)
    result = DocumentResult.failed(task, RuntimeError("worker killed"))
    assert str(result.error) == (
        "minutes-000.md: its worker failed (RuntimeError: worker killed); skipped; this is a "
        "bug in graphkit or the machine ran out of memory"
    )
    assert not result.cacheable
