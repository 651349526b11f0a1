"""Evaluation against annotated data: the figures in the README come from here."""

from wirelens.evaluate.entities import (
    PRF,
    EntityScores,
    evaluate_entities,
    format_entity_scores,
)

__all__ = ["PRF", "EntityScores", "evaluate_entities", "format_entity_scores"]
