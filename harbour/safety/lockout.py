"""What django-axes may know about someone signing in: the username, and nothing about the client.

Lockout is by username (config/settings/base.py), so the client's address is not needed and
is not kept; axes's log lines say only that a staff sign-in failed.
"""

from __future__ import annotations


def client_address_not_kept(request) -> None:
    return None


def client_described(username, ip_address, user_agent, path_info, request) -> str:
    return "a staff sign-in"
