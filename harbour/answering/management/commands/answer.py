"""harbour answer: answer questions from a JSON Lines file, one answer a line, in order."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from harbour.answering.engine.answerer import ENGINES
from harbour.answering.passages import answerer
from harbour.common.setup import database_prepare


class Command(BaseCommand):
    help = ('Read {"id", "text"} lines from IN and write {"id", "danger", "in_scope", "results"} '
            "lines to OUT, in the same order.")

    def add_arguments(self, parser):
        parser.add_argument("--jsonl", type=Path, required=True, metavar="IN")
        parser.add_argument("--out", type=Path, required=True, metavar="OUT")
        parser.add_argument("--engine", choices=ENGINES, default="hybrid")

    def handle(self, *args, **options):
        database_prepare(with_admin=False)
        engine = answerer()
        if options["engine"] not in engine.engines:
            raise CommandError(f"engine {options['engine']!r} needs the embedding model")
        try:
            lines = options["jsonl"].read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise CommandError(f"cannot read {options['jsonl']}: {error.strerror}") from None
        with options["out"].open("w", encoding="utf-8") as out:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    question = json.loads(line)
                    text = str(question["text"])
                except (ValueError, KeyError, TypeError):
                    raise CommandError(f"line {number} is not a JSON object with a text") from None
                answer = engine.answer(text, engine=options["engine"]).as_dict()
                out.write(json.dumps({"id": question.get("id"), **answer}, ensure_ascii=False) + "\n")
