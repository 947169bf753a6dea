"""The production files (Dockerfile, deploy/docker-compose.yml, deploy/nginx.conf,
deploy/kubernetes/*.yaml) agree with each other and with a running server.

Docker cannot build here, so the image is checked statically, and the command it runs is
started for real (its CMD with a free loopback port) together with the environment the
Kubernetes ConfigMap gives it; the probes and the HEALTHCHECK are run against that server,
and nginx, when installed, is run with deploy/nginx.conf as the TLS proxy in front of it.
"""

import json
import os
import re
import shlex
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from tests.conftest import REPO, _free_port, office_js_call, running_server

DEPLOY = REPO / "deploy"
KUBE = DEPLOY / "kubernetes"


# -- Dockerfile ---------------------------------------------------------------------------


def dockerfile() -> dict:
    """Instructions of the Dockerfile (continuation lines joined), by keyword."""
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n\s*", " ", text)
    found: dict[str, list[str]] = {}
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.setdefault(keyword.upper(), []).append(rest.strip())
    return found


def docker_env() -> dict[str, str]:
    env = {}
    for entry in dockerfile()["ENV"]:
        for item in shlex.split(entry):
            key, _, value = item.partition("=")
            env[key] = value
    return env


def docker_cmd() -> list[str]:
    return json.loads(dockerfile()["CMD"][-1])


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_dockerfile_is_slim_non_root_and_offline():
    instructions = dockerfile()
    assert instructions["FROM"] == ["python:3.11-slim"]
    user = instructions["USER"][-1]
    assert user not in ("root", "0")
    assert f"--uid {user}" in " ".join(instructions["RUN"])
    assert "ADD" not in instructions  # nothing fetched from a URL
    assert any("pip install" in run for run in instructions["RUN"])
    command = docker_cmd()
    assert command[:2] == ["dadeum", "serve"]
    assert option(command, "--workers") == "2"
    assert option(command, "--host") == "0.0.0.0"
    assert instructions["EXPOSE"] == [option(command, "--port")]
    assert docker_env()["XLWINGS_LICENSE_KEY"] == "noncommercial"
    health = instructions["HEALTHCHECK"][0]
    assert f"127.0.0.1:{option(command, '--port')}/" in health
    # The build context leaves out secrets and the test suite.
    ignored = (REPO / ".dockerignore").read_text(encoding="utf-8").split()
    for pattern in (".git", ".venv", "tests", "*.pem", "*.key", ".env", "addin/certs"):
        assert pattern in ignored


# -- docker compose and nginx -------------------------------------------------------------


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))


def nginx_conf() -> str:
    return (DEPLOY / "nginx.conf").read_text(encoding="utf-8")


def test_compose_wires_nginx_app_and_redis():
    services = compose()["services"]
    assert set(services) == {"nginx", "app", "redis"}
    app = services["app"]
    assert app["command"] == docker_cmd()
    assert app["build"]["context"] == ".." and (DEPLOY / ".." / "Dockerfile").is_file()
    env = app["environment"]
    assert env["XLWINGS_LICENSE_KEY"] == "noncommercial"
    redis = urlsplit(env["DADEUM_REDIS_URL"])
    assert redis.hostname in services and str(redis.port) in services["redis"]["expose"]
    assert option(app["command"], "--port") in app["expose"]
    assert app["depends_on"]["redis"]["condition"] == "service_healthy"
    # The token file is a compose secret, mounted where DADEUM_TOKENS_FILE points.
    assert env["DADEUM_TOKENS_FILE"] == f"/run/secrets/{app['secrets'][0]}"
    assert ":/data/keys" in app["volumes"][0] and docker_env()["DADEUM_KEY_DIR"] == "/data/keys"
    nginx = services["nginx"]
    assert "443:443" in nginx["ports"]
    mounts = {v.split(":")[1]: v.split(":")[0] for v in nginx["volumes"]}
    assert (DEPLOY / mounts["/etc/nginx/nginx.conf"]).resolve() == DEPLOY / "nginx.conf"


