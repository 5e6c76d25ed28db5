"""`packdesk decode`: readable output, JSON for tools, clear errors, the right exit code."""

import json

import cv2

from scanners.cli import decode_main, main
from scanners.testcard import TEST_CARD_GS1, render_code


def write(path, image):
    cv2.imwrite(str(path), image)
    return str(path)


def test_json_lists_every_file_and_its_reads(tmp_path, capsys):
    ean = write(tmp_path / "ean.png", render_code("4006381333931", "ean13"))
    blank = write(tmp_path / "blank.png", render_code("x", "qr")[:8, :8] * 0 + 255)
    assert decode_main([ean, blank], as_json=True) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == [{"path": ean, "reads": [{"symbology": "ean13", "text": "4006381333931"}]},
                   {"path": blank, "reads": []}]


def test_plain_output_shows_the_group_separator(tmp_path, capsys):
    card = write(tmp_path / "名前 card.png", render_code(TEST_CARD_GS1, "gs1-128", scale=2))
    assert main([card]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"{card}: gs1-128 0109501101530003")
    assert "<GS>21SELFTEST1" in line


def test_unreadable_files_are_named_and_the_rest_still_decoded(tmp_path, capsys):
    good = write(tmp_path / "good.png", render_code("SKU-RED-42", "code128"))
    fake = tmp_path / "notes.png"
    fake.write_text("not a picture")
    missing = str(tmp_path / "missing.jpg")
    assert decode_main([str(fake), good, missing], as_json=True) == 1
    captured = capsys.readouterr()
    assert [r["path"] for r in json.loads(captured.out)] == [good]
    assert f"cannot read {fake}: not an image file" in captured.err
    assert f"cannot open {missing}" in captured.err
    assert "Traceback" not in captured.err
