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
