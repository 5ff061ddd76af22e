"""The answering engine: plain Python, no web framework.

It takes the published advice passages and a message, and returns ranked passages. Django
feeds it (harbour.answering.passages) and serves it (views, API, CLI).
"""

from harbour.answering.engine.passages import Passage
from harbour.answering.engine.search import SearchHit, SearchIndex

__all__ = ["Passage", "SearchHit", "SearchIndex"]
