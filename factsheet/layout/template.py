"""Briefing templates: section order and visibility, labels, page, fonts, colours, banner.

A template is a YAML file checked like an annotation file: unknown keys, bad values and
unreadable files are diagnostics with file:line:col, never tracebacks.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from factsheet.diagnostics import Diagnostic
from factsheet.errors import InputError, UsageError
from factsheet.model.common import Strict

SECTIONS = ("key_points", "commitments", "positions", "quotations", "statistics", "parties",
            "photos", "sources")
LANGUAGES = ("en", "fr")
SectionId = Literal["key_points", "commitments", "positions", "quotations", "statistics",
                    "parties", "photos", "sources"]
Hex = Annotated[str, Field(pattern=r"^[0-9A-Fa-f]{6}$", description="RRGGBB, e.g. 1F4E79")]
Millimetres = Annotated[float, Field(ge=0, le=80)]


class PageSpec(Strict):
    size: Literal["A4", "Letter"] = "A4"
    margins_mm: tuple[Millimetres, Millimetres, Millimetres, Millimetres] = (20, 20, 20, 20)


class FontSpec(Strict):
    body: str = "Roboto"
    heading: str = "Roboto"
    size_pt: float = Field(10.5, ge=6, le=18)
    fallback: list[str] = Field(
        default_factory=list, max_length=8,
        description="TrueType files beside the template, for characters Roboto lacks (CJK...).")


class ColourSpec(Strict):
    text: Hex = "1A1A1A"
    accent: Hex = "1F4E79"
    muted: Hex = "5F6B7A"
    table_header: Hex = "E8EEF5"
    banner: Hex = "9B1C1C"


class Template(Strict):
    """A briefing template (see templates/briefing.yaml for a commented example)."""

    name: str
    description: str = ""
    language: Literal["en", "fr"] = "en"
    page: PageSpec = PageSpec()
    fonts: FontSpec = FontSpec()
    colours: ColourSpec = ColourSpec()
    banner: str | None = Field(None, max_length=120)
    logo: str | None = Field(None, description="PNG or JPEG beside the template file.")
    sections: list[SectionId] = Field(default_factory=lambda: list(SECTIONS), min_length=1)
    limits: dict[SectionId, Annotated[int, Field(ge=1)]] = Field(default_factory=dict)
    charts: bool = Field(True, description="Draw a chart for each comparison.")
    labels: dict[str, Any] = Field(default_factory=dict)

    @field_validator("sections")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        repeated = sorted({s for s in value if value.count(s) > 1})
        if repeated:
            raise ValueError(f"section {repeated[0]!r} is listed twice")
        return value


@dataclass(frozen=True)
class Style:
    """Everything a template brings to a render, loaded and checked once."""

    template: Template
    labels: dict[str, Any]
    logo: bytes | None = None
    fallback_fonts: tuple[bytes, ...] = ()

    def document(self, briefing: Any) -> Any:
        """Return the layout tree of ``briefing`` in this style."""
        from factsheet.layout.build import build_document

        return build_document(briefing, self.template, self.labels, logo=self.logo,
                              fallback_fonts=self.fallback_fonts)


def load_style(name_or_path: str) -> Style:
    """Return the style of a built-in template name or a template file, with its logo and
    fallback fonts checked; raise ``UsageError`` or ``InputError`` as load_template does."""
    template, labels, folder = load_template(name_or_path)
    return Style(template, labels, load_logo(template, folder, name_or_path),
                 load_fallback_fonts(template, folder, name_or_path))


def builtin_names() -> list[str]:
    """Return the names of the built-in templates."""
    return sorted(p.name.removesuffix(".yaml") for p in files("factsheet.templates").iterdir()
                  if p.name.endswith(".yaml"))


def load_template(name_or_path: str) -> tuple[Template, dict[str, Any], Path | None]:
    """Return (template, labels, folder of the template file) for a built-in name or a path.

    Raises ``UsageError`` for an unknown name and ``InputError`` for a broken file.
    """
    path = Path(name_or_path)
    if name_or_path in builtin_names():
        resource = files("factsheet.templates").joinpath(f"{name_or_path}.yaml")
        template = _parse(resource.read_text(encoding="utf-8"), f"<built-in {name_or_path}>")
        return template, labels_for(template), None
    if path.suffix.lower() not in (".yaml", ".yml") and not path.exists():
        close = difflib.get_close_matches(name_or_path, builtin_names(), n=1)
        raise UsageError(f"unknown template {name_or_path!r}; built-in: "
                         f"{', '.join(builtin_names())}"
                         + (f" (did you mean {close[0]!r}?)" if close else ""))
    diagnostics: list[Diagnostic] = []
    from factsheet.readers.source import read_text

    source = read_text(path, str(path), 1024 * 1024, diagnostics)
    if source is None:
        raise InputError(f"cannot read template {path}", diagnostics)
    template = _parse(source.text, str(path))
    return template, labels_for(template), path.parent


def _parse(text: str, name: str) -> Template:
    from factsheet.readers.source import TextFile
    from factsheet.readers.tree import load_tree
    from factsheet.validation import validate_model

    diagnostics: list[Diagnostic] = []
    data, smap = load_tree(TextFile(name, text), "yaml", diagnostics)
    template = None
    if data is not None:
        template = validate_model(Template, data, smap, diagnostics)
    if template is not None:
        _check_labels(template.labels, smap, diagnostics)
    if template is None or diagnostics:
        first = diagnostics[0] if diagnostics else None
        where = f"{first.location()}: {first.message}" if first else name
        raise InputError(f"broken template: {where}", diagnostics)
    return template


def _check_labels(labels: dict[str, Any], smap: Any, diagnostics: list[Diagnostic]) -> None:
    known = _builtin_labels("en")
    for key, value in labels.items():
        if key not in known:
            from factsheet.validation import did_you_mean

            diagnostics.append(smap.diagnostic("FS201", f"unknown label {key!r}",
                                               ("labels", key), key=True,
                                               hint=did_you_mean(key, known)))
        elif type(value) is not type(known[key]):
            diagnostics.append(smap.diagnostic(
                "FS203", f"label {key!r} must be a {type(known[key]).__name__}",
                ("labels", key)))


@cache
def _builtin_labels(language: str) -> dict[str, Any]:
    import yaml

    text = files("factsheet.templates").joinpath("labels", f"{language}.yaml").read_text(
        encoding="utf-8")
    return dict(yaml.safe_load(text))


def load_logo(template: Template, folder: Path | None, source: str = "template"
              ) -> bytes | None:
    """Return the template's checked logo image, or raise ``InputError`` saying why not;
    ``source`` names the template file in the diagnostic."""
    if template.logo is None:
        return None
    from factsheet.images import ImageRefused, check_image

    if folder is None:
        raise InputError("a built-in template cannot name a logo file", [])
    try:
        return check_image(folder, template.logo).data
    except ImageRefused as refused:
        diagnostic = Diagnostic(refused.code, refused.message, file=source)
        raise InputError(refused.message, [diagnostic]) from None


MAX_FONT_BYTES = 40 * 1024 * 1024
_TRUETYPE = (b"\x00\x01\x00\x00", b"true")


def load_fallback_fonts(template: Template, folder: Path | None, source: str = "template"
                        ) -> tuple[bytes, ...]:
    """Return the template's fallback TrueType fonts, checked, or raise ``InputError``;
    ``source`` names the template file in the diagnostic."""
    from factsheet.paths import resolve_inside

    fonts = []
    for relative in template.fonts.fallback:
        path = resolve_inside(folder, relative) if folder is not None else None
        problem = None
        if path is None:
            problem = ("FS110", f"font {relative!r} is outside the template's folder")
        elif not path.is_file():
            problem = ("FS100", f"cannot read font {relative!r}: no such file")
        elif path.stat().st_size > MAX_FONT_BYTES:
            problem = ("FS103", f"font {relative!r} is larger than {MAX_FONT_BYTES:,} bytes")
        else:
            data = path.read_bytes()
            if not data.startswith(_TRUETYPE):
                problem = ("FS114", f"{relative!r} is not a TrueType font (.ttf with glyf "
                                    "outlines; OpenType CFF fonts are not supported)")
            else:
                fonts.append(data)
        if problem is not None:
            diagnostic = Diagnostic(problem[0], problem[1], file=source)
            raise InputError(problem[1], [diagnostic])
    return tuple(fonts)


def labels_for(template: Template) -> dict[str, Any]:
    """Return the labels of the template's language with the template's overrides."""
    labels = dict(_builtin_labels(template.language))
    for key, value in template.labels.items():
        labels[key] = {**labels[key], **value} if isinstance(value, dict) else value
    return labels
