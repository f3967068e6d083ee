"""Suggest: a first draft of the annotations of a raw wire story.

``factsheet suggest ARTICLE -o draft.yaml`` reads a plain-text or HTML story and writes a
native annotation file with what deterministic rules and maintained word lists found — the
header (title, byline, agency, times, datelines, related links), photo credits, parties,
quotations, attributed statistics, and commitments and positions from cue phrases. Every
item is marked ``suggested`` so ``factsheet validate`` lists what still needs a person
(FS411). Nothing here uses the network or a model.

The steps, one module each: ``source`` (file → text), ``header``, ``organisations``,
``persons``, ``parties`` (states and the registry all rules share), ``photos`` (with
``credits``), ``quotations``, ``statistics`` (with ``figures`` and ``attribution``), ``cues``
(commitments and positions), ``writer`` (draft → YAML).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from factsheet.suggest.draft import Draft

__all__ = ["Draft", "draft_files", "suggest_text"]


def suggest_text(text: str, article_id: str = "article", *, zone: dt.tzinfo = dt.UTC,
                 meta: dict[str, str] | None = None) -> Draft:
    """Return what the rules find in ``text``; ``zone`` is the time zone of printed times
    that give none, ``meta`` header fields known from elsewhere (an HTML page's metadata)."""
    from factsheet.suggest import (
        cues,
        header,
        organisations,
        parties,
        persons,
        photos,
        quotations,
        statistics,
    )
    from factsheet.suggest.text import Article

    article = Article(text)
    draft = Draft(article_id, text)
    header.read_header(article, draft, zone, meta)
    registry = parties.Registry(article)
    parties.find_states(article, registry)
    organisations.find_organisations(article, registry)
    names = persons.find_persons(article, registry)
    parties.find_named_states(article, registry, names)
    parties.drop_mentions_inside(registry, names)
    photos.find_photos(article, registry, draft)
    quotations.find_quotations(article, registry, draft)
    statistics.find_statistics(article, registry, draft)
    published = draft.header.values.get("published")
    day = dt.date.fromisoformat(published[:10]) if isinstance(published, str) else None
    cues.find_commitments(article, registry, draft, day)
    cues.find_positions(article, registry, draft)
    draft.parties = registry.parties
    return draft


def draft_files(article: Path, output: Path, *, zone: dt.tzinfo = dt.UTC
                ) -> dict[Path, bytes]:
    """Return {path: content} to write for a draft of ``article`` at ``output``: the YAML,
    and the article text beside it unless the article already lies in its folder."""
    from factsheet.suggest.source import is_html, read_article
    from factsheet.suggest.writer import write_draft

    text, meta = read_article(article)
    stem = output.name.rsplit(".", 1)[0] or "draft"
    files: dict[Path, bytes] = {}
    text_file = _relative_inside(article, output.parent)
    if text_file is None or is_html(article, text):
        text_file = f"{stem}.txt"
        files[output.parent / text_file] = text.encode("utf-8")
    article_id = _article_id(article.name.rsplit(".", 1)[0])
    draft = suggest_text(text, article_id, zone=zone, meta=meta)
    files = {output: write_draft(draft, text_file, article.name).encode("utf-8"), **files}
    return files


def _relative_inside(path: Path, folder: Path) -> str | None:
    """Return ``path`` relative to ``folder`` when it lies inside it (no symbolic links)."""
    try:
        relative = path.resolve().relative_to(folder.resolve())
    except ValueError:
        return None
    if path.is_symlink() or ".." in relative.parts:
        return None
    return relative.as_posix()


def _article_id(stem: str) -> str:
    from factsheet.suggest.text import slug

    found = slug(stem, 60)
    return found if re.match(r"^[a-z0-9]", found) else f"article-{found}"
