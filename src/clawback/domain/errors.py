"""The one error family of clawback: every message is one line naming the thing and the problem.

Every failure a user can act on derives from ``ClawbackError``; the CLI prints it as one line
(exit 1) and the web app answers it with one status, never a traceback::

    ClawbackError                 a failure the user can act on
    ├── NotFound                  no such thing, or a thing you may not see: the two read alike
    ├── RuleViolation             an act the order, the rules of procedure or a ruling forbids
    │   └── NotPermitted          an act your seat may not make (a preview makes none)
    ├── InvalidInput              a value that does not parse (also a ValueError)
    │   ├── BatesError            (domain.bates) not a Bates number or range
    │   ├── RowsRefused           a batch checked whole and entered not at all: each bad row
    │   │                         is a line of its own (``problems``)
    │   └── EmailError            (email.parse) not an e-mail clawback can read
    ├── DocumentError             a file the engines cannot read or make (also a ValueError)
    │   ├── PdfError, ConversionError, OcrError, RedactionError, ReflowError, HighlightError,
    │   │   Type1Error            (pdf.*) the PDF engine's refusals
    │   ├── Refused               (ingest.limits) a file ingest will not take
    │   └── UnsafePathError       (loadfiles.dat) a load file naming a path outside its volume
    ├── VerificationError         (pdf.findings) an output failed the verification gate
    ├── ProductionStopped         (service.production) a volume stopped, left open to resume
    ├── NotAuthenticated          (service.gate) no session, an expired one, a wrong password
    │   ├── Throttled             too many failed log-ins: refused unheard for a while
    │   └── UndertakingUnsigned   the acknowledgment is to be signed before any document shows
    └── StorageError              the database or the file store cannot do what was asked
        └── StoreCorrupt          (storage.files) a stored file no longer matches its hash

Subclasses live beside the code that raises them; this module holds the roots, and `naming`,
which says a refusal of the file it is about: ``opposition.pdf: not a PDF: no %PDF- header``.
"""

from collections.abc import Iterator
from contextlib import contextmanager


class ClawbackError(Exception):
    """A user-facing failure: bad input, an unknown id, a rule that forbids the act."""


class NotFound(ClawbackError):
    """An id, Bates number, exhibit or item that the record does not hold, or that the person
    asking may not see: the two answer alike."""


class RuleViolation(ClawbackError):
    """An act that the protective order, the rules of procedure or a ruling forbids."""


class NotPermitted(RuleViolation):
    """An act the acting person's seat may not make."""


class InvalidInput(ClawbackError, ValueError):
    """A value that does not parse: a date, a Bates number, an e-mail address, a pattern."""


class DocumentError(ClawbackError, ValueError):
    """A file the document engines cannot read, convert, redact or stamp."""


class StorageError(ClawbackError):
    """The database or the file store cannot do what was asked: a full disk, a damaged or
    foreign database, a file missing from the store."""


class RowsRefused(InvalidInput):
    """A batch (rulings from a CSV, ...) checked row by row before any is entered, refused
    whole: ``problems`` holds one line per bad row, naming the row and what is wrong."""

    def __init__(self, problems: list[str], rows: int) -> None:
        self.problems = [*problems, f"none of the {rows} rows entered"]
        super().__init__("; ".join(self.problems))


@contextmanager
def naming(name: str | None) -> Iterator[None]:
    """Inside it, a `ClawbackError` says ``name: problem``, once (a line that begins with
    ``name`` is left as it is; ``name`` None: every line as it is). A command that takes a
    file answers each refusal in one line; one that names the problem but not the file leaves
    whoever sends forty files not knowing which one failed."""
    try:
        yield
    except ClawbackError as exc:
        said = str(exc)
        if name and not said.startswith(f"{name}: "):
            exc.args = (f"{name}: {said}",)
        raise
