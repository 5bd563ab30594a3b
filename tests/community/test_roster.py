import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from coffeechat.community.models import PendingRoster, VolunteerProfile
from coffeechat.community.roles import Role, roles_of
from tests.community.conftest import client_for
from tests.community.test_joining import link_in, mail  # noqa: F401  (a fixture)
from tests.outreach.conftest import smtp_server  # noqa: F401  (a fixture)

ROSTER = (
    "Full Name,Email,Company,Job Title,City,Industry,Class Year,Major\n"
    "Rosa Díaz,rosa@alumni.example,Harbor Bank,Analyst,Chicago,Finance,2012,Economics\n"
    "No Email,,Ionic Labs,Engineer,Denver,Energy,2014,Physics\n"
    "Rosa Again,ROSA@alumni.example,Harbor Bank,Analyst,Chicago,Finance,2012,Economics\n"
    "Vera Núñez,vera@alumni.example,Harbor Clinic,Nurse,Boston,Health,2009,Biology\n"
).encode()


@pytest.fixture
def office(world):
    world.volunteer.email = "vera@alumni.example"
    world.volunteer.save()
    return client_for(world.administrator)


def upload(office, data=ROSTER, name="alumni.csv", **fields):
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return office.post("/network/office/roster/", {"file": file, "role": "volunteer", **fields})


def test_the_preview_says_what_each_row_will_do_and_saves_nothing(office, world):
    response = upload(office, community=world.health.pk)
    pending = PendingRoster.objects.latest("pk")
    assert response.url == f"/network/office/roster/{pending.pk}/"
    page = office.get(response.url)
    rows = {row.name: (row.action, row.problem) for row in page.context["rows"]}
    assert rows["Rosa Díaz"] == ("create", "")
    assert rows["No Email"][0] == "skip"
    assert rows["Rosa Again"] == ("skip", "this address is on an earlier row")
    assert rows["Vera Núñez"][0] == "exists"
    assert not get_user_model().objects.filter(email="rosa@alumni.example").exists()


def test_confirming_makes_accounts_to_claim_with_their_profiles(office, world):
    response = upload(office, community=world.health.pk)
    office.post(response.url + "confirm/")
    rosa = get_user_model().objects.get(email="rosa@alumni.example")
    assert not rosa.has_usable_password()
    assert roles_of(rosa) == {Role.VOLUNTEER}
    assert world.health.members.filter(pk=rosa.pk).exists()
    profile = VolunteerProfile.objects.get(owner=rosa)
    assert (profile.name, profile.organization, profile.title, profile.location) == (
        "Rosa Díaz",
        "Harbor Bank",
        "Analyst",
        "Chicago",
    )
    assert (profile.class_year, profile.majors, profile.industries) == (
        2012,
        "Economics",
        "Finance",
    )
    # not in the directory until Rosa claims the account
    directory = client_for(world.student).get("/network/", {"q": "rosa"})
    assert directory.context["results"] == []
    assert PendingRoster.objects.count() == 1  # the world's own
    # Vera already had an account and a profile: kept as it was
    assert VolunteerProfile.objects.get(owner=world.volunteer).organization == "Harbor Clinic"


def test_each_person_claims_their_account_by_email(office, world, mail):  # noqa: F811
    office.post(upload(office).url + "confirm/")
    anonymous = Client()
    page = anonymous.post("/network/claim/", {"email": "Rosa@alumni.example"})
    assert "a link to claim it is on its way" in page.content.decode()
    (message,) = mail
    form = anonymous.get(link_in(message))
    assert "Your username is" in form.content.decode()
    password = "another-long-password-7"
    done = anonymous.post(link_in(message), {"new_password1": password, "new_password2": password})
    assert done.url == "/network/profile/"
    rosa = get_user_model().objects.get(email="rosa@alumni.example")
    assert rosa.check_password(password)
    directory = client_for(world.student).get("/network/", {"q": "rosa"})
    assert [r.profile.name for r in directory.context["results"]] == ["Rosa Díaz"]
    # the link is spent once the password is set
    assert anonymous.get(link_in(message)).status_code == 410


def test_asking_for_an_address_not_on_the_roster_says_the_same_and_sends_nothing(
    office,
    mail,  # noqa: F811
):
    page = Client().post("/network/claim/", {"email": "nobody@alumni.example"})
    assert "a link to claim it is on its way" in page.content.decode()
    assert mail == []


def test_a_file_that_is_not_a_roster_gets_a_clear_message(office):
    response = upload(office, data=b"\x00\xff" * 50, name="junk.csv")
    page = office.get(response.url)
    assert page.status_code == 200
    assert page.context["error"]
    assert "Import 0" not in page.content.decode()


def test_cancelling_a_roster_saves_nothing(office):
    response = upload(office)
    office.post(response.url + "confirm/", {"discard": "1"})
    assert PendingRoster.objects.count() == 1  # the world's own
    assert not get_user_model().objects.filter(email="rosa@alumni.example").exists()


def test_a_null_character_gets_the_importers_message_and_saves_nothing(office):
    data = "Full Name,Email,Company\nRo\x00sa Díaz,rosa@alumni.example,Harbor\n".encode()
    response = upload(office, data=data)
    assert "not a text file" in office.get(response.url).context["error"]
    office.post(response.url + "confirm/")
    assert not get_user_model().objects.filter(email="rosa@alumni.example").exists()
