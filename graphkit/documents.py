"""Stage 1: read files into :class:`~graphkit.model.Document` objects.

Readers are chosen by file suffix from a registry; text is sanitised once here
(NFC, no C0 controls, undecodable bytes replaced visibly) so every later stage
and every serialiser sees clean text.

Documents are untrusted input (docs/security.md). Each is read within
:class:`Limits` (bytes, pages, characters, seconds); symlinks are not followed out
of an input folder; a file that cannot be read is named with what is wrong and
what was done, and never stops the others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import signal
import stat
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from .errors import DocumentError, DocumentWarning
from .model import Document

if TYPE_CHECKING:
    from bs4 import Tag
    from pypdf import PdfReader

__all__ = [
    "READERS",
    "FoundFile",
    "Limits",
    "OverTime",
    "ReadTimeout",
    "classify",
    "deadline",
    "decode_text",
    "file_digest",
    "impossible_dates",
    "list_paths",
    "read_file",
    "read_paths",
    "reader",
    "safe_name",
    "sanitise",
    "url_of",
]


@dataclass(frozen=True)
class Limits:
    """What one document may cost. The defaults keep a build of hostile documents within
    a 2 GB machine: a document's bytes, its text and the spaCy ``Doc`` made of it stay
    within a few hundred megabytes, and no document holds the build for long."""

    max_bytes: int = 64 * 1024 * 1024  # a file larger than this is not read at all
    max_chars: int = 5_000_000  # text after extraction: a 2,000-page agenda pack fits
    max_pages: int = 2_000  # PDF pages
    timeout: float | None = 120.0  # seconds to read one document, and to lay it out
    # one PDF stream's decompressed size: text layers are kilobytes, a bomb is gigabytes
    pdf_stream_bytes: int = 32 * 1024 * 1024


class ReadTimeout(BaseException):
    """A document's time limit ran out. A BaseException, not a GraphkitError, on purpose:
    parsers that catch ``Exception`` to recover from bad input must not swallow it."""


class OverTime(DocumentError):
    """A document was skipped because its time limit ran out: reported like any other
    :class:`DocumentError`, but a verdict on the machine's load as much as on the
    document, so a result it decided is not cached."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ReadTimeout` inside the block once ``seconds`` have passed.

    In the main thread on POSIX (the build's own process, and each worker of the process
    pool) it uses SIGALRM. In any other thread (a Dask worker runs tasks in threads) a
    timer thread raises the exception in the running thread instead, through CPython's
    ``PyThreadState_SetAsyncExc``; where neither exists (another Python, Windows' main
    thread) it does nothing and the size limits alone bound the work. Either way it
    interrupts Python code (pypdf, charset-normalizer, the layouts), not a long call
    inside a C extension.

    >>> with deadline(None):
    ...     pass
    """
    if seconds is None or seconds <= 0:
        yield
        return
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
        return
    with _thread_timer(seconds):
        yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """:func:`deadline` by SIGALRM, in the main thread."""

    def fire(_signum: int, _frame: FrameType | None) -> None:
        raise ReadTimeout

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old if old is not None else signal.SIG_DFL)


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> bool:
    """Raise ``exc`` in the thread ``thread_id`` at its next bytecode (``None`` takes back
    one not yet raised); False where this Python cannot."""
    import ctypes

    api = getattr(ctypes, "pythonapi", None)
    set_exc = getattr(api, "PyThreadState_SetAsyncExc", None)
    if set_exc is None:
        return False
    set_exc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None)
    return True


@contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    """:func:`deadline` in a thread that is not the main one: a timer thread raises
    :class:`ReadTimeout` in this one, only while the block runs (a lock orders the timer
    against the block's end, and one raised too late to be seen is taken back)."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"inside": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["inside"]:
                state["fired"] = _async_raise(thread_id, ReadTimeout)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["inside"] = False
            if state["fired"]:
                _async_raise(thread_id, None)


@dataclass
class _Reading:
    """The document being read: its limits, and the warnings its readers raise."""

    limits: Limits
    notes: list[str] = field(default_factory=list)


_READING: ContextVar[_Reading | None] = ContextVar("graphkit_reading", default=None)


def _current() -> _Reading:
    return _READING.get() or _Reading(Limits())


Reader = Callable[[bytes, str], str]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a function ``(raw bytes, source name) -> text`` for file suffixes."""

    def register(fn: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = fn
        return fn

    return register


_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# characters no text document is made of: controls (not tab, newline, form feed, carriage
# return, escape), unassigned and private-use code points, lone surrogates
_NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})
# the ASCII characters of those (controls but the six above), and what is not ASCII
_ODD_ASCII = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _looks_binary(text: str) -> bool:
    r"""Whether decoded ``text`` is binary data rather than writing: more than 1 in 100
    characters that writing does not use (a stray NUL or bell in a page of text is dirt,
    shown and cleaned later; ASCII read from UTF-16 is half NULs).

    >>> _looks_binary("Minutes of the meeting\n\tPresent: Cllr A\u00f1o"), _looks_binary("ab\x00c")
    (False, True)
    >>> _looks_binary("Minutes of the meeting, a long line of text. " * 3 + "one stray \x00")
    False
    >>> _looks_binary("".join(chr(c) for c in range(1, 32)) * 3 + "text")
    True
    """
    sample = text[:200_000]
    # ASCII by one regular expression; only the other characters one by one
    odd = len(_ODD_ASCII.findall(sample)) + sum(
        1 for ch in _NOT_ASCII.findall(sample) if unicodedata.category(ch) in _NOT_TEXT
    )
    return odd * 100 > len(sample)


def _mostly_utf8(raw: bytes) -> str | None:
    r"""``raw`` as UTF-8 with undecodable bytes replaced, when it is UTF-8 text with a few
    corrupt bytes rather than a legacy encoding: no strict Windows-1252 reading exists (a
    byte that encoding leaves undefined), and at most 1 in 100 characters is replaced.

    >>> _mostly_utf8(b"Minutes of the meeting held in the Council House. " * 2 + b"\x81")[-3:]
    '. \ufffd'
    >>> _mostly_utf8("Children’s Services".encode("cp1252")) is None
    True
    """
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        return None
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("�")
    if bad * 100 > len(text) or _looks_binary(text):
        return None
    return text


def decode_text(raw: bytes) -> tuple[str, str | None]:
    r"""``raw`` as text, and the assumption made when its encoding is not certain.

    A byte-order mark decides first, then UTF-8 (which cannot be mistaken for a legacy
    encoding on real text), then charset-normalizer's guess, preferring Windows-1252
    among equally good candidates (what British councils' legacy files are in).
    Raises ValueError for data that is not text in any encoding.

    >>> decode_text("Children\u2019s".encode("utf-16"))
    ('Children’s', None)
    >>> decode_text(b"caf\xc3\xa9")
    ('café', None)
    >>> decode_text("Children\u2019s Services, \u00a3200".encode("cp1252"))[0]
    'Children’s Services, £200'
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = raw[len(bom) :].decode(encoding, errors="replace")
            if _looks_binary(text):
                raise ValueError("binary data behind a text byte-order mark")
            return text, None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _looks_binary(text):
            return text, None
        # NULs in valid UTF-8: ASCII written as UTF-16 or UTF-32 without a mark, or binary
    else_utf8 = _mostly_utf8(raw)
    if else_utf8 is not None:
        return else_utf8, "UTF-8, with the bytes it could not decode shown as \ufffd"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        raise ValueError("binary data, not text in any known encoding")
    best = min(m.chaos for m in matches)
    # candidates as good as the best: legacy 8-bit encodings often tie on short text
    good = [m for m in matches if m.chaos <= best + 0.005]
    chosen = next((m for m in good if m.encoding == "cp1252"), good[0])
    text = str(chosen)
    if _looks_binary(text):
        raise ValueError("binary data, not text")
    readings = {str(m) for m in good}
    unsure = len(readings) > 1 and not chosen.encoding.startswith("utf")
    return text, (chosen.encoding if unsure else None)


@reader(".txt", ".md", ".text")
def _read_text(raw: bytes, source: str) -> str:
    try:
        text, assumed = decode_text(raw)
    except ValueError as err:
        raise DocumentError(source, f"not a text file ({err})", "skipped") from err
    if assumed:
        _current().notes.append(
            f"not UTF-8, and its encoding is not certain; read as {assumed} "
            "(save it as UTF-8 to be sure)"
        )
    return text


@reader(".html", ".htm", ".xhtml")
def _read_html(raw: bytes, source: str) -> str:
    from bs4 import BeautifulSoup

    # the parser makes text of anything; binary data named .html is refused here
    sample = raw[:65536]
    if not sample.startswith(tuple(bom for bom, _ in _BOMS)) and _looks_binary(
        sample.decode("utf-8", errors="replace")
    ):
        raise DocumentError(source, "not an HTML page (binary data)", "skipped")

    soup = BeautifulSoup(raw, "lxml")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = []
    done: set[int] = set()
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "pre"]):
        if id(el) in done or el.find(["p", "li", "td", "th", "h1", "h2", "h3", "h4"]):
            continue  # a container: its children are emitted on their own
        row = _table_row(el)
        if row is not None:
            done.update(id(c) for c in row)
            # one line per row, cells separated by tabs; an empty cell keeps its column
            blocks.append("\t".join(" ".join(c.get_text(" ", strip=True).split()) for c in row))
            continue
        text = el.get_text(" ", strip=True)
        if text:
            blocks.append(("- " if el.name == "li" else "") + text)
    if not blocks:
        return soup.get_text("\n")
    return "\n\n".join(blocks)


