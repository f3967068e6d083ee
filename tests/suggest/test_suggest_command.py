"""``factsheet suggest``: drafts that validate with only suggestions left, build, never
replace a file without --force, and bad input gives a located diagnostic, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factsheet.cli import app
from factsheet.errors import InputError
from factsheet.pipeline import process
from factsheet.suggest import draft_files

ROOT = Path(__file__).parent.parent.parent
DEV = sorted((ROOT / "benchmarks" / "suggest" / "dev").glob("*.txt"))
#: What a fresh draft may be told besides FS411: a repeated dateline (the text's own slip)
#: and notes.
EXPECTED = {"FS411", "FS407"}


def factsheet(*args: str) -> tuple[str, str, int]:
    """Run ``factsheet ARGS`` in-process; return (stdout, stderr, exit code)."""
    result = CliRunner().invoke(app, list(args), prog_name="factsheet",
                                env={"FACTSHEET_DEBUG": None, "NO_COLOR": "1"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout, result.stderr, result.exit_code


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "story.txt"
    target.write_bytes(DEV[0].read_bytes())
    return target


@pytest.mark.parametrize("article", DEV, ids=[p.stem for p in DEV])
def test_a_draft_validates_with_only_suggestions_and_builds(
        article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / article.name).write_bytes(article.read_bytes())
    _, err, code = factsheet("suggest", article.name, "-o", "draft.yaml")
    assert code == 0, err
    assert "suggestions to review" in err
    found = process(tmp_path / "draft.yaml").diagnostics
    assert {d.code for d in found if d.severity.value != "info"} <= EXPECTED
    assert any(d.code == "FS411" for d in found)
    assert factsheet("validate", "--strict", "draft.yaml")[2] == 1
    _, err, code = factsheet("build", "draft.yaml", "-o", "out", "-f", "json")
    assert code == 0, err
    briefing = json.loads((tmp_path / "out" / "draft.briefing.json").read_text("utf-8"))
    # A story may hold no attributed figure (a figure of days is a duration, left out).
    assert (briefing["statistics"] or briefing["quotations"]) and briefing["parties"]
    assert any(d["code"] == "FS411" for d in briefing["diagnostics"])


def test_the_draft_points_at_an_article_in_its_folder(story: Path) -> None:
    factsheet("suggest", "story.txt", "-o", "draft.yaml")
    assert "text_file: story.txt" in (story.parent / "draft.yaml").read_text("utf-8")
    assert not (story.parent / "draft.txt").exists()


def test_an_article_elsewhere_is_copied_beside_the_draft(story: Path) -> None:
    _, err, code = factsheet("suggest", "story.txt", "-o", "sub/draft.yaml")
    assert code == 0, err
    assert (story.parent / "sub" / "draft.txt").read_bytes() == story.read_bytes()
    assert "text_file: draft.txt" in (story.parent / "sub" / "draft.yaml").read_text("utf-8")


def test_existing_files_are_kept_without_force(story: Path) -> None:
    draft = story.parent / "draft.yaml"
    draft.write_text("mine\n", encoding="utf-8")
    _, err, code = factsheet("suggest", "story.txt", "-o", "draft.yaml")
    assert code == 2
    assert "draft.yaml already exists; pass --force to replace it" in err
    assert draft.read_text("utf-8") == "mine\n"
    assert factsheet("suggest", "story.txt", "-o", "draft.yaml", "--force")[2] == 0
    assert draft.read_text("utf-8").startswith("# Draft annotations for story.txt")


def test_the_text_copy_is_kept_without_force_too(story: Path) -> None:
    (story.parent / "sub").mkdir()
    (story.parent / "sub" / "draft.txt").write_text("mine\n", encoding="utf-8")
    _, err, code = factsheet("suggest", "story.txt", "-o", "sub/draft.yaml")
    assert code == 2 and "draft.txt already exists" in err
    assert not (story.parent / "sub" / "draft.yaml").exists()


def test_the_article_itself_is_never_replaced(story: Path) -> None:
    before = story.read_bytes()
    _, err, code = factsheet("suggest", "story.txt", "-o", "story.txt", "--force")
    assert code == 3 and "refusing to overwrite an input file" in err
    assert story.read_bytes() == before


@pytest.mark.parametrize(("content", "code", "message"), [
    (None, "FS100", "story.txt: error FS100 cannot read file: no such file"),
    (b"", "FS122", "story.txt:1:1: error FS122 the article has no text to suggest from"),
    (b"\xff\xd8\xff\xe0JFIF", "FS102", "story.txt:1:1: error FS102 byte 0xff"),
    (b"ELF\x00\x01\x02 binary", "FS107", "story.txt:1:4: error FS107 control character U+0000"),
])
def test_bad_input_is_a_located_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           content: bytes | None, code: str, message: str
                                           ) -> None:
    monkeypatch.chdir(tmp_path)
    if content is not None:
        (tmp_path / "story.txt").write_bytes(content)
    _, err, exit_code = factsheet("suggest", "story.txt", "-o", "draft.yaml")
    assert exit_code == 1
    assert err.startswith(message)
    assert not (tmp_path / "draft.yaml").exists()


def test_an_unknown_time_zone_is_a_usage_error(story: Path) -> None:
    _, err, code = factsheet("suggest", "story.txt", "-o", "d.yaml", "--timezone", "Mars/X")
    assert code == 2 and "unknown time zone 'Mars/X'" in err


def test_an_html_page_is_reduced_to_its_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text("""<!DOCTYPE html><html><head>
<meta property="article:published_time" content="2027-04-09T14:05:00+02:00">
<title>Site</title><script>alert(1)</script></head><body><nav>Home | World</nav>
<article><h1>Danube states agree flood-defence pact</h1><p class="byline">By Adriatic Wire
Service</p><figure><figcaption>Serbia's Prime Minister Jelena Đorđević signs the pact in
Novi Sad. (PHOTO / DANUBIA PRESS)</figcaption></figure>
<p>NOVI SAD - Serbia and Romania agreed on Thursday to build a flood-warning network.</p>
<p>"It will give people hours, not minutes," Đorđević said.</p></article>
<footer>© Site</footer></body></html>""", encoding="utf-8")
    _, err, code = factsheet("suggest", "page.html", "-o", "draft.yaml")
    assert code == 0, err
    text = (tmp_path / "draft.txt").read_text("utf-8")
    assert text.startswith("Danube states agree flood-defence pact\n\nBy Adriatic Wire Service")
    assert "alert" not in text and "Home" not in text and "©" not in text
    draft = (tmp_path / "draft.yaml").read_text("utf-8")
    assert "published: 2027-04-09T14:05:00+02:00" in draft
    assert "speaker: dordevic" in draft and "credit: PHOTO / DANUBIA PRESS" in draft


def test_the_command_line_does_not_load_the_rules_until_suggest_runs() -> None:
    code = "import sys, factsheet.cli; print('factsheet.suggest' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


_WORDS = st.sampled_from([
    "Serbia", "Serbia's", "Prime", "Minister", "Jelena", "Đorđević", "said", "told", "the",
    "ministry", "agency", "about", "nearly", "more", "than", "1,400", "fifty-six", "2026",
    "up", "from", "compared", "with", "will", "not", "agreed", "to", "stands", "ready",
    "according", "on", "Telegram", '"', "“", "”", ",", ".", "\n", "\n\n", " - ",
    "(PHOTO / AFP)", "Photo:", "ALSO READ:", "By", "Published:", "14:05,", "April", "9,",
    "|", "Updated:", "NOVI SAD/BUCHAREST", "(Reuters)", "its", "he", "they", "—", "'s"])


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=60))
def test_any_text_gives_a_draft_without_errors(tmp_path: Path, pieces: list[str]) -> None:
    text = " ".join(pieces)
    story = tmp_path / "any.txt"
    story.write_text(text, encoding="utf-8")
    try:
        files = draft_files(story, tmp_path / "any.yaml")
    except InputError as exc:  # an empty text: FS122
        assert [d.code for d in exc.diagnostics] == ["FS122"]
        return
    for target, data in files.items():
        target.write_bytes(data)
    errors = [d for d in process(tmp_path / "any.yaml").diagnostics if d.is_error]
    assert errors == [], text
