# syntax=docker/dockerfile:1
# clinsum's images; the build context is the repository root (compose.yaml builds both).
#   app (default): the browser app, `clinsum worker` and `clinsum db upgrade` on slim Python.
#   gpu: the same clinsum on vLLM's pinned image, for one GPU box whose worker runs the embedded
#        engine (compose profile single-gpu). The engine server alone is engine/Dockerfile.

FROM python:3.11.14-slim-bookworm AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Tesseract reads the scans; its osd data turns sideways pages upright.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd \
    && rm -rf /var/lib/apt/lists/*

# A user of its own, by number, so the platform can tell it is not root. Its home is the data
# folder (a named volume in compose): Docker copies this folder's owner into a new volume.
RUN groupadd --system --gid 10001 clinsum \
    && useradd --system --uid 10001 --gid clinsum --home-dir /var/lib/clinsum --shell /usr/sbin/nologin clinsum \
    && install -d -o clinsum -g clinsum -m 0700 /var/lib/clinsum

WORKDIR /opt/clinsum
COPY pyproject.toml README.md ./
COPY app ./app
COPY engine ./engine
COPY ingestion ./ingestion
COPY ui ./ui
RUN pip install --no-cache-dir . && pip install --no-cache-dir --no-deps -r app/verify/context-requirements.txt \
    && rm -rf build ./*.egg-info

USER 10001:10001
ENV HOME=/var/lib/clinsum \
    CLINSUM_STORE__DATA_DIR=/var/lib/clinsum
WORKDIR /var/lib/clinsum
EXPOSE 8501
# Streamlit's own health endpoint, asked with the Python that is here (the slim image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
CMD ["python", "-m", "ui", "--host", "0.0.0.0", "--port", "8501"]


FROM vllm/vllm-openai:v0.32.0 AS gpu

# Installing clinsum must not move vLLM's own stack: those packages are held at the image's versions
# (a clinsum requirement they cannot meet fails the build here, not the engine at run time).
SHELL ["/bin/bash", "-o", "pipefail", "-c"]

RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 clinsum \
    && useradd --system --uid 10001 --gid clinsum --home-dir /var/lib/clinsum --shell /usr/sbin/nologin clinsum \
    && install -d -o clinsum -g clinsum -m 0700 /var/lib/clinsum

WORKDIR /opt/clinsum
COPY pyproject.toml README.md ./
COPY app ./app
COPY engine ./engine
COPY ingestion ./ingestion
COPY ui ./ui
RUN uv pip freeze --system \
        | grep -iE '^(vllm|torch|torchvision|torchaudio|triton|transformers|tokenizers|xformers|flashinfer-python|numpy)==' \
        > /tmp/held.txt \
    && uv pip install --system --no-cache --constraint /tmp/held.txt . \
    && uv pip install --system --no-cache --no-deps -r app/verify/context-requirements.txt \
    && rm -rf /tmp/held.txt build ./*.egg-info

USER 10001:10001
ENV HOME=/var/lib/clinsum \
    CLINSUM_STORE__DATA_DIR=/var/lib/clinsum
WORKDIR /var/lib/clinsum
# vLLM's image starts `vllm serve`; this one runs a clinsum worker with the embedded engine.
ENTRYPOINT []
CMD ["clinsum", "worker"]
