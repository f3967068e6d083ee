"""read → validate → anchor → check, for one input file. Returns values; never prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factsheet.diagnostics import Diagnostic, has_errors
from factsheet.errors import UsageError
from factsheet.paths import resolve_inside
from factsheet.readers import detect_format, get_reader, suggest_format
from factsheet.readers.source import (
    MAX_ANNOTATION_BYTES,
    MAX_ARTICLE_BYTES,
    decode_text,
    describe_char,
    find_bad_chars,
    line_col,
    read_text,
)
from factsheet.readers.tree import SourceMap


@dataclass
class Result:
    """What processing one input gave: the briefing (None on errors) and the diagnostics."""

    path: Path
    briefing: object | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def process(path: Path, fmt: str | None = None, display: str | None = None,
            mapping: object | None = None, data: bytes | None = None,
            folder: Path | None = None) -> Result:
    """Read, validate, anchor and check the annotation file (or tool export) at ``path``;
    ``mapping`` renames a tool's labels (factsheet.imports.labels.LabelMapping).

    With ``data``, those bytes are the annotation file and ``path`` only names it; the
    article texts and images it names are read from ``folder``, and with no folder, not at
    all (an annotation from a network request must not choose files on the server).
    """
    name = display or str(path)
    if data is None:
        folder = path.parent
    result = Result(path)
    diags = result.diagnostics
    fmt = fmt or detect_format(path)
    if fmt is None:
        diags.append(Diagnostic("FS111", f"cannot tell the format of {path.name!r} from its "
                                "extension", file=name,
                                hint="use .yaml, .yml, .json or .xml, or pass --from FORMAT"))
        return result
    from factsheet.readers import TOOL_FORMATS

    if fmt in TOOL_FORMATS:
        if data is not None:
            raise UsageError(f"a {fmt} export is read from its files; pass a path, not bytes")
        from factsheet.imports.read import read_tool

        loaded = read_tool(fmt, path, name, diags, mapping)  # type: ignore[arg-type]
    else:
        try:
            reader = get_reader(fmt)
        except KeyError:
            guess = suggest_format(fmt)
            raise UsageError(f"unknown input format {fmt!r}"
                             + (f"; did you mean {guess!r}?" if guess else "")) from None
        if data is None:
            source = read_text(path, name, MAX_ANNOTATION_BYTES, diags)
        elif len(data) > MAX_ANNOTATION_BYTES:
            diags.append(Diagnostic("FS103", f"annotations are {len(data):,} bytes; the limit "
                                    f"is {MAX_ANNOTATION_BYTES:,}", file=name))
            source = None
        else:
            source = decode_text(data, name, diags)
        if source is None:
            return result
        loaded = reader(source, diags)
    if loaded.data is None or has_errors(diags):
        return result

    from factsheet.model.annotations import AnnotationFile
    from factsheet.validation import validate_model

    doc = validate_model(AnnotationFile, loaded.data, loaded.smap, diags)
    if doc is None:
        return result
    texts, text_files = _article_texts(doc, loaded.texts, folder, name, loaded.smap, diags)
    if has_errors(diags):
        return result

    from factsheet.assemble import Assembler
    from factsheet.checks import Context, run_checks

    assembler = Assembler(doc, texts, loaded.smap)
    briefing = assembler.run()
    briefing = briefing.with_source_folder(folder)
    diags.extend(assembler.diagnostics)
    diags.extend(_check_images(doc, folder, loaded.smap))
    diags.extend(run_checks(Context(briefing, doc, loaded.smap, text_files)))
    diags.sort(key=_order)
    if not has_errors(diags):
        result.briefing = _with_diagnostics(briefing, diags, path)
    return result


def _article_texts(doc: object, inline: dict[str, str], folder: Path | None, name: str,
                   smap: SourceMap, diags: list[Diagnostic]
                   ) -> tuple[dict[str, str], dict[str, str]]:
    """Return each article's text and, for texts read from files, their display names."""
    texts: dict[str, str] = {}
    files: dict[str, str] = {}
    for index, article in enumerate(doc.articles):  # type: ignore[attr-defined]
        if article.text is not None:
            texts[article.id] = inline.get(article.id, article.text)
            continue
        where = ("articles", index, "text_file")
        if folder is None:
            diags.append(_no_folder(smap, "text_file", article.text_file, where))
            continue
        target = resolve_inside(folder, article.text_file)
        if target is None:
            diags.append(smap.diagnostic(
                "FS110", f"text_file {article.text_file!r} is outside the annotation file's "
                "folder", where, hint="put the article text beside the annotation file"))
            continue
        display = str(Path(name).parent / article.text_file)
        before = len(diags)
        source = read_text(target, display, MAX_ARTICLE_BYTES, diags)
        if source is None:
            for d in diags[before:]:
                if d.code == "FS100":  # say which line of the annotation file named it
                    reason = d.message.removeprefix("cannot read file: ")
                    diags[diags.index(d)] = smap.diagnostic(
                        d.code, f"cannot read article file {article.text_file!r}: {reason}",
                        where)
            continue
        bad = find_bad_chars(source.text)
        for offset in bad:
            line, col = line_col(source.text, offset)
            diags.append(Diagnostic("FS107", f"control character "
                                    f"{describe_char(source.text[offset])} in article text",
                                    file=display, line=line, column=col, article=article.id,
                                    offset=offset))
        texts[article.id] = source.text
        files[article.id] = display
    return texts, files


def _check_images(doc: object, folder: Path | None, smap: SourceMap) -> list[Diagnostic]:
    """Check every image a photo names, now, so a bad one fails validation, not rendering."""
    from factsheet.images import ImageRefused, check_image

    found = []
    for index, photo in enumerate(doc.photos):  # type: ignore[attr-defined]
        if photo.image is None:
            continue
        if folder is None:
            found.append(_no_folder(smap, "image", photo.image.path,
                                    ("photos", index, "image", "path")))
            continue
        try:
            check_image(folder, photo.image.path)
        except ImageRefused as refused:
            found.append(smap.diagnostic(refused.code, refused.message,
                                         ("photos", index, "image", "path")))
    return found


def _no_folder(smap: SourceMap, what: str, relative: str, where: tuple[str | int, ...]
               ) -> Diagnostic:
    return smap.diagnostic("FS110", f"{what} {relative!r} cannot be read: these annotations "
                           "came from memory with no folder to read files from", where,
                           hint="give the text inline, or pass folder= to say where files are")


def _order(d: Diagnostic) -> tuple[str, int, int, str]:
    return (d.file or "", d.line or 0, d.column or 0, d.code)


def _with_diagnostics(briefing: object, diags: list[Diagnostic], path: Path) -> object:
    from factsheet.model.briefing import DiagnosticRecord

    records = []
    for d in diags:
        data = d.as_dict()
        # Keep the briefing independent of where it was built from: names, not paths.
        data["file"] = Path(d.file).name if d.file else None
        records.append(DiagnosticRecord.model_construct(**data))
    copy = briefing.model_copy(update={"diagnostics": records})  # type: ignore[attr-defined]
    return copy.with_source_folder(briefing.source_folder)  # type: ignore[attr-defined, no-any-return]
