"""The workspace's audit key: where it is kept, how it is made, what is derived from it."""

from __future__ import annotations

import hashlib
import hmac
import stat
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from clawback.domain.errors import ClawbackError
from clawback.storage.keys import AuditKeys, keys_dir, load_or_create, verify_signature

SECRET = bytes(range(32))
WS = "0b8e4e3c-6f0a-4c1e-9d43-7a1f2c3b4d5e"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No key or key folder from the machine running the tests, and a home of our own."""
    for name in ("CLAWBACK_AUDIT_KEY", "CLAWBACK_KEYS", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_keys_folder_is_chosen_by_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert keys_dir() == tmp_path / "home" / ".config" / "clawback" / "keys"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert keys_dir() == tmp_path / "xdg" / "clawback" / "keys"
    monkeypatch.setenv("CLAWBACK_KEYS", str(tmp_path / "vault"))
    assert keys_dir() == tmp_path / "vault"


def test_a_key_is_made_once_private_and_read_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAWBACK_KEYS", str(tmp_path / "vault" / "keys"))
    made = load_or_create(WS, outside=tmp_path / "workspace")
    path = tmp_path / "vault" / "keys" / f"{WS}.key"
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    line = path.read_text(encoding="ascii")
    assert len(line) == 65 and line.endswith("\n") and bytes.fromhex(line.strip())
    assert sorted(p.name for p in path.parent.iterdir()) == [f"{WS}.key"]  # no temporary left
    again = load_or_create(WS)
    assert again == made and again.public_key_hex == made.public_key_hex
    assert again == AuditKeys.from_secret(bytes.fromhex(line.strip()))
    assert load_or_create("another-workspace") != made  # one key per workspace


def test_the_default_folder_is_under_the_home(tmp_path: Path) -> None:
    load_or_create(WS)
    path = tmp_path / "home" / ".config" / "clawback" / "keys" / f"{WS}.key"
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_concurrent_first_uses_agree_on_one_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAWBACK_KEYS", str(tmp_path / "keys"))
    start, made = threading.Barrier(8), []

    def first_use() -> None:
        start.wait()
        made.append(load_or_create(WS).public_key_hex)

    threads = [threading.Thread(target=first_use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 8 and len(set(made)) == 1
    assert load_or_create(WS).public_key_hex == made[0]
    assert sorted(p.name for p in (tmp_path / "keys").iterdir()) == [f"{WS}.key"]


def test_the_environment_key_wins_and_must_be_well_formed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAWBACK_KEYS", str(tmp_path / "keys"))
    monkeypatch.setenv("CLAWBACK_AUDIT_KEY", SECRET.hex().upper() + "\n")
    assert load_or_create(WS, outside=tmp_path) == AuditKeys.from_secret(SECRET)
    assert not (tmp_path / "keys").exists()  # nothing written when the key is given
    for bad in ("", "xyz", SECRET.hex()[:-1], SECRET.hex() + "00", "g" * 64):
        monkeypatch.setenv("CLAWBACK_AUDIT_KEY", bad)
        with pytest.raises(ClawbackError, match="CLAWBACK_AUDIT_KEY must be 64 hex") as caught:
            load_or_create(WS)
        assert "\n" not in str(caught.value)
        assert not bad or bad not in str(caught.value)  # never echoes what may be a secret


def test_a_key_inside_the_workspace_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    monkeypatch.setenv("CLAWBACK_KEYS", str(workspace / "keys"))
    with pytest.raises(ClawbackError, match="must not be kept in the workspace: "):
        load_or_create(WS, outside=workspace)
    assert not (workspace / "keys").exists()
    (tmp_path / "link").symlink_to(workspace)  # a path that only resolves into it
    monkeypatch.setenv("CLAWBACK_KEYS", str(tmp_path / "link" / "keys"))
    with pytest.raises(ClawbackError, match="must not be kept in the workspace"):
        load_or_create(WS, outside=tmp_path / "ws" / ".." / "ws")
    monkeypatch.setenv("CLAWBACK_KEYS", str(tmp_path / "keys"))
    assert load_or_create(WS, outside=workspace).public_key_hex


def test_a_bad_key_file_is_named_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAWBACK_KEYS", str(tmp_path))
    path = tmp_path / f"{WS}.key"
    for content in ("", "not a key\n", SECRET.hex() + "\n" + SECRET.hex() + "\n"):
        path.write_text(content, encoding="ascii")
        with pytest.raises(ClawbackError, match="is malformed") as caught:
            load_or_create(WS)
        assert str(path) in str(caught.value) and "\n" not in str(caught.value)
    path.write_bytes(b"\xff" * 64)
    with pytest.raises(ClawbackError, match=f"{path} cannot be read"):
        load_or_create(WS)
    path.unlink()
    path.mkdir()  # unreadable as a file, whoever runs the test
    with pytest.raises(ClawbackError, match=f"{path} cannot be read"):
        load_or_create(WS)
    with pytest.raises(ClawbackError, match="cannot name an audit key file"):
        load_or_create("../elsewhere")


def test_the_derivation_is_pinned() -> None:
    """One secret is all that must be kept: both keys follow from it by HMAC-SHA256."""
    keys = AuditKeys.from_secret(SECRET)
    mac_key = hmac.digest(SECRET, b"clawback audit mac key", "sha256")
    seed = hmac.digest(SECRET, b"clawback ed25519 checkpoint key", "sha256")
    assert keys.mac_key == mac_key
    assert keys.mac(b"entry:1:ab") == hmac.new(mac_key, b"entry:1:ab", hashlib.sha256).hexdigest()
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    assert keys.public_key_hex == public.hex()
    assert AuditKeys.from_secret(b"\x01" * 32).public_key_hex != keys.public_key_hex
    assert SECRET.hex() not in repr(keys) and mac_key.hex() not in repr(keys)
    with pytest.raises(ValueError, match="32 bytes"):
        AuditKeys.from_secret(b"short")


def test_signatures_verify_only_for_their_data_and_key() -> None:
    keys, other = AuditKeys.from_secret(SECRET), AuditKeys.from_secret(b"\x02" * 32)
    signature = keys.sign(b"checkpoint")
    assert len(signature) == 128
    assert verify_signature(keys.public_key_hex, b"checkpoint", signature)
    assert not verify_signature(keys.public_key_hex, b"checkpoinT", signature)
    assert not verify_signature(other.public_key_hex, b"checkpoint", signature)
    flipped = signature[:-1] + ("0" if signature[-1] != "0" else "1")
    assert not verify_signature(keys.public_key_hex, b"checkpoint", flipped)
    for key, sig in [
        ("zz", signature),
        (keys.public_key_hex[:-2], signature),
        (keys.public_key_hex, "00"),
    ]:
        assert not verify_signature(key, b"checkpoint", sig)
