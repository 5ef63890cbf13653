"""Claim models to typed assertions: resolve entities, look up predicates, parse values.

Each claim that cannot be normalized gets a finding (FC004-FC006) at the exact key or value, and is
left out of the cross-source comparison rather than guessed at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from sys import intern

from .assertions import Assertion, SourceInfo, bucket_key
from .fileread import DEFAULT_MAX_FILE_SIZE, over_limit, real_path, why_missing
from .load_checks import INVALID_CLAIM_FILE, INVALID_VALUE, UNKNOWN_PREDICATE, UNRESOLVED_ENTITY
from .loader import ClaimEntry, LoadedFile
from .qualifiers import QualifierCanon
from .registry.entities import EntityRegistry, normalize_mention
from .relevance import meeting_keys
from .ruleset import RuleSet
from .values import PARSE_FACTS, Facts, ParseContext, Value, ValueParseError, parse_value, type_named
from .yamlload import KeyPath, Position

PARSE_MEMO_LIMIT = 60_000  # distinct parsed values remembered per process (the common ones come early)


@dataclasses.dataclass
class Normalizer:
    entities: EntityRegistry
    ruleset: RuleSet
    root: Path
    _parsed: dict[tuple[object, ...], Value | ValueParseError] = dataclasses.field(default_factory=dict, repr=False)
    _subjects: dict[str | None, tuple[dt.date | None, int | None]] = dataclasses.field(default_factory=dict, repr=False)
    _buckets: dict[tuple[object, ...], tuple[object, ...]] = dataclasses.field(default_factory=dict, repr=False)
    _canon: QualifierCanon = dataclasses.field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._canon = QualifierCanon(self.entities)

    def file(self, loaded: LoadedFile) -> list[Assertion]:
        source = loaded.source
        if loaded.kind != "claims" or source is None:
            return []
        outlet = self._entity(loaded, source.outlet, "outlet", ("source", "outlet"), None) or source.outlet
        info = SourceInfo(
            id=source.id,
            outlet=outlet,
            published=source.published_date,
            kind=source.kind,
            path=loaded.display,
            document=None,  # resolved after the per-file stage: see resolve_document
            derived_from=tuple(source.derived_from),
            derived_outlets=tuple(self.entities.key_of(name) for name in source.derived_from),
            document_location=loaded.location(("source", "document")) if source.document else None,
            url=source.url,
            title=source.title,
        )
        loaded.source_info = info
        assertions = []
        for entry in loaded.claims:
            assertion = self._claim(loaded, info, entry)
            if assertion is not None:
                assertions.append(assertion)
        return assertions

    def _claim(self, loaded: LoadedFile, info: SourceInfo, entry: ClaimEntry) -> Assertion | None:
        claim = entry.model
        base: KeyPath = ("claims", entry.index)
        predicate = self.ruleset.predicates.get(claim.predicate)
        if predicate is None:
            guess = self.ruleset.predicates.suggest(claim.predicate)
            hint = f"; did you mean '{guess}'?" if guess else f"; known predicates: {', '.join(self.ruleset.predicates.names)}"
            self._report(loaded, UNKNOWN_PREDICATE, f"unknown predicate '{claim.predicate}'{hint}", base + ("predicate",), claim.id)
            return None
        subject = self._entity(loaded, claim.subject, "subject", base + ("subject",), claim.id) if claim.subject else None
        said_by = self._entity(loaded, claim.said_by, "said_by", base + ("said_by",), claim.id) if claim.said_by else None
        as_of = claim.as_of or info.published
        anchor, body_members = self._subject_facts(subject)
        try:
            value = self._parse(predicate.type, claim.value, (info.published, claim.as_of, anchor, body_members, predicate.tolerance_fraction))
        except ValueParseError as err:
            message = err.message
            if err.expected:
                message += f"; expected {err.expected}"
            self._report(loaded, INVALID_VALUE, message, base + ("value",), claim.id)
            return None
        target = getattr(value, "target", None)
        if isinstance(target, str):
            resolved = self._entity(loaded, target, "measure target", base + ("value", "target"), claim.id)
            value = dataclasses.replace(value, target=resolved or normalize_mention(target))
        qualifiers = tuple((intern(k), intern(v)) for k, v in self._canon.qualifiers(claim.qualifiers.items(), subject))
        written = tuple((k, v) for k, v in claim.qualifiers.items())
        at = loaded.doc.position(base + ("value",)) if loaded.doc else Position(1, 1)
        evidence_at = loaded.doc.position(base + ("evidence",)) if loaded.doc and claim.evidence else None
        fields = ()
        if isinstance(claim.value, dict) and loaded.doc:
            fields = tuple((intern(str(key)), *_pair(loaded.doc.position(base + ("value", key)))) for key in claim.value)
        predicate_name = intern(claim.predicate)
        if predicate.type not in ("quote", "text"):
            value.canonical_form()  # kept with the value, so the cache holds it too
        bucket = self._shared(bucket_key(subject, predicate_name, qualifiers, predicate.type, value, predicate))
        return Assertion(
            source=info,
            claim=claim.id,
            predicate=predicate_name,
            value_type=predicate.type,
            subject=subject,
            qualifiers=qualifiers,
            value=value,
            said_by=said_by or (intern(claim.said_by) if claim.said_by else None),
            as_of=as_of,
            evidence=claim.evidence,
            ignore=tuple(claim.ignore),
            line=at.line,
            column=at.column,
            evidence_position=_pair(evidence_at) if evidence_at else None,
            field_positions=fields,
            bucket=bucket,
            meets=self._shared(meeting_keys(subject, predicate_name, qualifiers, predicate.type, value, bucket)),
            written_qualifiers=None if written == qualifiers else written,
        )

    def _shared(self, key: tuple[object, ...] | None) -> tuple[object, ...] | None:
        """One tuple per distinct key: claims of a bucket share it, in memory and in the cache."""
        return None if key is None else self._buckets.setdefault(key, key)

    def _parse(self, type_name: str, raw: object, facts: Facts) -> Value:
        """parse_value, once per distinct (type, raw value, the facts its parse reads): corpora repeat
        values a lot (the same vote, date or statement in many sources), and values are immutable.
        `facts` are the parse context's facts in PARSE_FACTS order."""
        key = (type_name, _frozen(raw), *type_named(type_name).context_key(raw, facts))
        known = self._parsed.get(key)
        if known is None:
            context = ParseContext(**dict(zip(PARSE_FACTS, facts)), actions=self.ruleset.actions)
            try:
                known = parse_value(type_name, raw, context)
            except ValueParseError as err:
                known = err
            if len(self._parsed) < PARSE_MEMO_LIMIT:
                self._parsed[key] = known
        if isinstance(known, ValueParseError):
            raise ValueParseError(known.message, known.expected)  # a fresh one: re-raising would grow its traceback
        return known

    def _entity(self, loaded: LoadedFile, mention: str, role: str, path: KeyPath, claim: str | None) -> str | None:
        resolution = self.entities.resolve(mention)
        if resolution.entity is not None:
            return resolution.entity.id
        self._report(loaded, UNRESOLVED_ENTITY, resolution.explain(mention, role), path, claim, detail=f"{role}={mention}")
        return None

    def _subject_facts(self, subject: str | None) -> tuple[dt.date | None, int | None]:
        """What value parsing needs from the subject's registry entry: its adoption day and the size
        of the body that voted on it (looked up once per subject)."""
        known = self._subjects.get(subject)
        if known is None:
            known = self._subjects[subject] = (self._attribute_date(subject, "adopted_on"), self._body_members(subject))
        return known

    def _attribute_date(self, entity_id: str | None, name: str) -> dt.date | None:
        entity = self.entities.get(entity_id) if entity_id else None
        raw = entity.attributes.get(name) if entity else None
        if isinstance(raw, dt.date):
            return raw
        try:
            return dt.date.fromisoformat(str(raw)) if raw is not None else None
        except ValueError:
            return None  # reported when the registry is loaded

    def _body_members(self, entity_id: str | None) -> int | None:
        entity = self.entities.get(entity_id) if entity_id else None
        body_id = entity.attributes.get("body") if entity else None
        body = self.entities.get(str(body_id)) if body_id is not None else None
        members = body.attributes.get("members") if body else None
        try:
            return int(members) if members is not None else None
        except (TypeError, ValueError):
            return None

    @staticmethod
    def _report(loaded: LoadedFile, check: str, message: str, path: KeyPath, claim: str | None = None, detail: str | None = None) -> None:
        if loaded.doc and loaded.doc.is_masked(path):  # refused already (a tag, an alias): one finding
            return
        position = loaded.doc.position(path) if loaded.doc else None
        loaded.problem(check, message, path, position, claim, detail=detail)


