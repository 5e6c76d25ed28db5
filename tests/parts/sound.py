"""A real sound server: PulseAudio with a null sink, as every packer's desktop has one.

Offscreen tests have no sound device, so QtMultimedia's audio path never runs there; the
bench froze on machines with sound and no test saw it. `sound_server` (session) starts a
private PulseAudio daemon with a null sink and gives the environment a child process needs
to reach it. Apps are run in a child process: QtMultimedia picks its audio backend once per
process, and the suite's own process has long started without one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

SOUND_HOW_TO = "apt-get install --no-install-recommends pulseaudio pulseaudio-utils"


@dataclass
class SoundServer:
    runtime_dir: Path
    process: subprocess.Popen

    @property
    def env(self) -> dict[str, str]:
        return {"XDG_RUNTIME_DIR": str(self.runtime_dir),
                "PULSE_SERVER": f"unix:{self.runtime_dir / 'pulse' / 'native'}"}

    def sinks(self) -> str:
        out = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True,
                             text=True, env={**os.environ, **self.env}, check=False)
        return out.stdout


def _reachable(runtime_dir: Path) -> bool:
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime_dir),
           "PULSE_SERVER": f"unix:{runtime_dir / 'pulse' / 'native'}"}
    out = subprocess.run(["pactl", "info"], capture_output=True, text=True, env=env, check=False)
    return out.returncode == 0


def start_sound_server() -> SoundServer | None:
    if not (shutil.which("pulseaudio") and shutil.which("pactl")):
        return None
    runtime_dir = Path(tempfile.mkdtemp(prefix="packdesk-pulse-"))
    runtime_dir.chmod(0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime_dir), "HOME": str(runtime_dir)}
    process = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n", "--use-pid-file=no",
         "-L", "module-null-sink", "-L", "module-native-protocol-unix",
         "-L", "module-always-sink"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if _reachable(runtime_dir):
            return SoundServer(runtime_dir, process)
        if process.poll() is not None:
            break
        time.sleep(0.1)  # the daemon's start-up, outside any Qt test
    process.kill()
    return None


@pytest.fixture(scope="session")
def sound_server():
    from tests.parts.require import require_part  # imported late: pytest rewrites it first

    server = start_sound_server()
    require_part(server is not None, "a PulseAudio sound server (pulseaudio, pactl)",
                 SOUND_HOW_TO)
    yield server
    server.process.terminate()
    try:
        server.process.wait(5)
    except subprocess.TimeoutExpired:
        server.process.kill()
    shutil.rmtree(server.runtime_dir, ignore_errors=True)
