"""harbour eval: score every engine on labelled JSON Lines files, side by side."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from harbour.answering.engine.answerer import ENGINES
from harbour.answering.evaluation import evaluate, read_jsonl
from harbour.answering.passages import answerer
from harbour.common.setup import database_prepare

COLUMNS = ("questions", "top1", "recall3", "mrr10", "wrongly_declined", "out_of_scope", "declined",
           "danger", "danger_recall", "false_alarm", "median_ms", "p95_ms")


class Command(BaseCommand):
    help = "Score the engines (lexical baseline, keywords, semantic, hybrid) on labelled files."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--engine", action="append", choices=ENGINES,
                            help="only these engines (default: all)")
        parser.add_argument("--misses", action="store_true", help="list what each engine missed")

    def handle(self, *args, **options):
        database_prepare(with_admin=False)
        engine = answerer()
        engines = [e for e in (options["engine"] or ENGINES) if e in engine.engines]
        files = {}
        for path in options["files"]:
            try:
                files[path] = read_jsonl(path)
            except (OSError, ValueError) as error:
                raise CommandError(f"cannot read {path}: {error}") from None
        engine.answer("warm up", engine=engines[-1])
        for path, labels in files.items():
            self.stdout.write(f"\n{path}  ({len(labels)} lines)")
            rows = {name: evaluate(engine, labels, name) for name in engines}
            used = [c for c in COLUMNS if any(c in f.row() for f in rows.values())]
            self.stdout.write("  " + "engine".ljust(10) + "".join(c.rjust(17) for c in used))
            for name, figures in rows.items():
                row = figures.row()
                cells = [_cell(row.get(c)) for c in used]
                self.stdout.write("  " + name.ljust(10) + "".join(c.rjust(17) for c in cells))
                if options["misses"] and figures.misses:
                    self.stdout.write(f"    {name} missed: " + ", ".join(figures.misses))


def _cell(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)
