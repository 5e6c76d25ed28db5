"""One way to reach a carrier over HTTP, with its failures said in the port's words.

A timeout, a refused connection, a 5xx or a 429 is the carrier being away: CarrierUnavailable,
asked again later. Any other non-200 answer, or a body that is not JSON, is named with the
carrier so the person reading the alert knows whom to blame.
"""

from __future__ import annotations

from typing import Any

import httpx

from app.domain.messages import Msg
from app.domain.shipping import CarrierError, CarrierUnavailable


class CarrierHttp:
    def __init__(self, carrier_name: str, url: str, *, timeout_s: float = 15.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.carrier_name, self.url, self.timeout_s = carrier_name, url, timeout_s
        self._client = httpx.Client(timeout=timeout_s, transport=transport)

    def close(self) -> None:
        self._client.close()

    def post_form(self, form: dict[str, str], what: str, url: str | None = None) -> Any:
        """POST form fields (UTF-8, urlencoded) and return the JSON answer."""
        response = self._send("POST", url or self.url, what, data=form, headers={
            "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8"})
        try:
            return response.json()
        except ValueError:
            raise CarrierUnavailable(Msg("{carrier_name} answered {what} with something that is not JSON; it will be asked again.",
                                         carrier_name=self.carrier_name, what=what),
                                     "malformed") from None

    def send_json(self, method: str, url: str, what: str, *, headers: dict[str, str],
                  body: Any = None) -> tuple[int, Any]:
        """A JSON API call: (status, parsed body) for any 2xx or 4xx answer, which the
        adapter reads in its carrier's words; 5xx, 429 and transport failures are the
        carrier being away (CarrierUnavailable)."""
        try:
            response = self._client.request(method, url, json=body, headers=headers)
        except httpx.TimeoutException:
            raise CarrierUnavailable(
                Msg("{carrier_name} did not answer {what} within {timeout_s:g} s; it will be asked again.",
                    carrier_name=self.carrier_name, what=what, timeout_s=self.timeout_s), "timeout") from None
        except httpx.TransportError as exc:
            raise CarrierUnavailable(
                Msg("{carrier_name} could not be reached for {what} ({error}); check the network, it will be asked again.",
                    carrier_name=self.carrier_name, what=what, error=type(exc).__name__),
                "unreachable") from None
        status = response.status_code
        if status >= 500 or status == 429:
            raise CarrierUnavailable(Msg("{carrier_name} is busy or down (HTTP {status}) for {what}; it will be asked again.",
                                         carrier_name=self.carrier_name, status=status, what=what), f"http-{status}")
        try:
            return status, response.json() if response.content else None
        except ValueError:
            if 200 <= status < 300:
                raise CarrierUnavailable(Msg("{carrier_name} answered {what} with something that is not JSON; it will be asked again.",
                                             carrier_name=self.carrier_name, what=what),
                                         "malformed") from None
            return status, {"detail": response.text[:200]}

    def get_bytes(self, url: str, what: str, headers: dict[str, str]) -> bytes:
        """GET a file the carrier made (a label PDF) and return its bytes."""
        return self._send("GET", url, what, headers=headers).content

    def _send(self, method: str, url: str, what: str, **options: Any) -> httpx.Response:
        try:
            response = self._client.request(method, url, **options)
        except httpx.TimeoutException:
            raise CarrierUnavailable(
                Msg("{carrier_name} did not answer {what} within {timeout_s:g} s; it will be asked again.",
                    carrier_name=self.carrier_name, what=what, timeout_s=self.timeout_s), "timeout") from None
        except httpx.TransportError as exc:
            raise CarrierUnavailable(
                Msg("{carrier_name} could not be reached for {what} ({error}); check the network, it will be asked again.",
                    carrier_name=self.carrier_name, what=what, error=type(exc).__name__),
                "unreachable") from None
        status = response.status_code
        if status >= 500 or status == 429:
            raise CarrierUnavailable(Msg("{carrier_name} is busy or down (HTTP {status}) for {what}; it will be asked again.",
                                         carrier_name=self.carrier_name, status=status, what=what), f"http-{status}")
        if status != 200:
            raise CarrierError(Msg("{carrier_name} refused {what} with HTTP {status}; check the carrier's address and credentials in the settings.",
                                   carrier_name=self.carrier_name, what=what, status=status),
                               f"http-{status}")
        return response
