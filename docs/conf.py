"""Sphinx configuration for the policyconflict documentation."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

project = "policyconflict"
author = "The policyconflict developers"
copyright = "2026, The policyconflict developers"  # noqa: A001 - Sphinx reads this name
try:
    release = _version("policyconflict")
except PackageNotFoundError:  # building from a source tree that is not installed
    release = "0+unknown"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
nitpicky = False

html_theme = "furo"
html_title = "policyconflict"
exclude_patterns = ["_build"]
