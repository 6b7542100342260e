"""The audit page lists the trail, filters it and offers it as CSV (local mode: the one user is its admin)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.ui.conftest import RUN_TIMEOUT, serving

PAGE = Path(__file__).resolve().parents[2] / "ui" / "screens" / "audit.py"


def test_the_audit_page_lists_filters_and_exports(tmp_path: Path) -> None:
    with serving(tmp_path / "data") as ctx:
        with ctx.store.transaction() as s:
            ctx.store.audit(s, "dr_okafor", "summary shown", 7, None, summary=3)
            ctx.store.audit(s, "nurse_lee", "source shown", 8, None, passage="P2")
        at = AppTest.from_file(str(PAGE), default_timeout=RUN_TIMEOUT).run()
        assert not at.exception
        table = at.dataframe[0].value
        assert list(table["who"]) == ["nurse_lee", "dr_okafor"]
        assert "Export as CSV" in [b.proto.label for b in at.get("download_button")]
        at.selectbox[0].select("summary shown")
        at.button[0].click().run()  # the form's submit
        assert list(at.dataframe[0].value["who"]) == ["dr_okafor"]


def test_in_a_deployment_the_audit_page_is_closed_to_whoever_is_not_an_admin(tmp_path: Path) -> None:
    key = tmp_path / "key"
    key.write_text("q" * 43 + "=\n")
    with serving(tmp_path / "data", CLINSUM_MODE="deployment", CLINSUM_STORE__KEY_FILE=str(key)):
        at = AppTest.from_file(str(PAGE), default_timeout=RUN_TIMEOUT).run()
        assert at.error and not at.dataframe and not at.get("download_button")
