"""The static JSON API under api/v1/: built from tests/roots/test-directives on the minimal data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
import yaml

import careerkb
from careerkb.export import export_document, export_schema
from careerkb.models import COLLECTIONS, SCHEMA_VERSION
from careerkb.sphinxext import json_api
from tests.conftest import FIXTURES, edit_file, warnings_of, write_project

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

MINIMAL = {"careerkb_data_dir": str(FIXTURES / "minimal")}
ROOT = Path(__file__).parent / "roots" / "test-directives"
SCHEMA_FILE = Path(__file__).parents[1] / "schemas" / "export.schema.json"
API_FILES = {"index.json", "schema.json", *(f"{name}.json" for name in COLLECTIONS)}


def _api(app: SphinxTestApp) -> Path:
    return Path(app.outdir) / "api" / "v1"


def _read(app: SphinxTestApp, name: str) -> Any:
    return json.loads((_api(app) / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def minimal_export() -> dict[str, Any]:
    return export_document(careerkb.load(FIXTURES / "minimal"))


@pytest.mark.sphinx("html", testroot="directives", confoverrides=MINIMAL)
def test_every_collection_is_published_with_its_records_as_exported(
    app: SphinxTestApp, minimal_export: dict[str, Any]
) -> None:
    app.build()
    assert warnings_of(app) == []
    assert {path.name for path in _api(app).iterdir()} == API_FILES
    for name in COLLECTIONS:
        content = _read(app, f"{name}.json")
        assert content["schema_version"] == SCHEMA_VERSION
        assert content[name] == minimal_export[name], name
        expected_keys = ["schema_version", name, "urls"] if "urls" in content else ["schema_version", name]
        assert list(content) == expected_keys
    assert {name for name in COLLECTIONS if "urls" in _read(app, f"{name}.json")} == {
        "roles",
        "sources",
        "glossary",
    }


@pytest.mark.sphinx("html", testroot="directives", confoverrides=MINIMAL)
def test_the_index_lists_every_file_and_carries_no_time_stamp(app: SphinxTestApp) -> None:
    app.build()
    assert _read(app, "index.json") == {
        "schema_version": SCHEMA_VERSION,
        "generator": f"careerkb {careerkb.__version__}",
        "collections": {name: f"{name}.json" for name in COLLECTIONS},
        "schema": "schema.json",
    }
    assert _read(app, "schema.json") == export_schema()
    assert _read(app, "schema.json") == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@pytest.mark.sphinx("html", testroot="directives", confoverrides=MINIMAL)
def test_the_records_validate_against_the_committed_export_schema(app: SphinxTestApp) -> None:
    app.build()
    document: dict[str, Any] = {"schema_version": _read(app, "index.json")["schema_version"]}
    for name in COLLECTIONS:
        document[name] = _read(app, f"{name}.json")[name]
    jsonschema.validate(document, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


@pytest.mark.sphinx("html", testroot="directives", confoverrides=MINIMAL)
def test_urls_lead_to_the_page_and_anchor_that_describe_each_record(
    app: SphinxTestApp, minimal_export: dict[str, Any]
) -> None:
    app.build()
    urls = {name: _read(app, f"{name}.json")["urls"] for name in ("roles", "sources", "glossary")}
    assert urls["roles"] == {
        "builder": "roles/builder.html#role-builder",
        "user": "roles/user.html#role-user",
    }
    assert urls["sources"] == {"guide": "sources.html#source-guide"}
    assert urls["glossary"] == {
        "retrieval-augmented-generation": "glossary.html#term-retrieval-augmented-generation",
        "embeddings": "glossary.html#term-embeddings",
    }
    for name, by_id in urls.items():
        assert list(by_id) == [record["id"] for record in minimal_export[name]], name
        for url in by_id.values():
            page, _, anchor = url.partition("#")
            html = (Path(app.outdir) / page).read_text(encoding="utf-8")
            assert f'id="{anchor}"' in html, url


def test_a_record_no_page_describes_has_a_null_url(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    write_project(tmp_path, "# Only sources\n\n```{careerkb:sources}\n```\n")
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    assert warnings_of(app) == []
    assert _read(app, "roles.json")["urls"] == {"builder": None, "user": None}
    assert _read(app, "glossary.json")["urls"] == {
        "retrieval-augmented-generation": None,
        "embeddings": None,
    }
    assert _read(app, "sources.json")["urls"] == {"guide": "index.html#source-guide"}


def _api_bytes(app: SphinxTestApp) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(_api(app).iterdir())}


def test_two_clean_builds_write_the_same_bytes(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    builds = []
    for name in ("first", "second"):
        shutil.copytree(ROOT, tmp_path / name)
        app = make_app("html", srcdir=tmp_path / name, confoverrides=MINIMAL)
        app.build()
        builds.append(_api_bytes(app))
    assert set(builds[0]) == API_FILES
    assert builds[0] == builds[1]


def test_a_rebuild_with_nothing_changed_leaves_the_files_alone(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    shutil.copytree(ROOT, tmp_path / "project")
    first = make_app("html", srcdir=tmp_path / "project", confoverrides=MINIMAL)
    first.build()
    written = _api_bytes(first)
    stamps = {path.name: path.stat().st_mtime_ns for path in _api(first).iterdir()}
    # A second application reads the pickled environment: the pages' anchors come from there.
    again = make_app("html", srcdir=tmp_path / "project", confoverrides=MINIMAL)
    again.build()
    assert _api_bytes(again) == written
    assert {path.name: path.stat().st_mtime_ns for path in _api(again).iterdir()} == stamps


def test_a_rebuild_exports_again_only_the_collections_that_changed_or_went_missing(
    make_app: type[SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT, tmp_path / "project")
    shutil.copytree(FIXTURES / "minimal", tmp_path / "data")
    settings = {"careerkb_data_dir": str(tmp_path / "data")}
    make_app("html", srcdir=tmp_path / "project", confoverrides=settings).build()
    edit_file(tmp_path / "data" / "salary_bands.yaml", "low: 90000", "low: 91000")
    app = make_app("html", srcdir=tmp_path / "project", confoverrides=settings)
    (_api(app) / "tiers.json").unlink()
    exported: list[str] = []
    real = json_api.export_collection

    def noted(kb: careerkb.KnowledgeBase, name: str) -> list[dict[str, Any]]:
        exported.append(name)
        return real(kb, name)

    monkeypatch.setattr(json_api, "export_collection", noted)
    app.build()
    assert exported == ["tiers", "salary_bands"]
    clean_copy = tmp_path / "clean"
    shutil.copytree(ROOT, clean_copy)
    clean = make_app("html", srcdir=clean_copy, confoverrides=settings)
    monkeypatch.undo()
    clean.build()
    assert _api_bytes(app) == _api_bytes(clean)


@pytest.mark.sphinx(
    "html",
    testroot="directives",
    srcdir="json-api-off",  # not the shared copy, whose output other tests' builds already hold
    confoverrides={**MINIMAL, "careerkb_json_api": False},
)
def test_the_api_can_be_turned_off(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    assert not (Path(app.outdir) / "api").exists()


@pytest.mark.sphinx("text", testroot="directives", confoverrides=MINIMAL)
def test_the_text_builder_writes_no_api(app: SphinxTestApp) -> None:
    app.build()
    assert not (Path(app.outdir) / "api").exists()


PAYLOAD = "Lists of numbers. </script><script>alert(1)</script> & <b>“quotes”</b>"


def test_markup_in_a_record_is_kept_as_plain_json_text(
    make_app: type[SphinxTestApp], tmp_path: Path, data_dir: Path
) -> None:
    glossary_file = data_dir / "glossary.yaml"
    data = yaml.safe_load(glossary_file.read_text(encoding="utf-8"))
    embeddings = next(term for term in data["glossary"] if term["id"] == "embeddings")
    embeddings["definition"] = PAYLOAD
    glossary_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    project = tmp_path / "project"
    project.mkdir()
    write_project(project, "# Terms\n\n```{careerkb:glossary}\n```\n")
    app = make_app("html", srcdir=project, confoverrides={"careerkb_data_dir": str(data_dir)})
    app.build()
    assert warnings_of(app) == []
    text = (_api(app) / "glossary.json").read_text(encoding="utf-8")
    assert PAYLOAD in text  # JSON needs no HTML escaping: the text is as written
    record = next(term for term in json.loads(text)["glossary"] if term["id"] == "embeddings")
    assert record["definition"] == PAYLOAD
