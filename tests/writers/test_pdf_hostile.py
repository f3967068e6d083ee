"""Hostile text in the PDF: markup, links, a colour that is code, huge words, many facts.

ReportLab's Paragraph text is markup, so every string a user can write must come out of the
PDF as the same characters and nothing else: no image read from disk, no link that runs
script, no colour evaluated as Python (CVE-2023-33733), no text swallowed by a stray tag.
Each hostile string is tried in six places: a commitment's action, a statistic's measure,
a quotation, a party's name, a position's summary and the article's title, both in a
briefing changed with ``model_copy`` and through an annotation file and article text that
the pipeline accepts. The pipeline's own guards on photos (FS110, FS115) are checked too.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import time
import types
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from _pdf_reading import (
    catalog,
    chunks,
    images,
    info,
    links,
    norm,
    outline,
    page_texts,
    reader,
    squeeze,
)
from typer.testing import CliRunner

import factsheet
from factsheet.cli import app
from factsheet.errors import OutputError

ROOT = Path(__file__).parent.parent.parent
DANUBE = ROOT / "examples" / "danube" / "danube-pact.yaml"
PHOTO = (960, 540)  # the only image of the danube example: signing.jpg
LONG_WORD = "".join("abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(10_000))


def colour_payload(marker: Path) -> str:
    """A colour that, were it evaluated, would run ``touch MARKER``.

    The CVE-2023-33733 technique, written afresh: a ``str`` subclass built with ``type``
    whose ``__eq__`` changes its answer after the first comparison, so that an attribute
    name passes the sandbox's check and then reaches ``getattr(pow, '__globals__')``, whose
    ``os`` runs the command. The expression ends in ``and 'red'`` so that it is a colour.
    """
    return ("[[getattr(pow, Key('__globals__'))['os'].system('touch " + str(marker) + "') "
            "for Key in [build('Key', (str,), {'n': 1, "
            "'startswith': lambda self, prefix: False, "
            "'__eq__': lambda self, other: self.tick() and self.n < 0 and str(self) == other, "
            "'tick': lambda self: {setattr(self, 'n', self.n - 1)}, "
            "'__hash__': lambda self: hash(str(self))})]] "
            "for build in [type(type(1))]] and 'red'")


def hostile(kind: str, marker: Path) -> str:
    """The hostile string of ``kind``; ``marker`` is the file the colour payload would make."""
    return {
        "lt-gt": "x<y and y>z",
        "img": '<img src="/etc/hostname"/>',
        "javascript": '<a href="javascript:alert(1)">x</a>',
        "font-colour": f'<font color="{colour_payload(marker)}">red</font>',
        "unbalanced": "a <b>bold",
        "long-word": LONG_WORD,
    }[kind]


KINDS = ["lt-gt", "img", "javascript", "font-colour", "unbalanced", "long-word"]
FIELDS = ["action", "measure", "quotation", "party", "summary", "title"]
#: A table row taller than a page cannot be drawn: the long word in a table cell.
TABLE_CELLS = {"action", "measure", "party"}


@cache
def _danube() -> Any:
    return factsheet.load(DANUBE)


def _with(field: str, value: str) -> Any:
    """The danube briefing with ``value`` as the first fact's ``field``."""
    b = _danube()

    def first(items: list[Any], **update: str) -> list[Any]:
        return [items[0].model_copy(update=update), *items[1:]]

    changes: dict[str, Callable[[], dict[str, Any]]] = {
        "action": lambda: {"commitments": first(b.commitments, action=value)},
        "measure": lambda: {"statistics": first(b.statistics, measure=value)},
        "quotation": lambda: {"quotations": first(b.quotations, text=value)},
        "party": lambda: {"parties": first(b.parties, name=value)},
        "summary": lambda: {"positions": first(b.positions, summary=value)},
        "title": lambda: {"articles": first(b.articles, title=value)},
    }
    return b.model_copy(update=changes[field]())


def _body(data: bytes, title: str) -> str:
    """The text of every page without its footer, whitespace removed (a word that goes on
    over a page break is whole again)."""
    texts = page_texts(data)
    return "".join(_without_footer(squeeze(text), n, len(texts), squeeze(title))
                   for n, text in enumerate(texts, start=1))


def _without_footer(text: str, number: int, count: int, title: str) -> str:
    """Remove the footer, drawn first on each page: "Page N of M", then the title, which
    is cut with "…" when it does not fit."""
    text = text.removeprefix(f"Page{number}of{count}")
    if text.startswith(title):
        text = text[len(title):]
    else:
        cut = text.find("…")
        text = text[cut + 1:] if cut >= 0 and title.startswith(text[:cut]) else text
    # A table that goes on over a page break repeats its header row there.
    for header in ("ByCommitmentToTypeCondition", "MeasureValuePeriodClaimedbyChange",
                   "PartyKindCountryRoleoraffiliation"):
        text = text.removeprefix(header)
    return text


