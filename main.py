"""Packdesk: wiring only. Parse arguments, open the store, build services, start Qt."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="packdesk", description="Packing bench and returns counter")
    parser.add_argument("--db", help="database URL or SQLite path (default: PACKDESK_DB, "
                        "then packdesk.db in the user data folder)")
    parser.add_argument("--station", help="this station's id (default: the host name)")
    parser.add_argument("--lang", choices=["en", "zh_CN"], help="UI language")
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", help="create a demo store to pack from")
    demo.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    demo.add_argument("--if-missing", action="store_true",
                      help="do nothing when the store already has orders")
    demo.add_argument("--sheet", help="also write a printable PDF of demo barcodes here")
    demo.add_argument("--seed", type=int, default=7)
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
    from printing.report_cli import add_commands as add_report_commands
    from printing.return_documents import add_commands as add_returns_commands
    from scanners.cli import build_parser as decode_parser
    from scanners.clips_cli import add_commands as add_clips_commands
    from sync.cli import add_commands as add_sync_commands
    from sync.orders_cli import add_commands as add_orders_commands

    decode_parser(commands.add_parser("decode", help="decode barcodes in image files"))
    add_sync_commands(commands)
    add_orders_commands(commands)
    add_report_commands(commands)
    add_returns_commands(commands)
    add_clips_commands(commands)
    print_cmd = commands.add_parser("print", help="print documents headless")
    print_cmd.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    print_what = print_cmd.add_subparsers(dest="document", required=True)
    label = print_what.add_parser("label", help="render an order's shipping label")
    label.add_argument("order")
    label.add_argument("--pdf", required=True, help="write the label PDF here")
    label.add_argument("--size", default="4x6", choices=["4x6", "100x150"])
    slip = print_what.add_parser("slip", help="render an order's packing slip")
    slip.add_argument("order")
    slip.add_argument("--pdf", required=True, help="write the packing slip PDF here")
    slip.add_argument("--paper", default="A4", choices=["A4", "Letter"])
    slip.add_argument("--lang", dest="slip_lang", default="en", choices=["en", "zh"])
    products = print_what.add_parser("product-labels", help="product or shelf labels")
    products.add_argument("skus", nargs="+", metavar="SKU")
    products.add_argument("--pdf", required=True, help="write the labels PDF here")
    return parser


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
    from app.services.demo import build_demo
    from app.services.store_facts import order_count

    store = _open(args)
    uow = uow_factory(store.session_factory, station="demo")
    if order_count(uow()) and args.if_missing:
        print(f"Demo store already there: {store.url}")
    else:
        if order_count(uow()):
            print(f"The store at {store.url} already has orders; not adding a demo.",
                  file=sys.stderr)
            return 2
        from app.settings import data_dir

        summary = build_demo(uow(), seed=args.seed, image_dir=data_dir() / "demo-images")
        print(f"Demo store created at {store.url}: {summary.products} products, "
              f"{summary.orders} orders.")
        for name, pin, role in summary.packers:
            print(f"  log in as {name!r} with PIN {pin} ({role})")
    if args.sheet:
        _write_demo_sheet(uow, Path(args.sheet))
    return 0


def _write_demo_sheet(uow, path: Path) -> None:
    from app.services.demo import DEMO_PACKERS
    from app.services.queries import orders_for_sheet, products_for_sheet
    from printing.order_documents import render_demo_sheet

    orders = orders_for_sheet(uow(), [f"PD-{100001 + i}" for i in range(30)])
    skus = sorted({part.split("×")[0] for o in orders for part in o.summary.split(", ")})
    products = products_for_sheet(uow(), skus)
    path.parent.mkdir(parents=True, exist_ok=True)
    render_demo_sheet(orders, products, [(n, p, r.value) for n, p, r in DEMO_PACKERS], str(path))
    print(f"Barcode sheet for the demo: {path.resolve()}")


def cmd_decode(args) -> int:
    from scanners.cli import decode_main

    return decode_main([str(Path(p)) for p in args.images], args.json)


def cmd_print(args) -> int:
    from app.adapters.unit_of_work import uow_factory
    from app.services.labels import label_for_order, packing_slip_for
    from app.services.queries import products_for_sheet
    from printing.documents import ProductLabel
    from printing.labels import render_shipping_label
    from printing.order_documents import label_data, packing_slip_data
    from printing.sheets import render_packing_slip, render_product_labels

    uow = uow_factory(_open(args).session_factory)
    if args.document == "label":
        completion = label_for_order(uow(), args.order)
        render_shipping_label(label_data(completion), args.pdf, size=args.size)
        print(completion.tracking_number)
    elif args.document == "slip":
        render_packing_slip(packing_slip_data(packing_slip_for(uow(), args.order)), args.pdf,
                            args.paper, args.slip_lang)
        print(args.pdf)
    else:
        found = products_for_sheet(uow(), args.skus)
        missing = sorted(set(args.skus) - {p.sku for p in found})
        if missing:
            print(f"packdesk print: no product {', '.join(missing)}", file=sys.stderr)
            return 2
        render_product_labels([ProductLabel(p.sku, p.name, p.code, "ean13" if len(p.code) == 13
                                            else "code128") for p in found
                               if p.pack_quantity == 1], args.pdf)
        print(args.pdf)
    return 0


def cmd_orders(args) -> int:
    from sync.orders_cli import run

    return run(args)


def _new_pin(who: str) -> str:
    """A PIN typed twice at the terminal, or PACKDESK_PIN for scripts (never an argument:
    it would stay in the shell's history)."""
    pin = os.environ.get("PACKDESK_PIN")
    if pin is not None:
        return pin
    if not sys.stdin.isatty():
        raise SystemExit("packdesk: no terminal to ask the PIN on; set PACKDESK_PIN")
    import getpass

    pin = getpass.getpass(f"PIN for {who} (4 to 8 digits): ")
    if getpass.getpass("The same PIN again: ") != pin:
        raise SystemExit("packdesk: the two PINs differ; nothing was changed")
    return pin


def cmd_init(args) -> int:
    from app.adapters.unit_of_work import uow_factory
    from app.services.people import init_store

    store = _open(args)
    try:
        person = init_store(uow_factory(store.session_factory, station="cli")(),
                            args.supervisor, _new_pin(args.supervisor))
    finally:
        store.dispose()
    print(f"Store ready at {store.url}. {person.name} is its supervisor. Next: add people "
          "(packdesk people add), connect a channel (packdesk channel add), and start "
          "Packdesk to pack.")
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
        else:
            done = people.set_active(uow, args.name, command == "enable")
        state = "active" if done.active else "disabled"
        print(f"{done.name} ({done.role}): {state}")
        return 0
    finally:
        store.dispose()


def cmd_report(args) -> int:
    from printing.report_cli import run

    return run(args)


def cmd_returns(args) -> int:
    from printing.return_documents import run

    return run(args)


def cmd_clips(args) -> int:
    from scanners.clips_cli import run

    return run(args, _open)


def cmd_sync(args) -> int:
    from sync.cli import run

    return run(args)


def _label_route(settings):
    from printing.station import PrinterKind, Route

    kind = PrinterKind(settings.label_printer)
    target = settings.label_printer_target or (
        str(settings.effective_label_folder()) if kind is PrinterKind.PDF_FOLDER else "")
    return Route(kind, target, settings.label_size, settings.label_dpi)


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
    return ReturnsCounter(ReturnsService(uow, zone=settings.store_timezone), tasks,
                          ReturnSlipPrinting(_slip_route(settings), spooler, language),
                          photo_source=photos)


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
    return PackRecorder(folder, size, max(1, settings.pack_video_fps))


def cmd_run(args) -> int:
    from app.adapters.print_queue import StorePrintQueue
    from app.adapters.unit_of_work import uow_factory
    from app.services.bench import PackBenchService
    from app.settings import data_dir
    from printing.job_log import FileJobLog
    from printing.order_documents import LabelPrinting
    from printing.spooler import Spooler
    from sync.credentials import CredentialStore
    from sync.runner import SyncRunner, adapter_factory, alert_delivery
    from ui import station_parts as parts
    from ui.app import build_bench_app
    from ui.print_log import PrintBridge
    from ui.review_list import ReviewListWidget

    settings = _settings(args)
    store = _open_for_bench(args, settings)
    if store is None:
        return 2
    uow = uow_factory(store.session_factory, station=settings.effective_station_id())
    bridge = PrintBridge()
    # the queue lives in the store: jobs waiting for a printer survive a restart
    spooler = Spooler(FileJobLog(data_dir() / "print-log.jsonl"),
                      on_change=bridge.spooler_callback,
                      queue=StorePrintQueue(store.engine, settings.effective_station_id()))
    label_output = LabelPrinting(_label_route(settings), spooler)
    bench_app = build_bench_app(PackBenchService(uow), settings, _store_label(store.url),
                                label_output)
    parts.attach_printing(bench_app, spooler, bridge, _label_route(settings),
                          _slip_route(settings), uow)
    camera = None
    for source in _scanner_sources(settings):
        parts.attach_scanner(bench_app, source)
        if hasattr(source, "frame_ready"):
            parts.attach_camera_preview(bench_app, source)
            camera = source
    if camera is not None and settings.pack_video:
        parts.attach_pack_video(bench_app, camera, _pack_recorder(settings), uow)
    elif camera is None:
        parts.say_no_camera(bench_app)
    parts.attach_returns(bench_app, _returns_counter(settings, uow, bench_app.tasks, spooler))
    parts.attach_supervisor_tools(bench_app, uow, data_dir() / "reports")
    parts.attach_stock_tools(bench_app, uow, settings.effective_station_id())
    try:
        scale = _scale(settings)
    except ValueError as exc:  # a scale line pattern that is not a valid expression
        scale = None
        bench_app.window.statusBar().showMessage(f"Scale not started: {exc}", 30_000)
    if scale is not None:
        parts.attach_scale(bench_app, scale, settings)
    parts.attach_self_test(bench_app, scale)
    parts.attach_settings(bench_app, settings, _label_route)
    credentials = CredentialStore()
    runner = SyncRunner(uow, adapter_factory(credentials), alerts=alert_delivery(uow, credentials))
    parts.attach_sync(bench_app, runner, lambda name: ReviewListWidget(uow, name))
    parts.attach_import(bench_app, uow, data_dir() / "csv-mappings")
    parts.attach_store_notices(bench_app, store.notices)
    runner.start()
    bench_app.on_shutdown += [runner.stop, spooler.close, store.dispose]
    bench_app.window.resize(1280, 800)
    bench_app.window.show()
    if os.environ.get("PACKDESK_STARTUP_PROBE"):  # make bench: report when idle, then quit
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: (print("interactive", flush=True), bench_app.qt_app.quit()))
    code = bench_app.qt_app.exec()
    bench_app.shutdown()
    return code


def _open_for_bench(args, settings):
    """The bench's store, or None after telling the person (in a window, and on stderr)
    why it cannot be opened."""
    from app.domain.errors import PackdeskError

    try:
        return _open(args, settings.effective_station_id(), print_notices=False)
    except PackdeskError as exc:
        print(f"packdesk: {exc}", file=sys.stderr)
        from ui.store_problem import show_store_problem

        show_store_problem(exc, settings.language)
        return None


def _store_label(url: str) -> str:
    return url.split("@")[-1] if "@" in url else url


def cli(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = _parser().parse_args(argv)
    from app.domain.errors import PackdeskError

    handlers = {"demo": cmd_demo, "decode": cmd_decode, "print": cmd_print, "sync": cmd_sync,
                "import": cmd_sync, "channel": cmd_sync, "outbox": cmd_sync, "alerts": cmd_sync,
                "report": cmd_report, "orders": cmd_orders, "returns": cmd_returns,
                "clips": cmd_clips, "init": cmd_init,
                "people": cmd_people, None: cmd_run}
    try:
        return handlers[args.command](args)
    except PackdeskError as exc:
        print(f"packdesk: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(cli())
