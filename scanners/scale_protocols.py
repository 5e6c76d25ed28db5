"""What scales send, turned into readings: MT-SICS, CAS frames, configurable text lines and
USB HID POS weight reports. Plain Python (no Qt): scanners/scale.py feeds it the bytes.

Each protocol is a *framer*: `feed(bytes)` keeps what is incomplete and returns a Reading
for every complete frame. A frame that cannot be read becomes a Reading in state ERROR
with the reason, so a garbled line is said, never taken for a weight.

Sources, as the makers document them:
- MT-SICS (Mettler Toledo): commands `S`, `SI`, `SIR`, `Z`, `T` ending in CR LF; weight
  responses `S S <value> <unit>` (stable), `S D ...` (dynamic), `S I` (not executable now),
  `S +` / `S -` (over- / underload); `ES`, `ET`, `EL` errors.
- CAS RS-232 frame (SW-II and others): SOH STX STA SIGN W5..W0 UN1 UN2 BCC ETX EOT with STA
  `S`/`U`, SIGN `-`/space, six weight characters (a decimal point counts as one), unit `KG`
  or `LB`, BCC the exclusive-or of STA..UN2.
- Text lines (Dini Argeo/CAS/most indicators' "continuous" output): `ST,GS,+  1.234kg`,
  `US,NT,-0.012,kg`, `OL,GS,...` — state ST/US/OL/UL, gross/net, signed value, unit. The
  pattern is configurable per station for indicators that differ.
- USB HID POS scale (usage page 0x8D, weight report ID 3): status, unit, signed exponent,
  16-bit little-endian weight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class ScaleState(StrEnum):
    OK = "ok"  # a weight (check `stable`)
    OVERLOAD = "overload"
    UNDERLOAD = "underload"  # under zero: the platform was lifted or needs zeroing
    BUSY = "busy"  # the scale could not answer now (taring, no stability in time)
    ERROR = "error"  # a frame that could not be read, or a fault the scale reports


GRAMS_PER_UNIT = {
    "mg": Decimal("0.001"), "g": Decimal(1), "kg": Decimal(1000), "t": Decimal(1_000_000),
    "lb": Decimal("453.59237"), "oz": Decimal("28.349523125"), "ct": Decimal("0.2"),
}


@dataclass(frozen=True)
class Reading:
    """One thing the scale said. `grams` is None unless state is OK."""

    state: ScaleState
    grams: float | None = None
    stable: bool = False
    net: bool = False  # a tare is set: the weight is net
    detail: str = ""  # why, for ERROR / BUSY, in words
    raw: bytes = b""

    @property
    def negative(self) -> bool:
        return self.grams is not None and self.grams < 0


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def grams_of(value: str, unit: str) -> float:
    """A weight in any of the scale units, in grams; ValueError names what is wrong."""
    factor = GRAMS_PER_UNIT.get(unit.strip().lower())
    if factor is None:
        raise ValueError(f"unknown weight unit {unit!r}")
    text = value.replace(" ", "").replace(",", ".")
    if not _NUMBER.match(text):  # scales send plain decimals: no exponent, no NaN
        raise ValueError(f"{value!r} is not a weight")
    amount = Decimal(text)
    return float(amount * factor)


def _error(raw: bytes, detail: str) -> Reading:
    return Reading(ScaleState.ERROR, detail=detail, raw=raw)


class LineFramer:
    """Frames ending in CR, LF or CR LF; subclasses read one line."""

    max_line = 256  # a scale line is short; more is noise on the wire

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[Reading]:
        self._buffer += data
        *lines, self._buffer = re.split(rb"\r\n|\r|\n", self._buffer)
        readings = [self.read_line(line) for line in lines if line.strip(b" \x00")]
        if len(self._buffer) > self.max_line:
            readings.append(_error(self._buffer[:32], "a line longer than any scale sends"))
            self._buffer = b""
        return readings

    def read_line(self, line: bytes) -> Reading:
        raise NotImplementedError


class MtSics(LineFramer):
    """Mettler Toledo Standard Interface Command Set."""

    # what the station sends: weight now and repeated; a stable weight; zero; tare
    CONTINUOUS = b"SIR\r\n"
    STABLE_NOW = b"S\r\n"
    ZERO = b"Z\r\n"
    TARE = b"T\r\n"

    _WEIGHT = re.compile(r"^(S|SI|SU|SIU)\s+([SD])\s+(-?\s*[\d.]+)\s*(\S+)$")

    def read_line(self, line: bytes) -> Reading:
        text = line.decode("ascii", "replace").strip()
        head, _, rest = text.partition(" ")
        rest = rest.strip()
        if head in ("ES", "ET", "EL"):
            meaning = {"ES": "the scale did not understand the command",
                       "ET": "the scale got a garbled command",
                       "EL": "the scale cannot do that now"}[head]
            return _error(line, meaning)
        if head in ("S", "SI", "SU", "SIU"):
            if rest == "I":
                return Reading(ScaleState.BUSY, detail="the scale is busy or not settling",
                               raw=line)
            if rest == "+":
                return Reading(ScaleState.OVERLOAD, raw=line)
            if rest == "-":
                return Reading(ScaleState.UNDERLOAD, raw=line)
            match = self._WEIGHT.match(text)
            if match is None:
                return _error(line, f"not an MT-SICS weight: {text[:40]!r}")
            try:
                grams = grams_of(match[3], match[4])
            except ValueError as exc:
                return _error(line, str(exc))
            return Reading(ScaleState.OK, grams, stable=match[2] == "S", raw=line)
        if head in ("Z", "T", "TA", "@", "I4", "I2"):
            if rest.startswith(("+", "-")):
                return Reading(ScaleState.BUSY, detail="zero or tare is out of range",
                               raw=line)
            if rest == "I":
                return Reading(ScaleState.BUSY, detail="zero or tare could not be done now",
                               raw=line)
            return Reading(ScaleState.BUSY, detail="", raw=line)  # an answer, not a weight
        return _error(line, f"not an MT-SICS answer: {text[:40]!r}")


_STATE_WORDS = {"ST": (ScaleState.OK, True), "US": (ScaleState.OK, False),
                "OL": (ScaleState.OVERLOAD, False), "UL": (ScaleState.UNDERLOAD, False)}

DEFAULT_LINE_PATTERN = (r"^(?P<state>ST|US|OL|UL)\s*,\s*(?P<mode>GS|NT|TR|G|N)?\s*,?\s*"
                        r"(?P<value>[+-]?\s*\d+(?:[.,]\d+)?)?\s*,?\s*(?P<unit>[a-zA-Z]{1,2})?$")


@dataclass
class TextLines(LineFramer):
    """A continuous text output, one reading per line, read with a regular expression whose
    named groups are `state` (ST/US/OL/UL), `mode` (GS/NT), `value` and `unit`."""

    pattern: str = DEFAULT_LINE_PATTERN
    default_unit: str = "kg"
    _regex: re.Pattern = field(init=False, repr=False)

    def __post_init__(self) -> None:
        super().__init__()
        try:
            self._regex = re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"the scale line pattern is not a valid expression: {exc}") from None
        missing = {"state", "value"} - set(self._regex.groupindex)
        if missing:
            raise ValueError("the scale line pattern needs the groups "
                             + ", ".join(sorted(missing)))

    def read_line(self, line: bytes) -> Reading:
        text = line.decode("latin-1").strip()
        match = self._regex.match(text)
        if match is None:
            return _error(line, f"a line the scale format does not describe: {text[:40]!r}")
        state, stable = _STATE_WORDS.get((match["state"] or "").upper(), (None, False))
        if state is None:
            return _error(line, f"unknown scale state {match['state']!r}")
        groups = match.groupdict()
        net = (groups.get("mode") or "").upper() in ("NT", "N")
        if state is not ScaleState.OK:
            return Reading(state, net=net, raw=line)
        if not match["value"]:
            return _error(line, "a line without a weight")
        try:
            grams = grams_of(match["value"], groups.get("unit") or self.default_unit)
        except ValueError as exc:
            return _error(line, str(exc))
        return Reading(ScaleState.OK, grams, stable=stable, net=net, raw=line)


SOH, STX, ETX, EOT = b"\x01", b"\x02", b"\x03", b"\x04"


class CasFrames:
    """CAS binary-framed weight: SOH STX STA SIGN W5..W0 UN1 UN2 BCC ETX EOT (15 bytes)."""

    FRAME_LENGTH = 15
    REQUEST = b"\x11"  # DC1: the PC asks for a weight

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[Reading]:
        self._buffer += data
        readings: list[Reading] = []
        while True:
            start = self._buffer.find(SOH + STX)
            if start < 0:
                if len(self._buffer) > 64:  # noise with no frame start in it
                    readings.append(_error(self._buffer[:32], "bytes that are not a CAS frame"))
                self._buffer = self._buffer[-1:] if self._buffer.endswith(SOH) else b""
                return readings
            if start > 0 and self._buffer[:start].strip(b"\r\n\x00"):
                readings.append(_error(self._buffer[:start], "bytes before a CAS frame"))
            frame = self._buffer[start:start + self.FRAME_LENGTH]
            if len(frame) < self.FRAME_LENGTH:
                self._buffer = self._buffer[start:]
                return readings
            self._buffer = self._buffer[start + self.FRAME_LENGTH:]
            readings.append(self.read_frame(frame))

    @staticmethod
    def bcc(body: bytes) -> int:
        check = 0
        for byte in body:
            check ^= byte
        return check

    def read_frame(self, frame: bytes) -> Reading:
        if frame[13:15] != ETX + EOT:
            return _error(frame, "a CAS frame without its end")
        body = frame[2:12]  # STA SIGN W5..W0 UN1 UN2
        if self.bcc(body) != frame[12]:
            return _error(frame, "a CAS frame with a wrong check byte (noise on the line)")
        status, sign = chr(body[0]), chr(body[1])
        weight = body[2:8].decode("latin-1")
        unit = body[8:10].decode("latin-1").strip()
        if status not in "SU":
            return _error(frame, f"unknown CAS status {status!r}")
        if set(weight) <= set("-") or weight.strip() in ("OL", "OVER"):
            return Reading(ScaleState.OVERLOAD, raw=frame)
        try:
            grams = grams_of(weight, unit)
        except ValueError as exc:
            return _error(frame, str(exc))
        if sign == "-":
            grams = -grams
        elif sign != " ":
            return _error(frame, f"unknown CAS sign {sign!r}")
        return Reading(ScaleState.OK, grams, stable=status == "S", raw=frame)


# USB HID POS weighing devices (usage page 0x8D): the weight report's status and units.
HID_STATUS = {1: "fault", 2: "stable at zero", 3: "in motion", 4: "stable", 5: "under zero",
              6: "over the limit", 7: "needs calibration", 8: "needs zeroing"}
HID_UNITS = {1: "mg", 2: "g", 3: "kg", 4: "ct", 8: "t", 11: "oz", 12: "lb"}


class HidPosReports:
    """Reports as read from /dev/hidrawN: report ID 3, status, unit, exponent, weight LE."""

    REPORT_LENGTH = 6
    WEIGHT_REPORT = 3

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[Reading]:
        self._buffer += data
        readings = []
        while len(self._buffer) >= self.REPORT_LENGTH:
            report, self._buffer = (self._buffer[:self.REPORT_LENGTH],
                                    self._buffer[self.REPORT_LENGTH:])
            readings.append(self.read_report(report))
        return readings

    def read_report(self, report: bytes) -> Reading:
        report_id, status, unit_code, exponent = report[0], report[1], report[2], report[3]
        if report_id != self.WEIGHT_REPORT:
            return _error(report, f"not a weight report (report {report_id})")
        if exponent > 127:
            exponent -= 256
        if status == 6:
            return Reading(ScaleState.OVERLOAD, raw=report)
        if status == 5:
            return Reading(ScaleState.UNDERLOAD, raw=report)
        if status not in (2, 3, 4):
            return _error(report, f"the scale reports: {HID_STATUS.get(status, status)}")
        unit = HID_UNITS.get(unit_code)
        if unit is None:
            return _error(report, f"a weight in unit {unit_code}, which Packdesk does not use")
        amount = Decimal(int.from_bytes(report[4:6], "little")).scaleb(exponent)
        return Reading(ScaleState.OK, grams_of(format(amount, "f"), unit), stable=status in (2, 4),
                       raw=report)


def _xor(text: bytes) -> int:
    out = 0
    for byte in text:
        out ^= byte
    return out


def dibal_request(price_cents: int = 0) -> bytes:
    """The POS's weight request to a Dibal POS scale (G-310, GDPOS): "98", the unit price in
    5 digits, a check character, CR LF. The check character is the sum of the price's digits
    XOR the XOR of the characters before it; "98000001" (price 0) is the documented example
    that a POS sends over and over to read the weight."""
    body = b"98" + f"{price_cents:05d}".encode()
    check = sum(int(c) for c in f"{price_cents:05d}") ^ _xor(body)
    return body + bytes([check]) + b"\r\n"


class DibalPos(LineFramer):
    """Dibal POS scales (G-310, GDPOS series) on request, 9600 8N1. The answer is 16 digits
    and CR LF: "99", a reception code ("0": the request was read), the weight in 5 digits
    (grams: the last 3 are the decimals of the kilogram), "0", six digits of amount, and a
    check character, the XOR of the 15 characters before it: "9900031600000004" is 316 g.

    Source: the Dibal POS serial protocol as a POS vendor documents it (sbzsystems.com,
    "DIBAL POS Scale Serial Settings & Communication Protocol"); its worked example is the
    test vector. What the answer holds when the weight is not settled is not in that page;
    Dibal's DIALOG 06 manual (DPOS400, 49-TGDP4ES02) says those scales fill an unsettled
    weight with blanks and send a negative one with a minus sign, and this reader takes the
    same meaning here: blanks are "not settled", a minus is under zero. A weight in digits
    counts as stable, and SettledWeight still asks for it to hold."""

    REQUEST = dibal_request(0)
    _ANSWER = re.compile(rb"^99([0-9])([0-9 -]{5})0([0-9]{6})(.)$")

    def read_line(self, line: bytes) -> Reading:
        body = line.strip(b" \x00") if len(line) != 16 else line
        match = self._ANSWER.match(body)
        if match is None:
            return _error(line, "not a Dibal weight answer (99 + 14 characters)")
        if _xor(body[:15]) != body[15]:
            return _error(line, "the Dibal answer's check character is wrong: a garbled line")
        code, weight = match.group(1), match.group(2).decode()
        if code != b"0":
            return _error(line, f"the scale did not read the request (code {code.decode()})")
        if not weight.strip():
            return Reading(ScaleState.BUSY, detail="", raw=line)  # not settled yet
        if weight.lstrip().startswith("-"):
            return Reading(ScaleState.UNDERLOAD, raw=line)
        if not weight.isdigit():
            return _error(line, f"the Dibal weight {weight!r} is not a number")
        return Reading(ScaleState.OK, float(int(weight)), stable=True, raw=line)


def framer_for(protocol: str, line_pattern: str = ""
               ) -> LineFramer | CasFrames | HidPosReports:
    """The framer a station's setting names: mt-sics, cas, dibal, text, hid."""
    if protocol == "mt-sics":
        return MtSics()
    if protocol == "cas":
        return CasFrames()
    if protocol == "text":
        return TextLines(line_pattern or DEFAULT_LINE_PATTERN)
    if protocol == "hid":
        return HidPosReports()
    if protocol == "dibal":
        return DibalPos()
    raise ValueError(f"unknown scale protocol {protocol!r}; use mt-sics, cas, dibal, text or "
                     "hid")


@dataclass
class SettledWeight:
    """Only a stable weight counts, and only once it held: `settle` stable readings in a
    row within `tolerance_g` of each other. `feed` returns the settled weight when it is new
    (None otherwise); anything not stable resets it."""

    settle: int = 3
    tolerance_g: float = 2.0
    _run: list[float] = field(default_factory=list)
    settled_g: float | None = None

    def feed(self, reading: Reading) -> float | None:
        if reading.state is not ScaleState.OK:
            if reading.state is not ScaleState.BUSY or reading.detail:
                self._run.clear()
                self.settled_g = None
            return None
        if not reading.stable or reading.grams is None:
            self._run.clear()
            self.settled_g = None
            return None
        if any(abs(g - reading.grams) > self.tolerance_g for g in self._run):
            self._run.clear()  # it moved: start again
        self._run.append(reading.grams)
        del self._run[:-self.settle]
        if len(self._run) < self.settle:
            return None
        value = round(sum(self._run) / len(self._run), 1)
        if self.settled_g is not None and abs(value - self.settled_g) <= self.tolerance_g:
            return None
        self.settled_g = value
        return value