def _table_row(cell: Tag) -> list[Tag] | None:
    """The cells of a table row of plain cells ("Councillor A Rahim", "Chair", "Present"),
    when ``cell`` is its first; None for any other element or a row holding blocks."""
    if cell.name not in ("td", "th") or cell.parent is None or cell.parent.name != "tr":
        return None
    cells = cell.parent.find_all(["td", "th"], recursive=False)
    if len(cells) < 2 or cells[0] is not cell:
        return None
    if any(c.find(["p", "li", "div", "table", "h1", "h2", "h3", "h4"]) for c in cells):
        return None
    return cells


@contextmanager
def _pdf_limits(limits: Limits) -> Iterator[None]:
    """pypdf's own decompression limits, lowered to ``limits.pdf_stream_bytes`` where the
    installed pypdf lets them be set (7.x); older ones keep their built-in limits."""
    try:
        from pypdf import Configuration, apply_configuration
    except ImportError:
        yield
        return
    import dataclasses

    names = {f.name for f in dataclasses.fields(Configuration)}
    caps = {
        name: limits.pdf_stream_bytes
        for name in names
        if name.endswith("_maximum_output_length") or name == "maximum_declared_stream_length"
    }
    with apply_configuration(None, **caps):
        yield


@reader(".pdf")
def _read_pdf(raw: bytes, source: str) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    limits = _current().limits
    try:
        with _pdf_limits(limits):
            pdf = PdfReader(io.BytesIO(raw))
            _decrypt(pdf, source)
            pages = _pdf_pages(pdf, source, limits)
    except DocumentError:
        raise
    except LimitReachedError as err:
        raise DocumentError(
            source, f"a stream inflates past a size limit, a decompression bomb? ({err})", "skipped"
        ) from err
    except (ReadTimeout, MemoryError):
        raise
    except Exception as err:  # pypdf fails on malformed files in every way Python can
        raise DocumentError(
            source, f"not a readable PDF ({type(err).__name__}: {err})", "skipped"
        ) from err
    text = "\n\n".join(pages)
    if not text.strip():
        raise DocumentError(source, "the PDF has no text layer (scanned?); OCR it first", "skipped")
    return text


