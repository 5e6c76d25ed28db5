import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import FontFace, FontMissing, FontSet, label_fonts
from printing.layout import ELLIPSIS, Writer

ADDRESS_TEXT = st.text(st.sampled_from(list("abcdefg ÉØß中国東京都한글かなカナ0123-,. ")),
                       max_size=200)


def _writer() -> Writer:
    return Writer(Canvas(io.BytesIO()))


@settings(max_examples=60, deadline=None)
@given(text=ADDRESS_TEXT, width=st.floats(40, 300), size=st.floats(6, 24))
def test_wrapped_lines_never_run_past_the_width(text, width, size):
    writer = _writer()
    lines = writer.wrap(text, width, size)
    assert all(writer.width(line, size) <= width + 1e-6 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@settings(max_examples=40, deadline=None)
@given(text=ADDRESS_TEXT, height=st.floats(10, 120))
def test_a_block_fits_its_box_or_is_cut_with_an_ellipsis(text, height):
    writer = _writer()
    size, lines = writer.fit([text], 150, height, 18, 7)
    rows_that_fit = max(1, int((height - size) / (size * 1.18)) + 1)
    assert 7 <= size <= 18
    assert len(lines) <= rows_that_fit
    assert all(writer.width(line, size) <= 150 + 1e-6 for line in lines)
    if "".join(lines).replace(" ", "") != text.replace(" ", ""):
        assert lines[-1].endswith(ELLIPSIS)


def test_cjk_wraps_between_characters_and_latin_between_words():
    writer = _writer()
    assert writer.wrap("東京都新宿区西新宿", writer.width("東京都新", 10) + 0.1, 10) == \
        ["東京都新", "宿区西新", "宿"]
    width = max(writer.width("rue de la", 10), writer.width("République", 10)) + 0.1
    assert writer.wrap("rue de la République", width, 10) == ["rue de la", "République"]


def test_the_label_font_draws_han_kana_hangul_and_accented_latin():
    fonts = label_fonts()
    assert fonts.missing_scripts() == []
    assert fonts.runs("山田 たろう 김민수 Zoë") == [(fonts.primary.name, "山田 たろう 김민수 Zoë")]


def test_no_run_holds_a_character_its_font_cannot_draw():
    fonts = label_fonts()
    by_name = {face.name: face for face in fonts.faces}
    for name, text in fonts.runs("Box 📦 and 𝔘 and \U000e0001 中"):
        for ch in text:
            assert ch == "?" or ch.isspace() or by_name[name].covers(ch)


def test_no_font_at_all_names_the_package_to_install():
    try:
        FontSet([])
    except FontMissing as exc:
        assert "fonts-wqy-microhei" in str(exc)
    else:
        raise AssertionError("an empty font set was accepted")


def test_characters_the_first_font_lacks_come_from_the_next_one():
    cjk = label_fonts().primary
    latin_only = FontFace(cjk.name, cjk.path, cjk.index,
                          frozenset(c for c in cjk.codepoints if c < 0x250))
    fallback = FontFace("PackdeskFallbackTest", cjk.path, cjk.index, cjk.codepoints)
    fonts = FontSet([latin_only, fallback])
    assert fonts.runs("Zoë 山田 Lyon") == [(cjk.name, "Zoë "), ("PackdeskFallbackTest", "山田"),
                                          (cjk.name, " Lyon")]
    assert fonts.missing_scripts() == []
    assert FontSet([latin_only]).missing_scripts() == ["Han", "kana", "hangul"]
    assert FontSet([latin_only]).runs("Zoë 山") == [(cjk.name, "Zoë ?")]
