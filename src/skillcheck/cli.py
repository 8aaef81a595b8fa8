"""The command line: turns options into a call to the core, picks a renderer, and
maps the results to an exit status in one place.

Only Typer and the standard library are imported at start-up, so that
``--help`` and ``--version`` stay instant; spaCy and the readers load when a
command needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from skillcheck import __version__
from skillcheck.errors import ExitStatus, SkillcheckError

if TYPE_CHECKING:
    from skillcheck.config import Config
    from skillcheck.report import Report, RequirementOutcome

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
    csv = "csv"
    markdown = "markdown"
    github = "github"
    junit = "junit"


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


def exit_status(unreadable: int, failed: int) -> ExitStatus:
    """The one mapping from results to an exit status: 2 (unreadable) wins over 1."""
    if unreadable:
        return ExitStatus.ERROR
    if failed:
        return ExitStatus.REQUIREMENT_FAILED
    return ExitStatus.OK


def _failure_list(failures: list[tuple[str, RequirementOutcome]]) -> str:
    """What failed in which file, one line each, ``file:line`` first so editors link it."""
    noun = "requirement" if len(failures) == 1 else "requirements"
    lines = [f"skillcheck: {len(failures)} {noun} failed:"]
    for file, req in failures:
        where = f"{file}:{req.line}" if req.line is not None and req.page is None else file
        page = f" (page {req.page})" if req.page is not None else ""
        lines.append(f"  {where}: {req.name}: {req.message}{page}")
    return "\n".join(lines)


def _selected(paths: list[str], config: Config) -> list[str]:
    """The paths with folders expanded and files an ``exclude`` glob covers left out."""
    if not config.exclude:
        return paths
    from skillcheck.checker import expand_paths
    from skillcheck.report import ErrorReport

    kept: list[str] = []
    for item in expand_paths(paths):
        if isinstance(item, ErrorReport):
            kept.append(item.file)  # reported as not found by the check itself
        elif not config.excluded(item.display):
            kept.append(item.display)
    return kept


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="CV or cover-letter files, or folders of them "
            "(default: 'paths' from the configuration file).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="rich: a report to read (a cohort view for several documents); json: "
            "JSON Lines; csv: one row per document; markdown: a report to paste; "
            "github: GitHub Actions annotations; junit: JUnit XML.",
            show_default="rich",
        ),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(help="The skill profile to check against.", show_default="customer-service"),
    ] = None,
    lang: Annotated[
        LanguageChoice | None,
        typer.Option("--lang", help="The document language; auto detects it.", show_default="auto"),
    ] = None,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", help="An extra lexicon file or folder (repeatable)."),
    ] = None,
    require: Annotated[
        list[str] | None,
        typer.Option(
            "--require",
            metavar="SKILL[=LEVEL]",
            help="A skill every document must show: LEVEL 'mentioned' (the default; "
            "evidence counts too) or 'evidenced' (repeatable). Exit 1 when one fails.",
        ),
    ] = None,
    min_evidenced: Annotated[
        int | None,
        typer.Option("--min-evidenced", min=0, metavar="N", help="At least N skills evidenced."),
    ] = None,
    min_score: Annotated[
        int | None,
        typer.Option(
            "--min-score", min=0, max=100, metavar="N", help="A score of at least N (0-100)."
        ),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="PATH",
            help="Use this configuration file instead of the nearest .skillcheck.toml "
            "or pyproject.toml with a tool.skillcheck table.",
        ),
    ] = None,
    no_config: Annotated[
        bool, typer.Option("--no-config", help="Ignore configuration files.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Worker processes for many documents.",
            show_default="the number of cores",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the report here, not to standard output."
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Check every file again instead of reusing cached results."
        ),
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of unexpected errors.")] = False,
) -> None:
    """Check documents and report every skill as evidenced, mentioned or missing.

    Options on the command line win over the configuration file.
    """
    from skillcheck import termcache
    from skillcheck.batch import Batch, default_jobs, stop_on_interrupt
    from skillcheck.cache import ReportCache, default_cache_dir, fingerprint
    from skillcheck.checker import CheckOptions, expand_paths
    from skillcheck.config import discover
    from skillcheck.lexicons import get_lexicon
    from skillcheck.render import renderer
    from skillcheck.report import ErrorReport
    from skillcheck.requirements import Requirements, evaluate, parse_all

    if config_file is not None and no_config:
        _fail("--config and --no-config cannot be used together")
    try:
        config = discover(config_file, use_files=not no_config)
    except SkillcheckError as exc:
        _fail(exc.message, debug)
    try:
        cli_skills = parse_all(require) if require else None
    except ValueError as exc:
        _fail(f"--require {exc}", debug)
    cli_requirements = Requirements(cli_skills, min_evidenced, min_score)
    if not paths and not config.paths:
        _fail("no files to check: name them, or set 'paths' in the configuration file")
    profile_id = profile or config.profile or "customer-service"
    fmt_name = fmt.value if fmt else config.format or "rich"
    options = CheckOptions(
        profile=profile_id,
        lang=lang.value if lang else config.lang or "auto",
        lexicon_paths=(*config.lexicons, *(lexicon or ())),
    )
    try:
        lex = get_lexicon(options.lexicon_paths)
        skills = lex.profile(profile_id).skills
        for reqs in (config.requirements, *(o.requirements for o in config.overrides)):
            reqs.validate(profile_id, skills, config.source)
        cli_requirements.validate(profile_id, skills, None)
        targets = _selected(list(paths or config.paths), config)
    except KeyError as exc:
        _fail(str(exc.args[0]), debug)
    except SkillcheckError as exc:
        _fail(exc.message, debug)
    errors = 0
    failures: list[tuple[str, RequirementOutcome]] = []
    items = list(expand_paths(targets))
    cache = None
    termcache.set_enabled(not no_cache)
    if not no_cache:
        settings = f"{options.profile}|{options.lang}"
        cache = ReportCache(default_cache_dir(), fingerprint(lex.knowledge_files, settings))
    workers = min(jobs or default_jobs(), max(1, len(items)))

    def judged(reports: Iterator[Report]) -> Iterator[Report]:
        nonlocal errors
        for report in reports:
            if isinstance(report, ErrorReport):
                errors += 1
            else:
                reqs = config.requirements_for(report.file).merged(cli_requirements)
                report.requirements = evaluate(report, reqs)
                failures.extend((report.file, r) for r in report.failed)
            yield report

    try:
        batch = Batch(items, options, jobs=workers, cache=cache, term_cache=not no_cache)
        with _progress(len(items)) as advance, _opened(output) as out:
            batch.on_done = advance
            with stop_on_interrupt(batch.stop):
                renderer(fmt_name)(judged(batch.run()), out)
    except SkillcheckError as exc:
        _fail(exc.message, debug)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror}", debug)
    except Exception as exc:  # noqa: BLE001 - one line instead of a traceback
        _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)", debug)
    for file, same in batch.duplicates:
        typer.echo(f"skillcheck: {file}: same content as {same}, reported once", err=True)
    if failures and fmt_name != "github":  # github's annotations already list them
        typer.echo(_failure_list(failures), err=True)
    if batch.interrupted:
        typer.echo("skillcheck: interrupted; the report holds the documents finished", err=True)
        raise typer.Exit(INTERRUPTED)
    raise typer.Exit(int(exit_status(errors, len(failures))))


INTERRUPTED = 130  # the shell's own code for Ctrl-C


@contextmanager
def _opened(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or the --output file (newline="" lets CSV write its CRLF)."""
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8", newline="") as fh:
        yield fh


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar on standard error for many documents, when it is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda _file: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        TextColumn("[dim]{task.fields[file]}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("checking", total=total, file="", rate="")

        def advance(file: str) -> None:
            bar.update(task, advance=1, file=file)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:.1f} docs/s" if speed else "")

        yield advance


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


