"""The people of the store, for a supervisor: add someone, change a role, disable someone
who left (history keeps the name) or enable them again, and give a new PIN. The rules
(PIN format, the last supervisor) are the core's, in app/services/people.py."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import PackdeskError
from app.services import people
from ui.i18n import error_text
from ui.ops import QueryOp, StoreOp
from ui.row_table import chosen, fill, row_table
from ui.tasks import TaskManager

FIELD_WIDTH = 360


class PeopleScreen(QWidget):
    changed = Signal()  # after each change the store took
    refreshed = Signal()  # the table shows the store again

    def __init__(self, uow_factory, tasks: TaskManager, supervisor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow_factory, self.tasks, self.supervisor = uow_factory, tasks, supervisor
        self.setObjectName("peopleScreen")
        self.setWindowTitle(self.tr("People — for supervisors"))
        self.resize(860, 640)
        self.rows: list[people.PersonView] = []
        self.roles = {"packer": self.tr("packer"), "clerk": self.tr("counter clerk"),
                      "supervisor": self.tr("supervisor")}
        heading = QLabel(self.tr("Who packs, takes returns and supervises. Someone who left "
                                 "is disabled, never deleted: the history keeps the name."), self)
        heading.setWordWrap(True)
        self.table = row_table([self.tr("Name"), self.tr("Role"), self.tr("May log in")], self)
        self.table.setObjectName("peopleTable")
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.notice = QLabel(self)
        self.notice.setObjectName("peopleNotice")
        self.notice.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(self.table, 1)
        column.addWidget(self._chosen_box())
        column.addWidget(self._add_box())
        column.addWidget(self.notice)
        self.refresh()

    def _role_box(self) -> QComboBox:
        box = QComboBox(self)
        for value, caption in self.roles.items():
            box.addItem(caption, value)
        return box

    def _pin_fields(self) -> tuple[QLineEdit, QLineEdit]:
        fields = QLineEdit(self), QLineEdit(self)
        for field in fields:
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
            field.setPlaceholderText(self.tr("4 to 8 digits"))
        return fields

    def _add_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add someone"), self)
        self.new_name = QLineEdit(self)
        self.new_name.setObjectName("newName")
        self.new_role = self._role_box()
        self.new_pin, self.new_pin_again = self._pin_fields()
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        for field in (self.new_name, self.new_role, self.new_pin, self.new_pin_again):
            field.setMaximumWidth(FIELD_WIDTH)  # a name and a PIN, not a paragraph
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), self.new_name)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow(self.tr("PIN"), self.new_pin)
        form.addRow(self.tr("The same PIN again"), self.new_pin_again)
        form.addRow("", add_row)
        return box

    def _chosen_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The person chosen above"), self)
        self.chosen_box = box
        self.role = self._role_box()
        self.role_button = QPushButton(self.tr("Change the role"), self)
        self.role_button.clicked.connect(self._on_role_button_clicked)
        self.active_button = QPushButton(self.tr("Disable"), self)
        self.active_button.setObjectName("activeButton")
        self.active_button.clicked.connect(self._on_active_button_clicked)
        self.reset_pin, self.reset_pin_again = self._pin_fields()
        self.reset_button = QPushButton(self.tr("Give this new PIN"), self)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.role.setMaximumWidth(FIELD_WIDTH)
        roles = QHBoxLayout()
        roles.addWidget(self.role, 1)
        roles.addWidget(self.role_button)
        roles.addStretch(1)
        roles.addWidget(self.active_button)
        pins = QHBoxLayout()
        for field in (self.reset_pin, self.reset_pin_again):
            field.setMaximumWidth(FIELD_WIDTH // 2 + 40)
            pins.addWidget(field, 1)
        pins.addWidget(self.reset_button)
        pins.addStretch(1)
        form = QFormLayout(box)
        form.addRow(self.tr("Role"), roles)
        form.addRow(self.tr("New PIN, twice"), pins)
        self._set_chosen_enabled(False)
        return box

    def refresh(self) -> None:
        QueryOp(self, self.tasks, lambda: people.list_people(self.uow_factory()),
                self._show).failure(self._on_failed).in_store_order().run_in_background()

    def _show(self, rows) -> None:
        name = self._chosen_name()
        self.rows = list(rows)
        fill(self.table, [(p.name, self.roles.get(p.role, p.role),
                           self.tr("yes") if p.active else self.tr("no, disabled"))
                          for p in self.rows])
        for index, person in enumerate(self.rows):
            if not person.active:
                for column in range(self.table.columnCount()):
                    self.table.item(index, column).setForeground(QColor("#888888"))
            if person.name == name:
                self.table.selectRow(index)
        self._on_table_selection_changed()
        self.refreshed.emit()

    def _chosen_name(self) -> str | None:
        person = chosen(self.table, self.rows)
        return person.name if person else None

    def _set_chosen_enabled(self, enabled: bool) -> None:
        for widget in (self.role, self.role_button, self.active_button, self.reset_pin,
                       self.reset_pin_again, self.reset_button):
            widget.setEnabled(enabled)

    def _on_table_selection_changed(self) -> None:
        person = chosen(self.table, self.rows)
        self._set_chosen_enabled(person is not None)
        self.chosen_box.setTitle(self.tr("The person chosen above") if person is None
                                 else self.tr("Chosen: {0}").format(person.name))
        if person is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(person.role)))
            self.active_button.setText(self.tr("Disable") if person.active
                                       else self.tr("Enable"))

    def _run(self, work, done_text) -> None:
        """A change on the store worker; the table is read again after it."""
        def done(view) -> None:
            self._say(done_text(view), error=False)
            self.changed.emit()
            self.refresh()

        # people are shown here alone; the log-in reads them when someone logs in, on the
        # same store worker, so a packer added here can log in at once
        StoreOp(self, self.tasks, lambda: work(self.uow_factory())).success(done) \
            .failure(self._on_failed).run_in_background(self)

    def _twice(self, first: QLineEdit, second: QLineEdit) -> str | None:
        pin = first.text()
        same = pin == second.text()
        first.clear()
        second.clear()
        if not same:
            self._say(self.tr("The two PINs differ; type the PIN twice again."), error=True)
            first.setFocus()
            return None
        return pin

    def _on_add_button_clicked(self) -> None:
        name, role = self.new_name.text(), self.new_role.currentData()
        pin = self._twice(self.new_pin, self.new_pin_again)
        if pin is None:
            return
        self.new_name.clear()
        self._run(lambda uow: people.add_person(uow, name, pin, role),
                  lambda view: self.tr("{0} added as {1}.").format(
                      view.name, self.roles[view.role]))

    def _on_role_button_clicked(self) -> None:
        name, role = self._chosen_name(), self.role.currentData()
        if name is not None:
            self._run(lambda uow: people.set_role(uow, name, role),
                      lambda view: self.tr("{0} is now {1}.").format(
                          view.name, self.roles[view.role]))

    def _on_active_button_clicked(self) -> None:
        person = chosen(self.table, self.rows)
        if person is None:
            return
        self._run(lambda uow: people.set_active(uow, person.name, not person.active),
                  lambda view: (self.tr("{0} may log in again.") if view.active else
                                self.tr("{0} is disabled and can no longer log in; the "
                                        "history keeps the name.")).format(view.name))

    def _on_reset_button_clicked(self) -> None:
        name = self._chosen_name()
        pin = self._twice(self.reset_pin, self.reset_pin_again)
        if name is not None and pin is not None:
            self._run(lambda uow: people.reset_pin(uow, name, pin),
                      lambda view: self.tr("{0} has a new PIN.").format(view.name))

    def _on_failed(self, error: BaseException) -> None:
        self._say(error_text(error) if isinstance(error, PackdeskError) else repr(error), True)

    def _say(self, text: str, error: bool) -> None:
        self.notice.setText(text)
        self.notice.setProperty("error", error)
        self.notice.setStyleSheet("font-size: 16px; color: %s;" % ("#b71c1c" if error
                                                                    else "#1b5e20"))
