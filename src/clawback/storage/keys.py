"""The workspace's audit key: one 32-byte secret the database never holds.

From the secret come two keys, each by HMAC-SHA256 of the secret and a fixed label:

- ``mac_key`` (label ``clawback audit mac key``): every audit entry and the chain's head carry an
  HMAC-SHA256 under it, so someone who can write the database but not read the key cannot edit,
  re-hash or cut the chain unseen (:mod:`clawback.storage.audit`);
- an Ed25519 signing key (its 32-byte seed labelled ``clawback ed25519 checkpoint key``): it signs
  checkpoints and exports, which anyone can check with the public key alone;
- ``seal_key`` (label ``clawback secrets at rest key``): an AES-256-GCM key for the secrets the
  database keeps but must not show to whoever reads it (a login's TOTP secret), each sealed to
  the row it belongs to, so a copy of the database alone gives no second factor away.

The secret is ``CLAWBACK_AUDIT_KEY`` (64 hex characters) when that is set, else the file
``<keys_dir()>/<workspace id>.key`` (one line of 64 hex characters), made on first use with mode
0600 in a folder made 0700. It must be kept outside the workspace (and backed up): a workspace
whose key is lost can still be verified as a plain hash chain, but no longer written to.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from clawback.domain.errors import ClawbackError

ENV_KEY = "CLAWBACK_AUDIT_KEY"
ENV_DIR = "CLAWBACK_KEYS"
MAC_LABEL = b"clawback audit mac key"
SIGNING_LABEL = b"clawback ed25519 checkpoint key"
SEAL_LABEL = b"clawback secrets at rest key"
SEALED = "sealed:"  # the prefix of a secret sealed under the seal key
SECRET = re.compile(r"[0-9a-fA-F]{64}")
WORKSPACE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass(frozen=True)
class AuditKeys:
    """The keys derived from one workspace secret; their ``repr`` never shows them."""

    mac_key: bytes = field(repr=False)
    signing_key: Ed25519PrivateKey = field(repr=False, compare=False)
    seal_key: bytes = field(default=b"", repr=False)

    def __post_init__(self) -> None:
        if len(self.mac_key) != 32:
            raise ValueError("an audit MAC key is 32 bytes")

    @classmethod
    def from_secret(cls, secret: bytes) -> AuditKeys:
        """The keys of ``secret`` (32 bytes): the same secret always gives the same keys."""
        if not isinstance(secret, bytes) or len(secret) != 32:
            raise ValueError("an audit secret is 32 bytes")
        seed = hmac.digest(secret, SIGNING_LABEL, "sha256")
        return cls(
            hmac.digest(secret, MAC_LABEL, "sha256"),
            Ed25519PrivateKey.from_private_bytes(seed),
            hmac.digest(secret, SEAL_LABEL, "sha256"),
        )

    def mac(self, message: bytes) -> str:
        """Hex HMAC-SHA256 of ``message`` under the MAC key."""
        return hmac.new(self.mac_key, message, hashlib.sha256).hexdigest()

    @property
    def public_key_hex(self) -> str:
        """The raw 32-byte Ed25519 public key, in hex: what the other side keeps to check."""
        return self.signing_key.public_key().public_bytes_raw().hex()

    def sign(self, data: bytes) -> str:
        """The hex Ed25519 signature of ``data``."""
        return self.signing_key.sign(data).hex()

    def seal(self, plain: str, owner: str) -> str:
        """``plain`` sealed for keeping in the database: AES-256-GCM under the seal key, bound
        to ``owner`` (the row's key), so it opens for that row alone."""
        nonce = secrets.token_bytes(12)
        box = AESGCM(self._seal_key()).encrypt(nonce, plain.encode("utf-8"), owner.encode())
        return SEALED + base64.urlsafe_b64encode(nonce + box).decode("ascii")

    def unseal(self, kept: str, owner: str) -> str:
        """What ``seal`` sealed for ``owner``; a value kept before sealing (no prefix) as it is.
        ClawbackError when it was sealed under another key or for another row."""
        if not kept.startswith(SEALED):
            return kept
        try:
            raw = base64.urlsafe_b64decode(kept.removeprefix(SEALED))
            plain = AESGCM(self._seal_key()).decrypt(raw[:12], raw[12:], owner.encode())
        except (ValueError, InvalidTag):
            raise ClawbackError(
                f"the secret kept for {owner} does not open with this workspace's key: it was "
                "sealed under another key or moved from another row"
            ) from None
        return plain.decode("utf-8")

    def _seal_key(self) -> bytes:
        if len(self.seal_key) != 32:
            raise ValueError("these keys were made without a seal key (use from_secret)")
        return self.seal_key


def verify_signature(public_key_hex: str, data: bytes, signature_hex: str) -> bool:
    """Whether ``signature_hex`` is the Ed25519 signature of ``data`` by ``public_key_hex``."""
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        key.verify(bytes.fromhex(signature_hex), data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def keys_dir() -> Path:
    """``$CLAWBACK_KEYS``, else ``$XDG_CONFIG_HOME/clawback/keys``, else ``~/.config/...``."""
    if chosen := os.environ.get(ENV_DIR):
        return Path(chosen).expanduser()
    config = os.environ.get("XDG_CONFIG_HOME")
    base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return base / "clawback" / "keys"


def load_or_create(workspace_id: str, *, outside: Path | None = None) -> AuditKeys:
    """The workspace's keys: from ``CLAWBACK_AUDIT_KEY``, else from its key file (made if missing).

    ``outside`` is the workspace folder: a key file that would lie inside it is refused, since
    whoever can copy the workspace could then forge its audit trail.
    """
    given = os.environ.get(ENV_KEY)
    if given is not None:
        if not SECRET.fullmatch(given.strip()):
            raise ClawbackError(
                f"{ENV_KEY} must be 64 hexadecimal characters (a 32-byte secret); "
                f"it holds {len(given.strip())} characters that are not that"
            )
        return AuditKeys.from_secret(bytes.fromhex(given.strip()))
    if not isinstance(workspace_id, str) or not WORKSPACE_ID.fullmatch(workspace_id):
        raise ClawbackError(f"{workspace_id!r} cannot name an audit key file")
    path = keys_dir() / f"{workspace_id}.key"
    if outside is not None and path.resolve().is_relative_to(outside.resolve()):
        raise ClawbackError(
            f"the audit key must not be kept in the workspace: {path} is inside {outside} "
            f"(set {ENV_DIR} to a folder outside it, or {ENV_KEY})"
        )
    if not path.exists():
        return AuditKeys.from_secret(_create(path))
    return AuditKeys.from_secret(_read(path))


def _read(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise ClawbackError(f"the audit key file {path} cannot be read: {why}") from None
    if not SECRET.fullmatch(text.strip()):
        raise ClawbackError(
            f"the audit key file {path} is malformed: it must hold one line of 64 hexadecimal "
            "characters"
        )
    return bytes.fromhex(text.strip())


def _create(path: Path) -> bytes:
    """A new secret in ``path``, written whole or not at all; a key already there wins.

    The secret goes to a temporary file (0600) in the same folder, which is then linked into
    place: unlike a rename, a link never replaces a key another process made meanwhile (on a
    file system without hard links it falls back to ``os.replace``).
    """
    folder = path.parent
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True, mode=0o700, exist_ok=True)
            os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask
        secret = secrets.token_bytes(32)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="ascii") as stream:
                stream.write(secret.hex() + "\n")
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, 0o600)
            try:
                os.link(temporary, path)
            except FileExistsError:
                return _read(path)
            except OSError:
                os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        _sync(folder)
    except OSError as exc:
        raise ClawbackError(
            f"the audit key file {path} cannot be made: {exc.strerror or exc}"
        ) from None
    return secret


def _sync(folder: Path) -> None:
    """Make the new name durable (where folders can be opened)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
