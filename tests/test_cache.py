"""The cache of loaded knowledge bases: it answers only for unchanged data and code, never hides a
problem, and a broken cache costs time, not correctness."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import careerkb
import careerkb.loader
from careerkb import cache
from careerkb.problems import DataError


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CAREERKB_CACHE_DIR", str(folder))
    return folder


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any real read of a data file fail, so only the cache can answer."""

    def refuse(path: Path) -> None:
        raise AssertionError(f"{path} was read: the cache did not answer")

    monkeypatch.setattr("careerkb.yaml_reader.read_yaml", refuse)


def test_a_second_load_comes_from_the_cache_and_equals_the_first(
    data_dir: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = careerkb.load(data_dir)
    assert len(list(cache_dir.glob("*.pickle"))) == 1
    _no_reading(monkeypatch)
    assert careerkb.load(data_dir) == first


def test_an_edit_of_the_same_length_misses_the_cache(data_dir: Path, cache_dir: Path) -> None:
    careerkb.load(data_dir)
    bands = data_dir / "salary_bands.yaml"
    text = bands.read_text(encoding="utf-8")
    assert "low: 90000" in text
    bands.write_text(text.replace("low: 90000", "low: 95000"), encoding="utf-8")
    lows = {band.low for band in careerkb.load(data_dir).salary_bands()}
    assert 95000 in lows
    assert 90000 not in lows


def test_a_new_file_misses_the_cache(data_dir: Path, cache_dir: Path) -> None:
    careerkb.load(data_dir)
    (data_dir / "broken.yaml").write_text("glossary: [\n", encoding="utf-8")
    with pytest.raises(DataError):
        careerkb.load(data_dir)


def _own_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str) -> Path:
    """Stand in a one-module folder for careerkb's code, so a test can change it."""
    code = tmp_path / "code"
    code.mkdir()
    (code / module).write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_CODE", code)
    return code / module


