"""Scale protocols read from frames as the makers document them, and from damaged ones."""

from __future__ import annotations

import pytest

from scanners.scale_protocols import (
    CasFrames,
    HidPosReports,
    MtSics,
    Reading,
    ScaleState,
    SettledWeight,
    TextLines,
    framer_for,
    grams_of,
)

OK, ERROR = ScaleState.OK, ScaleState.ERROR


def cas_frame(status: str, sign: str, weight: str, unit: str = "KG") -> bytes:
    """A CAS frame built by the documented layout, its check byte worked out here."""
    body = (status + sign + weight.rjust(6) + unit).encode("latin-1")
    check = 0
    for byte in body:
        check ^= byte
    return b"\x01\x02" + body + bytes([check]) + b"\x03\x04"


def test_mt_sics_weights_and_states_as_the_reference_manual_shows_them():
    framer = MtSics()
    readings = framer.feed(b"S S     100.00 g\r\nS D     100.01 g\r\nS I\r\nS +\r\nS -\r\n"
                           b"SI S   1.2345 kg\r\nES\r\n")
    assert [(r.state, r.grams, r.stable) for r in readings] == [
        (OK, 100.0, True), (OK, 100.01, False), (ScaleState.BUSY, None, False),
        (ScaleState.OVERLOAD, None, False), (ScaleState.UNDERLOAD, None, False),
        (OK, 1234.5, True), (ERROR, None, False)]
    assert "did not understand" in readings[-1].detail


def test_mt_sics_frames_split_across_reads_and_a_negative_weight():
    framer = MtSics()
    assert framer.feed(b"S S    -") == []
    (reading,) = framer.feed(b"  12.5 g\r\n")
    assert reading.grams == -12.5 and reading.negative and reading.stable


def test_a_garbled_mt_sics_line_is_said_not_taken_for_a_weight():
    (reading,) = MtSics().feed(b"S S  1O0.00 g\r\n")
    assert reading.state is ERROR and reading.grams is None
    assert "MT-SICS" in reading.detail


@pytest.mark.parametrize(("line", "state", "grams", "stable", "net"), [
    (b"ST,GS,+  1.234kg", OK, 1234.0, True, False),
    (b"US,GS,+  1.240kg", OK, 1240.0, False, False),
    (b"ST,NT,-0.012,kg", OK, -12.0, True, True),
    (b"ST,GS,   530,g", OK, 530.0, True, False),
    (b"ST,GS,+  2.500lb", OK, 1133.981, True, False),
    (b"OL,GS,", ScaleState.OVERLOAD, None, False, False),
    (b"UL,GS,-  0.000kg", ScaleState.UNDERLOAD, None, False, False),
])
def test_text_lines_of_the_common_indicator_format(line, state, grams, stable, net):
    (reading,) = TextLines().feed(line + b"\r\n")
    assert reading.state is state and reading.stable is stable and reading.net is net
    if grams is None:
        assert reading.grams is None
    else:
        assert reading.grams == pytest.approx(grams, abs=0.001)


def test_text_lines_refuse_what_the_format_does_not_describe():
    framer = TextLines()
    bad = framer.feed(b"ST,GS,+  1.2.3kg\r\nHELLO\r\nST,GS,+  1.000xx\r\n")
    assert [r.state for r in bad] == [ERROR, ERROR, ERROR]
    assert "unknown weight unit" in bad[2].detail
    assert framer.feed(b"9" * 300)[0].detail == "a line longer than any scale sends"


def test_a_station_pattern_must_name_its_groups():
    with pytest.raises(ValueError, match="groups state"):
        TextLines(r"^(?P<value>[\d.]+)$")
    with pytest.raises(ValueError, match="not a valid expression"):
        TextLines(r"^(?P<state>")
    custom = TextLines(r"^W(?P<state>ST|US)(?P<value>\d+\.\d+)(?P<unit>kg)$")
    assert custom.feed(b"WST0.750kg\n")[0].grams == 750.0


def test_cas_frames_with_their_check_byte():
    framer = CasFrames()
    stream = cas_frame("S", " ", "1.234") + cas_frame("U", " ", "1.236") + cas_frame("S", "-",
                                                                                  "0.050")
    readings = framer.feed(stream[:7]) + framer.feed(stream[7:])
    assert [(r.grams, r.stable) for r in readings] == [(1234.0, True), (1236.0, False),
                                                       (-50.0, True)]


def test_a_cas_frame_hit_by_noise_is_refused():
    frame = bytearray(cas_frame("S", " ", "1.234"))
    frame[5] = ord("7")
    (reading,) = CasFrames().feed(bytes(frame))
    assert reading.state is ERROR and "check byte" in reading.detail
    assert CasFrames().feed(cas_frame("S", " ", "------"))[0].state is ScaleState.OVERLOAD


