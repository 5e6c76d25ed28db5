"""How the pack bench looks: large type, readable at arm's length, colour for verdicts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.views import OrderView, ScanLogEntry, by_hand_units, next_to_scan
from ui.feedback import look_for
from ui.i18n import core_text
from ui.order_lines_model import OrderLinesModel
from ui.pack_bench_next import NextItemPanel
from ui.plain_text import plain_labels
from ui.threads import main_thread_only
from ui.verdict_shapes import shape_pixmap

BIG = "font-size: 30px; font-weight: 600;"
ORDER_NUMBER_STYLE = "font-size: 40px; font-weight: 700;"

BANNER_PIXEL_SIZES = (32, 28, 24, 21, 18)  # the verdict banner's font, largest first
SHAPE_SIZE = 96  # the warning's shape at the banner's left
LOG_SHAPE_SIZE = 18
LABEL_STATUS_COLOURS = {True: "#1b5e20", False: "#b71c1c", None: "#37474f"}  # printed, not, sent


class PackBenchView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pending_quantity = 1
        self.order_shown = False  # an order (open or refused) is on screen
        self._first_order: OrderView | None = None  # to paint unseen when the bench shows
        self._build_header()
        self._build_body()
        self._build_footer()
        self.next_item = NextItemPanel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)
        layout.addWidget(self.next_item)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.footer)
        plain_labels(self)  # names, addresses and notes as typed

    def _build_header(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("verdictBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(124)
        self.banner.setAutoFillBackground(True)
        banner_font = QFont(self.banner.font())
        banner_font.setPixelSize(32)
        banner_font.setBold(True)
        self.banner.setFont(banner_font)
        self.banner.setContentsMargins(12, 12, 12, 12)
        self.banner_shape = QLabel(self.banner)  # the warning kind's shape, left of the text
        self.banner_shape.setObjectName("verdictShape")
        self.banner_shape.setFixedSize(SHAPE_SIZE, SHAPE_SIZE)
        self.banner_shape.hide()
        self.banner.installEventFilter(self)
        self.header = QFrame(self)
        self.order_number = QLabel(self.header)
        self.order_number.setStyleSheet(ORDER_NUMBER_STYLE)
        self.order_meta = QLabel(self.header)
        self.order_meta.setStyleSheet("font-size: 18px;")
        self.buyer_note = QLabel(self.header)  # the buyer's note or gift message: prominent
        self.buyer_note.setObjectName("buyerNote")
        self.buyer_note.setWordWrap(True)
        self.buyer_note.setStyleSheet("font-size: 22px; font-weight: 700; color: #3e2723;"
                                      " background: #fff8e1; border: 2px solid #3e2723;"
                                      " padding: 4px;")
        self.buyer_note.hide()
        self.ship_to = QLabel(self.header)
        self.ship_to.setStyleSheet("font-size: 16px;")
        self.ship_to.setWordWrap(True)
        self.progress = QProgressBar(self.header)
        self.progress.setMinimumHeight(34)
        self.progress.setStyleSheet(
            "QProgressBar { font-size: 20px; font-weight: 600; text-align: center;"
            " border: 1px solid #888; border-radius: 4px; background: #fafafa; }"
            " QProgressBar::chunk { background: #81c784; }")
        left = QVBoxLayout()
        left.addWidget(self.order_number)
        left.addWidget(self.order_meta)
        left.addWidget(self.buyer_note)
        row = QHBoxLayout(self.header)
        row.addLayout(left, 2)
        row.addWidget(self.ship_to, 2)
        row.addWidget(self.progress, 1)

    def _build_body(self) -> None:
        self.lines_model = OrderLinesModel(self)
        self.lines = QTableView(self)
        self.lines.setModel(self.lines_model)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.verticalHeader().setVisible(False)
        self.lines.verticalHeader().setDefaultSectionSize(64)
        self.lines.setStyleSheet("QTableView { font-size: 24px; }")
        header = self.lines.horizontalHeader()  # fixed widths: no re-measuring per scan
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.moveSection(5, 1)  # a merged parcel's order column, shown next to the picture
        self.log = QListWidget(self)
        self.log.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.log.setStyleSheet("font-size: 15px;")
        self.log.setWordWrap(True)
        self.log.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.log_title = QLabel(self.tr("Scans of this order"), self)
        side = QVBoxLayout()
        side.addWidget(self.log_title)
        side.addWidget(self.log)
        self.body = QHBoxLayout()
        self.body.addWidget(self.lines, 5)
        self.body.addLayout(side, 2)
        self._set_parcel_columns(False)

    def _build_footer(self) -> None:
        self.footer = QFrame(self)
        self.scan_field = QLineEdit(self.footer)
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(self.tr("Scan, or type a code and press Enter"))
        self.scan_field.setStyleSheet("font-size: 24px; padding: 6px;")
        self.quantity_label = QLabel(self.footer)
        self.quantity_label.setStyleSheet(BIG)
        self.undo_button = QPushButton(self.tr("Undo (F2)"), self.footer)
        self.undo_button.setShortcut("F2")
        self.manual_button = QPushButton(self.tr("Confirm by hand"), self.footer)
        self.hold_button = QPushButton(self.tr("Hold…"), self.footer)
        self.complete_button = QPushButton(self.tr("Complete"), self.footer)
        self.leave_button = QPushButton(self.tr("Leave order"), self.footer)
        self.reprint_button = QPushButton(self.tr("Reprint label (F9)"), self.footer)
        self.reprint_button.setShortcut("F9")
        self.merge_button = QPushButton(self.tr("Pack together"), self.footer)
        self.merge_button.setObjectName("mergeButton")
        self.drop_button = QPushButton(self.tr("Drop order…"), self.footer)
        self.takeover_button = QPushButton(self.tr("Take over…"), self.footer)
        self.takeover_button.setObjectName("takeoverButton")
        self.note_button = QPushButton(self.tr("Note read (F6)"), self.footer)
        self.note_button.setObjectName("noteButton")
        self.note_button.setShortcut("F6")
        self.label_status = QLabel(self.footer)
        self.label_status.setObjectName("labelStatus")
        self.label_status.setWordWrap(True)  # a long reason wraps: never cut off
        self.figures = QLabel(self.footer)  # the queue and the packer's own rate
        self.figures.setObjectName("benchFigures")
        self.figures.setStyleSheet("font-size: 20px; font-weight: 600; color: #263238;")
        row = QHBoxLayout()
        row.addWidget(self.scan_field, 3)
        row.addWidget(self.quantity_label)
        row.addWidget(self.figures, 2)
        buttons = QHBoxLayout()
        for button in (self.note_button, self.takeover_button, self.merge_button,
                       self.drop_button, self.undo_button,
                       self.manual_button, self.hold_button, self.complete_button,
                       self.leave_button, self.reprint_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(44)
            button.setStyleSheet("font-size: 16px;")
            buttons.addWidget(button)
        self.merge_button.setStyleSheet("font-size: 16px; font-weight: 700; background: #ffe082;")
        self.merge_button.hide()
        self.takeover_button.setStyleSheet(
            "font-size: 16px; font-weight: 700; background: #80deea;")
        self.takeover_button.hide()
        self.drop_button.hide()
        self.note_button.setStyleSheet("font-size: 16px; font-weight: 700; background: #fff8e1;"
                                       " border: 2px solid #3e2723;")
        self.note_pending = False
        self.note_button.hide()
        column = QVBoxLayout(self.footer)
        column.addLayout(row)
        column.addLayout(buttons)
        column.addWidget(self.label_status)
        self.set_pending_quantity(1)

    # ---- painting state ----------------------------------------------------------------
    def show_idle(self) -> None:
        self.order_shown = False
        self.order_number.setText(self.tr("Scan an order"))
        self.order_meta.setText(self.tr("Packing slip, waybill or order number"))
        self.ship_to.clear()
        self.buyer_note.hide()
        self._set_progress("", 1, 0)  # no order, no count: not "0 of 1 items"
        self.lines_model.set_lines(())
        self._set_parcel_columns(False)
        self.log.clear()
        self.set_merge_offer(())
        self.drop_button.hide()
        self.next_item.show_line(None)
        self.set_note_pending(False)
        self._set_actions_enabled(False)

    @main_thread_only
    def paint_first_order_ahead(self, order: OrderView | None) -> None:
        """An order (the store's newest, read by the warm-up) to paint once, unseen, when
        the bench first shows: the first order a bench paints costs its packer 20-30 ms
        more than the next ones (the next-item panel shown and laid out the first time,
        the glyphs of the order's script drawn in each size, Qt's enums and a timer's
        overloads made on first use), and the bench shows after the log-in, before the
        first order scan."""
        self._first_order = order
        if self.isVisible():
            self._paint_first_order()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._first_order is not None:
            self._paint_first_order()

    def _paint_first_order(self) -> None:
        """Into a picture no one sees, in one go (the event loop paints the screen only
        after it, idle again); nothing when an order is on screen already."""
        order, self._first_order = self._first_order, None
        if order is None or self.order_shown:
            return
        said, font = self.banner.text(), self.banner.font()
        self.show_order(order, highlight=order.lines[0].sku if order.lines else "")
        self._fit_banner_font(order.number, 0)
        self.banner.setText(order.number)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        picture = QPixmap(self.size().expandedTo(self.minimumSizeHint()))
        self.render(picture)
        QTimer.singleShot(0, self, _nothing)  # what _suggest_lots asks on every order
        self.banner.setFont(font)
        self.banner.setText(said)
        self.show_idle()

    def set_note_pending(self, pending: bool) -> None:
        """A buyer's note to read before the items: its button shows (F6 or PD:NOTEOK)."""
        self.note_pending = pending
        self.note_button.setVisible(pending)

    @main_thread_only
    def show_order(self, order: OrderView, highlight: str = "",
                   log: tuple[ScanLogEntry, ...] | None = None) -> None:
        self.order_shown = True  # until show_idle
        if order.merged:
            self._show_parcel_header(order)
        else:
            _set_style(self.order_number, ORDER_NUMBER_STYLE)
            self.order_number.setText(order.number)
            self.order_meta.setText(
                f"{order.channel} · {order.channel_order_id} · {order.buyer_name}")
        self.buyer_note.setText(self.tr("Note: {0}").format(order.buyer_note)
                                if order.buyer_note else "")
        self.buyer_note.setVisible(bool(order.buyer_note))
        self._set_parcel_columns(order.merged)
        self.lines_model.set_cancelled(frozenset(
            member.number for member in order.parcel if member.status == "cancelled"))
        self.drop_button.setVisible(order.merged)
        self.ship_to.setText(_compact_address(order.ship_to_lines))
        self._set_progress(self.tr("%v of %m items"), max(order.items_expected, 1),
                           order.items_verified)
        self.lines_model.set_lines(order.lines, highlight)
        self.next_item.show_line(next_to_scan(self.lines_model.lines, highlight)
                                 if order.status == "packing" else None)
        if order.status != "packing":
            self.set_note_pending(False)
        if log is not None:
            self.show_log(log)
        self._set_actions_enabled(order.status == "packing")

    def _set_progress(self, text_format: str, maximum: int, value: int) -> None:
        """The items counter. QProgressBar.setValue repaints at once, and with it everything
        else waiting to be painted, halfway through painting an order (the lines were
        painted twice per order scan); with updates off while it changes, the bar is
        painted once, with the rest of the frame."""
        bar = self.progress
        bar.setUpdatesEnabled(False)
        try:
            bar.setFormat(text_format)
            bar.setRange(0, maximum)
            bar.setValue(value)
        finally:
            bar.setUpdatesEnabled(True)

    def _set_parcel_columns(self, merged: bool) -> None:
        """A merged parcel shows each line's order; the other columns give it room, so the
        item's name stays readable."""
        if self.lines.isColumnHidden(5) != merged:
            return  # already laid out this way: no re-measuring per scan
        widths = ((0, 72), (1, 150), (3, 110), (4, 130), (5, 150)) if merged else (
            (0, 72), (1, 190), (3, 150), (4, 240))
        for column, width in widths:
            self.lines.horizontalHeader().resizeSection(column, width)
        self.lines.setColumnHidden(5, not merged)
        self.log_title.setText(self.tr("Scans of this parcel") if merged
                               else self.tr("Scans of this order"))

    def _show_parcel_header(self, order: OrderView) -> None:
        """A merged parcel: how many orders, and one line per order with its progress. The
        heading is smaller and the buyer's name is left to the address beside it, so at
        1280 × 800 the lines below still show more than one row."""
        _set_style(self.order_number, BIG)
        self.order_number.setText(self.tr("One parcel: {0} orders").format(len(order.parcel)))
        rows = []
        for member in order.parcel:
            row = self.tr("{0} · {1} {2} · {3} of {4} items").format(
                member.number, member.channel, member.channel_order_id, member.items_verified,
                member.items_expected)
            if member.status == "cancelled":
                row += " · " + self.tr("CANCELLED: take its items out")
            rows.append(row)
        self.order_meta.setText("\n".join(rows))

    def set_merge_offer(self, offer: tuple[str, ...]) -> None:
        """The 'Pack together' button, while orders for the same buyer and door are ready."""
        self.merge_button.setVisible(bool(offer))
        self.merge_button.setText(self.tr("Pack together (+{0})").format(len(offer)))

    @main_thread_only
    def show_log(self, log: tuple[ScanLogEntry, ...]) -> None:
        self.log.clear()
        self.lines_model.set_by_hand(by_hand_units(log))
        for entry in reversed(log):
            text = f"{entry.at.astimezone():%H:%M:%S}  {core_text(entry.message)}"
            item = QListWidgetItem(("↶ " if entry.undone else "") + text)
            look = look_for(entry.result)
            if entry.undone:
                item.setForeground(Qt.GlobalColor.gray)
            elif look.log_colour:  # wrong item, over-scan, by hand: each its own colour
                item.setForeground(QColor(look.log_colour))
            elif entry.result != "verified":
                item.setForeground(Qt.GlobalColor.red)
            if look.shape and not entry.undone:  # and its own shape, for colour-blind eyes
                item.setIcon(QIcon(shape_pixmap(look.shape, look.log_colour or look.background,
                                                "#ffffff", LOG_SHAPE_SIZE)))
            item.setData(Qt.ItemDataRole.UserRole, entry.result)
            self.log.addItem(item)

    def show_verdict(self, result: str, message: str, sticky: bool = False) -> None:
        """Colour and text of the verdict; a palette change, cheap enough for every scan."""
        look = look_for(result)
        palette = self.banner.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(look.background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(look.foreground))
        self.banner.setPalette(palette)
        self.banner.setFrameStyle(QFrame.Shape.Box | QFrame.Shadow.Plain if sticky
                                  else QFrame.Shape.NoFrame)
        self.banner.setLineWidth(8 if sticky else 0)
        self._paint_shape(look.shape, look.foreground, look.background)
        self._fit_banner_font(message, 8 if sticky else 0)
        self.banner.setText(message)
        self.banner.setProperty("result", result)

    def _paint_shape(self, shape: str, fill: str, mark: str) -> None:
        """A warning's shape at the banner's left (the text moves over for it)."""
        self.banner_shape.setProperty("shape", shape)
        left = 12
        if shape:
            self.banner_shape.setPixmap(shape_pixmap(shape, fill, mark, SHAPE_SIZE))
            self.banner_shape.show()
            self._place_shape()
            left = SHAPE_SIZE + 28
        else:
            self.banner_shape.hide()
        self.banner.setContentsMargins(left, 12, 12, 12)

    def _place_shape(self) -> None:
        self.banner_shape.move(16, max(0, (self.banner.height() - SHAPE_SIZE) // 2))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.banner and event.type() == QEvent.Type.Resize:
            self._place_shape()
        return super().eventFilter(watched, event)

    def _fit_banner_font(self, message: str, frame: int) -> None:
        """The whole message must show: a long one (a weight refused, a label not printed)
        gets a smaller font rather than losing its last lines, down to 18 px."""
        margins = self.banner.contentsMargins()
        width = (max(self.banner.width(), self.width(), 400) - margins.left() - margins.right()
                 - 2 * frame - 8)
        font = QFont(self.banner.font())
        font.setPixelSize(BANNER_PIXEL_SIZES[0])
        # three lines of the largest size, but never more than the banner holds inside its
        # margins and the sticky frame (a long 'label not printed' lost its first and last
        # lines to the frame, seen in the screenshot)
        inside = (max(self.banner.height(), self.banner.minimumHeight()) - margins.top()
                  - margins.bottom() - 2 * frame)
        limit = min(3 * QFontMetrics(font).lineSpacing() + 2, inside)
        for pixels in BANNER_PIXEL_SIZES:
            font.setPixelSize(pixels)
            needed = QFontMetrics(font).boundingRect(
                QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), message).height()
            if needed <= limit:
                break
        if font.pixelSize() != self.banner.font().pixelSize():
            self.banner.setFont(font)

    def set_pending_quantity(self, quantity: int) -> None:
        self.pending_quantity = quantity
        self.quantity_label.setText(f"×{quantity}" if quantity > 1 else "")

    @main_thread_only
    def set_label_status(self, text: str, ok: bool | None) -> None:
        """The label line: green once printed, red when not, grey while only sent."""
        self.label_status.setText(text)
        self.label_status.setProperty("ok", ok)
        weight = 700 if ok is False else 400
        self.label_status.setStyleSheet(
            f"font-size: 16px; font-weight: {weight}; color: {LABEL_STATUS_COLOURS[ok]};")

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in (self.undo_button, self.manual_button, self.hold_button,
                       self.complete_button, self.leave_button, self.merge_button,
                       self.drop_button):
            button.setEnabled(enabled)


def _nothing() -> None:
    """A timer's first use, made ahead."""


def _set_style(widget: QWidget, style: str) -> None:
    """A style sheet set again re-polishes the widget: only when it changes."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def _compact_address(lines: tuple[str, ...]) -> str:
    """The receiver's name on its own line, the rest run together (wrapped): the lines to
    scan keep the screen's height, even at 1280 × 800."""
    if len(lines) <= 2:
        return "\n".join(lines)
    return "\n".join((lines[0], ", ".join(lines[1:])))
