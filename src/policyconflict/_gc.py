"""One way to pause the cyclic garbage collector, for code that makes many objects at once."""

from __future__ import annotations

import gc

__all__ = ["gc_paused"]


class gc_paused:  # lower case: it reads as an action, ``with gc_paused(): ...``
    """Pause the cyclic garbage collector while many acyclic objects are made at once.

    Loading a document, building an index or reading the gazetteer makes hundreds of thousands
    of small objects and no reference cycles; with the collector running, each of its full
    passes walks every object made so far again, for nothing. Nested pauses are fine: only the
    outermost one turns the collector back on, and only if it was on when the pause began.

    A class rather than a generator-based context manager: it is entered once per batch of
    JSON Lines, where the cost of entering counts.

    >>> import gc
    >>> with gc_paused():
    ...     with gc_paused():
    ...         pass
    ...     gc.isenabled()  # still paused after the inner pause ended
    False
    >>> gc.isenabled()
    True
    """

    __slots__ = ("_enabled",)

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *_exc: object) -> None:
        if self._enabled:
            gc.enable()
