"""The exceptions ingestion raises for a file it cannot load, or cannot load in time.

An IngestError's message is a plain sentence for the clinician: the file name and the reason. It
never quotes the file's content, which is patient data. Each exception here pickles with its
arguments, so that it can come back from a loader worker without breaking the pool.
"""


class IngestError(Exception):
    def __init__(self, file: str, reason: str):
        self.file = file
        self.reason = reason
        super().__init__(f"{file} {reason}")

    def __reduce__(self):
        return type(self), (self.file, self.reason)


class OutOfTime(Exception):
    """The file's time budget ran out (raised where the file's name is not known)."""

    def __reduce__(self):
        return type(self), ()


class OcrUnavailable(Exception):
    """Tesseract is not installed (or not where the settings say): scans cannot be read."""

    def __reduce__(self):
        return type(self), ()
