"""``python -m clawback``: the same as the ``clawback`` command."""

from clawback.cli import app

app()
