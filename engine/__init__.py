"""Engines turn prompts into text. Until a model is configured, only the token estimate lives here."""

from engine.estimate import estimate_tokens

__all__ = ["estimate_tokens"]
