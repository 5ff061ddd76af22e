"""Fixtures shared by every test: a test database with the starter advice loaded once."""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The starter knowledge base, loaded once into the test database for the whole run."""
    from harbour.content.services import load_starter_content

    with django_db_blocker.unblock():
        load_starter_content()


@pytest.fixture
def advice(db):
    """Access to the loaded advice in a test that rolls back."""
    from harbour.content.models import AdvicePage

    return AdvicePage.objects.live()
