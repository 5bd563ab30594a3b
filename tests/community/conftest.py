import pytest
from django.test import Client

from tests.community.world import build_world


@pytest.fixture
def network(settings):
    settings.NETWORK = True


@pytest.fixture
def world(db, network):
    return build_world()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
