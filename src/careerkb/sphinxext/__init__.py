"""careerkb's Sphinx extension: ``extensions = ["careerkb.sphinxext"]`` in conf.py.

Everything lives in the ``careerkb`` domain: directives such as ``careerkb:role-profile``,
roles such as ``careerkb:figure``, and the environment state. Each concern has its own module
with a ``setup_*`` function; :func:`setup` calls them in turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkb import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

# Bump whenever what the extension stores in the environment changes shape.
ENV_VERSION = 7


def setup(app: Sphinx) -> ExtensionMetadata:
    # Imported here, so that importing careerkb does not import Sphinx.
    from careerkb.sphinxext import (
        assets,
        backlinks,
        cards,
        coverage,
        dependencies,
        domain,
        figures,
        freshness,
        glossary,
        hosting,
        json_api,
        links,
        previews,
        settings,
        sidebar,
        site_search,
        store,
    )
    from careerkb.sphinxext.directives import (
        careers_map,
        chart,
        chooser,
        choosing,
        compare,
        market,
        pathways,
        profile,
        reference,
        roles_directory,
        salary_table,
        sources,
    )

    parts = (
        settings.setup_settings,  # first: every part reads the settings
        store.setup_store,  # then the data, which the others read
        freshness.setup_freshness,
        coverage.setup_coverage,
        domain.setup_domain,
        dependencies.setup_dependencies,
        assets.setup_assets,
        links.setup_links,
        previews.setup_previews,
        backlinks.setup_backlinks,
        glossary.setup_glossary,
        figures.setup_figures,
        profile.setup_profile,
        salary_table.setup_salary_table,
        roles_directory.setup_roles_directory,
        compare.setup_compare,
        pathways.setup_pathways,
        market.setup_market,
        sources.setup_sources,
        chart.setup_chart,
        json_api.setup_json_api,
        chooser.setup_chooser,
        careers_map.setup_careers_map,
        choosing.setup_choosing,
        reference.setup_reference,
        settings.setup_settings_reference,
        hosting.setup_hosting,
        cards.setup_cards,
        sidebar.setup_sidebar,
        site_search.setup_site_search,
    )
    for setup_part in parts:
        setup_part(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
