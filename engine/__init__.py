"""Engines turn prompts into text behind one contract (`engine.base.Engine`).

Backends: vllm (embedded), openai (a remote vLLM server), extractive (no model), stub (tests).
"""

from engine.base import ChatRequest, Delta, Description, Engine, EngineError, Generation, Message, Usage
from engine.config import EngineSettings
from engine.estimate import estimate_tokens
from engine.select import choose_backend, make_engine

__all__ = [
    "ChatRequest", "Delta", "Description", "Engine", "EngineError", "EngineSettings", "Generation", "Message",
    "Usage", "choose_backend", "estimate_tokens", "make_engine",
]
