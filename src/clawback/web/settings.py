"""How the web app is set up: cookie names and flags, the page picture's resolution."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    #: Cookies are marked Secure: browsers send them over HTTPS and to loopback addresses
    #: (http://127.0.0.1, http://localhost) only. Off only for a test client on plain HTTP.
    secure_cookies: bool = True
    session_cookie: str = "clawback_session"
    login_cookie: str = "clawback_login"  # the log-in form's CSRF token, before any session
    page_dpi: int = 110
    search_limit: int = 50
    documents_limit: int = 100  # documents on one page of the documents list
    #: Processes of its own each server process draws page pictures in (``service.drawing``:
    #: a render holds the interpreter's lock, so drawn in place it stalls every request of
    #: the process); 0: drawn in place, in the request's thread.
    drawing_processes: int = 0
    #: Where ``filings.file`` writes the packages (outside the workspace); None: a folder
    #: beside it, ``WORKSPACE-filed``.
    filings: Path | None = None

    def filing_folder(self, workspace: Path) -> Path:
        return self.filings or workspace.with_name(f"{workspace.name}-filed")
