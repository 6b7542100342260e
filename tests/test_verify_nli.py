"""The bring-your-own NLI checker on a tiny random BERT classifier built here, offline: loading,
a batch, label schemes, and the errors a wrong folder gives. Its weights are random: what it
decides means nothing, only that it decides once per statement with an allowed kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.verify import verify_all
from app.verify.base import Check, Claim, FaultKind
from app.verify.nli import SUPPORTED, NliCheck, NliModelError, label_kinds

WORDS = ("furosemide 40 mg twice daily was started ejection fraction 30 55 percent no known drug allergies "
         "allergic to penicillin the patient echocardiogram shows . ,").split()
PASSAGES = {"P1": "Furosemide 40 mg twice daily was started.", "P2": "Echocardiogram shows ejection fraction 30 percent.",
            "P3": "No known drug allergies."}
STATEMENTS = [("Furosemide 40 mg twice daily was started.", ["P1"]), ("Ejection fraction 55 percent.", ["P2"]),
              ("Allergic to penicillin.", ["P3", "P1"]), ("Not documented in the record.", [])]
NLI_LABELS = {0: "ENTAILMENT", 1: "Neutral", 2: "contradiction"}


def build_classifier(folder: Path, id2label: dict[int, str] = NLI_LABELS) -> Path:
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = {w: i for i, w in enumerate(dict.fromkeys(specials + WORDS))}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])])
    PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                            sep_token="[SEP]", mask_token="[MASK]", model_max_length=64).save_pretrained(folder)
    torch.manual_seed(16)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64, id2label=id2label,
                        label2id={v: k for k, v in id2label.items()})
    BertForSequenceClassification(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    return build_classifier(tmp_path_factory.mktemp("nli") / "tiny-nli")


@pytest.fixture(scope="module")
def nli(model_dir) -> NliCheck:
    return NliCheck(model_dir, batch_size=2)


def claims() -> list[Claim]:
    return [Claim(text, tuple(cites), PASSAGES) for text, cites in STATEMENTS]


def test_loads_and_judges_a_batch_once_per_claim_with_allowed_kinds_only(nli):
    assert isinstance(nli, Check) and nli.name == "nli"
    assert nli.kinds == {0: SUPPORTED, 1: FaultKind.NOT_FOUND, 2: FaultKind.CONTRADICTED}
    found = nli.findings(claims())
    assert len(found) == len(STATEMENTS) and found[3] == ()  # citing nothing: the rules' to flag
    for f in found:
        assert len(f) <= 1 and all(x.kind in (FaultKind.NOT_FOUND, FaultKind.CONTRADICTED) and x.stage == "nli" for x in f)
    assert nli.findings(claims()) == found  # deterministic: eval mode, no dropout


def test_the_premise_is_the_cited_passages_and_the_hypothesis_the_statement(nli, monkeypatch):
    seen = []
    tokenizer = nli._tokenizer
    monkeypatch.setattr(nli, "_tokenizer", lambda p, h, **kw: seen.append((p, h)) or tokenizer(p, h, **kw))
    nli.findings(claims()[:3])
    assert seen[0] == ([PASSAGES["P1"], PASSAGES["P2"]], [STATEMENTS[0][0], STATEMENTS[1][0]])  # batches of 2
    assert seen[1] == ([f"{PASSAGES['P3']} {PASSAGES['P1']}"], [STATEMENTS[2][0]])


def test_every_label_leads_to_its_kind(nli, monkeypatch):
    import torch

    for label, kind in ((0, None), (1, FaultKind.NOT_FOUND), (2, FaultKind.CONTRADICTED)):
        logits = torch.zeros(1, 3)
        logits[0, label] = 5.0
        monkeypatch.setattr(nli, "_model", lambda **_kw: type("Out", (), {"logits": logits})())
        [found] = nli.findings(claims()[1:2])
        assert [f.kind for f in found] == ([kind] if kind else [])
        assert all("P2" in f.reason and "p=0.99" in f.reason for f in found)


def test_verify_all_lists_the_nli_stage(nli):
    verdicts = verify_all([(t, c) for t, c in STATEMENTS], PASSAGES, checks=[nli])
    assert [v.stages for v in verdicts] == [("rules", "nli")] * len(STATEMENTS)


@pytest.mark.parametrize(("labels", "kinds"), [
    ({0: "SUPPORTED", 1: "REFUTED"}, [SUPPORTED, FaultKind.CONTRADICTED]),
    ({0: "not_entailment", 1: "entailment"}, [FaultKind.NOT_FOUND, SUPPORTED]),
    ({0: "supports", 1: "refutes", 2: "not enough info"}, [SUPPORTED, FaultKind.CONTRADICTED, FaultKind.NOT_FOUND]),
    ({"0": "unsupported", "1": "supported"}, [FaultKind.NOT_FOUND, SUPPORTED]),
])
def test_label_schemes(labels, kinds):
    assert list(label_kinds(labels).values()) == kinds


@pytest.mark.parametrize("labels", [{0: "LABEL_0", 1: "LABEL_1"}, {0: "positive", 1: "negative"}, {0: "entailment", 1: "entails"}])
def test_labels_it_cannot_read_are_refused(labels):
    with pytest.raises(NliModelError):
        label_kinds(labels)


def test_a_missing_folder_is_a_clear_error_naming_it(tmp_path):
    with pytest.raises(NliModelError, match=str(tmp_path / "nowhere")):
        NliCheck(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(NliModelError, match=f"{tmp_path / 'empty'} holds no config.json"):
        NliCheck(tmp_path / "empty")


def test_a_model_that_is_not_a_classifier_is_refused(model_dir, tmp_path):
    import shutil

    other = shutil.copytree(model_dir, tmp_path / "masked-lm")
    config = json.loads((other / "config.json").read_text())
    (other / "config.json").write_text(json.dumps({**config, "architectures": ["BertForMaskedLM"]}))
    with pytest.raises(NliModelError, match="masked-lm is not a sequence classifier"):
        NliCheck(other)


def test_a_classifier_with_other_labels_is_refused(tmp_path):
    folder = build_classifier(tmp_path / "sentiment", {0: "negative", 1: "positive"})
    with pytest.raises(NliModelError, match="sentiment is not an NLI or fact-checking model"):
        NliCheck(folder)
