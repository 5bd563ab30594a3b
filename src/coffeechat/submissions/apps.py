from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "coffeechat.submissions"
    label = "submissions"
    verbose_name = "Submissions"
