"""The citation verifier gives today's verdict on every labelled case (issue 16, step 1).

The snapshot is `tests/data/verifier_snapshot/*.jsonl`; its module's docstring says when it may be
regenerated. A restructure of the verifier must leave this test green without regenerating.
"""

from __future__ import annotations

import pytest

from tests.data.verifier_snapshot import snapshot

SHOWN = 20  # differences listed in a failure; the count says how many there are


@pytest.mark.parametrize("name", snapshot.SETS)
def test_every_verdict_is_the_snapshots(name: str) -> None:
    stored, now = snapshot.load(name), snapshot.compute(name)
    diff = snapshot.differences(name, stored, now, snapshot.labelled(name)[0])
    assert not diff, (f"{len(diff)} of {len(now)} cases of set {name} differ from the snapshot:\n"
                      + "\n".join(diff[:SHOWN]))


def test_every_set_is_guarded_and_not_empty() -> None:
    # A set dropped from SETS, or a snapshot file left behind by one, is a hole in the guard.
    files = {p.stem for p in snapshot.HERE.glob("*.jsonl")}
    assert files == set(snapshot.SETS)
    assert all(len(snapshot.load(name)) >= 30 for name in snapshot.SETS)


def test_a_changed_verdict_is_named_with_its_set_and_case() -> None:
    stored = snapshot.load("handmade")
    flipped = [dict(row) for row in stored]
    flipped[0]["supported"] = not flipped[0]["supported"]
    cases, _ = snapshot.labelled("handmade")
    (line,) = snapshot.differences("handmade", stored, flipped, cases)
    assert line.startswith(f"handmade {stored[0]['id']} ({cases[0].text[:80]!r}")
    assert f"snapshot supported={stored[0]['supported']}" in line
    assert f"now supported={flipped[0]['supported']}" in line
