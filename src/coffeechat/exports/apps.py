from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "coffeechat.exports"
    label = "exports"
    verbose_name = "Exports"
