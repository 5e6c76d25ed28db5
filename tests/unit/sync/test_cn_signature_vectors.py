"""The Pinduoduo, JD and Douyin test gateways' own signatures, and Packdesk's, against fixed
vectors.

Documented examples (input parameters, secret and the resulting sign, as the platform's own
page prints them), reproduced here byte for byte:
- Pinduoduo, "API调用指南" → 签名算法 / 调用示例
  (https://open.pinduoduo.com/application/document/browse?idStr=8EC06C399636041E):
  client_secret testSecret, pdd.order.number.list.get, client_id 1, the sorted list, the
  joined string "testSecretaccess_token…typepdd.order.number.list.gettestSecret" and
  UPPER_CASE(MD5(...)) => E4DE3ED21002510DED352819E7AE6775. Checked again on 2026-12-04 in a
  copy of that page (front matter source_url as above, captured 2026-04-10) found with the
  code search (find_string "E4DE3ED21002510DED352819E7AE6775"); the page's parameters,
  joined string and digest are PDD_DOC_* below.
- JD JOS, 开发指南 "API签名" (https://open.jd.com/v2/#/doc/dev-guide?listId=2643):
  app_secret yourappSecret, jingdong.pop.order.search with a 360buy_param_json, sign
  D70825340F4084360B9362B60DFD7930. The JOS page itself is not in the searchable corpora
  (the older JOS 开发规范, http://help.jd.com/jos/question-580.html, shows the same
  360buy_param_json example without a digest); the sign stands, copied from the doc's
  example URL, in several public JOS clients ("...&timestamp=...&sign=D70825340F40..."),
  and a public contract-test table lists these exact inputs with that source URL. Our own
  two signers reproduce it from the inputs below, so the vector is consistent with the doc.
- Douyin Shop (抖店): no worked example (inputs plus a resulting sign) found. Searched on
  2026-12-04: docs and pages for "op.jinritemai.com 签名算法", "抖店 签名算法 sign_method
  hmac-sha256 param_json 示例", "抖店开放平台 API调用指南 签名 示例"; code for "doudian sign
  hmac-sha256 app_key method param_json timestamp v", "jinritemai sign test expected";
  find_string for the guide's sample app_key 3409409348479354011, its sample app_secret
  2ad2355c-01d0-11f8-91dc-05a8cd1054b1 and openapi-fxg.jinritemai.com. The mirrored
  "API调用指南" (公共参数 table, 签名算法 steps 1-5) ends its 调用示例 with sign=ab3387e5, a
  placeholder, not a digest; SDK mirrors print the rule, never a result; one public load
  test carries an SPI sign (8abb21bcfc4cc7ba4a501e2dc73a5e0c, timestamp 2021-06-06 13:39:42)
  without its secret or body, so it cannot be checked. 抖店 points to an online signing tool
  (op.jinritemai.com/docs/guide-docs/gen-sign) instead. The Douyin vectors below stay
  hand-built from the documented rule (app_secret + app_key…method…param_json…timestamp…v
  + app_secret; md5, or HMAC-SHA256 keyed by app_secret), digests computed in a shell.

The hand-built vectors (PDD_SIGN, JD_SIGN, the Douyin pair) keep covering the calls Packdesk
makes; their joined strings are written out here and the digests were computed in a shell,
not with Python:
    printf '%s' "$SECRET$JOINED$SECRET" | md5sum                         (PDD, JD, Douyin md5)
    printf '%s' "$SECRET$JOINED$SECRET" | openssl dgst -sha256 -hmac "$SECRET"  (Douyin hmac)
"""

from __future__ import annotations

import json

import pytest

from sync.cn_open import md5_wrapped
from sync.douyin import param_json
from sync.douyin import sign as douyin_sign
from tests.channel_servers.douyin_server import douyin_signature
from tests.channel_servers.jd_server import jos_signature
from tests.channel_servers.pdd_server import pdd_signature

PDD_PARAMS = {"type": "pdd.order.information.get", "client_id": "4b6172e6ba8c4a9d8d1fb5a0ef7b4a1d",
              "access_token": "asd78172s8ds9a36a7d8f9g0h1j2k3l4", "timestamp": "1577808000",
              "data_type": "JSON", "order_sn": "260101-000000000000001"}
PDD_SECRET = "testSecret"
# sorted by name: access_token client_id data_type order_sn timestamp type
PDD_JOINED = ("access_tokenasd78172s8ds9a36a7d8f9g0h1j2k3l4client_id4b6172e6ba8c4a9d8d1fb5a0ef7b4a1d"
              "data_typeJSONorder_sn260101-000000000000001timestamp1577808000"
              "typepdd.order.information.get")
PDD_SIGN = "153E184994CA9F111A1F869115E4A0A5"

# PDD's documented example, as its page lists the input (client_id 1 is a number there)
PDD_DOC_PARAMS = {"access_token": "asd78172s8ds9a921j9qqwda12312w1w21211", "client_id": 1,
                  "data_type": "XML", "type": "pdd.order.number.list.get",
                  "timestamp": "1480411125", "order_status": "1", "page": "1", "page_size": "10"}