def _pair(position: Position) -> tuple[int, int]:
    return (position.line, position.column)


def _frozen(raw: object) -> object:
    """A hashable stand-in for a raw YAML value (text, or mappings and lists of text)."""
    if isinstance(raw, dict):
        return tuple((key, _frozen(value)) for key, value in raw.items())
    if isinstance(raw, list):
        return ("[", *(_frozen(item) for item in raw))
    return raw


def document_target(loaded: LoadedFile) -> Path | None:
    """The file a claim file's `source.document` names (relative to the claim file), symlinks followed;
    None when it names none. `factcheck lint DOCUMENT` finds the claim files citing it by this too."""
    document = loaded.source.document if loaded.source else None
    return None if document is None else real_path(loaded.path.parent / document)  # a symlink loop must not raise


def resolve_document(loaded: LoadedFile, root: Path, limit: int | None = DEFAULT_MAX_FILE_SIZE) -> str | None:
    """The document's resolved path, only when it is a readable file inside the project root and
    within max-file-size (`limit`).

    Not part of the cached per-file stage: the answer changes when the document file does.
    """
    document = loaded.source.document if loaded.source else None
    target = document_target(loaded)
    if document is None or target is None:
        return None
    path = ("source", "document")
    where = loaded.source_info.document_location if loaded.source_info is not None else None
    position = Position(where.line, where.column) if where is not None else None
    root = real_path(root)
    if not target.is_relative_to(root):
        loaded.problem(INVALID_CLAIM_FILE, f"document '{document}' resolves outside the project root ({root}); it is not read", path, position)
        return None
    if not target.is_file():
        what = "is a directory" if target.is_dir() else "is not a regular file" if target.exists() else why_missing(loaded.path.parent / document)
        loaded.problem(INVALID_CLAIM_FILE, f"document '{document}' {what}; expected a text file relative to this claim file", path, position)
        return None
    too_large = over_limit(target.stat().st_size, limit)
    if too_large:
        loaded.problem(INVALID_CLAIM_FILE, f"document '{document}': {too_large}", path, position)
        return None
    return str(target)
