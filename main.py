"""Packdesk entry point (placeholder until the CLI is wired)."""


def cli() -> int:
    return 0
