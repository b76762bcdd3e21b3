"""Entity ids in FollowTheMoney's grammar (letters, digits, ``.`` and ``-``), reversibly.

The library's ids use lower-case letters only, so the characters FtM does not allow are spelled
as capital letters: ``:`` → ``C``, ``/`` → ``S``, ``_`` → ``U``, ``~`` → ``T``, ``#`` → ``H``;
an id ending in ``.`` or ``-`` gets a final ``Z``. An id whose spelling would pass FtM's length
limit becomes a digest (and does not come back).
"""

from __future__ import annotations

import hashlib
from typing import Final

__all__ = ["MAX_LENGTH", "decode", "encode"]

MAX_LENGTH: Final = 200
_OUT: Final = {":": "C", "/": "S", "_": "U", "~": "T", "#": "H"}
_BACK: Final = {v: k for k, v in _OUT.items()}


def encode(entity_id: str) -> str:
    """The FtM id of a library id."""
    text = "".join(_OUT.get(ch, ch) for ch in entity_id)
    if text.endswith((".", "-")):
        text += "Z"
    if len(text) > MAX_LENGTH:
        return "pc" + hashlib.sha1(entity_id.encode("utf-8")).hexdigest()
    return text


def decode(ftm_id: str) -> str:
    """The library id of an FtM id: the inverse of :func:`encode`; other capital letters (ids
    made elsewhere) become lower-case."""
    text = ftm_id
    if text.endswith("Z") and text[-2:-1] in (".", "-"):
        text = text[:-1]
    return "".join(_BACK.get(ch, ch.lower()) for ch in text)
