"""The guided tools' JSON endpoints, added to Harbour's API (harbour/answering/api.py)."""

from ninja import Router

router = Router(tags=["tools"])
