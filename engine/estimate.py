"""A token count for when no model's tokenizer is at hand."""


def estimate_tokens(text: str) -> int:
    """One token per three UTF-8 bytes, rounded up.

    BPE tokenizers average about four characters a token on English prose and nearer three on
    clinical text dense with numbers, units and abbreviations; erring high keeps a stitched
    prompt inside a real model's window. Rounding up makes the estimate super-additive, so the
    parts of a prompt never add up to less than the whole.
    """
    return -(-len(text.encode("utf-8")) // 3)
