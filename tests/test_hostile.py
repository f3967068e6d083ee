"""Hostile and broken input through the real command line: one table, and every text field.

Each case writes an input folder, runs ``factsheet validate`` and ``factsheet build -o OUT``
in-process, and asserts the exact diagnostic code, the exact exit code, that OUT holds no
file at all (not even a temporary one) when the input is refused, and that the run opened
nothing outside the input folder. Three witnesses watch the run:

- an audit hook (``sys.addaudithook``) records every file and folder Python opens, lists,
  creates or renames; each must lie in the input folder, the output folder, or the Python
  installation (``_python_roots`` and the functions after it say why each is allowed);
- inotify watches the sentinel files outside the input folder (``secret.txt``,
  ``secret.png``), so an open by C code the audit hook cannot see (libxml2 loading an
  external entity) is caught too. On systems without inotify only the hook watches;
- a timer ends any wait on a named pipe in the input folder, so a run that opens one fails
  instead of hanging.

Smaller hand-written bad inputs, each with its exact message, live in tests/cases/; run-time
generated ones with exact messages in tests/test_bad_input.py. This file is about what a
hostile input can make the program do.
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import re
import shutil
import site
import struct
import sys
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import factsheet
from factsheet.cli import app

ROOT = Path(__file__).parent.parent
DANUBE = ROOT / "examples" / "danube"
ARTICLE = (ROOT / "tests" / "cases" / "json-valid" / "article.txt").read_text(encoding="utf-8")
#: Written into every sentinel file: if it shows up in any output, the file was read.
SECRET = "SENTINEL-7f3a9c-outside-the-folder"
BIG = 200 * 1024 * 1024
#: Seconds a run may wait on a named pipe before the test writes to it to end the wait.
PIPE_PATIENCE = 5.0
CODE = re.compile(r"\b(?:error|warning|info) (FS\d{3})\b")


# -- the witnesses -----------------------------------------------------------------------------

_events: list[tuple[str, str]] | None = None  # (what, real path) while a run is watched
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
# Audit events that change the file system: (event, indexes of the path arguments).
_WRITE_EVENTS = {"os.mkdir": (0,), "os.rename": (0, 1), "os.remove": (0,), "os.rmdir": (0,),
                 "os.chmod": (0,), "os.chown": (0,), "os.symlink": (0, 1), "os.link": (0, 1),
                 "os.truncate": (0,), "os.utime": (0,), "shutil.copyfile": (0, 1),
                 "shutil.rmtree": (0,)}
_LIST_EVENTS = {"os.listdir", "os.scandir", "glob.glob"}


def _real(path: Any) -> str | None:
    """The absolute path with symlinks resolved: a link inside the folder to a file outside
    counts as the file outside. None for file descriptors."""
    if isinstance(path, int) or path is None:
        return None
    return os.path.realpath(os.fsdecode(path))


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """Record file-system events while ``_events`` is a list.

    Audit hooks cannot be removed, so this one is installed once for the whole test run and
    does nothing unless a test is watching."""
    if _events is None:
        return
    if event == "open":
        path, mode, flags = args
        real = _real(path)
        if real is not None:
            writes = bool(flags & _WRITE_FLAGS) or any(c in (mode or "") for c in "wax+")
            _events.append(("write" if writes else "read", real))
    elif event in _WRITE_EVENTS:
        for index in _WRITE_EVENTS[event]:
            real = _real(args[index]) if index < len(args) else None
            if real is not None:
                _events.append(("write", real))
    elif event in _LIST_EVENTS and args:
        real = _real(args[0] or ".")
        if real is not None:
            _events.append(("list", real))


sys.addaudithook(_audit)


def _python_roots() -> tuple[str, ...]:
    """Folders a run may read from besides its input and output folders, each because the
    program cannot work without it and no input can steer a read there:

    - the interpreter's prefixes: the standard library, which commands import lazily
      (``zipfile`` for a reference document, ``difflib`` for a hint...);
    - site-packages: third-party modules imported lazily, and their data files: the Roboto
      fonts (font-roboto), ReportLab's font metrics, python-docx's default template;
    - the factsheet packages themselves, wherever the (editable) install maps them: their
      modules, the built-in templates and label files.
    """
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             *site.getsitepackages(), str(Path(factsheet.__file__).parent),
             str(files("factsheet.templates"))}
    if site.ENABLE_USER_SITE:
        roots.add(site.getusersitepackages())
    return tuple(sorted(os.path.realpath(r) for r in roots))


_ALLOWED_READS = _python_roots()


def _inside(path: str, folders: tuple[str, ...]) -> bool:
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def _import_system_read(what: str, path: str) -> bool:
    """True for what the import system reads wherever ``sys.path`` points: it lists each
    entry to find a module imported lazily, and importlib.metadata reads the metadata
    (``*.dist-info``, ``*.egg-info``) of installed distributions for entry points."""
    entries = {os.path.realpath(p or ".") for p in sys.path}
    if what == "list":
        return path in entries
    parent = Path(path).parent
    return (parent.suffix in (".dist-info", ".egg-info")
            and os.path.realpath(parent.parent) in entries)


def _reportlab_startup(what: str, path: str) -> bool:
    """True for what ReportLab reads when it is imported, whatever the input: it tries its
    per-user settings files (absent here) and lists the system font folders to build its
    font search path. factsheet registers its fonts by full path, so no input can make it
    draw with, or read, a font found there."""
    if what == "list":
        return _inside(path, ("/usr/share/fonts",))
    home = os.path.realpath(os.path.expanduser("~"))
    return what == "read" and path in {os.path.join(home, ".reportlab_mods"),
                                       os.path.join(home, ".reportlab_settings")}


def _is_bytecode_cache(path: str) -> bool:
    """Python writes the bytecode of a module imported for the first time beside it
    (``__pycache__/*.pyc``); that is the interpreter's cache, not the program writing."""
    return (Path(path).parent.name == "__pycache__"
            and _inside(path, _ALLOWED_READS))


class _Inotify:
    """Report whether any of some files is opened, by anyone, through inotify (Linux).

    The audit hook sees only what Python opens; libxml2 loading an external entity, or any
    other C library, opens files below it. On other systems this watches nothing."""

    IN_ACCESS, IN_OPEN = 0x001, 0x020

    def __init__(self, paths: list[Path]) -> None:
        self.fd = -1
        try:
            self.libc = ctypes.CDLL(None, use_errno=True)
            self.fd = self.libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        except (AttributeError, OSError):
            return
        for path in paths:
            wd = self.libc.inotify_add_watch(self.fd, os.fsencode(path),
                                             self.IN_OPEN | self.IN_ACCESS)
            assert wd >= 0, f"cannot watch {path}"

    def opened(self) -> bool:
        if self.fd < 0:
            return False
        try:
            return bool(os.read(self.fd, 65536))
        except BlockingIOError:
            return False

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)


@contextmanager
def _watching(sentinels: list[Path]) -> Iterator[list[tuple[str, str]]]:
    """Record what the code in the block opens and writes; fail if a sentinel is opened."""
    global _events
    watch = _Inotify(sentinels)
    found: list[tuple[str, str]] = []
    _events = found
    try:
        yield found
    finally:
        _events = None
        opened = watch.opened()
        watch.close()
    assert not opened, f"a file outside the input folder was opened: {sentinels}"


# -- input folders -----------------------------------------------------------------------------


@dataclass
class Place:
    """A test's folders: ``root`` holds the sentinels, ``folder`` the input, ``out`` the
    output folder given to ``build -o``."""

    root: Path
    folder: Path = field(init=False)
    out: Path = field(init=False)
    pipes: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.folder = self.root / "in"
        self.out = self.root / "out"
        self.folder.mkdir()
        self.out.mkdir()
        (self.root / "secret.txt").write_text(f"{SECRET}\n{ARTICLE}", encoding="utf-8")
        (self.root / "secret.png").write_bytes(png(4, 4) + SECRET.encode())
        (self.folder / "article.txt").write_text(ARTICLE, encoding="utf-8")

    @property
    def sentinels(self) -> list[Path]:
        return [self.root / "secret.txt", self.root / "secret.png"]

    def write(self, name: str, data: str | bytes) -> Path:
        path = self.folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    def sparse(self, name: str, size: int = BIG) -> Path:
        """A file of ``size`` bytes that takes no disk space (a hole): cheap to make, and
        reading it all would take seconds, which the size limit must prevent."""
        path = self.folder / name
        with open(path, "wb") as handle:
            handle.truncate(size)
        return path


def png(width: int, height: int) -> bytes:
    """A black PNG of ``width`` x ``height``; past a million pixels it carries one row only
    (a decompression bomb needs only to declare its size)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"\x00" * (1 + 3 * width)
                                            * (height if width * height <= 1_000_000 else 1)))
            + _chunk(b"IEND", b""))


def corrupt_idat(data: bytes) -> bytes:
    """``data`` with its pixel data replaced by bytes that are not zlib, its CRC made right
    again, so that only decoding the pixels finds the fault."""
    at = data.index(b"IDAT") - 4
    length = int.from_bytes(data[at:at + 4], "big")
    body = b"\x00not zlib data".ljust(length, b"!")
    chunk = (data[at:at + 8] + body
             + struct.pack(">I", zlib.crc32(b"IDAT" + body) & 0xFFFFFFFF))
    return data[:at] + chunk + data[at + 12 + length:]


def _chunk(kind: bytes, body: bytes) -> bytes:
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


def chunk_past_the_end(data: bytes) -> bytes:
    """A PNG with one byte more in its pixel chunk than its length says, so the chunk after
    it is read one byte off, with a length past the end of the file. Pillow has the pixels
    by then and stops; python-docx walks on."""
    at = data.index(b"IEND") - 8  # before the pixel chunk's CRC
    return data[:at] + b"<" + data[at:]


def png_with_dpi(data: bytes, pixels_per_metre: int) -> bytes:
    """A PNG with a pHYs chunk declaring ``pixels_per_metre`` both ways."""
    at = data.index(b"IDAT") - 4
    body = struct.pack(">IIB", pixels_per_metre, pixels_per_metre, 1)
    return data[:at] + _chunk(b"pHYs", body) + data[at:]


def jpeg_with_dpi(data: bytes, dpi: int) -> bytes:
    """A JFIF JPEG whose APP0 declares ``dpi`` dots per inch both ways."""
    at = data.index(b"JFIF\x00") + 7
    return data[:at] + struct.pack(">BHH", 1, dpi, dpi) + data[at + 5:]


def jpeg_cut_after_frame(data: bytes) -> bytes:
    """A JPEG cut short after its frame header: its size is known, its tables are not."""
    at = data.index(b"\xff\xc0")
    return data[:at + 2 + int.from_bytes(data[at + 2:at + 4], "big")]


def jpeg_without_app0(data: bytes) -> bytes:
    """A JFIF JPEG with its APP0 (JFIF) segment taken out: still a JPEG any viewer shows."""
    assert data[2:4] == b"\xff\xe0"
    return data[:2] + data[4 + int.from_bytes(data[4:6], "big"):]


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a baseline JPEG that declares ``width`` x ``height`` (no pixels)."""
    frame = struct.pack(">BHHB", 8, height, width, 1) + bytes([1, 0x11, 0])
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(frame) + 2) + frame + b"\xff\xd9"


def annotation(text_file: str = "article.txt", image: str | None = None,
               title: str = "Grain corridor") -> str:
    """A clean annotation file (YAML); ``image`` adds a photo showing that file."""
    text = f"""\
factsheet: 1
articles:
  - id: corridor
    text_file: {json.dumps(text_file)}
    title: {json.dumps(title)}
parties:
  - id: estonia
    name: Estonia
    kind: state
commitments:
  - id: c-corridor
    by: [estonia]
    action: keep a grain corridor open through the Baltic winter
    modality: binding
    evidence: signed an accord on Wednesday to keep a grain corridor open
"""
    if image is not None:
        text += f"""\
photos:
  - id: ph-signing
    credit: PHOTO / NORTHERN WIRE
    pictured: [estonia]
    image:
      path: {json.dumps(image)}
      alt: The signing.
    evidence: Two ministers attended the signing
"""
    return text


def docx(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip holding ``members`` besides the parts every Word document has."""
    parts = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>",
             "word/styles.xml": b"<w:styles/>", **members}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@cache
def _word_document() -> bytes:
    """python-docx's own blank document: a sound .docx to damage."""
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def word_document_with(member: str, change: Callable[[bytes], bytes]) -> bytes:
    """A sound .docx with ``member`` changed, zipped again (so the zip itself is sound)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_word_document())) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            archive.writestr(info.filename, change(data) if info.filename == member else data)
    return buffer.getvalue()


def corrupt_member(data: bytes, member: str) -> bytes:
    """``data`` with bytes in the middle of ``member``'s compressed data changed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    return data[:middle] + bytes(b ^ 0x5A for b in data[middle:middle + 8]) + data[middle + 8:]


@cache
def _deflated_zeros(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(b"\0" * size) + compressor.flush()


def zip_of_zeros(names: list[str], size: int) -> bytes:
    """A zip whose entries each expand to ``size`` zero bytes, compressed once and written
    raw (zipfile would compress each entry again)."""
    data, crc = _deflated_zeros(size), zlib.crc32(b"\0" * size)
    buffer = io.BytesIO()
    central = b""
    for name in names:
        encoded = name.encode()
        offset = buffer.tell()
        fields = struct.pack("<HHHHHIIIHH", 20, 0, 8, 0, 0x21, crc, len(data), size,
                             len(encoded), 0)
        buffer.write(b"PK\x03\x04" + fields + encoded + data)
        central += (b"PK\x01\x02" + struct.pack("<H", 20) + fields + struct.pack(
            "<HHHII", 0, 0, 0, 0, offset) + encoded)
    start = buffer.tell()
    buffer.write(central + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(names),
                                                       len(names), len(central), start, 0))
    return buffer.getvalue()


# -- running the command line ------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    stdout: str
    stderr: str
    exit_code: int
    events: list[tuple[str, str]]

    @property
    def codes(self) -> set[str]:
        return set(CODE.findall(self.stdout + self.stderr))


def factsheet_cli(place: Place, *args: str) -> Run:
    """Run ``factsheet ARGS`` in the input folder under the three witnesses."""
    blocked: list[Path] = []

    def unblock() -> None:
        """Open for writing each pipe a reader waits on: the run goes on, and fails."""
        for pipe in place.pipes:
            try:
                fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody is waiting to read it
                continue
            blocked.append(pipe)
            os.close(fd)

    timer = threading.Timer(PIPE_PATIENCE, unblock)
    cwd = os.getcwd()
    os.chdir(place.folder)
    try:
        with _watching(place.sentinels) as events:
            timer.start()
            result = CliRunner().invoke(app, list(args), prog_name="factsheet",
                                        env={"FACTSHEET_DEBUG": None, "NO_COLOR": "1"})
    finally:
        timer.cancel()
        os.chdir(cwd)
    assert blocked == [], "the run opened a named pipe and waited for a writer"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr
    return Run(result.stdout, result.stderr, result.exit_code, list(events))


def assert_stayed_inside(place: Place, run: Run) -> None:
    """Every path the run read lies in the input folder, the output folder or the Python
    installation; every path it wrote lies in the output folder."""
    folder, out = os.path.realpath(place.folder), os.path.realpath(place.out)
    reads = [p for what, p in run.events if what != "write"
             and not _inside(p, (folder, out, *_ALLOWED_READS))
             and not _import_system_read(what, p) and not _reportlab_startup(what, p)]
    writes = [p for what, p in run.events if what == "write"
              and not _inside(p, (out,)) and not _is_bytecode_cache(p)]
    assert reads == [], f"read outside the input folder: {reads}"
    assert writes == [], f"wrote outside the output folder: {writes}"
    assert SECRET not in run.stdout + run.stderr
    for path in place.out.rglob("*"):
        assert SECRET.encode() not in path.read_bytes(), path


def listing(folder: Path) -> list[str]:
    """Every file and folder below ``folder``, hidden ones too."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# -- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One hostile input: ``setup`` writes it and ``args`` name it (with any option).

    ``expect`` is the head of the one diagnostic the input must give, its location and
    code (``input.yaml:4:16: error FS110``), or None for none at all; ``exit`` is the exit
    code of every command in ``commands``; ``build`` adds options to the build command;
    ``then`` checks what a successful build wrote."""

    id: str
    setup: Callable[[Place], object]
    args: tuple[str, ...]
    expect: str | None
    exit: int = 1
    commands: tuple[str, ...] = ("validate", "build")
    build: tuple[str, ...] = ("-f", "all")
    then: Callable[[Place], None] | None = None
    marks: tuple[Any, ...] = ()

    @property
    def code(self) -> str | None:
        return self.expect.rsplit(" ", 1)[1] if self.expect else None


#: Reference documents and templates are options of the build command only.
REFERENCE: dict[str, Any] = {"commands": ("build",),
                             "build": ("-f", "docx", "--reference-doc", "reference.docx")}
TEMPLATE: dict[str, Any] = {"commands": ("build",),
                            "build": ("-f", "pdf", "-f", "docx", "-t", "template.yaml")}


def yaml_with(text: str) -> Callable[[Place], object]:
    return lambda place: place.write("input.yaml", text)


def with_image(image: str, prepare: Callable[[Place], object] | None = None
               ) -> Callable[[Place], object]:
    def setup(place: Place) -> None:
        if prepare is not None:
            prepare(place)
        place.write("input.yaml", annotation(image=image))
    return setup


def with_text_file(text_file: str, prepare: Callable[[Place], object] | None = None
                   ) -> Callable[[Place], object]:
    def setup(place: Place) -> None:
        if prepare is not None:
            prepare(place)
        place.write("input.yaml", annotation(text_file=text_file))
    return setup


def link(name: str, target: str | Path) -> Callable[[Place], object]:
    """Make ``name`` in the input folder a symlink to ``target`` (relative to the folder)."""
    return lambda place: (place.folder / name).symlink_to(target)


def fifo(name: str) -> Callable[[Place], object]:
    """Make ``name`` a named pipe: opening it for reading waits for a writer forever."""
    def setup(place: Place) -> None:
        os.mkfifo(place.folder / name)
        place.pipes.append(place.folder / name)
    return setup


def with_reference(data: Callable[[], bytes]) -> Callable[[Place], object]:
    def setup(place: Place) -> None:
        place.write("input.yaml", annotation())
        place.write("reference.docx", data())
    return setup


def with_template(text: str, prepare: Callable[[Place], object] | None = None
                  ) -> Callable[[Place], object]:
    def setup(place: Place) -> None:
        if prepare is not None:
            prepare(place)
        place.write("input.yaml", annotation())
        place.write("template.yaml", text)
    return setup


def both(*steps: Callable[[Place], object]) -> Callable[[Place], object]:
    def setup(place: Place) -> None:
        for step in steps:
            step(place)
    return setup


XXE = '<!DOCTYPE factsheet [ <!ENTITY secret SYSTEM "file://{secret}"> ]>'
XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
XML_BODY = ('<factsheet version="1">\n  <article id="corridor" title="{title}">\n'
            "    <text>TALLINN - Estonia and Latvia signed an accord.</text>\n"
            "  </article>\n</factsheet>\n")
LAUGHS = ('<!DOCTYPE factsheet [\n  <!ENTITY lol0 "lol">\n'
          + "".join(f'  <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
          + "]>")
YAML_BOMB = ("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
             + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9)
                       + "]\n" for i in range(8)))


def title_is(place: Place, title: str) -> None:
    briefing = json.loads((place.out / "input.briefing.json").read_text(encoding="utf-8"))
    assert briefing["articles"][0]["title"] == title


def xml(place: Place, doctype: str, title: str = "Corridor", name: str = "input.xml") -> None:
    secret = place.root / "secret.txt"
    place.write(name, XML_HEAD + doctype.format(secret=secret) + "\n"
                + XML_BODY.format(title=title))


def html(place: Place, title: str) -> None:
    place.write("input.html", f'<html><body><article data-id="corridor" data-title="{title}">'
                "TALLINN - Estonia and Latvia signed an accord.</article></body></html>\n")


def html_with_entity(place: Place) -> None:
    secret = place.root / "secret.txt"
    place.write("input.html", f'<!DOCTYPE html [ <!ENTITY secret SYSTEM "file://{secret}"> ]>\n'
                '<html><body><article data-id="corridor" data-title="A &secret; B">'
                "TALLINN - Estonia and Latvia signed an accord.</article></body></html>\n")


def brat(place: Place, ann: str | bytes = "T1\tParty 10 17\tEstonia\n",
         text: Callable[[Place], object] | None = None) -> None:
    place.write("doc.ann", ann)
    if text is None:
        place.write("doc.txt", ARTICLE.split("\n\n", 1)[1])
    else:
        text(place)


def w3c(source: str) -> Callable[[Place], object]:
    export = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
              "id": "#estonia", "body": {"type": "TextualBody", "purpose": "tagging",
                                         "value": "Party"},
              "target": {"source": source, "selector": {"type": "TextQuoteSelector",
                                                        "exact": "Estonia"}}}
    return lambda place: place.write("export.json", json.dumps(export))


CASES = [
    # XML and HTML: entities, DTDs, XInclude
    Case("xml-external-entity", lambda p: xml(p, XXE, "&secret;"), ("input.xml",),
         "input.xml:2:1: error FS106"),
    Case("xml-external-parameter-entity", lambda p: xml(
        p, '<!DOCTYPE factsheet [ <!ENTITY % secret SYSTEM "file://{secret}"> %secret; ]>'),
        ("input.xml",), "input.xml:2:1: error FS106"),
    Case("xml-external-dtd", lambda p: xml(p, '<!DOCTYPE factsheet SYSTEM "../secret.txt">'),
         ("input.xml",), "input.xml:2:1: error FS106"),
    Case("xml-billion-laughs", lambda p: xml(p, LAUGHS, "&lol9;"), ("input.xml",),
         "input.xml:2:1: error FS106"),
    Case("xml-xinclude", lambda p: p.write("input.xml", XML_HEAD + XML_BODY.format(
        title="Corridor").replace(
        "an accord.", 'an <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        'href="../secret.txt" parse="text"/>.')), ("input.xml",), "input.xml:4:50: error FS113"),
    # The HTML parser reads no DTD: the entity reference stays the characters written.
    Case("html-external-entity-stays-text", html_with_entity, ("input.html",), None, 0,
         build=("-f", "json"), then=lambda p: title_is(p, "A &secret; B")),
    # Character references to what no document can carry
    Case("xml-lone-surrogate-reference", lambda p: xml(p, "", "A&#xD800;B"), ("input.xml",),
         "input.xml:4:42: error FS101"),
    Case("xml-control-character-reference", lambda p: xml(p, "", "A&#x1B;B"), ("input.xml",),
         "input.xml:4:40: error FS101"),
    Case("html-control-character-reference", lambda p: html(p, "A&#x1B;B"), ("input.html",),
         "input.html:1:13: error FS107"),
    # HTML turns a reference to a surrogate into U+FFFD, as browsers do.
    Case("html-lone-surrogate-reference", lambda p: html(p, "A&#xD800;B"), ("input.html",),
         None, 0, build=("-f", "json"), then=lambda p: title_is(p, "A\ufffdB")),
    # YAML itself forbids escaping a surrogate: libyaml stops there.
    Case("yaml-lone-surrogate-escape", yaml_with(annotation().replace(
        '"Grain corridor"', '"Grain \\ud800 corridor"')), ("input.yaml",),
         "input.yaml:5:21: error FS101"),
    # YAML: aliases and tags
    Case("yaml-alias-bomb", yaml_with(YAML_BOMB), ("input.yaml",),
         "input.yaml:1:4: error FS104"),
    Case("yaml-merge-key", yaml_with(annotation().replace(
        "parties:\n", "state: &state {kind: state}\nparties:\n").replace(
        "    kind: state\n", "    <<: *state\n")), ("input.yaml",),
         "input.yaml:6:8: error FS104"),
    Case("yaml-python-object-apply", yaml_with(annotation().replace(
        '"Grain corridor"', "!!python/object/apply:os.system ['touch ../pwned']")),
        ("input.yaml",), "input.yaml:5:12: error FS105"),
    Case("yaml-python-name", yaml_with(annotation().replace(
        '"Grain corridor"', "!!python/name:os.system")), ("input.yaml",),
         "input.yaml:5:12: error FS105"),
    # Nested 100,000 deep
    Case("json-arrays-100000-deep", lambda p: p.write(
        "input.json", "[" * 100_000 + "]" * 100_000), ("input.json",),
         "input.json:1:1: error FS109"),
    Case("json-objects-100000-deep", lambda p: p.write(
        "input.json", '{"a": ' * 100_000 + "1" + "}" * 100_000), ("input.json",),
         "input.json:1:1: error FS109"),
    Case("labelstudio-100000-deep", lambda p: p.write(
        "export.json", '[{"annotations": ' + "[" * 100_000 + "]" * 100_000 + "}]"),
        ("--from", "labelstudio", "export.json"), "export.json:1:1: error FS109"),
    Case("doccano-line-100000-deep", lambda p: p.write(
        "export.jsonl", '{"text": "x", "label": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
        ("export.jsonl",), "export.jsonl:1:1: error FS109"),
    # 200 MB, sparse: refused on its size before a byte is read
    Case("yaml-200-mb", lambda p: p.sparse("input.yaml"), ("input.yaml",),
         "input.yaml: error FS103"),
    Case("json-200-mb", lambda p: p.sparse("input.json"), ("input.json",),
         "input.json: error FS103"),
    Case("xml-200-mb", lambda p: p.sparse("input.xml"), ("input.xml",),
         "input.xml: error FS103"),
    Case("html-200-mb", lambda p: p.sparse("input.html"), ("input.html",),
         "input.html: error FS103"),
    Case("article-text-200-mb", with_text_file("big.txt", lambda p: p.sparse("big.txt")),
         ("input.yaml",), "big.txt: error FS103"),
    Case("brat-text-200-mb", lambda p: brat(p, text=lambda q: q.sparse("doc.txt")),
         ("doc.ann",), "doc.txt: error FS103"),
    Case("doccano-200-mb", lambda p: p.sparse("export.jsonl"), ("export.jsonl",),
         "export.jsonl: error FS103"),
    Case("image-200-mb", with_image("big.png", lambda p: p.sparse("big.png")),
         ("input.yaml",), "input.yaml:21:13: error FS115"),
    Case("reference-doc-200-mb", both(with_reference(lambda: b""),
                                      lambda p: p.sparse("reference.docx")),
         ("input.yaml",), "reference.docx: error FS103", **REFERENCE),
    Case("template-200-mb", both(with_template(""), lambda p: p.sparse("template.yaml")),
         ("input.yaml",), "template.yaml: error FS103", **TEMPLATE),
    # Not UTF-8
    Case("yaml-invalid-utf8", lambda p: p.write("input.yaml", annotation().encode().replace(
        b"Grain", b"Gr\xe4in")), ("input.yaml",), "input.yaml:5:15: error FS102"),
    Case("article-text-invalid-utf8", lambda p: (p.write("input.yaml", annotation()), p.write(
        "article.txt", ARTICLE.encode().replace(b"Latvia", b"L\xc0\xafatvia"))),
        ("input.yaml",), "article.txt:5:24: error FS102"),
    Case("xml-invalid-utf8", lambda p: p.write("input.xml", (XML_HEAD + XML_BODY.format(
        title="Corridor")).encode().replace(b"Latvia", b"Latvia\xed\xa0\x80")),
        ("input.xml",), "input.xml:4:39: error FS102"),
    Case("brat-text-invalid-utf8", lambda p: brat(p, text=lambda q: q.write(
        "doc.txt", b"TALLINN - Estonia\xff and Latvia.\n")), ("doc.ann",),
         "doc.txt:1:18: error FS102"),
    Case("doccano-invalid-utf8", lambda p: p.write(
        "export.jsonl", b'{"text": "Estonia \xfe", "label": []}\n'), ("export.jsonl",),
         "export.jsonl:1:19: error FS102"),
    # Image paths
    Case("image-parent-folder", with_image("../secret.png"), ("input.yaml",),
         "input.yaml:21:13: error FS110"),
    Case("image-absolute-path", with_image("/etc/hostname"), ("input.yaml",),
         "input.yaml:21:13: error FS110"),
    Case("image-device-file", with_image("/dev/zero"), ("input.yaml",),
         "input.yaml:21:13: error FS110"),
    Case("image-symlink-out", with_image("link.png", link("link.png", "../secret.png")),
         ("input.yaml",), "input.yaml:21:13: error FS110"),
    Case("image-symlink-to-device", with_image("zero.png", link("zero.png", "/dev/zero")),
         ("input.yaml",), "input.yaml:21:13: error FS110"),
    Case("image-named-pipe", with_image("pipe.png", fifo("pipe.png")), ("input.yaml",),
         "input.yaml:21:13: error FS100"),
    Case("image-folder", with_image("photos", lambda p: (p.folder / "photos").mkdir()),
         ("input.yaml",), "input.yaml:21:13: error FS100"),
    Case("png-decompression-bomb", with_image("bomb.png", lambda p: p.write(
        "bomb.png", png(100_000, 100_000))), ("input.yaml",), "input.yaml:21:13: error FS115"),
    # A PNG whose header is sound but whose pixels are not: the PDF writer decodes them.
    Case("png-corrupt-pixel-data", with_image("bad.png", lambda p: p.write(
        "bad.png", corrupt_idat(png(4, 4)))), ("input.yaml",), "input.yaml:21:13: error FS114"),
    Case("png-cut-short", with_image("short.png", lambda p: p.write(
        "short.png", png(256, 256)[:100])), ("input.yaml",), "input.yaml:21:13: error FS114"),
    Case("png-chunk-past-the-end", with_image("chunks.png", lambda p: p.write(
        "chunks.png", chunk_past_the_end(png(4, 4)))), ("input.yaml",),
        "input.yaml:21:13: error FS114"),
    Case("jpeg-cut-after-the-frame", with_image("cut.jpg", lambda p: p.write(
        "cut.jpg", jpeg_cut_after_frame((DANUBE / "signing.jpg").read_bytes()))),
         ("input.yaml",), "input.yaml:21:13: error FS114"),
    # A sound JPEG without a JFIF or Exif segment: python-docx recognises a JPEG by them.
    Case("jpeg-without-jfif-or-exif", with_image("plain.jpg", lambda p: p.write(
        "plain.jpg", jpeg_without_app0((DANUBE / "signing.jpg").read_bytes()))),
         ("input.yaml",), None, 0, build=("-f", "docx")),
    # Sound images that declare a resolution of 0 dots per inch: python-docx divides by it
    # unless the DOCX writer gives both width and height.
    Case("png-zero-dpi", with_image("dpi.png", lambda p: p.write(
        "dpi.png", png_with_dpi(png(4, 4), 1))), ("input.yaml",), None, 0,
         build=("-f", "docx")),
    Case("jpeg-zero-dpi", with_image("dpi.jpg", lambda p: p.write(
        "dpi.jpg", jpeg_with_dpi((DANUBE / "signing.jpg").read_bytes(), 0))),
         ("input.yaml",), None, 0, build=("-f", "docx")),
    Case("jpeg-decompression-bomb", with_image("bomb.jpg", lambda p: p.write(
        "bomb.jpg", jpeg_header(65_000, 65_000))), ("input.yaml",),
         "input.yaml:21:13: error FS115"),
    Case("xml-image-parent-folder", lambda p: p.write("input.xml", XML_HEAD + XML_BODY.format(
        title="Corridor").replace("Estonia and", '<party id="estonia" name="Estonia" '
                                  'kind="state">Estonia</party> and').replace(
        "an accord.", '<photo id="ph" credit="PHOTO" pictured="estonia" image-alt="x" '
        'image-path="../secret.png">an accord</photo>.')), ("input.xml",),
         "input.xml:4:103: error FS110"),
    # Article text paths
    Case("text-file-parent-folder", with_text_file("../secret.txt"), ("input.yaml",),
         "input.yaml:4:16: error FS110"),
    Case("text-file-absolute-path", with_text_file("/etc/hostname"), ("input.yaml",),
         "input.yaml:4:16: error FS110"),
    Case("text-file-device-file", with_text_file("/dev/zero"), ("input.yaml",),
         "input.yaml:4:16: error FS110"),
    Case("text-file-symlink-out", with_text_file("a.txt", link("a.txt", "../secret.txt")),
         ("input.yaml",), "input.yaml:4:16: error FS110"),
    Case("text-file-symlink-to-device", with_text_file("z.txt", link("z.txt", "/dev/zero")),
         ("input.yaml",), "input.yaml:4:16: error FS110"),
    Case("text-file-named-pipe", with_text_file("pipe.txt", fifo("pipe.txt")),
         ("input.yaml",), "input.yaml:4:16: error FS100"),
    Case("brat-text-symlink-out", lambda p: brat(p, text=link("doc.txt", "../secret.txt")),
         ("doc.ann",), "doc.ann: error FS110"),
    Case("w3c-source-parent-folder", w3c("../secret.txt"), ("export.json",),
         "export.json:1:173: error FS110"),
    # The input file itself: .json files are opened to tell a tool's export from ours
    Case("input-named-pipe", fifo("input.json"), ("input.json",), "input.json: error FS100"),
    Case("input-symlink-to-device", link("input.json", "/dev/zero"), ("input.json",),
         "input.json: error FS100"),
    # Reference .docx
    Case("reference-doc-zip-bomb", with_reference(lambda: zip_of_zeros(
        ["[Content_Types].xml", "word/document.xml", "word/styles.xml"], 50_000_000)),
        ("input.yaml",), "reference.docx: error FS116", **REFERENCE),
    Case("reference-doc-many-small-bombs", with_reference(lambda: zip_of_zeros(
        ["[Content_Types].xml", "word/document.xml", "word/styles.xml",
         *(f"word/media/image{i}.png" for i in range(120))], 1_000_000)),
        ("input.yaml",), "reference.docx: error FS116", **REFERENCE),
    Case("reference-doc-parent-member", with_reference(lambda: docx(
        {"../../escape.txt": b"x"})), ("input.yaml",), "reference.docx: error FS116",
         **REFERENCE),
    Case("reference-doc-absolute-member", with_reference(lambda: docx(
        {"/tmp/escape.txt": b"x"})), ("input.yaml",), "reference.docx: error FS116",
         **REFERENCE),
    Case("reference-doc-not-a-zip", with_reference(lambda: b"PK\x03\x04 not really"),
         ("input.yaml",), "reference.docx: error FS116", **REFERENCE),
    # A sound zip holding a damaged Word document: refused up front, not at render time.
    Case("reference-doc-broken-xml", with_reference(lambda: word_document_with(
        "word/styles.xml", lambda xml: xml[:len(xml) // 2])), ("input.yaml",),
        "reference.docx: error FS116", **REFERENCE),
    Case("reference-doc-corrupt-data", with_reference(lambda: corrupt_member(
        word_document_with("word/styles.xml", lambda xml: xml), "word/styles.xml")),
        ("input.yaml",), "reference.docx: error FS116", **REFERENCE),
    Case("reference-doc-without-page-setup", with_reference(lambda: word_document_with(
        "word/document.xml", lambda xml: re.sub(rb"<w:sectPr.*</w:sectPr>", b"", xml,
                                                flags=re.DOTALL))), ("input.yaml",),
        "reference.docx: error FS116", **REFERENCE),
    Case("reference-doc-named-pipe", both(with_reference(lambda: b""),
                                          lambda p: (p.folder / "reference.docx").unlink(),
                                          fifo("reference.docx")),
         ("input.yaml",), "reference.docx: error FS100", **REFERENCE),
    # Templates
    Case("template-unknown-keys", with_template("name: mine\ncolour: {text: '000000'}\n"),
         ("input.yaml",), "template.yaml:2:1: error FS201", **TEMPLATE),
    Case("template-unknown-label", with_template("name: mine\nlabels: {comitments: Deals}\n"),
         ("input.yaml",), "template.yaml:2:10: error FS201", **TEMPLATE),
    Case("template-python-tag", with_template("name: !!python/name:os.system\n"),
         ("input.yaml",), "template.yaml:1:7: error FS105", **TEMPLATE),
    Case("template-logo-parent-folder", with_template("name: mine\nlogo: ../secret.png\n"),
         ("input.yaml",), "template.yaml: error FS110", **TEMPLATE),
    Case("template-font-device-file", with_template(
        "name: mine\nfonts: {fallback: [/dev/zero]}\n"),
        ("input.yaml",), "template.yaml: error FS110", **TEMPLATE),
    Case("template-font-symlink-out", with_template(
        "name: mine\nfonts: {fallback: [extra.ttf]}\n", link("extra.ttf", "../secret.txt")),
        ("input.yaml",), "template.yaml: error FS110", **TEMPLATE),
    # Label mapping files
    Case("mapping-python-tag", both(brat, lambda p: p.write(
        "labels.yaml", "spans: !!python/object/apply:os.system ['touch ../pwned']\n")),
        ("--mapping", "labels.yaml", "doc.ann"), "labels.yaml:1:8: error FS105"),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    place = Place(tmp_path)
    case.setup(place)
    for command in case.commands:
        args = [command, *case.args]
        if command == "build":
            args += ["-o", str(place.out), *case.build]
        run = factsheet_cli(place, *args)
        output = run.stdout + run.stderr
        assert (sorted(run.codes), run.exit_code) == (
            [case.code] if case.code else [], case.exit), output
        if case.expect is not None:
            first = next(line for line in output.splitlines() if CODE.search(line))
            assert first.startswith(case.expect + " "), output
        assert_stayed_inside(place, run)
        if case.exit != 0:
            assert listing(place.out) == []
    if case.then is not None:
        case.then(place)
    assert not (tmp_path / "pwned").exists()


def test_the_witnesses_see_a_read_outside_the_folder(tmp_path: Path) -> None:
    # The checks above prove nothing unless they fail when a file outside is read: by
    # Python (the audit hook) or by C code (inotify).
    place = Place(tmp_path)
    with _watching([]) as events:
        (place.root / "secret.txt").read_bytes()
    run = Run("", "", 0, list(events))
    with pytest.raises(AssertionError, match="read outside"):
        assert_stayed_inside(place, run)
    if sys.platform.startswith("linux"):
        from lxml import etree

        with pytest.raises(AssertionError, match="outside the input folder was opened"), \
                _watching(place.sentinels):
            etree.parse(str(place.root / "secret.txt"), etree.XMLParser(recover=True))


# -- every text field --------------------------------------------------------------------------
#
# The danube example is written out with one hostile string put into one string field at a
# time: the first occurrence of each field (every party's name is one field).

#: Stands for the hostile string while the file is written by a YAML or JSON library, which
#: would escape it; it is replaced in the written text. A private-use character the example
#: does not hold.
HOLE = "\ue000"
#: ReportLab's paragraph markup, and what it would do were it obeyed: read a file, link to
#: script, change the font, break a line, swallow text in an unclosed tag.
MARKUP = ('<img src="../secret.png"/> <img src="/etc/hostname"/> <font color="red" '
          'face="Courier">f</font> <a href="javascript:alert(1)">a</a> <br/> &amp; &lt; '
          '<seq id="s"/> <b>b')
#: Fields printed as written (not ids, references, closed sets, dates, paths or quotes of
#: the article): markup in them must come out of every document as the same characters.
FREE_TEXT = ("articles.*.title", "articles.*.publisher", "articles.*.agency",
             "articles.*.related.*.title", "parties.*.name", "parties.*.role",
             "parties.*.aliases.*", "commitments.*.action", "commitments.*.instrument",
             "commitments.*.condition", "positions.*.topic", "positions.*.summary",
             "statistics.*.measure", "statistics.*.unit", "statistics.*.period",
             "statistics.*.scope", "statistics.*.channel", "statistics.*.comparison.period",
             "photos.*.credit", "photos.*.place", "photos.*.image.alt",
             "summary.key_points.*")
#: Free-text fields a document does not draw, and why; the JSON briefing carries them all.
NOT_DRAWN = {
    "photos.*.image.alt": {"pdf"},  # ReportLab writes no alt text; the DOCX picture has it
}
#: Characters documents cannot carry: C0 controls but tab, LF and CR; DEL; U+FFFE, U+FFFF.
CONTROL = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                            0xFFFE, 0xFFFF]]

Where = tuple[str | int, ...]


@cache
def _danube() -> str:
    return (DANUBE / "danube-pact.yaml").read_text(encoding="utf-8")


def danube_data() -> Any:
    """The example's data as plain values: every scalar as written (dates stay strings)."""
    from factsheet.readers.source import TextFile
    from factsheet.readers.tree import load_tree

    found: list[Any] = []
    data, _ = load_tree(TextFile("danube-pact.yaml", _danube()), "yaml", found)
    assert found == []
    return data


def _strings(node: Any, where: Where = ()) -> Iterator[Where]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*where, index))
    elif isinstance(node, str):
        yield where


def field_name(where: Where) -> str:
    return ".".join("*" if isinstance(part, int) else str(part) for part in where)


@cache
def string_fields() -> dict[str, Where]:
    """Each string field of the example, by name, with where it first occurs."""
    fields: dict[str, Where] = {}
    for where in _strings(danube_data()):
        fields.setdefault(field_name(where), where)
    return fields


def danube_with(where: Where, change: Callable[[str], str], kind: str) -> str:
    """The example as ``kind`` (yaml or json) with the string at ``where`` changed."""
    data = danube_data()
    node = data
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = change(node[where[-1]])
    if kind == "json":
        return json.dumps(data, ensure_ascii=False, indent=1)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def danube_place(root: Path) -> Place:
    place = Place(root)
    for name in ("danube-pact.txt", "signing.jpg"):
        shutil.copy(DANUBE / name, place.folder / name)
    return place


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)


def _control_cases() -> list[Any]:
    cases = []
    for n, name in enumerate(string_fields()):
        char = CONTROL[n % len(CONTROL)]
        cases.append(pytest.param(name, "yaml", char, id=f"{name}-U+{ord(char):04X}-yaml"))
        surrogate = chr(0xDFFF if n % 2 else 0xD800)  # a lone high or low half
        cases.append(pytest.param(name, "json", surrogate, id=f"{name}-lone-surrogate-json"))
    return cases


@pytest.mark.parametrize(("name", "kind", "char"), _control_cases())
def test_control_character_or_lone_surrogate_in_a_field(name: str, kind: str, char: str,
                                                        tmp_path: Path) -> None:
    # YAML carries the control character raw; JSON carries the lone surrogate as an escape
    # (UTF-8 cannot encode it). Either is refused on reading, located at the character
    # (YAML) or at the string that holds it (JSON), whatever the field.
    place = danube_place(tmp_path)
    text = danube_with(string_fields()[name], lambda v: v[:1] + HOLE + v[1:], kind)
    at = text.index(HOLE)
    line, column = _position(text, at)
    if kind == "yaml":
        text = text.replace(HOLE, char)
        where = f"{line}:{column}: error FS107 control character U+{ord(char):04X} in file"
    else:
        text = text.replace(HOLE, f"\\u{ord(char):04x}")
        column = text.rfind('"', 0, at) - text.rfind("\n", 0, at)
        where = f"{line}:{column}: error FS107 control character U+{ord(char):04X} in a string"
    place.write(f"input.{kind}", text)
    run = factsheet_cli(place, "validate", f"input.{kind}")
    assert (run.stdout, run.exit_code) == (f"input.{kind}:{where}\n", 1)
    assert_stayed_inside(place, run)
    if kind == "yaml":  # build reads the same way; once per field is enough
        run = factsheet_cli(place, "build", f"input.{kind}", "-o", str(place.out))
        assert (run.codes, run.exit_code) == ({"FS107"}, 1)
        assert_stayed_inside(place, run)
        assert listing(place.out) == []


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\ufffe"], ids=["U+0007", "U+001B",
                                                                 "U+FFFE"])
def test_control_character_in_the_article_text(char: str, tmp_path: Path) -> None:
    place = danube_place(tmp_path)
    place.write("input.yaml", _danube())
    article = (DANUBE / "danube-pact.txt").read_text(encoding="utf-8")
    at = article.index("Bulgaria will not")
    place.write("danube-pact.txt", article[:at] + char + article[at:])
    line, column = _position(article, at)
    run = factsheet_cli(place, "build", "input.yaml", "-o", str(place.out))
    assert run.stderr.startswith(f"danube-pact.txt:{line}:{column}: error FS107 control "
                                 f"character U+{ord(char):04X} in article text\n")
    assert (run.codes, run.exit_code) == ({"FS107"}, 1)
    assert_stayed_inside(place, run)
    assert listing(place.out) == []


def _docx_text(data: bytes) -> str:
    """Every text and attribute value of every XML part of a .docx, whitespace removed.

    python-docx has no footnotes, and the alt text of a picture is an attribute; the parts
    are read directly so that a field is found wherever the writer put it."""
    from lxml import etree

    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                root = etree.fromstring(archive.read(name))
                for element in root.iter():
                    found.append(element.text or "")
                    found.extend(element.attrib.values())
    return re.sub(r"\s+", "", "".join(found))


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = "".join(page.extract_text() for page in reader.pages)
    title = (reader.metadata or {}).get("/Title", "")
    return re.sub(r"\s+", "", pages + str(title))


@pytest.mark.parametrize("name", FREE_TEXT)
def test_markup_in_a_field_is_printed_as_written(name: str, tmp_path: Path) -> None:
    place = danube_place(tmp_path)
    value = f"Alpha {MARKUP} omega"
    place.write("input.yaml", danube_with(string_fields()[name], lambda v: value, "yaml"))
    run = factsheet_cli(place, "build", "input.yaml", "-o", str(place.out), "-f", "all")
    # FS407: the example repeats a dateline, on purpose.
    assert (run.codes, run.exit_code) == ({"FS407"}, 0), run.stderr
    assert_stayed_inside(place, run)
    assert listing(place.out) == ["input.briefing.json", "input.docx", "input.pdf"]
    briefing = (place.out / "input.briefing.json").read_text(encoding="utf-8")
    assert json.dumps(value, ensure_ascii=False) in briefing
    squeezed = re.sub(r"\s+", "", value)
    hidden = NOT_DRAWN.get(name, set())
    assert (squeezed in _docx_text((place.out / "input.docx").read_bytes())) != (
        "docx" in hidden)
    assert (squeezed in _pdf_text((place.out / "input.pdf").read_bytes())) != (
        "pdf" in hidden)
