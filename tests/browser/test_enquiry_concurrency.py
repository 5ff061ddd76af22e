"""Many people sending at once to Harbour as it is served: every enquiry stored exactly once."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
PEOPLE = 24


def post(url: str, key: str, number: int) -> str:
    data = urllib.parse.urlencode({
        "message": f"Question number {number} about a child protection conference next week",
        "who": "mother", "email": f"person{number}@example.org", "safe_to_email": "yes",
        "idempotency_key": key, "action": "send"}).encode()
    with urllib.request.urlopen(urllib.request.Request(f"{url}/contact/email/", data=data), timeout=60) as r:  # noqa: S310
        assert r.status == 200
        return r.read().decode()


def stored_keys(served) -> list[str]:
    script = ("import django; django.setup(); from harbour.enquiries.models import Enquiry; "
              "print('\\n'.join(str(k) for k in Enquiry.objects.values_list('idempotency_key', flat=True)))")
    env = {**served.env, "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    output = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[2]).stdout
    return [line for line in output.splitlines() if line]


def test_many_submissions_at_once_each_stored_exactly_once(served):
    """Each person double-clicks: twice as many posts as people, all at the same moment."""
    keys = [str(uuid.uuid4()) for _ in range(PEOPLE)]
    references: dict[str, set[str]] = {key: set() for key in keys}
    failures: list[BaseException] = []
    start = threading.Barrier(PEOPLE * 2)

    def send(key: str, number: int) -> None:
        try:
            start.wait()
            page = post(served.url, key, number)
            references[key].add(re.search(r"HB-[A-Z0-9]{4}-[A-Z0-9]{4}", page).group(0))
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            failures.append(error)

    threads = [threading.Thread(target=send, args=(key, n)) for n, key in enumerate(keys) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert all(len(refs) == 1 for refs in references.values()), "a double click showed two references"
    assert len({ref for refs in references.values() for ref in refs}) == PEOPLE
    ours = [key for key in stored_keys(served) if key in references]
    assert sorted(ours) == sorted(keys)
