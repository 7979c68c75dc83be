"""The Workspace: one matter's record (database + file store) and the verbs of the flow.

Every verb is one transaction that writes its audit entry; the CLI, and later the web app and
the workers, only call these methods. The verbs are grouped by the part of the flow they serve.
"""

from clawback.service.base import DATABASE, URL_SETTING
from clawback.service.briefs import Briefs
from clawback.service.copies import Copies
from clawback.service.disputes import Disputes
from clawback.service.documents import Documents
from clawback.service.integrity import Integrity
from clawback.service.matter import Matter
from clawback.service.outputs import Outputs
from clawback.service.patterns import Patterns
from clawback.service.production import Productions
from clawback.service.reads import Reads
from clawback.service.received import Received
from clawback.service.review import Reviews
from clawback.service.volumes import Volumes

__all__ = ["DATABASE", "URL_SETTING", "Workspace"]


class Workspace(
    Matter,
    Received,  # before Documents: its ingest checks what other parties produced
    Documents,
    Disputes,
    Reviews,
    Outputs,
    Reads,
    Briefs,
    Integrity,
    Copies,
    Patterns,
    Volumes,
    Productions,
):
    """A folder with the matter's database (SQLite by default) and its file store."""
