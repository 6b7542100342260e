"""Encryption at rest: one master key, subkeys for fields, files and look-ups.

The master key is 32 random bytes, written as urlsafe base64 (`clinsum key new`, or the format of
`Fernet.generate_key()`, so keys made by earlier versions keep working). HKDF derives from it:
- a field key: AES-256-GCM over every stored field that holds record text, with the column's
  name as associated data, so a ciphertext copied into another column does not decrypt;
- a file key: the same cipher over original files, in 1 MiB segments (the STREAM construction:
  each segment's nonce holds its number and a last-segment flag, so reordering, truncating or
  appending segments fails authentication), so a 200 MB upload never sits whole in memory;
- a look-up key: HMAC-SHA256 of values that must be found again without being readable (a
  patient's label, an original file's digest as its name in the file store).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_FIELD_VERSION = b"\x01"
_FILE_MAGIC = b"CLSF\x01"  # clinsum file, format 1
_SEGMENT = 1 << 20
_TAG = 16
_NONCE_PREFIX = 7  # + 4 bytes of segment number + 1 byte last-segment flag = GCM's 12-byte nonce


class CryptoError(ValueError):
    """A key that is malformed, or that does not open what it is asked to open."""


def new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def parse_key(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode())
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise CryptoError("the encryption key is not 32 bytes of urlsafe base64 (make one with `clinsum key new`)")
    return raw


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"clinsum " + purpose).derive(master)


class Keyring:
    def __init__(self, key: str):
        self.master = key  # kept as given: a legacy Fernet mapping is opened with it during migration
        raw = parse_key(key)
        self._field = AESGCM(_derive(raw, b"field"))
        self._file = AESGCM(_derive(raw, b"file"))
        self._lookup = _derive(raw, b"lookup")

    # Fields ----------------------------------------------------------------------------------

    def seal(self, data: bytes, purpose: str) -> bytes:
        nonce = os.urandom(12)
        return _FIELD_VERSION + nonce + self._field.encrypt(nonce, data, purpose.encode())

    def open(self, blob: bytes, purpose: str) -> bytes:
        if blob[:1] != _FIELD_VERSION or len(blob) < 1 + 12 + _TAG:
            raise CryptoError("a stored field is not in clinsum's encrypted format")
        try:
            return self._field.decrypt(blob[1:13], blob[13:], purpose.encode())
        except InvalidTag:
            raise CryptoError("a stored field cannot be decrypted with this key") from None

    # Look-ups --------------------------------------------------------------------------------

    def lookup(self, value: str) -> str:
        return hmac.new(self._lookup, value.encode(), hashlib.sha256).hexdigest()

    # Files -----------------------------------------------------------------------------------

    def encrypt_stream(self, source: BinaryIO, target: BinaryIO) -> None:
        prefix = os.urandom(_NONCE_PREFIX)
        header = _FILE_MAGIC + prefix
        target.write(header)
        chunk, number = source.read(_SEGMENT), 0
        while True:
            following = source.read(_SEGMENT)
            last = not following
            target.write(self._file.encrypt(_nonce(prefix, number, last), chunk, header))
            if last:
                return
            chunk, number = following, number + 1

    def decrypt_stream(self, source: BinaryIO) -> Iterator[bytes]:
        header = source.read(len(_FILE_MAGIC) + _NONCE_PREFIX)
        if not header.startswith(_FILE_MAGIC) or len(header) != len(_FILE_MAGIC) + _NONCE_PREFIX:
            raise CryptoError("a stored file is not in clinsum's encrypted format")
        prefix = header[len(_FILE_MAGIC):]
        sealed, number = source.read(_SEGMENT + _TAG), 0
        while True:
            following = source.read(_SEGMENT + _TAG)
            last = not following
            try:
                yield self._file.decrypt(_nonce(prefix, number, last), sealed, header)
            except InvalidTag:
                raise CryptoError("a stored file cannot be decrypted with this key, or it was altered") from None
            if last:
                return
            sealed, number = following, number + 1


def is_encrypted_file(head: bytes) -> bool:
    return head.startswith(_FILE_MAGIC)


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + number.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def seal_text(keyring: Keyring, text: str, purpose: str) -> str:
    """A field as the database keeps it: base64 text, so the columns stay TEXT on both databases."""
    return base64.b64encode(keyring.seal(text.encode(), purpose)).decode("ascii")


def open_text(keyring: Keyring, stored: str, purpose: str) -> str:
    return keyring.open(base64.b64decode(stored), purpose).decode()


def label_key(keyring: Keyring, label: str) -> str:
    """A label's keyed hash: "Ward 3  bed 12" and "ward 3 bed 12" are one patient."""
    return keyring.lookup("label:" + " ".join(label.split()).casefold())
