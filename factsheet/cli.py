"""The ``factsheet`` command. The only module that prints or exits.

Imports stay light at the top: each command imports what it needs when it runs.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from factsheet import __version__
from factsheet.errors import FactsheetError, InputError, OutputError, UsageError

app = typer.Typer(
    name="factsheet",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])
_GC_DEFAULT = gc.get_threshold()


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class OutputFormat(StrEnum):
    json = "json"
    docx = "docx"
    pdf = "pdf"
    txt = "txt"
    all = "all"


class SchemaName(StrEnum):
    annotations = "annotations"
    briefing = "briefing"
    label_mapping = "label-mapping"


def _guard(command: F) -> F:
    """Turn exceptions into a one-line message and the exit code of their kind."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except OutputError as exc:
            _err(f"factsheet: error FS501 {exc}")
            raise typer.Exit(exc.exit_code) from None
        except InputError as exc:  # e.g. a broken template: its own located diagnostics
            from factsheet.report import format_text

            sys.stdout.flush()
            sys.stderr.write(format_text(exc.diagnostics))
            raise typer.Exit(exc.exit_code) from None
        except FactsheetError as exc:
            _err(f"factsheet: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _err("factsheet: interrupted")
            raise typer.Exit(130) from None
        except typer.Exit:
            raise
        except Exception as exc:  # the last line of defence: no traceback for users
            if os.environ.get("FACTSHEET_DEBUG"):
                raise
            _err(f"factsheet: internal error: {exc.__class__.__name__}: {exc}\n"
                 "  hint: this is a bug in factsheet; run again with FACTSHEET_DEBUG=1 "
                 "for the traceback and report it")
            raise typer.Exit(101) from None

    return run  # type: ignore[return-value]


def _err(text: str) -> None:
    sys.stdout.flush()  # keep stdout and stderr in order on a terminal
    sys.stderr.write(text.rstrip("\n") + "\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factsheet {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn annotated news articles into validated, source-anchored briefings.

    Exit codes: 0 ok (warnings allowed), 1 input has errors (or warnings under --strict),
    2 usage error, 3 could not write an output, 101 internal error.
    """


Paths = Annotated[list[str], typer.Argument(help="Annotation files, folders or globs.",
                                            show_default=False, metavar="PATH")]
From = Annotated[str | None, typer.Option(
    "--from", metavar="FORMAT",
    help="Input format: yaml, json, xml, html, or a tool's export (brat, labelstudio, w3c, "
    "hypothesis, doccano); by default taken from each file's extension and content.")]
Strict = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]
Mapping = Annotated[Path | None, typer.Option(
    "--mapping", help="Label mapping file (YAML or JSON) for annotation-tool exports whose "
    "labels differ from the convention.")]


@app.command()
@_guard
def validate(
    paths: Paths,
    format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="text (path:line:col lines), json, or github (CI annotations).")
    ] = ReportFormat.text,
    strict: Strict = False,
    source_format: From = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also show notes (info).")
                       ] = False,
    mapping: Mapping = None,
) -> None:
    """Check annotation files: schema, anchoring of every quote, consistency of the facts.

    Prints one line per problem (path:line:col: severity CODE message) and exits 1 when
    any file has errors (or warnings, with --strict).
    """
    from factsheet import report
    from factsheet.diagnostics import has_errors
    from factsheet.inputs import expand
    from factsheet.pipeline import process

    files = _inputs(paths, expand)
    fmt = _source_format(source_format)
    labels = _mapping(mapping)
    diagnostics = []
    for path in files:
        diagnostics.extend(process(path, fmt, mapping=labels).diagnostics)
    if format is ReportFormat.json:
        sys.stdout.write(report.format_json(diagnostics))
    elif format is ReportFormat.github:
        sys.stdout.write(report.format_github(diagnostics))
    else:
        sys.stdout.write(report.format_text(diagnostics, verbose))
        _err(report.summary(diagnostics, len(files), verbose))
    if has_errors(diagnostics, strict):
        raise typer.Exit(1)


@app.command()
@_guard
def build(
    paths: Paths,
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Folder for the outputs (created if missing).")] = Path("."),
    format: Annotated[list[OutputFormat], typer.Option(
        "--format", "-f",
        help="json, docx, pdf, txt, or all (json, docx and pdf); repeat for several.")
    ] = [OutputFormat.all],  # noqa: B006
    template: Annotated[str, typer.Option(
        "--template", "-t", help="Built-in template name (see 'factsheet templates') or a "
        "template file.")] = "briefing",
    reference_doc: Annotated[Path | None, typer.Option(
        "--reference-doc", help="A .docx whose styles and page setup the DOCX output uses.")
    ] = None,
    strict: Strict = False,
    source_format: From = None,
    mapping: Mapping = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, show_default=False,
        help="Inputs built at the same time, each in its own process; default: the number "
        "of CPU cores.")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print diagnostics and the summary only, not each file written.")
    ] = False,
) -> None:
    """Build briefings from annotation files and write them to the output folder.

    Each input gives NAME.briefing.json, NAME.docx and NAME.pdf (and NAME.txt with --format
    txt); two inputs with the same name get NAME and NAME-2. Inputs are built in parallel.
    Every file is written atomically: a failed or killed run leaves earlier outputs as they
    were, and an input file is never overwritten. A failing input does not stop the others;
    the exit code is 1 if any failed.
    """
    from factsheet.batch import Settings, cores, run
    from factsheet.inputs import expand
    from factsheet.writers import ALL, WRITERS

    files = _inputs(paths, expand)
    formats = tuple(dict.fromkeys(name for f in format
                                  for name in (ALL if f is OutputFormat.all else (f.value,))))
    if output.exists() and not output.is_dir():
        raise OutputError(f"output path {str(output)!r} is a file, not a folder")
    # A broken template, logo, font, mapping or reference document stops here, before any work.
    style = reference = None
    if any(WRITERS[name].takes_document for name in formats):
        from factsheet.layout.template import load_style

        style = load_style(template)
        if reference_doc is not None and "docx" in formats:
            from factsheet.writers.docx.reference import read_reference

            reference = read_reference(reference_doc)
    settings = Settings(output=output, formats=formats, style=style, reference=reference,
                        strict=strict, source_format=_source_format(source_format),
                        mapping=_mapping(mapping),
                        protected=frozenset(p.resolve() for p in files))
    taken: set[str] = set()
    from factsheet.output import sweep, unique

    inputs = [(path, unique(path.name.rsplit(".", 1)[0], taken)) for path in files]

    for leftover in sweep(output):
        _err(f"removed {leftover}, left by an earlier run that was killed")
    import signal
    import threading

    from factsheet.progress import BuildReport

    # main() collects garbage rarely, which speeds up one validation; over a batch it lets
    # python-docx's cyclic trees pile up (50 → 217 MB over 300 documents). Back to normal.
    gc.set_threshold(*_GC_DEFAULT)

    # Ctrl-C and SIGTERM only raise a flag that the batch checks between its steps: an
    # exception raised inside the process pool's own code can leave it waiting forever.
    # A second signal interrupts at once.
    stop = threading.Event()

    def stopping(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    before = _handle((signal.SIGINT, signal.SIGTERM), stopping)
    try:
        with BuildReport(len(inputs), quiet=quiet) as shown:
            for outcome in run(inputs, settings, jobs or cores(), started=shown.started,
                               stopped=stop.is_set):
                shown.finished(outcome)
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
    if stop.is_set():
        raise KeyboardInterrupt
    if shown.failed:
        raise typer.Exit(max(shown.exit_codes))


@app.command()
@_guard
def templates() -> None:
    """List the built-in templates."""
    from factsheet.layout.template import builtin_names, load_template

    for name in builtin_names():
        spec = load_template(name)[0]
        typer.echo(f"{name:<10} {spec.description}")


@app.command()
@_guard
def schema(
    name: Annotated[SchemaName, typer.Argument(
        help="annotations (input), briefing (output) or label-mapping.")] = SchemaName.briefing,
) -> None:
    """Print the JSON Schema of the annotation file or of the briefing."""
    from factsheet.schemas import schema_text

    sys.stdout.write(schema_text(name.value))


@app.command()
@_guard
def codes(
    code: Annotated[str | None, typer.Argument(help="One code, e.g. FS301.")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print the Markdown reference."
                                           )] = False,
) -> None:
    """List the diagnostic codes, or explain one."""
    from factsheet.diagnostics import CODES

    if markdown:
        from factsheet.report import codes_markdown

        sys.stdout.write(codes_markdown())
        return
    if code is not None:
        found = CODES.get(code.upper())
        if found is None:
            raise UsageError(f"unknown code {code!r}; run 'factsheet codes' for the list")
        typer.echo(f"{found.code} ({found.severity.value}): {found.title}\n\n{found.explanation}")
        return
    for item in CODES.values():
        typer.echo(f"{item.code}  {item.severity.value:<7}  {item.title}")


def _mapping(path: Path | None) -> Any:
    if path is None:
        return None
    from factsheet.imports.labels import load_mapping

    return load_mapping(path)


@app.command("import")
@_guard
def import_(
    tool: Annotated[str, typer.Argument(
        help="brat, labelstudio, w3c, hypothesis or doccano (or auto: by extension and "
        "content).", metavar="FORMAT")],
    source: Annotated[Path, typer.Argument(help="The export (for brat, the .ann file).",
                                           metavar="SRC")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The native YAML file to "
                                         "write; the article text goes beside it.")],
    mapping: Mapping = None,
    force: Annotated[bool, typer.Option("--force", help="Replace files that already exist."
                                        )] = False,
) -> None:
    """Convert an annotation tool's export into a native annotation file to keep editing.

    Writes FILE.yaml and the article text as FILE.txt beside it (one per document), then
    validates the result and lists what still needs a human decision. Existing files are
    not replaced unless --force is given.
    """
    from factsheet import report
    from factsheet.diagnostics import has_errors
    from factsheet.imports.native_out import write_native
    from factsheet.imports.read import read_tool
    from factsheet.output import write_atomic
    from factsheet.pipeline import process
    from factsheet.readers import TOOL_FORMATS, detect_format

    name = detect_format(source) if tool == "auto" else _source_format(tool)
    if name not in TOOL_FORMATS:
        raise UsageError(f"cannot import {tool!r}: known tools are {', '.join(TOOL_FORMATS)}"
                         + (f" (this file looks like {name})" if tool == "auto" and name
                            else ""))
    diagnostics: list[Any] = []
    loaded = read_tool(name, source, str(source), diagnostics, _mapping(mapping))
    sys.stderr.write(report.format_text(diagnostics))
    if loaded.data is None or has_errors(diagnostics):
        _err("nothing was written")
        raise typer.Exit(1)
    stem = output.name.rsplit(".", 1)[0]
    text, files = write_native(loaded.data, loaded.texts, stem, source.name)
    targets = {output: text.encode()} | {output.parent / n: t.encode() for n, t in files.items()}
    existing = [str(p) for p in targets if p.exists()]
    if existing and not force:
        raise UsageError(f"{existing[0]} already exists; pass --force to replace it")
    for target, data in targets.items():
        write_atomic(target, data, protected=[source])
        _err(f"wrote {target}")
    result = process(output)
    left = [d for d in result.diagnostics if d.severity.value != "info"]
    if left:
        sys.stderr.write(report.format_text(left))
        _err(f"{len(left)} thing{'s' if len(left) != 1 else ''} to settle in {output} before "
             "it builds cleanly")


@app.command()
@_guard
def export(
    target: Annotated[str, typer.Argument(help="w3c (W3C Web Annotation JSON-LD).",
                                          metavar="FORMAT")],
    source: Annotated[Path, typer.Argument(
        help="An annotation file, a tool export, or a NAME.briefing.json.", metavar="BRIEFING")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    embed_text: Annotated[bool, typer.Option(
        "--embed-text", help="Put each article's text in the export (needed to read back an "
        "export of several articles).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")
                     ] = False,
) -> None:
    """Write a briefing's facts back as W3C Web Annotations, for annotation tools to load."""
    from factsheet.output import write_atomic

    if target.lower() not in ("w3c", "webannotation"):
        raise UsageError(f"unknown export format {target!r}; known: w3c")
    briefing = _load_any(source)
    from factsheet.imports.export_w3c import dump_w3c, export_w3c

    data = dump_w3c(export_w3c(briefing, embed_text=embed_text))
    if output.exists() and not force:
        raise UsageError(f"{output} already exists; pass --force to replace it")
    write_atomic(output, data, protected=[source])
    _err(f"wrote {output}")


@app.command()
@_guard
def suggest(
    article: Annotated[Path, typer.Argument(help="The story: plain UTF-8 text, or an HTML "
                                            "page.", metavar="ARTICLE")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The draft annotation file "
                                         "(.yaml) to write.")],
    timezone: Annotated[str, typer.Option(
        "--timezone", help="Time zone of printed times that give none: UTC, +02:00 or a name "
        "such as Europe/Kyiv.")] = "UTC",
    force: Annotated[bool, typer.Option("--force", help="Replace files that already exist."
                                        )] = False,
) -> None:
    """Draft annotations from a raw wire story, every item marked as suggested.

    Writes FILE.yaml (and the article text as FILE.txt beside it, unless the article is
    already in that folder), then validates it: 'factsheet validate FILE.yaml' lists each
    suggestion still to review (FS411). Existing files are not replaced unless --force.
    """
    from factsheet import report
    from factsheet.output import write_atomic
    from factsheet.pipeline import process
    from factsheet.suggest import draft_files
    from factsheet.suggest.timestamps import parse_zone

    try:
        zone = parse_zone(timezone)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    files = draft_files(article, output, zone=zone)
    existing = [str(p) for p in files if p.exists()]
    if existing and not force:
        raise UsageError(f"{existing[0]} already exists; pass --force to replace it")
    for target, data in files.items():
        write_atomic(target, data, protected=[article])
        _err(f"wrote {target}")
    found = process(output).diagnostics
    other = [d for d in found if d.code != "FS411" and d.severity.value != "info"]
    if other:
        sys.stderr.write(report.format_text(other))
    count = sum(d.code == "FS411" for d in found)
    _err(f"{count} suggestion{'s' if count != 1 else ''} to review: run 'factsheet validate "
         f"{output}' to list them")


def _load_any(source: Path) -> Any:
    """Return the briefing of an annotation file, a tool export or a .briefing.json."""
    if source.name.endswith(".briefing.json"):
        from factsheet.model import Briefing
        from factsheet.readers.source import read_text
        from factsheet.readers.tree import load_tree
        from factsheet.validation import validate_model

        diagnostics: list[Any] = []
        text = read_text(source, str(source), 64 * 1024 * 1024, diagnostics)
        data, smap = load_tree(text, "json", diagnostics) if text else (None, None)
        briefing = validate_model(Briefing, data, smap, diagnostics) if data else None
        if briefing is None:
            raise InputError(f"{source} is not a briefing", diagnostics)
        return briefing
    from factsheet.api import load

    return load(source)


def _source_format(name: str | None) -> str | None:
    from factsheet.readers import ALIASES, FORMATS, suggest_format

    if name is None:
        return None
    name = ALIASES.get(name.lower(), name.lower())
    if name not in FORMATS:
        guess = suggest_format(name)
        raise UsageError(f"unknown input format {name!r} for --from; known: "
                         f"{', '.join(FORMATS)}" + (f" (did you mean {guess!r}?)" if guess else ""))
    return name


def _inputs(paths: list[str], expand: Callable[[list[str]], list[Path]]) -> list[Path]:
    files = expand(paths)
    if not files:
        raise UsageError("no annotation files found in the paths given")
    return files


def _handle(signals: tuple[int, ...], handler: Callable[[int, Any], None]) -> dict[int, Any]:
    """Install ``handler`` for ``signals``; return the handlers they had (none are changed
    outside the main thread, where Python does not allow it)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    return {number: signal.signal(number, handler) for number in signals}


def main() -> None:
    """Run the command line."""
    # factsheet uses no pydantic plugins; looking for them costs a cold start ~15 ms.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # The pipeline allocates many small objects and frees few: collect less often. (A build
    # of many inputs sets the default back; see build.)
    gc.set_threshold(50_000, 20, 20)
    app(prog_name="factsheet")
