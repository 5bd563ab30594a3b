"""One catalog of rules: the command line and the compose page explain each rule from it."""

from coffeechat.outreach.checker import CHANNELS, KINDS, check_document
from coffeechat.outreach.checker.catalog import RULES
from coffeechat.outreach.checker.rules import severity

from .checker_messages import BAD, GOOD
from .test_check_command import run


def test_every_rule_in_the_catalog_applies_somewhere():
    for rule in RULES:
        levels = {severity(rule, channel, kind) for channel in CHANNELS for kind in KINDS}
        assert levels - {None}, f"{rule} never applies"


def test_every_rule_the_checker_reports_is_in_the_catalog():
    reported = set()
    for _name, text, options, *_ in [*GOOD, *BAD]:
        reported |= {finding.rule for finding in check_document(text, **options).findings}
    assert reported <= set(RULES)


def test_every_entry_says_what_why_an_example_and_what_to_do():
    for rule in RULES.values():
        for part in (rule.title, rule.where, rule.looks_for, rule.why, rule.example, rule.fix):
            assert part.strip(), rule.id


def test_explain_prints_the_catalog_entry(db):
    status, out = run("--explain", "job-ask")
    assert status == 0
    rule = RULES["job-ask"]
    for part in (rule.looks_for, rule.why, rule.example, rule.fix):
        assert part in out
    assert out.startswith("job-ask: ")


def test_explain_an_unknown_rule_names_the_rules_there_are(db, capsys):
    status, _ = run("--explain", "job")
    assert status == 1
    error = capsys.readouterr().err
    assert "there is no rule 'job'" in error and "job-ask" in error


def test_the_rule_page_shows_the_same_entry(owner_client):
    response = owner_client.get("/outreach/check/rules/salary/")
    assert response.status_code == 200
    rule = RULES["salary"]
    for part in (rule.title, rule.looks_for, rule.why, rule.fix):
        assert part in response.content.decode()
    assert "coffeechat check --explain salary" in response.content.decode()


def test_an_unknown_rule_page_is_a_404(owner_client):
    assert owner_client.get("/outreach/check/rules/no-such-rule/").status_code == 404


def test_the_rule_list_links_every_rule(owner_client):
    page = owner_client.get("/outreach/check/rules/").content.decode()
    for rule in RULES:
        assert f'href="/outreach/check/rules/{rule}/"' in page


def test_each_finding_on_the_compose_page_links_to_its_rule(owner_client):
    response = owner_client.post(
        "/outreach/check/",
        {"channel": "email", "kind": "request", "body": "Dear {{ name }}, could you refer me?"},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert 'href="/outreach/check/rules/placeholder/"' in page
    assert 'href="/outreach/check/rules/job-ask/"' in page
    assert page.count(">Why?<") == page.count('class="finding finding-')
