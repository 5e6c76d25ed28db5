"""A core message in a person's language, without Qt: for the senders (mail, DingTalk,
WeCom), the reports and slips, and the command line. The UI translates the same templates
through Qt (ui/i18n.py core_text), from the same catalogue (app/domain/catalog_zh.py).

A Msg is looked up by its template and formatted again with its values translated too; a
plain string that is one of the catalogue's words (a status, a kind passed as a value) is
translated as it is; anything else (a name, an address, a SKU) stays as written.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata

from app.domain.catalog_zh import CLI_ARGPARSE_ZH, CLI_ZH, CORE_ZH, WORDS_ZH
from app.domain.messages import Msg

LANGUAGES = ("en", "zh_CN")


def pick_language(requested: str | None) -> str:
    """'zh_CN', 'zh', 'zh_Hans_CN.UTF-8'... are zh_CN; everything else is English."""
    return "zh_CN" if (requested or "").lower().startswith("zh") else "en"


def language_argument(text: str) -> str:
    """Every --lang of the command line takes the same words: en or zh_CN (zh, zh-CN and
    a locale name like zh_CN.UTF-8 are read as zh_CN, en_US as en)."""
    import argparse

    lowered = text.strip().lower().replace("-", "_")
    if lowered.startswith("zh"):
        return "zh_CN"
    if lowered == "en" or lowered.startswith("en_"):
        return "en"
    raise argparse.ArgumentTypeError(str(Msg("{text} is not a language; use en or zh_CN",
                                             text=text)))


def environment_language() -> str:
    """The command line's language: PACKDESK_LANGUAGE, else the locale's (LC_ALL, LANG)."""
    for name in ("PACKDESK_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return pick_language(os.environ[name])
    return "en"


def translate(text: object, language: str) -> str:
    """`text` (a Msg, an exception holding one, or a plain string) in `language`."""
    if isinstance(text, BaseException):
        first = text.args[0] if text.args else ""
        return translate(first, language) if isinstance(first, Msg) else str(text)
    if language != "zh_CN":
        return str(text)
    if isinstance(text, Msg):
        values = {key: translate(value, language)
                  if isinstance(value, str | BaseException) else value
                  for key, value in text.values.items()}
        return CORE_ZH.get(text.template, text.template).format(**values)
    text = str(text)
    return WORDS_ZH.get(text, text)


def said(error: BaseException) -> str:
    """An error as the command line says it: in the terminal's language (PACKDESK_LANGUAGE,
    else the locale), so a Chinese merchant's cron mail reads in Chinese."""
    return translate(error, environment_language())


class TranslatedParser(argparse.ArgumentParser):
    """argparse in the terminal's language (PACKDESK_LANGUAGE, else the locale), as the
    command line's errors are: `packdesk --help`, each command's help and usage, and
    argparse's own complaints. argparse makes every subcommand's parser of its parent's
    class, so the root being one is enough. The Chinese is CLI_ZH (app/domain/catalog_zh.py)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _WideTextFormatter)
        super().__init__(*args, **kwargs)

    def format_usage(self) -> str:
        return self._in_language(super().format_usage)

    def format_help(self) -> str:
        return self._in_language(super().format_help)

    def error(self, message: str):
        if environment_language() != "zh_CN":
            super().error(message)
        self.print_usage(sys.stderr)
        self.exit(2, CLI_ARGPARSE_ZH["{prog}: error: {message}"].format(
            prog=self.prog, message=_argparse_said(message)) + "\n")

    def _in_language(self, formatted) -> str:
        if environment_language() != "zh_CN":
            return formatted()
        self.description = CLI_ZH.get(self.description or "", self.description)
        self.epilog = CLI_ZH.get(self.epilog or "", self.epilog)
        for group in self._action_groups:
            group.title = CLI_ARGPARSE_ZH.get(group.title or "", group.title)
        for action in self._actions:
            for shown in (action, *getattr(action, "_choices_actions", ())):
                if shown.help:
                    shown.help = CLI_ZH.get(shown.help, shown.help)
        text = formatted()
        prefix = "usage: "
        return CLI_ARGPARSE_ZH[prefix] + text[len(prefix):] if text.startswith(prefix) else text


_ARGPARSE_SAYS = (  # Python 3.11's argparse messages, and the catalogue template for each
    (re.compile(r"the following arguments are required: (?P<names>.+)"),
     "the following arguments are required: {names}"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "unrecognized arguments: {names}"),
    (re.compile(r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"),
     "invalid choice: {value} (choose from {choices})"),
    (re.compile(r"expected one argument"), "expected one argument"),
    (re.compile(r"invalid (?P<kind>\S+) value: (?P<value>.+)"), "invalid {kind} value: {value}"),
    (re.compile(r"(?P<text>.+) is not a language; use en or zh_CN"),
     "{text} is not a language; use en or zh_CN"),  # language_argument's own
)


def _argparse_said(message: str) -> str:
    found = re.fullmatch(r"argument (?P<name>\S+?): (?P<problem>.+)", message, re.DOTALL)
    if found:
        return CLI_ARGPARSE_ZH["argument {name}: {problem}"].format(
            name=found["name"], problem=_argparse_said(found["problem"]))
    for pattern, template in _ARGPARSE_SAYS:
        said_here = pattern.fullmatch(message)
        if said_here:
            return CLI_ARGPARSE_ZH[template].format(**said_here.groupdict())
    return message


_NO_LINE_START = frozenset("、，。：；）」』！？")


class _WideTextFormatter(argparse.HelpFormatter):
    """Help lines wrapped by the columns a terminal gives them: a Chinese character takes
    two, and a line may break between two of them (textwrap counts one and breaks at spaces)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if text.isascii():
            return super()._split_lines(text, width)
        lines, line, used = [], "", 0
        for word in re.findall(r"[\x21-\x7e]+|\s+|.", " ".join(text.split())):
            size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in word)
            if word.isspace() and not line:
                continue
            if used + size > width and line and word not in _NO_LINE_START:
                lines.append(line.rstrip())
                line, used = ("", 0) if word.isspace() else (word, size)
                continue
            line, used = line + word, used + size
        return lines + ([line.rstrip()] if line.strip() else [])


def for_terminal(text: object) -> str:
    """What the command line prints, in the terminal's language (PACKDESK_LANGUAGE, else the
    locale): a Msg translated, anything else as it is."""
    return translate(text, environment_language())
