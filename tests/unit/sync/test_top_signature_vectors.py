"""The Taobao test gateway's own TOP signature against the documentation's example.

TOP's "API调用方法详解" (open.taobao.com doc.htm?docId=101617&docType=1) gives one worked
example, for sign_method=md5: app_key 12345678, secret "helloworld", taobao.item.seller.get,
signature 66987CB115214E59E6EC978214934FB8. It publishes no worked example for hmac or
hmac-sha256; those vectors are built by hand below from the documented algorithm (sort by
name, join name+value, HMAC keyed by the secret, upper-case hex), the digests computed with
`openssl dgst -md5 -hmac helloworld` / `openssl dgst -sha256 -hmac helloworld` over the
joined string, not with Python.
"""

from __future__ import annotations

import pytest

from sync.taobao_top import sign as packdesk_sign
from tests.channel_servers.taobao_server import top_signature

DOC_PARAMS = {
    "method": "taobao.item.seller.get", "app_key": "12345678", "session": "test",
    "timestamp": "2016-01-01 12:00:00", "format": "json", "v": "2.0", "sign_method": "md5",
    "fields": "num_iid,title,nick,price,num", "num_iid": "11223344",
}
DOC_SECRET = "helloworld"
DOC_MD5_SIGN = "66987CB115214E59E6EC978214934FB8"
# step 1: sorted by name (ASCII): app_key, fields, format, method, num_iid, session,
#         sign_method, timestamp, v
# step 2: name+value joined:
JOINED = ("app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller"
          ".getnum_iid11223344sessiontestsign_method{method}timestamp2016-01-01 12:00:00v2.0")
# step 3 (hmac): HMAC-MD5(key="helloworld", JOINED with sign_method=hmac), hex upper-case
HAND_HMAC_MD5 = "D56D7858309C31B6251083A874D48273"
# step 3 (hmac-sha256): HMAC-SHA256(key="helloworld", JOINED with sign_method=hmac-sha256)
HAND_HMAC_SHA256 = "04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8"


def test_the_documented_md5_example():
    assert top_signature(DOC_PARAMS, DOC_SECRET, "md5") == DOC_MD5_SIGN


def test_sign_and_empty_values_are_left_out():
    params = {**DOC_PARAMS, "sign": "ANYTHING", "partner_id": ""}
    assert top_signature(params, DOC_SECRET, "md5") == DOC_MD5_SIGN


@pytest.mark.parametrize(("method", "expected"), [("hmac", HAND_HMAC_MD5),
                                                  ("hmac-sha256", HAND_HMAC_SHA256)])
def test_hand_built_hmac_vectors(method, expected):
    params = {**DOC_PARAMS, "sign_method": method}
    assert top_signature(params, DOC_SECRET, method) == expected


def test_an_unknown_method_signs_nothing():
    with pytest.raises(ValueError):
        top_signature(DOC_PARAMS, DOC_SECRET, "sha1")


@pytest.mark.parametrize(("method", "expected"), [("md5", DOC_MD5_SIGN),
                                                  ("hmac", HAND_HMAC_MD5),
                                                  ("hmac-sha256", HAND_HMAC_SHA256)])
def test_packdesk_signs_the_same_vectors(method, expected):
    assert packdesk_sign({**DOC_PARAMS, "sign_method": method}, DOC_SECRET, method) == expected