def hid_report(status: int, unit: int, exponent: int, weight: int) -> bytes:
    return bytes([3, status, unit, exponent & 0xFF]) + weight.to_bytes(2, "little")


def test_hid_pos_reports_as_the_usage_tables_give_them():
    framer = HidPosReports()
    readings = framer.feed(hid_report(4, 2, 0, 20) + hid_report(3, 2, 0, 25)
                           + hid_report(4, 11, -1, 6452) + hid_report(6, 2, 0, 0)
                           + hid_report(5, 2, 0, 0) + hid_report(8, 2, 0, 0))
    assert (readings[0].grams, readings[0].stable) == (20.0, True)
    assert (readings[1].grams, readings[1].stable) == (25.0, False)  # in motion
    assert readings[2].grams == pytest.approx(645.2 * 28.349523125)  # 40 lb 5.2 oz
    assert [r.state for r in readings[3:]] == [ScaleState.OVERLOAD, ScaleState.UNDERLOAD,
                                                ERROR]
    assert "needs zeroing" in readings[5].detail
    assert framer.feed(hid_report(4, 2, 1, 25))[0].grams == 250.0  # exponent +1


def test_units_and_bad_values():
    assert grams_of("1,5", "kg") == 1500.0
    with pytest.raises(ValueError, match="not a weight"):
        grams_of("1e999999", "g")  # no scale sends an exponent; a huge one is no weight
    with pytest.raises(ValueError, match="unknown scale protocol"):
        framer_for("dini-argeo")


def stable(grams: float) -> Reading:
    return Reading(OK, grams, stable=True)


def test_only_a_weight_that_held_counts_and_only_once():
    gate = SettledWeight(settle=3, tolerance_g=2.0)
    moving = [Reading(OK, 900.0), stable(1200.0), stable(1203.5), stable(1204.0),
              stable(1204.5), stable(1205.0)]  # 1200 -> 1203.5 moved more than 2 g
    assert [gate.feed(r) for r in moving] == [None, None, None, None, 1204.0, None]
    assert gate.feed(stable(1204.0)) is None  # the same weight again: nothing new
    assert gate.feed(Reading(ScaleState.OVERLOAD)) is None and gate.settled_g is None
    assert [gate.feed(stable(880.0)) for _ in range(3)] == [None, None, 880.0]
    assert gate.feed(Reading(ScaleState.BUSY)) is None and gate.settled_g == 880.0  # a Z ack


# ---- Dibal POS (G-310, GDPOS): 98 request, 99 answer -------------------------------------

def dibal_answer(weight: str, code: str = "0", amount: str = "000000") -> bytes:
    """Built with the documented rule: the check character is the XOR of the 15 before it."""
    body = f"99{code}{weight}0{amount}".encode()
    check = 0
    for byte in body:
        check ^= byte
    return body + bytes([check]) + b"\r\n"


def test_dibal_the_documented_request_and_answer():
    from scanners.scale_protocols import DibalPos, dibal_request

    assert dibal_request(0) == b"98000001\r\n"  # the request a POS sends over and over
    assert dibal_answer("00316") == b"9900031600000004\r\n"  # the documented answer
    [reading] = DibalPos().feed(b"9900031600000004\r\n")
    assert (reading.state, reading.grams, reading.stable) == (ScaleState.OK, 316.0, True)


def test_dibal_unsettled_negative_garbled_and_refused_answers():
    from scanners.scale_protocols import DibalPos

    framer = DibalPos()
    unsettled, negative, refused = (framer.feed(dibal_answer(w, code=c))[0] for w, c in
                                    (("     ", "0"), ("-0012", "0"), ("01234", "1")))
    assert unsettled.state is ScaleState.BUSY and not unsettled.detail
    assert negative.state is ScaleState.UNDERLOAD
    assert refused.state is ScaleState.ERROR and "code 1" in refused.detail
    garbled = bytearray(dibal_answer("01234"))
    garbled[5] = ord("9")  # one digit changed on the wire: the check character catches it
    [bad] = framer.feed(bytes(garbled))
    assert bad.state is ScaleState.ERROR and "check character" in bad.detail
    [noise] = framer.feed(b"S S 1.000 kg\r\n")
    assert noise.state is ScaleState.ERROR and "Dibal" in noise.detail


def test_dibal_a_weight_counts_once_it_held():
    from scanners.scale_protocols import DibalPos, SettledWeight

    framer, settled = DibalPos(), SettledWeight(settle=2)
    said = [settled.feed(r) for r in framer.feed(dibal_answer("     ") + dibal_answer("01500")
                                                 + dibal_answer("01500"))]
    assert said == [None, None, 1500.0]
