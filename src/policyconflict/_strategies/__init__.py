"""Machinery behind :mod:`policyconflict.testing`: hypothesis strategies built by hand so that
every value they make is valid by construction (``st.from_type`` on the validated classes would
mostly make invalid ones).

* :mod:`.text` — names, ids, topics, language tags, URLs and external ids;
* :mod:`.dates` — partial dates and periods;
* :mod:`.pool` — :class:`~.pool.IdPool`, the ids a generated entity may refer to;
* :mod:`.values` — the small values nested in entities (quantities, citations, parties, ...);
* :mod:`.entities` — one strategy per entity class;
* :mod:`.stories` — whole, referentially consistent stories.
"""
