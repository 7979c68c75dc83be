"""Commands for the people in the case: seating them under the order, their acknowledgments
and their logins."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    WorkspaceOption,
    _record,
    app,
    one_line_errors,
    out,
)
from clawback.domain.counts import counted

people_app = typer.Typer(help="The people in the case and their seats under the order.")
app.add_typer(people_app, name="people")


@people_app.command("add")
@one_line_errors
def people_add(
    ctx: typer.Context,
    email: str,
    name: Annotated[str, typer.Option(help="Full name.")],
    side: Annotated[str, typer.Option(help="producing, receiving, court or public.")],
    category: Annotated[str, typer.Option(help="Recipient category under the order.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Give someone a seat; experts and others who must sign start without access."""
    person = _record(ctx, workspace).people.add(email, name=name, side=side, category=category)
    signed = "" if person.acknowledged else " (no access until their acknowledgment is recorded)"
    out.print(f"{person.email}: {person.side} {person.category}{signed}")


@people_app.command("acknowledge")
@one_line_errors
def people_acknowledge(
    ctx: typer.Context, email: str, workspace: WorkspaceOption = DEFAULT_WS
) -> None:
    """Record a signed acknowledgment and agreement to be bound."""
    _record(ctx, workspace).people.acknowledge(email)
    out.print(f"{email}: acknowledgment recorded")


@people_app.command("invite")
@one_line_errors
def people_invite(
    ctx: typer.Context,
    email: str,
    password_env: Annotated[
        str | None,
        typer.Option(
            "--password-env",
            help="Take the password from this environment variable (else one is made and "
            "printed once).",
        ),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Set up (or set up again) a seated person's login to the web app: a password, and a TOTP
    secret where the protective order requires a second factor. Printed once; hand them over."""
    password = os.environ.get(password_env, "") if password_env else None
    made = _record(ctx, workspace).accounts.invite(email, password)
    out.print(f"{made.email}: login set up")
    if password is None:
        out.print(f"  password: {made.password}")
    if made.totp_uri:
        out.print(f"  one-time codes (TOTP secret {made.totp_secret}): {made.totp_uri}")


@people_app.command("disable")
@one_line_errors
def people_disable(ctx: typer.Context, email: str, workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Disable a person's login at once: their sessions end, their API tokens are revoked, and
    a log-in is refused as a wrong password is, until ``people enable``."""
    revoked = _record(ctx, workspace).accounts.disable(email)
    out.print(f"{email}: login disabled ({counted(revoked, 'API token')} revoked)")


@people_app.command("enable")
@one_line_errors
def people_enable(ctx: typer.Context, email: str, workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Open a disabled login again, with the password it had."""
    opened = _record(ctx, workspace).accounts.enable(email)
    out.print(f"{email}: login enabled" if opened else f"{email}: login was not disabled")


@people_app.command("list")
@one_line_errors
def people_list(ctx: typer.Context, workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Everyone with a seat."""
    for p in _record(ctx, workspace).people.list():
        signed = "" if p.acknowledged else "  (acknowledgment missing)"
        out.print(f"{p.email}  {p.side}  {p.category}  {p.name}{signed}")
