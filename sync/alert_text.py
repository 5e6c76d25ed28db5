"""The words of an alert notice, in the route's language (en or zh_CN).

The notice carries the alert's message template and values (app/domain/messages.py Msg), so
it is formatted again here in the route's language from the core's catalogue
(app/domain/catalog_zh.py, the one the UI builds into its .qm); the words passed as values
(order statuses, outbox kinds) are catalogue entries too. A message with no known template
goes out as it was written.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.catalog_zh import CORE_ZH
from app.domain.messages import Msg
from app.domain.translation import translate

TITLES = {
    "stuck": Msg("Order stuck"),
    "late": Msg("Order late"),
    "sync_failure": Msg("Sync failure"),
    "stock_conflict": Msg("Stock conflict"),
    "return_escalated": Msg("Return escalated"),
    "printer_down": Msg("Printer down"),
    "login_locked": Msg("Log-in locked"),
    "label_pending": Msg("Label pending"),
    "label_refused": Msg("Label refused"),
    "not_handed_over": Msg("Parcel not handed over"),
    "parcel_quiet": Msg("Parcel not moving"),
    "returned_to_sender": Msg("Parcel returned to sender"),
    "clips_disk": Msg("Pack videos stopped: disk nearly full"),
    "clip_encoder": Msg("Pack video encoder stopped"),
    "test": Msg("Test message"),
}
ALERT_ZH = CORE_ZH  # kept for the tests that ask whether an alert's template has Chinese


@dataclass(frozen=True)
class NoticeText:
    title: str  # a line: the mail subject, the markdown heading
    body: str  # the alert's message, and what became of it


def render(payload: dict, language: str) -> NoticeText:
    """The notice as the route's people read it."""
    kind, event = payload.get("alert_kind", ""), payload.get("event", "raised")
    title = translate(TITLES.get(kind, kind.replace("_", " ").capitalize()), language)
    subject = payload.get("subject", "")
    message = _message(payload, language)
    if event == "cleared":
        head = Msg("[Packdesk] Cleared - {title}: {subject}", title=title, subject=subject)
        tail = Msg("The condition has cleared.")
        return NoticeText(translate(head, language), f"{message}\n{translate(tail, language)}")
    head = Msg("[Packdesk] {title}: {subject}", title=title, subject=subject)
    return NoticeText(translate(head, language), message)


def report_notice(payload: dict, language: str) -> NoticeText:
    """The Monday mail that carries the weekly PDF."""
    week = payload.get("week", "")
    title = Msg("[Packdesk] Weekly report {week}", week=week)
    body = Msg("The Packdesk weekly report for {week} is attached: the week's figures, their "
               "trend and charts, and any figure that stayed past its threshold three days in "
               "a row.", week=week)
    return NoticeText(translate(title, language), translate(body, language))


def _message(payload: dict, language: str) -> str:
    template = payload.get("template") or ""
    if template not in CORE_ZH:
        return payload.get("message", "")
    try:
        return translate(Msg(template, **(payload.get("values") or {})), language)
    except (KeyError, IndexError, ValueError):
        return payload.get("message", "")
