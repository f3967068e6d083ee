"""Plain-text briefing (Markdown-flavoured): for email, terminals and the layout golden test."""

from __future__ import annotations

from factsheet.layout import tree as t


def render_text(document: t.Document) -> bytes:
    """Return the document as UTF-8 text; citations as [n], notes at the end."""
    out: list[str] = []
    if document.page.banner:
        out += [document.page.banner.upper(), ""]
    for block in document.title_block:
        out += _block(block)
    for section in document.sections:
        while out and out[-1] == "":
            out.pop()
        out += ["", f"## {section.heading.text}", ""]
        for block in section.blocks:
            out += _block(block)
    if document.notes:
        out += ["", "---", ""]
        label = document.labels.get("note_paragraph", "paragraph")
        for note in document.notes:
            where = f"{note.article}, {label} {note.paragraph}"
            out.append(f"[{note.number}] “{' '.join(note.quote.split())}” — {where}")
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _inlines(content: t.Inlines) -> str:
    parts = []
    for item in content:
        if isinstance(item, t.Cite):
            parts.append(f"[{item.number}]")
        elif isinstance(item, t.Link):
            parts.append(f"{item.text} <{item.url}>")
        else:
            parts.append(_strong(item.text) if item.bold else item.text)
    return "".join(parts)


def _strong(text: str) -> str:
    """Return **text**, keeping surrounding spaces outside the markers."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}**{core}**{trail}"


def _block(block: t.Block) -> list[str]:
    if isinstance(block, t.Paragraph):
        text = _inlines(block.content)
        if block.style == "title":
            return [f"# {text}"]
        if block.style == "quote":
            return [f"> {text}", ""]
        return [text, ""]
    if isinstance(block, t.Heading):
        return [f"{'#' * (block.level + 1)} {block.text}", ""]
    if isinstance(block, t.BulletList):
        return [f"- {_inlines(item)}" for item in block.items] + [""]
    if isinstance(block, t.Table):
        rows = [" | ".join(block.header), " | ".join("---" for _ in block.header)]
        rows += [" | ".join(_inlines(cell) for cell in row) for row in block.rows]
        return [f"| {r} |" for r in rows] + [""]
    if isinstance(block, t.Chart):
        width = max(b.value for b in block.bars) or 1
        lines = [f"{block.title}:"]
        for bar in block.bars:
            lines.append(f"  {bar.label:<12} {'█' * max(1, round(20 * bar.value / width))} "
                         f"{bar.display}")
        return [*lines, f"  {block.source}", ""]
    if isinstance(block, t.Figure):
        return [f"[{block.alt}]", _inlines(block.caption), block.credit, ""]
    raise TypeError(f"unknown block {block!r}")
