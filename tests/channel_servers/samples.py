"""Loads the authentic channel samples the servers build their payloads from."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

SAMPLES = Path(os.environ.get("PACKDESK_CHANNEL_SAMPLES", "/work/shared/channel_samples"))


def load(relative: str) -> Any:
    return json.loads((SAMPLES / relative).read_text(encoding="utf-8"))


def fresh(relative: str) -> Any:
    return copy.deepcopy(load(relative))
