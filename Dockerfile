# Dadeum add-in server. Everything is installed when the image is built: at run time the
# container downloads nothing (office.js and all assets are served from the image), so it
# runs on 망분리 networks. TLS ends at nginx (deploy/docker-compose.yml) or the Kubernetes
# Ingress (deploy/kubernetes/); the container itself serves plain HTTP on port 8000.
#
#   docker build -t dadeum .
#   docker run --rm -p 8000:8000 dadeum
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MPLCONFIGDIR=/tmp/matplotlib \
    XLWINGS_ENVIRONMENT=prod \
    XLWINGS_LICENSE_KEY=noncommercial \
    DADEUM_KEY_DIR=/data/keys

# A system user without a shell; the code stays owned by root, so the server cannot change it.
RUN groupadd --system --gid 10001 dadeum \
    && useradd --system --uid 10001 --gid dadeum --home-dir /app --shell /usr/sbin/nologin dadeum \
    && mkdir -p /data/keys \
    && chown dadeum:dadeum /data/keys \
    && chmod 700 /data/keys

WORKDIR /app
COPY . /app
# Editable install: the add-in folder (addin/) is found beside the dadeum package.
RUN pip install -e . \
    && python -c "import xlwings_server, udfs, dadeum.cli.serve"

USER 10001
EXPOSE 8000
VOLUME ["/data/keys"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/', timeout=4)"]
# Options also come from the environment: DADEUM_REDIS_URL, DADEUM_AUTH, DADEUM_CORS_ORIGINS.
CMD ["dadeum", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
