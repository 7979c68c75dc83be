"""The web app: server-rendered pages and a JSON API over the service, one person a request.

``create_app(workspace)`` gives the ASGI app ``clawback serve`` runs on uvicorn. Each request
resolves its person once (``web.auth``) and calls the same service the CLI calls with that
person's ``Record``; no view holds a rule of its own, and whatever the person may not see
answers 404, as an absent thing does (``web.errors``).
"""

from clawback.web.app import create_app
from clawback.web.settings import Settings

__all__ = ["Settings", "create_app"]