def test_a_change_to_careerkb_itself_misses_the_cache(
    data_dir: Path, cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _own_code(tmp_path, monkeypatch, "models.py")
    careerkb.load(data_dir)
    module.write_text("A = 2\n", encoding="utf-8")
    files = careerkb.loader.data_files(data_dir)
    assert cache.read(data_dir, cache.key(data_dir, files)) is None


def test_invalid_data_is_never_cached(data_dir: Path, cache_dir: Path) -> None:
    (data_dir / "broken.yaml").write_text("roles: {}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError):
            careerkb.load(data_dir)
    assert not cache_dir.exists() or not list(cache_dir.iterdir())


def test_a_damaged_cache_is_read_past_and_replaced(data_dir: Path, cache_dir: Path) -> None:
    expected = careerkb.load(data_dir)
    (entry,) = cache_dir.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert careerkb.load(data_dir) == expected
    assert cache.read(data_dir, cache.key(data_dir, careerkb.loader.data_files(data_dir))) == expected


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the data files the YAML reader parses from now on."""
    from careerkb import yaml_reader

    parsed: list[str] = []
    real = yaml_reader.read_yaml

    def noted(path: Path) -> object:
        parsed.append(path.name)
        return real(path)

    monkeypatch.setattr(yaml_reader, "read_yaml", noted)
    return parsed


def test_after_an_edit_only_the_edited_file_is_parsed_again(
    data_dir: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    careerkb.load(data_dir)
    bands = data_dir / "salary_bands.yaml"
    bands.write_text(bands.read_text(encoding="utf-8").replace("low: 90000", "low: 95000"), encoding="utf-8")
    parsed = _parses(monkeypatch)
    edited = careerkb.load(data_dir)
    assert parsed == ["salary_bands.yaml"]
    assert 95000 in {band.low for band in edited.salary_bands()}
    monkeypatch.setenv("CAREERKB_CACHE_DIR", "off")
    assert edited == careerkb.load(data_dir)  # every file parsed afresh gives the same records
    assert len(parsed) == len(careerkb.loader.data_files(data_dir)) + 1


def test_a_problem_in_a_file_parsed_before_is_still_found(
    data_dir: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    careerkb.load(data_dir)
    bands = data_dir / "salary_bands.yaml"
    bands.write_text(bands.read_text(encoding="utf-8").replace("low: 90000", "low: -5"), encoding="utf-8")
    with pytest.raises(DataError, match=r"salary_bands\.yaml"):
        careerkb.load(data_dir)
    parsed = _parses(monkeypatch)
    with pytest.raises(DataError, match=r"salary_bands\.yaml"):
        careerkb.load(data_dir)  # the broken file is parsed again, every time
    assert parsed == ["salary_bands.yaml"]


def test_a_change_to_careerkb_itself_parses_every_file_again(
    data_dir: Path, cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _own_code(tmp_path, monkeypatch, "yaml_reader.py")
    careerkb.load(data_dir)
    module.write_text("A = 2\n", encoding="utf-8")
    parsed = _parses(monkeypatch)
    careerkb.load(data_dir)
    assert sorted(parsed) == sorted(path.name for path in careerkb.loader.data_files(data_dir))


def test_a_damaged_store_of_parsed_files_is_read_past(
    data_dir: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = careerkb.load(data_dir)
    (stored,) = (cache_dir / "parsed").glob("*.pickle")
    stored.write_bytes(b"not a pickle")
    (data_dir / "salary_bands.yaml").write_text(
        (data_dir / "salary_bands.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    parsed = _parses(monkeypatch)
    assert careerkb.load(data_dir) == expected
    assert sorted(parsed) == sorted(path.name for path in careerkb.loader.data_files(data_dir))


def test_off_turns_the_cache_off(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERKB_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    careerkb.load(data_dir)
    assert cache.cache_dir() is None
    assert not (tmp_path / "xdg").exists()
    assert not (tmp_path / "home").exists()


def test_an_unwritable_cache_folder_only_costs_time(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CAREERKB_CACHE_DIR", str(blocker / "cache"))
    assert careerkb.load(data_dir).counts()["roles"] == 2


def test_a_given_date_skips_the_cache(data_dir: Path, cache_dir: Path) -> None:
    careerkb.load(data_dir)
    # A date before the data's as-of dates makes them lie in the future: a real read finds it.
    with pytest.raises(DataError, match="future"):
        careerkb.load(data_dir, today=dt.date(2000, 1, 1))


# --- drawings ------------------------------------------------------------------------------------


class Drawer:
    """Stands in for matplotlib: counts its drawings, each a different picture."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> bytes:
        self.calls += 1
        return f"<svg>{self.calls}</svg>".encode()


def test_a_drawing_is_drawn_once_then_read_from_the_cache(cache_dir: Path) -> None:
    draw = Drawer()
    assert cache.drawing("map-abc.svg", draw) == b"<svg>1</svg>"
    assert cache.drawing("map-abc.svg", draw) == b"<svg>1</svg>"
    assert draw.calls == 1
    assert (cache_dir / "drawings" / "map-abc.svg").read_bytes() == b"<svg>1</svg>"


def test_a_drawing_of_another_name_is_drawn(cache_dir: Path) -> None:
    draw = Drawer()
    cache.drawing("map-abc.svg", draw)
    assert cache.drawing("map-def.svg", draw) == b"<svg>2</svg>"


def test_with_the_cache_off_every_drawing_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERKB_CACHE_DIR", "off")
    draw = Drawer()
    cache.drawing("map-abc.svg", draw)
    cache.drawing("map-abc.svg", draw)
    assert draw.calls == 2


def test_a_cache_folder_that_cannot_be_written_still_gives_the_drawing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("CAREERKB_CACHE_DIR", str(blocker))
    assert cache.drawing("map-abc.svg", Drawer()) == b"<svg>1</svg>"


def test_only_the_most_recently_used_drawings_are_kept(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "DRAWINGS_KEPT", 2)
    draw = Drawer()
    for age, name in enumerate(("one.svg", "two.svg", "three.svg")):
        cache.drawing(name, draw)
        # Seconds apart, as on any file system, however coarse its clock.
        os.utime(cache_dir / "drawings" / name, (1_000_000 + age, 1_000_000 + age))
    assert sorted(path.name for path in (cache_dir / "drawings").iterdir()) == ["three.svg", "two.svg"]
