"""A remote OpenAI-compatible server (vllm serve), reached through langchain-openai.

The OpenAI client underneath retries connection errors, 408/429 and 5xx with exponential
backoff, up to `max_retries`; `timeout_s` bounds each call. Token counts come from the server's
own /tokenize endpoint, so they are the model's tokenizer's, not an estimate.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import openai
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI

from engine.base import ChatRequest, Delta, Description, EngineError, Generation, Usage, finish_reason
from engine.config import EngineSettings

_ROLES = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}


class OpenAIEngine:
    def __init__(self, settings: EngineSettings):
        if not settings.url:
            raise ValueError("the openai backend needs engine.url (e.g. http://engine:8000/v1)")
        self.settings = settings
        self.base_url = settings.url.rstrip("/")
        self._chat = ChatOpenAI(
            model=settings.served_model_name,
            base_url=self.base_url,
            api_key=settings.api_key,
            timeout=settings.timeout_s,
            max_retries=settings.max_retries,
            stream_usage=True,
        )
        self._http = httpx.Client(timeout=min(settings.timeout_s, 30.0))

    def health(self) -> bool:
        """The server is up and serves our model (vLLM's /health, then the model list)."""
        try:
            root = self.base_url.removesuffix("/v1")
            if self._http.get(f"{root}/health").status_code != 200:
                return False
            models = self._http.get(f"{self.base_url}/models").json()["data"]
        except (httpx.HTTPError, KeyError, ValueError):
            return False
        return any(m.get("id") == self.settings.served_model_name for m in models)

    def _model(self, request: ChatRequest) -> Any:
        options: dict[str, Any] = {"max_tokens": request.max_tokens, "temperature": request.temperature}
        if request.json_schema is not None:
            options["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "reply", "schema": request.json_schema},
            }
        return self._chat.bind(**options)

    @staticmethod
    def _messages(request: ChatRequest) -> list[BaseMessage]:
        return [_ROLES[m.role](content=m.content) for m in request.messages]

    def generate(self, requests: Sequence[ChatRequest]) -> list[Generation]:
        out = []
        for request in requests:
            try:
                message = self._model(request).invoke(self._messages(request))
            except openai.APITimeoutError as exc:
                raise EngineError("timeout", f"the model server did not answer within {self.settings.timeout_s:g} s") from exc
            except openai.APIConnectionError as exc:
                raise EngineError("unavailable", f"the model server at {self.base_url} cannot be reached") from exc
            except openai.BadRequestError as exc:
                raise EngineError("bad_request", f"the model server refused the request ({exc.status_code})") from exc
            except openai.APIStatusError as exc:
                raise EngineError("internal", f"the model server failed ({exc.status_code})") from exc
            out.append(_generation(message))
        return out

    def stream(self, request: ChatRequest) -> Iterator[Delta]:
        produced = 0
        finish = None
        try:
            for chunk in self._model(request).stream(self._messages(request)):
                assert isinstance(chunk, AIMessageChunk)
                finish = chunk.response_metadata.get("finish_reason") or finish
                if chunk.usage_metadata:
                    produced = chunk.usage_metadata["output_tokens"]
                if chunk.content:
                    produced += 0 if chunk.usage_metadata else 1  # vLLM streams about a token a chunk
                    yield Delta(str(chunk.content), produced)
        except openai.APIConnectionError as exc:
            raise EngineError("unavailable", f"the model server at {self.base_url} cannot be reached") from exc
        yield Delta("", produced, finish_reason(finish))

    def count_tokens(self, text: str) -> int:
        try:
            response = self._http.post(
                f"{self.base_url.removesuffix('/v1')}/tokenize",
                json={"model": self.settings.served_model_name, "prompt": text, "add_special_tokens": False},
            )
            response.raise_for_status()
            return int(response.json()["count"])
        except (httpx.HTTPError, KeyError, ValueError) as exc:
            raise EngineError("unavailable", "the model server could not count tokens") from exc

    @property
    def context_length(self) -> int:
        return self.settings.max_model_len

    def describe(self) -> Description:
        return Description(
            "openai", self.settings.served_model_name, self.settings.max_model_len,
            quantization=self.settings.quantization, speculative=self.settings.speculative.method,
            notes=(f"Remote model server at {self.base_url}.",),
        )

    def close(self) -> None:
        self._http.close()



def _generation(message: BaseMessage) -> Generation:
    usage = getattr(message, "usage_metadata", None) or {}
    details = usage.get("input_token_details") or {}
    return Generation(
        text=str(message.content),
        finish_reason=finish_reason(message.response_metadata.get("finish_reason")),
        usage=Usage(
            prompt_tokens=usage.get("input_tokens", 0),
            completion_tokens=usage.get("output_tokens", 0),
            cached_prompt_tokens=details.get("cache_read"),
        ),
    )
