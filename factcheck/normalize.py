"""Claim models to typed assertions: resolve entities, look up predicates, parse values.

Each claim that cannot be normalized gets a finding (FC004-FC006) at the exact key or value, and is
left out of the cross-source comparison rather than guessed at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from .assertions import Assertion, SourceInfo
from .loader import ClaimEntry, LoadedFile
from .registry.entities import EntityRegistry, normalize_mention
from .ruleset import RuleSet
from .values import ParseContext, ValueParseError, parse_value
from .yamlload import KeyPath


@dataclasses.dataclass
class Normalizer:
    entities: EntityRegistry
    ruleset: RuleSet
    root: Path

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
            document=self._document(loaded),
            derived_from=tuple(source.derived_from),
            document_location=loaded.location(("source", "document")) if source.document else None,
        )
        assertions = []
        for entry in loaded.claims:
            assertion = self._claim(loaded, info, entry)
            if assertion is not None:
                assertions.append(assertion)
        return assertions

    def _document(self, loaded: LoadedFile) -> str | None:
        """The document's resolved path, only when it is a readable file inside the project root."""
        document = loaded.source.document if loaded.source else None
        if document is None:
            return None
        path = ("source", "document")
        target = (loaded.path.parent / document).resolve()
        root = self.root.resolve()
        if not target.is_relative_to(root):
            self._report(loaded, "FC002", f"document '{document}' resolves outside the project root ({root}); it is not read", path)
            return None
        if not target.is_file():
            what = "is a directory" if target.is_dir() else "does not exist"
            self._report(loaded, "FC002", f"document '{document}' {what}; expected a text file relative to this claim file", path)
            return None
        return str(target)

    def _claim(self, loaded: LoadedFile, info: SourceInfo, entry: ClaimEntry) -> Assertion | None:
        claim = entry.model
        base: KeyPath = ("claims", entry.index)
        predicate = self.ruleset.predicates.get(claim.predicate)
        if predicate is None:
            guess = self.ruleset.predicates.suggest(claim.predicate)
            hint = f"; did you mean '{guess}'?" if guess else f"; known predicates: {', '.join(self.ruleset.predicates.names)}"
            self._report(loaded, "FC004", f"unknown predicate '{claim.predicate}'{hint}", base + ("predicate",), claim.id)
            return None
        subject = self._entity(loaded, claim.subject, "subject", base + ("subject",), claim.id) if claim.subject else None
        said_by = self._entity(loaded, claim.said_by, "said_by", base + ("said_by",), claim.id) if claim.said_by else None
        as_of = claim.as_of or info.published
        context = ParseContext(
            published=info.published,
            as_of=claim.as_of,
            anchor=self._attribute_date(subject, "adopted_on"),
            body_members=self._body_members(subject),
            tolerance=predicate.tolerance_fraction,
            actions=self.ruleset.actions,
        )
        try:
            value = parse_value(predicate.type, claim.value, context)
        except ValueParseError as err:
            message = err.message
            if err.expected:
                message += f"; expected {err.expected}"
            self._report(loaded, "FC006", message, base + ("value",), claim.id)
            return None
        target = getattr(value, "target", None)
        if isinstance(target, str):
            resolved = self._entity(loaded, target, "measure target", base + ("value", "target"), claim.id)
            value = dataclasses.replace(value, target=resolved or normalize_mention(target))
        qualifiers = tuple(sorted((normalize_mention(k), self._qualifier(v)) for k, v in claim.qualifiers.items()))
        return Assertion(
            source=info,
            claim=claim.id,
            predicate=claim.predicate,
            value_type=predicate.type,
            subject=subject,
            qualifiers=qualifiers,
            value=value,
            said_by=said_by or (claim.said_by if claim.said_by else None),
            as_of=as_of,
            evidence=claim.evidence,
            ignore=tuple(claim.ignore),
            location=loaded.location(base + ("value",), claim=claim.id),
            claim_location=loaded.location(base, claim=claim.id),
            evidence_location=loaded.location(base + ("evidence",), claim=claim.id) if claim.evidence else None,
            field_locations=tuple(
                (str(key), loaded.location(base + ("value", key), claim=claim.id)) for key in claim.value
            )
            if isinstance(claim.value, dict)
            else (),
        )

    def _entity(self, loaded: LoadedFile, mention: str, role: str, path: KeyPath, claim: str | None) -> str | None:
        resolution = self.entities.resolve(mention)
        if resolution.entity is not None:
            return resolution.entity.id
        self._report(loaded, "FC005", resolution.explain(mention, role), path, claim, detail=f"{role}={mention}")
        return None

    def _qualifier(self, text: str) -> str:
        resolution = self.entities.resolve(text)
        return resolution.entity.id if resolution.entity else normalize_mention(text)

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
    def _report(loaded: LoadedFile, code: str, message: str, path: KeyPath, claim: str | None = None, detail: str | None = None) -> None:
        position = loaded.doc.position(path) if loaded.doc else None
        loaded.problem(code, message, path, position, claim, detail=detail)
