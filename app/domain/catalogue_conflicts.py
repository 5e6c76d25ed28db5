"""Where two sources disagree about a product: a channel and another channel, or a channel
and what a person (the editor, a catalogue file) or the scale put on the product.

A pull never settles it silently: the difference is kept as a conflict until a supervisor
picks one side. The settled conflicts are the product's trail of those choices (who, when,
which side), and a side a person turned down is not offered again by the same source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.errors import InvalidInput, NotAllowed
from app.domain.messages import Msg


class ConflictField(StrEnum):
    NAME = "name"
    BARCODE = "barcode"
    WEIGHT = "weight_g"


class Side(StrEnum):
    KEPT = "kept"  # what the product carries stays
    OFFERED = "offered"  # the channel's figure replaces it
    AGREED = "agreed"  # the sources came to agree before anyone chose


@dataclass(eq=False)
class CatalogueConflict:
    sku: str
    field: str  # a ConflictField
    kept: str  # the product's value when the channel offered another one
    kept_from: str  # the channel that gave it, "" when a person, a file or the scale did
    offered: str
    offered_from: str  # the channel offering it
    raised_at: datetime
    settled_at: datetime | None = None
    settled_by: str = ""
    chosen: str = ""  # a Side, once settled
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.settled_at is None

    def turned_down(self) -> tuple[str, str] | None:
        """(source, value) a person chose against, once settled by a person."""
        if self.chosen == Side.KEPT:
            return self.offered_from, self.offered
        if self.chosen == Side.OFFERED:
            return self.kept_from, self.kept
        return None

    def offer_again(self, kept: str, kept_from: str, offered: str) -> None:
        """The channel still disagrees, maybe with a new figure: the open conflict says so."""
        self.kept, self.kept_from, self.offered = kept, kept_from, offered

    def settle(self, side: str, by: str, at: datetime) -> None:
        if not self.is_open:
            raise NotAllowed(Msg("The difference on {sku} ({field}) was settled already by "
                                 "{by}.", sku=self.sku, field=self.field,
                                 by=self.settled_by or Msg("the channels agreeing")))
        if side not in (Side.KEPT, Side.OFFERED, Side.AGREED):
            raise InvalidInput(Msg("Choose the product's value or the channel's."))
        if side != Side.AGREED and not by.strip():
            raise InvalidInput(Msg("A difference is settled by a person: say who."))
        self.chosen, self.settled_by, self.settled_at = side, by.strip()[:64], at