def test_nginx_proxies_to_the_app_with_room_for_excel():
    conf = nginx_conf()
    app = compose()["services"]["app"]
    assert f"server app:{option(app['command'], '--port')};" in conf
    limit = app["environment"]["DADEUM_MAX_REQUEST_MB"]
    assert re.search(r"client_max_body_size (\d+)m;", conf).group(1) == limit
    assert f"한 번에 {limit} MB까지" in conf  # nginx's 413 says what the app would say
    assert int(re.search(r"proxy_read_timeout (\d+)s;", conf).group(1)) >= 300
    assert "X-Forwarded-Proto $scheme" in conf
    assert "ssl_certificate /etc/nginx/certs/server.crt;" in conf
    assert "$request_uri" not in conf.split("log_format")[1].split(";")[0]  # no query strings


# -- Kubernetes ---------------------------------------------------------------------------


def kube() -> dict[tuple[str, str], dict]:
    documents = {}
    for path in sorted(KUBE.glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document and document.get("kind") != "Kustomization":
                documents[(document["kind"], document["metadata"]["name"])] = document
    return documents


def app_container(documents) -> dict:
    return documents[("Deployment", "dadeum")]["spec"]["template"]["spec"]["containers"][0]


def test_kubernetes_manifests_fit_together():
    documents = kube()
    kustomization = yaml.safe_load((KUBE / "kustomization.yaml").read_text(encoding="utf-8"))
    files = {p.name for p in KUBE.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == files
    assert {kind for kind, _ in documents} == {
        "Namespace", "ConfigMap", "Secret", "Deployment", "Service", "Ingress"
    }  # fmt: skip
    namespaces = {
        d["metadata"].get("namespace") for k, d in documents.items() if k[0] != "Namespace"
    }
    assert namespaces == {kustomization["namespace"]}

    deployment = documents[("Deployment", "dadeum")]
    pod = deployment["spec"]["template"]["spec"]
    container = app_container(documents)
    assert container["command"] == docker_cmd()
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {"http": int(option(docker_cmd(), "--port"))}
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["port"] in ports
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert str(pod["securityContext"]["runAsUser"]) == dockerfile()["USER"][-1]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= (
        deployment["spec"]["template"]["metadata"]["labels"].items()
    )

    service = documents[("Service", "dadeum")]
    assert service["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]
    assert service["spec"]["ports"][0]["targetPort"] in ports

    ingress = documents[("Ingress", "dadeum")]
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == "dadeum"
    assert backend["port"]["name"] == service["spec"]["ports"][0]["name"]
    host = ingress["spec"]["rules"][0]["host"]
    assert ingress["spec"]["tls"][0]["hosts"] == [host]
    notes = ingress["metadata"]["annotations"]
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 300
    settings = documents[("ConfigMap", "dadeum-settings")]["data"]
    body_mb = int(notes["nginx.ingress.kubernetes.io/proxy-body-size"].removesuffix("m"))
    assert body_mb == float(settings["DADEUM_MAX_REQUEST_MB"])

    assert settings["XLWINGS_LICENSE_KEY"] == "noncommercial"
    assert settings["XLWINGS_HOSTNAME"] == host
    assert container["envFrom"][0]["configMapRef"]["name"] == "dadeum-settings"
    redis = urlsplit(settings["DADEUM_REDIS_URL"])
    redis_service = documents[("Service", redis.hostname)]
    assert redis_service["spec"]["ports"][0]["port"] == redis.port
    redis_pod = documents[("Deployment", redis.hostname)]["spec"]["template"]
    assert redis_service["spec"]["selector"] == redis_pod["metadata"]["labels"]

    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    tokens = Path(settings["DADEUM_TOKENS_FILE"])
    secret = volumes["tokens"]["secret"]["secretName"]
    assert str(tokens.parent) == mounts["tokens"]
    assert tokens.name in documents[("Secret", secret)]["stringData"]
    assert settings["DADEUM_KEY_DIR"] == mounts["keys"]
    assert ("Secret", volumes["keys"]["secret"]["secretName"]) in documents


TRAVERSALS = [
    "/static/../../../etc/passwd",
    "/static/%2e%2e/pyproject.toml",
    "/static/%2E%2E/%2E%2E/etc/passwd",
    "/static/..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/js/../../../etc/passwd",
    "/static/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static//etc/passwd",
    "/static/js/ribbon.js%00/../../x",
    "/training/..%2f..%2fpyproject.toml",
]
LEGITIMATE = [
    "/static/js/ribbon.js",
    "/training/01_%EC%97%91%EC%85%80.xlsx",
    "/xlwings/custom-functions-call",
    "/manifest",
    "/xlwings/alert?prompt=..%2f&title=a.b",
]


def test_nginx_refuses_dot_segments_and_encoded_dots():
    conf = nginx_conf()
    found = re.search(r'if \(\$request_uri ~\* "([^"]+)"\) \{\s*return 404;', conf)
    assert found, "nginx.conf has no traversal rule"
    rule = re.compile(found.group(1), re.IGNORECASE)
    for target in TRAVERSALS:
        assert rule.search(target), target
    for target in LEGITIMATE:
        assert not rule.search(target), target
    assert "그런 파일이 없습니다" in conf  # nginx's own 404 is in Korean, as the app's
    # Failed sign-ins are counted per client address: a client must not choose its own.
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in conf
    assert "$proxy_add_x_forwarded_for" not in conf


def _raw_tls_get(port: int, target: str, trust: ssl.SSLContext, host: str) -> tuple[int, bytes]:
    """A GET over TLS with the request target sent as is (clients normalise ``..``)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as plain:
        with trust.wrap_socket(plain, server_hostname=host) as sock:
            request = f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
            sock.sendall(request.encode("latin-1"))
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


# -- the image's command on a real server, behind the real nginx configuration ------------


def _self_signed(folder: Path, name: str) -> tuple[Path, Path]:
    cert, key = folder / "server.crt", folder / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name},IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def image_server(tmp_path_factory):
    """The Dockerfile's CMD on a free loopback port, with the image's and the ConfigMap's
    settings (paths moved into a temporary folder)."""
    folder = tmp_path_factory.mktemp("image")
    token = "t0ken-" + "a1b2c3d4" * 4
    (folder / "tokens.txt").write_text(f"{token} pseudonymize 시험\n", encoding="utf-8")
    env = {**docker_env(), **kube()[("ConfigMap", "dadeum-settings")]["data"]}
    env.update(
        DADEUM_KEY_DIR=str(folder / "keys"),
        DADEUM_TOKENS_FILE=str(folder / "tokens.txt"),
        MPLCONFIGDIR=str(folder / "mpl"),
        DADEUM_REDIS_URL="",  # no Redis in this test; test_deploy_workers covers it
    )
    command = docker_cmd()
    rest = [a for i, a in enumerate(command[2:], 2) if not _is_host_or_port(command, i)]
    log = folder / "server.log"
    with running_server(*rest, env=env, log=log) as base:
        yield base, token, env, log


def _is_host_or_port(command: list[str], index: int) -> bool:
    return command[index] in ("--host", "--port") or command[index - 1] in ("--host", "--port")


def test_probes_and_healthcheck_answer_on_the_image_command(image_server):
    base, token, _, _ = image_server
    port = urlsplit(base).port
    container = app_container(kube())
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        response = httpx.get(base + container[probe]["httpGet"]["path"], timeout=5)
        assert response.status_code == 200, probe  # no token needed for a probe

    healthcheck = json.loads(dockerfile()["HEALTHCHECK"][0].split("CMD", 1)[1])
    assert healthcheck[0] == "python"
    code = healthcheck[2].replace("127.0.0.1:8000", f"127.0.0.1:{port}")
    assert subprocess.run([sys.executable, "-c", code], timeout=30).returncode == 0
    dead = healthcheck[2].replace("127.0.0.1:8000", f"127.0.0.1:{_free_port()}")
    assert subprocess.run([sys.executable, "-c", dead], timeout=30, capture_output=True).returncode

    body = office_js_call("clean_text", [[" 가 "]])
    url = base + "/xlwings/custom-functions-call"
    assert httpx.post(url, json=body).status_code == 401  # DADEUM_AUTH=custom from the ConfigMap
    answer = httpx.post(url, json=body, headers={"Authorization": token})
    assert answer.json() == {"result": [["가"]]}


@pytest.mark.needs("nginx", "openssl")
def test_nginx_conf_terminates_tls_in_front_of_the_app(image_server, tmp_path):
    base, token, env, _ = image_server
    host = env["XLWINGS_HOSTNAME"]
    cert, key = _self_signed(tmp_path, host)
    https_port, http_port = _free_port(), _free_port()
    conf = nginx_conf()
    conf = conf.replace("server app:8000;", f"server 127.0.0.1:{urlsplit(base).port};")
    conf = conf.replace("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl")
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    conf = conf.replace("/etc/nginx/certs/server.crt", str(cert))
    conf = conf.replace("/etc/nginx/certs/server.key", str(key))
    conf = conf.replace("access_log /dev/stdout", f"access_log {tmp_path / 'access.log'}")
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        conf = conf.replace("http {", f"http {{\n    {kind}_temp_path {tmp_path / kind};", 1)
    if os.geteuid() == 0:  # workers would run as nobody, who cannot enter pytest's folders
        conf = "user root;\n" + conf
    (tmp_path / "nginx.conf").write_text(conf, encoding="utf-8")
    directives = f"daemon off; pid {tmp_path / 'nginx.pid'}; error_log {tmp_path / 'error.log'};"
    nginx = subprocess.Popen(
        ["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", directives],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    front = f"https://127.0.0.1:{https_port}"
    trust = ssl.create_default_context(cafile=str(cert))
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(front + "/", verify=trust, timeout=2)
                break
            except httpx.TransportError:
                if nginx.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        nginx.stderr.read().decode() if nginx.poll() is not None else "timeout"
                    ) from None
                time.sleep(0.2)
        with httpx.Client(verify=trust, timeout=30) as client:
            redirect = client.get(f"http://127.0.0.1:{http_port}/manifest")
            assert redirect.status_code == 301
            assert redirect.headers["location"].startswith("https://")
            manifest = client.get(front + "/manifest").text
            assert f"https://{host}/" in manifest and "http://" not in manifest.replace(
                "http://schemas", ""
            ).replace("http://www.w3.org", "")
            url = front + "/xlwings/custom-functions-call"
            body = office_js_call("clean_text", [[" 민원\u00a0접수 "]])
            answer = client.post(url, json=body, headers={"Authorization": token})
            assert answer.json() == {"result": [["민원 접수"]]}
            # Over the limit: a Korean 413 (nginx's, worded as the app's), never a 502.
            limit_mb = float(env["DADEUM_MAX_REQUEST_MB"])
            big = b'{"func_name": "clean_text", "pad": "' + b"x" * int((limit_mb + 1) * 2**20)
            refused = client.post(
                url, content=big, headers={"Authorization": token, "Content-Type": "text/json"}
            )
            assert refused.status_code == 413
            assert "요청이 너무 큽니다" in refused.json()["detail"]
            # Just under the limit still reaches the app (whose guard finds no func_name).
            under = b'{"pad": "' + b"x" * int((limit_mb - 0.5) * 2**20) + b'"}'
            reached = client.post(
                url, content=under, headers={"Authorization": token, "Content-Type": "text/json"}
            )
            assert reached.status_code == 400
            assert "func_name" in reached.json()["detail"]
        for target in TRAVERSALS:
            status, body = _raw_tls_get(https_port, target, trust, "127.0.0.1")
            # nginx itself answers 400 to a raw ".." above the root; the rule the rest.
            assert status in (400, 404), target
            assert b"root:" not in body and b"[project]" not in body, target
            assert status == 400 or "파일이 없습니다" in body.decode("utf-8"), target
        status, body = _raw_tls_get(https_port, "/static/js/ribbon.js", trust, "127.0.0.1")
        ribbon = (REPO / "addin/static/js/ribbon.js").read_bytes()
        assert status == 200 and body.startswith(ribbon[:50])
        access = (tmp_path / "access.log").read_text(encoding="utf-8")
        assert "POST /xlwings/custom-functions-call" in access
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
