"""The status bar's sync corner: each channel's last result, progress, offline + queue depth.

The runner calls back from its worker threads; `SyncBridge` lives on the main thread and
re-emits each state as a Qt signal, so the queued connection hands it over and no widget is
touched from a worker.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from sync.runner import ChannelState, SyncRunner
from ui.threads import main_thread_only

NO_CHANNEL_WAIT_MS = 3000  # after "Sync now", how long before "no channel" is said


class SyncBridge(QObject):
    """Created on the main thread; `deliver` may be called from any thread."""

    state_changed = Signal(object)

    def deliver(self, state: ChannelState) -> None:
        self.state_changed.emit(state)


class SyncStatusWidget(QWidget):
    def __init__(self, runner: SyncRunner, parent: QWidget | None = None,
                 open_failed: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.runner, self._open_failed = runner, open_failed
        self.bridge = SyncBridge(self)
        self.states: dict[str, ChannelState] = {s.code: s for s in runner.states()}
        self.summary = QLabel(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # a running sync has no known length
        self.busy.setMaximumWidth(80)
        self.busy.setVisible(False)
        self.sync_now_button = QPushButton(self.tr("Sync now"), self)
        self.sync_now_button.clicked.connect(self._on_sync_now_clicked)
        self.failed_button = QPushButton(self.tr("Failed messages…"), self)
        self.failed_button.clicked.connect(self._on_failed_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.summary, self.busy, self.failed_button, self.sync_now_button):
            layout.addWidget(widget)
        self.bridge.state_changed.connect(self._on_runner_state)
        runner.on_state = self.bridge.deliver
        self._render()

    @Slot(object)
    @main_thread_only
    def _on_runner_state(self, state: ChannelState) -> None:
        self.states[state.code] = state
        self._render()

    @Slot()
    def _on_sync_now_clicked(self) -> None:
        """Something is seen at once: the bar runs until a channel answers, and with no
        channel at all the summary says how to set one up (it stayed silent before)."""
        self.runner.sync_now()  # also picks up channels set up since the runner started
        if not self.states:
            self.summary.setText(self.tr("Looking for sales channels…"))
            QTimer.singleShot(NO_CHANNEL_WAIT_MS, self, self._say_no_channel)
        self.busy.setVisible(True)

    def _say_no_channel(self) -> None:
        if self.states:
            return
        self.busy.setVisible(False)
        self.summary.setText(self.tr(
            "No sales channel set up: add one with “packdesk channel add CODE --kind "
            "shopify” (or woocommerce, taobao), then press Sync now."))
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;")

    @Slot()
    def _on_failed_button_clicked(self) -> None:
        if self._open_failed is not None:
            self._open_failed()

    def channel_text(self, state: ChannelState) -> str:
        if state.running:
            return self.tr("%1: syncing… %2").replace("%1", state.code).replace(
                "%2", state.progress)
        if not state.online and state.offline_until is not None:
            back = state.offline_until.astimezone().strftime("%Y-%m-%d %H:%M")
            return self.tr("%1: OFFLINE until %3, %2 waiting").replace("%1", state.code)\
                .replace("%2", str(state.queue_depth)).replace("%3", back)
        if not state.online:
            return self.tr("%1: OFFLINE, %2 waiting").replace("%1", state.code).replace(
                "%2", str(state.queue_depth))
        text = self.tr("%1: %2").replace("%1", state.code).replace(
            "%2", state.last_result or self.tr("not synced yet"))
        if state.failed:
            text += self.tr(" (%1 failed, waiting for a person)").replace("%1", str(state.failed))
        return text

    def _render(self) -> None:
        states = sorted(self.states.values(), key=lambda s: s.code)
        if not states:
            self.summary.setText(self.tr("No sales channel set up"))
        else:
            self.summary.setText(" · ".join(self.channel_text(s) for s in states))
        offline = [s for s in states if not s.online]
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;" if offline else "")
        self.busy.setVisible(any(s.running for s in states))
        self.failed_button.setVisible(self._open_failed is not None
                                      and any(s.failed for s in states))
        self.setToolTip("\n".join(f"{s.code}: {s.last_result}" for s in states))
