from django.apps import AppConfig


class ChatsConfig(AppConfig):
    name = "coffeechat.chats"
    verbose_name = "Requests for a conversation"

    def ready(self):
        from coffeechat.chats.answers import accepted_request_exists, request_counts
        from coffeechat.chats.models.blocks import Block
        from coffeechat.community import answering, blocking, visibility

        visibility.register_accepted_check(accepted_request_exists)
        blocking.register_block_check(Block.between)
        answering.register_counts(request_counts)

        from coffeechat.chats import receivers  # noqa: F401 - connects the pause receiver
