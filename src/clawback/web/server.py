"""``clawback serve``: the app on uvicorn, the server alone holding the workspace."""

from __future__ import annotations

from pathlib import Path

import uvicorn

from clawback.service import Workspace
from clawback.web.app import create_app
from clawback.web.settings import Settings


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the workspace at ``root`` until interrupted."""
    workspace = Workspace.open(root)
    try:
        app = create_app(workspace, Settings())
        uvicorn.run(app, host=host, port=port, proxy_headers=False, server_header=False)
    finally:
        workspace.close()