def _decrypt(pdf: PdfReader, source: str) -> None:
    """Open an encrypted PDF with the empty password; :class:`DocumentError` if it cannot be.

    Many published PDFs are encrypted only to forbid editing: the empty user password
    opens them; anything else needs a password we do not have."""
    from pypdf import PasswordType
    from pypdf.errors import DependencyError

    if not pdf.is_encrypted:
        return
    try:
        opened = pdf.decrypt("")
    except DependencyError as err:
        raise DocumentError(
            source,
            "the PDF is encrypted with AES and the 'cryptography' package is not installed",
            "skipped",
        ) from err
    if opened == PasswordType.NOT_DECRYPTED:
        raise DocumentError(source, "the PDF is encrypted (needs a password)", "skipped")


def _pdf_pages(pdf: PdfReader, source: str, limits: Limits) -> list[str]:
    """Each page's text; :class:`DocumentError` as soon as pages or characters are over
    ``limits``."""
    count = len(pdf.pages)
    if count > limits.max_pages:
        raise DocumentError(
            source,
            f"the PDF has {count:,} pages, over the limit of {limits.max_pages:,} (--max-pages)",
            "skipped",
        )
    pages: list[str] = []
    size = 0
    for page in pdf.pages:
        text = page.extract_text() or ""
        size += len(text)
        if size > limits.max_chars:  # stop early: the rest would be thrown away
            raise DocumentError(
                source,
                f"its text is over the limit of {limits.max_chars:,} characters (--max-chars)",
                "skipped",
            )
        pages.append(text)
    return pages


