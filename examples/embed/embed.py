"""Embed factsheet in a service: annotations in, documents out, nothing written to disk.

    python examples/embed/embed.py

A web handler, a notebook cell or a task-queue worker does the same three things: parse the
annotations it was sent, render the formats it needs into memory, and turn input errors into
a structured answer instead of a crash. This script plays both sides with the bundled
example and a broken request.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import factsheet

EXAMPLES = Path(__file__).resolve().parent.parent


def handle(request_body: bytes, articles: Path) -> tuple[int, dict[str, bytes] | list[dict]]:
    """Answer one request: (200, {format: bytes}) or (422, [diagnostics as dicts]).

    ``articles`` is the only folder the annotations may read article texts and images from;
    a request naming any other file gets FS110, not the file.
    """
    try:
        briefing = factsheet.loads(request_body, format="yaml", name="request.yaml",
                                   folder=articles)
    except factsheet.InputError as error:
        return 422, [d.as_dict() for d in error.diagnostics]
    documents = {}
    for format in ("json", "docx", "pdf"):
        stream = io.BytesIO()  # or the response object of your web framework
        factsheet.render(briefing, format, to=stream)
        documents[format] = stream.getvalue()
    return 200, documents


def main() -> None:
    folder = EXAMPLES / "danube"
    body = (folder / "danube-pact.yaml").read_bytes()
    status, documents = handle(body, folder)
    assert isinstance(documents, dict)
    print(status, {name: f"{len(data):,} bytes" for name, data in documents.items()})
    briefing = json.loads(documents["json"])
    print("commitments:", [c["id"] for c in briefing["commitments"]])

    broken = body.replace(b"text_file: danube-pact.txt", b"text_file: ../../../etc/passwd")
    status, problems = handle(broken, folder)
    print(status, [f"{p['file']}:{p['line']}:{p['column']} {p['code']} {p['message']}"
                   for p in problems])


if __name__ == "__main__":
    main()
