from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "coffeechat.notifications"
    verbose_name = "Notifications"