@reader(".xml")
def _read_xml(raw: bytes, source: str) -> str:
    """A ModernGov web-service response as readable text (other XML is refused, by name)."""
    from .layouts.webservice import render

    return render(raw, source)


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


# the other spaces a page writes ("1st&nbsp;July", "Councillor\u202fSmith"): a plain space
# each, one character for one, so offsets stay
_SPACES = str.maketrans(
    dict.fromkeys("\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))), " ")
)


def sanitise(text: str) -> str:
    """NFC-normalise, drop control characters, make lone surrogates visible, write every
    space as a plain space.

    >>> sanitise("Cafe\\u0301\\x07 \\ud800!\\r\\n")
    'Café \\ufffd!\\n'
    >>> sanitise("1st\\u00a0July\\u2009 2031")
    '1st July  2031'
    """
    text = _SURROGATES.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text).translate(_SPACES)


def classify(text: str, suffix: str = ".txt") -> str:
    """The kind of council document ``text`` is, from its wording.

    >>> classify("Briefing note\\n\\nTo: Cabinet\\n\\nSubject: Budget")
    'briefing_note'
    >>> classify("Minutes of the Meeting of the Planning Committee held on 1 May 2024\\nPresent:")
    'minutes'
    >>> classify("Agenda\\n\\n3. Minutes of the meeting held on 4 March 2025 (Pages 1 - 6)")
    'agenda'
    """
    head = text[:3000]
    low = text.lower()
    if (
        suffix in (".html", ".htm")
        or re.match(r"\s*agenda and minutes\b", low)
        or ("view the full minutes text" in low)
    ):
        return "web_page"
    has_minutes = bool(re.search(r"minutes of (?:the )?meeting", low))
    # an agenda pack holds minutes themselves, not just an item to approve them
    minutes_inside = bool(re.search(r"^[ \t*#]*minutes of (?:the |a )?meeting\b", low, re.M))
    has_agenda = bool(
        re.search(r"^\s*time and date\s*$", low, re.M)
        or re.search(r"\(pages? \d+", low)
        or re.search(r"^\s*agenda\s*$", head.lower(), re.M)
    )
    if has_agenda and (minutes_inside or "briefing note" in low or "work programme" in low):
        return "agenda_pack"
    if has_agenda:
        return "agenda"
    if re.search(r"^\s*(?:briefing note|report)\b", head, re.I | re.M) or (
        re.search(r"^\s*to:\s", head, re.I | re.M)
        and re.search(r"^\s*subject:\s", head, re.I | re.M)
    ):
        return "briefing_note"
    if has_minutes or re.search(r"^\s*present\s*:", head, re.I | re.M):
        return "minutes"
    if re.search(r"work programme", head[:400], re.I):
        return "work_programme"
    return "minutes"


def _title(text: str) -> str | None:
    for line in text.splitlines():
        line = re.sub(r"[*#_]+", "", line).strip()
        if line:
            return line[:200]
    return None


