from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "coffeechat.community"
    label = "community"
    verbose_name = "Career-office network"
