"""Who may open what: one table in the core, for every screen of a station."""

import pytest

from app.domain.errors import NotAllowed
from app.services.permissions import NEEDS, Screen, check_may_open, first_screen, may_open

SUPERVISOR_ONLY = {Screen.ORDER_BOARD, Screen.HEALTH, Screen.ALERTS, Screen.BATCH_LABELS,
                   Screen.IMPORT_ORDERS, Screen.STATION_SETTINGS, Screen.REVIEW,
                   Screen.FAILED_MESSAGES, Screen.PEOPLE, Screen.CATALOGUE,
                   Screen.CATALOGUE_IMPORT, Screen.NEXT_STEPS, Screen.CARRIERS,
                   Screen.CATALOGUE_CONFLICTS, Screen.STOCK_IMPORT, Screen.SHIPPING_UPLOAD}


@pytest.mark.parametrize("screen", list(Screen))
def test_nobody_logged_in_opens_nothing(screen):
    assert not may_open(None, screen)
    with pytest.raises(NotAllowed, match=r"^Log in first: only .+ may open "):
        check_may_open(None, "", screen)


@pytest.mark.parametrize("screen", list(Screen))
def test_a_supervisor_opens_everything(screen):
    assert may_open("supervisor", screen)


def test_supervisor_tools_need_a_supervisor():
    assert {s for s in Screen if NEEDS[s] == ("supervisor",)} == SUPERVISOR_ONLY
    for screen in SUPERVISOR_ONLY:
        assert not may_open("packer", screen) and not may_open("clerk", screen)
    with pytest.raises(NotAllowed) as refused:
        check_may_open("packer", "Ann", Screen.ORDER_BOARD)
    assert str(refused.value) == ("Only a supervisor may open the order board; Ann is logged "
                                  "in as a packer.")


def test_packers_get_the_bench_and_clerks_the_returns_counter():
    assert may_open("packer", Screen.BENCH) and not may_open("clerk", Screen.BENCH)
    assert may_open("clerk", Screen.RETURNS_COUNTER)
    assert not may_open("packer", Screen.RETURNS_COUNTER)
    with pytest.raises(NotAllowed, match="counter clerk or a supervisor may open the returns"):
        check_may_open("packer", "Ann", Screen.RETURNS_COUNTER)
    assert first_screen("clerk") is Screen.RETURNS_COUNTER
    assert first_screen("packer") is first_screen("supervisor") is Screen.BENCH


def test_an_unknown_role_opens_nothing():
    assert not any(may_open("owner", screen) for screen in Screen)
