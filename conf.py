"""Sphinx configuration for the careerkb handbook. The pages live in docs/; build with `make docs`."""

from careerkb import __version__

project = "careerkb"
author = "The careerkb team"
copyright = "2026, the careerkb team"
release = version = __version__

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx.ext.doctest",
    "careerkb.sphinxext",
]

root_doc = "index"
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
nitpicky = True

html_theme = "pydata_sphinx_theme"
html_title = "careerkb"
html_theme_options = {
    "navigation_with_keys": False,
    "show_prev_next": False,
}

doctest_global_setup = """
import careerkb
kb = careerkb.load()
"""
