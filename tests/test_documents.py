"""graphkit.documents: reading files, sanitising, classifying, guessing the council."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from stage_helpers import STAGES, make_pdf

from graphkit.documents import (
    READERS,
    FoundFile,
    Limits,
    OverTime,
    ReadTimeout,
    classify,
    deadline,
    file_digest,
    list_paths,
    read_document,
    read_file,
    read_paths,
    sanitise,
)
from graphkit.errors import DocumentError, GraphkitError

MINUTES_TEXT = (
    "Minutes of the Meeting of the Parks Committee held on 5 March 2031\n\n"
    "Present: Councillor A Byrne (Chair)\n"
)


# -- readers -----------------------------------------------------------------------------
def test_registry_covers_the_formats() -> None:
    for suffix in (".txt", ".md", ".html", ".htm", ".pdf"):
        assert suffix in READERS, suffix


@pytest.mark.parametrize(
    ("name", "raw", "expected_text"),
    [
        ("plain.txt", MINUTES_TEXT.encode("utf-8"), MINUTES_TEXT),
        ("bom.txt", b"\xef\xbb\xbf" + MINUTES_TEXT.encode("utf-8"), MINUTES_TEXT),
        ("crlf.md", MINUTES_TEXT.replace("\n", "\r\n").encode("utf-8"), MINUTES_TEXT),
        # a Windows-1252 file: the curly apostrophe must survive, not become mojibake
        ("cp1252.txt", "Children\u2019s Services\n".encode("cp1252"), "Children\u2019s Services\n"),
    ],
)
def test_text_readers(tmp_path: Path, name: str, raw: bytes, expected_text: str) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    doc = read_document(path, name)
    assert doc.text == expected_text
    assert doc.source == name
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()  # of the raw bytes


def test_html_reader_keeps_blocks_and_drops_scripts(tmp_path: Path) -> None:
    html = (
        "<html><head><style>p{color:red}</style><script>var leak = 1;</script></head><body>"
        "<nav>Home | Contact</nav>"
        "<h1>Parks Committee - Monday, 3rd March, 2031 6.00 pm</h1>"
        "<p>Venue: Lodge Room</p><ul><li>Tree planting</li><li>Play areas</li></ul>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path, "page.html")
    assert "leak" not in doc.text and "color" not in doc.text and "Home | Contact" not in doc.text
    lines = [line for line in doc.text.splitlines() if line.strip()]
    assert lines[0] == "Parks Committee - Monday, 3rd March, 2031 6.00 pm"
    assert "Venue: Lodge Room" in lines
    assert "- Tree planting" in lines and "- Play areas" in lines
    assert doc.kind == "web_page"


def test_pdf_reader_reads_the_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(
        make_pdf(
            [
                "Minutes of the Meeting of the Parks Committee",
                "held on 5 March 2031",
                "Present: Councillor A Byrne (Chair)",
            ]
        )
    )
    doc = read_document(path, "minutes.pdf")
    assert "Minutes of the Meeting of the Parks Committee" in doc.text
    assert "Councillor A Byrne (Chair)" in doc.text
    assert doc.kind == "minutes"


@pytest.mark.parametrize(
    ("name", "raw", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n \t\n", "empty"),
        ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf\n", "not a readable PDF"),
        ("scanned.pdf", make_pdf([]), "no text layer"),
        ("notes.docx", b"PK\x03\x04 not read", "unsupported file type .docx"),
        ("README", b"no suffix at all", "unsupported file type"),
    ],
)
def test_unreadable_documents_raise_document_error(
    tmp_path: Path, name: str, raw: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(DocumentError) as info:
        read_document(path, name)
    err = info.value
    assert isinstance(err, GraphkitError)
    assert err.source == name
    assert str(err).startswith(f"{name}: ")
    assert problem in err.problem
    if problem.startswith("unsupported"):
        assert ".txt" in err.problem and ".pdf" in err.problem  # lists what it can read


# -- sanitise ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Cafe\u0301", "Caf\u00e9"),  # NFC
        ("bell\x07 and\x00 nul", "bell and nul"),  # C0 controls dropped
        ("tab\tand\nnewline", "tab\tand\nnewline"),  # tab and newline kept
        ("a\r\nb\rc", "a\nb\nc"),  # line endings unified
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),  # made visible
        ("1st\u00a0July,\u202f2031 Cllr\u2009Bell", "1st July, 2031 Cllr Bell"),  # spaces
    ],
)
def test_sanitise(raw: str, clean: str) -> None:
    assert sanitise(raw) == clean


# -- classify ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fixture", "kind"),
    [
        ("minutes_numbered.md", "minutes"),
        ("minutes_unnumbered.md", "minutes"),
        ("web_page.txt", "web_page"),
        ("agenda_pack.txt", "agenda_pack"),
        ("briefing_note.txt", "briefing_note"),
    ],
)
def test_classify_fixture_documents(fixture: str, kind: str) -> None:
    text = (STAGES / fixture).read_text(encoding="utf-8")
    assert classify(text, Path(fixture).suffix) == kind


@pytest.mark.parametrize(
    ("text", "suffix", "kind"),
    [
        (
            "Parks Committee\n\nTime and Date\n\n6.00 pm on Monday, 3 March 2031\n\n"
            "1. Apologies\n2. Tree Strategy (Pages 3 - 9)\n",
            ".txt",
            "agenda",
        ),
        ("Parks Committee Work Programme 2030-31\n\nDate\tTitle\tLead\n", ".txt", "work_programme"),
        (
            "To: Parks Committee\n\n3 March 2031\n\nSubject: Tree Strategy\n",
            ".txt",
            "briefing_note",
        ),
        ("<p>anything</p>", ".html", "web_page"),
        (MINUTES_TEXT, ".txt", "minutes"),
    ],
)
def test_classify_small_texts(text: str, suffix: str, kind: str) -> None:
    assert classify(text, suffix) == kind


# -- folders -----------------------------------------------------------------------------
def test_read_paths_reads_a_folder_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    (tmp_path / "b" / "two.txt").write_text(MINUTES_TEXT, encoding="utf-8")
    (tmp_path / "a" / "deeper" / "one.md").write_text(MINUTES_TEXT, encoding="utf-8")
    (tmp_path / "c.txt").write_text(MINUTES_TEXT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(MINUTES_TEXT, encoding="utf-8")
    docs, problems = read_paths([tmp_path])
    assert problems == []
    # sources are relative to the input root, in posix form, sorted
    assert [d.source for d in docs] == ["a/deeper/one.md", "b/two.txt", "c.txt"]


def test_read_paths_reports_every_bad_file_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(MINUTES_TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot a pdf\n")
    said: list[str] = []
    docs, problems = read_paths([tmp_path, tmp_path / "missing.txt"], progress=said.append)
    assert [d.source for d in docs] == ["good.txt"]
    by_source = {p.source: p.problem for p in problems}
    assert set(by_source) == {"empty.txt", "broken.pdf", str(tmp_path / "missing.txt")}
    assert "empty" in by_source["empty.txt"]
    assert "PDF" in by_source["broken.pdf"]
    assert "no such file" in by_source[str(tmp_path / "missing.txt")]
    assert any("good.txt" in line for line in said)


def test_read_paths_accepts_single_files(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(MINUTES_TEXT, encoding="utf-8")
    docs, problems = read_paths([path])
    assert problems == [] and [d.source for d in docs] == ["one.txt"]
    assert docs[0].title == "Minutes of the Meeting of the Parks Committee held on 5 March 2031"


def test_list_paths_names_missing_paths_first_then_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(MINUTES_TEXT, encoding="utf-8")
    (tmp_path / "a.zip").write_bytes(b"PK")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere.txt")
    found = list_paths([tmp_path, tmp_path / "b.txt", tmp_path / "missing"])
    assert [(f.source, f.problem is not None) for f in found] == [
        (str(tmp_path / "missing"), True),
        ("a.zip", False),  # an unsupported type is named when it is read, as before
        ("b.txt", False),
        ("gone", True),
    ]
    assert "broken symlink" in str(found[-1].problem)


def test_read_file_returns_the_document_or_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MINUTES_TEXT, encoding="utf-8")
    (tmp_path / "b.zip").write_bytes(b"PK")
    good, unsupported = list_paths([tmp_path])
    doc = read_file(good)
    assert not isinstance(doc, DocumentError) and doc.text == MINUTES_TEXT
    err = read_file(unsupported)
    assert isinstance(err, DocumentError) and err.source == "b.zip"
    assert "unsupported file type .zip" in err.problem


def test_read_file_over_its_time_is_over_time(tmp_path: Path, monkeypatch) -> None:
    import time

    (tmp_path / "slow.txt").write_text(MINUTES_TEXT, encoding="utf-8")

    def slow(raw: bytes, source: str) -> str:
        time.sleep(5)
        return ""

    monkeypatch.setitem(READERS, ".txt", slow)
    (found,) = list_paths([tmp_path])
    err = read_file(found, Limits(timeout=0.1))
    assert isinstance(err, OverTime)
    assert str(err) == "slow.txt: took longer than 0.1 s to read (--timeout-per-document); skipped"


def test_file_digest_is_the_documents_sha256(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(MINUTES_TEXT, encoding="utf-8")
    (found,) = list_paths([path])
    doc = read_file(found)
    assert file_digest(found) == doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert file_digest(found, Limits(max_bytes=10)) is None  # not to be read: not cached
    assert file_digest(FoundFile(tmp_path / "missing.txt", "missing.txt")) is None
    assert file_digest(FoundFile(tmp_path, "a folder")) is None


def _busy(seconds: float) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:  # Python code, interruptible between bytecodes
        pass


def test_deadline_works_in_a_thread_other_than_the_main_one() -> None:
    import threading

    caught: list[str] = []

    def work() -> None:
        try:
            with deadline(0.1):
                _busy(5)
            caught.append("not interrupted")
        except ReadTimeout:
            caught.append("interrupted")
        try:  # a block that ends in time is not interrupted after it ends
            with deadline(0.2):
                pass
            _busy(0.4)
            caught.append("finished")
        except ReadTimeout:
            caught.append("interrupted late")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert caught == ["interrupted", "finished"]


# -- hostile input (issue #12) -----------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Children\u2019s £5".encode("utf-16"), "Children\u2019s £5"),  # BOM
        ("Children\u2019s £5".encode("utf-32"), "Children\u2019s £5"),
        (("Minutes of the meeting. " * 20).encode("utf-16-le"), "Minutes of the meeting. " * 20),
    ],
)
def test_utf16_and_utf32_are_read_as_written(tmp_path: Path, raw: bytes, text: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(raw)
    assert read_document(path, "wide.txt").text == text


def test_an_uncertain_encoding_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Se\u00f1or Mu\u00f1oz, caf\u00e9 \u00a3200".encode("cp1252"))
    notes: list[DocumentError] = []
    doc = read_document(path, "legacy.txt", notes=notes)
    assert doc.text == "Se\u00f1or Mu\u00f1oz, caf\u00e9 \u00a3200"  # Windows-1252 among equals
    assert len(notes) == 1 and "read as cp1252" in str(notes[0])


def test_random_bytes_are_not_text(tmp_path: Path) -> None:
    import random

    for i, name in enumerate(("noise.txt", "noise.md", "noise.html")):
        path = tmp_path / name
        path.write_bytes(random.Random(i).randbytes(4096))
        with pytest.raises(DocumentError, match="binary data"):
            read_document(path, name)


def test_a_pdf_encrypted_only_against_editing_is_read(tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Parks Committee"]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    writer.write(tmp_path / "locked.pdf")
    assert "Parks Committee" in read_document(tmp_path / "locked.pdf", "locked.pdf").text


def test_impossible_dates_are_named(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text(MINUTES_TEXT + "Next meeting: 30 February 2031.\n", encoding="utf-8")
    notes: list[DocumentError] = []
    read_document(path, "m.txt", notes=notes)
    assert [str(n) for n in notes] == ["m.txt: 1 impossible date(s) '30 February 2031'; not kept"]


def test_text_over_the_character_limit_is_skipped(tmp_path: Path) -> None:
    from graphkit.documents import Limits

    path = tmp_path / "long.txt"
    path.write_text(MINUTES_TEXT * 10, encoding="utf-8")
    with pytest.raises(DocumentError, match=r"over the limit of 100 \(--max-chars\); skipped"):
        read_document(path, "long.txt", limits=Limits(max_chars=100))


def test_symlinks_inside_the_folder_are_read_and_outside_are_not(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "real.txt").write_text(MINUTES_TEXT, encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "sub" / "real.txt")
    (tmp_path / "elsewhere.txt").write_text(MINUTES_TEXT, encoding="utf-8")
    (folder / "out.txt").symlink_to(tmp_path / "elsewhere.txt")
    (folder / "outdir").symlink_to(tmp_path, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    docs, problems = read_paths([folder])
    assert [d.source for d in docs] == ["alias.txt", "sub/real.txt"]
    said = sorted(str(p) for p in problems)
    assert len(said) == 3, said
    assert said[0] == "dangling.txt: a broken symlink; skipped"
    assert said[1].startswith("out.txt: a symlink to ") and said[1].endswith("not followed")
    assert said[2].startswith("outdir: a symlink to ") and said[2].endswith("not followed")