_URL_LINE = re.compile(r"\A\s*URL:[ \t]*(?P<url>https?://\S+)")
_CANONICAL = re.compile(
    rb"""<(?:link[^>]+rel=["']canonical["'][^>]+href|meta[^>]+property=["']og:url["'][^>]+content)"""
    rb"""=["'](?P<url>https?://[^"'\s]+)""",
    re.I,
)


def url_of(raw: bytes, text: str) -> str | None:
    """Where a document was published: the ``URL:`` first line of a saved page's text, or
    an HTML page's canonical link.

    >>> url_of(b"", "URL: https://democracy.kent.gov.uk/ieListDocuments.aspx?MId=1\\n\\nAgenda")
    'https://democracy.kent.gov.uk/ieListDocuments.aspx?MId=1'
    >>> url_of(b'<link rel="canonical" href="https://x.gov.uk/a?CId=1&amp;MId=2">', "")
    'https://x.gov.uk/a?CId=1&MId=2'
    """
    m = _URL_LINE.match(text)
    if m:
        return m.group("url")
    c = _CANONICAL.search(raw[:20000])
    if c is None:
        return None
    import html

    return html.unescape(c.group("url").decode("ascii", "replace"))  # "&amp;" in an attribute


_DATE_SHAPES = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?,?\s+(?P<year>\d{4})\b"
    r"|\b(?P<iyear>\d{4})-(?P<imonth>\d\d)-(?P<iday>\d\d)\b",
    re.IGNORECASE,
)
_MONTH_NUMBER = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# years a council record can be dated in: dates.py reads 19xx and 20xx
_YEARS = range(1900, 2100)


def impossible_dates(text: str) -> list[str]:
    """Dates written in ``text`` that no calendar has: a day the month does not have, or a
    year no council record is dated in. The date finder ignores them; this names them.

    >>> impossible_dates("held on 31 February 2024, 3 March 3023, 2024-13-01; next 3 March 2031")
    ['31 February 2024', '3 March 3023', '2024-13-01']
    """
    out = []
    for m in _DATE_SHAPES.finditer(text):
        if m.group("iyear"):
            year, month, day = int(m.group("iyear")), int(m.group("imonth")), int(m.group("iday"))
            if not 1900 <= year <= 2099 and not 1 <= month <= 12:
                continue  # "1234-56-78": a reference number, not a date
        else:
            year = int(m.group("year"))
            month = _MONTH_NUMBER[m.group("month")[:3].lower()]
            day = int(m.group("day"))
        try:
            dt.date(year, month, day)
        except ValueError:
            out.append(m.group(0))
            continue
        if year not in _YEARS:
            out.append(m.group(0))
    return out


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def safe_name(name: str) -> str:
    r"""``name`` as it can be printed on one line and put in a graph: bytes that are not
    UTF-8 (kept by Python as lone surrogates) and control characters become ``\xNN``.

    >>> safe_name("minutes 2024.txt")
    'minutes 2024.txt'
    >>> print(safe_name(os.fsdecode(b"agenda-\xff.txt")), safe_name("a\nb\x1b[2J"))
    agenda-\xff.txt a\x0ab\x1b[2J
    """
    if not _UNSAFE_NAME.search(name):
        return name
    text = os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return _UNSAFE_NAME.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _read_capped(path: Path, max_bytes: int, *, follow: bool) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``. Opened without following a
    final symlink when ``follow`` is false (the check that chose the file cannot be raced
    by swapping in a link), and without blocking (a FIFO must not hang the build)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular(_kind_of(info.st_mode))
        if info.st_size > max_bytes:
            raise _TooLarge(info.st_size)
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while being read
        raise _TooLarge(len(data))
    return data


class _NotRegular(Exception):
    pass


class _TooLarge(Exception):
    pass


