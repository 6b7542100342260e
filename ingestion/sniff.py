"""Media type from a file's first bytes, never from its name."""

import filetype

PDF = "application/pdf"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
IMAGE_TYPES = {"image/png", "image/jpeg", "image/tiff"}
SUPPORTED = {PDF, TEXT, MARKDOWN, *IMAGE_TYPES}

# Names a clinician recognises, for refusing what we do not read.
_KIND = {
    "application/zip": "a ZIP archive",
    "application/x-msdownload": "a Windows program",
    "application/x-executable": "a program",
    "application/msword": "a Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
    "application/vnd.ms-excel": "an Excel workbook",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "an Excel workbook",
    "application/dicom": "a DICOM image",
}
_EXTENSION_CLAIMS = {".pdf": PDF, ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                     ".tif": "image/tiff", ".tiff": "image/tiff"}


def sniff(head: bytes, name: str) -> str:
    """The media type of a file whose first bytes are `head` (4 KiB is plenty).

    Text is whatever has no binary signature; whether it really decodes is the text loader's call.
    """
    # The PDF spec lets a header start anywhere in the first 1024 bytes.
    if b"%PDF-" in head[:1024]:
        return PDF
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    return MARKDOWN if name.lower().endswith((".md", ".markdown")) else TEXT


def describe(media_type: str) -> str:
    """A clinician's name for a media type, for error messages."""
    if media_type in _KIND:
        return _KIND[media_type]
    if media_type.startswith("image/"):
        return f"an image of a type clinsum does not read ({media_type.split('/')[1].upper()})"
    if media_type.startswith(("audio/", "video/")):
        return "an audio or video file"
    return f"a file of type {media_type}"


def claimed_type(name: str) -> str | None:
    """The binary type a file's extension promises, if any (.txt promises nothing we check)."""
    dot = name.rfind(".")
    return _EXTENSION_CLAIMS.get(name[dot:].lower()) if dot >= 0 else None
