"""The people screen: a supervisor adds, changes, disables and re-enables people and gives
new PINs, through the same services as `packdesk people`; the first-run screen refuses a
store in use."""

from __future__ import annotations

import pytest

from app.domain.errors import NotAllowed
from app.services.auth import log_in
from app.services.commands import LogIn
from app.services.people import list_people
from main import _first_run
from tests.ui.station import station_settings
from ui.first_run import FirstRunPage
from ui.people_screen import PeopleScreen
from ui.tasks import TaskManager


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown(wait=True)


def _people(uow) -> dict[str, tuple[str, bool]]:
    return {p.name: (p.role, p.active) for p in list_people(uow())}


def _choose(screen: PeopleScreen, name: str) -> None:
    screen.table.selectRow(next(i for i, p in enumerate(screen.rows) if p.name == name))


def _do(qtbot, screen, button) -> None:
    with qtbot.waitSignal(screen.refreshed, timeout=10000), \
            qtbot.waitSignal(screen.changed, timeout=10000):
        button.click()


def test_a_supervisor_manages_the_people_of_the_store(qtbot, demo_store, uow, tasks):
    screen = PeopleScreen(uow, tasks, "Sam")
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: len(screen.rows) == 3)
    assert [screen.table.item(i, 0).text() for i in range(3)] == ["Ann", "Li Wei", "Sam"]

    screen.new_name.setText("Bo")
    screen.new_role.setCurrentIndex(screen.new_role.findData("clerk"))
    screen.new_pin.setText("4321")
    screen.new_pin_again.setText("4312")
    screen.add_button.click()
    assert screen.notice.text() == "The two PINs differ; type the PIN twice again."
    assert screen.new_pin.text() == "" and "Bo" not in _people(uow)
    screen.new_pin.setText("4321")
    screen.new_pin_again.setText("4321")
    _do(qtbot, screen, screen.add_button)
    assert screen.notice.text() == "Bo added as counter clerk."
    assert _people(uow)["Bo"] == ("clerk", True)

    _choose(screen, "Ann")
    screen.role.setCurrentIndex(screen.role.findData("supervisor"))
    _do(qtbot, screen, screen.role_button)
    assert screen.notice.text() == "Ann is now supervisor."
    _choose(screen, "Li Wei")
    assert screen.active_button.text() == "Disable"
    _do(qtbot, screen, screen.active_button)
    assert screen.notice.text() == ("Li Wei is disabled and can no longer log in; the "
                                    "history keeps the name.")
    assert [screen.table.item(i, 2).text() for i in range(4)] == ["yes", "yes", "no, disabled",
                                                                  "yes"]  # Ann, Bo, Li Wei, Sam
    with pytest.raises(NotAllowed, match="Name or PIN is not right"):
        log_in(LogIn("Li Wei", "2468"), uow())
    _choose(screen, "Li Wei")
    assert screen.active_button.text() == "Enable"
    screen.reset_pin.setText("8642")
    screen.reset_pin_again.setText("8642")
    _do(qtbot, screen, screen.reset_button)
    _choose(screen, "Li Wei")
    _do(qtbot, screen, screen.active_button)
    assert log_in(LogIn("Li Wei", "8642"), uow()).name == "Li Wei"


def test_the_last_supervisor_is_kept(qtbot, demo_store, uow, tasks):
    screen = PeopleScreen(uow, tasks, "Sam")
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: len(screen.rows) == 3)
    _choose(screen, "Sam")
    screen.active_button.click()
    qtbot.waitUntil(lambda: bool(screen.notice.property("error")), timeout=10000)
    assert screen.notice.text() == ("Sam is the last active supervisor; add another one "
                                    "first.")
    _choose(screen, "Sam")
    screen.role.setCurrentIndex(screen.role.findData("packer"))
    screen.notice.setProperty("error", False)
    screen.role_button.click()
    qtbot.waitUntil(lambda: bool(screen.notice.property("error")), timeout=10000)
    assert "last active supervisor; make someone else a supervisor first" in (
        screen.notice.text())
    assert _people(uow)["Sam"] == ("supervisor", True)


def test_the_first_run_screen_refuses_a_store_in_use(qtbot, demo_store, uow, tasks,
                                                     tmp_path):
    assert _first_run(uow, station_settings(tmp_path)) is None  # the lock screen opens
    page = FirstRunPage(uow, tasks, "bench-9")
    qtbot.addWidget(page)
    page.name.setText("Eve")
    page.pin.setText("1111")
    page.pin_again.setText("1111")
    page.button.click()
    qtbot.waitUntil(page.button.isEnabled, timeout=10000)
    assert page.notice.text().startswith("This store already has people or orders; set-up "
                                         "only sets up an empty store.")
    assert "Eve" not in _people(uow)