def _kind_of(mode: int) -> str:
    for test, kind in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def read_document(
    path: Path,
    source: str,
    *,
    limits: Limits | None = None,
    notes: list[DocumentError] | None = None,
    follow_symlinks: bool = True,
) -> Document:
    """Read one file; raises :class:`DocumentError` naming it on any failure.

    Warnings (an encoding guessed, impossible dates ignored) are appended to ``notes``
    as :class:`DocumentWarning`; the document is still returned.
    """
    limits = limits or Limits()
    read = READERS.get(path.suffix.lower())
    if read is None:
        raise DocumentError(
            source,
            f"unsupported file type {safe_name(path.suffix) or '(none)'}; "
            f"graphkit reads {', '.join(sorted(READERS))}",
            "skipped",
        )
    raw = _raw_bytes(path, source, limits, follow_symlinks)
    reading = _Reading(limits)
    token = _READING.set(reading)
    try:
        text = sanitise(read(raw, source))
    finally:
        _READING.reset(token)
    _check_text(text, source, limits)
    found = impossible_dates(text)
    if found:
        shown = ", ".join(repr(d) for d in found[:3]) + (" ..." if len(found) > 3 else "")
        reading.notes.append(f"{len(found)} impossible date(s) {shown}; not kept")
    if notes is not None:
        notes.extend(DocumentWarning(source, note) for note in reading.notes)
    return Document(
        source=source,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        kind=classify(text, path.suffix.lower()),
        title=_title(text),
        url=url_of(raw, text),
    )


def _raw_bytes(path: Path, source: str, limits: Limits, follow: bool) -> bytes:
    """The file's bytes; :class:`DocumentError` if too large, not a file, unreadable or empty."""
    try:
        raw = _read_capped(path, limits.max_bytes, follow=follow)
    except _TooLarge as err:
        raise DocumentError(
            source,
            f"{err.args[0]:,} bytes, over the limit of {limits.max_bytes:,} (--max-bytes)",
            "skipped",
        ) from err
    except _NotRegular as err:
        raise DocumentError(source, f"{err.args[0]}, not a file", "skipped") from err
    except OSError as err:
        raise DocumentError(source, f"cannot be read ({err.strerror or err})", "skipped") from err
    if not raw.strip():
        raise DocumentError(source, "the file is empty", "skipped")
    return raw


def _check_text(text: str, source: str, limits: Limits) -> None:
    """:class:`DocumentError` if no text was extracted or it is over ``limits.max_chars``."""
    if not text.strip():
        raise DocumentError(source, "no text could be extracted", "skipped")
    if len(text) > limits.max_chars:
        raise DocumentError(
            source,
            f"its text is {len(text):,} characters, over the limit of {limits.max_chars:,} "
            "(--max-chars)",
            "skipped",
        )


@dataclass(frozen=True)
class FoundFile:
    """A file found under the paths to build, before it is read."""

    path: Path
    source: str  # printable, see safe_name
    problem: DocumentError | None = None  # set: not to be read, and why
    follow: bool = True  # whether a final symlink may be followed when it is opened
    renamed: bool = False  # the name was escaped to be printable


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _expand(paths: Sequence[str | Path]) -> Iterator[FoundFile]:
    """The files to read under ``paths``. A file named on its own is read wherever it is
    (the user chose it); in a folder, a symlink is read only when it stays inside the
    folder, and anything but a regular file is named and passed over."""
    for given in paths:
        p = Path(given)
        if not p.is_dir():
            source = safe_name(p.name)
            yield FoundFile(p, source, renamed=source != p.name)
            continue
        root = p.resolve()
        for f in sorted(p.rglob("*")):  # rglob does not descend into symlinked folders
            if f.name.startswith("."):
                continue
            rel = f.relative_to(p).as_posix()
            source = safe_name(rel)
            renamed = source != rel
            if f.is_symlink():
                target = f.resolve()
                if not _inside(target, root):
                    yield FoundFile(
                        f,
                        source,
                        DocumentError(
                            source,
                            f"a symlink to {safe_name(str(target))}, outside the input folder",
                            "not followed",
                        ),
                    )
                elif target.is_dir():
                    continue  # its files are read where they are
                elif not target.exists():
                    yield FoundFile(f, source, DocumentError(source, "a broken symlink", "skipped"))
                else:
                    yield FoundFile(target, source, renamed=renamed)
                continue
            try:
                mode = f.lstat().st_mode
            except OSError as err:
                yield FoundFile(
                    f,
                    source,
                    DocumentError(source, f"cannot be read ({err.strerror or err})", "skipped"),
                )
                continue
            if stat.S_ISDIR(mode):
                continue
            if not stat.S_ISREG(mode):
                yield FoundFile(
                    f, source, DocumentError(source, f"{_kind_of(mode)}, not a file", "skipped")
                )
                continue
            yield FoundFile(f, source, follow=False, renamed=renamed)


