"""Write an imported annotation mapping as native YAML an analyst can keep editing.

Each article's text goes to a UTF-8 file beside the YAML (``text_file``); evidence is
written as the quoted words (with ``occurrence`` when the words occur more than once),
which survives edits to the text better than offsets; comments say where each thing came
from and what to check.
"""

from __future__ import annotations

from typing import Any

import yaml

from factsheet.anchoring import ArticleText
from factsheet.article import read_structure

_SECTIONS = (("parties", "Parties: people, states, bodies. Mentions are where the article "
              "names them."),
             ("commitments", "Commitments: who commits (by), to whom (to), what, and how firmly "
              "(modality: binding, pledge, intent, readiness, refusal)."),
             ("positions", "Positions: holder, topic, stance (support, oppose, neutral, "
              "conditional) and a one-line summary."),
             ("quotations", "Quotations: the speaker's exact words."),
             ("statistics", "Statistics: every figure says who claims it (attributed_to)."),
             ("photos", "Photo credits: the credit line as printed and who is pictured."))


def write_native(data: dict[str, Any], texts: dict[str, str], stem: str, source: str
                 ) -> tuple[str, dict[str, str]]:
    """Return (the YAML text, {text file name: article text}) for an imported mapping."""
    articles = {a["id"]: ArticleText(a["id"], texts[a["id"]], [
        (p.start, p.end) for p in read_structure(texts[a["id"]]).paragraphs])
        for a in data["articles"]}
    files: dict[str, str] = {}
    out = [f"# Imported from {source} by `factsheet import`.",
           "# Check every fact against the article, then run `factsheet validate` on this file.",
           "factsheet: 1", ""]
    article_list = []
    for number, article in enumerate(data["articles"], 1):
        name = f"{stem}.txt" if len(data["articles"]) == 1 else f"{stem}-{number}.txt"
        files[name] = article["text"]
        entry = {k: v for k, v in article.items() if k != "text"}
        entry["text_file"] = name
        article_list.append(entry)
    out += ["# The article(s). Add publisher, byline, url, published/updated times (with time",
            "# zone) where you know them.", _dump({"articles": article_list}), ""]
    for key, comment in _SECTIONS:
        items = data.get(key) or []
        if not items:
            continue
        out += [f"# {comment}", f"{key}:"]
        for item in items:
            item = _quoted_evidence(item, articles, len(data["articles"]) == 1)
            out.append(_indent(_dump([item])))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n", files


def _quoted_evidence(item: dict[str, Any], articles: dict[str, ArticleText], single: bool
                     ) -> dict[str, Any]:
    result = dict(item)
    for key in ("evidence", "mentions"):
        if key in result:
            result[key] = [quote_evidence(ev, articles, single) for ev in result[key]]
    return result


def quote_evidence(evidence: dict[str, Any], articles: dict[str, ArticleText], single: bool
                   ) -> dict[str, Any] | str:
    article = articles[evidence["article"]]
    start, end = evidence["start"], evidence["end"]
    words = article.text[start:end]
    out: dict[str, Any] = {} if single else {"article": evidence["article"]}
    spans, note = article.find(words) if words.strip() else ([], None)
    starts = [s.start for s in spans]
    if note is None and start in starts:
        if len(starts) == 1:
            return words if single else {**out, "quote": words}
        return {**out, "quote": words, "occurrence": starts.index(start) + 1}
    return {**out, "quote": words, "start": start, "end": end}


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=False).rstrip("\n")


def _indent(text: str) -> str:
    return "\n".join(("  " + line) if line else line for line in text.splitlines())