class MatchFormat(StrEnum):
    rich = "rich"
    json = "json"


@app.command()
def match(
    cv: Annotated[Path, typer.Argument(help="The CV (or cover letter) to check.")],
    job: Annotated[
        str,
        typer.Option(
            "--job", metavar="POSTING", help="The job posting: a file, or - for standard input."
        ),
    ],
    fmt: Annotated[
        MatchFormat, typer.Option("--format", "-f", help="rich or json.")
    ] = MatchFormat.rich,
    profile: Annotated[str, typer.Option(help="The skill profile.")] = "customer-service",
    lang: Annotated[
        LanguageChoice, typer.Option("--lang", help="The CV's language; auto detects it.")
    ] = LanguageChoice.auto,
    job_lang: Annotated[
        LanguageChoice, typer.Option("--job-lang", help="The posting's language; auto detects it.")
    ] = LanguageChoice.auto,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", help="An extra lexicon file or folder (repeatable)."),
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of unexpected errors.")] = False,
) -> None:
    """Check a CV against the skills a job posting asks for, fix-first order."""
    from skillcheck.checker import CheckOptions
    from skillcheck.lexicons import get_lexicon
    from skillcheck.match import match_documents
    from skillcheck.readers import read_bytes, read_document
    from skillcheck.render.matchview import render_json, render_rich

    options = CheckOptions(profile=profile, lang=lang.value, lexicon_paths=tuple(lexicon or ()))
    try:
        get_lexicon(options.lexicon_paths).profile(profile)
        cv_doc = read_document(cv)
        if job == "-":
            posting = read_bytes(sys.stdin.buffer.read(), display_path="<stdin>")
        else:
            posting = read_document(Path(job))
        result = match_documents(cv_doc, posting, options, job_lang=job_lang.value)
    except KeyError as exc:
        _fail(str(exc.args[0]), debug)
    except SkillcheckError as exc:
        where = f"{exc.code}" if exc.code not in ("usage", "lexicon") else ""
        _fail(f"{exc.message}{f' [{where}]' if where else ''}", debug)
    except Exception as exc:  # noqa: BLE001 - one line instead of a traceback
        _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)", debug)
    (render_json if fmt == MatchFormat.json else render_rich)(result, sys.stdout)
    raise typer.Exit(int(ExitStatus.OK))


