"""The words of an alert notice, in the route's language (en or zh_CN).

The notice carries the alert's message template and values (app/domain/messages.py Msg), so
it is formatted again here in Chinese; a message with no known template goes out as it was
written. The Chinese below is also part of the UI's core translations (ui/i18n_zh.py).
"""

from __future__ import annotations

from dataclasses import dataclass

ALERT_ZH = {
    "{number} ({channel}) has been {status} for {held}, past the {limit} limit.":
        "{number}（{channel}）处于“{status}”已 {held}，超过 {limit} 的上限。",
    "{number} ({channel}) was promised to ship by {ship_by} UTC and is still {status}.":
        "{number}（{channel}）承诺在 UTC {ship_by} 前发货，目前仍为“{status}”。",
    "A {kind} push to {channel} failed for good: {error}": "向 {channel} 推送{kind}最终失败：{error}",
    "Sync with {code} failed: {result}": "与 {code} 同步失败：{result}",
    "{number} ({channel}): {reasons}": "{number}（{channel}）：{reasons}",
    "Return {case} for order {order} was escalated to a supervisor.":
        "订单 {order} 的退货 {case} 已升级给主管处理。",
    "Shipping labels for {orders} have waited {minutes} min for printer {printer} at {station}: {reason}":
        "{station} 的打印机 {printer} 未响应，{orders} 的面单已等待 {minutes} 分钟：{reason}",
    "Test message from Packdesk, sent by {by}.": "来自 Packdesk 的测试消息，由 {by} 发送。",
    "{name} is locked after {failures} wrong PINs in a row, until {until} UTC. If it was not them, find out who tried.":
        "{name} 连续输错 {failures} 次 PIN，锁定至 UTC {until}。如果不是本人，请查明是谁在尝试。",
}

TITLES = {
    "stuck": ("Order stuck", "订单滞留"),
    "late": ("Order late", "订单逾期"),
    "sync_failure": ("Sync failure", "同步失败"),
    "stock_conflict": ("Stock conflict", "库存冲突"),
    "return_escalated": ("Return escalated", "退货已升级"),
    "printer_down": ("Printer down", "打印机离线"),
    "login_locked": ("Log-in locked", "登录已锁定"),
    "test": ("Test message", "测试消息"),
}

VALUES_ZH = {  # words the core passes as values (order statuses, outbox kinds)
    "needs review": "待审核", "ready": "待打包", "packing": "打包中", "packed": "已打包",
    "on hold": "已暂停", "fulfilment": "发货", "stock level": "库存", "refund": "退款",
}


@dataclass(frozen=True)
class NoticeText:
    title: str  # a line: the mail subject, the markdown heading
    body: str  # the alert's message, and what became of it


def render(payload: dict, language: str) -> NoticeText:
    """The notice as the route's people read it."""
    zh = language == "zh_CN"
    kind, event = payload.get("alert_kind", ""), payload.get("event", "raised")
    names = TITLES.get(kind, (kind.replace("_", " ").capitalize(), kind))
    title = names[1] if zh else names[0]
    subject = payload.get("subject", "")
    message = _message(payload) if zh else payload.get("message", "")
    if event == "cleared":
        head = f"[Packdesk] 已解除 - {title}：{subject}" if zh else \
            f"[Packdesk] Cleared - {title}: {subject}"
        tail = "该情况已解除。" if zh else "The condition has cleared."
        return NoticeText(head, f"{message}\n{tail}")
    head = f"[Packdesk] {title}：{subject}" if zh else f"[Packdesk] {title}: {subject}"
    return NoticeText(head, message)


def _message(payload: dict) -> str:
    template = ALERT_ZH.get(payload.get("template") or "")
    if template is None:
        return payload.get("message", "")
    values = {k: VALUES_ZH.get(v, v) for k, v in (payload.get("values") or {}).items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return payload.get("message", "")
