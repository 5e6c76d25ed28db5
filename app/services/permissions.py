"""Who may open what: one table for every screen of a station, asked by the UI.

Nobody logged in (or behind the idle lock) opens nothing but the log-in. Packers get the
bench and its printing tools; counter clerks get the returns counter; supervisors get
everything, and alone the tools that change how the store works (board, batch labels,
import, station settings, review, people, catalogue, opening stock).
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import NotAllowed
from app.domain.messages import Msg
from app.domain.people import Role


class Screen(StrEnum):
    BENCH = "the pack bench"
    RETURNS_COUNTER = "the returns counter"
    PRINT_LOG = "the print log"
    LABEL_PREVIEW = "the label preview"
    COMMAND_SHEET = "the command-barcode sheet"
    PACKING_SLIP = "the packing slip"
    SELF_TEST = "the hardware self-test"
    STOCK_HISTORY = "the stock history"
    RECEIVING = "receiving"
    CYCLE_COUNT = "the cycle count"
    ORDER_BOARD = "the order board"
    HEALTH = "the health dashboard"
    ALERTS = "the alerts"
    BATCH_LABELS = "batch labels"
    IMPORT_ORDERS = "the order import"
    SHIPPING_UPLOAD = "the shipping-upload export"
    STATION_SETTINGS = "the station settings"
    REVIEW = "the orders needing review"
    FAILED_MESSAGES = "the failed channel messages"
    PEOPLE = "the people screen"
    CATALOGUE = "the product editor"
    CATALOGUE_IMPORT = "the catalogue import"
    CATALOGUE_CONFLICTS = "the differences to settle"
    STOCK_IMPORT = "the opening stock import"
    CARRIERS = "the carrier set-up"
    NEXT_STEPS = "the next steps for a new store"


_EVERYONE = (Role.PACKER, Role.CLERK, Role.SUPERVISOR)
_PACKERS = (Role.PACKER, Role.SUPERVISOR)
_CLERKS = (Role.CLERK, Role.SUPERVISOR)
_SUPERVISORS = (Role.SUPERVISOR,)

NEEDS: dict[Screen, tuple[Role, ...]] = {
    Screen.BENCH: _PACKERS,
    Screen.RETURNS_COUNTER: _CLERKS,
    Screen.PRINT_LOG: _PACKERS,
    Screen.LABEL_PREVIEW: _PACKERS,
    Screen.COMMAND_SHEET: _PACKERS,
    Screen.PACKING_SLIP: _PACKERS,
    Screen.SELF_TEST: _EVERYONE,
    Screen.STOCK_HISTORY: _EVERYONE,
    Screen.RECEIVING: _EVERYONE,
    Screen.CYCLE_COUNT: _EVERYONE,
    Screen.ORDER_BOARD: _SUPERVISORS,
    Screen.HEALTH: _SUPERVISORS,
    Screen.ALERTS: _SUPERVISORS,
    Screen.BATCH_LABELS: _SUPERVISORS,
    Screen.IMPORT_ORDERS: _SUPERVISORS,
    Screen.SHIPPING_UPLOAD: _SUPERVISORS,
    Screen.STATION_SETTINGS: _SUPERVISORS,
    Screen.REVIEW: _SUPERVISORS,
    Screen.FAILED_MESSAGES: _SUPERVISORS,
    Screen.PEOPLE: _SUPERVISORS,
    Screen.CATALOGUE: _SUPERVISORS,
    Screen.CATALOGUE_IMPORT: _SUPERVISORS,
    Screen.CATALOGUE_CONFLICTS: _SUPERVISORS,
    Screen.STOCK_IMPORT: _SUPERVISORS,
    Screen.CARRIERS: _SUPERVISORS,
    Screen.NEXT_STEPS: _SUPERVISORS,
}

_ROLE_WORDS = {
    _EVERYONE: "anyone logged in",
    _PACKERS: "a packer or a supervisor",
    _CLERKS: "a counter clerk or a supervisor",
    _SUPERVISORS: "a supervisor",
}


def who_may_open(screen: Screen) -> Msg:
    """The roles a screen needs, in words ("a supervisor"), for its menu entry."""
    return Msg(_ROLE_WORDS[NEEDS[screen]])


def may_open(role: str | None, screen: Screen) -> bool:
    if role is None:
        return False
    try:
        return Role(role) in NEEDS[screen]
    except ValueError:
        return False


def check_may_open(role: str | None, name: str, screen: Screen) -> None:
    """Raise NotAllowed, saying who may, unless the person logged in may open `screen`."""
    if may_open(role, screen):
        return
    if role is None:
        raise NotAllowed(Msg("Log in first: only {who} may open {screen}.",
                             who=who_may_open(screen), screen=Msg(screen.value)))
    raise NotAllowed(Msg("Only {who} may open {screen}; {name} is logged in as {role}.",
                         who=who_may_open(screen), screen=Msg(screen.value),
                         name=name, role=Msg(_ROLE_NAMES.get(role, role))))


_ROLE_NAMES = {Role.PACKER.value: "a packer", Role.CLERK.value: "a counter clerk",
               Role.SUPERVISOR.value: "a supervisor"}


def first_screen(role: str) -> Screen:
    """Where a person lands after logging in: clerks at the returns counter."""
    return Screen.RETURNS_COUNTER if role == Role.CLERK.value else Screen.BENCH
