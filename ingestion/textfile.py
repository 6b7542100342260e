"""Plain text and Markdown: decode the bytes, refuse what is not text."""

import codecs
import re

from ingestion.errors import IngestError

# C0 and C1 control characters other than tab, newlines, vertical tab and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode(data: bytes, file: str) -> str:
    """Decode a text file: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252/Latin-1.

    Windows-1252 is tried before strict Latin-1 because real "Latin-1" files from Windows use its
    curly quotes and dashes (bytes 0x80-0x9F); the five bytes it leaves undefined fall back to
    Latin-1. Text that decodes only into control characters (binary, UTF-32, UTF-16 without a
    BOM) is refused rather than passed on as garbage.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(
        codecs.BOM_UTF32_LE
    ):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(file, "starts with a UTF-16 marker but is not valid UTF-16 text.") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    _refuse_binary(text, file)
    return text


def _refuse_binary(text: str, file: str) -> None:
    controls = len(_CONTROL.findall(text))
    # A stray control character happens in real exports; a few percent means it is not text.
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise IngestError(
            file, "is not readable text in UTF-8, UTF-16 or Latin-1 (it looks like binary data)."
        )
    if not text.strip():
        raise IngestError(file, "contains no text.")
