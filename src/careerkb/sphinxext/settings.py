"""careerkb's settings in conf.py, checked as soon as the configuration is read.

A wrong value stops the build at once with a message naming the setting, what it was given and
what it takes, rather than surfacing later as a puzzling warning on some page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

BOOLEAN_SETTINGS = ("careerkb_require_all_rendered", "careerkb_json_api")


def check_settings(confdir: Path, config: Config) -> None:
    """Raise :class:`~sphinx.errors.ConfigError` for the first careerkb setting that is wrong."""
    data_dir = config.careerkb_data_dir
    if data_dir is not None:
        if not isinstance(data_dir, str) or not data_dir:
            raise ConfigError(
                f"careerkb_data_dir = {data_dir!r} in conf.py: give a folder path as a string, "
                "or leave it unset to use the data that ships with careerkb"
            )
        resolved = (confdir / data_dir).resolve()
        if not resolved.is_dir():
            raise ConfigError(
                f"careerkb_data_dir = {data_dir!r} in conf.py: no such folder (resolved to {resolved}); "
                "a relative path is read from the folder holding conf.py"
            )
    max_age = config.careerkb_max_age_days
    if isinstance(max_age, bool) or not isinstance(max_age, int) or max_age < 0:
        raise ConfigError(
            f"careerkb_max_age_days = {max_age!r} in conf.py: give a whole number of days, "
            "0 or more (0 turns the check for old figures off)"
        )
    today = config.careerkb_today
    if today is not None:
        try:
            dt.date.fromisoformat(today if isinstance(today, str) else "")
        except ValueError:
            raise ConfigError(
                f"careerkb_today = {today!r} in conf.py: give a date as 'YYYY-MM-DD', "
                "or leave it unset to count from the day the build runs"
            ) from None
    for name in BOOLEAN_SETTINGS:
        value = config[name]
        if not isinstance(value, bool):
            raise ConfigError(f"{name} = {value!r} in conf.py: give True or False")


def _check(app: Sphinx, config: Config) -> None:
    check_settings(Path(app.confdir), config)


def setup_settings(app: Sphinx) -> None:
    # Before the store makes careerkb_data_dir absolute (priority 500), so that the message
    # quotes the value exactly as conf.py gives it.
    app.connect("config-inited", _check, priority=450)
