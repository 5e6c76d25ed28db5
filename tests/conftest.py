"""Root test configuration: Qt runs offscreen, and the real-part fixtures are loaded."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")

from pathlib import Path  # noqa: E402

# Every module in tests/parts/ provides fixtures for one real part (store, CUPS, ...).
pytest_plugins = sorted(
    f"tests.parts.{p.stem}"
    for p in (Path(__file__).parent / "parts").glob("*.py")
    if p.stem != "__init__"
)
