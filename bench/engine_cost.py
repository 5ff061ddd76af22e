"""Where the answering engine's time goes, and whether a change altered any answer.

Two jobs, on a data folder that has been set up (`harbour setup` or `harbour eval` prepares one):

    # CPU per message: the model's embedding alone, and the rest of the pipeline alone
    # (the model is replaced by the vectors it gave, so the rest is timed without it)
    HARBOUR_DATA_DIR=<folder> OMP_NUM_THREADS=1 .venv/bin/python bench/engine_cost.py cost FILES

    # every engine's full answer to every line (scores, order, snippets, danger, scope,
    # confidence; also with the previous line as `previous`), as JSON: run before and after a
    # change that should not alter answers, and compare the two files with `cmp`
    HARBOUR_DATA_DIR=<folder> .venv/bin/python bench/engine_cost.py outputs FILES --out F.json

CPU time (time.process_time) is reported rather than wall time: it depends less on what else a
shared machine is doing. It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _engine():
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    from harbour.answering.passages import answerer
    from harbour.common.setup import database_prepare

    database_prepare(with_admin=False)
    return answerer()


def _texts(files: list[Path]) -> list[str]:
    return [json.loads(line)["text"] for path in files
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


class _Replay:
    """Stands in for the model: the vectors it gave for these texts, looked up. A text it has
    not seen (a sentence from the middle of a long message, which the danger check embeds
    alone) is embedded once by the model and counted."""

    def __init__(self, name: str, vectors: dict, model):
        self.name = name
        self.vectors = vectors
        self.model = model
        self.extra = 0

    def embed_queries(self, texts):
        import numpy as np

        for text in texts:
            if text not in self.vectors:
                self.vectors[text] = self.model.embed_queries([text])[0]
                self.extra += 1
        return np.vstack([self.vectors[t] for t in texts])


def cost(files: list[Path], repetitions: int) -> None:
    from harbour.answering.engine.semantic import shorten

    engine = _engine()
    texts = _texts(files)
    model = engine.embedder
    if model is None:
        raise SystemExit("the embedding model is not installed")
    model.embed_queries(["warm up"])
    embed_ms: list[float] = []
    vectors = {}
    for text in texts:
        started = time.process_time()
        vectors[shorten(text)] = model.embed_queries([shorten(text)])[0]
        embed_ms.append((time.process_time() - started) * 1000)
    replay = _Replay(model.name, vectors, model)
    engine.embedder = replay
    engine.semantic.embedder = replay
    for text in texts:  # warm the spelling corrector's cache of unknown words
        engine.answer(text)
    kernel = getattr(model, "kernel", "?")
    print(f"{len(texts)} messages; OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}; "
          f"engine {kernel}")
    print(f"  model (one embedding per message): CPU mean {statistics.mean(embed_ms):.2f} ms, "
          f"p50 {statistics.median(embed_ms):.2f}, p95 {_p95(embed_ms):.2f}; "
          f"{replay.extra} messages also had a middle sentence embedded alone")
    for name in engine.engines:
        runs = []
        for _ in range(repetitions):
            per: list[float] = []
            for text in texts:
                started = time.process_time()
                engine.answer(text, engine=name)
                per.append((time.process_time() - started) * 1000)
            runs.append(per)
        best = min(runs, key=statistics.mean)
        label = "the rest of the pipeline" if name in {"semantic", "hybrid"} else "whole answer"
        print(f"  {name:9} ({label}): CPU mean {statistics.mean(best):.3f} ms, "
              f"p50 {statistics.median(best):.3f}, p95 {_p95(best):.3f} "
              f"(best of {repetitions} runs)")


def outputs(files: list[Path], out: Path) -> None:
    engine = _engine()
    texts = _texts(files)
    rows = []
    for name in engine.engines:
        previous = None
        for text in texts:
            for earlier in (None, previous):
                answer = engine.answer(text, engine=name, previous=earlier)
                rows.append({
                    "engine": name, "text": text, "previous": earlier,
                    "danger": answer.danger, "in_scope": answer.in_scope,
                    "follow_up": answer.follow_up, "confidence": repr(float(answer.confidence)),
                    "results": [[r.passage.url, repr(r.score), r.snippet]
                                for r in answer.results]})
            previous = text
    for text in texts:
        found = engine.search.search(text)
        rows.append({"search": text, "corrected": found.corrected,
                     "hits": [[h.passage.url, repr(h.score), h.question, h.snippet]
                              for h in found.hits]})
    out.write_text(json.dumps(rows, indent=0, ensure_ascii=False), encoding="utf-8")
    print(f"{len(rows)} answers written to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="job", required=True)
    timing = sub.add_parser("cost", help="CPU per message: the model, and the rest")
    timing.add_argument("files", nargs="+", type=Path)
    timing.add_argument("--repetitions", type=int, default=3)
    dump = sub.add_parser("outputs", help="every engine's full answers, as JSON")
    dump.add_argument("files", nargs="+", type=Path)
    dump.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.job == "cost":
        cost(args.files, args.repetitions)
    else:
        outputs(args.files, args.out)


if __name__ == "__main__":
    main()
