"""Sphinx configuration for the policyconflict documentation."""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

project = "policyconflict"
author = "The policyconflict developers"
copyright = "2026, The policyconflict developers"  # noqa: A001 - Sphinx reads this name
try:
    release = _version("policyconflict")
except PackageNotFoundError:  # building from a source tree that is not installed
    release = "0+unknown"

# No napoleon: the docstrings use no Google or NumPy sections, and napoleon read the first words
# of a constant's or enum member's docstring before a colon as its type ("TYPE: ...").
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
# Every cross-reference must resolve (.ci/run builds with -n -W).
nitpicky = True
nitpick_ignore_regex = [
    # The standard library and hypothesis are documented elsewhere, and CI builds offline, so
    # intersphinx cannot fetch their inventories: their names in signatures stay plain text.
    (r"py:.*", r"(datetime|enum|os|argparse|collections\.abc|typing|pathlib)\..+"),
    (r"py:.*", r"hypothesis\..+"),
    # Other libraries named in signatures (attrs' Attribute in the merging rules).
    (r"py:.*", r"(attrs|networkx|dateutil)\..+"),
    # pyarrow's Table and Schema in policyconflict.columnar's signatures.
    (r"py:.*", r"(pa|pyarrow)\..+"),
    # Type aliases of Corpus's signature that live in private modules: their meaning is in the
    # Corpus docstring (a gazetteer-like place source; "raise" or "collect").
    (r"py:class", r"(policyconflict\.query\._places\.)?PlaceSource"),
    (r"py:class", r"(policyconflict\.query\._store\.)?OnConflict"),
]

html_theme = "furo"
html_title = "policyconflict"
exclude_patterns = ["_build"]


def _resolve_alias(app: Sphinx, env: BuildEnvironment, node: Element, contnode: Element) -> Any:
    """Resolve a reference to a name by where it is documented.

    The public classes are documented in the module that defines them
    (``policyconflict.model.laws.Law``) but named in docstrings and signatures the way users
    import them: ``policyconflict.Law``, ``policyconflict.model.Law``, or ``Law`` from a module
    that imports it only for type checking. Such a reference resolves to the documented object
    that the name stands for: the object the dotted name imports, or else the one documented
    object with that last name.
    """
    if node.get("refdomain") != "py":
        return None
    target = str(node["reftarget"])
    domain = env.get_domain("py")
    documented = {name for name, *_rest in domain.get_objects()}
    candidates = []
    obj = _import(target)
    if hasattr(obj, "__module__") and hasattr(obj, "__qualname__"):
        candidates.append(f"{obj.__module__}.{obj.__qualname__}")
    # Else the one documented object whose name ends with the target (``Story`` or
    # ``Corpus.conflicts``), dropping a leading package path that is not where it is documented.
    for tail in (target, target.split(".", 1)[-1]):
        matches = sorted(name for name in documented if name.endswith("." + tail))
        if len(matches) == 1:
            candidates.append(matches[0])
    for candidate in candidates:
        if candidate in documented and candidate != target:
            node["reftarget"] = candidate
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], candidate, node, contnode
            )
    return None


def _import(dotted: str) -> Any:
    """The object a dotted name imports, or None."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attribute in parts[cut:]:
                obj = getattr(obj, attribute)
        except AttributeError:
            return None
        return obj
    return None


def setup(app: Sphinx) -> None:
    """Connect the alias resolver."""
    app.connect("missing-reference", _resolve_alias)
    _setup_pictures(app)


def _draw_example_pictures(app: Sphinx) -> None:
    """Draw the pictures of the shipped example stories into ``_generated/`` (the interop page
    shows them), so the pictures in the docs are always those of the current code and data."""
    import importlib.util
    from pathlib import Path

    import policyconflict
    from policyconflict.interop.plot import positions_figure, timeline_figure

    docs = Path(app.srcdir)
    out = docs / "_generated"
    out.mkdir(exist_ok=True)
    examples = docs.parent / "examples"
    la = policyconflict.load(examples / "data" / "la-sanctuary-2020.json")
    spec = importlib.util.spec_from_file_location(
        "_grants_example", examples / "sanctuary_grants_litigation.py"
    )
    assert spec is not None and spec.loader is not None
    grants_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(grants_module)
    grants = grants_module.build_story()
    figures = {
        "la-timeline.png": timeline_figure(la),
        "grants-timeline.png": timeline_figure(grants),
        "la-positions.png": positions_figure(la, "deployment:us/dhs/cbp/2020-02/sanctuary-cities"),
    }
    for name, figure in figures.items():
        figure.savefig(out / name, dpi=80)


def _setup_pictures(app: Sphinx) -> None:
    app.connect("builder-inited", _draw_example_pictures)
