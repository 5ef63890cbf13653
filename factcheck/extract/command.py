"""`factcheck extract ARTICLE ...`: draft claim files, to standard output or into files.

With `-o FILE` (one article) or `-o DIR` (any number), drafts are written atomically; an existing
claim file only gains the claims it does not hold yet. Entities the drafts need and the registry
lacks go to a draft registry (`entities.draft.yaml` beside the output, or `--entities-out`), which
lint loads like any registry, so the curator sees them and the draft lints without FC005.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, TextIO

import yaml

from ..api import Extractor
from ..config import ConfigError
from ..atomic import write_atomic
from ..load_checks import BLOCKS_FORMATTING
from ..registry.entities import EntityRegistry, normalize_mention
from ..ruleset import RuleSet
from ..yamlload import load_yaml
from .claims import Draft, ExtractError, SourceOptions
from .writer import MergeError, append_claims, new_claims, render_entities, render_new, verify_merge

STDIN = Path("-")  # the article argument that means standard input
DRAFT_ENTITIES = "entities.draft.yaml"
@dataclass
class ExtractRequest:
    articles: list[Path]
    output: Path | None = None
    source: SourceOptions = field(default_factory=SourceOptions)
    entity_files: list[Path] = field(default_factory=list)
    entities_out: Path | None = None
    progress: bool | None = None  # None: when standard error is a terminal and there are several articles
    output_is_dir: bool = False  # `-o DIR/`: a trailing slash says directory even before it exists


def extract_command(request: ExtractRequest, out: TextIO | None = None, err: TextIO | None = None, stdin: BinaryIO | None = None) -> int:
    """Exit code: 0 every article drafted, 2 an article or output could not be processed. An
    article named `-` is read from `stdin` (standard input): it has no file for `document:`."""
    out = out or sys.stdout
    err = err or sys.stderr
    standard_input = stdin or sys.stdin.buffer
    cwd = Path.cwd().resolve()
    missing = [str(p) for p in request.articles if p != STDIN and not p.is_file()]
    if missing:
        raise ConfigError([f"{p}: no such file" for p in missing])
    if request.articles.count(STDIN) > 1:
        raise ConfigError(["standard input (-) can be read once; give it as one article"])
    several = len(request.articles) > 1
    if several and (request.source.source_id or request.source.url or request.source.title):
        raise ConfigError(["--id, --url and --title name one article; give one article with them"])
    output = request.output
    into_dir = output is not None and (request.output_is_dir or output.is_dir() or several)
    if output is not None and several and output.exists() and not output.is_dir():
        raise ConfigError([f"{output}: with several articles, -o must be a directory"])
    extractor = Extractor(entities=request.entity_files, cwd=cwd)
    if output is not None and into_dir:
        output.mkdir(parents=True, exist_ok=True)
    claim_dir = cwd if output is None else (output if into_dir else output.parent)  # where `document:` is relative to
    failed = 0
    pending_entities: list[dict[str, Any]] = []
    documents: list[str] = []
    for article_path in _with_progress(request.articles, request.progress, err):
        try:
            draft = _draft(extractor, article_path, claim_dir, request.source, standard_input)
            for warning in draft.warnings:
                print(f"factcheck extract: {article_path}: warning: {warning}", file=err)
            if output is None:
                if documents:
                    out.write("---\n")
                out.write(render_new(draft.source, draft.claims, _header(article_path, draft, inline_entities=True)))
            else:
                path = output / f"{draft.source['id']}.yaml" if into_dir else output
                print(_write_claims(path, draft, article_path), file=err)
            documents.append(str(draft.source["id"]))
            for entry in draft.entities:
                _add_pending(pending_entities, entry)
        except (ExtractError, MergeError, OSError, UnicodeError) as error:
            failed += 1
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            print(f"factcheck extract: {article_path}: {reason}", file=err)
    entities_path = request.entities_out or (claim_dir / DRAFT_ENTITIES if output is not None else None)
    if entities_path is not None and pending_entities:
        try:
            print(_write_entities(entities_path, pending_entities), file=err)
        except (MergeError, OSError) as error:
            failed += 1
            print(f"factcheck extract: {entities_path}: {error}", file=err)
    return 2 if failed else 0


def _draft(extractor: Extractor, article_path: Path, claim_dir: Path, options: SourceOptions, stdin: BinaryIO) -> Draft:
    article: Path | bytes = stdin.read() if article_path == STDIN else article_path
    return extractor.draft(article, claim_dir=claim_dir, label="standard input", **vars(options))


def _add_pending(pending: list[dict[str, Any]], entry: dict[str, Any]) -> None:
    """Collect a draft entity of one article for the draft registry. One that another article's
    draft already names (its name or a form it was seen in is the other's name or form: "Volodymyr
    Zelensky" seen as "Zelensky") joins that draft as aliases, so the two articles' speakers are one
    entity to lint whichever article came first, and no form names two drafts."""
    forms = {normalize_mention(str(f)) for f in (entry["name"], *entry.get("aliases", []))}
    for other in pending:
        other_forms = {normalize_mention(str(f)) for f in (other["name"], *other.get("aliases", []))}
        if forms & other_forms:
            for form in (entry["name"], *entry.get("aliases", [])):
                if normalize_mention(str(form)) not in other_forms:
                    other.setdefault("aliases", []).append(form)
                    other_forms.add(normalize_mention(str(form)))
            return
    pending.append(entry)


def _header(article_path: Path, draft: Draft, inline_entities: bool) -> list[str]:
    lines = [
        f"Draft claims extracted by factcheck extract from {'standard input' if article_path == STDIN else article_path.as_posix()}.",
        "Machine-drafted: check every subject, value, speaker and qualifier against the evidence before relying on it.",
    ]
    if inline_entities and draft.entities:
        lines.append("Not in the entity registry yet (add them, or run with -o to get a draft registry):")
        lines.extend(f"  {entry['name']} ({entry['type']})" for entry in draft.entities)
    return lines


def _write_claims(path: Path, draft: Draft, article_path: Path) -> str:
    if not path.exists():
        write_atomic(path, render_new(draft.source, draft.claims, _header(article_path, draft, inline_entities=False)).encode("utf-8"))
        return f"wrote {path} ({_count(len(draft.claims), 'claim')})"
    added, kept = _append_new(path, "claims", f"{path} exists and is not a claim file with a `claims:` list; not touched",
                              lambda existing: new_claims(existing, draft.claims))
    if not added:
        return f"{path}: no new claims ({_count(kept, 'claim')} kept)"
    return f"added {_count(added, 'claim')} to {path} ({_count(kept, 'claim')} kept)"


def _write_entities(path: Path, entries: list[dict[str, Any]]) -> str:
    header = ["Draft entities: names the extracted claims use that the registry does not know.",
              "Review each one: merge it into entities.yaml (or add an alias to an existing entity), then delete it here."]
    if not path.exists():
        write_atomic(path, render_entities(entries, header).encode("utf-8"))
        return f"wrote {path} ({_count(len(entries), 'draft entity', 'draft entities')})"

    def unknown(existing: list[Any]) -> list[dict[str, Any]]:
        names = {str(e.get("name")).casefold() for e in existing if isinstance(e, dict)}
        ids = {str(e.get("id")) for e in existing if isinstance(e, dict)}
        return [e for e in entries if str(e["name"]).casefold() not in names and e["id"] not in ids]

    added, _ = _append_new(path, "entities", "exists and is not an entity registry; not touched", unknown)
    if not added:
        return f"{path}: no new draft entities"
    return f"added {_count(added, 'draft entity', 'draft entities')} to {path}"


def _append_new(path: Path, key: str, not_that_file: str, select: Callable[[list[Any]], list[dict[str, Any]]]) -> tuple[int, int]:
    """Append to the `key:` list of an existing file what `select` picks as new, leaving every
    existing byte in place (checked before writing). Returns (items added, items already there)."""
    before = path.read_bytes().decode("utf-8")
    doc = load_yaml(before)  # factcheck's reader and its limits first: what no YAML library should be given stops here
    if doc.root is None and doc.problems:
        problem = doc.problems[0]
        raise MergeError(f"cannot read {path}: line {problem.position.line}, column {problem.position.column}: {problem.message}; not touched")
    existing = yaml.load(before, Loader=yaml.SafeLoader)
    if not isinstance(existing, dict) or not isinstance(existing.get(key), list):
        raise MergeError(not_that_file)
    added = select(existing[key])
    if added:
        after = append_claims(before, added, key=key)
        verify_merge(before, after, added, key=key)
        write_atomic(path, after.encode("utf-8"))
    return len(added), len(existing[key])


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def project_ruleset(settings: Any) -> RuleSet:
    from ..pipeline import rule_dirs
    from ..ruleset import load_ruleset

    return load_ruleset(rule_dirs(settings, ()), [])


def project_registry(settings: Any, extra: list[Path], cwd: Path) -> EntityRegistry:
    """The project's registries (files under the corpus whose top-level key is `entities`) and --entities."""
    from ..corpus import discover, head, load_corpus, may_be_registry
    from ..pipeline import default_corpus

    files = [p for p in discover(default_corpus(settings, cwd)) if may_be_registry(head(p))]
    corpus = load_corpus(files, list(extra), cwd, settings.root)
    problems = [f"{f.display}: {finding.message}" for f in corpus.files for finding in f.findings if finding.check in BLOCKS_FORMATTING]
    if problems:
        raise ConfigError(problems)
    return corpus.entities




def _with_progress(items: list[Path], wanted: bool | None, err: TextIO):  # type: ignore[no-untyped-def]
    show = wanted if wanted is not None else (len(items) > 1 and err.isatty())
    if not show:
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(file=err), transient=True) as progress:
        task = progress.add_task("extract", total=len(items))
        for item in items:
            yield item
            progress.advance(task)


def parse_day(text: str) -> dt.date:
    """--published: an ISO date (a datetime's date part is taken)."""
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ConfigError([f"--published: '{text}' is not a date (YYYY-MM-DD)"]) from None
