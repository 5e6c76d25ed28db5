"""Sounds and colours for every verdict at the bench.

Each verdict has its own colour and its own sound, so a packer knows what happened
without reading. Where there is no sound device the colours carry it alone: a
QSoundEffect with no device just stays silent.

Two sounds never overlap. When two QSoundEffect voices play at once on PulseAudio, Qt 6.11
destroys the finished one on PulseAudio's engine thread while its socket notifiers belong
to the main thread: the main thread then spins at 100% for good, printing
"QSocketNotifier: Socket notifiers cannot be enabled or disabled from another thread"
(tests/e2e/test_bench_with_sound.py). So a new verdict's sound stops the one still
playing first, as a packer wants anyway: the latest verdict is the one that counts.
"""

from __future__ import annotations

import math
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir
from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect


@dataclass(frozen=True)
class Look:
    background: str
    foreground: str
    sound: str | None
    shape: str = ""  # the warning's shape beside the banner (ui/verdict_shapes.py); "" none
    log_colour: str = ""  # its lines in the scan log (on white); "" is the usual black


LOOKS: dict[str, Look] = {
    "ready": Look("#37474f", "#ffffff", None),
    "opened": Look("#37474f", "#ffffff", "open"),
    "verified": Look("#1b7f3b", "#ffffff", "verified"),
    # confirmed by hand, a supervisor's word: not scan green, and the supervisor's shape
    "manual": Look("#0277bd", "#ffffff", "verified", "person", "#0277bd"),
    "supervisor_needed": Look("#0277bd", "#ffffff", "problem", "person"),
    "undone": Look("#5d4037", "#ffffff", "undo"),
    "dropped": Look("#5d4037", "#ffffff", "undo"),  # an order taken out of a merged parcel
    "complete": Look("#0d47a1", "#ffffff", "complete"),
    "wrong_item": Look("#c62828", "#ffffff", "wrong", "cross", "#c62828"),
    "unknown_code": Look("#c62828", "#ffffff", "wrong", "cross", "#c62828"),
    "duplicate_serial": Look("#c62828", "#ffffff", "wrong", "cross", "#c62828"),
    "over_scan": Look("#ef6c00", "#000000", "over", "plus", "#a84300"),
    "box": Look("#4e342e", "#ffffff", "open"),  # the parcel's box scanned: not an item
    "box_small": Look("#ef6c00", "#000000", "over"),  # a box too small for the items
    "cancelled": Look("#000000", "#ff5252", "cancelled", "octagon", "#000000"),
    "held": Look("#000000", "#ffd740", "cancelled", "octagon", "#000000"),  # set it aside
    "weighing": Look("#455a64", "#ffffff", None),  # waiting for the scale to settle
    "weight_off": Look("#ad1457", "#ffffff", "wrong", "triangle"),  # the weight is off
    "problem": Look("#f9a825", "#000000", "problem"),
    "busy": Look("#00838f", "#ffffff", "problem"),  # open at another station
    "taken_over": Look("#00695c", "#ffffff", "open"),  # moved here by a supervisor
    "label_not_printed": Look("#6a1b9a", "#ffffff", "problem", "label"),  # next order waits
    "label_printed": Look("#0d47a1", "#ffffff", None),  # after "printing…": it did
    # the buyer wrote a note: paper-coloured, a speech bubble, read it before scanning
    "note_unread": Look("#fff8e1", "#3e2723", "problem", "bubble"),
    "note_read": Look("#37474f", "#ffffff", "open"),
}

# The seven warnings a packer must tell apart at a glance, colour-blind or not: each kind
# has a colour and a shape of its own (tests/ui/test_warning_looks.py holds them apart).
WARNING_KINDS: dict[str, tuple[str, ...]] = {
    "wrong_item": ("wrong_item", "unknown_code", "duplicate_serial"),
    "over_scan": ("over_scan",),
    "cancelled_or_held": ("cancelled", "held"),
    "weight_off": ("weight_off",),
    "label_not_printed": ("label_not_printed",),
    "supervisor": ("manual", "supervisor_needed"),
    "buyer_note": ("note_unread",),
}


def look_for(result: str) -> Look:
    return LOOKS.get(result, LOOKS["problem"])


# (frequency Hz, milliseconds) steps; 0 Hz is a pause
TUNES: dict[str, list[tuple[int, int]]] = {
    "open": [(880, 60)],
    "verified": [(1760, 70)],
    "undo": [(660, 60), (0, 30), (440, 60)],
    "complete": [(1047, 90), (1319, 90), (1568, 180)],
    "wrong": [(196, 450)],
    "over": [(523, 120), (0, 60), (523, 120), (0, 60), (523, 120)],
    "cancelled": [(880, 150), (440, 150), (880, 150), (440, 150), (880, 150), (440, 300)],
    "problem": [(330, 200), (262, 250)],
}
RATE = 22050


def _write_tune(path: Path, steps: list[tuple[int, int]]) -> None:
    frames = bytearray()
    for frequency, millis in steps:
        count = RATE * millis // 1000
        for n in range(count):
            fade = min(1.0, n / 200, (count - n) / 200)
            sample = math.sin(2 * math.pi * frequency * n / RATE) if frequency else 0.0
            if frequency and frequency < 300:  # low alarms are harsher as square waves
                sample = 1.0 if sample >= 0 else -1.0
            frames += struct.pack("<h", int(sample * fade * 12000))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


def tune_files() -> dict[str, Path]:
    """WAV files for each tune, written once into the cache folder."""
    folder = Path(user_cache_dir("packdesk", "Packdesk")) / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, steps in TUNES.items():
        path = folder / f"{name}.wav"
        if not path.exists():
            _write_tune(path, steps)
        files[name] = path
    return files


class SoundBoard(QObject):
    """Plays a verdict's sound; silent when sounds are off or there is no device."""

    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: dict[str, QSoundEffect] = {}
        self.last_played: str | None = None
        # No sound device (as on a headless bench): colours carry every verdict alone.
        self.has_device = bool(QMediaDevices.audioOutputs())
        self.enabled = enabled and self.has_device
        if self.enabled:
            for name, path in tune_files().items():
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.8)
                self._effects[name] = effect

    def play(self, result: str) -> None:
        sound = look_for(result).sound
        self.last_played = sound
        if self.enabled and sound and sound in self._effects:
            self._stop_all()
            self._effects[sound].play()

    def _stop_all(self) -> None:
        """Stop every voice, even one that says it has finished: one voice at a time."""
        for effect in self._effects.values():
            if effect.isPlaying() or effect.loopsRemaining():
                effect.stop()
