"""Play a pack video at the moment of a scan: from an order's history, the order board and
the returns counter.

Qt Multimedia (FFmpeg) decodes and seeks on its own threads; the main thread only paints
the frame it is handed (QVideoSink → QImage → QLabel), so no decoding or seeking ever
runs on it. Finding the clip reads the store on the I/O pool. A clip that was never
filmed, pruned by retention, or whose file is on another station's disk says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.services.clips import ClipMoment, open_clip_at
from ui.i18n import core_text

_MS = Qt.ItemDataRole.UserRole


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60:d}:{seconds % 60:02d}.{max(0, ms) % 1000 // 100:d}"


class ClipPlayer(QDialog):
    """One clip, paused on the frame at the scan's moment; play, pause, drag, or pick a
    scan from the clip's log to go to it."""

    frame_shown = Signal(int)  # the shown frame's time in the clip (ms)

    def __init__(self, moment: ClipMoment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        clip = moment.clip
        self.moment = moment
        self.shown_image = None  # the QImage on screen, once a frame arrived
        self.setWindowTitle(self.tr("Pack video of order %1").replace("%1", clip.order_number))
        self.screen_label = QLabel(self.tr("Loading the clip…"), self)
        self.screen_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.screen_label.setMinimumSize(640, 360)
        self.screen_label.setStyleSheet("background: #111; color: #ddd;")
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.clicked.connect(self._on_play_button_clicked)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.sliderMoved.connect(self._on_slider_moved)
        self.time_label = QLabel(self)
        self.scans = QListWidget(self)
        for event in clip.events:
            item = QListWidgetItem(f"{_clock(int(event['at_ms']))}  {event['text']}")
            item.setData(_MS, int(event["at_ms"]))
            self.scans.addItem(item)
        self.scans.itemActivated.connect(self._on_scans_item_activated)
        self.scans.itemDoubleClicked.connect(self._on_scans_item_activated)
        self.about = QLabel(self.tr("%1 · station %2 · filmed %3 · checksum %4").replace(
            "%1", clip.order_number).replace("%2", clip.station).replace(
            "%3", clip.started_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")).replace(
            "%4", clip.sha256[:12]), self)
        self._layout()
        self.player = QMediaPlayer(self)
        self.sink = QVideoSink(self)
        self.player.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._on_sink_video_frame_changed)
        self.player.durationChanged.connect(self.slider.setMaximum)
        self.player.positionChanged.connect(self._on_player_position_changed)
        self.player.mediaStatusChanged.connect(self._on_player_media_status_changed)
        self.player.playbackStateChanged.connect(self._on_player_playback_state_changed)
        self.player.errorOccurred.connect(self._on_player_error_occurred)
        self._seek_to: int | None = moment.offset_ms
        # the seek whose picture is awaited: nothing decoded before it is shown
        self._opening_at: int | None = moment.offset_ms
        self._held_frame: QVideoFrame | None = None
        self._fallback = QTimer(self, singleShot=True, interval=500)
        self._fallback.timeout.connect(self._on_fallback_timeout)
        self.player.setSource(QUrl.fromLocalFile(clip.path))
        self.resize(900, 640)

    def _layout(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.screen_label, 1)
        layout.addLayout(controls)
        layout.addWidget(self.about)
        layout.addWidget(QLabel(self.tr("Scans in this clip (double-click to go there):"),
                                self))
        layout.addWidget(self.scans)

    def seek(self, ms: int) -> None:
        """Show the frame at `ms` (paused if it was paused); the backend seeks off-thread."""
        self.player.setPosition(max(0, ms))

    # ---- the player's news ---------------------------------------------------------------
    def _on_player_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._seek_to is not None:
            at, self._seek_to = self._seek_to, None
            self.player.pause()  # a paused player shows the frame it was sent to
            # at a scan: the first frame after it, the one with its verdict burned in
            after = self._frame_ms() if at > 0 else 0
            self._open_at(min(at + after, self._last_frame_ms(0.5)))
        elif status == QMediaPlayer.MediaStatus.EndOfMedia and self.shown_image is None:
            self._open_at(self._last_frame_ms(3))  # nothing shown: the clip's last pictures

    def _open_at(self, ms: int) -> None:
        """The first picture shown is the one at `ms`, not one decoded before the seek."""
        self._opening_at = max(0, int(ms))
        self.seek(self._opening_at)

    def _frame_ms(self) -> float:
        return self.player.duration() / max(1, self.moment.clip.frames)

    def _last_frame_ms(self, frames_short: float) -> int:
        """A seek at or past the last frame finds no frame to show, and the label's scan is
        in a clip's last moments: stop a few frames short of the end."""
        return max(0, int(self.player.duration() - frames_short * self._frame_ms()))

    def _on_sink_video_frame_changed(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        if self._opening_at is not None:
            if frame.startTime() // 1000 < self._opening_at - 2 * self._frame_ms():
                self._held_frame = frame  # decoded before the seek landed: shown only if
                self._fallback.start()  # no nearer picture comes
                return
            self._opening_at = None
            self._fallback.stop()
        self._show_frame(frame)

    def _on_fallback_timeout(self) -> None:
        if self.shown_image is None and self._held_frame is not None:
            self._opening_at = None
            self._show_frame(self._held_frame)

    def _show_frame(self, frame: QVideoFrame) -> None:
        image = frame.toImage()
        if image.isNull():
            return
        self.screen_label.setPixmap(QPixmap.fromImage(image).scaled(
            self.screen_label.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.shown_image = image
        self.frame_shown.emit(frame.startTime() // 1000)

    def _on_player_position_changed(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self.time_label.setText(f"{_clock(ms)} / {_clock(self.player.duration())}")

    def _on_player_playback_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _on_player_error_occurred(self, _error, text: str) -> None:
        self.screen_label.setText(self.tr("This clip cannot be played: %1").replace("%1", text))

    # ---- the person's clicks --------------------------------------------------------------
    def _on_play_button_clicked(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def _on_slider_moved(self, ms: int) -> None:
        self.seek(ms)

    def _on_scans_item_activated(self, item: QListWidgetItem) -> None:
        self.seek(int(item.data(_MS)))

    def done(self, result: int) -> None:  # noqa: D102 (Qt's name): stop decoding on close
        self.player.stop()
        super().done(result)


class ClipOpener(QObject):
    """Finds an order's clip at a moment on the I/O pool, then opens the player or says
    why there is nothing to play."""

    player_opened = Signal(object)  # the ClipPlayer, once shown
    nothing_to_play = Signal(str)  # the sentence shown instead

    def __init__(self, uow_factory, run: Callable, parent: QWidget | None = None,
                 file_exists: Callable[[str], bool] = os.path.isfile) -> None:
        super().__init__(parent)
        self._uow_factory, self._run, self._file_exists = uow_factory, run, file_exists
        self._parent = parent

    def open_at(self, order_number: str, moment: datetime | None = None,
                parent: QWidget | None = None) -> None:
        where = parent or self._parent
        self._run(lambda: open_clip_at(self._uow_factory(), order_number, moment,
                                       self._file_exists),
                  lambda found: self._on_found(found, where),
                  lambda error: self._say(str(error), where))

    def _on_found(self, found: ClipMoment, where: QWidget | None) -> None:
        if found.problem:
            self._say(core_text(found.problem), where)
            return
        player = ClipPlayer(found, where)
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.show()
        self.player_opened.emit(player)

    def _say(self, text: str, where: QWidget | None) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Pack video"), text,
                          QMessageBox.StandardButton.Ok, where)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.nothing_to_play.emit(text)
