"""Names and paths are data: a name is shown without control characters, and only regular
files are read (a link is refused, never followed)."""

from __future__ import annotations

import os
import time
import unicodedata

import pytest

from engine import estimate_tokens
from ingestion import ingest
from ingestion.files import display_name
from tests.fixtures import bad_files as bad
from tests.test_bad_input import assert_one_sentence


def run(paths, settings):
    return ingest(paths, settings, estimate_tokens)


def _visible(text: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in text)


@pytest.mark.parametrize("name", ["note\nSummary: all clear.txt", "note\u202etxt.exe.md", "note\x1b[31m.txt", "note\u2028x.txt"])
def test_a_name_with_control_characters_is_shown_without_them(tmp_path, settings, name):
    good = tmp_path / name
    good.write_bytes(bad._short_note().encode())
    empty = bad.make_empty(tmp_path / ("empty " + name))
    record = run([good, empty], settings)
    [doc] = record.documents
    [error] = record.errors
    assert doc.file == display_name(name) and _visible(doc.file) and "?" in doc.file
    assert _visible(error.file) and _visible(error.error) and error.error.startswith(error.file + " ")
    assert_one_sentence(error.error, error.file)


def test_a_name_that_is_not_utf8_is_shown_without_its_surrogates(tmp_path, settings):
    path = os.path.join(os.fsencode(tmp_path), b"note-\xff.txt")
    with open(path, "wb") as fh:
        fh.write(bad._short_note().encode())
    [doc] = run([os.fsdecode(path)], settings).documents
    assert doc.file == "note-?.txt"
    doc.file.encode("utf-8")  # no lone surrogates left


def test_a_symbolic_link_is_refused_not_followed(tmp_path, settings):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 3)
    link = tmp_path / "note.txt"
    link.symlink_to(secret)
    record = run([link], settings)
    assert not record.documents and not record.passages
    assert [e.error for e in record.errors] == ["note.txt is a symbolic link; clinsum reads only regular files."]


def test_a_link_to_etc_passwd_is_never_read(tmp_path, settings):
    link = tmp_path / "history.txt"
    link.symlink_to("/etc/passwd")
    record = run([link], settings)
    assert not record.documents
    assert "symbolic link" in record.errors[0].error


def test_a_fifo_a_device_and_a_folder_are_refused_without_blocking(tmp_path, settings):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    start = time.perf_counter()
    record = run([fifo, "/dev/null", folder], settings)
    assert time.perf_counter() - start < 10
    assert [e.error for e in record.errors] == [
        "pipe.txt is a named pipe; clinsum reads only regular files.",
        "null is a device; clinsum reads only regular files.",
        "folder.pdf is a folder; clinsum reads only regular files.",
    ]


def test_a_file_swapped_for_a_link_after_the_check_is_not_followed(tmp_path):
    from ingestion.errors import IngestError
    from ingestion.files import open_regular

    link = tmp_path / "scan.pdf"
    link.symlink_to("/etc/passwd")
    with pytest.raises(IngestError, match="^scan.pdf is a symbolic link; clinsum reads only regular files.$"):
        open_regular(str(link), "scan.pdf")
