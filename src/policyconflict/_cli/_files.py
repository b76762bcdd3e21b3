"""Reading input files (with progress on a terminal) and writing output files safely.

Reading: ``-`` is standard input. A long read shows its progress on standard error when that is
a terminal, and is silent otherwise (in pipelines, cron jobs and tests).

Writing: :func:`atomic_writer` writes to a temporary file in the target's own directory, flushes
and fsyncs it, then renames it over the target with :func:`os.replace`. The target is either the
old file or the complete new one, never half of each — even when the writer fails midway.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

__all__ = [
    "STDIO",
    "Progress",
    "atomic_writer",
    "describe_os_error",
    "open_input",
    "os_reason",
]

STDIO = "-"
"""The file name that means standard input (when reading) or standard output (when writing)."""

_CHUNK = 1 << 20
_INTERVAL = 0.1  # seconds between two progress lines


class Progress:
    """A one-line progress report on ``stream``, redrawn in place; silent unless ``stream`` is a
    terminal."""

    def __init__(self, label: str, total: int | None, stream: TextIO) -> None:
        self.label = label
        self.total = total
        self.stream = stream
        self.enabled = stream.isatty()
        self.done = 0
        self._last = 0.0
        self._drawn = False

    def advance(self, count: int) -> None:
        """Note ``count`` more bytes read; redraw at most every tenth of a second."""
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if self._drawn and now - self._last < _INTERVAL:
            return
        self._last = now
        self._drawn = True
        if self.total:
            share = min(100.0, 100.0 * self.done / self.total)
            text = f"{_mib(self.done)} of {_mib(self.total)} ({share:.0f}%)"
        else:
            text = _mib(self.done)
        self.stream.write(f"\r\x1b[Kreading {self.label}: {text}")
        self.stream.flush()

    def finish(self) -> None:
        """Erase the progress line, leaving the terminal as it was."""
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _mib(count: int) -> str:
    return f"{count / (1 << 20):.1f} MiB"


class _CountingReader(io.RawIOBase):
    """A raw binary stream that reports every read to a :class:`Progress`."""

    def __init__(self, raw: BinaryIO, progress: Progress) -> None:
        super().__init__()
        self._raw = raw
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        count = len(data)
        buffer[:count] = data
        self._progress.advance(count)
        return count

    def close(self) -> None:
        self._progress.finish()
        self._raw.close()
        super().close()


def _size(handle: BinaryIO) -> int | None:
    try:
        info = os.fstat(handle.fileno())
    except (OSError, io.UnsupportedOperation):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _open_raw(name: str) -> BinaryIO:
    if name == STDIO:
        return os.fdopen(os.dup(sys.stdin.fileno()), "rb", buffering=0)
    if os.path.isdir(name):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), name)
    return open(name, "rb", buffering=0)


@contextlib.contextmanager
def open_input(name: str, err: TextIO) -> Iterator[BinaryIO]:
    """A buffered binary stream over file ``name`` (``-``: standard input) that shows progress
    on ``err`` when it is a terminal."""
    raw = _open_raw(name)
    progress = Progress(name if name != STDIO else "standard input", _size(raw), err)
    reader = io.BufferedReader(_CountingReader(raw, progress), buffer_size=_CHUNK)
    try:
        yield reader
    finally:
        reader.close()


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_writer(name: str) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces file ``name`` only once it is complete.

    The stream is a temporary file in the same directory (so the final rename stays on one file
    system); on success it is flushed, fsynced, given the old file's permissions (or the
    default ones for a new file) and renamed over ``name``. If the body raises, the temporary
    file is removed and ``name`` is untouched. ``-`` writes to standard output instead.
    """
    if name == STDIO:
        out = sys.stdout.buffer
        yield out
        out.flush()
        return
    target = Path(name)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), name)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    directory = target.parent
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        # the temporary file is ours, not the user's: name the file they asked for
        raise type(error)(error.errno, error.strerror, name) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; some systems cannot open a directory, which is fine."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory, not a file",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ENOSPC: "no space left on the device",
}


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, in plain lower-case words."""
    return _REASONS.get(error.errno or 0) or (error.strerror or str(error)).lower()


def describe_os_error(error: OSError) -> str:
    """``'x.json': no such file or directory`` — plain words, no traceback."""
    reason = os_reason(error)
    name = error.filename
    if name is None:
        return reason
    return f"{name!s}: {reason}" if not isinstance(name, str) else f"{name!r}: {reason}"
