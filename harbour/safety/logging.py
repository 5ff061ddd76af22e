"""Keeps personal data out of the logs: no query strings, no request objects in records."""

from __future__ import annotations

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"']*")


class DropPersonalData(logging.Filter):
    """Strips query strings from messages and drops the request Django attaches to records."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = QUERY_STRING.sub("?[removed]", message)
        record.args = ()
        if hasattr(record, "request"):
            record.request = None
        return True