PDD_DOC_SECRET = "testSecret"
PDD_DOC_JOINED = ("access_tokenasd78172s8ds9a921j9qqwda12312w1w21211client_id1data_typeXML"
                  "order_status1page1page_size10timestamp1480411125typepdd.order.number.list.get")
PDD_DOC_SIGN = "E4DE3ED21002510DED352819E7AE6775"

# JOS's documented example: every system parameter and 360buy_param_json, as the page shows
JD_DOC_PARAMS = {
    "360buy_param_json": '{"end_date":null,"optional_fields":null,'
                         '"order_state":"WAIT_SELLER_STOCK_OUT","page":"1","page_size":"200",'
                         '"start_date":null}',
    "access_token": "yourtoken", "app_key": "yourappkey", "method": "jingdong.pop.order.search",
    "timestamp": "2021-05-07 09:20:39.683+0800", "v": "2.0"}
JD_DOC_SECRET = "yourappSecret"
JD_DOC_SIGN = "D70825340F4084360B9362B60DFD7930"

JD_PARAMS = {"method": "jingdong.pop.order.enGet", "app_key": "ABCDEF123456",
             "access_token": "2c1d3e4f", "timestamp": "2026-01-01 12:00:00", "v": "2.0",
             "360buy_param_json": '{"optional_fields":"orderId,orderState",'
                                  '"order_id":"290000000001"}'}
JD_SECRET = "jd-sec"
JD_SIGN = "C5943E1AA417D901D53E0E99ACA694B1"

DY = {"app_key": "7012345678901234567", "method": "order.orderDetail",
      "param_json": '{"shop_order_id":"6920000000000000001"}',
      "timestamp": "2026-01-01 12:00:00", "v": "2"}
DY_SECRET = "dysecret"
DY_MD5 = "0699190d5956380488e4a6c1ff97fd81"
DY_HMAC_SHA256 = "71e4d85291dd186eb51a87e8614fa69666cb29b29c363831732e78e28258819f"


def test_the_pdd_documented_example_joins_as_its_page_prints_it():
    joined = "".join(f"{k}{PDD_DOC_PARAMS[k]}" for k in sorted(PDD_DOC_PARAMS))
    assert joined == PDD_DOC_JOINED


@pytest.mark.parametrize("signer", [pdd_signature, md5_wrapped], ids=["server", "packdesk"])
def test_pdd_documented_example(signer):
    assert signer(PDD_DOC_PARAMS, PDD_DOC_SECRET) == PDD_DOC_SIGN
    assert signer({**PDD_DOC_PARAMS, "sign": PDD_DOC_SIGN}, PDD_DOC_SECRET) == PDD_DOC_SIGN


@pytest.mark.parametrize("signer", [jos_signature, md5_wrapped], ids=["server", "packdesk"])
def test_jd_documented_example(signer):
    """360buy_param_json sorts first ('3' < 'a'), access_token is signed, the timestamp is
    signed as the text sent."""
    assert signer(JD_DOC_PARAMS, JD_DOC_SECRET) == JD_DOC_SIGN


def test_the_pdd_vector_joins_as_documented():
    joined = "".join(f"{k}{PDD_PARAMS[k]}" for k in sorted(PDD_PARAMS))
    assert joined == PDD_JOINED


@pytest.mark.parametrize("signer", [pdd_signature, md5_wrapped], ids=["server", "packdesk"])
def test_pdd_vector(signer):
    assert signer(PDD_PARAMS, PDD_SECRET) == PDD_SIGN
    assert signer({**PDD_PARAMS, "sign": "X"}, PDD_SECRET) == PDD_SIGN


@pytest.mark.parametrize("signer", [jos_signature, md5_wrapped], ids=["server", "packdesk"])
def test_jd_vector(signer):
    assert signer(JD_PARAMS, JD_SECRET) == JD_SIGN


def test_jd_param_json_is_sorted_and_compact_as_packdesk_writes_it():
    written = json.dumps({"order_id": "290000000001", "optional_fields": "orderId,orderState"},
                         sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert written == JD_PARAMS["360buy_param_json"]


@pytest.mark.parametrize(("method", "expected"), [("md5", DY_MD5),
                                                  ("hmac-sha256", DY_HMAC_SHA256)])
def test_douyin_vectors(method, expected):
    args = (DY["app_key"], DY["method"], DY["param_json"], DY["timestamp"], DY["v"], DY_SECRET,
            method)
    assert douyin_signature(*args) == expected
    assert douyin_sign(*args) == expected


def test_douyin_body_is_signed_sorted_and_without_spaces():
    assert param_json({"z": 1, "a": {"y": [1, 2], "b": "中"}}) == '{"a":{"b":"中","y":[1,2]},"z":1}'
    assert param_json({"shop_order_id": "6920000000000000001"}) == DY["param_json"]


def test_a_changed_parameter_changes_each_signature():
    assert pdd_signature({**PDD_PARAMS, "order_sn": "x"}, PDD_SECRET) != PDD_SIGN
    assert jos_signature({**JD_PARAMS, "v": "1.0"}, JD_SECRET) != JD_SIGN
    with pytest.raises(ValueError):
        douyin_signature(*DY.values(), DY_SECRET, "sha1")
