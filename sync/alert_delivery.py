"""Alert notices out of the outbox to the supervisor's DingTalk or WeCom group, or mailbox.

Each route's channel (`alert:<code>`) is drained like a sales channel's (sync/channel_sync.py):
a claimed batch from the head of the queue, one message at a time, the outcome written by the
claimant only, so two stations never send a notice twice. A robot that says "too fast"
(DingTalk 130101, WeCom 45009, SMTP 4xx) or cannot be reached is tried again later and the
route waits, in order; a refusal that waiting cannot fix (DingTalk 310000: the signature,
keyword or IP allow-list; WeCom 93000: the webhook is gone; SMTP 5xx) is FAILED for a person,
with the route named.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import smtplib
import ssl
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import parse_qsl, urlsplit

from app.domain.alert_routes import AlertRoute, RouteKind
from app.domain.errors import NotFound
from app.domain.messages import Msg
from app.services import outbox as box
from app.services.alert_notices import TEST, get_route, list_routes
from app.services.leases import Claimant, ClaimLost
from app.services.report_mail import REPORT_MESSAGE
from app.services.unit_of_work import SyncUnitOfWorkFactory
from sync.alert_text import NoticeText, render, report_notice
from sync.base import ChannelHttp, ChannelRejected, ChannelUnavailable, RateLimited
from sync.credentials import CredentialsMissing, CredentialStore

log = logging.getLogger("packdesk.alerts")
ROBOT_RATE_WAIT_S = 60.0
DINGTALK_PER_MINUTE = 20  # a custom robot's documented limit
UNREACHABLE_WAIT_S = 60.0
WECOM_MARKDOWN_BYTES = 4096
BATCH = 10  # a few notices per claim: each is one HTTP call or one SMTP session
ReportPdf = Callable[[str, str], tuple[str, bytes]]


def dingtalk_sign(timestamp_ms: int, secret: str) -> str:
    """加签: HmacSHA256 over "timestamp\\nsecret" keyed by the secret, then base64 (the URL
    encoding is done once, when the query string is built)."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(),
                      hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def _split(url: str) -> tuple[str, str, dict[str, str]]:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}", parts.path or "/", dict(parse_qsl(parts.query))


def _name(route: AlertRoute) -> str:
    return Msg("Alert route {code} ({kind})", code=route.code, kind=route.kind)


class RobotSender:
    """DingTalk custom robots and WeCom group robots: a JSON POST to the webhook, whose
    answer is {"errcode": 0, "errmsg": "ok"} or an error code."""

    def __init__(self, route: AlertRoute, secret: str = "", timeout_s: float = 20.0) -> None:
        self.route, self.secret = route, secret
        base, self.path, self.query = _split(route.target)
        self.http = ChannelHttp(_name(route), base, timeout_s=timeout_s)

    def send(self, text: NoticeText) -> None:
        params = dict(self.query)
        if self.route.kind == RouteKind.DINGTALK:
            body = self._dingtalk(text)
            if self.secret:
                stamp = int(time.time() * 1000)
                params.update(timestamp=str(stamp), sign=dingtalk_sign(stamp, self.secret))
        else:
            body = self._wecom(text)
        try:
            response = self.http.request("POST", self.path, params=params, json=body)
        except ChannelRejected as exc:
            raise ChannelRejected(Msg("{exc}; check the route's webhook address", exc=exc)) from exc
        answer = self.http.json(response)
        code = int(answer.get("errcode", 0)) if isinstance(answer, dict) else -1
        if code != 0:
            self._refused(code, str(answer.get("errmsg", "")) if isinstance(answer, dict) else "")

    def _dingtalk(self, text: NoticeText) -> dict:
        keyword = self.route.keyword
        content = f"### {text.title}\n\n{text.body}"
        if keyword and keyword not in content:
            content += f"\n\n{keyword}"  # the robot drops a message without its keyword
        if self.route.settings.get("msgtype") == "text":
            return {"msgtype": "text", "text": {"content": content.replace("### ", "", 1)}}
        return {"msgtype": "markdown", "markdown": {"title": text.title, "text": content}}

    def _wecom(self, text: NoticeText) -> dict:
        content = f"**{text.title}**\n> " + text.body.replace("\n", "\n> ")
        data = content.encode()
        if len(data) > WECOM_MARKDOWN_BYTES:
            content = data[:WECOM_MARKDOWN_BYTES - 3].decode(errors="ignore") + "..."
        return {"msgtype": "markdown", "markdown": {"content": content}}

    def _refused(self, code: int, message: str) -> None:
        said = Msg("errcode {code}: {message}", code=code, message=message) if message else Msg("errcode {code}", code=code)
        if code in (130101, 45009, 45033):
            raise RateLimited(ROBOT_RATE_WAIT_S, Msg("{name}: the robot says too many messages ({said}); trying again later",
                                                     name=_name(self.route), said=said))
        if code == -1:
            raise ChannelUnavailable(Msg("{name}: the robot is busy ({said})",
                                         name=_name(self.route), said=said))
        if code == 310000:
            check = Msg("this computer's clock (the signature is only good for an hour)") \
                if "timestamp" in message else \
                Msg("the robot's sign secret, its keyword and its IP allow-list")
            raise ChannelRejected(Msg("{name}: DingTalk refused the message ({said}); check {check}, then send the failed messages again",
                                      name=_name(self.route), said=said, check=check))
        if code in (93000, 93004, 40008, 40058):
            raise ChannelRejected(Msg("{name}: WeCom refused the message ({said}); check the robot's webhook address (key)",
                                      name=_name(self.route), said=said))
        raise ChannelRejected(Msg("{name}: the robot refused the message ({said})",
                                  name=_name(self.route), said=said))

    def close(self) -> None:
        self.http.close()


