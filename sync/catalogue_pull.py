"""`packdesk products pull --channel CODE` and the Products screen's "Pull from channel":
the channel's catalogue read page by page, each page stored in its own unit of work (a
pull cut short keeps what it stored; pulling again goes on from the start and changes
nothing twice). By default only what changed since the last whole pull is asked for, under
the same lease as the background pull (sync/catalogue_sync.py)."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.errors import NotFound
from app.domain.messages import Msg
from app.services.catalogue_channel import ChannelProduct, PullReport
from app.services.channel_stock import ChannelView, list_channels
from app.services.leases import Claimant
from app.services.unit_of_work import SyncUnitOfWorkFactory
from sync.catalogue_sync import KINDS, CatalogueNotOffered, pages_of, pull_changed_catalogue
from sync.credentials import CredentialStore
from sync.runner import adapter_factory

__all__ = ["KINDS", "CatalogueNotOffered", "catalogue_channels", "channel_named", "pages_of",
           "pull_catalogue", "report_lines"]


def catalogue_channels(uow: SyncUnitOfWorkFactory) -> list[ChannelView]:
    """The channels a catalogue can be pulled from."""
    return [view for view in list_channels(uow()) if view.kind in KINDS]


def channel_named(uow: SyncUnitOfWorkFactory, code: str) -> ChannelView:
    for view in list_channels(uow()):
        if view.code == code:
            return view
    raise NotFound(Msg("There is no channel {code}; `packdesk channel list` shows them.",
                       code=code))


def pull_catalogue(uow: SyncUnitOfWorkFactory, code: str, by: str,
                   credentials: CredentialStore | None = None,
                   build: Callable | None = None,
                   on_page: Callable[[PullReport], None] | None = None,
                   store_page: Callable[[list[ChannelProduct]], PullReport] | None = None,
                   everything: bool = False) -> PullReport:
    """`store_page`: how a page reaches the store (the app hands it to its store worker,
    the network calls stay on the thread that pulls). `everything`: every variant, not
    only those changed since the last whole pull."""
    channel = channel_named(uow, code)
    if channel.kind not in KINDS:
        pages_of(channel, None)  # says which kinds are offered
    adapter = (build or adapter_factory(credentials or CredentialStore()))(channel)
    try:
        return pull_changed_catalogue(uow, channel, adapter, by,
                                      Claimant.for_station(uow().station),
                                      everything=everything, store_page=store_page,
                                      on_page=on_page)
    finally:
        adapter.close()


def report_lines(report: PullReport) -> list[str]:
    lines: list[str] = [Msg("From {channel}: products added {added}, changed {updated}. "
                            "Opening stock: {units} units for {stocked} SKUs (only SKUs with "
                            "no stock yet).", channel=report.channel, added=report.added,
                            updated=report.updated, units=report.units,
                            stocked=report.stocked)]
    if report.pulled_elsewhere:
        lines = [Msg("{channel}'s catalogue is being pulled by {station} now; nothing was "
                     "pulled here.", channel=report.channel, station=report.pulled_elsewhere)]
    if report.conflicts:
        lines.append(Msg("Differences with the products kept for a supervisor to settle: "
                         "{count} (packdesk products conflicts, or Tools → Differences "
                         "to settle).", count=report.conflicts))
    if report.without_sku:
        lines.append(Msg("Listed at {channel} without a SKU, not taken: {count}. Give them a "
                         "SKU at the channel and pull again.", channel=report.channel,
                         count=report.without_sku))
    lines += [f"{note.sku}: {note.note}" for note in report.notes]
    return lines
