"""Messages the core gives people, kept translatable without the core knowing Qt.

A Msg is a plain str (English, formatted) that also remembers its template and values,
so the UI can look the template up in the translation and format it again. Templates
use named fields: "Order {number} opened."
"""

from __future__ import annotations


class Msg(str):
    template: str
    values: dict

    def __new__(cls, template: str, **values) -> Msg:
        text = super().__new__(cls, template.format(**values))
        text.template = template
        text.values = values
        return text

    def __reduce__(self):  # survives pickling (process pools) with its template
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict) -> Msg:
    return Msg(template, **values)


def kept(message: str) -> tuple[str, dict | None]:
    """A message's template and values as a store keeps them (text values), so a record
    read back can be shown in another language; ("", None) for plain text."""
    if not isinstance(message, Msg):
        return "", None
    return message.template, {key: str(value) for key, value in message.values.items()}


def rebuilt(template: str, values: dict | None, written: str) -> str:
    """The Msg again from what the store kept; the written text when none was kept (a
    record from before) or it does not fit the template any more."""
    if template:
        try:
            return Msg(template, **(values or {}))
        except (KeyError, IndexError, ValueError):
            pass
    return written


class KeepsTemplate:
    """A stored record whose `message` keeps its template and values (an alert, a scan), so
    it can be shown again in another language; one that has none is shown as written."""

    message: str
    template: str
    template_values: dict | None

    def __post_init__(self) -> None:
        if not self.template:
            self.template, self.template_values = kept(self.message)

    @property
    def text(self) -> str:
        """The message as a Msg again when its template was kept (older records: as stored)."""
        return rebuilt(self.template, self.template_values, self.message)


class KeepsReason:
    """A stored record whose `reason` may be a Msg (an order's status change, a parked
    payload): the Msg is kept beside the text in `reason_message`, to be read in any
    language; one recorded before migration 0028 has only its text, shown as written."""

    reason: str
    reason_message: str | None

    def __post_init__(self) -> None:
        if self.reason_message is None and isinstance(self.reason, Msg):
            self.reason_message = self.reason

    @property
    def shown_reason(self) -> str:
        return self.reason_message or self.reason
def joined(messages) -> str:
    """Several messages as one line, "; " between them, each still translatable."""
    items = list(messages)
    if not items:
        return ""
    line = items[0]
    for later in items[1:]:
        line = Msg("{earlier}; {later}", earlier=line, later=later)
    return line


def as_record(message: object) -> object:
    """A message as a JSON column keeps it: plain text as written; a Msg as its English
    text with its template and values (a Msg among them kept the same way), so a list of
    them read back (review reasons) shows in the reader's language."""
    if not isinstance(message, Msg):
        return str(message)
    return {"text": str(message), "template": message.template,
            "values": {key: _value_record(value) for key, value in message.values.items()}}


def _value_record(value: object) -> object:
    if isinstance(value, Msg):
        return as_record(value)
    if value is None or isinstance(value, bool | int) or \
            (isinstance(value, float) and value == value and abs(value) != float("inf")):
        return value
    return str(value)


def from_record(record: object) -> str:
    """What as_record kept, as a Msg again; plain text (a row from before) as it is."""
    if not isinstance(record, dict):
        return record if isinstance(record, str) else str(record)
    values = {key: from_record(value) if isinstance(value, dict) else value
              for key, value in (record.get("values") or {}).items()}
    return rebuilt(str(record.get("template") or ""), values, str(record.get("text") or ""))
