"""Diagnostics: problems the pipeline can continue past, kept as data.

Every diagnostic has a stable code from ``CODES``; printers live in ``factsheet.report``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    title: str
    explanation: str


def _codes(*rows: tuple[str, Severity, str, str]) -> dict[str, Code]:
    return {row[0]: Code(*row) for row in rows}


ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Every diagnostic code factsheet emits. Codes are stable: never renumber, only add.
CODES: dict[str, Code] = _codes(
    # FS1xx: reading files
    ("FS100", ERR, "cannot read file", "The file is missing, is a folder, or cannot be opened."),
    ("FS101", ERR, "syntax error", "The YAML, JSON or XML is malformed at the position shown."),
    ("FS102", ERR, "not UTF-8", "Files must be UTF-8; the first bad byte is shown."),
    ("FS103", ERR, "file too large", "The file exceeds the size limit for its kind."),
    ("FS104", ERR, "YAML alias or anchor", "Aliases (*x) and anchors (&x) are refused: they allow "
     "exponential expansion and make files hard to review."),
    ("FS105", ERR, "YAML tag", "Explicit tags (!!python/..., !x) are refused: files are data."),
    ("FS106", ERR, "XML DTD or entity", "DOCTYPE declarations and entities are refused; use the "
     "UTF-8 characters themselves (the five predefined entities and &#...; are fine)."),
    ("FS107", ERR, "control character", "A control character other than tab, line feed and "
     "carriage return; Word and PDF cannot carry it."),
    ("FS108", ERR, "duplicate key", "The same key appears twice in one mapping; the second would "
     "silently replace the first."),
    ("FS109", ERR, "nesting too deep", "The document nests deeper than any annotation file needs."),
    ("FS110", ERR, "path outside the input folder", "Files named in an annotation file must lie "
     "in its folder or below it."),
    ("FS111", ERR, "unknown input format", "The file's format could not be recognised."),
    ("FS112", ERR, "several YAML documents", "An annotation file holds exactly one YAML document."),
    ("FS113", ERR, "unknown element or attribute", "An inline XML or HTML element or attribute "
     "that the vocabulary does not define."),
    ("FS114", ERR, "not a PNG or JPEG image", "Images are checked by their content: only PNG "
     "and JPEG are drawn."),
    ("FS115", ERR, "image too large", "The image file is too big, or declares more pixels than "
     "can be decoded safely (a decompression bomb)."),
    ("FS117", WARN, "label outside the convention", "An imported span or relation label that is "
     "neither in the convention (Party, Commitment, Position, Statistic, PhotoCredit, Quote; "
     "by, to, pictures) nor in the mapping file given with --mapping; it is ignored."),
    ("FS118", INFO, "span offsets repaired", "An imported span's offsets did not select its "
     "text; read as UTF-16 units, with CRLF as one character, as UTF-8 bytes, or by finding the "
     "words nearby, they did."),
    ("FS119", ERR, "span not in the text", "An imported span's offsets select other words "
     "than the tool recorded, in every unit tried, and the words are not nearby."),
    ("FS120", WARN, "broken relation", "An imported relation points at an id that is not in the "
     "document, or does not join a fact to a party; it is ignored."),
    ("FS121", INFO, "field inferred", "An imported fact lacked a field (a statistic's value, a "
     "commitment's modality, a position's stance, a party's kind) and it was inferred."),
    ("FS122", ERR, "no article text", "The article given to `factsheet suggest` is empty, or "
     "holds no text once its HTML markup is removed: there is nothing to suggest from."),
    ("FS116", ERR, "unsafe reference document", "A reference .docx must be a sane zip: at most "
     "2,000 entries and 100 MB expanded, no entry expanding 200 times, no absolute or '..' "
     "names, and the parts of a Word document."),
    # FS2xx: schema
    ("FS201", ERR, "unknown key", "A key the schema does not define (a typo, usually)."),
    ("FS202", ERR, "missing field", "A required field is absent."),
    ("FS203", ERR, "invalid value", "A value has the wrong type or form."),
    ("FS204", ERR, "not one of the allowed values", "A closed set (kind, modality, stance...) "
     "does not include this value."),
    ("FS205", ERR, "unknown country code", "Not an ISO 3166-1 alpha-2 code (user-assigned codes "
     "AA, QM-QZ, XA-XZ, ZZ are accepted for fictional or disputed places)."),
    ("FS206", ERR, "invalid date or time", "Dates are YYYY-MM-DD; timestamps need a time zone."),
    # FS3xx: anchoring
    ("FS301", ERR, "quote not found", "The quoted words do not occur in the article text."),
    ("FS302", ERR, "ambiguous quote", "The quote occurs several times; add prefix, suffix or "
     "occurrence."),
    ("FS303", ERR, "offsets disagree with quote", "start/end select other words than the quote."),
    ("FS304", ERR, "offsets out of range", "start/end are not a valid range of the article text."),
    ("FS305", INFO, "matched after normalising", "The quote matched once whitespace runs, "
     "typographic quotes, apostrophes and dashes were normalised."),
    ("FS306", ERR, "occurrence out of range", "The quote occurs fewer times than `occurrence`."),
    ("FS307", ERR, "unknown article", "Evidence names an article id the file does not define."),
    ("FS308", INFO, "matched inside a word", "The quote only occurs inside longer words."),
    ("FS309", ERR, "evidence missing", "Every fact needs at least one piece of evidence."),
    # FS4xx: consistency
    ("FS401", ERR, "duplicate id", "Two things share one id."),
    ("FS402", ERR, "unknown party", "A reference to a party id that is not defined."),
    ("FS403", ERR, "statistic without attribution", "Every statistic must say who claims it."),
    ("FS404", ERR, "value not in evidence", "The statistic's value does not appear in its "
     "evidence (digits, separators and number words are understood)."),
    ("FS405", ERR, "comparison contradicts values", "The stated direction (rose, fell...) "
     "disagrees with the value and its baseline."),
    ("FS406", ERR, "updated before published", "An article's update time is before its "
     "publication time."),
    ("FS407", WARN, "repeated dateline", "A dateline city is listed twice."),
    ("FS408", WARN, "party never referenced", "A party that no fact refers to."),
    ("FS409", ERR, "quotation not verbatim", "A quotation's words are not exactly as printed."),
    ("FS410", INFO, "approximate value", "The evidence qualifies the value (about, nearly, more "
     "than...); the statistic is marked approximate."),
    ("FS411", WARN, "suggestion not yet reviewed", "A party, fact or article header field is "
     "still marked `suggested` (left by `factsheet suggest`): rules found it, no person has "
     "checked it. Check it against the article, correct it, then delete the marker. A warning, "
     "not an error, so a draft still validates and builds for review; `--strict` (as in CI) "
     "fails until every suggestion is settled."),
    # FS5xx: rendering and writing
    ("FS501", ERR, "cannot write output", "An output file could not be written."),
    ("FS503", WARN, "character without a font", "No PDF font can draw this character: it "
     "would print as an empty box. Name a TrueType font that has it in the template's "
     "fonts.fallback."),
    ("FS502", WARN, "character dropped", "A control character Word and PDF cannot carry was "
     "removed from the text of a render (files with them are refused on reading: FS107)."),
)


@dataclass(slots=True)
class Diagnostic:
    """One problem, with where it is. Lines and columns are 1-based."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    article: str | None = None
    offset: int | None = None
    severity: Severity = field(default=Severity.ERROR)

    def __post_init__(self) -> None:
        self.severity = CODES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """Return ``file:line:col`` (as much of it as is known)."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "article": self.article,
            "offset": self.offset,
        }


def has_errors(diagnostics: list[Diagnostic], strict: bool = False) -> bool:
    """Return True when the diagnostics fail a run (warnings too, under ``strict``)."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(d.severity in failing for d in diagnostics)
