"""A real X display: Xvfb, for the real app driven by xdotool as a scanner would type.

`x_display` (session) starts Xvfb on a free display number (Xvfb picks it: -displayfd) and
gives the DISPLAY value. There is no window manager: keys go to the window xdotool focuses.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

DISPLAY_HOW_TO = "apt-get install --no-install-recommends xvfb xauth xdotool"


def start_xvfb(size: str = "1280x800x24") -> tuple[subprocess.Popen, str] | None:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        return None
    read_end, write_end = os.pipe()
    process = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", size,
                                "-nolisten", "tcp"], pass_fds=(write_end,),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        number = numbers.readline().strip()
    if not number or process.poll() is not None:
        process.kill()
        return None
    return process, f":{number}"


@pytest.fixture(scope="session")
def x_display():
    from tests.parts.require import require_part  # imported late: pytest rewrites it first

    started = start_xvfb()
    require_part(started is not None, "an X server for real windows (Xvfb, xdotool)",
                 DISPLAY_HOW_TO)
    process, display = started
    yield display
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