class MailSender:
    """Plain-text mail over SMTP, always upgraded with STARTTLS (certificates verified)."""

    def __init__(self, route: AlertRoute, password: str = "", timeout_s: float = 20.0) -> None:
        self.route, self.password, self.timeout_s = route, password, timeout_s

    def send(self, text: NoticeText, attachments: tuple[tuple[str, bytes], ...] = ()) -> None:
        settings = self.route.settings
        mail = EmailMessage()
        mail["Subject"], mail["From"] = text.title, settings.get("sender") or "packdesk@localhost"
        mail["To"] = ", ".join(self.route.recipients())
        mail["Date"], mail["Message-ID"] = formatdate(localtime=False), make_msgid("packdesk")
        mail.set_content(text.body + "\n")
        for name, content in attachments:
            mail.add_attachment(content, maintype="application", subtype="pdf", filename=name)
        context = ssl.create_default_context(cafile=settings.get("ca_file") or None)
        try:
            with smtplib.SMTP(settings["smtp_host"], int(settings.get("smtp_port") or 587),
                              timeout=self.timeout_s) as smtp:
                smtp.ehlo()
                smtp.starttls(context=context)
                smtp.ehlo()
                if settings.get("username"):
                    smtp.login(settings["username"], self.password)
                smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = sorted({code for code, _ in exc.recipients.values()})
            self._answer(codes[0] if codes else 550, Msg("recipients refused: {recipients}",
                                                         recipients=', '.join(exc.recipients)))
        except smtplib.SMTPResponseException as exc:
            self._answer(exc.smtp_code, exc.smtp_error.decode(errors="replace"))
        except smtplib.SMTPNotSupportedError as exc:
            raise ChannelRejected(Msg("{name}: the mail server does not offer STARTTLS ({exc}); Packdesk sends mail encrypted only",
                                      name=_name(self.route), exc=exc)) from exc
        except ssl.SSLError as exc:
            raise ChannelRejected(Msg("{name}: the mail server's certificate is not trusted ({value})",
                                      name=_name(self.route), value=exc.reason or exc)) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise ChannelUnavailable(Msg("{name}: mail server {smtp_host} not reachable ({name2})",
                                         name=_name(self.route), smtp_host=settings['smtp_host'], name2=type(exc).__name__)) from exc

    def _answer(self, code: int, said: str) -> None:
        if 400 <= code < 500:
            raise RateLimited(ROBOT_RATE_WAIT_S, Msg("{name}: the mail server asks to try later (SMTP {code} {said})",
                                                     name=_name(self.route), code=code, said=said))
        what = Msg("refused the login") if code in (530, 534, 535) else Msg("refused the mail")
        raise ChannelRejected(Msg("{name}: the mail server {what} (SMTP {code} {said})",
                                  name=_name(self.route), what=what, code=code, said=said))

    def close(self) -> None:
        return


def sender_for(route: AlertRoute, credentials: CredentialStore, timeout_s: float = 20.0):
    """The sender for a route, with its secrets from the keyring."""
    key = f"alert:{route.code}"
    try:
        if route.kind == RouteKind.DINGTALK:
            secret = credentials.load(key, "alert_dingtalk")["secret"] \
                if route.settings.get("signed") else ""
            return RobotSender(route, secret, timeout_s)
        if route.kind == RouteKind.WECOM:
            return RobotSender(route, "", timeout_s)
        password = credentials.load(key, "alert_mail")["password"] \
            if route.settings.get("username") else ""
        return MailSender(route, password, timeout_s)
    except CredentialsMissing as exc:
        raise CredentialsMissing(Msg("{name}: {exc} (set the route up again with packdesk alerts route add {code} ...)",
                                     name=_name(route), exc=exc, code=route.code)) from None


@dataclass
class DeliveryResult:
    sent: int = 0
    failed: int = 0
    waiting: int = 0  # routes that wait: rate limited, unreachable, quiet hours
    problems: tuple[str, ...] = ()

    def line(self) -> str:
        text = Msg("alerts: {sent} sent, {failed} failed", sent=self.sent, failed=self.failed)
        if self.waiting == 1:
            text = Msg("{line}, 1 route waiting", line=text)
        elif self.waiting:
            text = Msg("{line}, {waiting} routes waiting", line=text, waiting=self.waiting)
        return text + "".join(f"\n  {p}" for p in self.problems)


