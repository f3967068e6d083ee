"""The batch's fork server warms up on a small briefing; a warm-up that fails costs speed
silently, so these tests make sure it still builds every format."""

from __future__ import annotations

import io
import subprocess
import sys

import docx

from factsheet.api import loads, render


def _annotations() -> str:
    from factsheet import warm

    text = "\n".join("      " + line if line else "" for line in warm._STORY.splitlines())
    return warm._ANNOTATIONS.format(text=text)


def test_the_warm_up_briefing_is_valid_and_renders_every_format() -> None:
    briefing = loads(_annotations(), name="warm-up.yaml")
    assert [len(b.evidence) > 0 for b in briefing.statistics] == [True, True]
    assert render(briefing, "pdf").startswith(b"%PDF-")
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(render(briefing, "docx"))).paragraphs)
    assert "Two states agree to share river data" in body
    assert '"statistics"' in render(briefing, "json").decode()


def test_importing_it_loads_the_writers_and_freezes_the_heap() -> None:
    code = ("import gc, sys; import factsheet.warm; "
            "print(gc.get_freeze_count() > 0, 'reportlab.platypus' in sys.modules, "
            "'docx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True", "True", "True"]
