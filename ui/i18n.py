"""Loads the UI translation: English is built in, Simplified Chinese ships as a .qm file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain import formats
from app.domain.messages import Msg

TRANSLATIONS = Path(__file__).with_name("translations")
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_OURS, _QTS = "packdesk-translation", "qtbase-translation"  # what install_translator put in


def core_text(text: str) -> str:
    """A message from the core in the UI's language (its values translated too)."""
    if isinstance(text, BaseException):
        return error_text(text)
    if not isinstance(text, Msg):
        return QCoreApplication.translate("core", text) if isinstance(text, str) else str(text)
    values = {key: core_text(value) if isinstance(value, str | BaseException) else value
              for key, value in text.values.items()}
    return QCoreApplication.translate("core", text.template).format(**values)


def core_texts(messages) -> str:
    """Several core messages (an order's review reasons) as one line in the UI's language."""
    return ("；" if ui_language() == "zh_CN" else "; ").join(core_text(m) for m in messages)


def ui_language() -> str:
    """The language the screens show numbers and dates in: the locale install_translator set."""
    return pick_language(QLocale().name())


def shown_time(value: datetime | None, seconds: bool = False) -> str:
    """A time on a screen, in this computer's zone, as the UI's locale writes it (Babel)."""
    if value is None:
        return ""
    local = value.astimezone()
    return formats.moment(local, ui_language(), local.tzinfo, seconds)


def shown_percent(rate: float | None) -> str | None:
    return None if rate is None else formats.percent(rate, ui_language())


def shown_number(value: float, decimals: int = 0) -> str:
    return formats.number(value, ui_language(), decimals)


def shown_weight(grams: float) -> str:
    return formats.weight(grams, ui_language())


def shown_amount(cents: int, currency: str | None = None) -> str:
    """Money: with its currency's sign when it is known (¥12.50), else the number (12.50)."""
    if currency:
        return formats.money(cents, currency, ui_language())
    return formats.number(cents / 100, ui_language(), 2)


def error_text(error: BaseException) -> str:
    first = error.args[0] if error.args else ""
    return core_text(first) if isinstance(first, Msg) else str(error)


def pick_language(requested: str) -> str:
    """'zh_CN', 'zh', 'zh_Hans_CN'... map to zh_CN; everything else is English."""
    return "zh_CN" if requested.lower().startswith("zh") else "en"


def install_translator(app: QCoreApplication, requested: str) -> QTranslator | None:
    """Qt's translation of the screens, and the locale their numbers and dates follow."""
    language = pick_language(requested)
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
    for earlier in app.findChildren(QTranslator):  # a language chosen again: only the new one
        if earlier.objectName() in (_OURS, _QTS):
            app.removeTranslator(earlier)
            earlier.deleteLater()
    if language == "en":
        return None
    translator = QTranslator(app)
    translator.setObjectName(_OURS)
    if not translator.load(f"packdesk_{language}", str(TRANSLATIONS)):
        return None
    app.installTranslator(translator)
    qt_own = QTranslator(app)  # Qt's own dialogs: OK, Cancel, ...
    qt_own.setObjectName(_QTS)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    return translator
