"""Which text encoding a CSV export is in: detected (charset-normalizer), never guessed.

UTF-8 (with or without BOM) is taken as it is: bytes of any other encoding almost never
form valid UTF-8. Anything else goes to the detector, limited to the encodings merchants'
exports come in. When the plausible readings of the file differ (a short file of Shift-JIS
names reads as well-formed GB18030 too), Packdesk does not pick one: it raises
EncodingUnsure with each reading's sample, and the person chooses (`--encoding` on the CLI,
the encoding list in the import dialog).
"""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from app.domain.messages import Msg

# The encodings exports come in, most likely first: a tie goes to the earlier one.
ENCODINGS = ("utf_8", "gb18030", "cp932", "big5", "cp949", "cp1252", "cp1250", "cp1251")
PLAUSIBLE_CHAOS = 0.05  # readings this close to the cleanest one are all believable ...
PLAUSIBLE_COHERENCE = 0.02  # ... unless another reads clearly more like a language
# Random high bytes seldom form clean double-byte text, while any bytes are valid in a
# single-byte code page: a clean CJK reading outweighs every single-byte one.
DOUBLE_BYTE = frozenset({"gb18030", "cp932", "big5", "cp949"})
SAMPLE_LINES, SAMPLE_CHARS = 3, 80


class CsvImportError(ValueError):
    """The file as a whole cannot be read (encoding, no header, unknown layout)."""


@dataclass(frozen=True)
class Candidate:
    encoding: str
    sample: str  # the first lines with non-ASCII text (names, addresses), as read this way


class EncodingUnsure(CsvImportError):
    def __init__(self, source: str, candidates: tuple[Candidate, ...]) -> None:
        self.candidates = candidates
        names = ", ".join(c.encoding for c in candidates)
        super().__init__(Msg("{source}: cannot tell its text encoding for sure (it reads as {names}); choose one, e.g. --encoding {encoding}",
                             source=source, names=names, encoding=candidates[0].encoding))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, source: str = "file", encoding: str | None = None) -> Decoded:
    """The file's text and the encoding it was read in; EncodingUnsure when in doubt."""
    if encoding:
        return _forced(data, source, encoding)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"), "utf_8")
    except UnicodeDecodeError:
        pass
    readings = _readings(data)
    if not readings:
        raise CsvImportError(Msg("{source} is not text in any encoding Packdesk knows ({encodings}); give one with --encoding",
                                 source=source, encodings=', '.join(ENCODINGS)))
    if len(readings) > 1:
        raise EncodingUnsure(source, tuple(Candidate(enc, _sample(text))
                                           for enc, text in readings))
    encoding, text = readings[0]
    return Decoded(text, encoding)


def _forced(data: bytes, source: str, encoding: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except LookupError:
        raise CsvImportError(Msg("{encoding!r} is not a text encoding Packdesk knows",
                                 encoding=encoding)) from None
    except UnicodeDecodeError as exc:
        raise CsvImportError(Msg("{source} is not {encoding} text (byte {start} does not fit)",
                                 source=source, encoding=encoding, start=exc.start)) from None
    return Decoded(text.removeprefix("\ufeff"), encoding)


def _readings(data: bytes) -> list[tuple[str, str]]:
    """Each different believable reading once, cleanest first, named by the likeliest
    encoding that gives it."""
    matches = list(from_bytes(data, cp_isolation=list(ENCODINGS)))
    if not matches:
        return []
    cleanest = min(m.chaos for m in matches)
    clean = [m for m in matches if m.chaos <= cleanest + PLAUSIBLE_CHAOS]
    double_byte = [m for m in clean if m.encoding in DOUBLE_BYTE]
    if double_byte:
        plausible = double_byte
    else:  # Latin or Cyrillic code pages: the one that reads more like a language
        coherent = max(m.coherence for m in clean)
        plausible = [m for m in clean if m.coherence >= coherent - PLAUSIBLE_COHERENCE]
    plausible.sort(key=lambda m: (m.chaos, -m.coherence, _rank(m.encoding)))
    by_text: dict[str, str] = {}
    for match in plausible:
        text = data.decode(match.encoding)
        known = by_text.get(text)
        if known is None or _rank(match.encoding) < _rank(known):
            by_text[text] = match.encoding
    return [(encoding, text) for text, encoding in by_text.items()]


def _rank(encoding: str) -> int:
    return ENCODINGS.index(encoding) if encoding in ENCODINGS else len(ENCODINGS)


def _sample(text: str) -> str:
    lines = [line for line in text.splitlines() if not line.isascii()][:SAMPLE_LINES]
    return " | ".join(line[:SAMPLE_CHARS] for line in lines)
