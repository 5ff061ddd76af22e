"""Follow-ups: a short message that leans on the previous one ("how long does it last?")."""

from __future__ import annotations

from harbour.answering.engine.text import STOPWORDS, words

# Words that point back to something already said.
POINTERS = frozenset("""
it its that this those these they them one he him his she her there then what if
how long when who else also and but so
""".split())
MAX_FOLLOW_UP_WORDS = 9


def is_follow_up(message: str) -> bool:
    """Short, and either pointing back ("it", "that", "what if") or with no subject of its own."""
    typed = words(message)
    if not typed or len(typed) > MAX_FOLLOW_UP_WORDS:
        return False
    content = [w for w in typed if w not in STOPWORDS and w not in POINTERS]
    points_back = any(w in POINTERS for w in typed[:3])
    return points_back or len(content) <= 1
