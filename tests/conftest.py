"""Root test configuration: Qt runs offscreen, and the real-part fixtures are loaded."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the command line speaks the terminal's language: the suite reads English unless a test asks
os.environ.setdefault("PACKDESK_LANGUAGE", "en")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
os.environ.setdefault("PACKDESK_THREAD_CHECKS", "1")  # ui/threads.py: widget code off-thread raises

# Every module in tests/parts/ provides fixtures for one real part (store, CUPS, ...).
pytest_plugins = sorted(
    f"tests.parts.{p.stem}"
    for p in (Path(__file__).parent / "parts").glob("*.py")
    if p.stem != "__init__"
)


@pytest.fixture(autouse=True)
def _qt_garbage_is_collected_on_the_main_thread(request):
    """What the app does (ui/collector.py), for every test with Qt objects: the cycle
    collector runs on the main thread only, so it cannot destroy a Qt object on a worker
    thread (a segfault), and the test's garbage is collected on the main thread at the end."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("qapp")
    from ui.collector import MainThreadCollector

    collector = MainThreadCollector()
    try:
        yield
    finally:
        collector.stop()
