"""Packdesk: wiring only. Parse arguments, open the store, build services, start Qt."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from app.domain.messages import Msg
from app.domain.translation import (
    TranslatedParser,
    environment_language,
    for_terminal,
    language_argument,
    said,
    translate,
)


def _station_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database URL or SQLite path (default: PACKDESK_DB, "
                        "then packdesk.db in the user data folder)")
    parser.add_argument("--station", help="this station's id (default: the host name)")
    parser.add_argument("--lang", type=language_argument, metavar="{en,zh_CN}",
                        help="UI language")


def _parser() -> argparse.ArgumentParser:
    parser = TranslatedParser(prog="packdesk", description="Packing bench and returns counter")
    _station_options(parser)
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", help="create a demo store to pack from")
    demo.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    demo.add_argument("--if-missing", action="store_true",
                      help="do nothing when the store already has orders")
    demo.add_argument("--sheet", nargs="?", const="", help="also write a printable PDF of "
                      "demo barcodes here (no file named: demo-barcodes.pdf in the data folder)")
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--history-days", type=int, default=21,
                      help="days of packing history behind the demo (0: none)")
    init = commands.add_parser("init", help="set up an empty store: its first supervisor")
    init.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    init.add_argument("--supervisor", required=True, help="the first supervisor's name")
    people = commands.add_parser("people", help="who packs, takes returns and supervises")
    people.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    people_what = people.add_subparsers(dest="people_command", required=True)
    people_add = people_what.add_parser("add", help="a new packer, clerk or supervisor")
    people_add.add_argument("name")
    people_add.add_argument("--role", default="packer", choices=["packer", "clerk", "supervisor"])
    people_what.add_parser("list", help="everyone, with role and whether they may log in")
    for verb, text in (("disable", "someone who left: no log-in, history keeps the name"),
                       ("enable", "someone disabled, back again"),
                       ("reset-pin", "a new PIN for someone who forgot theirs")):
        people_what.add_parser(verb, help=text).add_argument("name")
    people_role = people_what.add_parser("role", help="make someone a packer, clerk or "
                                         "supervisor")
    people_role.add_argument("name")
    people_role.add_argument("role", choices=["packer", "clerk", "supervisor"])
    from printing.report_cli import add_commands as add_report_commands
    from printing.return_documents import add_commands as add_returns_commands
    from printing.shipping_cli import add_commands as add_shipping_commands
    from scanners.cli import build_parser as decode_parser
    from scanners.clips_cli import add_commands as add_clips_commands
    from sync.catalogue_cli import add_commands as add_catalogue_commands
    from sync.cli import add_commands as add_sync_commands
    from sync.orders_cli import add_commands as add_orders_commands
    from sync.shipments_cli import add_commands as add_shipments_commands

    decode_parser(commands.add_parser("decode", help="decode barcodes in image files"))
    add_sync_commands(commands)
    add_orders_commands(commands)
    add_shipments_commands(commands)
    add_report_commands(commands)
    add_returns_commands(commands)
    add_clips_commands(commands)
    add_catalogue_commands(commands)
    add_shipping_commands(commands)
    print_cmd = commands.add_parser("print", help="print documents headless")
    print_cmd.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    print_what = print_cmd.add_subparsers(dest="document", required=True)
    label = print_what.add_parser("label", help="render an order's shipping label")
    label.add_argument("order")
    label.add_argument("--pdf", required=True, help="write the label PDF here")
    label.add_argument("--size", default="4x6", choices=["4x6", "100x150"])
    label.add_argument("--override", action="store_true", help="label an order on hold or "
                       "in review anyway (asks for a supervisor's name and PIN)")
    slip = print_what.add_parser("slip", help="render an order's packing slip")
    slip.add_argument("order")
    slip.add_argument("--pdf", required=True, help="write the packing slip PDF here")
    slip.add_argument("--paper", default="A4", choices=["A4", "Letter"])
    slip.add_argument("--lang", dest="slip_lang", default="en", type=language_argument,
                      metavar="{en,zh_CN}")
    products = print_what.add_parser("product-labels", help="product or shelf labels")
    products.add_argument("skus", nargs="+", metavar="SKU")
    products.add_argument("--pdf", required=True, help="write the labels PDF here")
    return parser


class _QuietParser(argparse.ArgumentParser):
    """A first look at the command line that says nothing: the whole parser says it."""

    def error(self, message: str):
        raise argparse.ArgumentError(None, message)


def _parser_for(argv: list[str] | None) -> argparse.ArgumentParser:
    """The station's own parser when the command line names no command (how a bench
    starts): building every command's parser imports most of Packdesk (printing, sync,
    reports), and the station's window would wait for it. Anything else (a command,
    --help, an error) gets the whole parser, which says it as before."""
    pre = _QuietParser(add_help=False, exit_on_error=False)
    _station_options(pre)
    try:
        _known, rest = pre.parse_known_args(sys.argv[1:] if argv is None else argv)
    except argparse.ArgumentError:
        return _parser()
    if rest:
        return _parser()
    station = TranslatedParser(prog="packdesk", description="Packing bench and returns counter")
    _station_options(station)
    station.set_defaults(command=None)
    return station


def _open(args, station: str | None = None, print_notices: bool = True):
    """Open the store as this station. What the store has to say (a backup made) the CLI
    prints; the bench shows it in its status bar instead."""
    import socket

    from app.adapters.store import open_store, resolve_store_url

    store = open_store(resolve_store_url(getattr(args, "sub_db", None) or args.db),
                       station=station or args.station or socket.gethostname())
    if print_notices:
        store.notices.listen(lambda text: print(f"packdesk: {text}", file=sys.stderr))
    return store


def _settings(args):
    from app.settings import load_settings

    settings, warning = load_settings()
    if warning:
        print(warning, file=sys.stderr)
    if args.station:
        settings.station_id = args.station
    if args.lang:
        settings.language = args.lang
    return settings


def cmd_demo(args) -> int:
    from app.adapters.unit_of_work import uow_factory
    from app.services.demo import build_demo, pack_history
    from app.services.store_facts import order_count

    store = _open(args)
    uow = uow_factory(store.session_factory, station="demo")
    if order_count(uow()) and args.if_missing:
        print(for_terminal(Msg("Demo store already there: {url}", url=store.url)))
    else:
        if order_count(uow()):
            print(for_terminal(Msg("The store at {url} already has orders; not adding a demo.",
                                   url=store.url)), file=sys.stderr)
            return 2
        from app.settings import data_dir

        summary = build_demo(uow(), seed=args.seed, image_dir=data_dir() / "demo-images",
                             together=True)
        history = pack_history(uow(), days=args.history_days, seed=args.seed) \
            if args.history_days > 0 else 0
        print(for_terminal(Msg("Demo store created at {url}: {products} products, {orders} "
                               "orders to pack, {history} packed over the last {days} days.",
                               url=store.url, products=summary.products,
                               orders=summary.orders, history=history,
                               days=args.history_days)))
        for name, pin, role in summary.packers:
            print(for_terminal(Msg("  log in as {name!r} with PIN {pin} ({role})", name=name,
                                   pin=pin, role=role)))
    if args.sheet is not None:
        from app.settings import data_dir

        _write_demo_sheet(uow, Path(args.sheet) if args.sheet else
                          data_dir() / "demo-barcodes.pdf")
    return 0


def _write_demo_sheet(uow, path: Path) -> None:
    import re

    from app.services.demo import DEMO_ORDERS, DEMO_PACKERS, same_door_numbers
    from app.services.queries import orders_for_sheet, products_for_sheet
    from printing.order_documents import render_demo_sheet

    together = [number for numbers in same_door_numbers(DEMO_ORDERS) for number in numbers]
    orders = orders_for_sheet(uow(), [f"PD-{100001 + i}" for i in range(30)] + together)
    skus = sorted({sku for o in orders for sku in re.findall(r"([\w-]+)×", o.summary)})
    products = products_for_sheet(uow(), skus)
    path.parent.mkdir(parents=True, exist_ok=True)
    render_demo_sheet(orders, products, [(n, p, r.value) for n, p, r in DEMO_PACKERS], str(path),
                      language=environment_language())
    print(for_terminal(Msg("Barcode sheet for the demo: {path}", path=str(path.resolve()))))


def cmd_decode(args) -> int:
    from scanners.cli import decode_main

    return decode_main([str(Path(p)) for p in args.images], args.json)


def cmd_print(args) -> int:
    from app.adapters.unit_of_work import uow_factory
    from app.services.labels import label_for_order, packing_slip_for
    from app.services.queries import products_for_sheet
    from app.services.receiver_reveal import reveal_for_print
    from printing.documents import ProductLabel
    from printing.labels import render_shipping_label
    from printing.order_documents import label_data, packing_slip_data
    from printing.sheets import render_packing_slip, render_product_labels

    uow = uow_factory(_open(args).session_factory)

    def reveal():
        """A masked marketplace receiver decrypted for this document, where the channel may."""
        from sync.credentials import CredentialStore
        from sync.receiver_reveal import ChannelReceiverReveal
        from sync.runner import adapter_factory

        return ChannelReceiverReveal.from_store(uow, adapter_factory(CredentialStore()))

    if args.document == "label":
        from app.services.shipments import carrier_label_of_order

        issued = carrier_label_of_order(args.order, uow())
        if issued is not None and issued.label_format == "pdf":  # the carrier's, as it came
            Path(args.pdf).write_bytes(issued.label)
            print(issued.tracking_number)
            return 0
        completion = label_for_order(uow(), args.order, getattr(args, "supervisor_ok", ""))
        render_shipping_label(label_data(reveal_for_print(completion, reveal())), args.pdf,
                              size=args.size)
        print(completion.tracking_number)
    elif args.document == "slip":
        slip = reveal_for_print(packing_slip_for(uow(), args.order), reveal())
        render_packing_slip(packing_slip_data(slip), args.pdf, args.paper, args.slip_lang)
        print(args.pdf)
    else:
        found = products_for_sheet(uow(), args.skus)
        missing = sorted(set(args.skus) - {p.sku for p in found})
        if missing:
            print(for_terminal(Msg("packdesk print: no product {skus}", skus=", ".join(missing))),
                  file=sys.stderr)
            return 2
        render_product_labels([ProductLabel(p.sku, p.name, p.code, "ean13" if len(p.code) == 13
                                            else "code128") for p in found
                               if p.pack_quantity == 1], args.pdf)
        print(args.pdf)
    return 0


def cmd_carrier(args) -> int:
    """`packdesk carrier add|list` (an own number range), `set|key` (a carrier's API)."""
    return cmd_products(args) if args.carrier_command in ("add", "list") else cmd_shipping(args)


def cmd_shipping(args) -> int:
    from printing.carriers.credentials import CarrierCredentialStore
    from printing.shipping_cli import run
    from sync.taobao_top import sign

    return run(args, CarrierCredentialStore(), top_sign=sign, signers=_platform_signers())


def _platform_signers() -> dict:
    """The Chinese platforms' signers their own e-waybills need (printing/ may not import
    sync/, so the wiring hands them in, as the TOP signer for Cainiao)."""
    from sync import douyin
    from sync.cn_open import md5_wrapped

    return {"pdd_sign": md5_wrapped, "douyin_sign": douyin.sign, "jos_sign": md5_wrapped}


def cmd_orders(args) -> int:
    from sync.orders_cli import run

    return run(args)


def cmd_shipments(args) -> int:
    from sync.shipments_cli import run

    return run(args)


def _new_pin(who: str, variable: str = "PACKDESK_NEW_PIN") -> str:
    """A PIN typed twice at the terminal, or from the environment for scripts (never an
    argument: it would stay in the shell's history). PACKDESK_PIN is the supervisor's own
    (init's first supervisor, and the approval of a supervisor's command); a new person's
    PIN is PACKDESK_NEW_PIN."""
    pin = os.environ.get(variable)
    if pin is not None:
        return pin
    if not sys.stdin.isatty():
        raise SystemExit(for_terminal(Msg("packdesk: no terminal to ask the PIN on; set "
                                          "{variable}", variable=variable)))
    import getpass

    pin = getpass.getpass(for_terminal(Msg("PIN for {who} (4 to 8 digits): ", who=who)))
    if getpass.getpass(for_terminal(Msg("The same PIN again: "))) != pin:
        raise SystemExit(for_terminal(Msg("packdesk: the two PINs differ; nothing was changed")))
    return pin


def cmd_init(args) -> int:
    from app.adapters.unit_of_work import uow_factory
    from app.services.people import init_store

    store = _open(args)
    try:
        person = init_store(uow_factory(store.session_factory, station="cli")(),
                            args.supervisor, _new_pin(args.supervisor, "PACKDESK_PIN"))
    finally:
        store.dispose()
    print(for_terminal(Msg(
        "Store ready at {url}. {name} is its supervisor. Next: add products (packdesk products "
        "add, or packdesk products import FILE), people (packdesk people add), a carrier "
        "(packdesk carrier add), connect a channel (packdesk channel add), and start Packdesk "
        "to pack.", url=store.url, name=person.name)))
    return 0


def cmd_people(args) -> int:
    from app.adapters.unit_of_work import uow_factory
    from app.services import people

    store = _open(args)
    try:
        uow = uow_factory(store.session_factory, station="cli")()
        command = args.people_command
        if command == "list":
            for person in people.list_people(uow):
                state = "active" if person.active else "disabled"
                print(f"{person.name}\t{person.role}\t{state}")
            return 0
        if command == "add":
            done = people.add_person(uow, args.name, _new_pin(args.name), args.role)
        elif command == "reset-pin":
            done = people.reset_pin(uow, args.name, _new_pin(args.name))
        elif command == "role":
            done = people.set_role(uow, args.name, args.role)
        else:
            done = people.set_active(uow, args.name, command == "enable")
        state = "active" if done.active else "disabled"
        print(f"{done.name} ({done.role}): {state}")
        return 0
    finally:
        store.dispose()


def cmd_products(args) -> int:
    from app.adapters.unit_of_work import uow_factory
    from sync.catalogue_cli import run_carrier, run_products

    store = _open(args)
    try:
        uow = uow_factory(store.session_factory, station="cli")
        if getattr(args, "by", None) == "cli" and getattr(args, "supervisor_ok", ""):
            args.by = args.supervisor_ok  # the opening-stock moves name who approved them
        return (run_products(args, uow) if args.command in ("products", "stock")
                else run_carrier(args, uow))
    finally:
        store.dispose()


def cmd_report(args) -> int:
    from printing.report_cli import run

    return run(args, deliver=_deliver_mail)


def _deliver_mail(uow, codes):
    """Send the routes' queued mail now: the alert sender, with printing's report renderer."""
    from printing.weekly_report import weekly_report_pdf
    from sync.alert_delivery import AlertDelivery
    from sync.credentials import CredentialStore

    return AlertDelivery(uow, CredentialStore(), report_pdf=weekly_report_pdf(uow)).deliver(codes)


def cmd_returns(args) -> int:
    from printing.return_documents import run

    return run(args)


def cmd_clips(args) -> int:
    from scanners.clips_cli import run

    return run(args, _open)


def cmd_sync(args) -> int:
    from printing.weekly_report import weekly_report_pdf
    from sync.cli import run

    return run(args, report_pdf=weekly_report_pdf)


def _label_route(settings):
    from printing.station import PrinterKind, Route

    kind = PrinterKind(settings.label_printer)
    target = settings.label_printer_target or (
        str(settings.effective_label_folder()) if kind is PrinterKind.PDF_FOLDER else "")
    language = "zh_CN" if (settings.language or "").startswith("zh") else "en"
    return Route(kind, target, settings.label_size, settings.label_dpi, language)


def _slip_route(settings):
    from printing.station import PrinterKind, Route

    kind = PrinterKind(settings.slip_printer)
    target = settings.slip_printer_target or (
        str(settings.effective_label_folder().parent / "slips")
        if kind is PrinterKind.PDF_FOLDER else "")
    return Route(kind, target, settings.slip_paper)


def _returns_counter(settings, uow, tasks, spooler):
    from app.services.returns import ReturnsService
    from app.settings import data_dir
    from printing.return_documents import ReturnSlipPrinting
    from ui.returns_counter import ReturnsCounter
    from ui.returns_photo import CameraStill

    language = "zh" if (settings.language or "").startswith("zh") else "en"
    photos = (CameraStill(settings.camera, data_dir() / "return-photos")
              if settings.camera else None)
    return ReturnsCounter(ReturnsService(uow, zone=settings.store_timezone,
                                         carriers=_carrier_directory()), tasks,
                          ReturnSlipPrinting(_slip_route(settings), spooler, language),
                          photo_source=photos, currency=settings.currency)


def _scanner_sources(settings) -> list:
    sources = []
    if settings.serial_port:
        from scanners.serial import SerialScanner

        sources.append(SerialScanner(settings.serial_port, settings.serial_baud))
    if settings.camera:
        from scanners.camera import CameraScanner

        camera = int(settings.camera) if settings.camera.isdigit() else settings.camera
        sources.append(CameraScanner(camera))
    return sources


def _scale(settings):
    """The station's scale, when one is set up; None otherwise."""
    if not settings.scale_port:
        return None
    from scanners.scale import HidScale, SerialScale

    if settings.scale_protocol == "hid":
        return HidScale(settings.scale_port)
    return SerialScale(settings.scale_port, settings.scale_protocol, settings.scale_baud,
                       settings.scale_line_pattern)


def _pack_recorder(settings):
    from app.settings import data_dir
    from scanners.pack_video import PackRecorder

    width, _, height = settings.pack_video_size.partition("x")
    size = (int(width), int(height)) if width.isdigit() and height.isdigit() else (1280, 720)
    folder = Path(settings.pack_video_folder) if settings.pack_video_folder else (
        data_dir() / "pack-videos")
    return PackRecorder(folder, size, max(1, settings.pack_video_fps),
                        keep_free_bytes=max(0, settings.pack_video_keep_free_mb) * 1024**2)


def _probe_first_paint(bench_app) -> None:
    """`make bench`'s startup figure: "interactive" once the station's window has painted
    and the loop is idle again (the log-in screen takes a badge scan from then on)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and not self.property("seen"):
                self.setProperty("seen", True)
                QTimer.singleShot(0, lambda: (print("interactive", flush=True),
                                              bench_app.qt_app.quit()))
            return False

    watcher = FirstPaint(bench_app.window)
    bench_app.window.installEventFilter(watcher)


def cmd_run(args) -> int:
    from app.adapters.unit_of_work import uow_factory

    settings = _settings(args)
    store = _open_for_bench(args, settings)
    if store is None:
        return 2
    first_day = _first_run(uow_factory(store.session_factory,
                                       station=settings.effective_station_id()), settings)
    if first_day is False:  # the first-run window was closed: nothing was set up
        store.dispose()
        return 0
    bench_app, rest = start_station(settings, store, first_day)
    bench_app.window.resize(1280, 800)  # the size it has when the packer leaves full screen
    bench_app.window.set_full_screen(settings.full_screen)
    if os.environ.get("PACKDESK_STARTUP_PROBE"):  # make bench: report the first paint, quit
        _probe_first_paint(bench_app)
    building = _StationSteps(bench_app, rest, then=bench_app.start_sync)
    code = bench_app.qt_app.exec()
    building.finish()  # closed while it was being built: the whole station shuts down
    bench_app.shutdown()
    store.dispose()
    return code


# What the steps after the first paint import that has no Qt in it (reportlab, numpy,
# httpx, the channel adapters): read on a thread while the log-in screen shows, so that no
# step waits most of a second on the main thread for an import.
_LATER_MODULES = ("printing", "printing.job_log", "printing.order_documents",
                  "printing.carrier_labels", "printing.test_card", "printing.weekly_report",
                  "sync.credentials", "sync.receiver_reveal", "sync.runner",
                  "app.services.returns")


def _import_later_modules() -> None:
    import importlib

    for name in _LATER_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: S110 (the step that needs it imports it again and says why)
            return


class _StationSteps:
    """The station's parts after the window's first paint, one step at a time on the
    event loop: the log-in screen shows and takes a badge scan while the rest is built
    (printing, devices, supervisor tools, sync), and a key or scan waits one step at most.
    The steps' imports without Qt are read on a thread first (_LATER_MODULES)."""

    def __init__(self, bench_app, steps, then) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self._steps, self._then, self._app = steps, then, bench_app.qt_app
        self._done, self._error = False, None
        self._imports = None
        self._later = QTimer.singleShot
        owner = self

        class FirstPaint(QObject):
            def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt's name)
                if event.type() == QEvent.Type.Paint:
                    bench_app.window.removeEventFilter(self)
                    owner._start()
                return False

        self._watcher = FirstPaint(bench_app.window)
        bench_app.window.installEventFilter(self._watcher)

    def _start(self) -> None:
        import threading

        self._imports = threading.Thread(target=_import_later_modules, name="station-imports",
                                         daemon=True)
        self._imports.start()
        self._later(0, self._step)

    def _step(self) -> None:
        if self._done:
            return
        if self._imports is not None and self._imports.is_alive():
            self._later(10, self._step)  # the loop stays free meanwhile
            return
        try:
            next(self._steps)
        except StopIteration:
            self._done = True
            self._then()
            return
        except BaseException as exc:  # the station is not whole: stop, as a build would
            self._done, self._error = True, exc
            self._app.exit(1)
            return
        self._later(0, self._step)

    def finish(self) -> None:
        """Build what is left now (the loop ended first), and raise what a step raised."""
        if self._error is not None:
            raise self._error
        if self._imports is not None:
            self._imports.join()
        if not self._done:
            self._done = True
            for _ in self._steps:
                pass


def build_station(settings, store, first_day=None):
    """The whole station on an open store, as `packdesk` runs it (tests build it too);
    the sync runner is returned unstarted. A language chosen in its settings builds it
    again in that language, in place (ui.app.follow_language_changes)."""
    bench_app, rest = start_station(settings, store, first_day)
    for _ in rest:
        pass
    return bench_app, bench_app.sync_runner


def start_station(settings, store, first_day=None):
    """The station's window, ready for a badge scan, and the steps that build the rest
    (a generator: run it out for the whole station)."""
    from ui.app import follow_language_changes

    steps = _station_steps(settings, store, first_day)
    bench_app = next(steps)
    follow_language_changes(bench_app, lambda chosen: _station_parts(chosen, store)[0])
    return bench_app, steps


def _station_parts(settings, store, first_day=None):
    steps = _station_steps(settings, store, first_day)
    bench_app = next(steps)
    for _ in steps:
        pass
    return bench_app, bench_app.sync_runner


class _LabelsOnceAttached:
    """The bench's label output until printing is attached (the step after the first
    paint): a label asked for before then (on the io pool) waits for it."""

    def __init__(self) -> None:
        import threading

        self.real = None
        self._ready = threading.Event()

    def attach(self, real) -> None:
        self.real = real
        self._ready.set()

    def __call__(self, completion):
        if not self._ready.wait(60):
            raise RuntimeError("the station's printing was not set up")
        return self.real(completion)


def _station_steps(settings, store, first_day=None):
    """Yields the bench app first (the window, the log-in, the scans), then once after
    each part attached to it."""
    from app.adapters.unit_of_work import uow_factory
    from app.services.bench import PackBenchService
    from ui.app import build_bench_app

    uow = uow_factory(store.session_factory, station=settings.effective_station_id())
    service = PackBenchService(uow, note_ack=settings.buyer_note_ack)
    late_labels = _LabelsOnceAttached()
    bench_app = build_bench_app(service, settings, _store_label(store.url), late_labels)
    yield bench_app
    from ui import station_parts as parts

    camera = None
    sources = _scanner_sources(settings)
    for source in sources:
        parts.attach_scanner(bench_app, source)
    yield

    from app.adapters.print_queue import StorePrintQueue
    from app.settings import data_dir
    from printing.job_log import FileJobLog
    from printing.order_documents import LabelPrinting
    from printing.spooler import Spooler
    from sync.credentials import CredentialStore
    from sync.receiver_reveal import ChannelReceiverReveal
    from sync.runner import adapter_factory
    from ui.print_log import PrintBridge

    bridge = PrintBridge()
    # the queue lives in the store: jobs waiting for a printer survive a restart
    spooler = Spooler(FileJobLog(data_dir() / "print-log.jsonl"),
                      on_change=bridge.spooler_callback,
                      queue=StorePrintQueue(store.engine, settings.effective_station_id()))
    # a masked marketplace receiver decrypted for the label alone, where the channel may
    reveal = ChannelReceiverReveal.from_store(uow, adapter_factory(CredentialStore()))
    label_printing = LabelPrinting(_label_route(settings), spooler, reveal)
    label_output = _carrier_labels(label_printing, spooler, uow,
                                   settings.effective_station_id())
    bench_app.bench.label_output = label_output
    late_labels.attach(label_output)
    warm_up = getattr(label_output, "warm_up", None)
    if warm_up is not None:  # while the login screen shows, not during the first order
        bench_app.tasks.run_io(warm_up)
    parts.attach_printing(bench_app, spooler, bridge, _label_route(settings),
                          _slip_route(settings), uow, reveal)
    yield
    for source in sources:
        if hasattr(source, "frame_ready"):
            parts.attach_camera_preview(bench_app, source)
            camera = source
    clips_disk = None
    if camera is not None and settings.pack_video:
        recorder = _pack_recorder(settings)
        clips_disk = parts.attach_pack_video(bench_app, camera, recorder, uow)
        if settings.pack_video_side_camera:
            from scanners.camera import CameraScanner

            side = settings.pack_video_side_camera
            parts.attach_side_camera(bench_app, CameraScanner(
                int(side) if side.isdigit() else side, preview=False, scans=False), recorder)
    elif camera is None:
        parts.say_no_camera(bench_app)
    parts.attach_box_hint(bench_app, uow)
    yield
    open_clip = parts.clip_opener(bench_app, uow)
    parts.attach_returns(bench_app, _returns_counter(settings, uow, bench_app.tasks, spooler),
                         open_clip)
    yield
    parts.attach_supervisor_tools(bench_app, uow, data_dir() / "reports", open_clip)
    yield
    parts.attach_stock_tools(bench_app, uow, settings.effective_station_id())
    yield
    try:
        scale = _scale(settings)
    except ValueError as exc:  # a scale line pattern that is not a valid expression
        scale = None
        bench_app.window.statusBar().showMessage(f"Scale not started: {exc}", 30_000)
    if scale is not None:
        parts.attach_scale(bench_app, scale, settings)
    from printing.test_card import TestCardPrinting

    card_language = "zh" if (settings.language or "").startswith("zh") else "en"
    parts.attach_self_test(bench_app, scale, TestCardPrinting(_slip_route(settings), spooler,
                                                              card_language))
    yield
    from ui.station_setup import StationDevices, preview_camera

    parts.attach_settings(bench_app, settings, _label_route, clips_disk=clips_disk,
                          devices=StationDevices(
                              bench_app.tasks, spooler, bridge.job_changed, _label_route,
                              _slip_route, scale=scale, camera=camera,
                              language=card_language, open_camera=preview_camera))
    yield
    from printing.weekly_report import weekly_report_pdf
    from sync.runner import SyncRunner, alert_delivery
    from ui.review_list import ReviewListWidget

    credentials = CredentialStore()
    runner = SyncRunner(uow, adapter_factory(credentials), catalogue=True,
                        alerts=alert_delivery(uow, credentials,
                                              report_pdf=weekly_report_pdf(uow)))
    parts.attach_sync(bench_app, runner, lambda name: ReviewListWidget(uow, name,
                                                                    bench_app.tasks))
    parts.attach_import(bench_app, uow, data_dir() / "csv-mappings")
    yield
    from ui.product_pictures import ProductPictures

    parts.attach_people_and_catalogue(bench_app, uow, ProductPictures(
        data_dir() / "product-pictures", settings.camera))
    yield
    from printing.test_card import CarrierTestLabels

    parts.attach_carrier_setup(bench_app, uow, *_carrier_setup_ports(),
                               print_test=CarrierTestLabels(lambda: label_printing.route,
                                                            spooler))
    if first_day is not None:
        parts.attach_next_steps(bench_app, first_day.supervisor, uow)
    parts.attach_store_notices(bench_app, store.notices)
    parcel_jobs = _parcel_jobs(label_output, settings.effective_station_id())
    bench_app.on_shutdown += [runner.stop, parcel_jobs.stop, spooler.close]
    bench_app.sync_runner = runner


def _first_run(uow, settings):
    """A store with nobody in it opens the first-run screen instead of the lock screen:
    the result (whose station name is saved in the settings), False when closed, or None
    for a store in use."""
    from app.services.people import store_is_new

    if not store_is_new(uow()):
        return None
    from PySide6.QtCore import QLocale

    from app.settings import save_settings
    from ui.app import qt_application
    from ui.first_run import run_first_run
    from ui.i18n import install_translator

    app = qt_application()
    translator = install_translator(app, settings.language or QLocale.system().name())
    result = run_first_run(uow, settings.effective_station_id())
    if translator is not None:
        app.removeTranslator(translator)
    if result is None:
        return False
    settings.station_id = result.station
    try:
        save_settings(settings)
    except OSError as exc:
        print(for_terminal(Msg("packdesk: the station name was not saved: {exc}", exc=exc)),
              file=sys.stderr)
    return result


def _carrier_setup_ports():
    """The carrier screen's keyring port and its connection test."""
    from printing.carriers import CarrierRegistry, check_carrier_connection
    from printing.carriers.credentials import CarrierCredentialStore
    from sync.taobao_top import sign

    secrets = CarrierCredentialStore()
    registry = CarrierRegistry(top_sign=sign, store=secrets, **_platform_signers())
    return secrets, lambda view: check_carrier_connection(registry, view)


def _carrier_directory():
    """The carrier adapters by profile (printing/carriers), secrets from the keyring."""
    from printing.carriers import CarrierRegistry, carrier_directory
    from printing.carriers.credentials import CarrierCredentialStore
    from sync.taobao_top import sign

    return carrier_directory(CarrierRegistry(top_sign=sign, store=CarrierCredentialStore(),
                                             **_platform_signers()))


def _carrier_labels(own, spooler, uow, station: str):
    """The label output: the carrier's label for a carrier that issues them (asked on the
    bench's network worker, never on the main thread), else the own-range label."""
    from app.services.leases import Claimant
    from printing.carrier_labels import CarrierLabelPrinting

    return CarrierLabelPrinting(own, spooler, _carrier_directory(), uow,
                                Claimant.for_station(station))


def _parcel_jobs(label_output, station: str):
    from printing.carrier_labels import ParcelJobs

    jobs = ParcelJobs(label_output, station)
    jobs.start()
    return jobs


def _open_for_bench(args, settings):
    """The bench's store, or None after telling the person (in a window, and on stderr)
    why it cannot be opened."""
    from app.domain.errors import PackdeskError

    try:
        return _open(args, settings.effective_station_id(), print_notices=False)
    except PackdeskError as exc:
        print(f"packdesk: {said(exc)}", file=sys.stderr)
        from ui.store_problem import show_store_problem

        show_store_problem(exc, settings.language)
        return None


def _store_label(url: str) -> str:
    return url.split("@")[-1] if "@" in url else url


def _supervisor_needed(args) -> str:
    """The commands that change who may do what, what the bench trusts, or what costs money:
    people (log-ins and roles), the catalogue (barcodes and weights the scans and the weight
    gate judge by), carriers (tracking-number ranges, API accounts and their keys) and a
    label for an order on hold or in review. Reading (list), syncing, reports and printing
    a label that may print need nobody: cron runs them."""
    command = args.command
    what = {"people": getattr(args, "people_command", ""),
            "products": getattr(args, "products_command", ""),
            "stock": getattr(args, "stock_command", ""),
            "carrier": getattr(args, "carrier_command", "")}.get(command)
    if what and what not in ("list", "export", "conflicts"):
        return f"packdesk {command} {what}"
    if command == "print" and getattr(args, "override", False):
        return "packdesk print label --override"
    return ""


def _ask_supervisor(args, action: str) -> None:
    """A supervisor's name and PIN (PACKDESK_SUPERVISOR / PACKDESK_PIN for scripts, else
    asked at the terminal), checked as every approval is: wrong PINs count and lock."""
    from app.adapters.unit_of_work import uow_factory
    from app.services.auth import confirm_supervisor
    from app.services.commands import SupervisorApproval

    name, pin = os.environ.get("PACKDESK_SUPERVISOR"), os.environ.get("PACKDESK_PIN")
    if (name is None or pin is None) and not sys.stdin.isatty():
        raise SystemExit(translate(Msg(
            "packdesk: {action} needs a supervisor: set PACKDESK_SUPERVISOR and PACKDESK_PIN, "
            "or run it at a terminal to be asked", action=action), environment_language()))
    if name is None:
        name = input(translate(Msg("Supervisor's name: "), environment_language()))
    if pin is None:
        import getpass

        pin = getpass.getpass(translate(Msg("PIN for {name}: ", name=name),
                                        environment_language()))
    store = _open(args)
    try:
        uow = uow_factory(store.session_factory, station="cli")
        args.supervisor_ok = confirm_supervisor(SupervisorApproval(name, pin, action), action,
                                                uow())
    finally:
        store.dispose()


def cli(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = _parser_for(argv).parse_args(argv)
    from app.domain.errors import PackdeskError

    handlers = {"demo": cmd_demo, "decode": cmd_decode, "print": cmd_print, "sync": cmd_sync,
                "import": cmd_sync, "channel": cmd_sync, "outbox": cmd_sync, "alerts": cmd_sync,
                "report": cmd_report, "orders": cmd_orders, "shipments": cmd_shipments,
                "returns": cmd_returns,
                "clips": cmd_clips, "init": cmd_init, "handover": cmd_shipping,
                "track": cmd_shipping, "labels": cmd_shipping, "carrier": cmd_carrier,
                "people": cmd_people, "products": cmd_products, "stock": cmd_products,
                None: cmd_run}
    try:
        action = _supervisor_needed(args)
        if action:
            _ask_supervisor(args, action)
        return handlers[args.command](args)
    except PackdeskError as exc:
        print(f"packdesk: {said(exc)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(cli())
