"""One workflow mechanism for every state machine of the core (Tryton's `Workflow`).

A `Workflow` is a machine's table of allowed transitions (state -> the states it may
become), the attribute that holds the state, and the words of a refusal. `move` checks the
table, records who moved it, when, why and where (a `Transition`), and sets the state; a
move the table does not list raises the machine's error with the machine's words. The
business verbs on the aggregates (`Order.transition`, `ReturnCase.receive`, `Receipt.close`,
`OutboxMessage.close` ...) go through it, so each machine's rules are in one table.

A machine driven by events rather than by verbs naming their target (the pack bench's,
app/domain/bench_state.py) is an `EventFlow`: its table says which move each event makes
from each state it may come in, and its `Workflow` is made of those moves, so the states,
the finals and the refusals are the same mechanism's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from app.domain.errors import IllegalTransition, PackdeskError
from app.domain.messages import Msg
from app.domain.transitions import Transition

StateT = TypeVar("StateT", bound=StrEnum)
EventT = TypeVar("EventT", bound=StrEnum)
RecordT = TypeVar("RecordT", bound=Transition)


def words(state: StrEnum | str) -> str:
    """A state as a person reads it: "on_hold" -> "on hold"."""
    return str(state).replace("_", " ")


@dataclass(frozen=True, eq=False)
class Workflow(Generic[StateT]):
    """A state machine: its states (an enum), the table of moves, where the state is kept."""

    states: type[StateT]
    table: Mapping[StateT, frozenset[StateT]]
    refusal: Callable[[Any, StateT, StateT], Msg]
    attribute: str = "status"
    error: type[PackdeskError] = IllegalTransition
    finals: frozenset[StateT] = field(init=False)

    def __post_init__(self) -> None:
        missing = [state for state in self.states if state not in self.table]
        unknown = [target for targets in self.table.values() for target in targets
                   if target not in self.states.__members__.values()]
        if missing or unknown:
            raise ValueError(Msg("The {states} table is missing {missing} and lists unknown "
                                 "{unknown}.", states=self.states.__name__,
                                 missing=missing, unknown=unknown))
        object.__setattr__(self, "finals", frozenset(
            state for state, targets in self.table.items() if not targets))

    @classmethod
    def of(cls, states: type[StateT], pairs: Iterable[tuple[StateT, StateT]],
           **options: Any) -> Workflow[StateT]:
        """A workflow from its (from, to) pairs; a state no pair leaves is final."""
        table: dict[StateT, set[StateT]] = {state: set() for state in states}
        for source, target in pairs:
            table[source].add(target)
        return cls(states, {state: frozenset(targets) for state, targets in table.items()},
                   **options)

    def state_of(self, subject: Any) -> StateT:
        return self.states(getattr(subject, self.attribute))

    def allows(self, current: StateT | str, to: StateT | str) -> bool:
        return self.states(to) in self.table[self.states(current)]

    def pairs(self) -> list[tuple[StateT, StateT]]:
        """Every allowed move, in the enum's order."""
        return [(source, target) for source in self.states for target in self.states
                if target in self.table[source]]

    def check(self, subject: Any, to: StateT) -> StateT:
        """The subject's state, if the table lets it become `to`; else the machine's error."""
        return self.check_move(subject, self.state_of(subject), to)

    def check_move(self, subject: Any, current: StateT | str, to: StateT | str) -> StateT:
        """`current`, if the table lets it become `to` (a state known without the subject at
        hand: a claimed message is pending); else the machine's error about the subject."""
        current, to = self.states(current), self.states(to)
        if to not in self.table[current]:
            raise self.error(self.refusal(subject, current, to))
        return current

    def move(self, subject: Any, to: StateT, record: type[RecordT], by: str, at: datetime,
             reason: str = "", station: str = "") -> RecordT:
        """Check the move, set the state and return the record of it (who, when, why, where)."""
        current = self.check(subject, to)
        setattr(subject, self.attribute, to)
        return record(current.value, to.value, by, at, reason, station)


@dataclass(frozen=True, eq=False)
class EventFlow(Generic[StateT, EventT]):
    """A machine moved by events: `moves[(state, event)]` is where `event` takes a subject
    in `state`; an event its state does not take is refused with `refusal`'s words. Nothing
    is recorded: such a machine (a bench's) is no aggregate's history."""

    workflow: Workflow[StateT]
    moves: Mapping[tuple[StateT, EventT], StateT]
    refusal: Callable[[Any, StateT, EventT], Msg]

    @classmethod
    def of(cls, states: type[StateT], moves: Mapping[tuple[StateT, EventT], StateT],
           refusal: Callable[[Any, StateT, EventT], Msg],
           moved: Callable[[Any, StateT, StateT], Msg], **options: Any) -> EventFlow:
        """The machine whose workflow is the moves its events make; `moved` words a move
        asked of the workflow directly that no event makes."""
        workflow = Workflow.of(states, [(source, target) for (source, _event), target
                                        in moves.items()], refusal=moved, **options)
        return cls(workflow, moves, refusal)

    def can(self, subject: Any, event: EventT) -> bool:
        return (self.workflow.state_of(subject), event) in self.moves

    def fire(self, subject: Any, event: EventT) -> StateT:
        """Move the subject by the event, or refuse it with the machine's error."""
        current = self.workflow.state_of(subject)
        target = self.moves.get((current, event))
        if target is None:
            raise self.workflow.error(self.refusal(subject, current, event))
        self.workflow.check_move(subject, current, target)
        setattr(subject, self.workflow.attribute, target)
        return target
