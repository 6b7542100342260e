"""The verifier package's public surface: what app/, benchmarks/ and tests may use."""

from app.verify import clear_caches, verify

PASSAGES = {"P1": "Metoprolol 25 mg PO BID was started for atrial fibrillation."}


def test_clear_caches_keeps_every_verdict() -> None:
    before = verify("Metoprolol 50 mg twice daily was started.", ["P1"], PASSAGES)
    clear_caches()
    assert verify("Metoprolol 50 mg twice daily was started.", ["P1"], PASSAGES) == before
    assert not before.supported
