"""Registries: the vocabularies claims are written in (entities, predicates, measure actions)."""
