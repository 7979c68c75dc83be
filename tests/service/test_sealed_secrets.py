"""A login's TOTP secret is kept sealed under the workspace key, which the database never
holds: the database shows no secret, the code from the secret given at invitation logs in, and
a sealed secret moved to another person's login opens nothing (the log-in fails, audited)."""

from __future__ import annotations

from pathlib import Path

import pyotp
import pytest
from sqlalchemy import select

from clawback.demo.run import reference_case
from clawback.service import Workspace
from clawback.service.gate import Gate, NotAuthenticated
from clawback.storage import tables as t

PASSWORD = "correct horse battery staple 42"


def test_a_totp_secret_is_sealed_and_opens_only_for_its_login(tmp_path: Path) -> None:
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        op.matter.load_case(reference_case())
        for email in ("judge@court.test", "clerk@court.test"):
            op.people.add(email, name=email.split("@")[0], side="court", category="court")
        judge = op.accounts.invite("judge@court.test", PASSWORD)
        clerk = op.accounts.invite("clerk@court.test", PASSWORD)
        assert judge.totp_secret is not None and clerk.totp_secret is not None
        with op.ctx.transaction() as s:
            kept = {a.email: a.totp_secret for a in s.scalars(select(t.Account)).all()}
        assert judge.totp_secret not in str(kept) and clerk.totp_secret not in str(kept)
        assert all(str(v).startswith("sealed:") for v in kept.values())

        gate = Gate(workspace)
        opened = gate.login(
            "judge@court.test", PASSWORD, pyotp.TOTP(judge.totp_secret).now(), "127.0.0.1"
        )
        assert opened.email == "judge@court.test"

        with op.ctx.transaction() as s:  # the judge's sealed secret copied onto the clerk
            s.get(t.Account, "clerk@court.test").totp_secret = kept["judge@court.test"]
        with pytest.raises(NotAuthenticated):
            gate.login(
                "clerk@court.test", PASSWORD, pyotp.TOTP(judge.totp_secret).now(), "127.0.0.1"
            )
        reasons = [e.subject for e in op.audit.entries() if e.action == "login.failed"]
        assert reasons == ["clerk@court.test"]
    finally:
        workspace.close()
