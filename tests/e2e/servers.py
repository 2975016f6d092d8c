"""Starting and stopping real servers for the browser tests (the dashboard, a test provider)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, seconds: float = 60,
                       path: str = "/_stcore/health", expect: str | None = "ok") -> None:
    """Poll `path` until it answers (with `expect`, if given)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}{path}", timeout=2) as answer:
                if expect is None or answer.read().decode() == expect:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not become healthy in {seconds}s")


@dataclass
class Server:
    """A running dashboard."""

    url: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        """What the server printed (for failure messages)."""
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_server(data_dir: Path, host: str = "127.0.0.1", port: int | None = None,
                 extra_args: list[str] | None = None,
                 env: dict[str, str] | None = None) -> Server:
    """Start the dashboard (through ui.launch) on a free port and wait until it answers."""
    port = port or free_port()
    command = [sys.executable, "-m", "ui.launch", "--server.headless", "true",
               "--server.port", str(port), "--server.address", host,
               "--browser.gatherUsageStats", "false",
               *(extra_args or [])]
    log = data_dir / f"server-{port}.log"
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "OUTCOMES_DATA_DIR": str(data_dir), **(env or {})})
    server = Server(f"http://{host}:{port}", process, log)
    try:
        wait_until_healthy(server.url, process)
    except Exception:
        process.kill()
        raise
    return server


def stop_server(server: Server) -> None:
    """Stop a server started by start_server."""
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
