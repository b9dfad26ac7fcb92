"""Reading strictly and writing atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from research_tool.errors import FileReadError, WriteRefused
from research_tool.fileio import atomic_write, backup_path, digest, read_text


def test_read_reports_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(b"---\ntitle: ok\n---\ncaf\xe9\n")
    with pytest.raises(FileReadError) as caught:
        read_text(path)
    assert caught.value.line == 4
    assert "not UTF-8" in str(caught.value)


def test_read_refuses_binary_data(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"one\ntwo\x00\n")
    with pytest.raises(FileReadError, match="binary"):
        read_text(path)


def test_read_keeps_crlf_and_strips_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"\xef\xbb\xbfa\r\nb\r\n")
    assert read_text(path).text == "a\r\nb\r\n"


def test_new_files_get_the_usual_mode(tmp_path: Path) -> None:
    path = tmp_path / "new.md"
    old = os.umask(0o022)
    try:
        atomic_write(path, "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_existing_mode_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("a")
    path.chmod(0o640)
    atomic_write(path, "b")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_changed_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("read")
    seen = digest(path.read_bytes())
    path.write_text("edited meanwhile")
    with pytest.raises(WriteRefused, match="changed on disk"):
        atomic_write(path, "ours", expected=seen)
    assert path.read_text() == "edited meanwhile"


def test_backups_are_numbered_and_keep_the_old_text(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    path.write_text("one")
    atomic_write(path, "two", backup=True)
    atomic_write(path, "three", backup=True)
    assert path.read_text() == "three"
    assert (tmp_path / "s.md.bak").read_text() == "one"
    assert (tmp_path / "s.md.bak.1").read_text() == "two"
    assert backup_path(path).name == "s.md.bak.2"


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.md"
    path.write_text("old")

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(WriteRefused, match="disk full"):
        atomic_write(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]
