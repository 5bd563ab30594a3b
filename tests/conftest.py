"""Personas shared by every test: the owner of the data, and an outsider who must never see it."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from coffeechat.accounts.models import Profile

PASSWORD = "a-long-test-password-42"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs a second per user; tests check behaviour, not key stretching."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username, **profile):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    Profile.objects.create(owner=user, **profile)
    return user


@pytest.fixture
def owner(db):
    return make_user("olivia", name="Olivia Owner", school="Wellesley", major="Chemistry")


@pytest.fixture
def outsider(db):
    return make_user("oscar", name="Oscar Outsider")


@pytest.fixture
def owner_client(owner):
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def outsider_client(outsider):
    client = Client()
    client.force_login(outsider)
    return client
