"""What every service class shares: the context it was built with, and nothing else."""

from __future__ import annotations

from clawback.domain.actor import Actor
from clawback.service.context import Context


class Service:
    """A service does one job over one ``Context``: the workspace and the person asking."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def actor(self) -> Actor:
        return self.ctx.actor
