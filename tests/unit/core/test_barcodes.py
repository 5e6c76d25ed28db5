from app.domain.barcodes import (
    code_keys,
    expand_upce,
    is_valid_gtin,
    product_code_key,
    scan_problem,
)


def test_ean13_matches_with_and_without_its_check_digit():
    stored = product_code_key("4006381333931")
    assert stored in code_keys("4006381333931")
    assert stored in code_keys("400638133393")
    assert stored not in code_keys("4006381333932")  # a wrong check digit is not this product


def test_upca_is_the_ean13_with_a_leading_zero():
    assert product_code_key("036000291452") == product_code_key("0036000291452")
    assert product_code_key("036000291452") in code_keys("0036000291452")
    assert product_code_key("0036000291452") in code_keys("03600029145")


def test_upce_expands_to_its_upca():
    assert expand_upce("04252614") == "042100005264"
    assert product_code_key("042100005264") in code_keys("04252614")


def test_skus_match_case_insensitively():
    assert product_code_key("tea-001") == "TEA-001"
    assert "TEA-001" in code_keys(" tea-001 ")


def test_gtin_validation():
    assert is_valid_gtin("96385074")
    assert not is_valid_gtin("96385075")
    assert not is_valid_gtin("١٢٣٤٥٦٧٨")  # Arabic-Indic digits are digits, but not a GTIN


def test_scan_problems_are_named():
    assert scan_problem("") == "The scan was empty."
    assert "control character (U+0007)" in scan_problem("AB\x07C")
    assert "characters long" in scan_problem("9" * 5000)
    assert scan_problem("]C1" + "0109501101530003\x1d10ABC") is None
