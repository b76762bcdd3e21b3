"""Many stories, one body of evidence: merging stories that share ids without losing anything.

Independent encoders give the same ids to the same things (see :mod:`policyconflict.ids`), so
stories overlap. :func:`merge` puts stories together into one story; the query
:class:`~policyconflict.query.Corpus` uses the same rules. Per kind of field
(:func:`rule_of` says which field follows which rule):

* **provenance accumulates** — the citations of every story are kept, each pointing at its
  own source;
* **sets unite** — aliases, external ids, target lists, judges, dockets...; two values in one
  external-id scheme from two stories are kept side by side and are also a dispute;
* **names** — one preferred name (:func:`preferred_name`: the longest, then the first in
  code-point order), every other name given becomes an alias;
* **single-valued facts** that differ become **claims**: every value is kept as a
  :class:`Claim` with the story and citations that give it, the merged entity shows one
  (:func:`shown_value`: the least canonical JSON text), and the field is disputed. A field left
  at its default (absent in the document) says nothing and disputes nothing;
* **provisions** are matched by id and merged by these same rules.

Nothing is dropped. The result does not depend on the order of the stories, and merging a
story with itself changes nothing. An id used for different kinds of thing (a person in one
story, a law in another) is an :class:`IdentityClashError`.

>>> from policyconflict import Person, Story
>>> a = Story(id="story:a", title="A", persons=(Person(id="person:x", name="Tom Homan"),))
>>> b = Story(id="story:b", title="B", persons=(Person(id="person:x", name="Thomas D. Homan"),))
>>> merged = merge([a, b], id="story:ab", title="A and B")
>>> merged.persons[0].name, merged.persons[0].aliases
('Thomas D. Homan', ('Tom Homan',))
"""

from __future__ import annotations

from collections.abc import Iterable

from policyconflict._merging.core import preferred_name, shown_value
from policyconflict._merging.disputes import Dispute
from policyconflict._merging.disputes import disputes as _disputes
from policyconflict._merging.errors import IdentityClash, IdentityClashError, MergeError
from policyconflict._merging.rules import Rule, rule_of
from policyconflict._merging.stories import merge_stories
from policyconflict.model.claims import Claim
from policyconflict.story import Story

__all__ = [
    "Claim",
    "Dispute",
    "IdentityClash",
    "IdentityClashError",
    "MergeError",
    "Rule",
    "disputed",
    "disputes",
    "merge",
    "preferred_name",
    "rule_of",
    "shown_value",
]


def merge(stories: Iterable[Story], *, id: str | None = None, title: str | None = None) -> Story:
    """One story holding every entity of ``stories``, those sharing an id merged field by field
    (see the module's rules), with the claims of every disputed field in ``claims``.

    ``id`` and ``title`` name the merged story; either may be left out when every story has the
    same one. Entities and claims are in canonical order, so the JSON text of the result is the
    same whatever the order of ``stories``. Raises :class:`IdentityClashError` when an id names
    different kinds of thing, :class:`MergeError` when a merged entity or the merged story
    breaks a rule that each story kept (a parent chain that loops once two stories' parents are
    put together).
    """
    given = list(stories)
    for story in given:
        if not isinstance(story, Story):
            raise TypeError(f"expected stories, got {type(story).__name__}")
    if not given:
        raise ValueError("merge needs at least one story")
    return merge_stories(
        given,
        id=_common(id, {s.id for s in given}, "id"),
        title=_common(title, {s.title for s in given}, "title"),
    )


def _common(chosen: str | None, found: set[str], what: str) -> str:
    if chosen is not None:
        return chosen
    if len(found) == 1:
        return next(iter(found))
    raise ValueError(f"the stories have different {what}s: give the merged story's {what}=")


def disputed(story: Story, entity_id: str) -> dict[str, tuple[Claim, ...]]:
    """The disputed fields of ``entity_id`` in a merged ``story``, each with its claims
    (empty when nothing about it is disputed; :class:`KeyError` for an id the story does not
    hold)."""
    story.get(entity_id)
    found: dict[str, list[Claim]] = {}
    for claim in story.claims:
        if claim.entity == entity_id:
            found.setdefault(claim.field, []).append(claim)
    return {field: tuple(claims) for field, claims in sorted(found.items())}


def disputes(story: Story) -> tuple[Dispute, ...]:
    """Every disputed field of a merged ``story``, by entity and field, each with its claims
    (:func:`policyconflict.disagreements` lists each pair of values as a disagreement too)."""
    return _disputes(story.claims)
