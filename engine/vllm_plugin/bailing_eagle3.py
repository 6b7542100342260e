"""BailingMoeV2ForCausalLM with vLLM's EAGLE3 target interface (vLLM 0.32 lacks it).

An EAGLE3 draft needs two things from its target, and stock BailingMoeV2 has neither:

- its input embeddings, which published drafts do not ship: vLLM's proposer shares the
  target's, looking for them only as ``model.embed_tokens`` or ``model.embedding`` (Bailing
  calls them ``word_embeddings``, hence "Target model does not have 'embed_tokens' or
  'embedding' attribute");
- the hidden states of a few chosen layers on every forward (``SupportsEagle3``), which the
  draft fuses into its input.

Everything else (weights, loading, the forward itself when no draft is attached) is stock.
"""

from __future__ import annotations

from itertools import islice

import torch
from torch import nn
from vllm.config import VllmConfig
from vllm.distributed import get_pp_group
from vllm.model_executor.layers.logits_processor import LogitsProcessor
from vllm.model_executor.layers.vocab_parallel_embedding import ParallelLMHead
from vllm.model_executor.models.bailing_moe import BailingMoeModel, BailingMoeV2ForCausalLM
from vllm.model_executor.models.interfaces import EagleModelMixin, SupportsEagle3
from vllm.model_executor.models.utils import PPMissingLayer, maybe_prefix
from vllm.sequence import IntermediateTensors


class BailingMoeEagle3Model(BailingMoeModel, EagleModelMixin):
    """BailingMoeModel that also returns the residual stream at ``aux_hidden_state_layers``.

    Layer id ``i`` taps the stream entering layer ``i`` (id ``num_hidden_layers`` taps the last
    layer's output before the final norm), the convention of vLLM's own EAGLE3 targets. With no
    ids set, which is the case unless an EAGLE3 draft is attached, it behaves as the parent.
    The parent's ``@support_torch_compile`` carries over: it compiles ``self.forward``.
    """

    @property
    def embed_tokens(self) -> nn.Module:
        return self.word_embeddings

    def forward(
        self,
        input_ids: torch.Tensor | None,
        position_ids: torch.Tensor,
        intermediate_tensors: IntermediateTensors | None,
        inputs_embeds: torch.Tensor | None = None,
    ) -> torch.Tensor | IntermediateTensors | tuple[torch.Tensor, list[torch.Tensor]]:
        if get_pp_group().is_first_rank:
            hidden_states = inputs_embeds if inputs_embeds is not None else self.embed_input_ids(input_ids)
            residual = None
        else:
            assert intermediate_tensors is not None
            hidden_states = intermediate_tensors["hidden_states"]
            residual = intermediate_tensors["residual"]

        aux_hidden_states = self._maybe_add_hidden_state([], self.start_layer, hidden_states, residual)
        for layer_idx, layer in enumerate(
            islice(self.layers, self.start_layer, self.end_layer), start=self.start_layer
        ):
            hidden_states, residual = layer(hidden_states, position_ids, residual)
            self._maybe_add_hidden_state(aux_hidden_states, layer_idx + 1, hidden_states, residual)

        if not get_pp_group().is_last_rank:
            return IntermediateTensors({"hidden_states": hidden_states, "residual": residual})
        if residual is None:
            hidden_states = self.norm(hidden_states)
        else:
            hidden_states, _ = self.norm(hidden_states, residual)
        if aux_hidden_states:
            return hidden_states, aux_hidden_states
        return hidden_states


class BailingMoeV2Eagle3ForCausalLM(BailingMoeV2ForCausalLM, SupportsEagle3):
    """BailingMoeV2ForCausalLM built on BailingMoeEagle3Model.

    The parent constructor hard-codes BailingMoeModel, so this one repeats it with the subclass
    (building the parent's model and replacing it would register its attention layers twice).
    ``SupportsEagle3`` supplies ``set_aux_hidden_state_layers`` and the default layer choice
    (2, L // 2, L - 3); a draft's ``eagle_aux_hidden_state_layer_ids`` overrides the latter.
    """

    def __init__(self, *, vllm_config: VllmConfig, prefix: str = "") -> None:
        nn.Module.__init__(self)
        config = vllm_config.model_config.hf_config.get_text_config()
        vllm_config.model_config.hf_config = config
        quant_config = vllm_config.quant_config

        self.config = config
        self.quant_config = quant_config
        self.max_position_embeddings = config.max_position_embeddings
        self.model = BailingMoeEagle3Model(vllm_config=vllm_config, prefix=maybe_prefix(prefix, "model"))
        self.tie_word_embeddings = getattr(config, "tie_word_embeddings", False)

        if get_pp_group().is_last_rank:
            self.lm_head = ParallelLMHead(
                config.vocab_size,
                config.hidden_size,
                quant_config=quant_config,
                prefix=maybe_prefix(prefix, "lm_head"),
            )
            if self.tie_word_embeddings:
                self.lm_head = self.lm_head.tie_weights(self.model.word_embeddings)
            self.logits_processor = LogitsProcessor(config.vocab_size)
        else:
            self.lm_head = PPMissingLayer()

        self.make_empty_intermediate_tensors = self.model.make_empty_intermediate_tensors
