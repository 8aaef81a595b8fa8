"""The command line: turns options into a call to the core, picks a renderer, and
maps the results to an exit status in one place.

Only Typer and the standard library are imported at start-up, so that
``--help`` and ``--version`` stay instant; spaCy and the readers load when a
command needs them.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from skillcheck import __version__
from skillcheck.errors import ExitStatus, SkillcheckError

app = typer.Typer(
    name="skillcheck",
    help="Check which customer-service soft skills a CV or cover letter (English, Polish, "
    "Malay) evidences with a concrete example, only mentions, or misses.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    rich = "rich"
    json = "json"


class LanguageChoice(StrEnum):
    auto = "auto"
    en = "en"
    pl = "pl"
    ms = "ms"


def _fail(message: str, debug: bool = False) -> NoReturn:
    """One line on standard error and exit 2; the traceback only with --debug."""
    if debug:
        import traceback

        traceback.print_exc()
    typer.echo(f"skillcheck: error: {message}", err=True)
    raise typer.Exit(int(ExitStatus.ERROR))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"skillcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """skillcheck: soft skills in CVs and cover letters, backed by the sentences that prove them."""


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="CV or cover-letter files, or folders of them.")
    ],
    fmt: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="rich: a report to read; json: JSON Lines."),
    ] = OutputFormat.rich,
    profile: Annotated[
        str, typer.Option(help="The skill profile to check against.")
    ] = "customer-service",
    lang: Annotated[
        LanguageChoice, typer.Option("--lang", help="The document language; auto detects it.")
    ] = LanguageChoice.auto,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", help="An extra lexicon file or folder (repeatable)."),
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of unexpected errors.")] = False,
) -> None:
    """Check documents and report every skill as evidenced, mentioned or missing."""
    from skillcheck.checker import CheckOptions, check_paths
    from skillcheck.lexicons import get_lexicon
    from skillcheck.render import renderer
    from skillcheck.report import ErrorReport

    options = CheckOptions(profile=profile, lang=lang.value, lexicon_paths=tuple(lexicon or ()))
    try:
        lex = get_lexicon(options.lexicon_paths)
        lex.profile(profile)
    except KeyError as exc:
        _fail(str(exc.args[0]), debug)
    except SkillcheckError as exc:
        _fail(exc.message, debug)
    errors = 0

    def counted() -> object:
        nonlocal errors
        for report in check_paths(paths, options):
            if isinstance(report, ErrorReport):
                errors += 1
            yield report

    try:
        renderer(fmt.value)(counted(), sys.stdout)  # type: ignore[arg-type]
    except SkillcheckError as exc:
        _fail(exc.message, debug)
    except KeyboardInterrupt:
        typer.echo("skillcheck: interrupted", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:  # noqa: BLE001 - one line instead of a traceback
        _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)", debug)
    raise typer.Exit(int(ExitStatus.ERROR if errors else ExitStatus.OK))


@app.command()
def text(
    path: Annotated[Path, typer.Argument(help="The file to read.")],
    debug: Annotated[bool, typer.Option(help="Show tracebacks of unexpected errors.")] = False,
) -> None:
    """Print the text exactly as the checker reads it, with page markers and warnings."""
    from skillcheck.errors import ReadError
    from skillcheck.readers import read_document
    from skillcheck.textdump import format_document_text

    try:
        doc = read_document(path)
    except ReadError as exc:
        _fail(f"{path}: {exc.message} [{exc.code}]", debug)
    typer.echo(format_document_text(doc), nl=False)


def run() -> None:
    """Console-script entry point."""
    app()