@app.command()
def profiles(
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", help="An extra lexicon file or folder (repeatable)."),
    ] = None,
) -> None:
    """List the skill profiles."""
    from skillcheck.lexicons import get_lexicon

    try:
        lex = get_lexicon(tuple(lexicon or ()))
    except SkillcheckError as exc:
        _fail(exc.message)
    for p in sorted(lex.profiles.values(), key=lambda p: p.id):
        typer.echo(f"{p.id}\t{len(p.skills)} skills\t{p.label('en')}\t(version {p.version})")


@app.command()
def skills(
    profile: Annotated[
        str, typer.Option(help="The profile whose skills to list.")
    ] = "customer-service",
    lang: Annotated[str, typer.Option("--lang", help="en, pl or ms.")] = "en",
    terms: Annotated[
        bool, typer.Option("--terms/--no-terms", help="Show the terms of each skill.")
    ] = True,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", help="An extra lexicon file or folder (repeatable)."),
    ] = None,
) -> None:
    """List a profile's skills with their labels and terms in one language."""
    from skillcheck.lexicons import LANGUAGES, get_lexicon

    if lang not in LANGUAGES:
        _fail(f"--lang must be one of {', '.join(LANGUAGES)}")
    try:
        lex = get_lexicon(tuple(lexicon or ()))
        prof = lex.profile(profile)
    except KeyError as exc:
        _fail(str(exc.args[0]))
    except SkillcheckError as exc:
        _fail(exc.message)
    typer.echo(f"{prof.id}: {prof.label(lang)}")
    for sid in prof.skills:
        skill = lex.skills[sid]
        entry = skill.languages.get(lang)
        typer.echo(f"  {sid}: {skill.label(lang)}")
        if terms and entry is not None:
            typer.echo(f"      terms: {'; '.join(entry.terms)}")
            if entry.behaviours:
                typer.echo(f"      behaviours: {'; '.join(entry.behaviours)}")


lexicon_app = typer.Typer(help="Work with lexicon files.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("validate")
def lexicon_validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Lexicon files or folders (skills/, profiles/).")
    ],
) -> None:
    """Validate lexicons and run their should-match / should-not-match examples."""
    from skillcheck.lexicons import load_lexicon, run_examples

    try:
        lex = load_lexicon(paths)
    except SkillcheckError as exc:
        _fail(exc.message)
    own = {
        str(p.resolve())
        for root in paths
        for p in ([root] if root.is_file() else root.rglob("*.toml"))
    }
    checked = [
        s for s in lex.skills.values() if any(str(Path(src).resolve()) in own for src in s.sources)
    ]
    failures = run_examples(lex, [s.id for s in checked])
    for f in failures:
        typer.echo(f"{f}", err=True)
    count = sum(
        len(e.examples_match) + len(e.examples_no_match)
        for s in checked
        for e in s.languages.values()
    )
    typer.echo(f"{len(checked)} skills, {count} examples: {len(failures)} failed")
    raise typer.Exit(int(ExitStatus.REQUIREMENT_FAILED if failures else ExitStatus.OK))


def run() -> None:
    """Console-script entry point."""
    app()
