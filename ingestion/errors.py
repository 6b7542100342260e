"""The one exception ingestion raises for a file it cannot load.

Its message is a plain sentence for the clinician: the file name and the reason. It never
quotes the file's content, which is patient data.
"""


class IngestError(Exception):
    def __init__(self, file: str, reason: str):
        self.file = file
        self.reason = reason
        super().__init__(f"{file} {reason}")
