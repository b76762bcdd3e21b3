"""Errors of questions asked of a corpus."""

from __future__ import annotations

from collections.abc import Iterable

from policyconflict.errors import PolicyConflictError

__all__ = ["TargetKindError", "UnknownEntityError", "UnknownKindError"]


class UnknownEntityError(PolicyConflictError, KeyError):
    """An id given to a question names nothing in the corpus (``id``; ``role``: what the
    question wanted it for, such as ``"speaker"``).

    A :class:`KeyError`, as :meth:`Corpus.get <policyconflict.query.Corpus.get>` raised
    before. An id that *is* in the corpus but matches nothing gives an empty answer instead.
    """

    def __init__(self, entity_id: str, role: str = "entity") -> None:
        self.id = entity_id
        self.role = role
        self.message = f"unknown {role}: {entity_id!r} is not the id of anything in the corpus"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[UnknownEntityError], tuple[str, str]]:
        return (type(self), (self.id, self.role))


class UnknownKindError(PolicyConflictError, KeyError):
    """A kind of entity that the corpus does not hold; ``kinds`` lists the accepted names."""

    def __init__(self, kind: str, kinds: Iterable[str]) -> None:
        self.kind = kind
        self.kinds: tuple[str, ...] = tuple(kinds)
        self.message = f"unknown kind of entity {kind!r}: one of {', '.join(self.kinds)}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[UnknownKindError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.kind, self.kinds))


class TargetKindError(PolicyConflictError, TypeError):
    """An id given to a question names an entity of a kind the question cannot take (a
    :class:`TypeError`): ``id``, its ``kind``, the ``question`` and the ``kinds`` it takes."""

    def __init__(self, entity_id: str, kind: str, question: str, kinds: Iterable[str]) -> None:
        self.id = entity_id
        self.kind = kind
        self.question = question
        self.kinds: tuple[str, ...] = tuple(kinds)
        self.message = (
            f"{question} cannot take {entity_id!r}, {_a(kind)}: it takes "
            f"{_a(', '.join(self.kinds))}"
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(
        self,
    ) -> tuple[type[TargetKindError], tuple[str, str, str, tuple[str, ...]]]:
        return (type(self), (self.id, self.kind, self.question, self.kinds))


def _a(words: str) -> str:
    """``words`` after the indefinite article they take (by their first letter)."""
    return f"{'an' if words[:1] in set('aeiou') else 'a'} {words}"
