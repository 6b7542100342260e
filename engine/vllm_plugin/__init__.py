"""vLLM plugin that lets BailingMoeV2 (Ling 2.0) serve as an EAGLE3 speculative-decoding target.

vLLM calls ``register`` in every process it starts, through the ``vllm.general_plugins`` entry
point ``clinsum = "engine.vllm_plugin:register"``. It may run more than once per process; a
second registration just replaces the first. The model class is named by string so vLLM
imports it only when a model is built (and inspects it in a child process), not here.
"""

BAILING_V2_ARCH = "BailingMoeV2ForCausalLM"


def register() -> None:
    from vllm import ModelRegistry

    ModelRegistry.register_model(
        BAILING_V2_ARCH, "engine.vllm_plugin.bailing_eagle3:BailingMoeV2Eagle3ForCausalLM"
    )
