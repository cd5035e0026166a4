"""How the search reads text: words, stop words and stems, the same at build and query time.

The rules are data (:data:`SUFFIXES`, :data:`STOP_WORDS`) that the index carries to the
browser, so the query side applies exactly the rules the index was built with; only the small
loop that applies them exists twice, here and in the script. The stemmer is deliberately light:
it folds plurals and the common verb endings (salaries, salary; interviewing, interviews,
interview; switched, switch) and leaves everything else alone, because a word folded into the
wrong family costs a reader more than a plural missed.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Letters and digits, with the joiners inside names kept ("c++", "node.js" as "node js").
_WORD = re.compile(r"[^\W_]+(?:\+\+)?")

#: Words that carry no meaning for a search, question words included: "how do I become a ..."
#: is answered by what follows them.
STOP_WORDS = frozenset(
    # One string, split: the list reads as prose, and a word is easy to find or add.
    """
    a about am an and any are as at be been being but by can could did do does doing for from
    had has have having he her here hers him his how i if in into is it its me my of on or our
    ours she should so than that the their them then there these they this those to too us
    was we were what when where which while who whom why will with would you your yours
    become becoming get getting go going want s t m ll re ve d
    actually really just stand mean means meaning define definition explain tell know
    """.split()  # noqa: SIM905
)

#: (ending, replacement, shortest stem left): the first ending a word has is replaced, when at
#: least that many letters remain before it. Order matters: longer endings first, and the
#: endings that replace themselves protect words that only look inflected.
SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("ies", "y", 2),  # salaries, companies
    ("sses", "ss", 2),  # classes
    ("ings", "", 3),  # meetings
    ("ing", "", 3),  # learning, training, engineering
    ("ied", "y", 2),  # applied
    ("eed", "eed", 1),  # need, speed: not a past tense
    ("ed", "", 3),  # switched, trained
    ("ches", "ch", 1),  # switches, searches
    ("shes", "sh", 1),
    ("xes", "x", 1),
    ("ss", "ss", 1),  # class stays class
    ("us", "us", 1),  # status stays status
    ("is", "is", 1),  # analysis stays analysis
    ("s", "", 2),  # engineers, roles
)

#: Endings whose cut may leave a doubled consonant (running: runn) or a bare stem.
_VERB_ENDINGS = frozenset({"ing", "ings", "ed"})
#: A doubled last consonant left by a verb ending is undoubled, except these (installing).
_KEEP_DOUBLE = frozenset("lsz")
_VOWELS = frozenset("aeiouy")


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased.

    >>> words("Do I need a PhD to be an ML Engineer? C++ and Node.js, too.")
    ['do', 'i', 'need', 'a', 'phd', 'to', 'be', 'an', 'ml', 'engineer', 'c++', 'and', 'node', 'js', 'too']
    """
    return _WORD.findall(text.casefold())


@lru_cache(maxsize=1 << 16)  # a handbook repeats its words: each is stemmed once
def stem(word: str) -> str:
    """The word with its ending folded, so the forms of one word meet.

    A final "e" goes too, so that "scale", "scaled" and "scaling" all meet at "scal".

    >>> [stem(w) for w in ("salaries", "interviewing", "interviews", "switched", "engineers")]
    ['salary', 'interview', 'interview', 'switch', 'engineer']
    >>> [stem(w) for w in ("scale", "scaled", "scaling", "courses", "course", "running")]
    ['scal', 'scal', 'scal', 'cours', 'cours', 'run']
    >>> [stem(w) for w in ("status", "analysis", "class", "need", "string", "ml")]
    ['status', 'analysis', 'class', 'need', 'string', 'ml']
    """
    base = word
    for ending, replacement, shortest in SUFFIXES:
        if word.endswith(ending) and len(word) - len(ending) >= shortest:
            cut = word[: len(word) - len(ending)]
            if ending in _VERB_ENDINGS:
                if not _VOWELS & set(cut):
                    break  # "string", "red": no vowel before the ending, so it is no ending
                if len(cut) > 2 and cut[-1] == cut[-2] and cut[-1] not in _VOWELS | _KEEP_DOUBLE:
                    cut = cut[:-1]
            base = cut + replacement
            break
    if len(base) >= 4 and base.endswith("e") and not base.endswith("ee"):
        base = base[:-1]
    return base


def terms(text: str) -> list[str]:
    """What the search matches: the stems of the words that are not stop words.

    >>> terms("How long does it take to switch from backend engineering to agents?")
    ['long', 'tak', 'switch', 'backend', 'engineer', 'agent']
    """
    return [stem(word) for word in words(text) if word not in STOP_WORDS]
