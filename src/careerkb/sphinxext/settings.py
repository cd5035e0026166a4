"""careerkb's settings in conf.py: each declared once, here, with its type, default, help and check.

:func:`setup_settings` registers every one with Sphinx, the ``careerkb:settings-reference``
directive documents them from the same declarations, and every value is checked as soon as the
configuration is read: a wrong value stops the build at once with a message naming the
setting, what it was given and what it takes, rather than surfacing later as a puzzling warning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from sphinx.errors import ConfigError
from sphinx.util.docutils import SphinxDirective

from careerkb.clock import DEFAULT_MAX_AGE_DAYS
from careerkb.sphinxext.render import block
from careerkb.views.content import Code, Table
from careerkb.views.context import DEFAULT_GLOSSARY_SPLIT_AT
from careerkb.views.model import View

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import OptionSpec


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    #: How the reference shows the default.
    default_text: str
    #: What the setting does, for the reference.
    help: str
    #: What is wrong with a value (given the folder holding conf.py), or None when it is right.
    check: Callable[[object, Path], str | None]
    #: "env" when a change must re-read every page; "" when the pages record what they read of it.
    rebuild: Literal["env", ""] = "env"

    @property
    def types(self) -> frozenset[type]:
        return frozenset({type(self.default)}) if self.default is not None else frozenset({str, type(None)})


def _folder(value: object, confdir: Path) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        return "give a folder path as a string, or leave it unset to use the data shipped with careerkb"
    resolved = (confdir / value).resolve()
    if not resolved.is_dir():
        where = "a relative path is read from the folder holding conf.py"
        return f"no such folder (resolved to {resolved}); {where}"
    return None


def _days(value: object, confdir: Path) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "give a whole number of days, 0 or more (0 turns the check for old figures off)"
    return None


def _date(value: object, confdir: Path) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value if isinstance(value, str) else "")
    except ValueError:
        return "give a date as 'YYYY-MM-DD', or leave it unset to count from the day the build runs"
    return None


def _terms(value: object, confdir: Path) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "give a whole number of terms, 1 or more"
    return None


def _boolean(value: object, confdir: Path) -> str | None:
    return None if isinstance(value, bool) else "give True or False"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "careerkb_data_dir",
        None,
        "the shipped data",
        "The folder holding your YAML files; a relative path starts from the folder of conf.py. "
        "It must exist.",
        _folder,
    ),
    Setting(
        "careerkb_max_age_days",
        DEFAULT_MAX_AGE_DAYS,
        str(DEFAULT_MAX_AGE_DAYS),
        "How many days old a figure's as-of date may be before the build warns and the page marks it "
        '"may be out of date". 0 turns the check off.',
        _days,
        rebuild="",
    ),
    Setting(
        "careerkb_today",
        None,
        "the day the build runs",
        "The date figures' age is counted from, as YYYY-MM-DD: fix it for a reproducible build. When "
        "it moves, only the pages citing a figure that crosses the age limit are read again.",
        _date,
        rebuild="",
    ),
    Setting(
        "careerkb_require_all_rendered",
        False,
        "False",
        "When True, a record that no page shows is a warning, so nothing in the data is forgotten.",
        _boolean,
    ),
    Setting(
        "careerkb_glossary_split_at",
        DEFAULT_GLOSSARY_SPLIT_AT,
        str(DEFAULT_GLOSSARY_SPLIT_AT),
        "The most terms the glossary shows on one page. A glossary with more keeps its A-Z bar and "
        "filter on its page and shows its terms on pages of a few letters each, which you add with "
        "the glossary directive's :letters: option; the build names the pages it needs.",
        _terms,
    ),
    Setting(
        "careerkb_json_api",
        True,
        "True",
        "Publish the records as static JSON files under api/v1/ next to the HTML.",
        _boolean,
        rebuild="",
    ),
)


def check_settings(confdir: Path, config: Config) -> None:
    """Raise :class:`~sphinx.errors.ConfigError` for the first careerkb setting that is wrong."""
    for setting in SETTINGS:
        value = config[setting.name]
        problem = setting.check(value, confdir)
        if problem is not None:
            raise ConfigError(f"{setting.name} = {value!r} in conf.py: {problem}")


def settings_view() -> View:
    """Every setting with its default and what it does."""
    rows = tuple(((Code(s.name),), (s.default_text,), (s.help,)) for s in SETTINGS)
    return View((Table(("Setting", "Default", "What it does"), rows, classes=("careerkb-settings",)),))


class SettingsReferenceDirective(SphinxDirective):
    """```{careerkb:settings-reference}``` — every careerkb setting, its default and what it does."""

    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        return [block(item) for item in settings_view().blocks]


def _check(app: Sphinx, config: Config) -> None:
    check_settings(Path(app.confdir), config)


def setup_settings_reference(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "settings-reference", SettingsReferenceDirective)


def setup_settings(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, setting.rebuild, types=setting.types)
    # Before the store makes careerkb_data_dir absolute (priority 500), so that the message
    # quotes the value exactly as conf.py gives it.
    app.connect("config-inited", _check, priority=450)
