"""The service API: the verbs of the flow as small services over one context (the workspace and
the person asking), gathered for one actor in a ``Record``.

    workspace = Workspace.open(Path("workspace"))
    record = workspace.operator(Via.cli)          # or .person(email, via), .preview(email)
    record.designations.designate(ExhibitNumber(19), "AEO")
"""

from clawback.domain.actor import Actor, Via
from clawback.service.context import Context
from clawback.service.facade import Record
from clawback.service.workspace import DATABASE, URL_SETTING, Workspace

__all__ = ["DATABASE", "URL_SETTING", "Actor", "Context", "Record", "Via", "Workspace"]
