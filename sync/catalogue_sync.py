"""A channel's catalogue pulled as its orders are: by update time, page by page, by one
runner at a time.

Several stations and a cron job run the same background sync on one store; only the holder
of the channel's catalogue lease (app/services/leases.py) pulls, renewing it page by page.
Each channel keeps the time from which the next pull asks for changes
(`channels.catalogue_since`): the time the last complete pull started, less OVERLAP for the
clocks of the channel and this station to differ and for a variant changed while the pull
was reading. A day after the last pull that read every variant (`catalogue_whole_at`) the
next one reads every variant again. It moves on only when every page is stored: a pull cut short (a killed
process, a lost lease, a refusal) is asked again from the same time, and storing a page
twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

from app.domain.channels import ChannelKind
from app.domain.messages import Msg
from app.services.catalogue_channel import (
    ChannelProduct,
    PullReport,
    catalogue_since,
    note_catalogue_pulled,
    take_in_channel_products,
)
from app.services.channel_stock import ChannelView
from app.services.leases import Claimant, lease_holder, release_lease, renew_lease, take_lease
from app.services.unit_of_work import SyncUnitOfWorkFactory
from sync import taobao_catalogue, woo_catalogue
from sync.base import ChannelError

KINDS = (ChannelKind.SHOPIFY, ChannelKind.WOOCOMMERCE, ChannelKind.TAOBAO)
OVERLAP = timedelta(minutes=10)
# A pull reads every variant again this long after the last one that did: what the channels'
# update times do not show (a WooCommerce variation saved without its product, a Shopify
# inventory item's weight) comes in within a day.
WHOLE_EVERY = timedelta(days=1)


class CatalogueNotOffered(ChannelError):
    """The channel's kind has no catalogue reader (yet)."""


def catalogue_lease(channel: str) -> str:
    return f"catalogue:{channel}"


def pages_of(channel: ChannelView, adapter,
             since: datetime | None = None) -> Iterator[list[ChannelProduct]]:
    """The channel's variants, a page at a time; with `since`, only those changed since."""
    if channel.kind == ChannelKind.SHOPIFY:
        return adapter.catalogue_pages(since=since)
    if channel.kind == ChannelKind.WOOCOMMERCE:
        return woo_catalogue.catalogue_pages(adapter, since)
    if channel.kind == ChannelKind.TAOBAO:
        return taobao_catalogue.catalogue_pages(adapter, since)
    raise CatalogueNotOffered(Msg("Channel {code} is a {kind} shop; Packdesk pulls the "
                                  "catalogue from {kinds} shops. Import its product export "
                                  "with packdesk products import FILE.", code=channel.code,
                                  kind=channel.kind, kinds=", ".join(KINDS)))


def pull_changed_catalogue(uow: SyncUnitOfWorkFactory, channel: ChannelView, adapter,
                           by: str, claimant: Claimant, *, everything: bool = False,
                           store_page: Callable[[list[ChannelProduct]], PullReport]
                           | None = None,
                           on_page: Callable[[PullReport], None] | None = None) -> PullReport:
    """What changed at the channel since its last whole pull (`everything`: all of it),
    under the channel's catalogue lease; another runner holding it: nothing is pulled and
    the report names that runner."""
    lease = catalogue_lease(channel.code)
    report = PullReport(channel.code)
    if not take_lease(lease, claimant, uow()):
        report.pulled_elsewhere = lease_holder(lease, uow()) or Msg("another station")
        return report
    store = store_page or (lambda page: take_in_channel_products(uow(), channel.code, page,
                                                                 by))
    try:
        started = uow().now()
        since, whole_at = catalogue_since(uow(), channel.code)
        whole = everything or whole_at is None or started - whole_at >= WHOLE_EVERY
        report.since = None if whole else since
        for page in pages_of(channel, adapter, report.since):
            report.add(store(page))
            if on_page is not None:
                on_page(report)
            if not renew_lease(lease, claimant, uow()):  # lapsed: the successor goes on
                return report
        note_catalogue_pulled(uow(), channel.code, started - OVERLAP,
                              started if whole else None)
    finally:
        release_lease(lease, claimant, uow())
    return report


def summary(report: PullReport) -> str:
    """The runner's word on a background pull, for the status bar and `packdesk sync`."""
    if report.pulled_elsewhere:
        return Msg("catalogue being pulled by {station}", station=report.pulled_elsewhere)
    text = Msg("catalogue: {added} added, {updated} changed", added=report.added,
               updated=report.updated)
    if report.conflicts:
        text += Msg(", {count} differences to settle", count=report.conflicts)
    return text
