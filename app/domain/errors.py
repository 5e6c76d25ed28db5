"""Errors the core raises; each carries a message a packer can read."""


class PackdeskError(Exception):
    """Base for every error the core reports to a person."""


class IllegalTransition(PackdeskError):
    """A status change the state machine does not allow."""


class ConcurrencyConflict(PackdeskError):
    """Another station changed the same record first (optimistic version check)."""


class NotFound(PackdeskError):
    """The thing asked for is not in the store."""


class NotAllowed(PackdeskError):
    """The person or the state does not allow this action."""


class InvalidInput(PackdeskError):
    """Input that cannot be used, with the reason."""


class StoreRefused(PackdeskError):
    """The store would not keep a value (too long for its column, a NUL character, a
    constraint). The message names the kind of problem, never the value."""
