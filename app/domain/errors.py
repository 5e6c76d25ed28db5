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


class TakenOver(NotAllowed):
    """The order was taken over by another station: this one can no longer change it."""


class InvalidInput(PackdeskError):
    """Input that cannot be used, with the reason."""


class StoreFault(PackdeskError):
    """The store itself failed (read-only, full, busy, damaged, unreachable).

    `kind` is one of the StoreFault.* names below; `retryable` faults may go away if the
    same command is tried again (another writer finishing, a dropped connection)."""

    READ_ONLY = "read-only"
    FOLDER_READ_ONLY = "folder-read-only"
    DISK_FULL = "disk-full"
    BUSY = "busy"
    CORRUPT = "corrupt"
    DISCONNECTED = "disconnected"
    UNAVAILABLE = "unavailable"

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind

    @property
    def retryable(self) -> bool:
        return self.kind in (StoreFault.BUSY, StoreFault.DISCONNECTED)

    def __reduce__(self):  # survives pickling (process pools) with its kind
        return (StoreFault, (self.kind, self.args[0]))
class StoreRefused(PackdeskError):
    """The store would not keep a value (too long for its column, a NUL character, a
    constraint). The message names the kind of problem, never the value."""
