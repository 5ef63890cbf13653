"""Command line: parse arguments, run a command, choose the exit code (docs/design.md §7).

Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage, configuration or internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import traceback
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NoReturn, Sequence, TextIO

from . import __version__
from .config import ConfigError

if TYPE_CHECKING:
    from .pipeline import LintResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2



def build_parser() -> argparse.ArgumentParser:
    from . import terminal
    from .reporters import REPORTERS

    parser = argparse.ArgumentParser(prog="factcheck", description="Cross-check claims across sources.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    color = argparse.ArgumentParser(add_help=False)  # every command takes --color
    color.add_argument("--color", choices=terminal.CHOICES, default="auto",
                       help="color the output: auto (the default: on a terminal, unless NO_COLOR is set, or when FORCE_COLOR is), always or never")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    lint = commands.add_parser("lint", parents=[color], help="lint claim files or directories", description="Lint claim files or directories.")
    lint.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="claim files or directories, or source documents: the claim files citing them (default: the configured corpus, else claims/)")
    lint.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format (default: text)")
    lint.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report to FILE instead of standard output (refused when FILE is one of the linted files)")
    _selection_options(lint)
    lint.add_argument("--fail-on", choices=["error", "warning", "info"], help="lowest severity that makes the exit code 1 (default: the configured fail-on, else error)")
    lint.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    lint.add_argument("--statistics", action="store_true", help="print the number of findings per rule instead of the findings")
    lint.add_argument("--write-baseline", type=Path, metavar="FILE", help="record the current findings in FILE and exit 0")
    _corpus_options(lint)
    review = lint.add_argument_group("--format claimreview", "who publishes the reviews, where and when (default: [tool.factcheck] publisher, review-url, review-date; the day also from SOURCE_DATE_EPOCH)")
    review.add_argument("--publisher", metavar="NAME", help="the reviewing organization")
    review.add_argument("--review-url", type=_web_address, metavar="URL", help="the page the reviews are published on")
    review.add_argument("--review-date", type=_day, metavar="YYYY-MM-DD", help="the day the reviews are published")
    lint.set_defaults(handler=_lint)

    report = commands.add_parser(
        "report", parents=[color], help="the corpus as one self-contained HTML page (claim matrix and findings)",
        description="Write the claim matrix (facts by source for each subject, colored by status) and the findings lint reports as one HTML file that makes no network request.",
    )
    report.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="claim files or directories, or source documents: the claim files citing them (default: the configured corpus, else claims/)")
    report.add_argument("--html", type=Path, metavar="FILE", required=True, help="where to write the page")
    report.add_argument("--title", default="factcheck report", help="the page's title (default: factcheck report)")
    _selection_options(report)
    _corpus_options(report)
    report.set_defaults(handler=_report)

    claims = commands.add_parser(
        "claims", parents=[color], help="every normalized claim as a row (JSON Lines or CSV), for data teams",
        description="Write every claim that normalized as one row: source, outlet, subject, predicate, qualifiers, the value "
        "as written and normalized (low, high, unit, canonical form), speaker, evidence, place and the codes of the findings on it.",
    )
    claims.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="claim files or directories (default: the configured corpus, else claims/)")
    claims.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="JSON Lines (default) or CSV with a header row")
    _selection_options(claims)
    _corpus_options(claims)
    claims.set_defaults(handler=_claims)

    explain = commands.add_parser("explain", parents=[color], help="what a rule checks, its parameters and examples", description="Explain a rule.")
    explain.add_argument("rule", metavar="CODE|NAME", help="a rule code (FC101) or name (value-conflict)")
    explain.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR", help="an extra rules directory (repeatable)")
    explain.set_defaults(handler=_explain)

    rules = commands.add_parser("rules", parents=[color], help="the rule catalog", description="List the rules of the rule set.")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text", help="output format (default: text; markdown: the table the README shows)")
    rules.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR", help="an extra rules directory (repeatable)")
    rules.set_defaults(handler=_rules)

    extract = commands.add_parser(
        "extract", parents=[color], help="draft claim files from raw articles (text, Markdown, HTML)",
        description="Draft claim files from raw articles (plain text, Markdown or HTML). Quotes with their speakers, "
        "numbers, dates, votes and measures become claims with their evidence. Source fields the page does not state "
        "come from the flags.",
    )
    extract.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE", help="article files; - reads one article from standard input (its draft then names no document)")
    extract.add_argument("--output", "-o", metavar="PATH", help="write the draft to FILE (new claims are added to an existing file), or one file per article into DIR; default: standard output")
    extract.add_argument("--outlet", help="the outlet (default: from the page, when it names one)")
    extract.add_argument("--published", help="publication date YYYY-MM-DD (default: from the page)")
    extract.add_argument("--url", help="the article's URL (default: from the page)")
    extract.add_argument("--id", dest="source_id", help="the source id (default: OUTLET-ID-PUBLISHED)")
    extract.add_argument("--title", help="the title (default: from the page)")
    extract.add_argument("--kind", choices=["news", "wire", "primary", "factsheet", "opinion"], help="the source kind (default: news)")
    extract.add_argument("--entities", action="append", type=Path, default=[], metavar="FILE", help="an extra entity registry (repeatable)")
    extract.add_argument("--entities-out", type=Path, metavar="FILE", help="where draft entities go (default with -o: entities.draft.yaml beside the output)")
    extract.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="show a progress bar (default: on a terminal, for several articles)")
    extract.set_defaults(handler=_extract)

    fmt = commands.add_parser("fmt", parents=[color], help="rewrite claim files canonically, keeping comments", description="Rewrite claim files and entity registries canonically (key order, indentation), keeping comments.")
    fmt.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="claim files or directories (default: the configured corpus, else claims/)")
    fmt.add_argument("--check", action="store_true", help="write nothing; list the files that would change and exit 1 if any")
    fmt.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of the changes and exit 1 if any")
    fmt.set_defaults(handler=_fmt)

    completion = commands.add_parser(
        "completion", parents=[color], help="a shell completion script (bash, zsh or fish)",
        description="Print the completion script for a shell; it completes commands, options and their choices. "
        "bash: `eval \"$(factcheck completion bash)\"` in ~/.bashrc; zsh: the same in ~/.zshrc; "
        "fish: `factcheck completion fish > ~/.config/fish/completions/factcheck.fish`.",
    )
    completion.add_argument("shell", choices=["bash", "zsh", "fish"], help="the shell")
    completion.set_defaults(handler=_completion)

    schema = commands.add_parser("schema", parents=[color], help="JSON Schema of claim files (for editors)", description="Print the JSON Schema (draft 2020-12) of claim files or entity registries.")
    schema.add_argument("--kind", choices=["claims", "entities"], default="claims", help="claim files (default) or the entity registry")
    schema.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the schema to FILE instead of standard output")
    schema.set_defaults(handler=_schema)
    return parser


def _web_address(text: str) -> str:
    from .config import web_address

    try:
        return web_address(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{err}, found '{text}'") from None


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, found '{text}'") from None


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, found '{text}'")
    return number


# The last lint result stays referenced after _lint returns: a large corpus is millions of objects, and
# freeing them one by one only for the process to exit costs a noticeable part of a run. `run` then
# leaves without freeing anything.
_last_result: list[object] = []


def _lint_result(args: argparse.Namespace, baseline_applied: bool) -> LintResult:
    """The lint result for a command's corpus options, with the baseline applied when asked:
    `lint` and `report` show the same findings. A call of the Python API (api.py), as a script's."""
    from . import api
    from .progress import wanted

    result = api.lint(
        args.paths, select=_codes(args.select), ignore=_codes(args.ignore), entities=args.entities, predicates=args.predicates,
        rules=args.rules, baseline=args.baseline if baseline_applied else None, cache=args.cache, cache_dir=args.cache_dir,
        jobs=args.jobs, max_file_size=args.max_file_size, progress=args.progress if args.progress is not None else wanted(),
    )
    configured = result.settings.path("baseline") if result.settings else None
    if baseline_applied and args.baseline is None and configured is not None:  # the configuration's, found by the run itself
        api.apply_baseline(result, configured)
    _last_result[:] = [result]  # freed at exit, or by the next call in the same process (see run)
    for note in result.notes:
        print(f"factcheck: {note}", file=sys.stderr)
    return result


