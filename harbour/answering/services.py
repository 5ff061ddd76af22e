"""Keeping the webchat's stored vectors in step with the published advice."""

from __future__ import annotations

from harbour.answering.engine.danger import default_rules
from harbour.answering.engine.danger_model import default_training
from harbour.answering.engine.embedding import text_key
from harbour.answering.engine.question_model import default_labelled, default_out_of_scope
from harbour.answering.engine.scope import default_scope_examples
from harbour.answering.engine.semantic import embed_cached, question_texts, shorten
from harbour.answering.passages import embedder, published_passages
from harbour.answering.vectors import DatabaseVectorStore, shipped_write


def passage_vectors_refresh(*, group: str | None = None) -> int:
    """Embed and store any published passage text (of one group, or all) not yet stored.

    Called when a page is published, so no server process embeds the knowledge base when it
    starts. Returns how many passages were checked.
    """
    model = embedder()
    if model is None:
        return 0
    passages = [p for p in published_passages() if group is None or p.group == group]
    store = DatabaseVectorStore(model.name)
    embed_cached(model, store, "query", [t for p in passages for t in question_texts(p)])
    if group is None:
        embed_cached(model, store, "query", engine_example_texts())
    return len(passages)


def engine_example_texts() -> list[str]:
    """The examples the engine compares messages with or learns from: out of scope, danger,
    calm, the danger model's training messages and the question model's folder (questions and
    out-of-scope lines, as they are embedded: shortened like a message)."""
    danger = default_rules().semantic
    training = default_training()
    return [*default_scope_examples().examples, *danger.danger, *danger.calm,
            *training.danger, *training.calm,
            *(shorten(message.text) for message in default_labelled()),
            *(shorten(text) for text in default_out_of_scope())]


def shipped_vectors_export() -> tuple[int, str]:
    """Write the vectors of today's published questions and scope examples into the repository,
    so new installations start with them. Returns how many and where."""
    model = embedder()
    if model is None:
        raise RuntimeError("the embedding model is not installed")
    passage_vectors_refresh()
    texts = [t for p in published_passages() for t in question_texts(p)]
    texts += engine_example_texts()
    keys = [text_key(model.name, "query", t) for t in texts]
    vectors = DatabaseVectorStore().get_many(keys)
    path = shipped_write(model.name, vectors)
    return len(vectors), str(path)
