from django.apps import AppConfig


class ServerConfig(AppConfig):
    """The top floor: ``coffeechat serve`` runs the whole site, so it sits above every app."""

    name = "coffeechat.server"
    label = "server"
    verbose_name = "Server"