def _assert_no_active_content(data: bytes) -> None:
    """Links are internal or http(s) only, nothing runs script or opens files."""
    for link in links(data):
        assert link.action in ("goto", "uri"), link
        if link.action == "uri":
            assert link.uri and link.uri.startswith(("http://", "https://")), link
            assert "javascript" not in link.uri.lower(), link
    root = catalog(data)
    assert "/OpenAction" not in root and "/AA" not in root
    assert "/JavaScript" not in (root.get("/Names") or {})
    for key in (b"/JavaScript", b"/Launch", b"/SubmitForm", b"/ImportData"):
        assert key not in data, key


# -- each hostile string in each place, through model_copy ----------------------------------


def _cases() -> list[Any]:
    cases = []
    for kind in KINDS:
        for field in FIELDS:
            cases.append(pytest.param(kind, field, id=f"{kind}-in-{field}"))
    return cases


@pytest.mark.parametrize(("kind", "field"), _cases())
def test_hostile_text_prints_literally_and_does_nothing_else(kind: str, field: str,
                                                             tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = hostile(kind, marker)
    value = f"Alpha {text} omega"
    briefing = _with(field, value)
    data = factsheet.render(briefing, "pdf")
    title = briefing.articles[0].title
    # The whole value, every character, is in the text a reader gets. A table row taller
    # than a page goes on over the break, the row's other cells in its first part, so
    # there the word's letters are counted instead of found in one piece.
    body = _body(data, title)
    if kind == "long-word" and field in TABLE_CELLS:
        letters = re.sub(r"[^a-z]", "", body)
        assert letters.count("abcdefghijklmnopqrstuvwxyz") >= text.count(
            "abcdefghijklmnopqrstuvwxyz") - len(page_texts(data))
    else:
        assert squeeze(value) in body
    # Nothing was evaluated, fetched or linked.
    assert not marker.exists()
    assert [(w, h) for _, w, h in images(data)] == [PHOTO]
    _assert_no_active_content(data)
    # The document is still whole: every section in the outline, the title in the info.
    assert [t for t, _, _ in outline(data)][-1] == "Notes"
    if field == "title":
        assert info(data).title == value
    # A stray tag changed no face: the words after it are drawn as they are after a
    # harmless value in the same place.
    assert _faces_of_omega(data) == _faces_of_omega(_plain(field))


@cache
def _plain(field: str) -> bytes:
    return factsheet.render(_with(field, "Alpha plain omega"), "pdf")


def _faces_of_omega(data: bytes) -> set[str]:
    return {c.font for c in chunks(data) if "omega" in c.text}


def test_the_colour_payload_is_a_python_expression_that_reaches_os_system(tmp_path: Path
                                                                          ) -> None:
    # The payload is real (it compiles as an expression and names the marker and the
    # command); it is never evaluated here.
    payload = colour_payload(tmp_path / "pwned")
    names: set[str] = set()
    stack = [compile(payload, "<colour>", "eval")]
    while stack:
        code = stack.pop()
        names |= set(code.co_names)
        stack += [c for c in code.co_consts if isinstance(c, types.CodeType)]
    assert {"getattr", "pow", "system", "setattr", "type"} <= names
    assert f"touch {tmp_path / 'pwned'}" in payload


@pytest.mark.parametrize("setting", [("toColorCanUse", "rl_safe_eval"),
                                     ("trustedHosts", ["*"])])
def test_an_unsafe_reportlab_configuration_is_refused(setting: tuple[str, Any],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, *setting)
    with pytest.raises(OutputError, match="configured unsafely"):
        factsheet.render(_danube(), "pdf")


# -- many facts ----------------------------------------------------------------------------


def test_two_thousand_statistics_make_many_pages_with_the_outline_in_bounded_time() -> None:
    b = _danube()
    model = b.statistics[2]  # no comparison: a table row and a note each, no chart
    statistics = [model.model_copy(update={"id": f"s-{i}", "value": 1000 + i,
                                           "measure": f"volunteers registered in district {i}"})
                  for i in range(2000)]
    started = time.perf_counter()
    data = factsheet.render(b.model_copy(update={"statistics": statistics}), "pdf")
    took = time.perf_counter() - started
    assert took < 30, took  # about 5 s on a 2-core machine: linear, about 2.5 ms a row
    pdf = reader(data)
    count = len(pdf.pages)
    assert count > 20
    assert [t for t, _, _ in outline(data)] == [
        "Key points", "Commitments", "Positions", "Quotations", "Statistics", "Parties",
        "Photos", "Sources", "Notes"]
    # The table goes on over pages under its repeated header; the last note is there.
    title = b.articles[0].title
    middle = norm(pdf.pages[count // 3].extract_text())
    footer = f"Page {count // 3 + 1} of {count} {title} "
    assert middle.startswith(footer + "Measure Value Period Claimed by Change"), middle[:160]
    last = norm(pdf.pages[-1].extract_text())
    assert "“nearly 2,000 volunteers had registered for flood duty”" in last
    assert last.startswith(f"Page {count} of {count}")


# -- through the pipeline: an annotation file and article text that carry the strings --------

HEAD = ("Published: 09:30, March 3, 2027 | Updated: 11:45, March 3, 2027\n"
        "{title}\n"
        "By Northern Wire Service\n\n"
        "TALLINN - Estonia and Latvia signed an accord on Wednesday to keep a grain corridor "
        "open through the Baltic winter, officials said.\n\n"
        "Two ministers attended the signing in Tallinn.\n\n")


def write_hostile_case(folder: Path, marker: Path) -> tuple[Path, list[str]]:
    """Write article.txt and input.json into ``folder`` with every hostile string (but the
    long word) in each of the six places, and the long word where it can be drawn (a
    quotation and a position summary). Return the annotation file and the strings."""
    kinds = [k for k in KINDS if k != "long-word"]
    strings = [hostile(k, marker) for k in kinds]
    # The colour payload alone is longer than a DOCX title may be (see the test below).
    title = "Baltic corridor accord " + " ".join(s for k, s in zip(kinds, strings, strict=True)
                                                 if k != "font-colour")
    paragraphs = []
    parties: list[dict[str, Any]] = [
        {"id": "estonia", "name": "Estonia", "kind": "state", "country": "EE"},
        {"id": "latvia", "name": "Latvia", "kind": "state", "country": "LV"},
        {"id": "tamm", "name": "Kadri Tamm", "kind": "person", "country": "EE",
         "role": "Economy Minister of Estonia", "affiliation": "estonia"}]
    commitments, statistics, quotations, positions = [], [], [], []
    for i, text in enumerate([*strings, LONG_WORD], start=1):
        paragraphs.append(f"Kadri Tamm said on day {i} that “{text}” was the plan.")
        quotations.append({"id": f"q-{i}", "speaker": "tamm", "text": text})
        positions.append({"id": f"p-{i}", "holder": "tamm", "topic": f"corridor plan {i}",
                          "stance": "support", "summary": f"Tamm backs plan {i}: {text}",
                          "evidence": f"said on day {i} that"})
        if text is LONG_WORD:
            continue
        paragraphs.append(f"Estonia and Latvia signed accord number {i} on Wednesday.")
        paragraphs.append(f"The ports authority said {1000 + i:,} ships had used the corridor "
                          "since January.")
        parties.append({"id": f"agency-{i}", "name": f"Agency {i} {text}", "kind": "other"})
        commitments.append({"id": f"c-{i}", "by": ["estonia", "latvia"], "to": [f"agency-{i}"],
                            "action": f"keep corridor {i} open {text}", "modality": "binding",
                            "evidence": f"signed accord number {i} on Wednesday"})
        statistics.append({"id": f"s-{i}", "measure": f"ships in corridor {i} {text}",
                           "value": 1000 + i, "unit": "ships", "attributed_to": "latvia",
                           "evidence": f"{1000 + i:,} ships had used the corridor"})
    (folder / "article.txt").write_text(HEAD.format(title="Baltic corridor accord") + "\n\n".join(paragraphs)
                                        + "\n", encoding="utf-8")
    shutil.copy(DANUBE.parent / "signing.jpg", folder / "signing.jpg")
    annotations = {
        "factsheet": 1,
        "articles": [{"id": "corridor", "text_file": "article.txt", "title": title,
                      "url": "https://wire.example.org/corridor",
                      "published": "2027-03-03T09:30:00+02:00"}],
        "parties": parties, "commitments": commitments, "statistics": statistics,
        "quotations": quotations, "positions": positions,
        "photos": [{"id": "ph-signing", "credit": "PHOTO / NORTHERN WIRE", "pictured": ["tamm"],
                    "image": {"path": "signing.jpg", "alt": "The ministers at the signing."},
                    "evidence": "Two ministers attended the signing"}],
    }
    path = folder / "input.json"
    path.write_text(json.dumps(annotations, ensure_ascii=False, indent=1), encoding="utf-8")
    return path, [*strings, LONG_WORD]


def test_hostile_annotation_file_validates_and_its_pdf_prints_every_string(tmp_path: Path
                                                                           ) -> None:
    marker = tmp_path / "pwned"
    path, strings = write_hostile_case(tmp_path, marker)
    errors = [d for d in factsheet.validate(path) if d.is_error]
    assert errors == []
    briefing = factsheet.load(path)
    data = factsheet.render(briefing, "pdf")
    body = _body(data, briefing.articles[0].title)
    for text in strings[:-1]:
        # In a party name, an action, a measure, a quotation, a position summary, and the
        # article paragraph quoted in a note; the short ones in the title too.
        assert body.count(squeeze(text)) >= 6, text
    assert squeeze(LONG_WORD) in body
    assert not marker.exists()
    assert [(w, h) for _, w, h in images(data)] == [PHOTO]
    _assert_no_active_content(data)
    assert info(data).title == briefing.articles[0].title


def test_build_of_the_hostile_file_writes_all_outputs_and_runs_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "pwned"
    write_hostile_case(tmp_path, marker)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", "input.json", "-o", "out"],
                                env={"FACTSHEET_DEBUG": None})
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "input.briefing.json", "input.docx", "input.pdf"]
    assert (tmp_path / "out" / "input.pdf").read_bytes().startswith(b"%PDF-")
    assert not marker.exists()


def test_a_title_of_246_characters_builds_every_format() -> None:
    briefing = _danube()
    article = briefing.articles[0].model_copy(update={"title": "T" * 246})
    briefing = briefing.model_copy(update={"articles": [article]})
    assert factsheet.render(briefing, "pdf").startswith(b"%PDF-")
    factsheet.render(briefing, "docx")


# -- photos the pipeline refuses: FS110 (outside the folder), FS115 (decompression bomb) ----


def _png(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` and carries one tiny compressed row."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 4)) + chunk(b"IEND", b""))


def _photo_case(folder: Path, image_path: str) -> Path:
    """A clean annotation file in ``folder`` whose one photo's image is ``image_path``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(
        HEAD.format(title="Baltic states sign winter grain corridor accord"), encoding="utf-8")
    annotations = {
        "factsheet": 1,
        "articles": [{"id": "corridor", "text_file": "article.txt",
                      "title": "Baltic states sign winter grain corridor accord"}],
        "parties": [{"id": "estonia", "name": "Estonia", "kind": "state", "country": "EE"},
                    {"id": "latvia", "name": "Latvia", "kind": "state", "country": "LV"}],
        "commitments": [{"id": "c-corridor", "by": ["estonia", "latvia"],
                         "action": "keep a grain corridor open through the Baltic winter",
                         "modality": "binding",
                         "evidence": "signed an accord on Wednesday to keep a grain corridor"}],
        "photos": [{"id": "ph-signing", "credit": "PHOTO / NORTHERN WIRE",
                    "pictured": ["estonia"],
                    "image": {"path": image_path, "alt": "The signing."},
                    "evidence": "Two ministers attended the signing"}],
    }
    path = folder / "input.json"
    path.write_text(json.dumps(annotations), encoding="utf-8")
    return path


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _build_writes_nothing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = path.parent.parent
    before = _listing(folder)
    monkeypatch.chdir(path.parent)
    result = CliRunner().invoke(app, ["build", path.name, "-o", "out"],
                                env={"FACTSHEET_DEBUG": None})
    assert result.exit_code == 1, result.stderr
    assert "nothing was written" in result.stderr
    assert _listing(folder) == before


def test_a_photo_path_with_dot_dot_is_fs110_and_build_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "outside.png").write_bytes(_png(1, 1))
    clean = _photo_case(tmp_path / "clean", "inside.png")
    (clean.parent / "inside.png").write_bytes(_png(1, 1))
    assert [d.code for d in factsheet.validate(clean) if d.is_error] == []  # the control
    path = _photo_case(tmp_path / "case", "../outside.png")
    assert [d.code for d in factsheet.validate(path) if d.is_error] == ["FS110"]
    _build_writes_nothing(path, monkeypatch)


def test_a_png_declaring_100000_by_100000_pixels_is_fs115_and_build_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _photo_case(tmp_path / "case", "bomb.png")
    (path.parent / "bomb.png").write_bytes(_png(100_000, 100_000))
    found = [d for d in factsheet.validate(path) if d.is_error]
    assert [d.code for d in found] == ["FS115"]
    assert "100,000 × 100,000" in found[0].message
    _build_writes_nothing(path, monkeypatch)
