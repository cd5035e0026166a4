"""Recorded queries (careerkb.recording): what code read is found by running it."""

from __future__ import annotations

import inspect
import pickle
import shutil
from pathlib import Path

import pytest

import careerkb
from careerkb.knowledge import KnowledgeBase, UnknownRecordError
from careerkb.recording import fingerprint_of, is_query, recording
from careerkb.views import Context
from careerkb.views.compare import compare, compared_roles
from tests.conftest import FIXTURES

# Methods of the knowledge base that answer no question about what the data says.
NOT_QUERIES = {"build", "digest_of", "origin"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return careerkb.load(FIXTURES / "minimal")


def _edited(tmp_path: Path, file: str, old: str, new: str) -> KnowledgeBase:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "data")
    path = tmp_path / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return careerkb.load(tmp_path / "data")


def test_every_public_question_the_knowledge_base_answers_is_recorded() -> None:
    # A query added without @query would be read without being recorded: pages showing its
    # answers would silently go stale. Fields (entries, indexes) are for whole-data passes.
    fields = set(KnowledgeBase.__dataclass_fields__)
    unrecorded = [
        name
        for name, attribute in inspect.getmembers(KnowledgeBase)
        if not name.startswith("_")
        and name not in fields | NOT_QUERIES | {"answerer"}
        and not is_query(attribute)
    ]
    assert unrecorded == []


def test_only_the_outermost_query_is_recorded(kb: KnowledgeBase) -> None:
    with recording() as asked:
        kb.entry_pay("builder")  # asks salary_bands, which asks role, on its own behalf
    assert [question[1] for question in asked.answers] == ["entry_pay"]


def test_an_unknown_name_is_recorded_with_its_error(kb: KnowledgeBase, tmp_path: Path) -> None:
    with recording() as asked, pytest.raises(UnknownRecordError):
        kb.role("newcomer")
    ((question, answer),) = asked.answers.items()
    assert question == ("kb", "role", ("newcomer",), ())
    assert fingerprint_of(question, {"kb": kb}) == answer
    grown = _edited(
        tmp_path,
        "roles.yaml",
        "  - id: user\n",
        "  - id: newcomer\n    title: Newcomer\n"
        "    tier: making\n"
        "    status: {value: emerging, source: guide, as_of: mid-2026}\n"
        "    summary: New.\n    description: New here.\n    sources: [guide]\n  - id: user\n",
    )
    assert fingerprint_of(question, {"kb": grown}) != answer


def test_an_answer_changes_only_when_what_it_returns_changes(kb: KnowledgeBase, tmp_path: Path) -> None:
    with recording() as asked:
        kb.entry_pay("user")  # the Model User has a senior band only: no entry pay
        kb.entry_pay("builder")
        kb.salary_bands(role="user")
    edited = _edited(tmp_path, "salary_bands.yaml", "low: 220000", "low: 230000")  # the senior band
    now = {
        question[2]: fingerprint_of(question, {"kb": edited}) == answer
        for question, answer in asked.answers.items()
    }
    assert now == {("user",): True, ("builder",): True, (): False}


def test_keyword_arguments_are_recorded_in_one_order(kb: KnowledgeBase) -> None:
    with recording() as asked:
        kb.salary_bands(role="builder", level="entry")
        kb.salary_bands(level="entry", role="builder")
    assert len(asked.answers) == 1


def test_nothing_is_recorded_outside_a_recording(kb: KnowledgeBase) -> None:
    with recording() as asked:
        pass
    kb.role("builder")
    assert asked.answers == {}


def test_a_question_to_a_query_that_is_gone_is_never_answered_the_same(kb: KnowledgeBase) -> None:
    assert fingerprint_of(("kb", "no_such_query", (), ()), {"kb": kb}) == "gone"
    assert fingerprint_of(("elsewhere", "role", ("builder",), ()), {"kb": kb}) == "gone"


def test_a_pickled_knowledge_base_fingerprints_its_records_afresh(kb: KnowledgeBase) -> None:
    question = ("kb", "role", ("builder",), ())
    before = fingerprint_of(question, {"kb": kb})
    assert "_record_digests" in kb.__dict__
    copy = pickle.loads(pickle.dumps(kb))
    # The digests are keyed by the records' identities, which the copy does not share.
    assert "_record_digests" not in copy.__dict__
    assert fingerprint_of(question, {"kb": copy}) == before


def test_a_comparison_asks_about_its_own_roles_only() -> None:
    # Asking for every skill area or every pay claim and filtering would make an edit to any
    # other role's skills or pay claims re-read every comparison page, and cost each comparison
    # page a pass over all of them: at a hundred times the data, a quadratic term in the build.
    context = Context(careerkb.load())
    with recording() as asked:
        compare(context, compared_roles(context, "agentic-ai-developer mle"))
    questions = {(name, args, kwargs) for _, name, args, kwargs in asked.answers}
    assert ("skills_shared_by", ("agentic-ai-developer", "machine-learning-engineer"), ()) in questions
    whole = [q for q in questions if q[0] in {"skills", "market_facts"} and "role" not in dict(q[2])]
    assert whole == []
