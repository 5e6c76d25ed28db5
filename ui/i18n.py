"""Loads the UI translation: English is built in, Simplified Chinese ships as a .qm file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from app.domain.messages import Msg

TRANSLATIONS = Path(__file__).with_name("translations")
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}


def core_text(text: str) -> str:
    """A message from the core in the UI's language (its values translated too)."""
    if not isinstance(text, Msg):
        return str(text)
    values = {key: core_text(value) for key, value in text.values.items()}
    return QCoreApplication.translate("core", text.template).format(**values)


def error_text(error: BaseException) -> str:
    first = error.args[0] if error.args else ""
    return core_text(first) if isinstance(first, Msg) else str(error)


def pick_language(requested: str) -> str:
    """'zh_CN', 'zh', 'zh_Hans_CN'... map to zh_CN; everything else is English."""
    return "zh_CN" if requested.lower().startswith("zh") else "en"


def install_translator(app: QCoreApplication, requested: str) -> QTranslator | None:
    language = pick_language(requested)
    if language == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(f"packdesk_{language}", str(TRANSLATIONS)):
        return None
    app.installTranslator(translator)
    qt_own = QTranslator(app)  # Qt's own dialogs: OK, Cancel, ...
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    return translator
