"""`clinsum teams`: hospital IT makes care teams, puts users in them and patients in their care."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from app.store import Store
from app.store.patients import create_patient
from app.store.teams import may_see
from app.store.users import create_user
from tests.test_cli_users import CLINSUM, deployment  # noqa: F401  (a fixture)


def teams(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CLINSUM, "teams", *args], capture_output=True, text=True, timeout=120, env=env)


def test_teams_members_and_patients_from_the_terminal(deployment: dict[str, str]) -> None:  # noqa: F811
    assert teams(deployment, "list").stdout.startswith("No teams yet")
    assert teams(deployment, "add", "Cardiology").stdout.strip() == "Added team Cardiology."
    again = teams(deployment, "add", "cardiology")
    assert again.returncode == 1 and again.stderr.strip() == "A team named 'cardiology' exists already."
    store = Store(deployment["CLINSUM_STORE__URL"], Path(deployment["CLINSUM_STORE__DATA_DIR"]) / "files",
                  Path(deployment["CLINSUM_STORE__KEY_FILE"]).read_text())
    try:
        nurse = create_user(store, "nurse.a", "clinician", None)
        patient = create_patient(store, "ward 9 bed 4")
        assert teams(deployment, "member", "CARDIOLOGY", "Nurse.A").returncode == 0
        placed = teams(deployment, "patient", "Cardiology", "Ward 9  bed 4")  # as the label matches anywhere
        assert placed.returncode == 0 and "ward 9" not in placed.stdout.lower()  # no label echoed back
        assert may_see(store, nurse.id, patient.id)
        listed = json.loads(teams(deployment, "list", "--json").stdout)
        assert listed == {"teams": [{"name": "Cardiology", "members": ["nurse.a"], "patients": 1}]}
        assert "members: nurse.a" in teams(deployment, "list").stdout
        assert teams(deployment, "patient", "Cardiology", "ward 9 bed 4", "--remove").returncode == 0
        assert not may_see(store, nurse.id, patient.id)
        assert teams(deployment, "member", "Cardiology", "nurse.a", "--remove").returncode == 0
        assert json.loads(teams(deployment, "list", "--json").stdout)["teams"][0]["members"] == []
    finally:
        store.close()
    for args, said in ((("member", "Renal", "nurse.a"), "There is no such team; `clinsum teams list` lists them."),
                       (("member", "Cardiology", "nobody"), "There is no such user; `clinsum users list` lists them."),
                       (("patient", "Cardiology", "bay 99"), "There is no patient with that label.")):
        refused = teams(deployment, *args)
        assert refused.returncode == 1 and refused.stderr.strip() == said, args
