"""graphkit.cache: the per-document result cache, its keys, its stats, corrupt entries."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner
from invented import write_minutes

import graphkit
from graphkit.cache import ResultCache, cache_dir, code_digest, tree_digest
from graphkit.cli import cli
from graphkit.documents import Limits, file_digest, list_paths
from graphkit.perdocument import DocumentResult, DocumentTask, process_document


def _task(path: Path, limits: Limits | None = None) -> DocumentTask:
    limits = limits or Limits()
    (found,) = list_paths([path])
    return DocumentTask(found, file_digest(found, limits), limits)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    (path,) = write_minutes(tmp_path / "docs", 1)
    return path


def _stored(cache: ResultCache, task: DocumentTask) -> DocumentResult:
    result = process_document(task)
    cache.put(task, result)
    return result


def test_a_stored_result_is_a_hit(tmp_path: Path, doc: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    task = _task(doc)
    assert cache.get(task) is None
    made = _stored(cache, task)
    assert ResultCache(tmp_path / "cache").get(task) == made
    assert dict(cache.stats) == {"misses": 1, "written": 1}


def test_changed_content_is_a_miss(tmp_path: Path, doc: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    _stored(cache, _task(doc))
    doc.write_text(doc.read_text(encoding="utf-8") + "\n2. Any Other Business\n", encoding="utf-8")
    changed = _task(doc)
    assert cache.get(changed) is None
    assert _stored(cache, changed).document.text.endswith("Any Other Business\n")
    assert cache.get(changed) is not None


def test_changed_code_or_limits_are_misses(tmp_path: Path, doc: Path) -> None:
    task = _task(doc)
    _stored(ResultCache(tmp_path / "cache", code="code as it was"), task)
    assert ResultCache(tmp_path / "cache", code="code as it was").get(task) is not None
    assert ResultCache(tmp_path / "cache", code="code changed").get(task) is None
    tighter = _task(doc, Limits(max_pages=10))
    assert ResultCache(tmp_path / "cache", code="code as it was").get(tighter) is None


def test_the_code_digest_covers_code_and_word_lists_not_compiled_files(tmp_path: Path) -> None:
    package = tmp_path / "package"
    (package / "lexicon").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "find.py").write_text("WORDS = 'lexicon/titles.txt'\n", encoding="utf-8")
    (package / "lexicon" / "titles.txt").write_text("councillor\nalderman\n", encoding="utf-8")
    before = tree_digest(package)
    (package / "__pycache__" / "find.cpython-311.pyc").write_bytes(b"compiled")
    assert tree_digest(package) == before
    (package / "lexicon" / "titles.txt").write_text("councillor\n", encoding="utf-8")
    lexicon_changed = tree_digest(package)
    assert lexicon_changed != before
    (package / "find.py").write_text("WORDS = ()\n", encoding="utf-8")
    assert tree_digest(package) not in (before, lexicon_changed)
    assert code_digest() == tree_digest(Path(graphkit.__file__).parent)


@pytest.mark.parametrize(
    "garbage",
    [b"", b"not a pickle", pickle.dumps(("another key", "not a result"))],
    ids=["empty", "garbage", "foreign"],
)
def test_a_corrupt_entry_is_ignored_and_written_again(
    tmp_path: Path, doc: Path, garbage: bytes
) -> None:
    cache = ResultCache(tmp_path / "cache")
    task = _task(doc)
    made = _stored(cache, task)
    (entry,) = (tmp_path / "cache").rglob("*.pickle")
    entry.write_bytes(garbage)
    assert cache.get(task) is None
    assert cache.stats["corrupt"] == 1
    cache.put(task, made)
    assert cache.get(task) == made
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.name.endswith(".tmp")]


def test_a_result_a_time_limit_decided_is_not_stored(tmp_path: Path, doc: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    task = _task(doc)
    cache.put(task, DocumentResult(task.source, None, None, cacheable=False))
    assert not (tmp_path / "cache").exists()


def test_a_file_changed_between_digest_and_reading_is_not_stored(tmp_path: Path, doc: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    task = _task(doc)
    doc.write_text("Ashcombe Borough Council\n\nMinutes, rewritten meanwhile\n", encoding="utf-8")
    cache.put(task, process_document(task))
    assert not (tmp_path / "cache").exists()


def test_a_file_with_no_digest_is_not_cached(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    (found,) = list_paths([tmp_path / "missing.txt"])
    task = DocumentTask(found, None, Limits())
    assert cache.key(task) is None and cache.get(task) is None
    cache.put(task, process_document(task))
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_does_not_fail_the_build(tmp_path: Path, doc: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = ResultCache(blocker / "cache")
    task = _task(doc)
    cache.put(task, process_document(task))
    assert cache.stats["unwritable"] == 1


def test_the_cache_folder_is_the_environments_or_the_users(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_cache_dir

    monkeypatch.setenv("GRAPHKIT_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    assert ResultCache().folder == tmp_path / "mine"
    monkeypatch.delenv("GRAPHKIT_CACHE_DIR")
    assert cache_dir() == Path(user_cache_dir("graphkit"))


def test_no_cache_neither_reads_nor_writes_it(tmp_path: Path, cache_dir: Path) -> None:
    docs = tmp_path / "docs"
    write_minutes(docs, 3)
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(docs), "--out", str(tmp_path / "a"), "--no-cache"])
    assert built.exit_code == 0, built.output
    assert not cache_dir.exists()
    built = runner.invoke(cli, ["build", str(docs), "--out", str(tmp_path / "b")])
    assert built.exit_code == 0, built.output
    assert len(list(cache_dir.rglob("*.pickle"))) == 3
    assert graphkit.build(docs).cache_stats == {"hits": 3}
    assert graphkit.build(docs, cache=False).cache_stats == {}


def test_deleting_the_cache_is_safe(tmp_path: Path, cache_dir: Path) -> None:
    import shutil

    docs = tmp_path / "docs"
    write_minutes(docs, 3)
    first = graphkit.build(docs)
    shutil.rmtree(cache_dir)
    again = graphkit.build(docs)
    assert again.cache_stats == {"misses": 3, "written": 3}
    assert len(again.dataset) == len(first.dataset)
