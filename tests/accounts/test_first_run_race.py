"""The first account is made once, however many set-up posts arrive together.

Real threads, each with its own database connection, post the set-up form at the same
moment; on PostgreSQL (run the suite with DATABASE_URL) and on SQLite.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from coffeechat.accounts.models import make_setup_token

POSTS = 8


@pytest.mark.django_db(transaction=True)
def test_simultaneous_set_up_posts_make_one_administrator():
    url = f"/accounts/setup/{make_setup_token()}/"
    start = threading.Barrier(POSTS)
    answers = []

    def post(number):
        try:
            client = Client()
            start.wait()
            response = client.post(
                url,
                {
                    "username": f"first{number}",
                    "password1": "plum-orchard-77",
                    "password2": "plum-orchard-77",
                },
            )
            answers.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(POSTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(answers) == [302] * POSTS
    users = get_user_model().objects.all()
    assert users.count() == 1
    assert users.get().is_superuser
