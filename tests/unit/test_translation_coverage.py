"""Every word a person reads goes through translation, and Simplified Chinese is complete.

Scans the code as lupdate does, for the core, printing/ and sync/ too:
- every Msg template (app/domain/messages.py) has Chinese with the same fields;
- no error is raised with plain text (an f-string or a literal cannot be translated);
- in printing/ and sync/ no prose literal reaches a person outside Msg(...) (docstrings,
  log lines, argparse help and the wire texts listed below are not for the bench);
- in ui/ no prose literal goes to a Qt text setter without tr(), and every tr() string
  collected by pyside6-lupdate has its Chinese (numerus forms included).

Run it against another branch's code with `python -m pytest tests/unit/test_translation_coverage.py`
from that branch's tree: it reads the files, it imports nothing from them but the catalogues.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ("app", "printing", "sync", "scanners", "ui")
PARTS = ("printing", "sync")
# Two words, a capitalised word alone ("Buyer", "Ordered:"), or a word before a value ("row {}").
PROSE = re.compile(r"[A-Za-z]{2,}[^\n]*\s[A-Za-z]{2,}|^[A-Z][a-z]{2,}[:.]?$|[A-Za-z]{3,} \{\}")
TRANSLATING_CALLS = {"Msg", "tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}
CLI_TEXT = {"help", "description", "metavar", "epilog", "usage"}  # argparse's own help
# Programmer errors that never reach a person: a wrong argument type, an unfinished subclass.
PROGRAMMER_ERRORS = {"TypeError", "NotImplementedError", "AssertionError",
                     # a signal to SQLAlchemy's pool at checkout, which reconnects: never shown
                     "DisconnectionError"}
# Text for machines, not people: each with why.
WIRE = {
    "sync/shopify_queries.py": "GraphQL documents sent to Shopify",
    "sync/shopify_catalogue.py#CATALOGUE": "a GraphQL document sent to Shopify",
    "sync/shopify_catalogue.py#VARIANT_COUNT": "a GraphQL document sent to Shopify",
    "sync/shopify_catalogue.py#BULK_CATALOGUE": "a GraphQL document sent to Shopify",
    "sync/csv_layouts.py#columns": "column names as the platforms' exports spell them",
    "printing/station.py#CUPS_MEDIA": "CUPS media names",
    "printing/carriers/easypost.py#AUTH_SCHEME": "the HTTP authentication scheme EasyPost takes",
    "printing/carriers/shippo.py#PICKUP_LOCATION": "a building_location_type value Shippo defines",
    "printing/carriers/shippo.py#FUNDS_WORDS": "words looked for in Shippo's errors, not shown",
    "sync/carrier_codes.py#BUILT_IN": "carrier names as each platform's API spells them",
    "sync/woocommerce.py#REFUND_TRY_AGAIN": "WooCommerce's own refusal words, compared",
}
NOT_PROSE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "split", "startswith",
                   "endswith", "get", "pop", "setdefault", "getenv", "strptime", "strftime",
                   "ParagraphStyle", "HexColor"}


def _files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py")
                  if "migrations" not in p.parts and not p.name.startswith("i18n_zh")
                  and p.name != "catalog_zh.py")


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _text(node: ast.AST) -> str | None:
    """A literal's text; an f-string's literal parts with {} for each value."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _plain(node: ast.AST) -> str | None:
    """Text built without Msg: a literal, an f-string, "..." % x, "...".format(), a + b."""
    if isinstance(node, ast.BinOp):
        return _plain(node.left) or _plain(node.right)
    if isinstance(node, ast.Call) and _name(node) == "format" and isinstance(node.func,
                                                                             ast.Attribute):
        return _text(node.func.value)
    return _text(node)


def msg_templates() -> dict[str, str]:
    """Every Msg("template", ...) in the code, with where it is."""
    found = {}
    for path in _files(*CORE):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node) == "Msg" and node.args:
                template = node.args[0]
                if isinstance(template, ast.Constant) and isinstance(template.value, str):
                    found.setdefault(template.value, f"{_rel(path)}:{node.lineno}")
    return found


def fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def plain_raises() -> list[str]:
    out = []
    for path in _files("app", *PARTS):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            if _name(node.exc) in PROGRAMMER_ERRORS or not node.exc.args:
                continue
            first = node.exc.args[0]
            text = _plain(first)
            if text is not None and (PROSE.search(text) or (
                    not isinstance(first, ast.Constant) and re.search(r"[A-Za-z]{2,}", text))):
                out.append(f"{_rel(path)}:{node.lineno}: {text[:80]!r}")
    return out


def _skipped_nodes(tree: ast.AST, path: str) -> set[int]:
    skip: set[int] = set()

    def under(node: ast.AST) -> None:
        skip.update(id(a) for a in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and body and isinstance(body[0], ast.Expr) and _text(body[0].value) is not None:
            under(body[0])
        if isinstance(node, ast.Call):
            name = _name(node)
            if name in TRANSLATING_CALLS or name in NOT_PROSE_CALLS \
                    or (name in LOG_CALLS and isinstance(node.func, ast.Attribute)):
                under(node)
            for keyword in node.keywords:
                if keyword.arg in CLI_TEXT:
                    under(keyword.value)
        if isinstance(node, ast.Compare):  # compared with data, not shown
            under(node)
        if isinstance(node, ast.Subscript):  # a key looked up
            under(node.slice)
        if isinstance(node, ast.Dict):  # keys are looked up, not shown
            for key in node.keys:
                if key is not None:
                    under(key)
        if isinstance(node, ast.JoinedStr):
            skip.update(id(a) for a in ast.walk(node) if a is not node)
        if isinstance(node, ast.Assign) and any(  # the names a module exports
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            under(node.value)
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and (f"{path}#{t.id}" in WIRE or (
                    t.id.isupper() and f"{path}#columns" in WIRE)) for t in node.targets):
            under(node.value)
    return skip


def untranslated_prose(folders=PARTS) -> list[str]:
    out = []
    for path in _files(*folders):
        rel = _rel(path)
        if rel in WIRE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _skipped_nodes(tree, rel)
        for node in ast.walk(tree):
            text = None if id(node) in skip else _text(node)
            if text and PROSE.search(text):
                out.append(f"{rel}:{node.lineno}: {text[:80]!r}")
    return sorted(out)


# Calls that put text on a page (reportlab, printing/layout.py Writer).
RENDER_CALLS = {"text", "block", "drawString", "drawCentredString", "drawRightString",
                "Paragraph", "String"}


def printed_literals() -> list[str]:
    """Text drawn on a label, slip or report straight from a literal: no translation."""
    out = []
    for path in _files("printing"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _name(node) in RENDER_CALLS):
                continue
            for arg in node.args:
                for literal in _literals(arg):
                    text = _text(literal) or ""
                    if re.search(r"[A-Za-z]{2,}", text):
                        out.append(f"{_rel(path)}:{node.lineno}: {text[:80]!r}")
    return out


QT_SETTERS = {"setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "addAction",
              "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QAction", "QRadioButton",
              "setHorizontalHeaderLabels", "setHeaderLabels", "showMessage", "addItem",
              "addItems", "addTab", "setTitle", "information", "warning", "critical",
              "question", "setStatusTip", "addRow", "QMenu", "addMenu", "setLabelText",
              "getText", "setWhatsThis", "setPlainText", "setHtml", "setSuffix", "setPrefix"}


def _literals(node: ast.AST):
    if isinstance(node, (ast.Constant, ast.JoinedStr)):
        yield node
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from _literals(element)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def ui_literals_without_tr() -> list[str]:
    out = []
    for path in _files("ui", "scanners"):
        if path.name.startswith("i18n"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _name(node) in QT_SETTERS):
                continue
            if _name(node) in LOG_CALLS and isinstance(node.func, ast.Attribute) \
                    and getattr(node.func.value, "id", "") in ("log", "logger", "logging"):
                continue
            shown = node.args[:1] if _name(node) in ("addItem", "setItemData") else node.args
            for arg in shown:  # addItem(text, data): the data is not shown
                for literal in _literals(arg):
                    text = _text(literal) or ""
                    if re.search(r"[A-Za-z]{2,}", text) and not text.startswith("/dev/"):
                        out.append(f"{_rel(path)}:{node.lineno}: {text[:80]!r}")
    return out


# ---------------------------------------------------------------------------- the tests


def test_every_message_template_has_its_chinese_with_the_same_fields():
    from ui.i18n_zh import CORE_ZH  # the catalogue the UI and the senders use

    missing = [f"{where}: {t!r}" for t, where in msg_templates().items() if t not in CORE_ZH]
    assert not missing, f"{len(missing)} templates have no Chinese:\n" + "\n".join(missing)
    wrong = [f"{t!r}: {fields(t)} vs {fields(zh)}" for t, zh in CORE_ZH.items()
             if fields(t) != fields(zh)]
    assert not wrong, "Chinese with other fields than its English:\n" + "\n".join(wrong)


def test_no_error_is_raised_as_plain_text():
    found = plain_raises()
    assert not found, (f"{len(found)} errors raised as plain text; raise them with "
                       "Msg(template, **values):\n" + "\n".join(found))


def test_printing_and_sync_say_everything_through_msg():
    found = untranslated_prose()
    assert not found, (f"{len(found)} texts in printing/ and sync/ bypass translation; "
                       "wrap them in Msg(...):\n" + "\n".join(found))


def test_labels_slips_and_reports_draw_no_text_straight_from_a_literal():
    found = printed_literals()
    assert not found, "text drawn without Msg(...) and translate():\n" + "\n".join(found)


def test_the_ui_gives_qt_no_text_without_tr():
    found = ui_literals_without_tr()
    assert not found, "text given to Qt without self.tr():\n" + "\n".join(found)


def translate_aliases() -> list[str]:
    """`tr = QCoreApplication.translate`: lupdate reads tr(context, text) through the alias as
    tr(text, comment), so the real text is never collected."""
    out = []
    for path in _files("ui", "scanners"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute) \
                    and node.value.attr == "translate":
                out.append(f"{_rel(path)}:{node.lineno}: {ast.unparse(node)}")
    return out


def test_lupdate_sees_every_translate_call():
    found = translate_aliases()
    assert not found, "translate() through an alias, which lupdate misreads:\n" + "\n".join(
        found)


def test_every_ui_string_lupdate_finds_has_its_chinese(tmp_path):
    from ui import i18n_build

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.fail(f"{lupdate} is missing: install PySide6-Essentials")
    ts = tmp_path / "check.ts"
    subprocess.run([str(lupdate), *i18n_build.SOURCES, "-no-obsolete", "-ts", str(ts)],
                   check=True, capture_output=True)
    tree = ET.parse(ts)
    i18n_build._add_core_context(tree.getroot())
    missing = i18n_build._fill(tree.getroot())
    assert not missing, f"{len(missing)} UI strings have no Chinese:\n" + "\n".join(
        map(repr, missing))
    from ui.i18n_zh import UI_ZH

    qt_fields = re.compile(r"%(?:n|\d)")
    wrong = [s for s, zh in UI_ZH.items()
             if sorted(qt_fields.findall(s)) != sorted(qt_fields.findall(zh))
             or fields_or_none(s) != fields_or_none(zh)]
    assert not wrong, "Chinese with other placeholders than its English:\n" + "\n".join(wrong)


def fields_or_none(text: str) -> set[str] | None:
    try:
        return fields(text)
    except ValueError:
        return None


def test_the_shipped_translation_is_built_from_the_catalogues():
    """The .ts in the repo holds every core template's Chinese (run `make translations`)."""
    from ui.i18n_build import TS
    from ui.i18n_zh import CORE_ZH  # the catalogue the UI and the senders use

    core = next(c for c in ET.parse(TS).getroot().findall("context")
                if c.findtext("name") == "core")
    shipped = {m.findtext("source"): m.findtext("translation") for m in core.findall("message")}
    stale = [t for t, zh in CORE_ZH.items() if shipped.get(t) != zh]
    assert not stale, f"{len(stale)} core templates not in {TS.name}: make translations"
