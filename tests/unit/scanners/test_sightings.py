"""Hold-off: one report per sighting of a code, not one per frame."""

from scanners.camera import SightingFilter

EAN = ("4006381333931", "ean13")
SKU = ("SKU-RED-42", "code128")


def test_a_code_in_view_is_reported_once_within_the_hold_off():
    sightings = SightingFilter(hold_off_s=1.5)
    reports = [sightings.admit([EAN], t / 30) for t in range(40)]  # 1.33 s at 30 fps
    assert [r for r in reports if r] == [[EAN]]


def test_after_the_hold_off_a_code_still_in_view_is_reported_again():
    sightings = SightingFilter(hold_off_s=1.5)
    times = [t / 30 for t in range(60)]  # 2 s
    reported_at = [t for t in times if sightings.admit([EAN], t)]
    assert reported_at == [0.0, 1.5]


def test_a_code_that_left_the_view_is_reported_again_at_once():
    sightings = SightingFilter(hold_off_s=1.5, gone_after_frames=3)
    frames = [[EAN]] * 5 + [[]] * 3 + [[EAN]] * 2
    reports = [sightings.admit(seen, i / 30) for i, seen in enumerate(frames)]
    assert [i for i, r in enumerate(reports) if r] == [0, 8]


def test_one_missed_frame_is_not_leaving_the_view():
    sightings = SightingFilter(hold_off_s=1.5, gone_after_frames=3)
    frames = [[EAN], [], [EAN], [], [], [EAN]]
    reports = [sightings.admit(seen, i / 30) for i, seen in enumerate(frames)]
    assert [i for i, r in enumerate(reports) if r] == [0]


def test_two_codes_in_one_frame_are_both_reported_once():
    sightings = SightingFilter()
    assert sightings.admit([EAN, SKU, EAN], 0.0) == [EAN, SKU]
    assert sightings.admit([SKU, EAN], 0.1) == []
