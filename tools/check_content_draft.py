"""Quick check of a draft content file while writing (the real checks live in the test suite).

    .venv/bin/python tools/check_content_draft.py content/GROUP.md
"""
import re
import sys

import frontmatter
import yaml

from harbour.content.readability import flesch_reading_ease

topics = yaml.safe_load(open("harbour/content/topics.yaml"))["topics"]
ids = {t["id"] for t in topics}
for path in [p for p in sys.argv[1:] if not p.endswith("README.md")]:
    post = frontmatter.load(path)
    group = post["group"]
    blocks = re.split(r"^## ", post.content, flags=re.M)[1:]
    mains = []
    for block in blocks:
        question, rest = block.split("\n", 1)
        m = re.search(r"```yaml\n(.*?)```", rest, flags=re.S)
        if not m:
            print("NO META:", question)
            continue
        meta = yaml.safe_load(m.group(1))
        answer = rest[m.end():].strip()
        bad = set(meta["topics"]) - ids
        if bad:
            print("UNKNOWN TOPICS", bad, question)
        for key in ("topics", "audience", "sources", "reviewed"):
            if key not in meta:
                print("MISSING", key, question)
        score = flesch_reading_ease(re.sub(r"[*_#>\[\]()`]", " ", answer))
        anchor = meta.get("anchor", meta["topics"][0])
        if anchor == meta["topics"][0]:
            mains.append(anchor)
        print(f"{score:6.1f} {'OK ' if score >= 60 else 'LOW'} {anchor:40} {question}")
    want = {t["id"] for t in topics if t["group"] == group}
    print("missing main topics:", want - set(mains) or "none")
