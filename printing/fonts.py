"""The embedded font for every document: one CJK TrueType font that also has Latin.

Labels carry Chinese, Japanese, Korean and accented Latin names. WenQuanYi Micro Hei
(Debian package fonts-wqy-microhei) covers all four, so it is tried first; another
installed font (found with fc-list) is only used for characters it lacks. Text that no
installed font can draw is printed as "?" rather than as an empty box (tofu).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.domain.messages import Msg

WQY_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
WQY_PACKAGE = "fonts-wqy-microhei"
# One character of each script a label must print: Han, kana, hangul, accented Latin.
SCRIPT_SAMPLES = {"Han": "中國", "kana": "かカ", "hangul": "한글", "Latin": "éßŁ"}
MISSING_GLYPH = "?"


class FontMissing(RuntimeError):
    """No usable CJK font is installed."""


@dataclass(frozen=True)
class FontFace:
    name: str  # the name registered with reportlab
    path: str
    index: int
    codepoints: frozenset[int]

    def covers(self, text: str) -> bool:
        return all(ord(ch) in self.codepoints for ch in text)


class FontSet:
    """A primary face plus fallbacks; splits text into runs each face can draw."""

    def __init__(self, faces: list[FontFace]) -> None:
        if not faces:
            raise FontMissing(_missing_message())
        self.faces = faces
        self.primary = faces[0]

    def runs(self, text: str) -> list[tuple[str, str]]:
        """(font name, text) runs; the common case (primary covers it all) is one run."""
        if self.primary.covers(text):
            return [(self.primary.name, text)]
        runs: list[tuple[str, str]] = []
        for ch in text:
            face = self._face_for(ch)
            shown = ch if face else MISSING_GLYPH
            name = (face or self.primary).name
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + shown)
            else:
                runs.append((name, shown))
        return runs

    def width(self, text: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(t, n, size) for n, t in self.runs(text))

    def missing_scripts(self) -> list[str]:
        """Scripts from SCRIPT_SAMPLES that no face can draw."""
        return [s for s, sample in SCRIPT_SAMPLES.items()
                if not all(self._face_for(ch) for ch in sample)]

    def _face_for(self, ch: str) -> FontFace | None:
        if ch.isspace() or ord(ch) < 0x20:
            return self.primary
        return next((f for f in self.faces if ord(ch) in f.codepoints), None)


def _missing_message() -> str:
    return (Msg("No CJK font found for labels: {wqy_path} is missing. Install it with: apt-get install {wqy_package}",
                wqy_path=WQY_PATH, wqy_package=WQY_PACKAGE))


def _load_face(path: str, index: int, name: str) -> FontFace | None:
    try:
        font = TTFont(name, path, subfontIndex=index)
    except Exception:  # a broken or unsupported font file is just not a candidate
        return None
    pdfmetrics.registerFont(font)
    return FontFace(name, path, index, frozenset(font.face.charToGlyph))


def _fc_list_candidates() -> list[tuple[str, int]]:
    """Installed fonts that claim CJK languages, as (path, index)."""
    if not shutil.which("fc-list"):
        return []
    found: list[tuple[str, int]] = []
    for lang in ("ja", "ko", "zh-cn"):
        out = subprocess.run(["fc-list", "-f", "%{file}|%{index}\n", f":lang={lang}"],
                             capture_output=True, text=True, check=False).stdout
        for row in out.splitlines():
            path, _, index = row.partition("|")
            if path.lower().endswith((".ttf", ".ttc", ".otf")) and (path, int(index or 0)) \
                    not in found:
                found.append((path, int(index or 0)))
    return found


@functools.cache
def label_fonts() -> FontSet:
    """The process-wide font set (loading a TTC takes ~0.1 s, so it is done once)."""
    faces: list[FontFace] = []
    if WQY_PATH.exists():
        face = _load_face(str(WQY_PATH), 0, "PackdeskCJK")
        if face:
            faces.append(face)
    probe = FontSet(faces) if faces else None
    if probe is None or probe.missing_scripts():
        for n, (path, index) in enumerate(_fc_list_candidates()):
            if path == str(WQY_PATH):
                continue
            face = _load_face(path, index, f"PackdeskFallback{n}")
            if face and (probe is None or not probe.primary.codepoints >= face.codepoints):
                faces.append(face)
                probe = FontSet(faces)
                if not probe.missing_scripts():
                    break
    return FontSet(faces)
