"""Per-station settings, kept as JSON in the user's config directory.

A broken settings file is never fatal: it is set aside as settings.json.broken and the
defaults are used, with the reason reported to the caller.
"""

from __future__ import annotations

import json
import socket
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from app.domain.messages import Msg


@dataclass
class StationSettings:
    station_id: str = ""
    language: str = ""  # "" follows the system locale; "en" or "zh_CN"
    idle_lock_minutes: int = 5
    wedge_max_mean_gap_ms: int = 30
    wedge_min_length: int = 4
    wedge_suffix: str = ""  # extra terminator besides Enter and Tab
    label_folder: str = ""
    label_size: str = "4x6"
    label_printer: str = "pdf_folder"  # pdf_folder | cups | zpl_tcp
    label_printer_target: str = ""  # folder, CUPS queue name, or host:port
    label_dpi: int = 203
    slip_printer: str = "pdf_folder"  # packing and return slips, A4 or Letter
    slip_printer_target: str = ""
    slip_paper: str = "A4"
    store_timezone: str = ""  # return windows count days here; "" is the machine's zone
    currency: str = "CNY"  # the shop's currency (ISO 4217): amounts at the counter show it
    serial_port: str = ""
    serial_baud: int = 9600
    camera: str = ""  # "", a camera index, or a video / image-sequence path
    scale_port: str = ""  # a serial port, or /dev/hidrawN for a USB HID scale
    scale_protocol: str = "text"  # mt-sics | cas | dibal | text | hid
    scale_baud: int = 9600
    scale_line_pattern: str = ""  # for "text": a regular expression; "" is the common format
    weight_tolerance_g: float = 20.0  # the gate allows the larger of these two
    weight_tolerance_percent: float = 5.0
    box_tare_g: float = 0.0  # the usual box's weight, when no box is scanned
    pack_video: bool = True  # film each parcel with the station's camera, if it has one
    pack_video_size: str = "1280x720"
    pack_video_fps: int = 15
    pack_video_folder: str = ""  # "" is pack-videos in the data folder
    pack_video_keep_free_mb: int = 2048  # filming stops with less than this free (an alert)
    pack_video_side_camera: str = ""  # a second camera (index or video file), inset in clips
    sounds: bool = True
    buyer_note_ack: bool = True  # a buyer's note is read (PD:NOTEOK) before items are scanned
    full_screen: bool = True  # the bench fills the screen; F11 or Esc changes it, kept here

    def effective_station_id(self) -> str:
        return self.station_id or socket.gethostname().split(".")[0]

    def effective_label_folder(self) -> Path:
        folder = Path(self.label_folder) if self.label_folder else data_dir() / "labels"
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def data_dir() -> Path:
    folder = Path(user_data_dir("packdesk", "Packdesk"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settings_path() -> Path:
    return Path(user_config_dir("packdesk", "Packdesk")) / "settings.json"


def load_settings(path: Path | None = None) -> tuple[StationSettings, str | None]:
    """The station's settings, and a warning when the file could not be used."""
    path = path or settings_path()
    if not path.exists():
        return StationSettings(), None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError(Msg("the file does not hold a JSON object"))
        known = {f.name: f.type for f in fields(StationSettings)}
        values = {k: v for k, v in raw.items() if k in known}
        return StationSettings(**values), None
    except (OSError, ValueError, TypeError) as exc:
        broken = path.with_suffix(".json.broken")
        try:
            path.replace(broken)
        except OSError:
            pass
        return StationSettings(), f"Settings file {path} could not be read ({exc}); defaults used."


def save_settings(settings: StationSettings, path: Path | None = None) -> None:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