def _lint(args: argparse.Namespace) -> int:
    from . import baseline
    from .reporters import REPORTERS, statistics

    result = _lint_result(args, baseline_applied=not args.write_baseline)
    _never_over_an_input(result, args.write_baseline or args.output)
    _review_flags(result, args)
    if args.write_baseline:
        count = baseline.write(args.write_baseline, result.findings)
        print(f"factcheck: wrote {count} finding{'s' if count != 1 else ''} to baseline {args.write_baseline}", file=sys.stderr)
        return EXIT_OK
    reporter = statistics.render if args.statistics else REPORTERS[args.format]
    if args.output:
        _write_report(args.output, lambda stream: reporter(result, stream))
    else:
        reporter(result, sys.stdout)
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if result.failing(args.fail_on) else EXIT_OK


def _review_flags(result: LintResult, args: argparse.Namespace) -> None:
    """The claimreview flags win over the configuration, as every flag does."""
    flags = {"publisher": args.publisher, "review_url": args.review_url, "review_date": args.review_date}
    given = {key: value for key, value in flags.items() if value is not None}
    if given and result.settings is not None:
        result.settings = replace(result.settings, config=result.settings.config.model_copy(update=given))


def _never_over_an_input(result: LintResult, output: Path | None) -> None:
    """A report or baseline written to one of the files just read (a typo away: `-o claims/x.yaml`)
    would destroy a claim file; refuse before writing anything."""
    if output is None:
        return
    from .fileread import real_path  # Path.resolve() raises on a symlink loop among the inputs

    target = real_path(output)
    if any(real_path(loaded.path) == target for loaded in result.corpus.files):
        raise ConfigError([f"{output}: is a file being linted; the output would overwrite it"])