def list_paths(paths: Sequence[str | Path]) -> list[FoundFile]:
    """Every file under ``paths`` (folders recursively, in sorted order), each once.

    Paths that do not exist come first, then the files; one that is not to be read (a
    symlink out of its folder, a broken one, a named pipe) carries its
    :class:`DocumentError` in ``problem``.
    """
    found: list[FoundFile] = [
        FoundFile(
            Path(p),
            safe_name(str(p)),
            DocumentError(safe_name(str(p)), "no such file or folder", "skipped"),
        )
        for p in paths
        if not Path(p).exists()
    ]
    seen: set[str] = set()
    for entry in _expand([p for p in paths if Path(p).exists()]):
        if entry.source not in seen:
            seen.add(entry.source)
            found.append(entry)
    return found


def file_digest(found: FoundFile, limits: Limits | None = None) -> str | None:
    """The SHA-256 of the file's bytes (:attr:`Document.sha256` once it is read); ``None``
    for anything that will not be read as it stands: a listed problem, a file over
    ``limits.max_bytes``, not a regular file, or unreadable. Opened as the read opens it
    (no final symlink followed out of a folder, no blocking on a pipe)."""
    limits = limits or Limits()
    if found.problem is not None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not found.follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    digest = hashlib.sha256()
    try:
        with os.fdopen(os.open(found.path, flags), "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > limits.max_bytes:
                return None
            size = 0
            while chunk := fh.read(1 << 20):
                size += len(chunk)
                if size > limits.max_bytes:
                    return None
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def read_file(
    found: FoundFile, limits: Limits | None = None, *, notes: list[DocumentError] | None = None
) -> Document | DocumentError:
    """Read one listed file within ``limits`` (its time limit included): the document,
    or the :class:`DocumentError` that names why it could not be read. Warnings (a name
    escaped, an encoding guessed) are appended to ``notes``; nothing is raised but
    :class:`KeyboardInterrupt` and the like."""
    limits = limits or Limits()
    if found.problem is not None:
        return found.problem
    if found.renamed and notes is not None:
        notes.append(
            DocumentWarning(
                found.source,
                "the file name is not valid UTF-8 or holds control characters",
                "read under this escaped name",
            )
        )
    source = found.source
    try:
        with deadline(limits.timeout):
            return read_document(
                found.path, source, limits=limits, notes=notes, follow_symlinks=found.follow
            )
    except ReadTimeout:
        return OverTime(
            source,
            f"took longer than {limits.timeout:g} s to read (--timeout-per-document)",
            "skipped",
        )
    except DocumentError as err:
        return err
    except RecursionError:
        return DocumentError(source, "nested too deeply to be read", "skipped")
    except MemoryError:
        return DocumentError(source, "too large to be read in the memory there is", "skipped")
    except Exception as err:  # a reader's bug must cost one document, not the build
        return DocumentError(
            source,
            f"the reader failed ({type(err).__name__}: {err})",
            "skipped; this is a bug in graphkit, please report it",
        )


def read_paths(
    paths: Sequence[str | Path],
    *,
    progress: Callable[[str], None] | None = None,
    limits: Limits | None = None,
) -> tuple[list[Document], list[DocumentError]]:
    """Read every file under ``paths`` (folders recursively, in sorted order), one after
    the other in this process (:func:`graphkit.build.map_documents` reads them in parallel).

    Returns the documents read and a :class:`DocumentError` for each file that
    could not be (and a :class:`DocumentWarning` for each read with a caveat); one
    bad file never stops the others.
    """
    docs: list[Document] = []
    problems: list[DocumentError] = []
    for found in list_paths(paths):
        read = read_file(found, limits, notes=problems)
        if isinstance(read, DocumentError):
            problems.append(read)
            continue
        docs.append(read)
        if progress:
            progress(f"read {found.source}")
    return docs, problems
