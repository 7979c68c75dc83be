"""The service API: the verbs of the flow as small services over one context (the workspace and
the person asking), gathered for one actor in a ``Record``.

    workspace = Workspace.open(Path("workspace"))
    record = workspace.operator(Via.cli)          # or .person(email, via), .preview(email)
    record.designations.designate(ExhibitNumber(19), "AEO")

The names below are imported when first used, so importing one service module (or the
package) does not load every other one and the libraries they need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clawback import lazy

if TYPE_CHECKING:
    from clawback.domain.actor import Actor, Via
    from clawback.service.context import Context
    from clawback.service.facade import Record
    from clawback.service.workspace import DATABASE, URL_SETTING, Workspace

__all__ = ["DATABASE", "URL_SETTING", "Actor", "Context", "Record", "Via", "Workspace"]

_HOMES = {
    "Actor": "clawback.domain.actor",
    "Via": "clawback.domain.actor",
    "Context": "clawback.service.context",
    "Record": "clawback.service.facade",
    "DATABASE": "clawback.service.workspace",
    "URL_SETTING": "clawback.service.workspace",
    "Workspace": "clawback.service.workspace",
}


__getattr__, __dir__ = lazy.exports(__name__, _HOMES, __all__)
