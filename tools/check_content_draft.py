"""Quick look at a content file while writing it: each answer's reading score and the group's
missing main topics. The real checks are the tests in harbour/content/tests/.

    .venv/bin/python tools/check_content_draft.py content/GROUP.md [...]
"""

import sys
from pathlib import Path

from harbour.content.starter import parse_group_file
from harbour.content.topics import taxonomy

for path in (Path(p) for p in sys.argv[1:] if not p.endswith("README.md")):
    group = parse_group_file(path)
    for question in group.questions:
        score = question.reading_ease()
        print(f"{score:6.1f} {'OK ' if score >= 60 else 'LOW'} {question.anchor:40} {question.question}")
    mains = {q.anchor for q in group.questions if q.anchor == q.topics[0]}
    wanted = {t.id for t in taxonomy().topics_in(group.group)}
    print("missing main topics:", ", ".join(sorted(wanted - mains)) or "none")