class AlertDelivery:
    """Drains every enabled route's outbox channel; `deliver()` never raises."""

    def __init__(self, uow: SyncUnitOfWorkFactory, credentials: CredentialStore, *,
                 claimant: Claimant | None = None, timeout_s: float = 20.0,
                 make_sender: Callable | None = None,
                 monotonic: Callable[[], float] = time.monotonic,
                 report_pdf: ReportPdf | None = None) -> None:
        self.uow, self.credentials, self.timeout_s = uow, credentials, timeout_s
        self.report_pdf = report_pdf  # (week, language) -> (file name, PDF): printing's
        self.claimant = claimant or Claimant.for_station(uow().station)
        self._make_sender = make_sender or sender_for
        self._monotonic = monotonic
        self._sent_at: dict[str, deque[float]] = {}  # per DingTalk route, the last minute

    def _within_rate(self, route: AlertRoute) -> bool:
        """DingTalk takes 20 messages a minute from a robot and then refuses it for minutes:
        this station sends no more than that, and leaves the rest queued."""
        if route.kind != RouteKind.DINGTALK:
            return True
        sent, now = self._sent_at.setdefault(route.code, deque()), self._monotonic()
        while sent and now - sent[0] >= 60:
            sent.popleft()
        return len(sent) < DINGTALK_PER_MINUTE

    def _count(self, route: AlertRoute) -> None:
        if route.kind == RouteKind.DINGTALK:
            self._sent_at.setdefault(route.code, deque()).append(self._monotonic())

    def deliver(self, codes: list[str] | None = None) -> DeliveryResult:
        """What every enabled route (or those named) is owed, sent now."""
        result, problems = DeliveryResult(), []
        for view in list_routes(self.uow()):
            if not view.enabled or (codes is not None and view.code not in codes):
                continue
            try:
                self._drain(get_route(self.uow(), view.code), result)
            except (CredentialsMissing, NotFound, ClaimLost, ValueError) as exc:
                problems.append(str(exc))
            except Exception as exc:  # one route's trouble never stops the others
                log.exception("alert route %s", view.code)
                problems.append(Msg("Alert route {code}: {name}",
                                    code=view.code, name=type(exc).__name__))
        result.problems = tuple(problems)
        return result

    def _drain(self, route: AlertRoute, result: DeliveryResult) -> None:
        """Claimed batches of the route's queue, in order, until it is empty or must wait;
        what is claimed and not sent goes back to the queue at once."""
        batch = box.next_batch(route.channel, self.uow(), self.claimant, BATCH)
        if not batch:
            return
        try:
            sender = self._make_sender(route, self.credentials, self.timeout_s)
        except BaseException:
            box.release_claims(batch, self.claimant, self.uow())
            raise
        left: list[box.OutboxItem] = []
        try:
            while batch:
                left, claimed_at = list(batch), time.monotonic()
                while left:
                    if time.monotonic() - claimed_at > self.claimant.lease.total_seconds() / 3:
                        if not box.keep_claims(left, self.claimant, self.uow()):
                            return  # another runner took them over: it sends them
                        claimed_at = time.monotonic()
                    if not self._send(route, sender, left[0], result):
                        result.waiting += 1
                        return
                    left.pop(0)
                batch = box.next_batch(route.channel, self.uow(), self.claimant, BATCH)
        finally:
            box.release_claims(left, self.claimant, self.uow())  # (settled ones: no-op)
            sender.close()

    def _send(self, route: AlertRoute, sender, item: box.OutboxItem,
              result: DeliveryResult) -> bool:
        """Send one notice; False when the route must wait (its order is kept)."""
        if not self._within_rate(route):
            return False  # (released unsent: the next round sends it)
        now = self.uow().now()
        quiet = route.quiet_until(now) if item.payload.get("event") != TEST else None
        if quiet is not None:
            box.record_failure(item, Msg("quiet hours until {quiet:%H:%M} UTC", quiet=quiet), self.uow(), quiet,
                               counts=False)
            return False
        try:
            self._count(route)
            if item.kind == REPORT_MESSAGE:
                sender.send(*self._report(route, item))
            else:
                sender.send(render(item.payload, route.language))
        except RateLimited as exc:
            box.record_failure(item, str(exc), self.uow(),
                               now + timedelta(seconds=exc.retry_after_s), counts=False)
            return False
        except ChannelUnavailable as exc:
            box.record_failure(item, str(exc), self.uow(),
                               now + timedelta(seconds=UNREACHABLE_WAIT_S), counts=False)
            return False
        except ChannelRejected as exc:
            box.record_failure(item, str(exc), self.uow(), retry_at=None)
            result.failed += 1
            return True
        box.record_sent(item, self.uow())
        result.sent += 1
        return True

    def _report(self, route: AlertRoute, item: box.OutboxItem):
        """The Monday mail and its PDF, in the route's language, rendered now."""
        if self.report_pdf is None:  # a sender wired without printing: wait for one with it
            raise ChannelUnavailable(Msg("{name}: this station cannot render the weekly "
                                         "report; another station will send it",
                                         name=_name(route)))
        week = item.payload.get("week", "")
        return report_notice(item.payload, route.language), (
            self.report_pdf(week, route.language),)
