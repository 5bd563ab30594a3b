from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "coffeechat.contacts"
    label = "contacts"
    verbose_name = "Contacts"
