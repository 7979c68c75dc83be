"""The service API: the verbs of the flow, each one transaction with its audit entry."""

from clawback.service.workspace import Workspace

__all__ = ["Workspace"]
