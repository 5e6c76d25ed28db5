"""Builds the Simplified Chinese translation: `make translations`.

pyside6-lupdate collects every tr() string of the UI into a .ts file; the Chinese below
fills it; pyside6-lrelease compiles the .qm the app loads. Strings the core builds
(verdicts, refusals) are templates in app/domain/messages.py, added under the "core"
context, since the core cannot call Qt.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.i18n_zh import CORE_ZH, UI_ZH

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "ui" / "translations" / "packdesk_zh_CN.ts"
SOURCES = sorted(str(p) for folder in ("ui", "scanners") for p in (ROOT / folder).glob("*.py")
                 if p.name not in ("__init__.py", "i18n_zh.py", "i18n_build.py"))


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _add_core_context(root: ET.Element) -> None:
    for old in [c for c in root.findall("context") if c.findtext("name") == "core"]:
        root.remove(old)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "core"
    for source in CORE_ZH:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation")


def _fill(root: ET.Element) -> list[str]:
    missing = []
    for context in root.findall("context"):
        table = CORE_ZH if context.findtext("name") == "core" else UI_ZH
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if source in table and message.get("numerus") == "yes":
                for form in list(translation):  # Chinese has one plural form
                    translation.remove(form)
                translation.text = None
                ET.SubElement(translation, "numerusform").text = table[source]
                translation.attrib.pop("type", None)
            elif source in table:
                translation.text = table[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(source)
    return missing


def main() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("pyside6-lupdate"), *SOURCES, "-no-obsolete", "-ts", str(TS)],
                   check=True, capture_output=True)
    tree = ET.parse(TS)
    _add_core_context(tree.getroot())
    missing = _fill(tree.getroot())
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   check=True, capture_output=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    print(f"{TS.with_suffix('.qm')}: {len(missing)} strings untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
