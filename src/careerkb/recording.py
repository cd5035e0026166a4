"""Recorded questions: what a piece of code read is found by running it, never declared by hand.

A *query* is a method marked with :func:`query` on an object that answers questions (the
knowledge base, a build's inputs). While a :class:`Recording` is active, every query asked is
noted as a :data:`Question` (who was asked, the query's name, its arguments) with a fingerprint
of its answer. To learn later whether the reader of those answers is out of date, ask each
question again of the new data (:func:`fingerprint_of`) and compare: this is the early cut-off of
Shake and the red-green check of salsa. An answer that did not change makes nothing stale,
however much else in the data moved.

Only the outermost query is recorded: a query that asks others to build its answer depends on
them, but whoever asked it depends only on the answer. A query that raises an expected error
(an unknown name) records the error as its answer, so that the record appearing later changes it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import ClassVar, ParamSpec, TypeVar, cast

from pydantic import BaseModel

from careerkb.cache import digest

#: (who answers, the query's name, its positional arguments, its keyword arguments, sorted).
Question = tuple[str, str, tuple[Hashable, ...], tuple[tuple[str, Hashable], ...]]

P = ParamSpec("P")
T = TypeVar("T")


class Answerer:
    """Base of the objects whose queries are recorded: it names itself, and digests the records
    it answers with (the knowledge base computes each of its records' digests once)."""

    #: The name questions to this object are recorded under, e.g. ``"kb"``.
    answerer: ClassVar[str]

    def digest_of(self, record: BaseModel) -> str:
        return record_digest(record)


class ExpectedError(Exception):
    """Base of the errors a query may raise as an answer (an unknown name, for example)."""


@dataclass
class Recording:
    """The questions one reader asked, each with the fingerprint of the answer it got."""

    answers: dict[Question, str] = field(default_factory=dict)

    def note(self, question: Question, answer_print: str) -> None:
        self.answers[question] = answer_print


_active: ContextVar[Recording | None] = ContextVar("careerkb_recording", default=None)


@contextmanager
def recording() -> Iterator[Recording]:
    """Record every query asked inside the block."""
    found = Recording()
    token = _active.set(found)
    try:
        yield found
    finally:
        _active.reset(token)


@contextmanager
def unrecorded() -> Iterator[None]:
    """Ask inside the block without recording: only for what the reader tracks another way.

    A link's title is one such thing: a Sphinx page fills it in again when it is written, and
    fingerprints its links apart from its reads (see careerkb.sphinxext.dependencies).
    """
    token = _active.set(None)
    try:
        yield
    finally:
        _active.reset(token)


def start_recording() -> Recording:
    """Record every query from now until :func:`stop_recording`; for readers whose start and end
    are separate events (a Sphinx page is read between two of them)."""
    found = Recording()
    _active.set(found)
    return found


def stop_recording() -> None:
    _active.set(None)


def query(method: Callable[P, T]) -> Callable[P, T]:
    """Mark a method of an :class:`Answerer` as a query whose answers are recorded."""
    name = method.__name__

    @functools.wraps(method)
    def recorded(*args: P.args, **kwargs: P.kwargs) -> T:
        found = _active.get()
        if found is None:
            return method(*args, **kwargs)
        owner = cast("Answerer", args[0])
        question: Question = (owner.answerer, name, args[1:], tuple(sorted(kwargs.items())))
        token = _active.set(None)  # the queries this one asks are its own business
        try:
            answer = method(*args, **kwargs)
        except ExpectedError as error:
            found.note(question, _error_print(error))
            raise
        finally:
            _active.reset(token)
        found.note(question, fingerprint(owner, answer))
        return answer

    recorded.__careerkb_query__ = True  # type: ignore[attr-defined]
    return recorded


def is_query(attribute: object) -> bool:
    """Whether a method (or a property's getter) is a recorded query."""
    getter = attribute.fget if isinstance(attribute, property) else attribute
    return bool(getattr(getter, "__careerkb_query__", False))


def fingerprint_of(question: Question, answerers: Mapping[str, Answerer]) -> str:
    """Ask ``question`` again, of ``answerers`` (the new data), and fingerprint the answer.

    A question to an answerer that no longer exists, or to a query that is gone, gets an
    answer no recording can hold, so whoever asked it is out of date.
    """
    who, name, args, kwargs = question
    owner = answerers.get(who)
    attribute = getattr(type(owner), name, None) if owner is not None else None
    if owner is None or not is_query(attribute):
        return "gone"
    try:
        if isinstance(attribute, property):
            answer = getattr(owner, name)
        else:
            answer = getattr(owner, name)(*args, **dict(kwargs))
    except ExpectedError as error:
        return _error_print(error)
    return fingerprint(owner, answer)


def fingerprint(owner: Answerer, answer: object) -> str:
    """A short digest of an answer: records by their content, containers by their items."""
    return _digest(_canonical(owner, answer))


def _canonical(owner: Answerer, answer: object) -> str:
    match answer:
        case BaseModel():
            return f"R{owner.digest_of(answer)}"
        case None | bool() | int() | float() | str() | dt.date():
            return f"V{answer!r}"
        case tuple() | list():
            return "[" + ",".join(_canonical(owner, item) for item in answer) + "]"
        case Mapping():
            items = sorted((repr(key), _canonical(owner, value)) for key, value in answer.items())
            return "{" + ",".join(f"{key}:{value}" for key, value in items) + "}"
    raise TypeError(f"a query answered with a {type(answer).__name__}, which cannot be fingerprinted")


def _error_print(error: Exception) -> str:
    return _digest(f"E{type(error).__name__}:{error}")


def _digest(text: str) -> str:
    return digest(text, size=12)


def record_digest(record: BaseModel) -> str:
    """A record's content digest, for :meth:`Answerer.digest_of`."""
    return _digest(record.model_dump_json())


def active() -> Recording | None:
    """The recording in progress, if any."""
    return _active.get()
