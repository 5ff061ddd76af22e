"""The `harbour` command line and the set-up it does before serving."""

import pytest
from django.contrib.auth import get_user_model

from harbour.cli import main
from harbour.common.setup import admin_ensure


def test_help_lists_harbours_commands(capsys):
    main(["harbour", "--help"])
    out = capsys.readouterr().out
    for command in ("serve", "setup", "load-content"):
        assert command in out


@pytest.mark.django_db
def test_first_admin_from_the_environment(monkeypatch):
    monkeypatch.setenv("HARBOUR_ADMIN_PASSWORD", "a-long-chosen-password")
    created, shown = admin_ensure()
    assert created and shown is None
    user = get_user_model().objects.get(username="admin")
    assert user.check_password("a-long-chosen-password")
    assert admin_ensure() == (False, None), "only ever one first admin"


@pytest.mark.django_db
def test_first_admin_with_a_generated_password_shown_once(monkeypatch):
    monkeypatch.delenv("HARBOUR_ADMIN_PASSWORD", raising=False)
    created, shown = admin_ensure()
    assert created and shown and len(shown) >= 16
    assert get_user_model().objects.get(username="admin").check_password(shown)
