from coffeechat.community.access import POLICY, can
from coffeechat.community.roles import Role, grant, roles_of
from tests.conftest import make_user


def test_one_account_may_hold_several_roles(world):
    senior = make_user("sena")
    grant(senior, Role.STUDENT, Role.VOLUNTEER)
    assert roles_of(senior) == {Role.STUDENT, Role.VOLUNTEER}
    assert can(senior, "profile.edit_own") and can(senior, "community.join")
    assert not can(senior, "office.manage")


def test_the_account_that_set_coffeechat_up_is_an_administrator(world):
    root = make_user("root")
    root.is_superuser = True
    root.save()
    assert Role.ADMINISTRATOR in roles_of(root)
    assert can(root, "office.manage")


def test_nothing_is_allowed_outside_network_mode(db, settings):
    settings.NETWORK = False
    admin = make_user("root")
    grant(admin, Role.ADMINISTRATOR)
    assert not any(can(admin, action) for action in POLICY)


def test_an_adviser_deactivates_only_inside_their_communities(world):
    assert can(world.adviser, "volunteer.deactivate", world.profile)
    assert not can(world.other_adviser, "volunteer.deactivate", world.profile)
    assert can(world.administrator, "volunteer.deactivate", world.profile)
    assert not can(world.student, "volunteer.deactivate", world.profile)


def test_laptop_mode_shows_no_network_menu(owner_client):
    assert "/network/" not in owner_client.get("/").content.decode()


def test_network_mode_shows_the_menu_only_to_people_with_a_role(world, owner_client):
    from tests.community.conftest import client_for

    assert "/network/" not in owner_client.get("/").content.decode()
    assert 'href="/network/"' in client_for(world.student).get("/").content.decode()
