"""The record as one actor reaches it: every service, built over one context.

``Workspace.record(actor)`` (or ``operator()``, ``person(email)``, ``preview(email)``) gives a
``Record``; each attribute is a small service doing one job, all sharing the same ``Context``,
so each verb runs with the same person asking::

    record = workspace.person("counsel@plaintiffs.example", Via.web)
    record.reads.page_text(BatesNumber.parse("AOL-DEF-00528703"))

Each service's module is imported when the service is first reached, so a call that only reads
does not load the PDF engine, the copy index or the spreadsheet writer it never uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.domain.seats import Act, permitted
from clawback.service.context import Context

if TYPE_CHECKING:
    from clawback.service.accounts import Accounts
    from clawback.service.audit_trail import AuditTrail
    from clawback.service.briefs import Briefs
    from clawback.service.casefiles import CaseFiles
    from clawback.service.catalog import Catalog
    from clawback.service.claims import Claims
    from clawback.service.copies import Copies
    from clawback.service.deadlines import Deadlines
    from clawback.service.designations import Designations
    from clawback.service.docket import Docket
    from clawback.service.exhibit_index import ExhibitIndexes
    from clawback.service.filed_papers import FiledPapers
    from clawback.service.filings import Filings
    from clawback.service.ingest import Ingest
    from clawback.service.integrity import Integrity
    from clawback.service.items import Items
    from clawback.service.matter import Matter
    from clawback.service.page_view import PageViews
    from clawback.service.people import People
    from clawback.service.privilege_logs import PrivilegeLogs
    from clawback.service.production import Productions
    from clawback.service.reads import Reads
    from clawback.service.received import Imports
    from clawback.service.review import Reviews
    from clawback.service.sealing import Sealing
    from clawback.service.tracing import Tracing
    from clawback.service.volume_status import VolumeStatuses
    from clawback.service.volumes import Volumes


class Record:
    """Every verb of the flow, for one actor."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    @cached_property
    def matter(self) -> Matter:
        from clawback.service.matter import Matter

        return Matter(self.ctx)

    @cached_property
    def page_views(self) -> PageViews:
        from clawback.service.page_view import PageViews

        return PageViews(self.ctx)

    @cached_property
    def people(self) -> People:
        from clawback.service.people import People

        return People(self.ctx)

    @cached_property
    def ingest(self) -> Ingest:
        from clawback.service.ingest import Ingest

        return Ingest(self.ctx)

    @cached_property
    def designations(self) -> Designations:
        from clawback.service.designations import Designations

        return Designations(self.ctx)

    @cached_property
    def items(self) -> Items:
        from clawback.service.items import Items

        return Items(self.ctx)

    @cached_property
    def productions(self) -> Productions:
        from clawback.service.production import Productions

        return Productions(self.ctx)

    @cached_property
    def volume_status(self) -> VolumeStatuses:
        from clawback.service.volume_status import VolumeStatuses

        return VolumeStatuses(self.ctx)

    @cached_property
    def volumes(self) -> Volumes:
        from clawback.service.volumes import Volumes

        return Volumes(self.ctx)

    @cached_property
    def imports(self) -> Imports:
        from clawback.service.received import Imports

        return Imports(self.ctx)

    @cached_property
    def claims(self) -> Claims:
        from clawback.service.claims import Claims

        return Claims(self.ctx)

    @cached_property
    def reviews(self) -> Reviews:
        from clawback.service.review import Reviews

        return Reviews(self.ctx)

    @cached_property
    def sealing(self) -> Sealing:
        from clawback.service.sealing import Sealing

        return Sealing(self.ctx)

    @cached_property
    def deadlines(self) -> Deadlines:
        from clawback.service.deadlines import Deadlines

        return Deadlines(self.ctx)

    @cached_property
    def filings(self) -> Filings:
        from clawback.service.filings import Filings

        return Filings(self.ctx)

    @cached_property
    def privilege_log(self) -> PrivilegeLogs:
        from clawback.service.privilege_logs import PrivilegeLogs

        return PrivilegeLogs(self.ctx)

    @cached_property
    def briefs(self) -> Briefs:
        from clawback.service.briefs import Briefs

        return Briefs(self.ctx)

    @cached_property
    def filed_papers(self) -> FiledPapers:
        from clawback.service.filed_papers import FiledPapers

        return FiledPapers(self.ctx)

    @cached_property
    def docket(self) -> Docket:
        from clawback.service.docket import Docket

        return Docket(self.ctx)

    @cached_property
    def exhibit_index(self) -> ExhibitIndexes:
        from clawback.service.exhibit_index import ExhibitIndexes

        return ExhibitIndexes(self.ctx)

    @cached_property
    def reads(self) -> Reads:
        from clawback.service.reads import Reads

        return Reads(self.ctx)

    @cached_property
    def catalog(self) -> Catalog:
        from clawback.service.catalog import Catalog

        return Catalog(self.ctx)

    @cached_property
    def accounts(self) -> Accounts:
        from clawback.service.accounts import Accounts

        return Accounts(self.ctx)

    @cached_property
    def copies(self) -> Copies:
        from clawback.service.copies import Copies

        return Copies(self.ctx)

    @cached_property
    def integrity(self) -> Integrity:
        from clawback.service.integrity import Integrity

        return Integrity(self.ctx)

    @cached_property
    def tracing(self) -> Tracing:
        from clawback.service.tracing import Tracing

        return Tracing(self.ctx)

    @cached_property
    def audit(self) -> AuditTrail:
        from clawback.service.audit_trail import AuditTrail

        return AuditTrail(self.ctx)

    @cached_property
    def case_files(self) -> CaseFiles:
        from clawback.service.casefiles import CaseFiles

        return CaseFiles(self.ctx)

    # -- conveniences ------------------------------------------------------------------------

    def may(self, act: Act) -> bool:
        """Whether this actor's seat allows ``act`` (``domain.seats.permitted``): what a page
        asks before it offers a form the service would refuse."""
        return permitted(self.ctx.actor, act)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work as this actor (for tools and tests that read rows directly)."""
        with self.ctx.transaction() as s:
            yield s

    def may_deliver(self, *targets: Path) -> None:
        """Refuse now, in one line, outputs ``deliver`` would refuse once they are made."""
        self.ctx.check_targets(*targets)

    def deliver(self, target: Path, data: bytes, what: str) -> Path:
        """Write one output file outside the workspace, audited and recorded first, written
        whole (``service.delivery``); ``what`` names it in the audit trail."""
        return self.ctx.write(target, data, f"deliver.{what}", target.name)

    def close(self) -> None:
        self.ctx.workspace.close()