def _selection_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--select", action="append", default=[], metavar="CODES", help="only these rules: codes, names or prefixes like FC1, comma-separated (repeatable)")
    command.add_argument("--ignore", action="append", default=[], metavar="CODES", help="skip these rules: codes, names or prefixes, comma-separated (repeatable)")
    command.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not recorded in FILE (default: the configured baseline)")


def _corpus_options(command: argparse.ArgumentParser) -> None:
    """How the corpus is read: the same for every command that lints it."""
    command.add_argument("--entities", action="append", type=Path, default=[], metavar="FILE", help="an extra entity registry (repeatable)")
    command.add_argument("--predicates", action="append", type=Path, default=[], metavar="FILE", help="an extra predicate registry (repeatable)")
    command.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR", help="an extra rules directory (repeatable)")
    command.add_argument("--no-cache", dest="cache", action="store_false", help="neither read nor write the per-file cache")
    command.add_argument("--cache-dir", type=Path, metavar="DIR", help="where the cache lives (default: $FACTCHECK_CACHE_DIR, the configured cache-dir, else .factcheck_cache at the project root)")
    command.add_argument("--max-file-size", type=_positive, metavar="BYTES", help="a larger claim, registry or document file is a finding and is not read (default: the configured max-file-size, else 10 MiB)")
    command.add_argument("--jobs", "-j", type=_positive, metavar="N", help="processes for reading claim files (default: one per core; 1 reads in this process)")
    command.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="a progress bar on standard error once a run lasts 2 s (default: on a terminal, not in CI)")


def _report(args: argparse.Namespace) -> int:
    from .atomic import write_atomic
    from .html_report import build_report, render

    result = _lint_result(args, baseline_applied=True)
    _never_over_an_input(result, args.html)
    page = render(build_report(result), title=args.title)
    write_atomic(args.html, page.encode("utf-8"))
    print(f"factcheck: wrote {args.html} ({len(result.findings)} finding{'s' if len(result.findings) != 1 else ''})", file=sys.stderr)
    return EXIT_OK


def _completion(args: argparse.Namespace) -> int:
    """argcomplete's script: at each TAB the shell asks `factcheck` itself (main() answers from the
    parser), so completion never lags behind a new command or option."""
    import argcomplete

    print(argcomplete.shellcode(["factcheck"], shell=args.shell), end="")
    return EXIT_OK


def _claims(args: argparse.Namespace) -> int:
    from .claims_table import FORMATS

    FORMATS[args.format](_lint_result(args, baseline_applied=True), sys.stdout)
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from . import api

    try:
        sys.stdout.write(api.explain_rule(args.rule, rules=args.rules))
    except api.UnknownRule as unknown:
        print(f"factcheck: {unknown}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from . import api
    from .explain import print_rules

    print_rules(api.rule_set(args.rules), sys.stdout, args.format)
    return EXIT_OK


def _fmt(args: argparse.Namespace) -> int:
    from . import api
    from .fmt import report

    dry = args.check or args.diff
    return report(api.format_claims(args.paths, write=not dry), check=args.check, diff=args.diff)


def _extract(args: argparse.Namespace) -> int:
    from .extract.claims import SourceOptions
    from .extract.command import ExtractRequest, extract_command, parse_day

    source = SourceOptions(
        outlet=args.outlet, published=parse_day(args.published) if args.published else None, url=args.url,
        source_id=args.source_id, title=args.title, kind=args.kind,
    )
    output = Path(args.output) if args.output else None
    output_is_dir = bool(args.output) and args.output.endswith(("/", os.sep))
    request = ExtractRequest(args.articles, output, source, args.entities, args.entities_out, args.progress, output_is_dir)
    return extract_command(request)


def _schema(args: argparse.Namespace) -> int:
    from . import api
    from .schema import as_text

    text = as_text(api.claim_schema(args.kind))
    if args.output:
        _write_report(args.output, lambda stream: stream.write(text))
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _codes(values: list[str]) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _write_report(path: Path, write: Callable[[TextIO], None]) -> None:
    """Written whole (write_atomic): a failure or a kill half-way leaves the previous report as it was."""
    import io

    from .atomic import write_atomic

    buffer = io.StringIO()
    write(buffer)
    write_atomic(path, buffer.getvalue().encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # the shell asking for completions (`factcheck completion`): answer and exit
        import argcomplete

        argcomplete.autocomplete(parser)
    args = parser.parse_args(argv)
    from . import terminal

    terminal.choose(args.color)
    try:
        return args.handler(args)
    except ConfigError as err:
        for message in err.messages:
            print(f"factcheck: configuration error: {message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception:  # an internal error must still exit 2 and say what happened
        print("factcheck: internal error; please report this with the traceback below", file=sys.stderr)
        traceback.print_exc()
        return EXIT_ERROR


def run() -> NoReturn:
    """The `factcheck` command: main(), then leave without freeing the heap object by object.

    A large corpus leaves millions of objects behind; tearing them down one at a time takes a
    noticeable part of a run (about 0.1 s for 100,000 claims) and helps nobody, since the process is
    about to end. Output is flushed first; the process pool (if any) has already been shut down.
    Under a profiler or a tracer (cProfile, coverage) the usual exit runs, so they can save their data."""
    code = main()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`) or a closed stream: nothing to deliver
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
